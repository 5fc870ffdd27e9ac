//! `reflect compact`: the one command that really forgets superseded and deleted text.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::exit_codes::SUCCESS;
use crate::t;

pub fn run(ctx: &Context) -> Result<u8> {
    let journal = ctx.journal();
    let report = journal.compact()?;
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
