//! The check-in on a terminal: each question with its steps described one per line,
//! answered with one line. Enter skips a question, `?` (or `0` on a 1–4 scale) says
//! "don't know", anything else that names no step is asked again. End of input
//! (Ctrl-D) skips every question left, so nothing ever waits without a terminal.

use std::io::Write;

use anyhow::{Context as _, Result};

use super::{words, Answer, Answers, Convener, Scale, WORKING_SHARES};
use crate::neutral;
use crate::pack::Pack;
use crate::terminal;

/// Reads answers until input ends; after that every question is skipped unasked.
struct Input {
    ended: bool,
}

impl Input {
    /// One line typed after `prompt` (trimmed), or `None` once input has ended.
    fn line(&mut self, prompt: &str) -> Result<Option<String>> {
        if self.ended {
            return Ok(None);
        }
        let mut err = std::io::stderr().lock();
        write!(err, "{prompt}")?;
        err.flush()?;
        drop(err);
        let mut typed = String::new();
        let read = std::io::stdin()
            .read_line(&mut typed)
            .with_context(|| crate::t!("terminal-cannot-read-answer"))?;
        if read == 0 {
            eprintln!();
            self.ended = true;
            return Ok(None);
        }
        Ok(Some(typed.trim().to_string()))
    }
}

/// Asks every question not already answered in `answers`, in the words of `pack`
/// (its name for the network level, its stages), and the note when `note` is `None`.
pub fn ask(pack: &Pack, answers: &mut Answers, note: &mut Option<String>) -> Result<()> {
    let input = &mut Input { ended: false };
    let network = pack.level_name(crate::entry::Level::Network).name.clone();
    eprintln!("{}", words::intro(&neutral::terminal_line(&network)));
    for scale in Scale::ALL {
        if scale == Scale::Agenda {
            continue; // asked with the sessions, after the working share
        }
        ask_scale(input, scale, answers)?;
    }
    if !input.ended {
        eprintln!(
            "\n{}",
            words::part_before(Scale::Agenda).unwrap_or_default()
        );
    }
    if answers.working_share.is_none() {
        let steps: Vec<String> = WORKING_SHARES
            .iter()
            .map(|share| format!("  {share:>3}%  {}", words::share_step(*share)))
            .collect();
        let question = words::share_question();
        answers.working_share = one(input, &question, "working_share", &steps, "share", |word| {
            super::parse_share(word).ok()
        })?;
    }
    ask_scale(input, Scale::Agenda, answers)?;
    if answers.convener.is_none() {
        let steps: Vec<String> = Convener::ALL
            .iter()
            .enumerate()
            .map(|(at, c)| format!("  {}. {} ({})", at + 1, words::convener(*c), c.id()))
            .collect();
        let question = words::convener_question();
        answers.convener = one(
            input,
            &question,
            "convener",
            &steps,
            "choice",
            |word| match word.parse::<usize>() {
                Ok(number) => number
                    .checked_sub(1)
                    .and_then(|at| Convener::ALL.get(at))
                    .map(|c| Answer::Given(*c)),
                Err(_) => super::parse_convener(word).ok(),
            },
        )?;
    }
    if !pack.stages.is_empty() && answers.stage.is_none() {
        let steps: Vec<String> = pack
            .stages
            .iter()
            .enumerate()
            .map(|(at, stage)| {
                let mut line = format!(
                    "  {}. {} ({})",
                    at + 1,
                    neutral::terminal_line(&stage.name),
                    stage.id
                );
                if !stage.description.is_empty() {
                    line.push_str(": ");
                    line.push_str(&neutral::terminal_line(&one_line(&stage.description)));
                }
                line
            })
            .collect();
        answers.stage = one(
            input,
            &words::stage_question(),
            "stage",
            &steps,
            "choice",
            |word| {
                if super::is_dont_know(word) {
                    return Some(Answer::DontKnow);
                }
                pack.stage(word).map(|s| Answer::Given(s.id.clone()))
            },
        )?;
    }
    if note.is_none() && !input.ended {
        eprintln!();
        if let Some(typed) = input.line(&format!("{} ", words::note_question()))? {
            *note = Some(typed).filter(|t| !t.is_empty());
        }
    }
    Ok(())
}

fn ask_scale(input: &mut Input, scale: Scale, answers: &mut Answers) -> Result<()> {
    if answers.scale(scale).is_some() || input.ended {
        return Ok(());
    }
    if let Some(part) = words::part_before(scale).filter(|_| scale != Scale::Agenda) {
        eprintln!("\n{part}");
    }
    let steps: Vec<String> = Scale::STEPS
        .map(|step| format!("  {step}. {}", words::step(scale, step)))
        .collect();
    let answer = one(
        input,
        &words::question(scale),
        scale.id(),
        &steps,
        "step",
        |word| super::parse_step(word).ok(),
    )?;
    answers.set_scale(scale, answer);
    Ok(())
}

/// Shows a question and its steps, and reads answers until one is read by `read`
/// (or `?` for "don't know"), or the answer is empty (skipped).
fn one<T>(
    input: &mut Input,
    question: &str,
    id: &str,
    steps: &[String],
    hint: &str,
    read: impl Fn(&str) -> Option<Answer<T>>,
) -> Result<Option<Answer<T>>> {
    if input.ended {
        return Ok(None);
    }
    eprintln!("\n{question}\n{}", steps.join("\n"));
    let prompt = format!("{} ", words::hint(hint, &words::name(id)));
    loop {
        let typed = match input.line(&prompt)? {
            Some(typed) if !typed.is_empty() => typed,
            _ => return Ok(None),
        };
        if super::is_dont_know(&typed) {
            return Ok(Some(Answer::DontKnow));
        }
        match read(&typed) {
            Some(answer) => return Ok(Some(answer)),
            None => terminal::note(&words::not_a_choice(&neutral::terminal_line(&typed))),
        }
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
