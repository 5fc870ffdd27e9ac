//! `reflect history ID`: an entry's revisions with what changed word by word, and
//! `reflect restore ID [--revision N]`: an earlier text, or a deleted entry, back
//! as a new revision (the append-only journal holds them until `compact`).

use std::io::Write;
use std::time::{Duration, Instant};

use anyhow::Result;

use super::Context;
use crate::cli::{HistoryArgs, RestoreArgs};
use crate::entry::Entry;
use crate::error::usage;
use crate::exit_codes::SUCCESS;
use crate::history::{field_changes, word_diff};
use crate::journal::record::Op;
use crate::journal::Revision;
use crate::{neutral, t, terminal};

pub fn history(ctx: &Context, args: HistoryArgs) -> Result<u8> {
    let (id, revisions) = ctx.journal().revisions(&args.id)?;
    let mut out = super::stdout();
    writeln!(out, "{}", t!("history-heading", id = id.to_string()))?;
    // The last text shown, the base of the next diff (a retraction has none).
    let mut previous: Option<&Entry> = None;
    // The diffs share one second: past it, each is found in linear time (coarser).
    let deadline = Instant::now() + Duration::from_secs(1);
    for revision in &revisions {
        writeln!(out)?;
        writeln!(out, "{}", heading(revision))?;
        let Some(entry) = &revision.entry else {
            continue;
        };
        match previous {
            None => {
                let level = entry.level.map_or("-", |level| level.as_str());
                let fields = format!("{} · {level}", entry.date);
                writeln!(out, "  {}", neutral::terminal_line(&fields))?;
                indented(&mut out, &entry.text)?;
            }
            Some(before) => {
                for change in field_changes(before, entry) {
                    let line = format!("{}: {} → {}", change.field, change.before, change.after);
                    writeln!(out, "  {}", neutral::terminal_line(&line))?;
                }
                match word_diff(&before.text, &entry.text, deadline) {
                    Some(diff) => indented(&mut out, &diff)?,
                    None => writeln!(out, "  {}", t!("history-same-text"))?,
                }
            }
        }
        previous = Some(entry);
    }
    out.flush()?;
    Ok(SUCCESS)
}

pub fn restore(ctx: &Context, args: RestoreArgs) -> Result<u8> {
    let journal = ctx.journal();
    let (id, revisions) = journal.revisions(&args.id)?;
    let deleted = revisions.last().is_some_and(|r| r.op == Op::Delete);
    let chosen = match args.revision {
        Some(number) => revisions
            .iter()
            .find(|r| r.number == number)
            .ok_or_else(|| {
                usage(t!(
                    "restore-no-such-revision",
                    number = number,
                    count = revisions.len()
                ))
            })?,
        None if deleted => revisions
            .iter()
            .rev()
            .find(|r| r.entry.is_some())
            .expect("a deleted entry was written first"),
        None => return Err(usage(t!("restore-name-a-revision", id = id.to_string()))),
    };
    let Some(entry) = &chosen.entry else {
        return Err(usage(t!("restore-a-deletion", number = chosen.number)));
    };
    let current = revisions.last().and_then(|r| r.entry.as_ref());
    if !deleted && current.is_some_and(|c| *c == restored(entry, c)) {
        terminal::note(&t!(
            "restore-no-change",
            id = id.to_string(),
            number = chosen.number
        ));
        return Ok(SUCCESS);
    }
    journal.revise(entry, ctx.config.now)?;
    let mut out = super::stdout();
    writeln!(out, "{id}")?;
    out.flush()?;
    terminal::note(&t!(
        "restore-done",
        id = id.to_string(),
        number = chosen.number
    ));
    Ok(SUCCESS)
}

/// `entry` with the bookkeeping fields of `current`, to compare contents.
fn restored(entry: &Entry, current: &Entry) -> Entry {
    Entry {
        written: current.written,
        revised: current.revised,
        ..entry.clone()
    }
}

fn heading(revision: &Revision) -> String {
    let moment = revision.written.format("%Y-%m-%d %H:%M %:z").to_string();
    let id = match revision.op {
        Op::Add => "history-written",
        Op::Edit => "history-edited",
        Op::Delete => "history-deleted",
    };
    t!(id, number = revision.number, moment = moment)
}

fn indented(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    for line in neutral::terminal(text).lines() {
        if line.is_empty() {
            writeln!(out)?;
        } else {
            writeln!(out, "    {line}")?;
        }
    }
    Ok(())
}
