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
//!   skipped; it stays in the file until `check --repair` moves it aside. Records
//!   of a newer format are skipped too, and never moved.
//! - **Readers agree**: every reader (lists, export, progress, prompt, compact) reads
//!   one snapshot (one open file for the whole read) and applies one rule for
//!   revisions (`revisions`), so they all show the same entries.
//! - **Waiting**: a lock held by another process is waited for, said after a
//!   moment, and given up after [`Journal::with_lock_timeout`] (30 s by default).
//! - **Reporting**: the journal never prints. What a read skipped, or that it waits
//!   for the lock, goes to the [`Report`] its caller passed in ([`Journal::with_report`]).
//!
//! - `checkins`: check-in records, a second kind of line that entry readers skip.
//! - `record`: the line format (`canonical`: the walk along a line as reflect writes
//!   it; `flat_json`: a fast parser for other flat lines).
//! - `date_index`: the order by date, in one pass from the end of the file.
//! - `snapshot`: the open file a read goes through. `scan`: raw lines forwards and
//!   backwards, and damage with line numbers (`damage_log`: the damaged lines a read
//!   met, the first whole, in bounded memory). `spare`: a thread's read buffer, kept
//!   from one unit of work to the next.
//! - `revisions`: the rule for revisions. `entries`: live entries newest first,
//!   oldest first, and by date; `parallel` and `parsing`: the threads that parse
//!   (and do the reader's work on each entry). `lookup`: entries by id.
//! - `write`: locking, appending, atomic rewrites. `repair`: `check`,
//!   `check --repair` and `compact`. `report`: what the journal tells its caller.

mod canonical;
mod checkins;
mod damage_log;
mod date_index;
mod entries;
mod flat_json;
mod history;
mod ids;
mod live_facts;
mod lookup;
mod moments;
mod needle;
mod parallel;
mod parsing;
pub mod record;
mod repair;
mod report;
mod revisions;
mod scan;
mod snapshot;
mod spare;
mod spill;
mod write;

pub use entries::Entries;
pub use history::Revision;
pub use needle::Needle;
pub use parsing::{GroupedSpans, Span, Spans};
pub use repair::{CheckReport, CompactReport, RepairReport};
pub use report::{Collected, Damage, Report, Silent, Skipped};
pub use revisions::{Grouper, UNGROUPED};

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use rustc_hash::FxHashMap;

use crate::entry::{Entry, EntryId};
use record::Record;

