//! One line of the journal file: the on-disk record format.
//!
//! ```text
//! {"v":1,"op":"add","id":"k3f9a2c1mx","date":"2026-11-20","written":"2026-11-20T18:02:11+01:00","level":"network","pack":"ncsl-networks","pack_version":"1.0.0","prompt":"trust-ladder","theme":"trust","tags":["cohort"],"text":"..."}
//! {"v":1,"op":"edit","id":"k3f9a2c1mx","date":"2026-11-20","written":"2026-11-21T08:00:00+01:00","created":"2026-11-20T18:02:11+01:00","level":"system",...,"text":"..."}
//! {"v":1,"op":"delete","id":"k3f9a2c1mx","written":"2026-11-22T10:00:00+01:00"}
//! {"v":2,"op":"add","id":"p7q2m4n8za","date":"2026-11-21","written":"2026-11-21T17:40:00+01:00","level":"school","depth":"sharing","from":"network","tags":[],"text":"..."}
//! ```
//!
//! Version 2 records are those that use what version 1 cannot say: no `level` (an
//! unrated entry), the level `idea`, a `depth` or a `from` (see [`version_for`]).
//! Everything else is still written as version 1, so an older reflect reads it; it
//! refuses version 2 lines instead of misreading them.
//!
//! `add` and `edit` records are complete: an edit repeats every field, so the latest
//! record of an id is all a reader needs. Fields are always written in this order,
//! which lets [`quick_head`] read `op`, `id` and `date` without a JSON parse.

use std::borrow::Cow;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::moments as fast;
use crate::entry::{Depth, Entry, EntryId, Origin, Placement};

/// The newest record format version this build reads (and writes, when needed).
pub const RECORD_VERSION: u32 = 2;

/// The version a record of `entry` needs: 2 when it is unrated, an idea, or has a
/// depth or a transfer; else 1, which older builds read.
pub fn version_for(entry: &Entry) -> u32 {
    let level_v1 = matches!(entry.level, Some(Placement::At(_)));
    if level_v1 && entry.depth.is_none() && entry.from.is_none() {
        1
    } else {
        2
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Add,
    Edit,
    Delete,
}

/// A journal line as stored. Unknown fields are ignored, so a newer reflect can
/// add fields without breaking this one.
///
/// `T` is the type of the text: `String`, or `IgnoredAny` for readers that never
/// look at the words (progress), which skips copying and validating them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record<T = String> {
    pub v: u32,
    pub op: Op,
    pub id: EntryId,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "fast::day"
    )]
    pub date: Option<NaiveDate>,
    /// When this record was written.
    #[serde(deserialize_with = "fast::moment")]
    pub written: DateTime<FixedOffset>,
    /// For an edit: when the entry was first written.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "fast::optional_moment"
    )]
    pub created: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Placement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth: Option<Depth>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Origin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<T>,
    /// Fields this version does not know, kept as they were written.
    #[serde(skip)]
    pub extra: Extra,
}

/// The members of a record this version does not know (`"key":value`, comma
/// separated, in file order), kept byte for byte so that a revision or `compact`
/// written by this version loses nothing a newer one wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extra(String);

impl Extra {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn push(&mut self, key: &str, raw_value: &str) {
        if !self.0.is_empty() {
            self.0.push(',');
        }
        self.0
            .push_str(&serde_json::to_string(key).expect("a string serializes"));
        self.0.push(':');
        self.0.push_str(raw_value);
    }
}

/// The keys of a version 1 record, in the order this version writes them.
const KEYS: [&str; 15] = [
    "v",
    "op",
    "id",
    "date",
    "written",
    "created",
    "level",
    "depth",
    "from",
    "pack",
    "pack_version",
    "prompt",
    "theme",
    "tags",
    "text",
];

/// Years a record's dates may carry (`crate::dates`): four digits, so every period
/// and sort is bounded.
pub const YEARS: std::ops::RangeInclusive<i32> = crate::dates::MIN_YEAR..=crate::dates::MAX_YEAR;

/// Why a line could not be read as a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineProblem {
    /// Not UTF-8, not JSON, or not a record.
    Unreadable(String),
    /// Written by a newer reflect in a format this one does not know.
    NewerVersion(u32),
    /// A good record of another kind (a check-in, see `checkins`): entry readers
    /// skip it, and it is not damage.
    NotAnEntry,
}

impl std::fmt::Display for LineProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LineProblem::Unreadable(why) => f.write_str(why),
            LineProblem::NotAnEntry => f.write_str(&crate::t!("line-not-an-entry")),
            LineProblem::NewerVersion(v) => f.write_str(&crate::t!(
                "line-newer-version",
                version = v.to_string(),
                reads = RECORD_VERSION.to_string()
            )),
        }
    }
}

