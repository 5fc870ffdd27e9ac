//! Problems in a pack file and where they are: every [`Problem`] prints as
//! `FILE:LINE:COLUMN: message`, with the position of the character at fault (for an
//! escape such as `\e` or `\u202E`, the escape in the file) and a message that is
//! safe to print (anything quoted from the file is escaped).

use std::fmt;
use std::ops::Range;

use toml::Spanned;

use super::schema::forbidden_char;
use super::FORMAT_VERSION;
use crate::position::LineIndex;

/// One problem in a pack file, printed as `FILE:LINE:COLUMN: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl Problem {
    /// A problem at a 1-based line and column; the message is made safe to print.
    pub fn new(file: &str, line: usize, column: usize, message: &str) -> Problem {
        Problem {
            file: file.to_string(),
            line,
            column,
            message: crate::neutral::escaped(message).into_owned(),
        }
    }
}

/// The problem of a file over [`super::MAX_PACK_BYTES`] (only that much is read, so
/// its real size is not known).
pub(super) fn too_large(file: &str) -> Problem {
    Problem::new(
        file,
        1,
        1,
        &crate::t!(
            "pack-too-large",
            mib = (super::MAX_PACK_BYTES >> 20).to_string(),
            bytes = super::MAX_PACK_BYTES.to_string()
        ),
    )
}

/// A value from the file, quoted for a message (shortened when long).
pub(super) fn shown(value: &str) -> String {
    const MAX: usize = 40;
    let text = if value.chars().count() > MAX {
        format!("{}...", value.chars().take(MAX).collect::<String>())
    } else {
        value.to_string()
    };
    crate::t!("pack-quoted", text = text)
}

/// `U+001B (ESC)` style name of a character for messages.
pub(super) fn char_name(c: char) -> String {
    let short = match c {
        '\u{0}' => Some("NUL"),
        '\u{7}' => Some("BEL"),
        '\u{8}' => Some("BS"),
        '\u{c}' => Some("FF"),
        '\r' => Some("CR"),
        '\u{1b}' => Some("ESC"),
        '\u{7f}' => Some("DEL"),
        '\u{9b}' => Some("CSI"),
        _ => None,
    };
    match short {
        Some(short) => format!("U+{:04X} {short}", c as u32),
        None => format!("U+{:04X}", c as u32),
    }
}

/// Turns byte offsets of one file into problems at a line and column. The line
/// starts are indexed once, so reporting stays linear however many problems a
/// large pack has.
pub(super) struct Locator<'a> {
    text: &'a str,
    file: &'a str,
    lines: LineIndex<'a>,
}

impl<'a> Locator<'a> {
    pub(super) fn new(text: &'a str, file: &'a str) -> Locator<'a> {
        Locator {
            text,
            file,
            lines: LineIndex::new(text),
        }
    }

    pub(super) fn problem_at(&self, offset: usize, message: &str) -> Problem {
        let (line, column) = self.lines.line_column(offset);
        Problem::new(self.file, line, column, message)
    }

    /// The problem with a `format` value other than the one this build reads.
    pub(super) fn unsupported(&self, format: &Spanned<toml::Value>) -> Option<Problem> {
        let message = match format.get_ref().as_integer() {
            Some(n) if n == i64::from(FORMAT_VERSION) => return None,
            Some(n) => crate::t!(
                "pack-unsupported-format",
                format = n.to_string(),
                reads = FORMAT_VERSION.to_string()
            ),
            None => crate::t!("pack-format-not-number", reads = FORMAT_VERSION.to_string()),
        };
        Some(self.problem_at(format.span().start, &message))
    }

    pub(super) fn line_of(&self, offset: usize) -> usize {
        self.lines.line(offset)
    }

    pub(super) fn toml_problem(&self, err: &toml::de::Error) -> Problem {
        let offset = err.span().map_or(0, |span| span.start);
        let message = err
            .message()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let at = self.text.get(offset..).and_then(|rest| rest.chars().next());
        let message = if let Some((c, why)) = at.and_then(|c| forbidden_char(c).map(|why| (c, why)))
        {
            // The parser's words for this ("invalid basic string") do not say what is wrong.
            crate::t!(
                "pack-file-forbidden-char",
                why = crate::i18n::message(why, None),
                name = char_name(c)
            )
        } else if let Some(rest) = message.strip_prefix("unknown field") {
            crate::t!("pack-unknown-key", rest = rest)
        } else if message == "duplicate key" {
            let key = err
                .span()
                .and_then(|span| self.text.get(span))
                .unwrap_or_default();
            crate::t!("pack-duplicate-key", key = key)
        } else {
            message
        };
        self.problem_at(offset, &message)
    }

    /// Where in the file the first forbidden character of a string value is: the
    /// character itself, or the escape (`\e`, `\x1b`, `\u202E`, ...) that produced it.
    /// Falls back to the start of the value.
    pub(super) fn locate_forbidden(&self, span: Range<usize>) -> usize {
        let Some(raw) = self.text.get(span.clone()) else {
            return span.start;
        };
        let mut chars = raw.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n') {
                continue;
            }
            if forbidden_char(c).is_some() {
                return span.start + i;
            }
        }
        let mut chars = raw.char_indices();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                continue;
            }
            let rest = &raw[i + 1..];
            let hex = |len: usize| {
                rest.get(1..=len)
                    .and_then(|digits| u32::from_str_radix(digits, 16).ok())
                    .and_then(char::from_u32)
            };
            let decoded = match rest.chars().next() {
                Some('e') => Some('\u{1b}'),
                Some('b') => Some('\u{8}'),
                Some('f') => Some('\u{c}'),
                Some('x') => hex(2),
                Some('u') => hex(4),
                Some('U') => hex(8),
                _ => None,
            };
            if decoded.is_some_and(|c| forbidden_char(c).is_some()) {
                return span.start + i;
            }
            chars.next(); // the escaped character (so `\\e` is not read as `\e`)
        }
        span.start
    }
}
