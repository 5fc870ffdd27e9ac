//! Live entries (the latest revision of each, retracted ones hidden), in the three
//! orders readers need: newest written first (from the end of the file), oldest
//! first, and by the day they are about.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::record::{quick_head, LineProblem, Op, Record};
use super::report::Damage;
use super::revisions::{head_of, overlay, Latest, RecordAt};
use super::scan::Scan;
use super::{Journal, Result};
use crate::entry::{Entry, EntryId};

/// Live entries (latest revision, retracted ones hidden), streamed from the journal.
///
/// Damaged lines are skipped and handed to the journal's [`super::Report`] when the
/// iterator ends (or at [`Entries::finish`] for a reader that stops early).
pub struct Entries {
    journal: Journal,
    scan: Scan,
    mode: Mode,
    parse: fn(&[u8]) -> std::result::Result<Record, LineProblem>,
}

enum Mode {
    /// Reading backwards: the first record met for an id is its latest.
    NewestFirst {
        /// Ids whose latest record has been met: `Some(edit)` waits for its add,
        /// `None` means retracted.
        decided: HashMap<EntryId, Option<Record>>,
        /// Edits whose add was never found (damaged), emitted at the end.
        orphans: Option<std::vec::IntoIter<Record>>,
    },
    /// Reading forwards with the overlay from a first pass.
    OldestFirst {
        latest: HashMap<EntryId, Latest>,
        emitted: HashSet<EntryId>,
        records: Option<RecordAt>,
    },
    /// Reading through a sorted index of `(date, offset of the entry's content)`.
    Indexed {
        index: std::vec::IntoIter<(NaiveDate, u64)>,
        records: Option<RecordAt>,
    },
}

impl Entries {
    pub(super) fn newest_first(journal: &Journal) -> Result<Entries> {
        Ok(Entries {
            journal: journal.clone(),
            scan: Scan::backwards(journal)?,
            mode: Mode::NewestFirst {
                decided: HashMap::new(),
                orphans: None,
            },
            parse: Record::parse,
        })
    }

    pub(super) fn oldest_first(journal: &Journal) -> Result<Entries> {
        let overlay = overlay(journal)?;
        Self::forwards(journal, overlay.latest)
    }

    fn forwards(journal: &Journal, latest: HashMap<EntryId, Latest>) -> Result<Entries> {
        let records = if latest.is_empty() {
            None
        } else {
            RecordAt::new(journal)?
        };
        Ok(Entries {
            journal: journal.clone(),
            scan: Scan::forwards(journal)?,
            mode: Mode::OldestFirst {
                latest,
                emitted: HashSet::new(),
                records,
            },
            parse: Record::parse,
        })
    }

    pub(super) fn by_date(journal: &Journal) -> Result<Entries> {
        let overlay = overlay(journal)?;
        if overlay.adds_in_date_order && overlay.latest.is_empty() {
            return Self::forwards(journal, overlay.latest);
        }
        // Out of date order (back-dated entries) or revised: sort a small index.
        let mut index = Vec::new();
        let mut emitted = HashSet::new();
        let mut scan = Scan::forwards(journal)?;
        let mut records = RecordAt::new(journal)?;
        while let Some((offset, line)) = scan.next_line()? {
            let (op, id, date) = match head_of(line) {
                Ok(head) => head,
                Err(problem) => {
                    scan.note_problem(offset, problem);
                    continue;
                }
            };
            let Some(date) = date else { continue };
            let position = match (op, overlay.latest.get(&id)) {
                (Op::Delete, _) | (_, Some(Latest::Deleted)) => continue,
                (Op::Add, None) => offset,
                (_, Some(Latest::Revised(at))) if emitted.insert(id) => *at,
                _ => continue,
            };
            let date = if position == offset {
                date
            } else {
                // The revision may have moved the entry to another day.
                match records
                    .as_mut()
                    .map(|r| r.read(journal, position))
                    .transpose()?
                {
                    Some(Ok(record)) => record.date.unwrap_or(date),
                    _ => date,
                }
            };
            index.push((date, position));
        }
        index.sort_by_key(|&(date, _)| date);
        Ok(Entries {
            journal: journal.clone(),
            // The index pass's damage is reported with the rest when reading ends.
            scan,
            mode: Mode::Indexed {
                index: index.into_iter(),
                records,
            },
            parse: Record::parse,
        })
    }

