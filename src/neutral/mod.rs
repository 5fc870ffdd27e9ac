//! Untrusted text made safe for each kind of output. The one place that decides.
//!
//! Untrusted text is anything reflect did not write itself: pack text (a trainer
//! wrote it), imported ids (pack, prompt, theme, tag), entry text read back from a
//! file that may have been edited by hand, damaged lines. The rules:
//!
//! - **Controls never pass**: ESC (and so every ANSI/OSC sequence), BEL, the other
//!   C0 controls, DEL and the C1 controls (U+0080–U+009F, CSI among them) become
//!   U+FFFD on terminals, plain text and CSV. Tabs are kept (except in tab-separated
//!   fields); newlines only where the output is multi-line.
//! - **Bidirectional controls are shown escaped** (`\u{202e}`), never obeyed: the
//!   embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069, the marks
//!   U+200E/U+200F and U+061C. Obeyed, they make text read differently from what it is.
//! - **CSV text cells** that start with `=`, `+`, `-`, `@`, a tab or a carriage return
//!   get a leading `'` (OWASP's CSV-injection rule), so a spreadsheet shows them as
//!   text instead of running them as formulas. Numbers are not text cells.
//! - **Markdown** data (titles, tags, ids) is escaped so it creates no structure; see
//!   [`markdown`].
//! - **Messages** quoting a file ([`escaped`]) show every control and bidi character
//!   as a `\u{..}` escape, so a `FILE:LINE:COL` problem can be printed as is.

pub mod markdown;

use std::borrow::Cow;
use std::fmt::Write as _;

/// The bidirectional-text controls (embeddings, overrides, isolates and marks).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// What happens to one character on a terminal, in plain text or in CSV.
enum Treatment {
    Keep,
    Replace,
    Escape,
}

fn treatment(c: char, keep_newlines: bool, keep_tabs: bool) -> Treatment {
    if c.is_control() {
        if (c == '\n' && keep_newlines) || (c == '\t' && keep_tabs) {
            Treatment::Keep
        } else {
            Treatment::Replace
        }
    } else if is_bidi_control(c) {
        Treatment::Escape
    } else {
        Treatment::Keep
    }
}

/// Whether [`treatment`] keeps every character of `text`, decided on its UTF-8 bytes
/// (what is not kept has a recognisable encoding: the C0 controls and DEL, the C1
/// controls `C2 80`–`C2 9F`, and the bidi controls `D8 9C`, `E2 80 8E`/`8F`,
/// `E2 80 AA`–`AE` and `E2 81 A6`–`A9`). Output of a whole journal passes here.
fn all_kept(text: &str, keep_newlines: bool, keep_tabs: bool) -> bool {
    let bytes = text.as_bytes();
    // Most text has none of the bytes that start what is not kept, or few (`–` and
    // curly quotes start with `E2`): a check the compiler vectorises clears 32 bytes
    // at a time, and only the blocks with such a byte are looked at closely.
    let suspect = |b: u8| b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2;
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let kept = |i: usize, b: u8| match b {
        b'\n' => keep_newlines,
        b'\t' => keep_tabs,
        0..=0x1F | 0x7F => false,
        0xC2 => !(0x80..=0x9F).contains(&at(i + 1)),
        0xD8 => at(i + 1) != 0x9C,
        0xE2 => !matches!(
            (at(i + 1), at(i + 2)),
            (0x80, 0x8E | 0x8F | 0xAA..=0xAE) | (0x81, 0xA6..=0xA9)
        ),
        _ => true,
    };
    bytes.chunks(32).enumerate().all(|(block, chunk)| {
        !chunk.iter().fold(false, |found, &b| found | suspect(b))
            || chunk
                .iter()
                .enumerate()
                .all(|(j, &b)| !suspect(b) || kept(block * 32 + j, b))
    })
}

fn neutralise(text: &str, keep_newlines: bool, keep_tabs: bool) -> Cow<'_, str> {
    if all_kept(text, keep_newlines, keep_tabs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match treatment(c, keep_newlines, keep_tabs) {
            Treatment::Keep => out.push(c),
            Treatment::Replace => out.push('\u{FFFD}'),
            Treatment::Escape => {
                let _ = write!(out, "{}", c.escape_unicode());
            }
        }
    }
    Cow::Owned(out)
}

/// Multi-line text for a terminal (or any plain-text output): newlines and tabs kept,
/// other controls replaced, bidi controls shown escaped.
pub fn terminal(text: &str) -> Cow<'_, str> {
    neutralise(text, true, true)
}

