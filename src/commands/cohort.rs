//! `reflect cohort FILE...`: participants' progress summaries combined into one
//! table for a trainer. Summaries hold counts only; no one's words are shown.

use std::io::Write;

use anyhow::{anyhow, Result};

use crate::cli::{CohortArgs, TableFormat};
use crate::exit_codes::SUCCESS;
use crate::progress::render::{self, Style};
use crate::progress::{read_summaries, words, Cohort};
use crate::terminal;

pub fn run(ctx: &super::Context, args: CohortArgs) -> Result<u8> {
    let read = read_summaries(&args.files, args.skip_bad)?;
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
                fancy: ctx.color(),
                unicode: ctx.unicode(),
                terminal: terminal::stdout_is_terminal(),
            };
            let span = cohort
                .first
                .zip(cohort.last)
                .map(|(first, last)| (first.to_string(), last.to_string()));
            writeln!(out, "{}", words::cohort_title(cohort.participants, span))?;
            writeln!(out)?;
            render::write_table(&mut out, &cohort.table(style))?;
            writeln!(out)?;
            writeln!(out, "{}", words::cohort_reached(cohort.participants))?;
            if !cohort.months.is_empty() {
                writeln!(out)?;
                writeln!(out, "{}", words::label::by_month())?;
                writeln!(out)?;
                render::write_table(&mut out, &cohort.months_table(style))?;
            }
            writeln!(out)?;
            let reach = render::fraction(cohort.measures.network_reach());
            writeln!(
                out,
                "{}",
                words::cohort_reach(&reach, &cohort.level_names()[1])
            )?;
        }
    }
    out.flush()?;
    Ok(SUCCESS)
}
