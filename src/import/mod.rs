//! Import: entries from another file appended to the journal, one file per source
//! (like zoxide's importers): `reflect` reads our own JSON export, `jrnl` reads
//! `jrnl --export json`.
//!
//! An importer only reads and validates: it turns a whole document into entries or
//! fails naming the file (and the entry) without anything written. The command then
//! drops the entries the journal already has ([`keep_new`]) and appends the rest under
//! one lock, so a second import of the same file adds nothing.

pub mod jrnl;
pub mod reflect;

use std::collections::HashSet;

use anyhow::{anyhow, Result};
use chrono::FixedOffset;
use serde_json::{Map, Value};

use crate::entry::{Entry, EntryId};

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

/// Drops the entries whose id is in `known` (or came earlier in the same file) and
/// returns the rest with the number dropped. `known` learns the new ids.
pub fn keep_new(entries: Vec<Entry>, known: &mut HashSet<EntryId>) -> (Vec<Entry>, usize) {
    let total = entries.len();
    let new: Vec<Entry> = entries
        .into_iter()
        .filter(|entry| known.insert(entry.id.clone()))
        .collect();
    let skipped = total - new.len();
    (new, skipped)
}

/// Parses a whole JSON document. A syntax error reads `NAME:LINE:COLUMN: message`.
fn parse_json(bytes: &[u8], name: &str) -> Result<Value> {
    serde_json::from_slice(bytes).map_err(|err| {
        let message = err.to_string();
        let suffix = format!(" at line {} column {}", err.line(), err.column());
        let message = message.strip_suffix(&suffix).unwrap_or(&message);
        anyhow!(
            "{name}:{}:{}: not valid JSON: {message}",
            err.line(),
            err.column()
        )
    })
}

/// The `entries` array of a document's top-level object.
fn entries_of<'v>(document: &'v Value, name: &str, what: &str) -> Result<&'v Vec<Value>> {
    match document.get("entries") {
        Some(Value::Array(entries)) => Ok(entries),
        Some(_) => Err(anyhow!("{name}: \"entries\" must be an array")),
        None => Err(anyhow!("{name}: not {what}: it has no \"entries\" array")),
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
            .ok_or_else(|| format!("an entry must be an object, not {}", kind(value)))
    }

    /// A string field; absent or `null` is `None`.
    fn optional_str(&self, key: &str) -> Result<Option<&'v str>, String> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(format!("\"{key}\" must be a string, not {}", kind(other))),
        }
    }

    fn str(&self, key: &str) -> Result<&'v str, String> {
        self.optional_str(key)?
            .ok_or_else(|| format!("\"{key}\" is missing"))
    }

    /// An array of strings; absent or `null` is empty.
    fn strings(&self, key: &str) -> Result<Vec<&'v str>, String> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| {
                    item.as_str()
                        .ok_or_else(|| format!("\"{key}\" must hold strings, not {}", kind(item)))
                })
                .collect(),
            Some(other) => Err(format!(
                "\"{key}\" must be an array of strings, not {}",
                kind(other)
            )),
        }
    }

    /// A boolean; absent or `null` is false.
    fn flag(&self, key: &str) -> Result<bool, String> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(other) => Err(format!(
                "\"{key}\" must be true or false, not {}",
                kind(other)
            )),
        }
    }
}

/// How a JSON value is called in messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
