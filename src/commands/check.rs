//! `reflect check [--repair]`: find damaged lines, and move them aside.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::CheckArgs;
use crate::exit_codes::{FAILURE, SUCCESS};
use crate::neutral;
use crate::t;

pub fn run(ctx: &Context, args: CheckArgs) -> Result<u8> {
    let journal = ctx.journal();
    let path = journal.path().display().to_string();
    let mut out = super::stdout();
    if args.repair {
        let (journal, busy) = ctx.journal_with_bar(t!("busy-repair"));
        let report = journal.repair()?;
        busy.finish();
        if report.moved == 0 {
            let line = t!(
                "check-nothing-to-repair",
                path = path.as_str(),
                records = report.kept
            );
            writeln!(out, "{line}")?;
        } else {
            let line = t!(
                "check-repaired",
                path = path.as_str(),
                moved = report.moved,
                side = report.damaged_path.display().to_string(),
                kept = report.kept
            );
            writeln!(out, "{line}")?;
        }
        if report.newer > 0 {
            let line = t!(
                "check-newer-left",
                path = path.as_str(),
                count = report.newer
            );
            writeln!(out, "{line}")?;
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
        let line = t!("check-ok", path = path.as_str(), records = report.records);
        writeln!(out, "{line}")?;
        out.flush()?;
        return Ok(SUCCESS);
    }
    let line = t!(
        "check-damaged",
        path = path.as_str(),
        damaged = report.damage.len(),
        records = report.records
    );
    writeln!(out, "{line}")?;
    out.flush()?;
    Ok(FAILURE)
}
