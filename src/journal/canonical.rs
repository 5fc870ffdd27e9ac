//! The fastest reading of a record: a line exactly as [`Record::to_line`] writes an
//! add or edit (keys in their order, nothing unknown, short values without
//! escapes). Reading it is a walk along the line, no key lookups.
//!
//! Anything else (a delete, an escaped id or tag, a `\u` escape in the text, a
//! field another program added, damage) answers `None`, and the general parsers
//! decide, so this path never accepts a line they would refuse, nor reads one
//! differently (a property test holds it to that).
//!
//! The text is checked in one pass for quotes, backslashes and control characters
//! ([`crate::bytes`]).

use std::ops::ControlFlow;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::flat_json;
use super::ids::IdKey;
use super::moments as fast;
use super::record::{entry_moments, Extra, LineProblem, Op, Record};
use crate::bytes::{self, Find};
use crate::entry::{Depth, EntryId, EntryRef, Facts, Origin, Placement, Tags};

/// `Some` when `line` is a canonical add or edit: the record (its text decoded, or
/// only checked when `with_text` is false), or why it is refused.
pub(super) fn parse(line: &[u8], with_text: bool) -> Option<Result<Record, LineProblem>> {
    match view(line)? {
        Ok(view) => view.into_record(with_text).map(Ok),
        Err(problem) => Some(Err(problem)),
    }
}

/// A canonical add or edit read in place: every field but the text, borrowed from
/// the line (the text is checked). For readers that only count: no allocation.
#[derive(Debug, Clone)]
pub(super) struct View<'a> {
    v: u32,
    pub(super) op: Op,
    id: &'a str,
    /// The id as a map key (which also checks it is one).
    pub(super) key: IdKey,
    date: NaiveDate,
    written: DateTime<FixedOffset>,
    created: Option<DateTime<FixedOffset>>,
    level: Option<Placement>,
    depth: Option<Depth>,
    from: Option<Origin>,
    pack: Option<&'a str>,
    pack_version: Option<&'a str>,
    prompt: Option<&'a str>,
    theme: Option<&'a str>,
    /// The inside of the tags array (`"a","b"`), empty when there is none.
    tags: &'a str,
    /// The inside of the text's string, and which escapes it has.
    text: &'a str,
    escapes: Escapes,
}

/// What a reader needs of an entry's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Words {
    /// Nothing (it counts).
    None,
    /// The text.
    Text,
    /// The text as JSON: [`EntryRef::json`] when the line holds it as `serde_json`
    /// writes it (the text is then left empty), else the text.
    Json,
}

/// The escapes in a plain text (one [`check_text`] accepts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Escapes {
    None,
    /// Only those `serde_json` writes: the text inside the quotes is as it would
    /// write it.
    AsSerdeWrites,
    /// Also `\/`, which `serde_json` writes as a plain `/`.
    Others,
}

/// `Some` when `line` is a canonical add or edit: its [`View`], or why the record
/// is refused (a newer version, a year out of range).
pub(super) fn view(line: &[u8]) -> Option<Result<View<'_>, LineProblem>> {
    // The whole line once: short values are then plain `str`s.
    let line = simdutf8::basic::from_utf8(line).ok()?;
    let (mut view, at) = head(line)?;
    let text = line.get(at..)?.strip_suffix("\"}")?;
    view.escapes = check_text(text.as_bytes())?;
    view.text = text;
    Some(view.checked())
}

/// [`view`] of the line that starts `rest` (text already checked as UTF-8, which may
/// run on past the line), and the length of the line: its text's walk finds the
/// closing quote, then `}` ends the line (before a newline or the end of `rest`).
/// `None` when the general parsers must decide, including a line ending in `\r`.
pub(super) fn view_in(rest: &str) -> Option<(Result<View<'_>, LineProblem>, usize)> {
    let (mut view, at) = head(rest)?;
    let raw = &rest.as_bytes()[at..];
    let (escapes, close) = text_in(raw)?;
    if raw.get(close + 1) != Some(&b'}') || !matches!(raw.get(close + 2), None | Some(b'\n')) {
        return None;
    }
    view.text = &rest[at..at + close];
    view.escapes = escapes;
    Some((view.checked(), at + close + 2))
}

