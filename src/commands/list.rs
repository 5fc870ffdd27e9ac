//! `reflect list`: entries, newest written first. Reads the journal from the end,
//! so `-n 10` costs the same on any journal size.

use std::io::Write;

use anyhow::Result;
use comfy_table::{presets, ContentArrangement, Table};

use super::Context;
use crate::cli::{ListArgs, ListFormat};
use crate::entry::Entry;
use crate::exit_codes::SUCCESS;
use crate::export::json::EntryObject;
use crate::neutral;
use crate::pack::PackSet;
use crate::t;
use crate::terminal;

pub fn run(ctx: &Context, args: ListArgs) -> Result<u8> {
    let filter = ctx.filter(&args.filter)?;
    let format = args.format.unwrap_or(if terminal::stdout_is_terminal() {
        ListFormat::Table
    } else {
        ListFormat::Plain
    });
    let limit = args.limit.unwrap_or(usize::MAX);
    let packs = ctx.packs()?;
    let mut out = super::stdout();
    let mut table = new_table(ctx.fancy());
    let mut shown = 0;

    let mut entries = ctx.journal().newest_first()?;
    for entry in entries.by_ref() {
        if shown == limit {
            break;
        }
        let entry = entry?;
        if !filter.matches(&entry) {
            continue;
        }
        shown += 1;
        match format {
            ListFormat::Json => {
                serde_json::to_writer(&mut out, &EntryObject::from(&entry))?;
                out.write_all(b"\n")?;
            }
            ListFormat::Plain => writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                entry.id,
                entry.date,
                entry.level.map_or("-", |level| level.as_str()),
                neutral::plain_field(entry.theme.as_deref().unwrap_or("-")),
                neutral::plain_field(first_line(&entry.text))
            )?,
            ListFormat::Table => {
                table.add_row(row(&entry, packs));
            }
        }
    }
    entries.finish();
    if format == ListFormat::Table && shown > 0 {
        writeln!(out, "{table}")?;
    }
    out.flush()?;
    if shown == 0 {
        terminal::note(&if filter.is_empty() {
            t!("list-none-yet")
        } else {
            t!("list-none-match")
        });
    }
    Ok(SUCCESS)
}

fn new_table(fancy: bool) -> Table {
    let mut table = Table::new();
    table
        .load_preset(if fancy {
            presets::UTF8_HORIZONTAL_ONLY
        } else {
            presets::ASCII_HORIZONTAL_ONLY
        })
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header([
            t!("list-header-id"),
            t!("list-header-date"),
            t!("list-header-level"),
            t!("list-header-theme"),
            t!("list-header-entry"),
        ]);
    if !terminal::stdout_is_terminal() {
        table.set_width(100);
    }
    table
}

fn row(entry: &Entry, packs: &PackSet) -> Vec<String> {
    let theme = match (&entry.pack, &entry.theme) {
        (Some(pack), Some(theme)) => packs
            .get(pack)
            .and_then(|p| p.theme(theme))
            .map_or_else(|| theme.clone(), |t| t.title.clone()),
        (None, Some(theme)) => theme.clone(),
        _ => t!("list-free"),
    };
    vec![
        entry.id.to_string(),
        entry.date.to_string(),
        packs.placement_label(entry.pack.as_deref(), entry.level),
        neutral::terminal_line(&theme).into_owned(),
        neutral::terminal_line(&preview(&entry.text, 60)).into_owned(),
    ]
}

fn first_line(text: &str) -> &str {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
}

/// The first line, cut at `max` characters with an ellipsis.
fn preview(text: &str, max: usize) -> String {
    let line = first_line(text);
    if line.chars().count() <= max {
        return line.to_string();
    }
    let cut: String = line.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}
