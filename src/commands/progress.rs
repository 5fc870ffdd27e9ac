//! `reflect progress`: the table by theme and the measures, the level × depth grid
//! (`--grid`), the series over time (`--by`), the shareable summary (`--format
//! json|csv`), or what it all means (`--explain`). One streaming pass over the journal.

use std::io::Write;

use anyhow::Result;

use crate::cli::{FilterArgs, ProgressArgs, TableFormat};
use crate::exit_codes::SUCCESS;
use crate::progress::render::{self, Style};
use crate::progress::summary::{canonical_depth_names, display_names};
use crate::progress::{csv, words, Observation, Scope, Summary, Tally, Windows};
use crate::terminal::{self, width};

pub fn run(ctx: &super::Context, args: ProgressArgs) -> Result<u8> {
    let packs = ctx.packs()?;
    if args.explain {
        let names = match packs.default_pack() {
            Some(pack) => crate::entry::Level::ALL.map(|l| pack.level_name(l).name.clone()),
            None => display_names(&[]),
        };
        let names = names.map(|n| crate::neutral::terminal_line(&n).into_owned());
        let mut out = super::stdout();
        write!(
            out,
            "{}",
            words::explain(&names, &canonical_depth_names(), args.window)
        )?;
        out.flush()?;
        return Ok(SUCCESS);
    }
    let (mut summary, read, checkins) = summary(ctx, &args.filter, args.window, args.by)?;

    let mut out = super::stdout();
    match args.format {
        TableFormat::Json => {
            identify(ctx, &mut summary, args.group.as_deref())?;
            serde_json::to_writer_pretty(&mut out, &summary)?;
            writeln!(out)?;
        }
        TableFormat::Csv => csv::write(&summary, &mut out)?,
        TableFormat::Table => {
            if summary.totals.total == 0 {
                terminal::note(&if read == 0 {
                    words::label::no_entries()
                } else {
                    words::nothing_matches(read)
                });
                write_checkins(&mut out, packs, &checkins)?;
                out.flush()?;
                return Ok(SUCCESS);
            }
            let style = Style {
                fancy: ctx.color(),
                unicode: ctx.unicode(),
                terminal: terminal::stdout_is_terminal(),
            };
            if args.grid {
                render::write_table(&mut out, &render::grid_table(&summary, style))?;
            } else if let Some(series) = &summary.by {
                let table = render::period_table(&series.rows, &summary.level_names(), style, None);
                render::write_table(&mut out, &table)?;
                writeln!(out)?;
                write!(
                    out,
                    "{}",
                    render::trends_text(series, &summary.measures.whole, style.unicode)
                )?;
            } else {
                render::write_table(&mut out, &render::theme_table(&summary, style))?;
                writeln!(out)?;
                render::write_table(&mut out, &render::measures_table(&summary, style))?;
                writeln!(out)?;
                let caption = words::measures_caption(&summary.level_names()[1]);
                let width = width::prose_columns(width::Stream::Stdout);
                write!(out, "{}", words::wrap(&caption, width, ""))?;
                if !checkins.is_empty() {
                    writeln!(out)?;
                    write_checkins(&mut out, packs, &checkins)?;
                }
            }
            writeln!(out)?;
            let width = width::prose_columns(width::Stream::Stdout);
            write!(out, "{}", words::wrap(&words::label::footer(), width, ""))?;
        }
    }
    out.flush()?;
    Ok(SUCCESS)
}

/// Keeps the check-ins about days within `since..=until`, latest last.
fn checkins_in_view(
    checkins: &mut Vec<crate::checkin::Checkin>,
    since: Option<chrono::NaiveDate>,
    until: Option<chrono::NaiveDate>,
) {
    checkins.retain(|c| since.is_none_or(|s| c.date >= s) && until.is_none_or(|u| c.date <= u));
    crate::checkin::sort(checkins);
}

/// A stage id in the words of the pack that defines it (the id when none does).
pub(super) fn stage_name<'a>(packs: &'a crate::pack::PackSet, id: &'a str) -> &'a str {
    packs
        .iter()
        .find_map(|p| p.stages.iter().find(|s| s.id == id))
        .map_or(id, |s| s.name.as_str())
}

/// The latest check-in and what changed since the one before, each paragraph wrapped.
fn write_checkins(
    out: &mut impl Write,
    packs: &crate::pack::PackSet,
    checkins: &[crate::checkin::Checkin],
) -> Result<()> {
    let stage_name = |id: &str| crate::neutral::terminal_line(stage_name(packs, id)).into_owned();
    let width = width::prose_columns(width::Stream::Stdout);
    for paragraph in crate::checkin::words::progress_block(checkins, &stage_name) {
        write!(out, "{}", words::wrap(&paragraph, width, ""))?;
    }
    Ok(())
}

/// The summary of the entries `filter` keeps, in one streaming read, with the
/// latest check-in in view (`check_in`); how many entries were read; the check-ins.
pub fn summary(
    ctx: &super::Context,
    filter: &FilterArgs,
    window: u32,
    by: Option<crate::cli::Period>,
) -> Result<(Summary, u64, Vec<crate::checkin::Checkin>)> {
    let packs = ctx.packs()?;
    let filter = ctx.filter(filter)?;
    let selected = ctx.selected_packs()?;
    let today = ctx.config.today();

    let windows = Windows::ending(filter.until.unwrap_or(today), window);
    let tally = Tally::new(windows, by.map(Into::into));
    let keep = std::sync::Arc::new(filter.clone());
    let (windows, by) = (tally.windows, tally.by);
    let start = move || (0u64, Tally::new(windows, by));
    let merge = |(read, tally): &mut (u64, Tally), (count, part): (u64, Tally)| {
        *read += count;
        tally.merge(&part);
    };
    let ((read, tally), mut checkins) = if filter.contains.is_none() {
        // Counting needs no words, nor any order: each entry's facts, read in place
        // in one pass, on every core.
        ctx.journal().fold_live_facts(
            start,
            move |(read, tally), facts| {
                *read += 1;
                if keep.matches_facts(facts) {
                    tally.add(&Observation::of_facts(facts));
                }
            },
            merge,
        )?
    } else {
        // Filtered and tallied on the threads that parse, run by run; this thread
        // combines the runs in order.
        ctx.journal()
            .oldest_first()?
            .fold(start, move |(read, tally), entry| {
                *read += 1;
                if keep.matches(&entry) {
                    tally.add(&Observation::of(&entry));
                }
            })
            .merged((0, tally), merge)?
    };

    let scope = Scope {
        packs,
        selected: &selected,
        default_pack: packs.default_pack().map(|p| p.id.as_str()),
        since: filter.since,
        until: filter.until,
        generated_at: ctx.config.now,
    };
    let mut summary = Summary::build(tally, &scope);
    checkins_in_view(&mut checkins, filter.since, filter.until);
    summary.check_in = crate::checkin::json::summary(&checkins);
    Ok((summary, read, checkins))
}

/// Puts the participant id (made on first use) and the group (`--group`, else
/// `group` in config.toml) into a summary that is meant to be shared.
pub fn identify(ctx: &super::Context, summary: &mut Summary, group: Option<&str>) -> Result<()> {
    summary.participant = Some(crate::participant::id(&ctx.config.participant_file)?);
    summary.group = match group {
        Some(group) => Some(group.to_string()),
        None => ctx
            .config
            .group
            .as_deref()
            .map(|g| {
                crate::participant::group(g).map_err(|err| {
                    anyhow::anyhow!("{}: group: {err}", ctx.config.config_file.path.display())
                })
            })
            .transpose()?,
    };
    Ok(())
}