/// The facts of a canonical add or edit, read from the fields before its text, the
/// text itself unchecked: for a pass that only sorts entries (the pass that reads
/// them checks the whole line). `None` when the general parsers must decide, or
/// when the record is refused.
pub(super) fn head_facts(line: &[u8]) -> Option<Facts<'_>> {
    // No value before the text holds a quote unescaped, so the first `,"text":"` is
    // where the text starts (an escaped one leaves the line to the general parsers).
    let text_at = memchr::memmem::find(line, TEXT_KEY)? + TEXT_KEY.len();
    let head_bytes = simdutf8::basic::from_utf8(&line[..text_at]).ok()?;
    let (view, at) = head(head_bytes)?;
    (at == text_at).then_some(())?;
    view.checked().ok().map(|view| view.facts())
}

const TEXT_KEY: &[u8; 9] = b",\"text\":\"";

/// Every field of a canonical add or edit before its text, and where the text
/// starts (just past `,"text":"`). The view's text is left empty.
fn head(line: &str) -> Option<(View<'_>, usize)> {
    let mut at = Walk { line, at: 0 };
    at.expect(b"{\"v\":")?;
    let v = u32::try_from(at.digits()?).ok()?;
    at.expect(b",\"op\":\"")?;
    let op = if at.eat(b"add\"") {
        Op::Add
    } else if at.eat(b"edit\"") {
        Op::Edit
    } else {
        return None;
    };
    // Ids, days, moments and the ladders' ids are read by parsers that take only
    // ASCII letters, digits and punctuation: only their closing quote is looked for
    // (a day or moment chrono's parser would take goes to the general parser).
    at.expect(b",\"id\":\"")?;
    // The characters of an id, as `EntryId::parse` takes them (reflect's are ten).
    let (id, key) = at.plain_read([10], |id| Some((id, IdKey::parse(id)?)))?;
    at.expect(b",\"date\":\"")?;
    let date = at.plain_read([10], |day| fast::parse_day_quick(day.as_bytes()))?;
    at.expect(b",\"written\":\"")?;
    // With an offset, or in UTC.
    let written = at.plain_read([25, 20], |moment| {
        fast::parse_moment_quick(moment.as_bytes())
    })?;
    let created = match at.optional_plain(b",\"created\":\"")? {
        Some(moment) => Some(fast::parse_moment_quick(moment.as_bytes())?),
        None => None,
    };
    let level = match at.optional_plain(b",\"level\":\"")? {
        Some(id) => Some(Placement::from_id(id)?),
        None => None,
    };
    let depth = match at.optional_plain(b",\"depth\":\"")? {
        Some(id) => Some(Depth::from_id(id)?),
        None => None,
    };
    let from = match at.optional_plain(b",\"from\":\"")? {
        Some(id) => Some(Origin::from_id(id)?),
        None => None,
    };
    let pack = at.optional(b",\"pack\":\"")?;
    let pack_version = at.optional(b",\"pack_version\":\"")?;
    let prompt = at.optional(b",\"prompt\":\"")?;
    let theme = at.optional(b",\"theme\":\"")?;
    let mut tags = "";
    if at.eat(b",\"tags\":[") {
        let first = at.at;
        loop {
            at.expect(b"\"")?;
            at.short()?;
            if at.eat(b"]") {
                break;
            }
            at.expect(b",")?;
        }
        tags = &line[first..at.at - 1];
    }
    at.expect(TEXT_KEY)?;
    let view = View {
        v,
        op,
        id,
        key,
        date,
        written,
        created,
        level,
        depth,
        from,
        pack,
        pack_version,
        prompt,
        theme,
        tags,
        text: "",
        escapes: Escapes::None,
    };
    Some((view, at.at))
}