    /// Leaves every entry's `text` empty: for readers that only count, this skips
    /// decoding the words (the bulk of each line).
    pub fn without_text(mut self) -> Entries {
        self.parse = Record::parse_without_text;
        self
    }

    /// Damage seen so far, taken away from the report made when reading ends.
    pub fn take_damage(&mut self) -> Vec<Damage> {
        self.scan.damage()
    }

    /// Stops reading early and reports the damage seen so far.
    pub fn finish(mut self) {
        self.scan.report_damage();
    }

    fn next_entry(&mut self) -> Result<Option<Entry>> {
        let journal = &self.journal;
        match &mut self.mode {
            Mode::NewestFirst { decided, orphans } => {
                if let Some(orphans) = orphans {
                    return Ok(orphans.next().and_then(Record::into_entry));
                }
                while let Some((offset, line)) = self.scan.next_line()? {
                    let record = match (self.parse)(line) {
                        Ok(record) => record,
                        Err(problem) => {
                            self.scan.note_problem(offset, problem);
                            continue;
                        }
                    };
                    match record.op {
                        Op::Add => match decided.remove(&record.id) {
                            None => return Ok(record.into_entry()),
                            Some(Some(revision)) => {
                                let mut entry = revision.into_entry();
                                if let Some(entry) = &mut entry {
                                    entry.written = record.written;
                                }
                                return Ok(entry);
                            }
                            // Retracted: keep the mark in case of duplicate adds.
                            Some(None) => {
                                decided.insert(record.id, None);
                            }
                        },
                        Op::Edit => {
                            decided.entry(record.id.clone()).or_insert(Some(record));
                        }
                        Op::Delete => {
                            decided.entry(record.id.clone()).or_insert(None);
                        }
                    }
                }
                let mut left: Vec<Record> = decided.drain().filter_map(|(_, r)| r).collect();
                left.sort_by_key(|record| std::cmp::Reverse(record.written));
                let mut left = left.into_iter();
                let next = left.next().and_then(Record::into_entry);
                *orphans = Some(left);
                Ok(next)
            }
            Mode::OldestFirst {
                latest,
                emitted,
                records,
            } => {
                while let Some((offset, line)) = self.scan.next_line()? {
                    let (op, id) =
                        match quick_head(line).and_then(|h| Some((h.op, EntryId::parse(h.id)?))) {
                            Some(head) => head,
                            None => match Record::parse(line) {
                                Ok(record) => (record.op, record.id),
                                Err(problem) => {
                                    self.scan.note_problem(offset, problem);
                                    continue;
                                }
                            },
                        };
                    let content_at = match (op, latest.get(&id)) {
                        (Op::Delete, _) | (_, Some(Latest::Deleted)) => continue,
                        (Op::Add, None) => offset,
                        (Op::Edit, None) => continue,
                        (_, Some(Latest::Revised(at))) => {
                            if !emitted.insert(id) {
                                continue;
                            }
                            *at
                        }
                    };
                    let parsed = if content_at == offset {
                        (self.parse)(line)
                    } else {
                        match records.as_mut() {
                            Some(records) => records.read(journal, content_at)?,
                            None => continue,
                        }
                    };
                    match parsed {
                        Ok(record) => {
                            if let Some(entry) = record.into_entry() {
                                return Ok(Some(entry));
                            }
                        }
                        Err(problem) => self.scan.note_problem(offset, problem),
                    }
                }
                Ok(None)
            }
            Mode::Indexed { index, records } => {
                let Some(records) = records else {
                    return Ok(None);
                };
                for (_, offset) in index.by_ref() {
                    match records.read(journal, offset)? {
                        Ok(record) => {
                            if let Some(entry) = record.into_entry() {
                                return Ok(Some(entry));
                            }
                        }
                        Err(problem) => self.scan.note_problem(offset, problem),
                    }
                }
                Ok(None)
            }
        }
    }
}

impl Iterator for Entries {
    type Item = Result<Entry>;

    fn next(&mut self) -> Option<Self::Item> {
        let next = self.next_entry();
        if matches!(next, Ok(None)) {
            self.scan.report_damage();
        }
        next.transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::Level;
    use chrono::DateTime;

    fn entry(id: &str, date: &str, text: &str) -> Entry {
        Entry {
            id: EntryId::parse(id).unwrap(),
            date: date.parse().unwrap(),
            written: DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap(),
            revised: None,
            level: Some(crate::entry::Placement::At(Level::School)),
            depth: None,
            from: None,
            pack: None,
            pack_version: None,
            prompt: None,
            theme: None,
            tags: Vec::new(),
            text: text.to_string(),
        }
    }

    fn journal_with(bytes: &[u8]) -> (tempfile::TempDir, Journal) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        std::fs::write(&path, bytes).unwrap();
        (dir, Journal::new(path))
    }