/// One line for a terminal: like [`terminal`], and newlines are replaced too.
pub fn terminal_line(text: &str) -> Cow<'_, str> {
    neutralise(text, false, true)
}

/// One field of a tab-separated line (`--format plain`): one line, tabs become spaces.
pub fn plain_field(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\t', text.as_bytes()).is_some() {
        Cow::Owned(neutralise(&text.replace('\t', " "), false, false).into_owned())
    } else {
        neutralise(text, false, false)
    }
}

/// A text cell of CSV output: one line, controls replaced, bidi escaped, and a leading
/// `'` when the text starts like a formula. Quoting is the CSV writer's job.
pub fn csv_text(text: &str) -> Cow<'_, str> {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let line = neutralise(text, false, true);
    if formula {
        Cow::Owned(format!("'{line}"))
    } else {
        line
    }
}

/// A CSV cell: a number (`12`, `-3`, `0.25`, as reflect writes them) stays as it is,
/// anything else is a text cell ([`csv_text`]).
pub fn csv_cell(cell: &str) -> Cow<'_, str> {
    let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let is_number = !whole.is_empty()
        && !fraction.is_empty()
        && whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit());
    if is_number {
        Cow::Borrowed(cell)
    } else {
        csv_text(cell)
    }
}

/// Text quoted inside a one-line message: every control character (newlines and tabs
/// included) and bidi control becomes a `\u{..}` escape.
pub fn escaped(text: &str) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() || is_bidi_control(c);
    if !text.chars().any(bad) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if bad(c) {
            let _ = write!(out, "{}", c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_neutralised() {
        let hostile = "Trust\x1b]0;pwned\x07 \x1b[31mred\u{9b}";
        let clean = terminal_line(hostile);
        assert!(!clean.chars().any(|c| c.is_control()));
        assert!(clean.contains("Trust"));
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(terminal("line\nnext\tcol"), Cow::Borrowed(_)));
        assert_eq!(terminal_line("a\nb"), "a\u{FFFD}b");
    }

    #[test]
    fn bidi_controls_are_shown_escaped() {
        for c in [
            '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{61C}',
        ] {
            let text = format!("a{c}b");
            let shown = format!("a{}b", c.escape_unicode());
            assert_eq!(terminal(&text), shown);
            assert_eq!(plain_field(&text), shown);
            assert_eq!(csv_text(&text), shown);
            assert_eq!(escaped(&text), shown);
        }
        assert_eq!(terminal("\u{202E}"), "\\u{202e}");
    }

    #[test]
    fn csv_cells_that_look_like_formulas_are_text() {
        assert_eq!(csv_text("=1+2"), "'=1+2");
        assert_eq!(csv_text("+x"), "'+x");
        assert_eq!(csv_text("-x"), "'-x");
        assert_eq!(csv_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_text("\tx"), "'\tx");
        assert_eq!(csv_text("\rx"), "'\u{FFFD}x");
        assert_eq!(csv_text("a=b"), "a=b");
        assert_eq!(csv_text("\x1b[2Jx"), "\u{FFFD}[2Jx");
        for number in ["0", "12", "-3", "+4", "0.25", "-1.5"] {
            assert_eq!(csv_cell(number), number);
        }
        for text in ["-", "-x", "=1", "+", "-.5", "-1e3", "+1."] {
            assert_eq!(csv_cell(text), format!("'{text}"), "{text}");
        }
        assert_eq!(csv_cell("2026-W47"), "2026-W47");
    }

    #[test]
    fn plain_fields_hold_no_tabs_or_newlines() {
        assert_eq!(plain_field("a\tb"), "a b");
        assert_eq!(plain_field("a\tb\nc"), "a b\u{FFFD}c");
        assert_eq!(plain_field("a\x07"), "a\u{FFFD}");
    }

    #[test]
    fn the_byte_check_keeps_what_the_character_rules_keep() {
        for flags in [(false, false), (true, false), (false, true), (true, true)] {
            for c in (0..0x3_0000).filter_map(char::from_u32) {
                let kept = matches!(treatment(c, flags.0, flags.1), Treatment::Keep);
                let text = format!("a{c}b");
                assert_eq!(all_kept(&text, flags.0, flags.1), kept, "{c:?} {flags:?}");
            }
        }
    }

    #[test]
    fn messages_escape_everything_invisible() {
        assert_eq!(escaped("a\nb\x1b"), "a\\u{a}b\\u{1b}");
        assert!(matches!(escaped("fine"), Cow::Borrowed(_)));
    }
}
