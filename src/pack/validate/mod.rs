//! Pack validation: from the bytes of a file to a [`Pack`], or to every [`Problem`]
//! found, each with its `FILE:LINE:COLUMN`.
//!
//! A pack is untrusted input. The checks, in order:
//!
//! 1. size (at most [`MAX_PACK_BYTES`], refused before parsing) and UTF-8 (the first
//!    bad byte is reported);
//! 2. TOML syntax, and the `format` version (an unsupported format stops here: the
//!    rest of the file may follow rules this build does not know);
//! 3. the schema: unknown keys and wrongly typed values (serde stops at the first);
//! 4. every semantic rule at once: required keys, id syntax, duplicate ids, theme and
//!    level references, the number of levels, and no control characters, escape
//!    sequences or bidirectional-text overrides in any string.
//!
//! Messages never contain raw control characters: anything quoted from the file is
//! escaped (`\u{1b}`), so a problem can be printed on a terminal as is.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

mod rungs;
mod stages;
mod tables;

use super::problem::{char_name, shown, too_large, Locator, Problem};
use super::schema::{forbidden_char, PackFile, Text};
use super::{Pack, PackOrigin, FORMAT_VERSION};

/// The largest pack file accepted (4 MiB): far more than any real pack needs (the
/// built-in ones are about 20 KB), and still loaded in a blink.
pub const MAX_PACK_BYTES: usize = 4 << 20;

