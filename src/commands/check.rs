//! `reflect check [--repair]`: find damaged lines, and move them aside.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::CheckArgs;
use crate::exit_codes::{FAILURE, SUCCESS};
use crate::neutral;

pub fn run(ctx: &Context, args: CheckArgs) -> Result<u8> {
    let journal = ctx.journal();
    let path = journal.path().display().to_string();
    let mut out = super::stdout();
    if args.repair {
        let report = journal.repair()?;
        if report.moved == 0 {
            writeln!(
                out,
                "{path}: no damaged lines; nothing to repair ({} records).",
                report.kept
            )?;
        } else {
            writeln!(
                out,
                "{path}: moved {} damaged line(s) to {}; kept {} good record(s).",
                report.moved,
                report.damaged_path.display(),
                report.kept
            )?;
        }
        out.flush()?;
        return Ok(SUCCESS);
    }
    let report = journal.check()?;
    for damage in &report.damage {
        writeln!(
            out,
            "{path}:{}: {}",
            damage.line,
            neutral::terminal_line(&damage.problem.to_string())
        )?;
    }
    if report.damage.is_empty() {
        writeln!(out, "{path}: ok ({} records).", report.records)?;
        out.flush()?;
        return Ok(SUCCESS);
    }
    writeln!(
        out,
        "{path}: {} damaged line(s), {} good record(s). Run `reflect check --repair` to move the damaged lines aside.",
        report.damage.len(),
        report.records
    )?;
    out.flush()?;
    Ok(FAILURE)
}