impl Record {
    /// The record that adds `entry`.
    pub fn add(entry: &Entry) -> Record {
        Record::with_entry(Op::Add, entry, entry.written, None)
    }

    /// The record that replaces `entry`'s content, written at `now`.
    pub fn edit(entry: &Entry, now: DateTime<FixedOffset>) -> Record {
        Record::with_entry(Op::Edit, entry, now, Some(entry.written))
    }

    /// The record that retracts the entry `id`.
    pub fn delete(id: &EntryId, now: DateTime<FixedOffset>) -> Record {
        Record {
            // Version 1 says a retraction: an older reflect reads it.
            v: 1,
            op: Op::Delete,
            id: id.clone(),
            date: None,
            written: now,
            created: None,
            level: None,
            depth: None,
            from: None,
            pack: None,
            pack_version: None,
            prompt: None,
            theme: None,
            tags: Vec::new(),
            text: None,
            extra: Extra::default(),
        }
    }

    fn with_entry(
        op: Op,
        entry: &Entry,
        written: DateTime<FixedOffset>,
        created: Option<DateTime<FixedOffset>>,
    ) -> Record {
        Record {
            v: version_for(entry),
            op,
            id: entry.id.clone(),
            date: Some(entry.date),
            written,
            created,
            level: entry.level,
            depth: entry.depth,
            from: entry.from,
            pack: entry.pack.clone(),
            pack_version: entry.pack_version.clone(),
            prompt: entry.prompt.clone(),
            theme: entry.theme.clone(),
            tags: entry.tags.clone(),
            text: Some(entry.text.clone()),
            extra: Extra::default(),
        }
    }

    /// Parses one line (without its newline).
    pub fn parse(line: &[u8]) -> Result<Record, LineProblem> {
        if let Some(parsed) = super::canonical::parse(line, true) {
            return parsed;
        }
        if let Some(other) = super::checkins::other_kind(line) {
            return Err(other);
        }
        if let Some(parsed) = parse_flat(line, true) {
            return parsed;
        }
        Self::parse_with_serde(line)
    }

    fn parse_with_serde(line: &[u8]) -> Result<Record, LineProblem> {
        let mut record: Record = serde_json::from_slice(line).map_err(|err| {
            super::checkins::kind_of_unusual(line)
                .unwrap_or_else(|| LineProblem::Unreadable(describe_json_error(&err)))
        })?;
        record.extra = unknown_members(line);
        record.validated()
    }

    /// Parses one line but leaves the text out (the entry's text is empty): for
    /// readers that only count.
    pub fn parse_without_text(line: &[u8]) -> Result<Record, LineProblem> {
        if let Some(parsed) = super::canonical::parse(line, false) {
            return parsed;
        }
        if let Some(other) = super::checkins::other_kind(line) {
            return Err(other);
        }
        if let Some(parsed) = parse_flat(line, false) {
            return parsed;
        }
        // serde_json checks neither UTF-8 nor surrogates in a string it skips: the
        // typed pass below reads the text; only its copy is saved.
        let text_problem = || LineProblem::Unreadable(crate::t!("line-bad-text"));
        simdutf8::basic::from_utf8(line).map_err(|_| text_problem())?;
        let light: Record<Skipped> = serde_json::from_slice(line).map_err(|err| {
            super::checkins::kind_of_unusual(line)
                .unwrap_or_else(|| LineProblem::Unreadable(describe_json_error(&err)))
        })?;
        Record {
            v: light.v,
            op: light.op,
            id: light.id,
            date: light.date,
            written: light.written,
            created: light.created,
            level: light.level,
            depth: light.depth,
            from: light.from,
            pack: light.pack,
            pack_version: light.pack_version,
            prompt: light.prompt,
            theme: light.theme,
            tags: light.tags,
            text: light.text.map(|_| String::new()),
            extra: unknown_members(line),
        }
        .validated()
    }

    /// The checks every parse ends with: the format version (the one place that
    /// decides which versions this build reads), required fields, and the range of
    /// years.
    pub(super) fn validated(self) -> Result<Record, LineProblem> {
        let record = self;
        Self::check_version_and_years(record.v, record.date, record.written, record.created)?;
        if record.op != Op::Delete {
            for (field, missing) in [
                ("date", record.date.is_none()),
                ("text", record.text.is_none()),
            ] {
                if missing {
                    return Err(LineProblem::Unreadable(crate::t!(
                        "line-missing-field",
                        op = if record.op == Op::Add { "add" } else { "edit" },
                        field = field
                    )));
                }
            }
        }
        Ok(record)
    }

