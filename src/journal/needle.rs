//! A text search decided on raw bytes before a line is parsed (`list --contains`).
//!
//! An entry's text is stored as a JSON string: what is searched for appears in the
//! line's bytes as it is, unless JSON escapes it. So a line without the bytes cannot
//! match, and is skipped unparsed; a line with them is parsed and the filter decides.
//! A needle JSON would escape cannot be decided this way ([`Needle::new`] gives none),
//! and a line with `\u` or `\/` escapes (another tool's writing) is always parsed.
//!
//! A folded search (any case, any accents) folds the raw line the way the filter
//! folds the text ([`crate::text::fold_bytes_into`]): folding works character by
//! character, so the folded text of a match is in the folded line too.

use std::ops::ControlFlow;

use memchr::memmem::Finder;

use crate::bytes::{self, Find};

/// Bytes an entry's text must contain, as they are or once folded.
#[derive(Debug, Clone)]
pub struct Needle {
    /// The search, built once (a search per line would rebuild it).
    finder: Finder<'static>,
    folded: bool,
}

impl Needle {
    /// A prefilter for texts containing `text`: exactly, or once folded (`text` is
    /// then already folded, as [`crate::text::fold`] makes it). `None` when raw
    /// bytes cannot decide.
    pub fn new(text: &str, folded: bool) -> Option<Needle> {
        let escaped = text
            .chars()
            .any(|c| c == '"' || c == '\\' || c == '/' || c.is_control());
        if text.is_empty() || escaped {
            return None;
        }
        Some(Needle {
            finder: Finder::new(text.as_bytes()).into_owned(),
            folded,
        })
    }

    /// Whether the line may hold an entry whose text matches.
    pub(super) fn may_match(&self, line: &[u8]) -> bool {
        self.found_in(line) || has_undecidable_escape(line)
    }

    fn found_in(&self, line: &[u8]) -> bool {
        if !self.folded {
            return self.finder.find(line).is_some();
        }
        let Ok(line) = simdutf8::basic::from_utf8(line) else {
            return true; // damaged: the parser says so
        };
        thread_local! {
            static FOLDED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        FOLDED.with_borrow_mut(|folded| {
            folded.clear();
            crate::text::fold_bytes_into(line, folded);
            self.finder.find(folded).is_some()
        })
    }
}

/// A `\u` or `\/` escape (another tool's writing), after which raw bytes cannot
/// decide. An escaped backslash before a `u` counts too: it only costs a parse.
fn has_undecidable_escape(line: &[u8]) -> bool {
    // One pass over the line, however many escapes it holds.
    bytes::walk(line, Find::Backslashes, |at| match line.get(at + 1) {
        Some(b'u' | b'/') => ControlFlow::Break(()),
        _ => ControlFlow::Continue(at + 2),
    })
    .is_break()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decides_on_raw_bytes_only_when_it_can() {
        assert!(Needle::new("say \"hi\"", false).is_none());
        assert!(Needle::new("a/b", true).is_none());
        let exact = Needle::new("Ñuñoa", false).unwrap();
        assert!(exact.may_match("{\"text\":\"in Ñuñoa\"}".as_bytes()));
        assert!(!exact.may_match("{\"text\":\"in ñuñoa\"}".as_bytes()));
        assert!(exact.may_match(b"{\"text\":\"in \\u00d1u\\u00f1oa\"}"));
        assert!(exact.may_match(b"{\"text\":\"a\\/b\"}"));
        assert!(!exact.may_match(b"{\"text\":\"one\\nTwo \\\"quoted\\\"\"}"));
        let folded = Needle::new("nunoa", true).unwrap();
        assert!(folded.may_match("{\"text\":\"the ÑUÑOA school\"}".as_bytes()));
        assert!(folded.may_match("{\"text\":\"Nunoa\"}".as_bytes()));
        assert!(!folded.may_match("{\"text\":\"the hill\"}".as_bytes()));
        assert!(folded.may_match(b"{\"text\":\"\\u00d1u\\u00f1oa\"}"));
    }
}
