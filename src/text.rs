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
    }
}
