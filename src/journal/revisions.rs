//! The rule for revisions, as the forward readers apply it: a first pass notes which
//! entries were revised or deleted (the latest record of each), and [`RecordAt`]
//! reads a revised entry's content where it is.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};

use chrono::NaiveDate;

use super::record::{quick_head, LineProblem, Op, Record};
use super::scan::{content, open, Scan};
use super::{Journal, JournalError, Result};
use crate::entry::EntryId;

/// What the latest record says about a revised or deleted entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Latest {
    /// The entry's content is the edit record at this offset.
    Revised(u64),
    Deleted,
}

/// Reads `op` and `id` cheaply, parsing only lines not in canonical form.
pub(super) fn head_of(
    line: &[u8],
) -> std::result::Result<(Op, EntryId, Option<NaiveDate>), LineProblem> {
    if let Some(head) = quick_head(line) {
        if let Some(id) = EntryId::parse(head.id) {
            let date = head.date.and_then(super::record::fast::parse_day);
            if head.op == Op::Delete || date.is_some() {
                return Ok((head.op, id, date));
            }
        }
    }
    let record = Record::parse(line)?;
    Ok((record.op, record.id, record.date))
}

/// The first pass of the forward readers: which entries were revised or deleted,
/// and whether the entries already come in date order.
pub(super) struct Overlay {
    pub(super) latest: HashMap<EntryId, Latest>,
    pub(super) adds_in_date_order: bool,
}

pub(super) fn overlay(journal: &Journal) -> Result<Overlay> {
    let mut scan = Scan::forwards(journal)?.quiet();
    let mut latest = HashMap::new();
    let mut previous_date: Option<NaiveDate> = None;
    let mut adds_in_date_order = true;
    while let Some((offset, line)) = scan.next_line()? {
        let Ok((op, id, date)) = head_of(line) else {
            continue;
        };
        match op {
            Op::Add => {
                if date < previous_date {
                    adds_in_date_order = false;
                }
                previous_date = date.max(previous_date);
            }
            Op::Edit => {
                latest.insert(id, Latest::Revised(offset));
            }
            Op::Delete => {
                latest.insert(id, Latest::Deleted);
            }
        }
    }
    Ok(Overlay {
        latest,
        adds_in_date_order,
    })
}

/// Reads single records by offset (the content of revised entries, or entries in
/// date order when the file is not).
pub(super) struct RecordAt {
    reader: BufReader<File>,
    position: u64,
    buf: Vec<u8>,
}

impl RecordAt {
    pub(super) fn new(journal: &Journal) -> Result<Option<RecordAt>> {
        // Small reads: a jump past the buffer throws it away.
        Ok(open(journal)?.map(|file| RecordAt {
            reader: BufReader::with_capacity(8 * 1024, file),
            position: 0,
            buf: Vec::new(),
        }))
    }

    pub(super) fn read(
        &mut self,
        journal: &Journal,
        offset: u64,
    ) -> Result<std::result::Result<Record, LineProblem>> {
        let io_error = JournalError::io("cannot read", journal.path());
        let moved = offset as i64 - self.position as i64;
        self.reader.seek_relative(moved).map_err(io_error)?;
        self.buf.clear();
        let read = self
            .reader
            .read_until(b'\n', &mut self.buf)
            .map_err(JournalError::io("cannot read", journal.path()))?;
        self.position = offset + read as u64;
        let line = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
        Ok(Record::parse(content(line).unwrap_or(line)))
    }
}

/// One record of an entry's history, as `reflect history` numbers it (1 is the
/// first record of the entry in the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    pub number: usize,
    pub op: Op,
    /// When this record was written.
    pub written: chrono::DateTime<chrono::FixedOffset>,
    /// The entry as this record left it; `None` for a retraction.
    pub entry: Option<crate::entry::Entry>,
}

/// Every record of the one entry (live or deleted) whose id starts with `prefix`,
/// in the order written. Separate from the readers: it reads the whole file once.
pub(super) fn history(journal: &Journal, prefix: &str) -> Result<(EntryId, Vec<Revision>)> {
    let prefix = prefix.trim().to_ascii_lowercase();
    if EntryId::parse(&prefix).is_none() {
        return Err(JournalError::NotFound(prefix));
    }
    let mut by_id: HashMap<EntryId, Vec<Revision>> = HashMap::new();
    let mut scan = Scan::forwards(journal)?;
    while let Some((offset, line)) = scan.next_line()? {
        if quick_head(line)
            .is_some_and(|head| !EntryId::parse(head.id).is_some_and(|id| id.starts_with(&prefix)))
        {
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
        let revisions = by_id.entry(record.id.clone()).or_default();
        revisions.push(Revision {
            number: revisions.len() + 1,
            op: record.op,
            written: record.written,
            entry: record.into_entry(),
        });
    }
    scan.report_damage();
    match by_id.len() {
        0 => Err(JournalError::NotFound(prefix)),
        1 => Ok(by_id.into_iter().next().expect("one entry")),
        _ => {
            let mut candidates: Vec<String> = by_id.keys().map(ToString::to_string).collect();
            candidates.sort();
            Err(JournalError::Ambiguous { prefix, candidates })
        }
    }
}

/// How many records with text `compact` would drop: every revision but the latest
/// of a live entry, and every revision of a deleted one (what `restore` could bring
/// back until then).
pub(super) fn restorable(journal: &Journal) -> Result<usize> {
    // Per entry: records with text, and whether the latest record is a retraction.
    let mut entries: HashMap<EntryId, (usize, bool)> = HashMap::new();
    let mut scan = Scan::forwards(journal)?.quiet();
    while let Some((_, line)) = scan.next_line()? {
        let Ok((op, id, _)) = head_of(line) else {
            continue;
        };
        let (texts, deleted) = entries.entry(id).or_default();
        *deleted = op == Op::Delete;
        if op != Op::Delete {
            *texts += 1;
        }
    }
    Ok(entries
        .values()
        .map(|&(texts, deleted)| {
            if deleted {
                texts
            } else {
                texts.saturating_sub(1)
            }
        })
        .sum())
}
