//! `reflect compact`: the one command that really forgets superseded and deleted text.
//! On a terminal it first says how many revisions `restore` could still bring back
//! and asks; without one it goes ahead and says that count on stderr.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::exit_codes::SUCCESS;
use crate::{t, terminal};

pub fn run(ctx: &Context) -> Result<u8> {
    let journal = ctx.journal();
    let restorable = journal.restorable_revisions()?;
    if restorable > 0 {
        if terminal::stdin_is_terminal() {
            let question = t!("compact-ask", count = restorable);
            let answer = terminal::menu(&question, &["y", "n", ""])?;
            if answer.as_deref() != Some("y") {
                terminal::note(&t!("compact-kept"));
                return Ok(SUCCESS);
            }
        } else {
            terminal::note(&t!("compact-dropping", count = restorable));
        }
    }
    let (journal, busy) = ctx.journal_with_bar(t!("busy-compact"));
    let report = journal.compact()?;
    busy.finish();
    let mut out = super::stdout();
    let line = t!(
        "compact-done",
        path = journal.path().display().to_string(),
        records = report.records_before,
        entries = report.entries_after
    );
    writeln!(out, "{line}")?;
    out.flush()?;
    Ok(SUCCESS)
}
