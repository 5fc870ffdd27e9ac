//! Finding entries by id: `show`, `edit` and `delete` name one by a prefix, `import`
//! asks which ids the journal already has.

use std::collections::{HashMap, HashSet};

use super::record::{quick_head, Op, Record};
use super::scan::Scan;
use super::snapshot::Snapshot;
use super::{Journal, JournalError, Result};
use crate::entry::{Entry, EntryId};

/// `prefix` as ids are compared (trimmed, lower case), or `NotFound` when no id
/// could start with it.
pub(super) fn normalised(prefix: &str) -> Result<String> {
    let prefix = prefix.trim().to_ascii_lowercase();
    match EntryId::parse(&prefix) {
        Some(_) => Ok(prefix),
        None => Err(JournalError::NotFound(prefix)),
    }
}

/// Whether the id starts with a [`normalised`] prefix.
pub(super) fn has_prefix(id: &str, prefix: &str) -> bool {
    id.get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

/// The one entry a prefix named, from what was found for each matching id:
/// `NotFound` for none, `Ambiguous` (candidates sorted) for several.
pub(super) fn the_one<V>(prefix: String, found: HashMap<EntryId, V>) -> Result<(EntryId, V)> {
    if found.len() > 1 {
        let mut candidates: Vec<String> = found.keys().map(ToString::to_string).collect();
        candidates.sort();
        return Err(JournalError::Ambiguous { prefix, candidates });
    }
    found
        .into_iter()
        .next()
        .ok_or(JournalError::NotFound(prefix))
}

impl Journal {
    /// Finds the live entry whose id starts with `prefix`.
    pub fn find(&self, prefix: &str) -> Result<Entry> {
        let record = self.find_record(prefix)?;
        Ok(record.into_entry().expect("live records have entries"))
    }

    /// The latest record of the live entry whose id starts with `prefix`.
    pub(super) fn find_record(&self, prefix: &str) -> Result<Record> {
        let prefix = normalised(prefix)?;
        let mut latest = self.latest_records(|id| has_prefix(id, &prefix))?;
        latest.retain(|_, record| record.op != Op::Delete);
        Ok(the_one(prefix, latest)?.1)
    }

    /// The latest readable record of each id that `wanted` accepts: the first one met
    /// reading backwards.
    fn latest_records(&self, wanted: impl Fn(&str) -> bool) -> Result<HashMap<EntryId, Record>> {
        let snapshot = Snapshot::open(self)?;
        let mut latest: HashMap<EntryId, Record> = HashMap::new();
        let mut scan = Scan::backwards(self, &snapshot);
        while let Some((offset, line)) = scan.next_line()? {
            if quick_head(line).is_some_and(|head| !wanted(head.id)) {
                continue;
            }
            let record = match Record::parse(line) {
                Ok(record) => record,
                Err(problem) => {
                    scan.note_problem(offset, problem);
                    continue;
                }
            };
            if wanted(record.id.as_str()) {
                latest.entry(record.id.clone()).or_insert(record);
            }
        }
        scan.report_damage();
        Ok(latest)
    }

    /// The latest record of `id` (live or not), for a revision to carry forward the
    /// fields this version does not know.
    pub(super) fn latest_record(&self, id: &EntryId) -> Result<Option<Record>> {
        let mut latest = self.latest_records(|other| other.eq_ignore_ascii_case(id.as_str()))?;
        Ok(latest.remove(id))
    }

    /// Every id that has ever had a record, live or retracted (imports skip them).
    pub fn known_ids(&self) -> Result<HashSet<EntryId>> {
        let snapshot = Snapshot::open(self)?;
        let mut ids = HashSet::new();
        let mut scan = Scan::forwards(self, &snapshot);
        while let Some((offset, line)) = scan.next_line()? {
            if let Some(head) = quick_head(line) {
                if let Some(id) = EntryId::parse(head.id) {
                    ids.insert(id);
                    continue;
                }
            }
            match Record::parse_without_text(line) {
                Ok(record) => {
                    ids.insert(record.id);
                }
                Err(problem) => scan.note_problem(offset, problem),
            }
        }
        scan.report_damage();
        Ok(ids)
    }
}
