//! Import: entries from another file appended to the journal, one file per source
//! (like zoxide's importers): `reflect` reads our own JSON export, `jrnl` reads
//! `jrnl --export json`.
//!
//! An importer only reads and validates: it turns a whole document into entries or
//! fails naming the file (and the entry) without anything written. The journal then
//! appends the entries it does not have yet, deciding which under its write lock
//! (`Journal::add_new`), so a second import of the same file, even one running at
//! the same time, adds nothing.

pub mod jrnl;
pub mod reflect;

use anyhow::{anyhow, Result};
use chrono::FixedOffset;
use serde_json::{Map, Value};

use crate::entry::Entry;
use crate::t;

/// What an importer read: entries ready to append, and warnings for the person.
#[derive(Debug, Default)]
pub struct Imported {
    pub entries: Vec<Entry>,
    pub warnings: Vec<String>,
}

/// The tools whose exports can be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `reflect export --format json`.
    Reflect,
    /// `jrnl --export json`.
    Jrnl,
}

/// Reads a document written by `source`; `offset` is the UTC offset given to
/// moments stored without one (jrnl's).
pub fn parse(source: Source, bytes: &[u8], name: &str, offset: FixedOffset) -> Result<Imported> {
    match source {
        Source::Reflect => reflect::parse(bytes, name),
        Source::Jrnl => jrnl::parse(bytes, name, offset),
    }
}

/// Reads a document, recognising from its shape which tool wrote it: our export
/// names its `format`; jrnl's has `entries` with a `title` (or, when empty, jrnl's
/// `tags` summary). A document of neither shape is refused, naming both.
pub fn parse_any(bytes: &[u8], name: &str, offset: FixedOffset) -> Result<(Source, Imported)> {
    let document = parse_json(bytes, name)?;
    if looks_like_reflect(&document) {
        Ok((Source::Reflect, reflect::from_document(&document, name)?))
    } else if looks_like_jrnl(&document) {
        Ok((Source::Jrnl, jrnl::from_document(&document, name, offset)?))
    } else {
        Err(anyhow!(crate::t!("import-unknown-format", file = name)))
    }
}

/// The items without repeats, each where it first came: linear (a set of those
/// seen), so 100,000 tags on one entry cost no more than reading them.
pub fn distinct<T: std::hash::Hash + Eq + Clone>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|item| seen.insert(item.clone()))
        .collect()
}

/// Refuses a year a journal record cannot carry (see `journal::record::YEARS`).
fn check_year(field: &str, year: i32) -> Result<(), String> {
    let years = crate::journal::record::YEARS;
    if years.contains(&year) {
        Ok(())
    } else {
        Err(t!(
            "import-year-out-of-range",
            field = field,
            year = year.to_string(),
            min = years.start().to_string(),
            max = years.end().to_string()
        ))
    }
}

/// Parses a whole JSON document. A syntax error reads `NAME:LINE:COLUMN: message`.
fn parse_json(bytes: &[u8], name: &str) -> Result<Value> {
    serde_json::from_slice(bytes).map_err(|err| {
        let message = err.to_string();
        let suffix = format!(" at line {} column {}", err.line(), err.column());
        let message = message.strip_suffix(&suffix).unwrap_or(&message);
        anyhow!(
            "{name}:{}:{}: {}",
            err.line(),
            err.column(),
            t!("import-not-json", message = message)
        )
    })
}

/// The `entries` array of a document's top-level object.
fn entries_of<'v>(document: &'v Value, name: &str, what: &str) -> Result<&'v Vec<Value>> {
    match document.get("entries") {
        Some(Value::Array(entries)) => Ok(entries),
        Some(_) => Err(anyhow!(t!("import-entries-not-array", file = name))),
        None => Err(anyhow!(t!("import-no-entries", file = name, what = what))),
    }
}

/// Whether a document has the shape of our own export.
fn looks_like_reflect(document: &Value) -> bool {
    document.get("format").and_then(Value::as_str) == Some(crate::export::json::FORMAT)
}

