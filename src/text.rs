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

/// Appends `text` folded (see [`fold`]) to `out`, as bytes: what a search compares.
/// Runs of ASCII are lowercased in bulk and the letters of Latin scripts come from a
/// table (made once, by [`fold_char`]), so a search over a whole journal stays fast;
/// any other character is folded on its own.
pub fn fold_bytes_into(text: &str, out: &mut Vec<u8>) {
    /// Characters from U+0080 up to here are two bytes long in UTF-8 and folded
    /// once, into [`LATIN`].
    const TABLE_END: u32 = 0x250;
    /// A character's folded bytes, inline; `None` when longer than a slot holds.
    type Slot = Option<([u8; 8], u8)>;
    static LATIN: std::sync::LazyLock<Vec<Slot>> = std::sync::LazyLock::new(|| {
        (0x80..TABLE_END)
            .map(|c| {
                let folded = char::from_u32(c).map(fold_char).unwrap_or_default();
                let mut slot = [0; 8];
                let len = folded.len();
                (len <= slot.len()).then(|| {
                    slot[..len].copy_from_slice(folded.as_bytes());
                    (slot, len as u8)
                })
            })
            .collect()
    });
    let bytes = text.as_bytes();
    out.reserve(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let ascii = ascii_run(&bytes[i..]);
        let start = out.len();
        out.extend_from_slice(&bytes[i..i + ascii]);
        out[start..].make_ascii_lowercase();
        i += ascii;
        let Some(&lead) = bytes.get(i) else { break };
        if lead < 0xE0 {
            // Two bytes (the text is UTF-8): U+0080 to U+07FF.
            let c = u32::from(lead & 0x1F) << 6 | u32::from(bytes[i + 1] & 0x3F);
            if let Some(Some((folded, len))) =
                c.checked_sub(0x80).and_then(|at| LATIN.get(at as usize))
            {
                out.extend_from_slice(&folded[..usize::from(*len)]);
                i += 2;
                continue;
            }
        }
        let c = text[i..].chars().next().expect("a character starts here");
        thread_local! {
            /// Other characters met before (dashes and quotes recur in any text).
            static MET: std::cell::RefCell<rustc_hash::FxHashMap<char, String>> =
                std::cell::RefCell::default();
        }
        MET.with_borrow_mut(|met| {
            if met.len() > 4096 {
                met.clear(); // a text of many scripts: bounded all the same
            }
            out.extend_from_slice(met.entry(c).or_insert_with(|| fold_char(c)).as_bytes());
        });
        i += c.len_utf8();
    }
}

/// How many bytes at the start of `bytes` are ASCII: eight at a time.
fn ascii_run(bytes: &[u8]) -> usize {
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut run = 0;
    for chunk in chunks.by_ref() {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if word & HIGHS != 0 {
            return run + ((word & HIGHS).trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    run + chunks
        .remainder()
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(chunks.remainder().len())
}

/// One character folded: lowercased, decomposed (NFD), combining marks dropped.
fn fold_char(c: char) -> String {
    c.to_lowercase()
        .flat_map(|lower| std::iter::once(lower).nfd())
        .filter(|c| !is_combining_mark(*c))
        .collect()
}

/// What `--contains` looks for: folded (any case, any accents: `reunion` finds
/// `Reunión`) unless exact (`--exact`: the bytes as typed).
#[derive(Debug, Clone)]
pub struct Needle {
    text: String,
    as_typed: String,
    exact: bool,
    /// The search for `text`, built once.
    finder: memchr::memmem::Finder<'static>,
}

impl PartialEq for Needle {
    fn eq(&self, other: &Needle) -> bool {
        (&self.text, &self.as_typed, self.exact) == (&other.text, &other.as_typed, other.exact)
    }
}

impl Eq for Needle {}

impl Needle {
    pub fn new(text: &str, exact: bool) -> Needle {
        let searched = if exact {
            text.to_string()
        } else {
            fold(text).into_owned()
        };
        Needle {
            finder: memchr::memmem::Finder::new(searched.as_bytes()).into_owned(),
            text: searched,
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
            return self.finder.find(haystack.as_bytes()).is_some();
        }
        if haystack.is_ascii() {
            return ascii_find_ignoring_case(haystack.as_bytes(), needle);
        }
        thread_local! {
            static FOLDED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        FOLDED.with_borrow_mut(|folded| {
            folded.clear();
            fold_bytes_into(haystack, folded);
            self.finder.find(folded).is_some()
        })
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
        let mut out = Vec::new();
        fold_bytes_into("Reunión ÉTÉ", &mut out);
        assert_eq!(out, b"reunion ete");
    }

    proptest::proptest! {
        /// The bulk fold is the fold of each character in turn.
        #[test]
        fn folding_in_bulk_is_folding_each_character(text in "\\PC{0,40}|[a-zA-ZÀ-ɏ ]{0,40}") {
            let mut bulk = Vec::new();
            fold_bytes_into(&text, &mut bulk);
            let each: String = text.chars().map(fold_char).collect();
            proptest::prop_assert_eq!(bulk, each.into_bytes());
        }
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
