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

    let checkins = group_checkins(&read.summaries)?;
    let mut out = super::stdout();
    match args.format {
        TableFormat::Json => {
            let mut value = serde_json::to_value(&cohort)?;
            value["check_ins"] = serde_json::to_value(&checkins)?;
            serde_json::to_writer_pretty(&mut out, &value)?;
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
            let width = terminal::width::prose_columns(terminal::width::Stream::Stdout);
            if !checkins.is_empty() {
                writeln!(out)?;
            }
            for (at, line) in crate::checkin::words::cohort_lines(&checkins)
                .iter()
                .enumerate()
            {
                match at {
                    0 => write!(out, "{}", words::wrap(line, width, ""))?,
                    _ => writeln!(out, "{line}")?,
                }
            }
        }
    }
    out.flush()?;
    Ok(SUCCESS)
}

/// Per group, the medians and ranges of the participants' latest check-ins (each
/// summary is already one participant's latest), under the five-participant rule.
fn group_checkins(
    summaries: &[crate::progress::Summary],
) -> Result<Vec<crate::checkin::cohort::GroupCheckins>> {
    let mut participants = Vec::new();
    for summary in summaries {
        if let Some(check_in) = &summary.check_in {
            let figures =
                crate::checkin::json::read_figures(check_in).map_err(|err| anyhow!(err))?;
            participants.push((summary.group.clone(), figures));
        }
    }
    Ok(crate::checkin::cohort::by_group(&participants))
}
