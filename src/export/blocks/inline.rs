//! Raw HTML inside a paragraph: tags, comments, declarations and processing
//! instructions are escaped so that they show as the text they are, while code
//! spans (where a backslash would show) and autolinks are left alone.

use std::collections::HashMap;

/// Pushes onto `escapes` the offset of every `<` in the paragraph that could start
/// raw HTML. `segments` are the paragraph's lines (ranges of `text`).
pub(super) fn escape_raw_html(text: &[u8], segments: &[(usize, usize)], escapes: &mut Vec<usize>) {
    // The paragraph as one string (lines joined by `\n`), with each byte's offset in `text`.
    let mut bytes = Vec::new();
    let mut offsets = Vec::new();
    for &(from, to) in segments {
        if !bytes.is_empty() {
            bytes.push(b'\n');
            offsets.push(usize::MAX);
        }
        bytes.extend_from_slice(&text[from..to]);
        offsets.extend(from..to);
    }
    if memchr::memchr(b'<', &bytes).is_none() {
        return;
    }
    let mut spans = CodeSpans::default();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'`' => {
                let len = run(&bytes[i..], b'`');
                i = match spans.closing(&bytes, i + len, len) {
                    Some(end) => end + len,
                    None => i + len,
                };
            }
            b'<' => {
                if let Some(end) = autolink(&bytes[i..]) {
                    i += end;
                    continue;
                }
                let next = bytes.get(i + 1).copied().unwrap_or(b' ');
                let after = bytes.get(i + 2).copied().unwrap_or(b' ');
                if next.is_ascii_alphabetic()
                    || matches!(next, b'!' | b'?')
                    || (next == b'/' && after.is_ascii_alphabetic())
                {
                    escapes.push(offsets[i]);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
}

fn run(bytes: &[u8], ch: u8) -> usize {
    bytes.iter().take_while(|&&b| b == ch).count()
}

/// Finds where code spans close, remembering failed searches so that a paragraph
/// full of unmatched backticks costs a single pass per run length.
#[derive(Default)]
struct CodeSpans {
    /// For a run length: a position from which no run of that length follows.
    none_after: HashMap<usize, usize>,
}

impl CodeSpans {
    /// The start of the first run of exactly `len` backticks at or after `from`.
    fn closing(&mut self, bytes: &[u8], from: usize, len: usize) -> Option<usize> {
        if self.none_after.get(&len).is_some_and(|&p| p <= from) {
            return None;
        }
        let mut i = from;
        while let Some(at) = memchr::memchr(b'`', &bytes[i..]) {
            let start = i + at;
            let n = run(&bytes[start..], b'`');
            if n == len {
                return Some(start);
            }
            i = start + n;
        }
        self.none_after.insert(len, from);
        None
    }
}

/// The length of an autolink (`<https://...>`, `<name@example.org>`) at the start
/// of `bytes`, if there is one.
fn autolink(bytes: &[u8]) -> Option<usize> {
    let end = 1 + bytes[1..]
        .iter()
        .position(|&b| b == b'>' || b == b'<' || b <= b' ')?;
    if end < 2 || bytes[end] != b'>' {
        return None;
    }
    let inside = &bytes[1..end];
    let scheme = inside.iter().position(|&b| b == b':');
    let is_uri = scheme.is_some_and(|colon| {
        (2..=32).contains(&colon)
            && inside[0].is_ascii_alphabetic()
            && inside[..colon]
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
    });
    let is_email = !is_uri && inside.contains(&b'@') && !inside.contains(&b'\\');
    (is_uri || is_email).then_some(end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(paragraph: &str) -> Vec<usize> {
        let mut escapes = Vec::new();
        escape_raw_html(paragraph.as_bytes(), &[(0, paragraph.len())], &mut escapes);
        escapes
    }

    #[test]
    fn tags_comments_and_instructions_are_escaped() {
        assert_eq!(
            escaped("a <x-y> b </x-y> <!--> <?> <!X>"),
            [2, 10, 17, 23, 27]
        );
        assert!(escaped("1 < 2 and a<-b, <3").is_empty());
    }

    #[test]
    fn code_spans_and_autolinks_are_left_alone() {
        assert!(escaped("`<b>` and ``a ` <i>`` <https://x.org/a> <me@x.org>").is_empty());
        // An unmatched run is literal backticks: what follows is not code.
        assert_eq!(escaped("``` <b>"), [4]);
    }
}
