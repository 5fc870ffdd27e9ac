//! Reading our own JSON export (`reflect export --format json`, schema in
//! `docs/export.md`) back: every field of every entry, ids included, so an export
//! imported into an empty journal reproduces it.

use anyhow::{anyhow, bail, Result};
use chrono::{DateTime, Datelike, NaiveDate};
use serde_json::Value;

use super::{
    at_entry, check_year, distinct, entries_of, looks_like_jrnl, looks_like_reflect, parse_json,
    Fields, Imported,
};
use crate::entry::{normalize_tag, Depth, Entry, EntryId, Origin, Placement};
use crate::export::json::{FORMAT, VERSION};
use crate::i18n::typed;
use crate::t;

/// Reads and validates a whole export; `name` names the file in errors.
pub fn parse(bytes: &[u8], name: &str) -> Result<Imported> {
    from_document(&parse_json(bytes, name)?, name)
}

/// [`parse`] of a document already read as JSON.
pub(super) fn from_document(document: &Value, name: &str) -> Result<Imported> {
    if !looks_like_reflect(document) {
        if looks_like_jrnl(document) {
            bail!(t!("import-not-reflect-jrnl", file = name, format = FORMAT));
        }
        bail!(t!("import-not-reflect", file = name, format = FORMAT));
    }
    match document.get("version").and_then(Value::as_u64) {
        Some(version) if version <= u64::from(VERSION) => {}
        Some(version) => bail!(t!(
            "import-newer",
            file = name,
            version = version.to_string(),
            reads = VERSION.to_string()
        )),
        None => bail!(t!("import-version-not-number", file = name)),
    }
    let entries = entries_of(document, name, &t!("import-what-reflect"))?
        .iter()
        .enumerate()
        .map(|(index, value)| entry(value).map_err(|why| anyhow!(at_entry(name, index, &why))))
        .collect::<Result<Vec<_>>>()?;
    Ok(Imported {
        entries,
        warnings: Vec::new(),
    })
}

/// One entry of the export schema. Unknown fields are ignored: a newer reflect may
/// add optional fields without a new version.
fn entry(value: &Value) -> Result<Entry, String> {
    let fields = Fields::of(value)?;
    let id = fields.str("id")?;
    let id = EntryId::parse(id).ok_or_else(|| t!("import-bad-id", value = typed(id)))?;
    let date = fields.str("date")?;
    let date = date
        .parse::<NaiveDate>()
        .map_err(|_| t!("import-bad-date", value = typed(date)))?;
    let moment = |key: &str, value: &str| {
        DateTime::parse_from_rfc3339(value)
            .map_err(|_| t!("import-bad-moment", key = key, value = typed(value)))
    };
    let written = moment("written", fields.str("written")?)?;
    let revised = fields
        .optional_str("revised")?
        .map(|value| moment("revised", value))
        .transpose()?;
    // Optional: an unrated entry has no level; depth and from are optional too.
    let level = fields
        .optional_str("level")?
        .map(|id| Placement::from_id(id).ok_or_else(|| t!("import-bad-level", value = typed(id))))
        .transpose()?;
    let depth = fields
        .optional_str("depth")?
        .map(|id| Depth::from_id(id).ok_or_else(|| t!("import-bad-depth", value = typed(id))))
        .transpose()?;
    let from = fields
        .optional_str("from")?
        .map(|id| Origin::from_id(id).ok_or_else(|| t!("import-bad-from", value = typed(id))))
        .transpose()?;
    let rating = crate::rating::Rating { level, from, depth };
    rating.check().map_err(|why| format!("\"from\": {why}"))?;
    let text = fields.str("text")?;
    if text.trim().is_empty() {
        return Err(t!("import-text-empty"));
    }
    let tags = distinct(
        fields
            .strings("tags")?
            .into_iter()
            .map(|tag| normalize_tag(tag).map_err(|why| format!("\"tags\": {why}")))
            .collect::<Result<Vec<String>, String>>()?,
    );
    check_year("date", date.year())?;
    check_year("written", written.year())?;
    if let Some(revised) = revised {
        check_year("revised", revised.year())?;
    }
    let owned = |key: &str| fields.optional_str(key).map(|v| v.map(str::to_string));
    Ok(Entry {
        id,
        date,
        written,
        revised,
        level,
        depth,
        from,
        pack: owned("pack")?,
        pack_version: owned("pack_version")?,
        prompt: owned("prompt")?,
        theme: owned("theme")?,
        tags,
        text: text.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(entries: &str) -> String {
        format!(
            r#"{{"format":"reflect-export","version":1,"exported":"2026-11-23T09:00:00+01:00","filters":{{}},"entries":[{entries}]}}"#
        )
    }

    const GOOD: &str = r#"{"id":"abc123","date":"2026-11-20","written":"2026-11-20T18:00:00+01:00","level":"network","tags":["Cohort"],"text":"Met the other heads.","future_field":1}"#;

    #[test]
    fn valid_entries_are_read_with_every_field() {
        let imported = parse(doc(GOOD).as_bytes(), "x.json").unwrap();
        let entry = &imported.entries[0];
        assert_eq!(entry.id.as_str(), "abc123");
        assert_eq!(
            entry.level,
            Some(Placement::At(crate::entry::Level::Network))
        );
        assert_eq!(entry.tags, ["cohort"]);
        assert_eq!(entry.revised, None);
    }

    #[test]
    fn a_bad_entry_is_named_by_its_index() {
        let bad = GOOD.replace("network", "galaxy");
        let err = parse(doc(&format!("{GOOD},{bad}")).as_bytes(), "x.json")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "x.json: entries[1]: \"level\" must be school, network, system or idea, not \"galaxy\""
        );
        let err = parse(doc(&GOOD.replace("abc123", "a b")).as_bytes(), "x.json")
            .unwrap_err()
            .to_string();
        assert!(err.contains("entries[0]: \"id\""), "{err}");
        let err = parse(
            doc(&GOOD.replace("\"2026-11-20\"", "20")).as_bytes(),
            "x.json",
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            err,
            "x.json: entries[0]: \"date\" must be a string, not a number"
        );
    }

    #[test]
    fn other_documents_are_refused_with_a_hint() {
        let err = parse(br#"{"tags":{},"entries":[{"title":"t"}]}"#, "j.json")
            .unwrap_err()
            .to_string();
        assert!(err.contains("--from jrnl"), "{err}");
        let newer = doc(GOOD).replace("\"version\":1", "\"version\":3");
        assert!(parse(newer.as_bytes(), "x.json")
            .unwrap_err()
            .to_string()
            .contains("newer reflect"));
        let err = parse(b"{\"format\":\n  oops", "x.json")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("x.json:2:3: not valid JSON"), "{err}");
    }
}
