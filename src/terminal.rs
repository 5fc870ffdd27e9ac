//! Everything about the terminal: whether we are on one, colour, asking and reading,
//! and the one-line error, warning and note formats (untrusted text in them goes
//! through [`crate::neutral`]).

use std::io::{self, IsTerminal, Read, Write};

use anyhow::{Context as _, Result};

use crate::config::{ColorWhen, Config};
use crate::{neutral, t};

pub mod width;

/// Whether standard input is an interactive terminal.
pub fn stdin_is_terminal() -> bool {
    io::stdin().is_terminal()
}

/// Whether standard output is an interactive terminal.
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// Whether standard output may be coloured (see [`Config::no_color`]): always with
/// `--color always`, otherwise only on a terminal.
pub fn color_output(config: &Config) -> bool {
    config.color == ColorWhen::Always || (!config.no_color && stdout_is_terminal())
}

/// Whether standard output may use Unicode decoration (see [`Config::ascii`]):
/// always with `--color always`, otherwise only on a terminal.
pub fn unicode_output(config: &Config) -> bool {
    config.color == ColorWhen::Always || (!config.ascii && stdout_is_terminal())
}

/// Reads everything on standard input (a pipe or a file) as UTF-8 text.
pub fn read_stdin() -> Result<String> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .with_context(|| t!("stdin-cannot-read"))?;
    String::from_utf8(bytes).with_context(|| t!("stdin-not-utf8"))
}

/// Asks a question on the terminal (stderr) and reads one line of answer.
pub fn ask(question: &str) -> Result<String> {
    let mut err = io::stderr().lock();
    write!(err, "{question}")?;
    err.flush()?;
    let mut answer = String::new();
    io::stdin()
        .read_line(&mut answer)
        .with_context(|| t!("terminal-cannot-read-answer"))?;
    Ok(answer.trim().to_string())
}

/// A menu on the terminal: asks `question` until the answer (lowercased, trimmed) is
/// one of `keys` (`""` stands for Enter). `None` when input ends (Ctrl-D).
pub fn menu(question: &str, keys: &[&str]) -> Result<Option<String>> {
    loop {
        let mut err = io::stderr().lock();
        write!(err, "{question}")?;
        err.flush()?;
        drop(err);
        let mut answer = String::new();
        let read = io::stdin()
            .read_line(&mut answer)
            .with_context(|| t!("terminal-cannot-read-answer"))?;
        if read == 0 {
            eprintln!();
            return Ok(None);
        }
        let answer = answer.trim().to_lowercase();
        if keys.contains(&answer.as_str()) {
            return Ok(Some(answer));
        }
        let listed: Vec<String> = keys
            .iter()
            .map(|key| match *key {
                "" => t!("menu-enter"),
                key => key.to_string(),
            })
            .collect();
        note(&t!(
            "menu-not-a-choice",
            answer = neutral::terminal_line(&answer).into_owned(),
            choices = or_list(&listed)
        ));
    }
}

/// `a, b or c`.
fn or_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => t!("menu-or", rest = rest.join(", "), last = last.as_str()),
        None => String::new(),
    }
}

/// Whether the error (or one of its causes) is a broken pipe: the reader of our
/// output went away (`reflect export | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Prints `reflect: <message>: <cause>: ...` on one line of stderr.
pub fn report_error(err: &anyhow::Error) {
    let message = format!("{err:#}");
    eprintln!("reflect: {}", neutral::terminal_line(&message));
}

/// Prints a warning line on stderr.
pub fn warn(message: &str) {
    let message = neutral::terminal_line(message).into_owned();
    eprintln!("{}", t!("warning-line", message = message));
}

/// Prints a note (progress or confirmation meant for the person, not a script) on stderr:
/// wrapped between words on a terminal (or at `COLUMNS`), one line otherwise, so a log
/// keeps one line per note.
pub fn note(message: &str) {
    let line = neutral::terminal_line(message);
    match width::columns(width::Stream::Stderr) {
        Some(columns) => eprint!("{}", width::wrap(&line, columns.min(width::PROSE_MAX), "")),
        None => eprintln!("{line}"),
    }
}