/// Validates a pack file's raw bytes: size, UTF-8, then everything [`check_text`] does.
pub fn check_bytes(bytes: &[u8], file: &str, origin: PackOrigin) -> Result<Pack, Vec<Problem>> {
    if bytes.len() > MAX_PACK_BYTES {
        return Err(vec![too_large(file)]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => check_text(text, file, origin),
        Err(err) => {
            let valid = String::from_utf8_lossy(&bytes[..err.valid_up_to()]);
            let (line, column) = crate::position::line_column(&valid, valid.len());
            Err(vec![Problem::new(
                file,
                line,
                column,
                &crate::t!("pack-not-utf8"),
            )])
        }
    }
}

/// Validates the text of a pack file and builds the [`Pack`].
pub fn check_text(text: &str, file: &str, origin: PackOrigin) -> Result<Pack, Vec<Problem>> {
    if text.len() > MAX_PACK_BYTES {
        return Err(vec![too_large(file)]);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let checker = Checker {
        at: Locator::new(text, file),
        problems: Vec::new(),
        notes: Vec::new(),
    };

    match toml::from_str::<PackFile>(text) {
        Ok(parsed) => {
            if let Some(problem) = parsed
                .format
                .as_ref()
                .and_then(|f| checker.at.unsupported(f))
            {
                return Err(vec![problem]);
            }
            checker.check(parsed, origin)
        }
        Err(err) => {
            // A newer format may bring keys this build does not know: say so rather
            // than report them as unknown.
            let probe = toml::from_str::<FormatProbe>(text).ok();
            let format = probe.as_ref().and_then(|probe| probe.format.as_ref());
            let problem = format
                .and_then(|f| checker.at.unsupported(f))
                .unwrap_or_else(|| checker.at.toml_problem(&err));
            Err(vec![problem])
        }
    }
}

/// Only the `format` key, read when the full schema could not be.
#[derive(Deserialize)]
struct FormatProbe {
    format: Option<Spanned<toml::Value>>,
}

/// Whether an id (pack, theme, prompt, level) is well formed: 1 to 64 characters
/// a-z, 0-9, `-` or `_`, starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    (1..=64).contains(&bytes.len())
        && (bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit())
        && bytes
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Whether a language tag has the shape of BCP 47 (`en`, `es-CL`, `zh-Hant-TW`):
/// a 2 or 3 letter language subtag (ISO 639; BCP 47's longer ones are reserved or
/// unused, and would let a name such as `english` through), then subtags of 1 to 8
/// letters or digits.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|part| {
            (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// A required id or text that was found (and is not empty), with its position.
struct Found {
    value: String,
    at: usize,
}

/// Collects problems while walking a parsed file.
struct Checker<'a> {
    at: Locator<'a>,
    problems: Vec<Problem>,
    /// Worth saying, but the pack is fine (see [`Pack::notes`]).
    notes: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, offset: usize, message: &str) {
        let problem = self.at.problem_at(offset, message);
        self.problems.push(problem);
    }

    fn note(&mut self, offset: usize, message: &str) {
        let note = self.at.problem_at(offset, message);
        self.notes.push(note);
    }

    /// An optional string: its characters are checked, and CRLF line ends (from a
    /// file saved on Windows) become plain newlines.
    fn string(&mut self, value: Option<&Text>, key: &str) -> Option<String> {
        let value = value?;
        let text = value.get_ref().replace("\r\n", "\n");
        if let Some((c, why)) = text
            .chars()
            .find_map(|c| forbidden_char(c).map(|why| (c, why)))
        {
            let at = self.at.locate_forbidden(value.span());
            let name = char_name(c);
            self.report(
                at,
                &crate::t!(
                    "pack-forbidden-char",
                    key = key,
                    why = crate::i18n::message(why, None),
                    name = name
                ),
            );
        }
        Some(text)
    }

    /// A required, non-empty string. `table` names the table for a missing key.
    fn required(
        &mut self,
        value: Option<&Text>,
        key: &str,
        table: &str,
        table_at: usize,
    ) -> Option<Found> {
        let Some(spanned) = value else {
            self.report(
                table_at,
                &crate::t!("pack-missing-key", table = table, key = key),
            );
            return None;
        };
        let text = self.string(Some(spanned), key)?;
        if text.trim().is_empty() {
            self.report(
                spanned.span().start,
                &crate::t!("pack-empty-key", key = key),
            );
            return None;
        }
        Some(Found {
            value: text,
            at: spanned.span().start,
        })
    }

    /// A required string that must fit on one line (names and titles shown in tables).
    fn one_line(
        &mut self,
        value: Option<&Text>,
        key: &str,
        table: &str,
        table_at: usize,
    ) -> Option<Found> {
        let found = self.required(value, key, table, table_at)?;
        if found.value.contains('\n') {
            self.report(found.at, &crate::t!("pack-one-line", key = key));
            return None;
        }
        Some(Found {
            value: found.value.trim().to_string(),
            at: found.at,
        })
    }

    /// A required id with the id syntax.
    fn id(&mut self, value: Option<&Text>, table: &str, table_at: usize) -> Option<Found> {
        let Some(spanned) = value else {
            self.report(
                table_at,
                &crate::t!("pack-missing-key", table = table, key = "id"),
            );
            return None;
        };
        let id = spanned.get_ref();
        if !is_valid_id(id) {
            self.report(
                spanned.span().start,
                &crate::t!("pack-bad-id", id = shown(id)),
            );
            return None;
        }
        Some(Found {
            value: id.clone(),
            at: spanned.span().start,
        })
    }

    /// Reports the second and later uses of an id; `first` remembers where each was seen.
    fn unique(&mut self, found: &Found, kind: &str, first: &mut HashMap<String, usize>) -> bool {
        match first.get(&found.value) {
            Some(&line) => {
                self.report(
                    found.at,
                    &crate::t!(
                        "pack-duplicate-id",
                        kind = crate::i18n::message(&format!("pack-kind-{kind}"), None),
                        id = shown(&found.value),
                        line = line.to_string()
                    ),
                );
                false
            }
            None => {
                let line = self.at.line_of(found.at);
                first.insert(found.value.clone(), line);
                true
            }
        }
    }

    fn check(mut self, file: PackFile, origin: PackOrigin) -> Result<Pack, Vec<Problem>> {
        // A present `format` is checked before the rest (see `check_text`).
        if file.format.is_none() {
            self.report(
                0,
                &crate::t!("pack-missing-format", version = FORMAT_VERSION.to_string()),
            );
        }
        let meta = match &file.pack {
            Some(table) => self.pack_table(table),
            None => {
                self.report(0, &crate::t!("pack-missing-pack-table"));
                None
            }
        };
        let levels = self.rungs(file.levels.as_ref(), &rungs::LEVELS);
        let depths = self.rungs(file.depths.as_ref(), &rungs::DEPTHS);
        let stages = self.stages(file.stages.as_ref());
        let (themes, theme_ids) = self.themes(file.themes.as_ref());
        let prompts = self.prompts(file.prompts.as_ref(), &theme_ids);
        let levels = levels.and_then(|names| <[_; 3]>::try_from(names).ok());
        let depths = depths.and_then(|names| <[_; 4]>::try_from(names).ok());
        // Reported in file order, whichever check found them.
        self.problems.sort_by_key(|p| (p.line, p.column));

        match (meta, levels, depths, stages) {
            (Some(meta), Some(levels), Some(depths), Some(stages)) if self.problems.is_empty() => {
                Ok(Pack {
                    id: meta.id,
                    name: meta.name,
                    version: meta.version,
                    language: meta.language,
                    description: meta.description,
                    source: meta.source,
                    author: meta.author,
                    levels,
                    depths,
                    stages,
                    themes,
                    prompts,
                    origin,
                    index: Default::default(),
                    notes: self.notes,
                })
            }
            _ => Err(self.problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const GOOD: &str = r#"format = 1

[pack]
id = "tiny"
name = "Tiny pack"
version = "1.0.0"
language = "en"

[[themes]]
id = "trust"
title = "Trust"

[[prompts]]
id = "trust-1"
theme = "trust"
question = "Who do you trust?"
level = "network"
"#;

    fn check(text: &str) -> Result<Pack, Vec<Problem>> {
        check_text(text, "p.toml", PackOrigin::Embedded("p.toml"))
    }

    fn problems(text: &str) -> Vec<String> {
        match check(text) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_good_pack_is_read_with_the_default_ladder() {
        let pack = check(GOOD).unwrap();
        assert_eq!(pack.id, "tiny");
        assert_eq!(pack.levels[1].id, "network");
        assert_eq!(pack.depths[3].id, "co-constructing");
        assert!(
            pack.notes[0]
                .to_string()
                .starts_with("p.toml:17:9: a prompt has a suggested `level`"),
            "{:?}",
            pack.notes
        );
        assert_eq!(pack.themes[0].title, "Trust");
    }

    #[test]
    fn ids_follow_the_rules() {
        assert!(is_valid_id("a"));
        assert!(is_valid_id("9-lives_2"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("-a"));
        assert!(!is_valid_id("Trust"));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id(&"a".repeat(65)));
        assert!(is_language_tag("es-CL"));
        assert!(!is_language_tag("e"));
        assert!(!is_language_tag("en_GB"));
        assert!(!is_language_tag("english"), "a language name is not a tag");
        assert!(!is_language_tag("Spanish"));
        assert!(is_language_tag("zh-Hant-TW"));
    }

    #[test]
    fn all_semantic_problems_are_reported_at_once() {
        let text = GOOD.replace("id = \"trust-1\"", "id = \"Trust 1\"").replace("question = \"Who do you trust?\"", "question = \"  \"")
            + "\n[[prompts]]\nid = \"p2\"\ntheme = \"nope\"\nquestion = \"q\"\nlevel = \"galaxy\"\n";
        // A prompt's `level` is ignored (noted, not a problem), whatever it says.
        let text = text.replace(
            "level = \"galaxy\"\n",
            "level = \"galaxy\"\n\n[[depths]]\nid = \"x\"\n",
        );
        let found = problems(&text);
        assert_eq!(found.len(), 5, "{found:#?}");
        assert!(
            found[0].starts_with("p.toml:14:6: 'Trust 1' is not a valid id"),
            "{found:#?}"
        );
        assert!(
            found[1].starts_with("p.toml:16:12: `question` is empty"),
            "{found:#?}"
        );
        assert!(
            found[2].starts_with("p.toml:21:9: no theme has the id 'nope'"),
            "{found:#?}"
        );
        assert!(
            found[3].starts_with("p.toml:25:1: a pack with [[depths]] must have exactly 4"),
            "{found:#?}"
        );
        assert!(
            found[4].starts_with("p.toml:25:1: [[depths]] is missing the required key `name`"),
            "{found:#?}"
        );
    }

    #[test]
    fn escapes_are_located_and_never_echoed_raw() {
        let text = GOOD.replace("Who do you trust?", "Who \\u001b]0;x\\u0007 trusts?");
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0]
                .starts_with("p.toml:16:17: `question` contains a control character (U+001B ESC)"),
            "{found:#?}"
        );

        let text = GOOD.replace("Tiny pack", "Tiny \u{202E}kcap");
        let found = problems(&text);
        assert!(
            found[0]
                .starts_with("p.toml:5:14: `name` contains a bidirectional-text override (U+202E)"),
            "{found:#?}"
        );

        let text = GOOD.replace("title = \"Trust\"", "\"\\e[31m\" = \"Trust\"");
        let found = problems(&text);
        assert!(
            found[0].starts_with("p.toml:11:1: unknown key `\\u{1b}[31m`"),
            "{found:#?}"
        );
        assert!(!found[0].contains('\u{1b}'));
    }

    #[test]
    fn windows_line_ends_are_fine() {
        let text = GOOD.replace('\n', "\r\n").replace(
            "question = \"Who do you trust?\"",
            "question = \"\"\"\r\nWho do\r\nyou trust?\"\"\"",
        );
        let pack = check(&text).unwrap();
        assert_eq!(pack.prompts[0].question, "Who do\nyou trust?");
    }

    #[test]
    fn non_utf8_reports_the_first_bad_byte() {
        let mut bytes = GOOD.as_bytes().to_vec();
        let at = GOOD.find("Trust\"").unwrap() + 2;
        bytes[at] = 0xff;
        let found = check_bytes(&bytes, "p.toml", PackOrigin::Embedded("p.toml")).unwrap_err();
        assert_eq!((found[0].line, found[0].column), (11, 12));
    }

    #[test]
    fn an_unsupported_format_stops_early() {
        let found = problems(&GOOD.replace("format = 1", "format = 2\nnew_key = true"));
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("p.toml:1:10: unsupported pack format 2"));
    }

    /// Fragments that, shuffled, make files that are often valid TOML and exercise
    /// the semantic checks, not only the TOML parser.
    fn tomlish() -> impl Strategy<Value = String> {
        let value = prop_oneof![
            Just("\"x\"".to_string()),
            Just("\"\"".to_string()),
            Just("\"\\e[2J\"".to_string()),
            Just("\"a\\u202Eb\"".to_string()),
            Just("\"network\"".to_string()),
            Just("\"\"\"\r\nmulti\r\nline\"\"\"".to_string()),
            "[a-z\u{1b}\u{202e}\r\n ]{0,8}".prop_map(|s| format!("{s:?}")),
            Just("3".to_string()),
        ];
        let line = prop_oneof![
            Just("format = 1".to_string()),
            Just("[pack]".to_string()),
            Just("[[levels]]".to_string()),
            Just("[[themes]]".to_string()),
            Just("[[prompts]]".to_string()),
            (
                prop::sample::select(vec![
                    "id", "name", "version", "language", "title", "theme", "question", "level",
                    "context",
                ]),
                value
            )
                .prop_map(|(key, value)| format!("{key} = {value}")),
            ".{0,12}",
        ];
        prop::collection::vec(line, 0..40).prop_map(|lines| lines.join("\n"))
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
            let _ = check_bytes(&bytes, "f", PackOrigin::Embedded("f"));
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
            let _ = check(&text);
        }

        #[test]
        fn tomlish_text_never_panics_and_problems_are_printable(text in tomlish()) {
            if let Err(found) = check(&text) {
                prop_assert!(!found.is_empty());
                for problem in found {
                    prop_assert!(problem.line >= 1 && problem.column >= 1);
                    prop_assert!(!problem.message.chars().any(|c| c.is_control()));
                }
            }
        }
    }
}