/// Whether a document has the shape of jrnl's export: entries with a title, or no
/// entries next to jrnl's `tags` summary (what jrnl writes for an empty journal).
fn looks_like_jrnl(document: &Value) -> bool {
    if document.get("format").is_some() {
        return false;
    }
    match document.get("entries").and_then(Value::as_array) {
        Some(entries) => match entries.first() {
            Some(entry) => entry.get("title").is_some(),
            None => document.get("tags").is_some_and(Value::is_object),
        },
        None => false,
    }
}

/// The fields of one entry object, read with messages that name the field.
struct Fields<'v>(&'v Map<String, Value>);

impl<'v> Fields<'v> {
    fn of(value: &'v Value) -> Result<Fields<'v>, String> {
        value
            .as_object()
            .map(Fields)
            .ok_or_else(|| t!("import-entry-not-object", kind = kind(value)))
    }

    /// A string field; absent or `null` is `None`.
    fn optional_str(&self, key: &str) -> Result<Option<&'v str>, String> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(t!("import-field-not-string", key = key, kind = kind(other))),
        }
    }

    fn str(&self, key: &str) -> Result<&'v str, String> {
        self.optional_str(key)?
            .ok_or_else(|| t!("import-field-missing", key = key))
    }

    /// An array of strings; absent or `null` is empty.
    fn strings(&self, key: &str) -> Result<Vec<&'v str>, String> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| {
                    item.as_str()
                        .ok_or_else(|| t!("import-field-not-strings", key = key, kind = kind(item)))
                })
                .collect(),
            Some(other) => Err(t!("import-field-not-array", key = key, kind = kind(other))),
        }
    }

    /// A boolean; absent or `null` is false.
    fn flag(&self, key: &str) -> Result<bool, String> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(other) => Err(t!("import-field-not-bool", key = key, kind = kind(other))),
        }
    }
}

/// How a JSON value is called in messages.
fn kind(value: &Value) -> String {
    match value {
        Value::Null => t!("import-kind-null"),
        Value::Bool(_) => t!("import-kind-bool"),
        Value::Number(_) => t!("import-kind-number"),
        Value::String(_) => t!("import-kind-string"),
        Value::Array(_) => t!("import-kind-array"),
        Value::Object(_) => t!("import-kind-object"),
    }
}

/// `NAME: entries[INDEX]: problem`: a problem with one entry of the file.
fn at_entry(name: &str, index: usize, problem: &str) -> String {
    t!(
        "import-at-entry",
        file = name,
        index = index.to_string(),
        problem = problem
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::hash::{Hash, Hasher};

    thread_local! {
        static COMPARISONS: Cell<usize> = const { Cell::new(0) };
    }

    /// A value that counts how often it is compared.
    #[derive(Clone)]
    struct Counted(u32);

    impl PartialEq for Counted {
        fn eq(&self, other: &Self) -> bool {
            COMPARISONS.with(|c| c.set(c.get() + 1));
            self.0 == other.0
        }
    }
    impl Eq for Counted {}
    impl Hash for Counted {
        fn hash<H: Hasher>(&self, state: &mut H) {
            self.0.hash(state);
        }
    }

    /// Regression (issue 12.13): 100,000 tags took 30 s to import (each new tag was
    /// compared with every earlier one). Counted, not timed: linear work.
    #[test]
    fn i12_13_distinct_tags_cost_linear_work() {
        let n = 100_000u32;
        let items: Vec<Counted> = (0..n).chain(0..10).map(Counted).collect();
        COMPARISONS.with(|c| c.set(0));
        let kept = distinct(items);
        assert_eq!(kept.len(), n as usize);
        assert_eq!(
            kept.iter().map(|c| c.0).take(3).collect::<Vec<_>>(),
            [0, 1, 2]
        );
        let comparisons = COMPARISONS.with(Cell::get);
        assert!(
            comparisons < 4 * n as usize,
            "{comparisons} comparisons for {n} items: not linear"
        );
    }
}
