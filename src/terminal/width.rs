//! How wide output may be, and prose wrapped to it by display width.
//!
//! The width is `COLUMNS` when it is set to a number (which also makes tests
//! deterministic), else the width of the terminal the stream is on, else none: each
//! caller then says what it uses off a terminal (80 columns for prose and tables).
//! Text is measured in display columns (`unicode-width`: an accented letter is one
//! column, a CJK character two) and broken only at spaces (`textwrap`), so a word is
//! never cut; a word longer than the line stands alone on its line.

use std::io;

/// Width used off a terminal.
pub const DEFAULT: usize = 80;
/// The widest a paragraph of prose is set, however wide the terminal: longer lines
/// are hard to read.
pub const PROSE_MAX: usize = 100;
/// Narrower reports (some pseudo-terminals say 0) are not believed.
const MIN: usize = 20;

/// Which stream the text goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// `COLUMNS` if set to a number, else the width of the terminal `stream` is on.
pub fn columns(stream: Stream) -> Option<usize> {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|value| value.trim().parse::<usize>().ok())
        .filter(|&n| n >= MIN);
    from_env.or_else(|| {
        let size = match stream {
            Stream::Stdout => terminal_size::terminal_size_of(io::stdout()),
            Stream::Stderr => terminal_size::terminal_size_of(io::stderr()),
        };
        size.map(|(width, _)| usize::from(width.0))
            .filter(|&n| n >= MIN)
    })
}

/// The width of a table on `stream`: the whole terminal, 80 columns off one.
pub fn table_columns(stream: Stream) -> usize {
    columns(stream).unwrap_or(DEFAULT)
}

/// The width of prose on `stream`: the terminal's up to [`PROSE_MAX`], 80 off one.
pub fn prose_columns(stream: Stream) -> usize {
    columns(stream).unwrap_or(DEFAULT).min(PROSE_MAX)
}

/// Wraps `text` into lines of at most `width` display columns (the indent included),
/// each starting with `first` (the first line) or `rest` (the others). Line breaks
/// in `text` are kept and a blank line stays blank; spaces at line ends are dropped.
pub fn wrap_with(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1))
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let mut lines = Vec::new();
    for (i, paragraph) in text.lines().enumerate() {
        let options = if i == 0 {
            options.clone()
        } else {
            options.clone().initial_indent(rest)
        };
        if paragraph.trim().is_empty() {
            lines.push(String::new());
            continue;
        }
        lines.extend(
            textwrap::wrap(paragraph.trim_end(), options)
                .into_iter()
                .map(|line| line.trim_end().to_string()),
        );
    }
    lines
}

/// Pack text as paragraphs: the lines of a paragraph joined with one space (they were
/// broken by hand for some other width), blank lines kept between paragraphs.
pub fn reflow(text: &str) -> String {
    let mut out = String::new();
    for (i, paragraph) in text.split("\n\n").enumerate() {
        let joined = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        if joined.is_empty() {
            continue;
        }
        if i > 0 && !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&joined);
    }
    out
}

/// [`wrap_with`] with the same indent on every line, as one string ending in a
/// newline (empty for empty text).
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    for line in wrap_with(text, width, indent, indent) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    const SPANISH: &str =
        "Piense en la última reunión de la red en la que participó el equipo directivo, \
        la jefa de UTP y la supervisora del SLEP: ¿qué práctica compartió su establecimiento, \
        qué aprendió de otro y qué acordaron hacer después con el sostenedor?";

    fn words(text: &str) -> Vec<&str> {
        text.split_whitespace().collect()
    }

    #[test]
    fn lines_fit_by_display_width_and_words_stay_whole() {
        let wide = "協働的なリーダーシップの実践について";
        let text = format!("{SPANISH} {wide} fin");
        for width in [60, 80, 160] {
            let lines = wrap_with(&text, width, "» ", "  ");
            assert!(lines[0].starts_with("» "));
            for line in &lines {
                assert!(
                    line.width() <= width,
                    "{width}: {line:?} is {}",
                    line.width()
                );
                assert!(line.len() == line.trim_end().len());
            }
            assert_eq!(
                words(&lines.join(" ").replace('»', "")),
                words(&text),
                "{width}: a word was cut or lost"
            );
            assert!(
                lines.iter().any(|l| l.contains(wide)),
                "the CJK word is whole"
            );
        }
        // Accented letters count one column: "acompañamiento" fits exactly.
        let exact = "acompañamiento reunión";
        assert_eq!(
            wrap_with(exact, 14, "", ""),
            vec!["acompañamiento", "reunión"]
        );
        // A CJK character counts two: six of them do not fit in 11 columns.
        assert_eq!(
            wrap_with("実践 実践実践実践", 11, "", ""),
            vec!["実践", "実践実践実践"]
        );
    }

    #[test]
    fn wider_terminals_get_longer_lines_and_paragraphs_stay_apart() {
        let at_60 = wrap(SPANISH, 60, "");
        let at_160 = wrap(SPANISH, 160, "");
        assert!(at_60.lines().count() > at_160.lines().count());
        assert!(at_160.lines().any(|l| l.width() > 80));
        assert_eq!(wrap("uno\n\ndos", 80, "  "), "  uno\n\n  dos\n");
        assert_eq!(wrap("", 80, ""), "");
        assert_eq!(
            reflow("una línea\nrota a mano\n\n  otro  párrafo\n"),
            "una línea rota a mano\n\notro párrafo"
        );
    }
}