impl<'a> View<'a> {
    /// The view, or why its record is refused (a newer version, a year out of range).
    fn checked(self) -> Result<View<'a>, LineProblem> {
        Record::check_version_and_years(self.v, Some(self.date), self.written, self.created)
            .map(|()| self)
    }

    /// The entry's facts, as [`Record::into_entry`] makes them.
    pub(super) fn facts(&self) -> Facts<'a> {
        let (written, revised) = entry_moments(self.op, self.written, self.created);
        Facts {
            date: self.date,
            written,
            revised,
            level: self.level,
            depth: self.depth,
            from: self.from,
            pack: self.pack,
            pack_version: self.pack_version,
            prompt: self.prompt,
            theme: self.theme,
            tags: Tags::Raw(self.tags),
        }
    }

    /// The entry borrowed whole, its text as `words` asks for it (decoded into
    /// `scratch` when it has escapes). `None` when the general parser must read the
    /// line: an id in capitals (which [`EntryId::parse`] lowers) or a text that
    /// cannot be decoded here.
    pub(super) fn entry<'s>(
        &'s self,
        words: Words,
        scratch: &'s mut String,
    ) -> Option<EntryRef<'s>> {
        if self.id.bytes().any(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let as_serde_writes = self.escapes != Escapes::Others;
        let text = match (words, self.escapes) {
            (Words::None, _) => "",
            (Words::Json, _) if as_serde_writes => "",
            (_, Escapes::None) => self.text,
            (_, _) => {
                scratch.clear();
                flat_json::unescape_into(self.text, scratch)?;
                scratch.as_str()
            }
        };
        let json = (words != Words::None && as_serde_writes).then_some(self.text);
        Some(EntryRef {
            id: self.id,
            facts: self.facts(),
            text,
            json,
        })
    }

    /// The record, owning its values (`None` when the text cannot be decoded here:
    /// the general parser decides).
    fn into_record(self, with_text: bool) -> Option<Record> {
        let text = match (with_text, self.escapes) {
            (false, _) => String::new(),
            (true, Escapes::None) => self.text.to_string(),
            (true, _) => flat_json::unescape(self.text)?,
        };
        let record = Record {
            v: self.v,
            op: self.op,
            id: EntryId::parse(self.id).expect("checked as an id"),
            date: Some(self.date),
            written: self.written,
            created: self.created,
            level: self.level,
            depth: self.depth,
            from: self.from,
            pack: self.pack.map(str::to_string),
            pack_version: self.pack_version.map(str::to_string),
            prompt: self.prompt.map(str::to_string),
            theme: self.theme.map(str::to_string),
            tags: Tags::Raw(self.tags).iter().map(str::to_string).collect(),
            text: Some(text),
            extra: Extra::default(),
        };
        Some(record)
    }
}

/// A position in a line being read.
struct Walk<'a> {
    line: &'a str,
    at: usize,
}

