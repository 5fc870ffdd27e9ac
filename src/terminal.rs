//! Everything about the terminal: whether we are on one, colour, width, and
//! keeping untrusted text (from packs, imports, damaged lines) from driving it.

use std::borrow::Cow;
use std::io::{self, IsTerminal};

/// Whether standard input is an interactive terminal.
pub fn stdin_is_terminal() -> bool {
    io::stdin().is_terminal()
}

/// Whether standard output is an interactive terminal.
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// Colour and Unicode decoration is allowed only on a terminal and without `NO_COLOR`.
pub fn fancy_output(no_color: bool) -> bool {
    !no_color && stdout_is_terminal()
}

/// Replaces control characters (ESC, BEL, CR, C1 codes, ...) so the text cannot move
/// the cursor, change colours or retitle the terminal. Newlines are kept when
/// `keep_newlines` is true, and tabs always are.
pub fn sanitize(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let is_bad = |c: char| c.is_control() && c != '\t' && !(keep_newlines && c == '\n');
    if !text.chars().any(is_bad) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_bad(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// One-line form of untrusted text: control characters and newlines replaced.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    sanitize(text, false)
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
    eprintln!("reflect: {}", sanitize_line(&message));
}

/// Prints a warning line on stderr.
pub fn warn(message: &str) {
    eprintln!("reflect: warning: {}", sanitize_line(message));
}

/// Prints a note (progress or confirmation meant for the person, not a script) on stderr.
pub fn note(message: &str) {
    eprintln!("{}", sanitize_line(message));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_neutralised() {
        let hostile = "Trust\x1b]0;pwned\x07 \x1b[31mred\u{9b}";
        let clean = sanitize_line(hostile);
        assert!(!clean.chars().any(|c| c.is_control()));
        assert!(clean.contains("Trust"));
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(
            sanitize("line\nnext\tcol", true),
            Cow::Borrowed(_)
        ));
        assert_eq!(sanitize_line("a\nb"), "a\u{FFFD}b");
    }
}
