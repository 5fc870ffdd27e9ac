//! The journal: one append-only JSON Lines file, the leader's private words.
//!
//! This module is the only code that opens the journal. It guarantees:
//!
//! - **Appending** takes an exclusive lock on a side file (`JOURNAL.lock`, never
//!   renamed), writes the whole record in one `write`, and `sync_data`s before
//!   reporting success. It never reads or rewrites the rest of the file.
//! - **Changing** an entry appends a revision or retraction; readers show the latest
//!   revision. Only [`Journal::compact`] and [`Journal::repair`] rewrite the file, through
//!   a temp file, fsync and rename (under the same lock).
//! - **Damage** (a line that is not a record) is reported with its line number and
//!   skipped; it stays in the file until `check --repair` moves it aside.
//!
//! - **Reporting**: the journal never prints. What a read skipped goes to the
//!   [`Report`] its caller passed in ([`Journal::with_report`]).
//!
//! - `record`: the line format. `write`: locking, appending, atomic rewrites.
//! - `scan`: raw lines forwards and backwards, and damage with line numbers.
//! - `revisions`: which record of an entry is its latest (the forward readers' pass).
//! - `entries`: live entries newest first, oldest first, and by date.
//! - `report`: what readers tell their caller. `repair`: `check`, `check --repair`
//!   and `compact`.

mod entries;
mod flat_json;
pub mod record;
mod repair;
mod report;
mod revisions;
mod scan;
mod write;

pub use entries::Entries;
pub use repair::{CheckReport, CompactReport, RepairReport};
pub use report::{Collected, Damage, Report, Silent};
pub use revisions::Revision;
pub use scan::Scan;

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use crate::entry::{Entry, EntryId};
use record::{quick_head, Op, Record};

/// Failures callers may want to tell apart.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("{action} {}", .path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("no entry matches '{0}' (see `reflect list`)")]
    NotFound(String),
    #[error("'{prefix}' names several entries: {}; type more of the id", .candidates.join(", "))]
    Ambiguous {
        prefix: String,
        candidates: Vec<String>,
    },
}

impl JournalError {
    pub(crate) fn io<'a>(
        action: &'static str,
        path: &'a Path,
    ) -> impl FnOnce(io::Error) -> JournalError + 'a {
        move |source| JournalError::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }
}

pub type Result<T, E = JournalError> = std::result::Result<T, E>;

/// A journal file. Creating the value touches nothing on disk.
#[derive(Clone)]
pub struct Journal {
    path: PathBuf,
    report: Arc<dyn Report>,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal").field("path", &self.path).finish()
    }
}

impl Journal {
    /// A journal that reports nothing (see [`Journal::with_report`]).
    pub fn new(path: impl Into<PathBuf>) -> Journal {
        Journal {
            path: path.into(),
            report: Arc::new(Silent),
        }
    }

    /// The same journal, telling `report` what its operations skip or wait for.
    pub fn with_report(mut self, report: Arc<dyn Report>) -> Journal {
        self.report = report;
        self
    }