impl<'a> Walk<'a> {
    fn rest(&self) -> &'a [u8] {
        &self.line.as_bytes()[self.at..]
    }

    /// Eats `literal` if it comes next (a fixed length: compared inline, no call).
    fn eat<const N: usize>(&mut self, literal: &[u8; N]) -> bool {
        let found = self.rest().first_chunk::<N>() == Some(literal);
        if found {
            self.at += N;
        }
        found
    }

    fn expect<const N: usize>(&mut self, literal: &[u8; N]) -> Option<()> {
        self.eat(literal).then_some(())
    }

    /// An unsigned integer without leading zeros.
    fn digits(&mut self) -> Option<u64> {
        let rest = self.rest();
        // One digit, as every format version so far.
        if let [digit @ b'1'..=b'9', b',', ..] = rest {
            self.at += 1;
            return Some(u64::from(digit - b'0'));
        }
        let len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 || len > 9 || (len > 1 && rest[0] == b'0') {
            return None;
        }
        self.at += len;
        self.line[self.at - len..self.at].parse().ok()
    }

    /// The rest of a string value whose opening quote was read: no escape and no
    /// control character, else `None`.
    fn short(&mut self) -> Option<&'a str> {
        let rest = self.rest();
        let len = bytes::first(rest, Find::Specials)?;
        if rest[len] != b'"' {
            return None;
        }
        let value = &self.line[self.at..self.at + len];
        self.at += len + 1;
        Some(value)
    }

    /// The rest of a string value whose opening quote was read, up to the next
    /// quote, for a parser that refuses a backslash or a control character (so
    /// only the quote is looked for: sixteen bytes at a time).
    fn plain(&mut self) -> Option<&'a str> {
        let len = bytes::first(self.rest(), Find::Quotes)?;
        let value = self.line.get(self.at..self.at + len)?;
        self.at += len + 1;
        Some(value)
    }

    /// `read` of [`Walk::plain`]'s value, for values mostly of one of `widths`: a
    /// value `read` takes holds no quote, so one it takes with a quote right after
    /// it is the one `plain` would find, without searching.
    fn plain_read<T, const N: usize>(
        &mut self,
        widths: [usize; N],
        read: impl Fn(&'a str) -> Option<T>,
    ) -> Option<T> {
        for width in widths {
            if self.rest().get(width) == Some(&b'"') {
                if let Some(value) = self.line.get(self.at..self.at + width).and_then(&read) {
                    self.at += width + 1;
                    return Some(value);
                }
            }
        }
        read(self.plain()?)
    }

    /// A member that may come next; `None` when the line is not canonical.
    fn optional<const N: usize>(&mut self, key: &[u8; N]) -> Option<Option<&'a str>> {
        if !self.eat(key) {
            return Some(None);
        }
        self.short().map(Some)
    }

    /// [`Walk::optional`] for a value read by a parser that refuses a backslash or a
    /// control character (see [`Walk::plain`]).
    fn optional_plain<const N: usize>(&mut self, key: &[u8; N]) -> Option<Option<&'a str>> {
        if !self.eat(key) {
            return Some(None);
        }
        self.plain().map(Some)
    }
}

/// Checks the inside of the text's string (which runs to the line's closing `"}`):
/// no unescaped quote, no control character, only the simple escapes. Returns
/// which escapes it has; `None` when it is not plain (a `\u` escape goes to the
/// general parser, which checks surrogates).
fn check_text(raw: &[u8]) -> Option<Escapes> {
    let mut escapes = Escapes::None;
    let walked = bytes::walk(raw, Find::Specials, |at| {
        if raw[at] != b'\\' {
            return ControlFlow::Break(()); // a quote or a control character
        }
        match raw.get(at + 1) {
            Some(b'"' | b'\\' | b'b' | b'f' | b'n' | b'r' | b't') => {
                if escapes == Escapes::None {
                    escapes = Escapes::AsSerdeWrites;
                }
            }
            Some(b'/') => escapes = Escapes::Others,
            _ => return ControlFlow::Break(()),
        }
        ControlFlow::Continue(at + 2)
    });
    walked.is_continue().then_some(escapes)
}

