//! `reflect cohort FILE...`: participants' progress summaries combined for a trainer,
//! as tables (`--by group`: one per group), JSON, CSV, or a Markdown or HTML report.
//! Summaries hold counts only; no one's words are shown. Groups under `--min-group`
//! participants are left out everywhere (see [`crate::progress::groups`]).

use std::io::Write;

use anyhow::{anyhow, Context as _, Result};

use crate::checkin::cohort::GroupCheckins;
use crate::cli::{CohortArgs, CohortBy, CohortFormat};
use crate::exit_codes::SUCCESS;
use crate::fs::Output;
use crate::progress::render::{self, Style};
use crate::progress::{group_table, read_summaries, words, Cohort};
use crate::terminal;

pub fn run(ctx: &super::Context, args: CohortArgs) -> Result<u8> {
    let read = read_summaries(&args.files, args.skip_bad)?;
    let shared: Vec<(Option<String>, Option<serde_json::Value>)> = read
        .summaries
        .iter()
        .map(|s| (s.group.clone(), s.check_in.clone()))
        .collect();
    let (cohort, notes) = Cohort::build(read.summaries, args.min_group, ctx.config.today())
        .map_err(|err| anyhow!(err))?;
    let checkins = group_checkins(&cohort, &shared)?;
    for note in read.warnings.iter().chain(&notes) {
        terminal::warn(note);
    }
    let by_group = args.by == Some(CohortBy::Group);
    let style = Style {
        fancy: args.output.is_none() && ctx.color(),
        unicode: args.output.is_none() && ctx.unicode(),
        terminal: args.output.is_none() && terminal::stdout_is_terminal(),
    };
    Output::from_arg(args.output.as_deref())
        .write(&ctx.protected_files(), |mut out| {
            match args.format {
                CohortFormat::Json => {
                    let mut value = serde_json::to_value(&cohort)?;
                    value["check_ins"] = serde_json::to_value(&checkins)?;
                    serde_json::to_writer_pretty(&mut *out, &value)?;
                    writeln!(out)?;
                }
                CohortFormat::Csv if by_group => group_table::write_csv(&mut out, &cohort)?,
                CohortFormat::Csv => cohort.write_csv(&mut out)?,
                CohortFormat::Table => {
                    write_table(out, &cohort, by_group, style)?;
                    write_checkins(out, &checkins)?;
                }
                CohortFormat::Markdown => {
                    let report = crate::report::cohort::build(&cohort, by_group, &checkins);
                    out.write_all(crate::report::markdown::render(&report).as_bytes())?;
                }
                CohortFormat::Html => {
                    let report = crate::report::cohort::build(&cohort, by_group, &checkins);
                    let lang = crate::i18n::lang().code();
                    out.write_all(crate::report::html::render(&report, lang).as_bytes())?;
                }
            }
            Ok(())
        })
        .with_context(|| crate::t!("cohort-not-written"))?;
    Ok(SUCCESS)
}

fn write_table(
    out: &mut dyn Write,
    cohort: &Cohort,
    by_group: bool,
    style: Style,
) -> std::io::Result<()> {
    let mut out = out;
    let span = cohort
        .first
        .zip(cohort.last)
        .map(|(first, last)| (first.to_string(), last.to_string()));
    writeln!(out, "{}", words::cohort_title(cohort.participants, span))?;
    writeln!(out)?;
    if by_group {
        return group_table::write_groups(&mut out, cohort, style);
    }
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
    if let Some(note) = group_table::left_out_note(cohort) {
        writeln!(out)?;
        writeln!(out, "{note}")?;
    }
    Ok(())
}

/// The check-in lines under the tables.
fn write_checkins(out: &mut dyn Write, checkins: &[GroupCheckins]) -> std::io::Result<()> {
    let width = terminal::width::prose_columns(terminal::width::Stream::Stdout);
    if !checkins.is_empty() {
        writeln!(out)?;
    }
    for (at, line) in crate::checkin::words::cohort_lines(checkins)
        .iter()
        .enumerate()
    {
        match at {
            0 => write!(out, "{}", words::wrap(line, width, ""))?,
            _ => writeln!(out, "{line}")?,
        }
    }
    Ok(())
}

/// Per group, the medians and ranges of the participants' latest check-ins (each
/// summary is already one participant's latest), under the five-participant rule.
/// Only the groups the cohort shows count: a group the privacy rule left out gives
/// no check-in figure either.
fn group_checkins(
    cohort: &Cohort,
    shared: &[(Option<String>, Option<serde_json::Value>)],
) -> Result<Vec<GroupCheckins>> {
    let shown = |group: &Option<String>| {
        cohort.left_out.participants == 0
            || cohort
                .groups
                .iter()
                .any(|g| g.name.as_deref() == group.as_deref().map(str::trim))
    };
    let mut participants = Vec::new();
    for (group, check_in) in shared {
        if let Some(check_in) = check_in.as_ref().filter(|_| shown(group)) {
            let figures =
                crate::checkin::json::read_figures(check_in).map_err(|err| anyhow!(err))?;
            participants.push((group.clone(), figures));
        }
    }
    Ok(crate::checkin::cohort::by_group(&participants))
}
