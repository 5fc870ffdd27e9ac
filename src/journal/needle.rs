//! A text search decided on raw bytes before a line is parsed (`list --contains`).
//!
//! An entry's text is stored as a JSON string: what is searched for appears in the
//! line's bytes as it is, unless JSON escapes it. So a line without the bytes cannot
//! match, and is skipped unparsed; a line with them is parsed and the filter decides.
//! A needle JSON would escape cannot be decided this way ([`Needle::new`] gives none),
//! and a line with `\u` escapes (another tool's writing) is always parsed.

use memchr::memmem;

/// Bytes an entry's text must contain.
#[derive(Debug, Clone)]
pub struct Needle {
    bytes: Vec<u8>,
    ignore_ascii_case: bool,
}

impl Needle {
    /// A prefilter for texts containing `text` exactly, or ignoring case (then only
    /// for ASCII `text`); `None` when raw bytes cannot decide.
    pub fn new(text: &str, ignore_case: bool) -> Option<Needle> {
        let escaped = text
            .chars()
            .any(|c| c == '"' || c == '\\' || c.is_control());
        if text.is_empty() || escaped || (ignore_case && !text.is_ascii()) {
            return None;
        }
        Some(Needle {
            bytes: text.as_bytes().to_vec(),
            ignore_ascii_case: ignore_case,
        })
    }

    /// Whether the line may hold an entry whose text matches.
    pub(super) fn may_match(&self, line: &[u8]) -> bool {
        let found = if self.ignore_ascii_case {
            contains_ignoring_ascii_case(line, &self.bytes)
                // Non-ASCII letters whose lowercase is ASCII: the Kelvin sign, İ.
                || memmem::find(line, "\u{212A}".as_bytes()).is_some()
                || memmem::find(line, "\u{130}".as_bytes()).is_some()
        } else {
            memmem::find(line, &self.bytes).is_some()
        };
        found || memmem::find(line, b"\\u").is_some()
    }
}

fn contains_ignoring_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
    let first = needle[0];
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, haystack).any(|at| {
        haystack
            .get(at..at + needle.len())
            .is_some_and(|window| window.eq_ignore_ascii_case(needle))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decides_on_raw_bytes_only_when_it_can() {
        assert!(Needle::new("say \"hi\"", false).is_none());
        assert!(Needle::new("ñu", true).is_none());
        let exact = Needle::new("Ñuñoa", false).unwrap();
        assert!(exact.may_match("{\"text\":\"in Ñuñoa\"}".as_bytes()));
        assert!(!exact.may_match("{\"text\":\"in ñuñoa\"}".as_bytes()));
        assert!(exact.may_match(b"{\"text\":\"in \\u00d1u\\u00f1oa\"}"));
        let folded = Needle::new("valley", true).unwrap();
        assert!(folded.may_match(b"{\"text\":\"the VALLEY\"}"));
        assert!(!folded.may_match(b"{\"text\":\"the hill\"}"));
    }
}