    #[test]
    fn a_missing_journal_reads_as_empty() {
        let journal = Journal::new("/nonexistent/reflect/journal.jsonl");
        assert_eq!(journal.newest_first().unwrap().count(), 0);
        assert_eq!(journal.by_date().unwrap().count(), 0);
    }

    #[test]
    fn all_readers_agree_on_the_live_entries() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::new(dir.path().join("j.jsonl"));
        let now = DateTime::parse_from_rfc3339("2026-11-24T09:00:00+01:00").unwrap();
        journal.add(&entry("aaaa", "2026-11-03", "a")).unwrap();
        journal
            .add(&entry("bbbb", "2026-11-01", "b (back-dated)"))
            .unwrap();
        journal.add(&entry("cccc", "2026-11-05", "c")).unwrap();
        let mut revised = entry("aaaa", "2026-11-06", "a, revised and moved");
        revised.level = Some(crate::entry::Placement::At(Level::System));
        journal.revise(&revised, now).unwrap();
        journal
            .retract(&EntryId::parse("cccc").unwrap(), now)
            .unwrap();

        let ids = |entries: Entries| -> Vec<String> {
            entries.map(|e| e.unwrap().id.to_string()).collect()
        };
        assert_eq!(ids(journal.newest_first().unwrap()), ["bbbb", "aaaa"]);
        assert_eq!(ids(journal.oldest_first().unwrap()), ["aaaa", "bbbb"]);
        assert_eq!(ids(journal.by_date().unwrap()), ["bbbb", "aaaa"]);
        for reader in [
            journal.newest_first(),
            journal.oldest_first(),
            journal.by_date(),
        ] {
            let a = reader
                .unwrap()
                .map(Result::unwrap)
                .find(|e| e.id.as_str() == "aaaa")
                .unwrap();
            assert_eq!(a.text, "a, revised and moved");
            assert_eq!(a.level, Some(crate::entry::Placement::At(Level::System)));
            assert_eq!(a.written.to_rfc3339(), "2026-11-23T09:00:00+01:00");
            assert_eq!(a.revised, Some(now));
        }
    }

    #[test]
    fn damage_is_counted_by_line_in_both_directions() {
        let good =
            String::from_utf8(Record::add(&entry("aaaa", "2026-11-03", "a")).to_line()).unwrap();
        let text = format!("{good}not json\n{good}");
        let (_dir, journal) = journal_with(text.as_bytes());
        let mut entries = journal.newest_first().unwrap();
        assert_eq!(entries.by_ref().count(), 2);
        let damage = entries.take_damage();
        assert_eq!(damage.len(), 1);
        assert_eq!(damage[0].line, 2);
        let mut entries = journal.oldest_first().unwrap();
        assert_eq!(entries.by_ref().count(), 2);
        assert_eq!(entries.take_damage()[0].line, 2);
    }

    #[test]
    fn damage_goes_to_the_callers_report_once_reading_ends() {
        let good =
            String::from_utf8(Record::add(&entry("aaaa", "2026-11-03", "a")).to_line()).unwrap();
        let text = format!("{good}not json\n{good}{{\n");
        let (_dir, journal) = journal_with(text.as_bytes());
        let collected = super::super::Collected::default();
        let journal = journal.with_report(std::sync::Arc::new(collected.clone()));
        for reader in [
            journal.newest_first(),
            journal.oldest_first(),
            journal.by_date(),
        ] {
            let mut entries = reader.unwrap();
            entries.next().unwrap().unwrap();
            assert!(collected.damage().is_empty(), "nothing reported mid-way");
            assert_eq!(entries.by_ref().count(), 1);
            let lines: Vec<usize> = collected.damage().iter().map(|d| d.line).collect();
            assert_eq!(lines, [2, 4]);
            entries.finish();
            assert_eq!(collected.damage().len(), 2, "reported once");
            collected.clear();
        }
        let mut entries = journal.newest_first().unwrap();
        entries.next();
        entries.finish();
        assert_eq!(
            collected.damage().len(),
            1,
            "a reader that stops early reports what it saw"
        );
    }
}
