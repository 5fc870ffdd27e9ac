//! `reflect checkin`: the leader rates their network. Any answer given as a flag
//! means a script is speaking: nothing is asked. Otherwise, on a terminal, every
//! question is asked (see `checkin::ask`); without one it is a usage error, never a
//! wait. At least one answer (a value or "don't know") is needed to save.

use anyhow::{anyhow, Result};

use super::Context;
use crate::checkin::{self, words, Answer, Answers, Checkin, Scale};
use crate::cli::CheckinArgs;
use crate::error::usage;
use crate::exit_codes::SUCCESS;
use crate::neutral;
use crate::pack::Pack;
use crate::terminal;

pub fn run(ctx: &Context, args: CheckinArgs) -> Result<u8> {
    let pack = ctx.chosen_pack()?;
    let mut answers = flags(&args, pack)?;
    let today = ctx.config.today();
    let date = match &args.date {
        Some(text) => super::entry_day(text, today, false)?,
        None => today,
    };
    let mut note = args.note.clone().filter(|n| !n.trim().is_empty());
    if answers.answered() == 0 {
        if !terminal::stdin_is_terminal() {
            let any_flag = args.note.is_some() || args.date.is_some();
            return Err(usage(if any_flag {
                words::needs_answers()
            } else {
                words::needs_terminal()
            }));
        }
        checkin::ask::ask(pack, &mut answers, &mut note)?;
        if answers.answered() == 0 {
            return Err(anyhow!("{}", words::nothing_saved()));
        }
    }
    let checkin = Checkin {
        date,
        written: ctx.config.now,
        pack: Some(pack.id.clone()),
        answers,
        note,
    };
    ctx.journal().add_checkin(&checkin)?;
    terminal::note(&words::saved(
        &crate::dates::display_day(date),
        checkin.answers.answered(),
        checkin.answers.dont_know(),
    ));
    Ok(SUCCESS)
}

/// The answers given as flags, each checked: a value out of range is a usage error
/// listing the valid values.
fn flags(args: &CheckinArgs, pack: &Pack) -> Result<Answers> {
    let mut answers = Answers::default();
    let scales = [
        (Scale::Purpose, &args.purpose),
        (Scale::Structure, &args.structure),
        (Scale::Processes, &args.processes),
        (Scale::Collaboration, &args.collaboration),
        (Scale::Reciprocity, &args.reciprocity),
        (Scale::Trust, &args.trust),
        (Scale::Focus, &args.focus),
        (Scale::Agenda, &args.agenda),
    ];
    for (scale, value) in scales {
        if let Some(value) = value {
            let flag = format!("--{}", scale.id());
            let answer = checkin::parse_step(value)
                .map_err(|_| usage(words::bad_step(&flag, &shown(value))))?;
            answers.set_scale(scale, Some(answer));
        }
    }
    if let Some(value) = &args.working_share {
        let answer = checkin::parse_share(value)
            .map_err(|_| usage(words::bad_share("--working-share", &shown(value))))?;
        answers.working_share = Some(answer);
    }
    if let Some(value) = &args.convener {
        let answer = checkin::parse_convener(value)
            .map_err(|_| usage(words::bad_convener("--convener", &shown(value))))?;
        answers.convener = Some(answer);
    }
    if let Some(value) = &args.stage {
        if pack.stages.is_empty() {
            return Err(usage(words::no_stages("--stage", &pack.id)));
        }
        let answer = if checkin::is_dont_know(value) {
            Answer::DontKnow
        } else {
            let stage = pack.stage(value).ok_or_else(|| {
                let choices: Vec<&str> = pack.stages.iter().map(|s| s.id.as_str()).collect();
                usage(words::bad_stage(
                    "--stage",
                    &shown(value),
                    &pack.id,
                    &choices.join(", "),
                ))
            })?;
            Answer::Given(stage.id.clone())
        };
        answers.stage = Some(answer);
    }
    Ok(answers)
}

/// A value typed by the user, safe to quote in a message.
fn shown(value: &str) -> String {
    neutral::terminal_line(value).into_owned()
}
