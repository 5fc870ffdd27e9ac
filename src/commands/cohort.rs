//! `reflect cohort FILE...`: participants' progress summaries combined into one
//! table for a trainer. Summaries hold counts only; no one's words are shown.

use std::io::Write;

use anyhow::{anyhow, Result};

use crate::cli::{CohortArgs, TableFormat};
use crate::exit_codes::SUCCESS;
use crate::progress::render::{self, Style};
use crate::progress::{read_summaries, Cohort};
use crate::terminal;

pub fn run(ctx: &super::Context, args: CohortArgs) -> Result<u8> {
    let read = read_summaries(&args.files)?;
    let (cohort, notes) =
        Cohort::combine(&read.summaries, ctx.config.today()).map_err(|err| anyhow!(err))?;
    for note in read.warnings.iter().chain(&notes) {
        terminal::warn(note);
    }

    let mut out = super::stdout();
    match args.format {
        TableFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &cohort)?;
            writeln!(out)?;
        }
        TableFormat::Csv => cohort.write_csv(&mut out)?,
        TableFormat::Table => {
            let style = Style {
                fancy: ctx.fancy(),
                terminal: terminal::stdout_is_terminal(),
            };
            let people = if cohort.participants == 1 {
                "participant"
            } else {
                "participants"
            };
            let span = match (cohort.first, cohort.last) {
                (Some(first), Some(last)) => format!(", entries from {first} to {last}"),
                _ => ", no entries yet".to_string(),
            };
            writeln!(out, "Cohort of {} {people}{span}", cohort.participants)?;
            writeln!(out)?;
            render::write_table(&mut out, &cohort.table(style))?;
            writeln!(out)?;
            writeln!(
                out,
                "Reached: how many of the {} {people} have at least one entry at that level or above.",
                cohort.participants
            )?;
            if !cohort.months.is_empty() {
                writeln!(out)?;
                writeln!(out, "Measures by month")?;
                writeln!(out)?;
                render::write_table(&mut out, &cohort.months_table(style))?;
            }
            writeln!(out)?;
            writeln!(
                out,
                "Network reach overall: {} rated entries at {} level or above",
                render::fraction(cohort.measures.network_reach()),
                cohort.level_names()[1]
            )?;
        }
    }
    out.flush()?;
    Ok(SUCCESS)
}
