//! `reflect progress`: the table by theme, the series over time (`--by`), or the
//! shareable summary (`--format json|csv`). One streaming pass over the journal.

use std::io::Write;

use anyhow::Result;

use crate::cli::{ProgressArgs, TableFormat};
use crate::exit_codes::SUCCESS;
use crate::progress::render::{self, Style};
use crate::progress::{Scope, Summary, Tally, Windows};
use crate::terminal;

pub fn run(ctx: &super::Context, args: ProgressArgs) -> Result<u8> {
    let filter = ctx.filter(&args.filter)?;
    let packs = ctx.packs()?;
    let selected = ctx.selected_packs()?;
    let today = ctx.config.today();

    let windows = Windows::ending(filter.until.unwrap_or(today), args.window);
    let mut tally = Tally::new(windows, args.by.map(Into::into));
    let mut read = 0u64;
    let mut entries = ctx.journal().newest_first()?;
    if filter.contains.is_none() {
        // Counting needs no words: skip decoding them.
        entries = entries.without_text();
    }
    for entry in entries {
        let entry = entry?;
        read += 1;
        if filter.matches(&entry) {
            tally.add(&entry);
        }
    }

    let scope = Scope {
        packs,
        selected: &selected,
        default_pack: packs.default_pack().map(|p| p.id.as_str()),
        since: filter.since,
        until: filter.until,
        generated: today,
    };
    let summary = Summary::build(tally, &scope);

    let mut out = super::stdout();
    match args.format {
        TableFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &summary)?;
            writeln!(out)?;
        }
        TableFormat::Csv => match &summary.by {
            Some(series) => render::periods_csv(&series.rows, &mut out)?,
            None => render::themes_csv(&summary, &mut out)?,
        },
        TableFormat::Table => {
            if summary.totals.total == 0 {
                terminal::note(&if read == 0 {
                    "No entries yet — write one with `reflect write` (or `reflect write -m TEXT`), then come back here.".to_string()
                } else {
                    format!("No entries match these filters ({read} in the journal) — try fewer filters.")
                });
                return Ok(SUCCESS);
            }
            let style = Style {
                fancy: ctx.fancy(),
                terminal: terminal::stdout_is_terminal(),
            };
            let table = match &summary.by {
                Some(series) => {
                    render::period_table(&series.rows, &summary.level_names(), style, None)
                }
                None => render::theme_table(&summary, style),
            };
            render::write_table(&mut out, &table)?;
            writeln!(out)?;
            write!(out, "{}", render::reach_text(&summary))?;
        }
    }
    out.flush()?;
    Ok(SUCCESS)
}
