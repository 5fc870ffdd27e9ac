//! An entry's history: every record of one id (`reflect history`, `reflect restore`),
//! and how many revisions `compact` would drop.

use std::collections::HashMap;

use super::ids::IdKey;
use super::lookup::{has_prefix, normalised, the_one};
use super::record::{quick_head, Op, Record};
use super::revisions::key_of;
use super::scan::Scan;
use super::snapshot::Snapshot;
use super::{Journal, Result};
use crate::entry::EntryId;

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
    let prefix = normalised(prefix)?;
    let mut by_id: HashMap<EntryId, Vec<Revision>> = HashMap::new();
    let snapshot = Snapshot::open(journal)?;
    let mut scan = Scan::forwards(journal, &snapshot);
    while let Some((offset, line)) = scan.next_line()? {
        if quick_head(line).is_some_and(|head| !has_prefix(head.id, &prefix)) {
            continue;
        }
        let record = match Record::parse(line) {
            Ok(record) => record,
            Err(problem) => {
                scan.note_problem(offset, problem);
                continue;
            }
        };
        if !has_prefix(record.id.as_str(), &prefix) {
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
    the_one(prefix, by_id)
}

/// How many records with text `compact` would drop: every revision but the latest
/// of a live entry, and every revision of a deleted one (what `restore` could bring
/// back until then).
pub(super) fn restorable(journal: &Journal) -> Result<usize> {
    // Per entry: records with text, and whether the latest record is a retraction.
    let mut entries: HashMap<IdKey, (usize, bool)> = HashMap::new();
    let snapshot = Snapshot::open(journal)?;
    let mut scan = Scan::forwards(journal, &snapshot).quiet();
    while let Some((_, line)) = scan.next_line()? {
        let Ok((op, key, _)) = key_of(line) else {
            continue;
        };
        let (texts, deleted) = entries.entry(key).or_default();
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