/// [`check_text`] for a text whose end is not known: the first quote not escaped
/// ends it. Returns its escapes and the place of that quote; `None` when a
/// control character (a newline among them: the line ends unclosed) or an escape
/// the general parser must read comes first. (One walker for both cost the JSON
/// export 3.5 % more instructions: each keeps its own.)
fn text_in(raw: &[u8]) -> Option<(Escapes, usize)> {
    let mut escapes = Escapes::None;
    let walked = bytes::walk(raw, Find::Specials, |at| match raw[at] {
        b'"' => ControlFlow::Break(Some(at)),
        b'\\' => {
            match raw.get(at + 1) {
                Some(b'"' | b'\\' | b'b' | b'f' | b'n' | b'r' | b't') => {
                    if escapes == Escapes::None {
                        escapes = Escapes::AsSerdeWrites;
                    }
                }
                Some(b'/') => escapes = Escapes::Others,
                _ => return ControlFlow::Break(None),
            }
            ControlFlow::Continue(at + 2)
        }
        _ => ControlFlow::Break(None), // a control character
    });
    match walked {
        ControlFlow::Break(Some(close)) => Some((escapes, close)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy as _;

    #[test]
    fn text_checks_find_what_json_forbids() {
        assert_eq!(
            check_text(b"plain words, long enough to fill a few words"),
            Some(Escapes::None)
        );
        assert_eq!(
            check_text(b"line\\nnext \\\"quoted\\\" and a \\\\ slash"),
            Some(Escapes::AsSerdeWrites)
        );
        assert_eq!(
            check_text(b"a \\/ slash serde_json would not escape, then \\n"),
            Some(Escapes::Others)
        );
        for bad in [
            &b"a \"quote\" inside, well past sixteen bytes"[..],
            b"ends with a backslash \\",
            b"a tab\there",
            b"nul \0 in the middle of a long enough text",
            b"\\x is no escape",
            b"\\u00e9 goes to the general parser",
        ] {
            assert_eq!(check_text(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    proptest::proptest! {
        /// Reading a line in place from a text that runs on past it reads the line
        /// up to the first newline as [`view`] reads it alone, to its end.
        #[test]
        fn a_line_read_with_what_follows_is_read_as_alone(
            text in "[a-zñ \"\\\\/\n\t\r}]{0,30}",
            escape in proptest::bool::ANY,
            next in proptest::prop_oneof![
                proptest::prelude::Just(String::new()),
                proptest::prelude::Just("\n{\"v\":1}".to_string()),
                proptest::prelude::Just("\r\n".to_string()),
                proptest::prelude::Just("\"}\n".to_string()),
                "[\n ,}a\"]{0,4}",
            ],
        ) {
            let text = if escape { serde_json::to_string(&text).unwrap() } else { format!("\"{text}\"") };
            let rest = format!(
                "{{\"v\":1,\"op\":\"add\",\"id\":\"k3f9a2c1mx\",\"date\":\"2026-11-20\",\
                 \"written\":\"2026-11-20T18:02:11+01:00\",\"level\":\"network\",\"text\":{text}}}{next}"
            );
            let line = rest.split('\n').next().unwrap();
            let alone = view(line.as_bytes()).map(|view| format!("{view:?}"));
            let within = view_in(&rest).map(|(view, len)| (format!("{view:?}"), len));
            proptest::prop_assert_eq!(within, alone.map(|view| (view, line.len())), "{:?}", rest);
        }

        /// A text offered for copying into JSON is the one read, escaped as
        /// `serde_json` escapes it, whatever escapes another writer chose.
        #[test]
        fn a_text_offered_as_json_is_what_serde_json_writes(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::Just("\\\"".to_string()),
                    proptest::prelude::Just("\\\\".to_string()),
                    proptest::prelude::Just("\\/".to_string()),
                    proptest::prelude::Just("\\n".to_string()),
                    proptest::prelude::Just("\\t".to_string()),
                    proptest::prelude::Just("\\b".to_string()),
                    proptest::prelude::Just("\\u00e9".to_string()),
                    proptest::prelude::Just("/".to_string()),
                    "[a-zñ ]{0,12}",
                    proptest::char::any().prop_map(String::from),
                ],
                0..12,
            )
        ) {
            let raw = pieces.concat();
            let line = format!(
                "{{\"v\":1,\"op\":\"add\",\"id\":\"k3f9a2c1mx\",\"date\":\"2026-11-20\",\
                 \"written\":\"2026-11-20T18:02:11+01:00\",\"text\":\"{raw}\"}}"
            );
            let Some(Ok(view)) = view(line.as_bytes()) else { return Ok(()) };
            let decoded: String = serde_json::from_str(&format!("\"{raw}\"")).unwrap();
            let serde = serde_json::to_string(&decoded).unwrap();
            let mut scratch = String::new();
            let Some(entry) = view.entry(Words::Text, &mut scratch) else { return Ok(()) };
            proptest::prop_assert_eq!(entry.text, decoded.as_str());
            if let Some(json) = entry.json {
                proptest::prop_assert_eq!(json, &serde[1..serde.len() - 1]);
            } else {
                proptest::prop_assert!(raw.contains("\\/"));
            }
            // Asked for JSON: the JSON when it is serde's, else the text.
            let entry = view.entry(Words::Json, &mut scratch).unwrap();
            match entry.json {
                Some(json) => {
                    proptest::prop_assert_eq!(json, &serde[1..serde.len() - 1]);
                    proptest::prop_assert_eq!(entry.text, "");
                }
                None => proptest::prop_assert_eq!(entry.text, decoded.as_str()),
            }
        }
    }
}
