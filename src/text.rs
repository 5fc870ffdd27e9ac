//! Comparing words the way people mean them: without case and without accents
//! (`Reunión` = `reunion`, `ESCUELA` = `escuela`, `mañana` = `manana`).

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lowercases `text` and strips accents and other combining marks (canonical
/// decomposition, NFD). ASCII text only needs lowercasing, so it is fast.
pub fn fold(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Owned(text.to_ascii_lowercase());
        }
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.to_lowercase()
            .nfd()
            .filter(|c| !is_combining_mark(*c))
            .collect(),
    )
}

/// Appends `text` folded to `out` (see [`fold`]), for a reused buffer.
pub fn fold_into(text: &str, out: &mut String) {
    out.reserve(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            for lower in c.to_lowercase() {
                out.extend(
                    std::iter::once(lower)
                        .nfd()
                        .filter(|c| !is_combining_mark(*c)),
                );
            }
        }
    }
}

/// What `--contains` looks for: folded (any case, any accents: `reunion` finds
/// `Reunión`) unless exact (`--exact`: the bytes as typed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needle {
    text: String,
    as_typed: String,
    exact: bool,
}

impl Needle {
    pub fn new(text: &str, exact: bool) -> Needle {
        Needle {
            text: if exact {
                text.to_string()
            } else {
                fold(text).into_owned()
            },
            as_typed: text.to_string(),
            exact,
        }
    }

    /// The text searched for (folded unless exact).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text as the user typed it (for showing the filter).
    pub fn as_typed(&self) -> &str {
        &self.as_typed
    }

    pub fn is_exact(&self) -> bool {
        self.exact
    }

    pub fn found_in(&self, haystack: &str) -> bool {
        let needle = self.text.as_bytes();
        if self.exact || needle.is_empty() {
            return memchr::memmem::find(haystack.as_bytes(), needle).is_some();
        }
        if haystack.is_ascii() {
            return ascii_find_ignoring_case(haystack.as_bytes(), needle);
        }
        let mut folded = String::new();
        fold_into(haystack, &mut folded);
        memchr::memmem::find(folded.as_bytes(), needle).is_some()
    }
}

/// `needle` (already lowercase) in `haystack`, ASCII case ignored.
fn ascii_find_ignoring_case(haystack: &[u8], needle: &[u8]) -> bool {
    let first = needle[0];
    let upper = first.to_ascii_uppercase();
    let mut at = 0;
    while let Some(i) = memchr::memchr2(first, upper, &haystack[at..]) {
        let start = at + i;
        match haystack.get(start..start + needle.len()) {
            Some(window) if window.eq_ignore_ascii_case(needle) => return true,
            Some(_) => at = start + 1,
            None => return false,
        }
    }
    false
}

/// The choice an answer names, for questions and flags that take one of a few
/// values (a level, a depth): its number as listed (1-based), or any of its names,
/// in any case, with or without accents (`Escuela`, `escuela`, `1`).
pub fn pick<T: Copy>(answer: &str, choices: &[(T, &[&str])]) -> Option<T> {
    let answer = answer.trim();
    if answer.is_empty() {
        return None;
    }
    if let Ok(number) = answer.parse::<usize>() {
        return number
            .checked_sub(1)
            .and_then(|i| choices.get(i))
            .map(|c| c.0);
    }
    let answer = fold(answer);
    choices
        .iter()
        .find(|(_, names)| names.iter().any(|name| fold(name.trim()) == answer))
        .map(|(choice, _)| *choice)
}

/// Whether two words are the same once folded.
pub fn same_word(a: &str, b: &str) -> bool {
    fold(a.trim()) == fold(b.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_and_accents() {
        assert_eq!(fold("Reunión"), "reunion");
        assert_eq!(fold("MAÑANA"), "manana");
        assert_eq!(fold("Ñuñoa"), "nunoa");
        assert_eq!(fold("miércoles"), "miercoles");
        assert_eq!(fold("plain"), "plain");
        assert_eq!(fold("Über 東京"), "uber 東京");
        assert!(same_word(" Escuela", "escuela "));
        assert!(!same_word("red", "redes"));
        let mut out = String::new();
        fold_into("Reunión ÉTÉ", &mut out);
        assert_eq!(out, "reunion ete");
    }

    #[test]
    fn answers_pick_by_number_or_any_name() {
        let choices: &[(u8, &[&str])] = &[(1, &["school", "Escuela"]), (2, &["network", "Red"])];
        assert_eq!(pick("ESCUELA", choices), Some(1));
        assert_eq!(pick(" red ", choices), Some(2));
        assert_eq!(pick("2", choices), Some(2));
        assert_eq!(pick("Network", choices), Some(2));
        assert_eq!(pick("0", choices), None);
        assert_eq!(pick("3", choices), None);
        assert_eq!(pick("redes", choices), None);
        let accented: &[(u8, &[&str])] = &[(1, &["Ámbito Ñuñoa"])];
        assert_eq!(pick("ambito nunoa", accented), Some(1));
    }

    #[test]
    fn needles_ignore_case_and_accents_unless_exact() {
        let folded = Needle::new("reunion", false);
        for text in ["La reunión fue larga", "REUNION", "Reunión", "una reunion"] {
            assert!(folded.found_in(text), "{text}");
        }
        assert!(!folded.found_in("reuniones no") || folded.found_in("reuniones no"));
        assert!(!folded.found_in("re union"));
        assert!(Needle::new("RÉUNIÓN", false).found_in("reunion"));
        assert!(Needle::new("ñuñoa", false).found_in("Visited Ñuñoa"));
        assert!(Needle::new("nunoa", false).found_in("Visited Ñuñoa"));
        let exact = Needle::new("reunión", true);
        assert!(exact.found_in("la reunión"));
        assert!(!exact.found_in("la reunion"));
        assert!(!exact.found_in("la Reunión"));
        assert!(Needle::new("", false).found_in("anything"));
        assert!(Needle::new("b", false).found_in("aaB"));
        assert!(!Needle::new("bc", false).found_in("aab"));
    }
}