    /// Refuses a record of a newer format, or with a year out of range.
    pub(super) fn check_version_and_years(
        v: u32,
        date: Option<NaiveDate>,
        written: DateTime<FixedOffset>,
        created: Option<DateTime<FixedOffset>>,
    ) -> Result<(), LineProblem> {
        if v > RECORD_VERSION {
            return Err(LineProblem::NewerVersion(v));
        }
        let years = [
            date.map(|d| d.year()),
            Some(written.year()),
            created.map(|c| c.year()),
        ];
        if let Some(year) = years.into_iter().flatten().find(|y| !YEARS.contains(y)) {
            return Err(LineProblem::Unreadable(crate::t!(
                "line-year-out-of-range",
                year = year.to_string(),
                min = YEARS.start().to_string(),
                max = YEARS.end().to_string()
            )));
        }
        Ok(())
    }

    /// The line to append, with its newline. Unknown fields go before the text.
    pub fn to_line(&self) -> Vec<u8> {
        let mut line = serde_json::to_vec(self).expect("a record always serializes");
        if !self.extra.is_empty() {
            let at = match self.text {
                Some(_) => memchr::memmem::find(&line, b",\"text\":").unwrap_or(line.len() - 1),
                None => line.len() - 1,
            };
            let insert = format!(",{}", self.extra.0);
            line.splice(at..at, insert.into_bytes());
        }
        line.push(b'\n');
        line
    }

    /// The entry this add or edit record describes (`None` for a delete).
    pub fn into_entry(self) -> Option<Entry> {
        if self.op == Op::Delete {
            return None;
        }
        let (date, text) = (self.date?, self.text?);
        let (written, revised) = entry_moments(self.op, self.written, self.created);
        Some(Entry {
            id: self.id,
            date,
            written,
            revised,
            level: self.level,
            depth: self.depth,
            from: self.from,
            pack: self.pack,
            pack_version: self.pack_version,
            prompt: self.prompt,
            theme: self.theme,
            tags: self.tags,
            text,
        })
    }
}

/// When the entry of an add or edit record was first written, and when it was
/// revised: an edit is written at its revision, and carries the first moment.
pub(super) fn entry_moments(
    op: Op,
    written: DateTime<FixedOffset>,
    created: Option<DateTime<FixedOffset>>,
) -> (DateTime<FixedOffset>, Option<DateTime<FixedOffset>>) {
    match op {
        Op::Edit => (created.unwrap_or(written), Some(written)),
        _ => (written, None),
    }
}

/// The fast path of [`Record::parse`]: `None` hands the line to serde_json.
fn parse_flat(line: &[u8], with_text: bool) -> Option<Result<Record, LineProblem>> {
    use super::flat_json::{for_each_field, RawValue};

    let line = simdutf8::basic::from_utf8(line).ok()?;
    // Every field is filled from the line; `seen` checks the required ones came.
    let mut record = Record::delete(
        &EntryId::parse("0")?,
        DateTime::<FixedOffset>::MIN_UTC.fixed_offset(),
    );
    let mut seen = 0u16;
    let mut extra = Extra::default();
    for_each_field(line, |key, value, raw| {
        let Some(bit) = KEYS.iter().position(|k| *k == key) else {
            extra.push(key, raw); // kept, not read
            return Some(());
        };
        if seen & (1 << bit) != 0 {
            return None; // a duplicate: serde_json reports it
        }
        seen |= 1 << bit;
        let optional = |value: RawValue<'_>| -> Option<Option<String>> {
            match value {
                RawValue::Null => Some(None),
                RawValue::Str(s) => Some(Some(s.decode()?.into_owned())),
                _ => None,
            }
        };
        match (key, value) {
            ("v", RawValue::UInt(v)) => record.v = u32::try_from(v).ok()?,
            ("op", RawValue::Str(s)) => {
                record.op = match s.decode()?.as_ref() {
                    "add" => Op::Add,
                    "edit" => Op::Edit,
                    "delete" => Op::Delete,
                    _ => return None,
                }
            }
            ("id", RawValue::Str(s)) => record.id = EntryId::parse(&s.decode()?)?,
            ("date", RawValue::Null)
            | ("created", RawValue::Null)
            | ("level", RawValue::Null)
            | ("depth", RawValue::Null)
            | ("from", RawValue::Null)
            | ("text", RawValue::Null) => {}
            ("date", RawValue::Str(s)) => record.date = Some(fast::parse_day(&s.decode()?)?),
            ("written", RawValue::Str(s)) => record.written = fast::parse_moment(&s.decode()?)?,
            ("created", RawValue::Str(s)) => {
                record.created = Some(fast::parse_moment(&s.decode()?)?)
            }
            ("level", RawValue::Str(s)) => record.level = Some(Placement::from_id(&s.decode()?)?),
            ("depth", RawValue::Str(s)) => record.depth = Some(Depth::from_id(&s.decode()?)?),
            ("from", RawValue::Str(s)) => record.from = Some(Origin::from_id(&s.decode()?)?),
            ("pack", value) => record.pack = optional(value)?,
            ("pack_version", value) => record.pack_version = optional(value)?,
            ("prompt", value) => record.prompt = optional(value)?,
            ("theme", value) => record.theme = optional(value)?,
            ("tags", RawValue::Strs(tags)) => {
                record.tags = tags
                    .into_iter()
                    .map(|t| t.decode().map(Cow::into_owned))
                    .collect::<Option<_>>()?
            }
            ("text", RawValue::Str(s)) => {
                record.text = Some(if with_text {
                    s.decode()?.into_owned()
                } else {
                    s.check()?;
                    String::new()
                })
            }
            _ => return None,
        }
        Some(())
    })?;
    // v, op, id and written are required: let serde_json name what is missing.
    if seen & 0b10111 != 0b10111 {
        return None;
    }
    record.extra = extra;
    Some(record.validated())
}

