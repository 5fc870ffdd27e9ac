//! Reading jrnl's JSON export (`jrnl --export json`), so jrnl users can move over.
//!
//! jrnl writes (see its `plugins/json_exporter.py`):
//!
//! ```json
//! {"tags": {"@school": 2},
//!  "entries": [{"title": "First sentence.", "body": "The rest.", "date": "2020-01-31",
//!               "time": "09:00", "tags": ["@school"], "starred": false}]}
//! ```
//!
//! Each entry becomes a free entry (no pack or prompt) at level `school`, the bottom
//! rung, since jrnl knows nothing of levels:
//!
//! - text: the title, then a blank line and the body when there is one (jrnl splits
//!   the first sentence off as the title; the words are kept exactly);
//! - date: `date`; written: `date` + `time` in the local UTC offset;
//! - tags: jrnl's tags without `@`/`#`, plus `starred` for a starred entry. A tag
//!   reflect cannot store is dropped with a warning.
//!
//! Other fields (`uuid`, `creator`, ...) are ignored.

use anyhow::{anyhow, bail, Result};
use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use serde_json::Value;

use super::{
    at_entry, check_year, distinct, entries_of, looks_like_reflect, parse_json, Fields, Imported,
};
use crate::entry::{normalize_tag, Entry, EntryId};
use crate::i18n::typed;
use crate::t;

/// The fields of one jrnl entry that reflect uses.
struct JrnlEntry<'v> {
    title: &'v str,
    body: &'v str,
    date: &'v str,
    time: &'v str,
    tags: Vec<&'v str>,
    starred: bool,
}

impl<'v> JrnlEntry<'v> {
    /// `title` and `date` are required; the rest may be missing.
    fn read(value: &'v Value) -> Result<JrnlEntry<'v>, String> {
        let fields = Fields::of(value)?;
        Ok(JrnlEntry {
            title: fields.str("title")?,
            body: fields.optional_str("body")?.unwrap_or(""),
            date: fields.str("date")?,
            time: fields.optional_str("time")?.unwrap_or(""),
            tags: fields.strings("tags")?,
            starred: fields.flag("starred")?,
        })
    }
}

/// Reads and validates a whole jrnl export. `offset` is the local UTC offset given to
/// jrnl's times (jrnl stores none); `name` names the file in errors.
pub fn parse(bytes: &[u8], name: &str, offset: FixedOffset) -> Result<Imported> {
    from_document(&parse_json(bytes, name)?, name, offset)
}

/// [`parse`] of a document already read as JSON.
pub(super) fn from_document(document: &Value, name: &str, offset: FixedOffset) -> Result<Imported> {
    if looks_like_reflect(document) {
        bail!(t!("import-not-jrnl", file = name));
    }
    let mut imported = Imported::default();
    for (index, value) in entries_of(document, name, &t!("import-what-jrnl"))?
        .iter()
        .enumerate()
    {
        let at = |why: String| anyhow!(at_entry(name, index, &why));
        let jrnl = JrnlEntry::read(value).map_err(at)?;
        let entry = convert(&jrnl, offset, |warning| {
            imported.warnings.push(at_entry(name, index, &warning));
        })
        .map_err(at)?;
        imported.entries.push(entry);
    }
    Ok(imported)
}

fn convert(
    jrnl: &JrnlEntry,
    offset: FixedOffset,
    mut warn: impl FnMut(String),
) -> Result<Entry, String> {
    let date = NaiveDate::parse_from_str(jrnl.date, "%Y-%m-%d")
        .map_err(|_| t!("import-jrnl-bad-date", value = typed(jrnl.date)))?;
    check_year("date", date.year())?;
    let time = match jrnl.time {
        "" => NaiveTime::MIN,
        time => NaiveTime::parse_from_str(time, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(time, "%H:%M:%S"))
            .map_err(|_| t!("import-jrnl-bad-time", value = typed(time)))?,
    };
    let written = offset
        .from_local_datetime(&date.and_time(time))
        .single()
        .ok_or_else(|| {
            t!(
                "import-jrnl-no-moment",
                date = jrnl.date,
                time = time.to_string()
            )
        })?;

    let (title, body) = (jrnl.title.trim(), jrnl.body.trim());
    let text = match (title.is_empty(), body.is_empty()) {
        (true, true) => return Err(t!("import-jrnl-no-text")),
        (false, true) => title.to_string(),
        (true, false) => body.to_string(),
        (false, false) => format!("{title}\n\n{body}"),
    };

    let mut tags = Vec::with_capacity(jrnl.tags.len() + 1);
    for &tag in &jrnl.tags {
        match normalize_tag(tag) {
            Ok(tag) => tags.push(tag),
            Err(why) => warn(t!(
                "import-jrnl-dropped-tag",
                tag = typed(tag),
                reason = why
            )),
        }
    }
    let mut tags = distinct(tags);
    if jrnl.starred && !tags.iter().any(|t| t == "starred") {
        tags.push("starred".into());
    }

    Ok(Entry {
        id: EntryId::from_u64(entry_hash(jrnl)),
        date,
        written,
        revised: None,
        // jrnl knows no levels: the entry is unrated until the leader says.
        level: None,
        depth: None,
        from: None,
        pack: None,
        pack_version: None,
        prompt: None,
        theme: None,
        tags,
        text,
    })
}

/// The id of an imported jrnl entry comes from its content, so importing the same
/// export twice finds the same ids and adds nothing. The hash must therefore give the
/// same value in every run and every build: std's `DefaultHasher` promises neither
/// (it is randomly keyed per process, and its algorithm may change between Rust
/// versions), so this is FNV-1a, 64 bits, over `date|time|title|body`.
fn entry_hash(jrnl: &JrnlEntry) -> u64 {
    let parts = [jrnl.date, "|", jrnl.time, "|", jrnl.title, "|", jrnl.body];
    fnv1a_64(parts.iter().flat_map(|part| part.bytes()))
}

fn fnv1a_64(bytes: impl IntoIterator<Item = u8>) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.into_iter().fold(OFFSET_BASIS, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc_plus_one() -> FixedOffset {
        FixedOffset::east_opt(3600).unwrap()
    }

    #[test]
    fn fnv1a_matches_the_reference_vectors() {
        assert_eq!(fnv1a_64(*b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(*b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a_64(*b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn entries_become_free_school_entries() {
        let json = r#"{"tags":{"@trust":1},"entries":[{"title":"Visited Ñuñoa.","body":" We compared notes.\n\nMore.\n","date":"2020-01-31","time":"09:05","tags":["@Trust","@two words"],"starred":true,"uuid":"x"}]}"#;
        let imported = parse(json.as_bytes(), "j.json", utc_plus_one()).unwrap();
        let entry = &imported.entries[0];
        assert_eq!(entry.text, "Visited Ñuñoa.\n\nWe compared notes.\n\nMore.");
        assert_eq!(entry.written.to_rfc3339(), "2020-01-31T09:05:00+01:00");
        assert_eq!(entry.tags, ["trust", "starred"]);
        assert_eq!(entry.level, None);
        assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
        let again = parse(json.as_bytes(), "j.json", utc_plus_one()).unwrap();
        assert_eq!(again.entries[0].id, entry.id);
    }

    #[test]
    fn bad_dates_are_named() {
        let json = r#"{"entries":[{"title":"a","body":"","date":"31/01/2020","time":"09:00","tags":[],"starred":false}]}"#;
        let err = parse(json.as_bytes(), "j.json", utc_plus_one())
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "j.json: entries[0]: \"date\" must be YYYY-MM-DD, not \"31/01/2020\""
        );
    }
}
