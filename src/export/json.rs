//! The JSON export: a stable, versioned document that `reflect import` reads back.
//!
//! ```json
//! {"format":"reflect-export","version":2,"exported":"2026-11-23T09:00:00+01:00","filters":{"level":["network"]},"entries":[
//! {"id":"k3f9a2c1mx","date":"2026-11-20","written":"2026-11-20T18:02:11+01:00","level":"network","pack":"ncsl-networks","pack_version":"1.0.0","prompt":"trust-ladder","theme":"trust","tags":["cohort"],"text":"..."}
//! ]}
//! ```
//!
//! One entry per line, written as it is read: the document is never held in memory.
//! The schema is documented in `docs/export.md`; a change that breaks readers bumps
//! [`VERSION`], adding an optional field does not.

use std::io::{self, Write};

use anyhow::Result;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::bytes::{self, Find};
use crate::entry::{Depth, Entry, EntryId, EntryRef, Origin, Placement};
use crate::filter::Filter;
use crate::journal::Journal;
use crate::text::Needle;

/// The value of the `format` field.
pub const FORMAT: &str = "reflect-export";
/// The schema version this build writes; `reflect import` reads it and older ones.
/// Version 2: `level` is absent for an unrated entry and may be `idea`; `depth` and
/// `from` may be present. Version 1 always had a level of `school`, `network` or
/// `system`, so it reads the same.
pub const VERSION: u32 = 2;

/// One entry as the export schema spells it (also used by `list --format json`).
/// Optional fields are left out when empty; `tags` is always there.
#[derive(Debug, Serialize)]
pub struct EntryObject<'a> {
    pub id: &'a EntryId,
    pub date: NaiveDate,
    pub written: DateTime<FixedOffset>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revised: Option<DateTime<FixedOffset>>,
    /// Absent for an unrated entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Placement>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depth: Option<Depth>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Origin>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pack: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pack_version: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prompt: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<&'a str>,
    pub tags: &'a [String],
    pub text: &'a str,
}

impl<'a> From<&'a Entry> for EntryObject<'a> {
    fn from(entry: &'a Entry) -> Self {
        EntryObject {
            id: &entry.id,
            date: entry.date,
            written: entry.written,
            revised: entry.revised,
            level: entry.level,
            depth: entry.depth,
            from: entry.from,
            pack: entry.pack.as_deref(),
            pack_version: entry.pack_version.as_deref(),
            prompt: entry.prompt.as_deref(),
            theme: entry.theme.as_deref(),
            tags: &entry.tags,
            text: &entry.text,
        }
    }
}

/// The filters an export was made with; absent keys did not filter.
#[derive(Debug, Serialize)]
struct FiltersObject<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<NaiveDate>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    theme: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    prompt: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    level: &'a [Placement],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tag: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pack: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    contains: Option<&'a str>,
}

impl<'a> From<&'a Filter> for FiltersObject<'a> {
    fn from(filter: &'a Filter) -> Self {
        FiltersObject {
            since: filter.since,
            until: filter.until,
            theme: &filter.themes,
            prompt: &filter.prompts,
            level: &filter.levels,
            tag: &filter.tags,
            pack: &filter.packs,
            contains: filter.contains.as_ref().map(Needle::as_typed),
        }
    }
}

/// Writes the export document of the entries `filter` keeps, in date order, and
/// returns how many there were.
pub fn write<W: Write + ?Sized>(
    out: &mut W,
    journal: &Journal,
    filter: &Filter,
    exported: DateTime<FixedOffset>,
) -> Result<usize> {
    write!(
        out,
        "{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"exported\":"
    )?;
    to_writer(out, &exported)?;
    out.write_all(b",\"filters\":")?;
    to_writer(out, &FiltersObject::from(filter))?;
    out.write_all(b",\"entries\":[")?;
    // Filtered and written on the threads that parse, a run of entries at a time
    // (the entries of a run joined by `,\n`); this thread joins the runs.
    let keep = std::sync::Arc::new(filter.clone());
    let entries = journal.by_date()?;
    // A search needs the words; otherwise most texts are copied as the journal holds them.
    let entries = if filter.contains.is_some() {
        entries
    } else {
        entries.as_json()
    };
    let runs = entries.fold_borrowed(
        || (0usize, Vec::with_capacity(1 << 16)),
        move |(count, bytes), entry| {
            if keep.matches_borrowed(entry) {
                if *count > 0 {
                    bytes.extend_from_slice(b",\n");
                }
                write_entry(bytes, entry).expect("writing to memory cannot fail");
                *count += 1;
            }
        },
    );
    let mut count = 0;
    for run in runs {
        let (entries, bytes) = run?;
        if entries == 0 {
            continue;
        }
        out.write_all(if count == 0 { b"\n" } else { b",\n" })?;
        out.write_all(&bytes)?;
        count += entries;
    }
    out.write_all(b"\n]}\n")?;
    Ok(count)
}