    pub(crate) fn report(&self) -> &dyn Report {
        &*self.report
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The side file whose lock serialises writers (`journal.jsonl.lock`).
    pub fn lock_path(&self) -> PathBuf {
        sibling(&crate::fs::resolve_symlink(&self.path), ".lock")
    }

    /// Where `check --repair` moves damaged lines (`journal.jsonl.damaged`).
    pub fn damaged_path(&self) -> PathBuf {
        sibling(&self.path, ".damaged")
    }

    pub fn exists(&self) -> bool {
        self.path.exists()
    }

    /// Appends a new entry.
    pub fn add(&self, entry: &Entry) -> Result<()> {
        self.append(&[Record::add(entry)])
    }

    /// Appends several new entries under one lock and one fsync (import). An entry
    /// with `revised` set gets an edit record at that moment after its add record, so
    /// importing an export keeps the revision date.
    pub fn add_all(&self, entries: &[Entry]) -> Result<()> {
        let mut records = Vec::with_capacity(entries.len());
        for entry in entries {
            records.push(Record::add(entry));
            if let Some(revised) = entry.revised {
                records.push(Record::edit(entry, revised));
            }
        }
        self.append(&records)
    }

    /// Appends a revision: `entry` becomes the entry's content from now on.
    pub fn revise(&self, entry: &Entry, now: DateTime<FixedOffset>) -> Result<()> {
        self.append(&[Record::edit(entry, now)])
    }

    /// Appends a retraction: readers no longer show the entry.
    pub fn retract(&self, id: &EntryId, now: DateTime<FixedOffset>) -> Result<()> {
        self.append(&[Record::delete(id, now)])
    }

    fn append(&self, records: &[Record]) -> Result<()> {
        let bytes: Vec<u8> = records.iter().flat_map(Record::to_line).collect();
        write::append(self, &bytes)
    }

    /// Live entries, newest written first, read from the end of the file: taking the
    /// first few is fast at any journal size.
    pub fn newest_first(&self) -> Result<Entries> {
        Entries::newest_first(self)
    }

    /// Live entries in the order they were first written.
    pub fn oldest_first(&self) -> Result<Entries> {
        Entries::oldest_first(self)
    }

    /// Live entries ordered by the day they are about, then by when they were written.
    pub fn by_date(&self) -> Result<Entries> {
        Entries::by_date(self)
    }

    /// Finds the live entry whose id starts with `prefix`.
    pub fn find(&self, prefix: &str) -> Result<Entry> {
        let prefix = prefix.trim().to_ascii_lowercase();
        if EntryId::parse(&prefix).is_none() {
            return Err(JournalError::NotFound(prefix));
        }
        // Latest record of each matching id: the first one met reading backwards.
        let mut latest: HashMap<String, Option<Record>> = HashMap::new();
        let mut scan = Scan::backwards(self)?;
        while let Some((offset, line)) = scan.next_line()? {
            let id_matches = match quick_head(line) {
                Some(head) => head
                    .id
                    .get(..prefix.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(&prefix)),
                None => true,
            };
            if !id_matches {
                continue;
            }
            let record = match Record::parse(line) {
                Ok(record) => record,
                Err(problem) => {
                    scan.note_problem(offset, problem);
                    continue;
                }
            };
            if !record.id.starts_with(&prefix) {
                continue;
            }
            latest
                .entry(record.id.as_str().to_string())
                .or_insert_with(|| (record.op != Op::Delete).then_some(record));
        }
        scan.report_damage();
        let mut live: Vec<Record> = latest.into_values().flatten().collect();
        match live.len() {
            0 => Err(JournalError::NotFound(prefix)),
            1 => Ok(live
                .pop()
                .and_then(Record::into_entry)
                .expect("live records have entries")),
            _ => {
                let mut candidates: Vec<String> = live.iter().map(|r| r.id.to_string()).collect();
                candidates.sort();
                Err(JournalError::Ambiguous { prefix, candidates })
            }
        }
    }

    /// Every record of the entry (live or deleted) whose id starts with `prefix`,
    /// oldest first: what `reflect history` shows and `reflect restore` brings back.
    pub fn revisions(&self, prefix: &str) -> Result<(EntryId, Vec<Revision>)> {
        revisions::history(self, prefix)
    }

    /// How many revisions with text [`Journal::compact`] would drop now.
    pub fn restorable_revisions(&self) -> Result<usize> {
        revisions::restorable(self)
    }

    /// Every id that has ever had a record, live or retracted (imports skip them).
    pub fn known_ids(&self) -> Result<std::collections::HashSet<EntryId>> {
        let mut ids = std::collections::HashSet::new();
        let mut scan = Scan::forwards(self)?;
        while let Some((offset, line)) = scan.next_line()? {
            if let Some(head) = quick_head(line) {
                if let Some(id) = EntryId::parse(head.id) {
                    ids.insert(id);
                    continue;
                }
            }
            match Record::parse(line) {
                Ok(record) => {
                    ids.insert(record.id);
                }
                Err(problem) => scan.note_problem(offset, problem),
            }
        }
        scan.report_damage();
        Ok(ids)
    }

    /// Reports damaged lines without changing anything.
    pub fn check(&self) -> Result<CheckReport> {
        repair::check(self)
    }

    /// Moves damaged lines to [`Journal::damaged_path`], keeping every good line.
    pub fn repair(&self) -> Result<RepairReport> {
        repair::repair(self)
    }

    /// Rewrites the journal with only the latest revision of each live entry.
    pub fn compact(&self) -> Result<CompactReport> {
        repair::compact(self)
    }
}

/// `dir/journal.jsonl` + `.lock` → `dir/journal.jsonl.lock`.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}
