//! The questions on a terminal, after the text is safe: level → transfer → depth,
//! each answered with one line (a number is one key). Enter stores nothing; Enter at
//! the level question ends the questions. End of input counts as Enter, so nothing
//! ever waits without a terminal.

use anyhow::Result;

use super::Rating;
use crate::entry::{Origin, Placement};
use crate::neutral;
use crate::pack::{pick, Answer, Choice, Pack, Question};
use crate::terminal;
use crate::text::same_word;
use crate::words;

/// How the questions ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// Answered or skipped.
    Done,
    /// `q` at the level question (only when the caller allows it).
    Quit,
}

enum Reply {
    Answer(Answer),
    Skip,
    Quit,
}

/// Asks the questions of `wanted` that `rating` leaves open, in the words of `pack`.
/// An idea is not practice yet: transfer and depth are not asked of it.
pub fn ask(
    pack: &Pack,
    rating: &mut Rating,
    wanted: &[Question],
    allow_quit: bool,
) -> Result<Asked> {
    let wants = |q: Question| wanted.contains(&q);
    if wants(Question::Level) && rating.level.is_none() {
        match question(pack.choices(Question::Level), Question::Level, allow_quit)? {
            Reply::Answer(answer) => rating.set(answer),
            Reply::Skip => return Ok(Asked::Done),
            Reply::Quit => return Ok(Asked::Quit),
        }
    }
    if rating.level == Some(Placement::Idea) {
        return Ok(Asked::Done);
    }
    if let (true, None, Some(Placement::At(level))) =
        (wants(Question::From), rating.from, rating.level)
    {
        let mut choices = pack.choices(Question::From);
        choices.retain(|c| c.answer != Answer::From(Origin::Level(level)));
        if let Reply::Answer(answer) = question(choices, Question::From, false)? {
            rating.set(answer);
        }
    }
    if wants(Question::Depth) && rating.depth.is_none() {
        if let Reply::Answer(answer) =
            question(pack.choices(Question::Depth), Question::Depth, false)?
        {
            rating.set(answer);
        }
    }
    Ok(Asked::Done)
}

/// Shows one question and its numbered choices; asks again until the answer names a
/// choice or is empty.
fn question(choices: Vec<Choice>, which: Question, allow_quit: bool) -> Result<Reply> {
    let (title, hint) = match which {
        Question::Level => (words::ask_level(), words::ask_level_hint()),
        Question::From => (words::ask_from(), words::ask_hint()),
        Question::Depth => (words::ask_depth(), words::ask_hint()),
    };
    let mut lines = vec![String::new(), title];
    for (number, choice) in choices.iter().enumerate() {
        let label = neutral::terminal_line(&choice.label);
        let id = if same_word(&choice.label, &choice.id) {
            String::new()
        } else {
            format!(" ({})", neutral::terminal_line(&choice.id))
        };
        lines.push(format!("  {}. {label}{id}", number + 1));
    }
    eprintln!("{}", lines.join("\n"));
    loop {
        let answer = terminal::ask(&format!("{hint}: "))?;
        if answer.is_empty() {
            return Ok(Reply::Skip);
        }
        if allow_quit && answer.eq_ignore_ascii_case("q") {
            return Ok(Reply::Quit);
        }
        match pick(&choices, &answer) {
            Some(answer) => return Ok(Reply::Answer(answer)),
            None => terminal::note(&words::not_a_choice(&neutral::terminal_line(&answer))),
        }
    }
}