/// Writes `entry` exactly as `serde_json` writes its [`EntryObject`], but escaping the
/// strings several bytes at a time, and copying a text the journal holds escaped as
/// `serde_json` escapes it: on a large export, escaping the text is most of the work
/// this module does.
fn write_entry<W: Write + ?Sized>(out: &mut W, entry: &EntryRef) -> io::Result<()> {
    let facts = &entry.facts;
    out.write_all(b"{\"id\":")?;
    write_str(out, entry.id)?;
    // Dates and ids of the ladders need no escaping: written as they are.
    let mut plain = Vec::with_capacity(128);
    plain.extend_from_slice(b",\"date\":\"");
    crate::dates::write_iso_day(&mut plain, facts.date);
    plain.extend_from_slice(b"\",\"written\":\"");
    crate::dates::write_moment(&mut plain, &facts.written);
    plain.push(b'"');
    if let Some(revised) = &facts.revised {
        plain.extend_from_slice(b",\"revised\":\"");
        crate::dates::write_moment(&mut plain, revised);
        plain.push(b'"');
    }
    let rating = [
        ("level", facts.level.map(Placement::as_str)),
        ("depth", facts.depth.map(Depth::as_str)),
        ("from", facts.from.map(Origin::as_str)),
    ];
    for (key, id) in rating {
        if let Some(id) = id {
            for part in [",\"", key, "\":\"", id, "\""] {
                plain.extend_from_slice(part.as_bytes());
            }
        }
    }
    out.write_all(&plain)?;
    let optional = [
        ("pack", facts.pack),
        ("pack_version", facts.pack_version),
        ("prompt", facts.prompt),
        ("theme", facts.theme),
    ];
    for (key, value) in optional {
        if let Some(value) = value {
            for part in [",\"", key, "\":"] {
                out.write_all(part.as_bytes())?;
            }
            write_str(out, value)?;
        }
    }
    out.write_all(b",\"tags\":[")?;
    for (i, tag) in facts.tags.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write_str(out, tag)?;
    }
    out.write_all(b"],\"text\":")?;
    match entry.json {
        Some(escaped) => {
            for part in [b"\"", escaped.as_bytes(), b"\"}"] {
                out.write_all(part)?;
            }
            Ok(())
        }
        None => {
            write_str(out, entry.text)?;
            out.write_all(b"}")
        }
    }
}

/// A JSON string, escaped as `serde_json` does: `\"`, `\\`, `\b \f \n \r \t`, and
/// `\u00XX` for the other control characters; everything else as it is (found sixteen
/// bytes at a time: most values need no escape at all).
fn write_str<W: Write + ?Sized>(out: &mut W, text: &str) -> io::Result<()> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = text.as_bytes();
    out.write_all(b"\"")?;
    let mut from = 0;
    while let Some(found) = bytes::first(&bytes[from..], Find::Specials) {
        let at = from + found;
        let b = bytes[at];
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0C => b"\\f",
            _ => &[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 15)],
            ],
        };
        out.write_all(&bytes[from..at])?;
        out.write_all(escape)?;
        from = at + 1;
    }
    out.write_all(&bytes[from..])?;
    out.write_all(b"\"")
}

/// `serde_json::to_writer`, keeping a write error an `io::Error` (a closed pipe must
/// stay recognisable as one).
fn to_writer<W: Write + ?Sized, T: Serialize>(out: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(io::Error::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str, revised: bool) -> Entry {
        use crate::entry::Level;
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        Entry {
            id: EntryId::parse("k3f9a2c1mx").unwrap(),
            date: "2026-11-20".parse().unwrap(),
            written: at("2026-11-20T18:02:11.250+01:00"),
            revised: revised.then(|| at("2026-11-21T08:00:00-03:00")),
            // A revised entry here is also a rated one with a transfer and a depth.
            level: revised.then_some(Placement::At(Level::System)),
            depth: revised.then_some(Depth::Sharing),
            from: revised.then_some(Origin::Programme),
            pack: Some("redes \"x\"".into()),
            pack_version: None,
            prompt: Some("p".into()),
            theme: None,
            tags: vec!["a".into(), "ñ".into()],
            text: text.into(),
        }
    }

    #[test]
    fn the_fast_writer_writes_what_serde_json_writes() {
        let texts = [
            String::new(),
            "plain text that is long enough for several words of eight".into(),
            "quotes \" and \\ backslashes, tabs\t, \r\n, \u{0} \u{1f} \u{7f} \u{8}\u{c} Ñuñoa 💡"
                .into(),
            (0u8..=0x7f).map(char::from).collect(),
            "\"\"\"\"\"\"\"\"\"".into(),
        ];
        for text in &texts {
            for revised in [false, true] {
                let entry = entry(text, revised);
                let mut fast = Vec::new();
                write_entry(&mut fast, &entry.borrowed()).unwrap();
                let serde = serde_json::to_vec(&EntryObject::from(&entry)).unwrap();
                assert_eq!(
                    String::from_utf8(fast).unwrap(),
                    String::from_utf8(serde).unwrap()
                );
            }
        }
    }
}