/// Failures callers may want to tell apart.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// `action` is a message id (`journal-io-*`), followed by the path.
    #[error("{} {}", crate::i18n::message(.action, None), .path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{}", crate::t!("error-journal-locked", lock = .path.display().to_string(), seconds = seconds.to_string()))]
    Locked { path: PathBuf, seconds: f64 },
    #[error("{}", crate::t!("journal-not-found", id = .0.as_str()))]
    NotFound(String),
    #[error("{}", crate::t!("journal-ambiguous", prefix = .prefix.as_str(), candidates = .candidates.join(", ")))]
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
    lock_timeout: Duration,
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
            lock_timeout: Self::LOCK_TIMEOUT,
        }
    }

    /// How long a write waits for the lock by default.
    pub const LOCK_TIMEOUT: Duration = Duration::from_secs(30);

    /// The same journal, giving up on a lock held elsewhere after `timeout`.
    pub fn with_lock_timeout(mut self, timeout: Duration) -> Journal {
        self.lock_timeout = timeout;
        self
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
        self.append(&Self::import_records(entries))
    }

    fn import_records(entries: &[Entry]) -> Vec<Record> {
        let mut records = Vec::with_capacity(entries.len());
        for entry in entries {
            records.push(Record::add(entry));
            if let Some(revised) = entry.revised {
                records.push(Record::edit(entry, revised));
            }
        }
        records
    }

    /// Appends the entries whose id the journal has never had (nor an earlier entry
    /// of `entries`), deciding what is new under the write lock, so two imports at
    /// once add each entry once. Returns how many were added and skipped.
    pub fn add_new(&self, entries: Vec<Entry>) -> Result<(usize, usize)> {
        let lock = write::WriteLock::acquire(self)?;
        let mut known = self.known_ids()?;
        let total = entries.len();
        let new: Vec<Entry> = entries
            .into_iter()
            .filter(|entry| known.insert(entry.id.clone()))
            .collect();
        if !new.is_empty() {
            let bytes: Vec<u8> = Self::import_records(&new)
                .iter()
                .flat_map(Record::to_line)
                .collect();
            write::append_locked(self, &lock, &bytes)?;
        }
        Ok((new.len(), total - new.len()))
    }

    /// Appends a revision: `entry` becomes the entry's content from now on. Fields
    /// of the entry's latest record that this version does not know are kept.
    pub fn revise(&self, entry: &Entry, now: DateTime<FixedOffset>) -> Result<()> {
        let mut record = Record::edit(entry, now);
        if let Some(latest) = self.latest_record(&entry.id)? {
            record.extra = latest.extra;
        }
        self.append(&[record])
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

    /// Every live entry's facts folded in no particular order (`start`, `add` on
    /// every core, then `merge` of the parts), with the check-ins: for counters
    /// whose result does not depend on order. One pass from the end of the file
    /// where [`Journal::oldest_first`] takes two.
    pub fn fold_live_facts<A: Send + 'static>(
        &self,
        start: impl Fn() -> A + Send + Sync + 'static,
        add: impl Fn(&mut A, &crate::entry::Facts) + Send + Sync + 'static,
        merge: impl Fn(&mut A, A) + Send + Sync + 'static,
    ) -> Result<(A, Vec<crate::checkin::Checkin>)> {
        let fold = live_facts::Fold {
            start: Box::new(start),
            add: Box::new(add),
            merge: Box::new(merge),
        };
        match live_facts::fold(self, fold)? {
            Ok(done) => Ok(done),
            // An unusual journal: the forward rule.
            Err(live_facts::Fold { start, add, merge }) => {
                let value = start();
                self.oldest_first()?
                    .fold_facts(start, add)
                    .merged(value, merge)
            }
        }
    }

    /// Live entries newest day first: [`Journal::by_date`] reversed, cheap to take
    /// the first few of.
    pub fn newest_days_first(&self) -> Result<Entries> {
        Entries::newest_days_first(self, None)
    }

    /// [`Journal::newest_days_first`] with a search decided on raw bytes
    /// ([`Entries::prefilter`]) while the first pass reads each line: the entries
    /// that cannot match are never read again.
    pub fn newest_days_first_searching(&self, needle: Option<Needle>) -> Result<Entries> {
        Entries::newest_days_first(self, needle)
    }

    /// Every record of the entry (live or deleted) whose id starts with `prefix`,
    /// oldest first: what `reflect history` shows and `reflect restore` brings back.
    pub fn revisions(&self, prefix: &str) -> Result<(EntryId, Vec<Revision>)> {
        history::history(self, prefix)
    }

    /// How many revisions with text [`Journal::compact`] would drop now.
    pub fn restorable_revisions(&self) -> Result<usize> {
        history::restorable(self)
    }

    /// One snapshot of the journal for several reads that must agree (an index
    /// built by one, entries fetched by another).
    pub fn reading(&self) -> Result<Reading> {
        Ok(Reading {
            journal: self.clone(),
            snapshot: snapshot::Snapshot::open(self)?,
        })
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

/// Several reads of one snapshot of the journal (see [`Journal::reading`]).
pub struct Reading {
    journal: Journal,
    snapshot: Arc<snapshot::Snapshot>,
}

impl Reading {
    /// Live entries by date, as [`Journal::by_date`].
    pub fn by_date(&self) -> Result<Entries> {
        Entries::by_date_in(&self.journal, &self.snapshot)
    }

    /// The entries located at each list of `spans` (by [`Entries::next_spanned`] on
    /// this reading) in turn, as one read: positioned reads (lines close together in
    /// one), parsed on every core; each list is freed once its entries are read.
    pub fn at(&self, spans: Vec<Spans>) -> Entries {
        Entries::at(
            &self.journal,
            &self.snapshot,
            spans,
            damage_log::DamageLog::new(),
        )
    }

    /// Live entries sorted into groups in one pass over the heads of the lines:
    /// `group` names each entry's group from its facts (on the threads that parse;
    /// the text is not read), each group's entries come in date order. For a reader
    /// that then shows every entry of every group with [`Reading::at_grouped`], which
    /// checks each line whole. `None` for a journal the forward rule for revisions
    /// must read (see [`Reading::by_date`]).
    pub fn grouped(&self, group: Grouper) -> Result<Option<Grouped>> {
        Entries::grouped(&self.journal, &self.snapshot, &group)
    }

    /// [`Reading::at`] for the lists of a [`Grouped`]: the damage its pass met is
    /// reported with this read's.
    pub fn at_grouped(&self, spans: Vec<Spans>, grouped: Grouped) -> Entries {
        Entries::at(&self.journal, &self.snapshot, spans, grouped.damage)
    }
}

/// Live entries by group (see [`Reading::grouped`]).
pub struct Grouped {
    /// Each group's entries, in date order. The entries the parsers refuse are under
    /// [`UNGROUPED`]: reading them reports their damage.
    pub groups: FxHashMap<u32, Spans>,
    damage: damage_log::DamageLog,
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