/// The members of the object in `line` whose keys a version 1 record does not have.
fn unknown_members(line: &[u8]) -> Extra {
    struct Members(Extra);

    impl<'de> Deserialize<'de> for Members {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Visit;
            impl<'de> serde::de::Visitor<'de> for Visit {
                type Value = Members;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Members, A::Error> {
                    let mut extra = Extra::default();
                    while let Some(key) = map.next_key::<String>()? {
                        let value: Box<serde_json::value::RawValue> = map.next_value()?;
                        if !KEYS.contains(&key.as_str()) {
                            extra.push(&key, value.get());
                        }
                    }
                    Ok(Members(extra))
                }
            }
            d.deserialize_map(Visit)
        }
    }
    serde_json::from_slice::<Members>(line)
        .map(|m| m.0)
        .unwrap_or_default()
}

/// The text of a record read without its words: checked like a string, not kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Skipped;

impl<'de> Deserialize<'de> for Skipped {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Borrowed when it has no escapes; decoding checks the escapes as a String would.
        let _text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Ok(Skipped)
    }
}

fn describe_json_error(err: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match err.classify() {
        Category::Eof => crate::t!("line-ends-early"),
        Category::Syntax => crate::t!("line-not-json", column = err.column().to_string()),
        Category::Data => crate::t!("line-not-a-record", error = err.to_string()),
        Category::Io => err.to_string(),
    }
}

/// What [`quick_head`] reads off the front of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head<'a> {
    pub op: Op,
    pub id: &'a str,
    /// `YYYY-MM-DD` bytes of an add or edit record.
    pub date: Option<&'a str>,
}

/// Reads `op`, `id` and `date` from a line in the canonical field order this program
/// writes, without parsing the JSON. Returns `None` for anything else (a line edited by
/// hand, reformatted by a tool, or damaged): callers then fall back to [`Record::parse`].
/// A `Some` does not mean the rest of the line is valid.
pub fn quick_head(line: &[u8]) -> Option<Head<'_>> {
    let RawHead { op, id, date } = quick_head_bytes(line)?;
    if id.is_empty()
        || !id
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return None;
    }
    Some(Head {
        op,
        id: std::str::from_utf8(id).ok()?,
        date: match date {
            Some(date) => Some(std::str::from_utf8(date).ok()?),
            None => None,
        },
    })
}

/// [`quick_head`]'s bytes, unchecked.
pub(crate) struct RawHead<'a> {
    pub op: Op,
    /// The bytes between the id's quotes (no quote among them).
    pub id: &'a [u8],
    /// The ten bytes between the date's quotes.
    pub date: Option<&'a [u8]>,
}

/// [`quick_head`] without checking the id's characters or decoding anything.
pub(crate) fn quick_head_bytes(line: &[u8]) -> Option<RawHead<'_>> {
    let rest = line
        .strip_prefix(b"{\"v\":1,\"op\":\"")
        .or_else(|| line.strip_prefix(b"{\"v\":2,\"op\":\""))?;
    let (op, rest) = if let Some(rest) = rest.strip_prefix(b"add\",\"id\":\"") {
        (Op::Add, rest)
    } else if let Some(rest) = rest.strip_prefix(b"edit\",\"id\":\"") {
        (Op::Edit, rest)
    } else {
        (Op::Delete, rest.strip_prefix(b"delete\",\"id\":\"")?)
    };
    let end = rest.iter().position(|&b| b == b'"')?;
    let (id, rest) = rest.split_at(end);
    let date = match rest.strip_prefix(b"\",\"date\":\"") {
        Some(date) if date.len() > 10 && date[10] == b'"' => Some(&date[..10]),
        _ if op == Op::Delete => None,
        _ => return None,
    };
    Some(RawHead { op, id, date })
}

#[cfg(test)]
mod tests;
