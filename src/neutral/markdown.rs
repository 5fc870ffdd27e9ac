//! Data in a Markdown document: titles, tags, ids and questions from packs and
//! imports, written so that they read as what they are and create no structure.
//!
//! (The author's own entry text is not data: `export::markdown` writes it as Markdown.)

use std::io::{self, Write};

/// Writes data (a title, tag, id) as inline text that cannot create structure: ASCII
/// punctuation is backslash-escaped, line breaks and tabs become spaces, and other
/// control characters (C1 included) become U+FFFD, and bidi controls are shown
/// escaped (`\u{202e}`).
///
/// To keep the file readable, `, ; : ? ' " % @ / . -` stay as they are: none of them
/// means anything in CommonMark inside a line (`1.` and `-` mean something only at the
/// start of one, see [`write_line_start`]).
pub fn write_inline<W: Write + ?Sized>(out: &mut W, text: &str) -> io::Result<()> {
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (replacement, width): (&[u8], usize) = match INLINE[usize::from(b)] {
            Inline::Plain => {
                i += 1;
                continue;
            }
            Inline::Escape => (&ESCAPED[usize::from(b)], 1),
            Inline::Space => (b" ", 1),
            Inline::Control => ("\u{FFFD}".as_bytes(), 1),
            // U+0080 to U+009F, the C1 controls, are 0xC2 0x80..=0x9F in UTF-8.
            Inline::MaybeC1 if matches!(bytes.get(i + 1), Some(0x80..=0x9F)) => {
                ("\u{FFFD}".as_bytes(), 2)
            }
            Inline::MaybeC1 => {
                i += 1;
                continue;
            }
            // Bidi controls (all 2 or 3 bytes, led by 0xD8 or 0xE2) are shown escaped.
            Inline::MaybeBidi => match text[i..].chars().next() {
                Some(c) if super::is_bidi_control(c) => {
                    out.write_all(&bytes[plain_from..i])?;
                    write!(out, "\\u\\{{{:x}\\}}", u32::from(c))?;
                    i += c.len_utf8();
                    plain_from = i;
                    continue;
                }
                _ => {
                    i += 1;
                    continue;
                }
            },
        };
        out.write_all(&bytes[plain_from..i])?;
        out.write_all(replacement)?;
        i += width;
        plain_from = i;
    }
    out.write_all(&bytes[plain_from..])
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Inline {
    Plain,
    Escape,
    Space,
    Control,
    MaybeC1,
    MaybeBidi,
}

/// What [`write_inline`] does with each byte.
const INLINE: [Inline; 256] = {
    let mut table = [Inline::Plain; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_punctuation() {
            // `, ; : ? ' " % @ / . -` mean nothing inside a line of CommonMark.
            match c {
                b',' | b';' | b':' | b'?' | b'\'' | b'"' | b'%' | b'@' | b'/' | b'.' | b'-' => {
                    Inline::Plain
                }
                _ => Inline::Escape,
            }
        } else if c == b'\n' || c == b'\r' || c == b'\t' {
            Inline::Space
        } else if c.is_ascii_control() {
            Inline::Control
        } else {
            Inline::Plain
        };
        b += 1;
    }
    table[0xC2] = Inline::MaybeC1;
    table[0xD8] = Inline::MaybeBidi;
    table[0xE2] = Inline::MaybeBidi;
    table
};

/// `\` followed by the byte, for every byte (only punctuation is looked up).
const ESCAPED: [[u8; 2]; 256] = {
    let mut table = [[b'\\', 0]; 256];
    let mut b = 0;
    while b < 256 {
        table[b][1] = b as u8;
        b += 1;
    }
    table
};

/// Like [`write_inline`], for data that starts a line: a leading `1.` would start an
/// ordered list and a leading `-` a bullet list, a thematic break or a setext
/// underline, so that `.` or `-` is escaped too.
pub fn write_line_start<W: Write + ?Sized>(out: &mut W, text: &str) -> io::Result<()> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let marker = digits
        + usize::from(text[digits..].starts_with('.') || (digits == 0 && text.starts_with('-')));
    if marker > digits {
        out.write_all(&text.as_bytes()[..digits])?;
        out.write_all(b"\\")?;
        out.write_all(&text.as_bytes()[digits..marker])?;
        return write_inline(out, &text[marker..]);
    }
    write_inline(out, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(text: &str) -> String {
        let mut out = Vec::new();
        write_inline(&mut out, text).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn data_is_escaped_into_plain_inline_text() {
        assert_eq!(
            inline("# [x](y) *z* <b>"),
            "\\# \\[x\\]\\(y\\) \\*z\\* \\<b\\>"
        );
        assert_eq!(
            inline("Where, and why: here? 'a' \"b\" 5% a@b/c-d."),
            "Where, and why: here? 'a' \"b\" 5% a@b/c-d."
        );
        assert_eq!(inline("a\\b"), "a\\\\b");
        assert_eq!(
            inline("two\nlines\ttab\u{1b}\u{9b}x"),
            "two lines tab\u{FFFD}\u{FFFD}x"
        );
        assert_eq!(inline("Ñuñoa"), "Ñuñoa");
        let mut out = Vec::new();
        write_line_start(&mut out, "1. Not a list.").unwrap();
        write_line_start(&mut out, "---").unwrap();
        write_line_start(&mut out, "a-b").unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "1\\. Not a list.\\---a-b");
    }

    #[test]
    fn bidi_controls_in_data_are_shown_escaped() {
        assert_eq!(inline("a\u{202E}b\u{61C}"), "a\\u\\{202e\\}b\\u\\{61c\\}");
        assert_eq!(inline("\u{2022} \u{0600}"), "\u{2022} \u{0600}");
    }
}
