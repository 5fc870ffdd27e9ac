//! `reflect compact`: the one command that really forgets superseded and deleted text.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::exit_codes::SUCCESS;

pub fn run(ctx: &Context) -> Result<u8> {
    let journal = ctx.journal();
    let report = journal.compact()?;
    let mut out = super::stdout();
    writeln!(
        out,
        "{}: {} record(s) compacted to {} entr{}.",
        journal.path().display(),
        report.records_before,
        report.entries_after,
        if report.entries_after == 1 {
            "y"
        } else {
            "ies"
        }
    )?;
    out.flush()?;
    Ok(SUCCESS)
}
