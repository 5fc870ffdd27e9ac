//! The one rule for revisions, which every reader applies:
//!
//! - Only readable records count (a damaged line, such as an edit torn by a crash,
//!   changes nothing).
//! - An entry is what the **latest** record of its id says: hidden if that is a
//!   delete, else that record's content (an add, or an edit, whatever came before,
//!   an id added again after a delete included).
//! - Its place in the file (for the order of readers) is its latest add; an entry
//!   whose add is damaged is placed at its latest edit.
//!
//! Forward readers learn the latest record of every entry that has more than one in a
//! first pass ([`Overlay`]); the backward reader meets the latest record first.

use std::sync::Arc;

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};

use super::canonical;
use super::ids::{IdKey, IdKeys, Twice};
use super::moments as fast;
use super::needle::Needle;
use super::parallel::{byte_units, line_start_from, Ordered, Unit};
use super::record::{quick_head_bytes, LineProblem, Op, RawHead, Record};
use super::scan::Scan;
use super::snapshot::{content_at, Snapshot};
use super::{Journal, Result};
use crate::entry::{EntryId, Facts};

/// How a reader parses a line: with or without the entry's text.
pub(super) type Parse = fn(&[u8]) -> std::result::Result<Record, LineProblem>;

/// `op`, `id` (as a key: no allocation for a line in canonical form) and `date` of
/// a line: cheaply for lines in canonical form, else by a full parse (so an error
/// means the line is damaged).
pub(super) fn key_of(
    line: &[u8],
) -> std::result::Result<(Op, IdKey, Option<NaiveDate>), LineProblem> {
    if let Some(RawHead { op, id, date }) = quick_head_bytes(line) {
        if let Some(key) = IdKey::parse_bytes(id) {
            let date = date.and_then(fast::parse_day_bytes);
            if op == Op::Delete || date.is_some() {
                return Ok((op, key, date));
            }
        }
    }
    let record = Record::parse_without_text(line)?;
    Ok((record.op, IdKey::of(&record.id), record.date))
}

/// `op`, `id` and `date` of one line, and for an edit or delete whether it is
/// readable (adds are checked by whoever needs it).
pub(super) struct Head {
    pub(super) offset: u64,
    pub(super) op: Op,
    pub(super) key: IdKey,
    pub(super) date: Option<NaiveDate>,
    pub(super) valid: bool,
    /// The line may hold the text searched for (always true without a search).
    pub(super) searched: bool,
    /// The length of the line (0 when too long to say in 32 bits).
    pub(super) len: u32,
    /// The entry's group, when a grouping was asked for and the record is a readable
    /// add or edit (else [`UNGROUPED`]).
    pub(super) group: u32,
}

/// Names an entry's group by its facts (see [`super::Reading::grouped`]).
pub type Grouper = Arc<dyn Fn(&Facts) -> u32 + Send + Sync>;

/// The group of a head that has none: no grouping asked for, a delete, or a record
/// the parsers refuse.
pub const UNGROUPED: u32 = u32::MAX;

/// The heads of every line, or why a line has none, unit by unit in file order.
pub(super) type Heads = Vec<std::result::Result<Head, (u64, LineProblem)>>;

/// Reads the heads of the snapshot's lines on every core.
pub(super) fn heads(journal: &Journal, snapshot: &Arc<Snapshot>) -> Ordered<Result<Heads>> {
    let (journal, snapshot) = (journal.clone(), snapshot.clone());
    let units = byte_units(&snapshot);
    Ordered::new(
        units,
        Arc::new(move |_, unit| match unit {
            Unit::Bytes(start, end) => heads_of_unit(&journal, &snapshot, start, end, None, None),
            Unit::Keys(..) => Ok(Vec::new()),
        }),
    )
}

/// The heads of the lines starting in `[start, end)`, in file order, whether each
/// may hold what `needle` searches for, and each entry's group by `group`.
pub(super) fn heads_of_unit(
    journal: &Journal,
    snapshot: &Arc<Snapshot>,
    start: u64,
    end: u64,
    needle: Option<&Needle>,
    group: Option<&Grouper>,
) -> Result<Heads> {
    let start = line_start_from(snapshot, start)?;
    let mut scan = Scan::range(journal, snapshot, start, end).quiet();
    let mut out = Vec::with_capacity(1024);
    while let Some((offset, line)) = scan.next_line()? {
        out.push(match key_of(line) {
            Ok((op, key, date)) => {
                let (valid, group) = match (op, group) {
                    (Op::Add, None) => (true, UNGROUPED),
                    (Op::Add, Some(group)) => (true, group_of(line, group)),
                    (_, None) => (Record::parse_without_text(line).is_ok(), UNGROUPED),
                    (_, Some(group)) => match Record::parse_without_text(line) {
                        Ok(record) => (true, grouped_record(record, group)),
                        Err(_) => (false, UNGROUPED),
                    },
                };
                Ok(Head {
                    offset,
                    op,
                    key,
                    date,
                    valid,
                    searched: needle.is_none_or(|needle| needle.may_match(line)),
                    len: u32::try_from(line.len()).unwrap_or(0),
                    group,
                })
            }
            Err(problem) => Err((offset, problem)),
        });
    }
    Ok(out)
}

/// The group of an add: read from the fields before its text when the line is in
/// canonical form (the reader that shows it checks the text), else by the general
/// parser ([`UNGROUPED`] when it refuses the line).
fn group_of(line: &[u8], group: &Grouper) -> u32 {
    match canonical::head_facts(line) {
        Some(facts) => group(&facts),
        None => Record::parse_without_text(line)
            .map_or(UNGROUPED, |record| grouped_record(record, group)),
    }
}

fn grouped_record(record: Record, group: &Grouper) -> u32 {
    record
        .into_entry()
        .map_or(UNGROUPED, |entry| group(&entry.facts()))
}

/// What the first pass learnt about an id with more than one record (or whose only
/// record is not an add).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Fate {
    /// Offset of the id's latest readable record.
    pub(super) latest: u64,
    /// That record is a delete.
    pub(super) deleted: bool,
    /// The one add readers use, when the id has several (its latest readable add).
    pub(super) add: Option<u64>,
}

/// What a reader does with a readable record met in file order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Action {
    Skip,
    /// The entry is placed here and this record is its content.
    Emit,
    /// The entry is placed here; its content is the record at this offset.
    EmitAt(u64),
}

/// The fate of every id that has one, shared with the threads that parse.
pub(super) type Fates = FxHashMap<IdKey, Fate>;

/// The first pass of the forward readers.
pub(super) struct Overlay {
    fates: Arc<Fates>,
    /// Ids of [`Overlay::fates`] already placed by [`Overlay::decide`].
    placed: FxHashSet<IdKey>,
    /// Every add comes in date order (so `by_date` can stream).
    pub(super) adds_in_date_order: bool,
    /// Offsets of the check-in lines met on the way (see `checkins`).
    pub(super) checkins: Vec<u64>,
}

impl Overlay {
    pub(super) fn build(journal: &Journal, snapshot: &Arc<Snapshot>) -> Result<Overlay> {
        let mut fates = Fates::default();
        let mut adds = IdKeys::default();
        let mut previous_date: Option<NaiveDate> = None;
        let mut adds_in_date_order = true;
        let mut checkins = Vec::new();
        let mut records = RecordAt::new(snapshot);
        for heads in heads(journal, snapshot) {
            for head in heads? {
                let Head {
                    offset,
                    op,
                    key,
                    date,
                    valid,
                    ..
                } = match head {
                    Ok(head) => head,
                    Err((offset, LineProblem::NotAnEntry)) => {
                        checkins.push(offset);
                        continue;
                    }
                    Err(_) => continue,
                };
                match op {
                    Op::Add => {
                        if date < previous_date {
                            adds_in_date_order = false;
                        }
                        previous_date = date.max(previous_date);
                        adds.push(&key);
                        // An add after an edit or delete of its id (added again).
                        if let Some(fate) = fates.get_mut(&key) {
                            if records.read(offset, Record::parse_without_text)?.is_ok() {
                                *fate = Fate {
                                    latest: offset,
                                    deleted: false,
                                    add: Some(offset),
                                };
                            }
                        }
                    }
                    Op::Edit | Op::Delete => {
                        if !valid {
                            continue; // torn or damaged: changes nothing
                        }
                        let add = fates.get(&key).and_then(|fate| fate.add);
                        fates.insert(
                            key,
                            Fate {
                                latest: offset,
                                deleted: op == Op::Delete,
                                add,
                            },
                        );
                    }
                }
            }
        }
        let twice = adds.duplicates()?;
        drop(adds);
        if !twice.is_empty() {
            resolve_duplicates(journal, snapshot, &twice, &mut fates)?;
        }
        Ok(Overlay {
            fates: Arc::new(fates),
            placed: FxHashSet::default(),
            adds_in_date_order,
            checkins,
        })
    }

    /// The fates, for threads that parse: a record whose id has none is decided
    /// alone (an add is shown, anything else is not).
    pub(super) fn fates(&self) -> Arc<Fates> {
        self.fates.clone()
    }

    /// The overlay of a journal where no entry has more than one record.
    pub(super) fn trivial(checkins: Vec<u64>) -> Overlay {
        Overlay {
            fates: Arc::default(),
            placed: FxHashSet::default(),
            adds_in_date_order: true,
            checkins,
        }
    }

    /// No entry has more than one record.
    pub(super) fn is_trivial(&self) -> bool {
        self.fates.is_empty()
    }

    /// What to do with the readable record `op` of `id` at `offset`, met in file
    /// order (each record once).
    pub(super) fn decide(&mut self, offset: u64, op: Op, id: &IdKey) -> Action {
        let Some(fate) = self.fates.get(id) else {
            return single_record(op);
        };
        let action = match op {
            Op::Add if fate.add.is_some_and(|add| add != offset) => Action::Skip,
            // Several adds, none readable (met unchecked by the `by_date` index).
            Op::Add if self.placed.contains(id) => Action::Skip,
            Op::Add if offset >= fate.latest => Action::Emit,
            Op::Add if fate.deleted => Action::Skip,
            Op::Add => Action::EmitAt(fate.latest),
            // An edit whose add is damaged is placed at its latest edit.
            Op::Edit if offset == fate.latest && !self.placed.contains(id) => Action::Emit,
            Op::Edit | Op::Delete => Action::Skip,
        };
        if action != Action::Skip {
            self.placed.insert(id.clone());
        }
        action
    }
}

/// The action for the one record of an entry that has no other: its add is shown,
/// anything else (an orphan edit or delete) is not.
fn single_record(op: Op) -> Action {
    if op == Op::Add {
        Action::Emit
    } else {
        Action::Skip
    }
}

impl Overlay {
    /// [`Overlay::decide`] for records met from the end of the file: an entry is
    /// placed at its latest readable add; one whose adds are all damaged is left to
    /// [`Overlay::unplaced`].
    pub(super) fn decide_backwards(&mut self, offset: u64, op: Op, id: &IdKey) -> Action {
        let Some(fate) = self.fates.get(id) else {
            return single_record(op);
        };
        let action = match op {
            Op::Edit | Op::Delete => Action::Skip,
            _ if self.placed.contains(id) => Action::Skip,
            _ if fate.add.is_some_and(|add| add != offset) => Action::Skip,
            _ if offset >= fate.latest => Action::Emit,
            _ if fate.deleted => Action::Skip,
            _ => Action::EmitAt(fate.latest),
        };
        if action != Action::Skip {
            self.placed.insert(id.clone());
        }
        action
    }

    /// Whether `id` has more than one record (or a lone edit or delete).
    pub(super) fn has_fate(&self, id: &IdKey) -> bool {
        self.fates.contains_key(id)
    }

    /// Notes entries already placed (by a reader that started without the overlay).
    pub(super) fn mark_placed(&mut self, ids: impl Iterator<Item = EntryId>) {
        self.placed.extend(ids.map(|id| IdKey::of(&id)));
    }

    /// The content offsets of live entries never placed: edits whose adds are damaged.
    pub(super) fn unplaced(&self) -> Vec<u64> {
        self.fates
            .iter()
            .filter(|(id, fate)| {
                !fate.deleted && fate.add != Some(fate.latest) && !self.placed.contains(*id)
            })
            .map(|(_, fate)| fate.latest)
            .collect()
    }
}

/// For ids added more than once: their latest readable add and latest readable record.
fn resolve_duplicates(
    journal: &Journal,
    snapshot: &Arc<Snapshot>,
    twice: &Twice,
    fates: &mut Fates,
) -> Result<()> {
    fates.retain(|id, _| !twice.contains(id));
    let mut scan = Scan::forwards(journal, snapshot).quiet();
    while let Some((offset, line)) = scan.next_line()? {
        let Ok((op, key, _)) = key_of(line) else {
            continue;
        };
        if !twice.contains(&key) || Record::parse_without_text(line).is_err() {
            continue;
        }
        let add = fates.get(&key).and_then(|fate| fate.add);
        fates.insert(
            key,
            Fate {
                latest: offset,
                deleted: op == Op::Delete,
                add: if op == Op::Add { Some(offset) } else { add },
            },
        );
    }
    Ok(())
}

/// Reads single records by offset, through a window of the snapshot so that nearby
/// records (an index in mostly file order) cost no extra read.
pub(super) struct RecordAt {
    snapshot: Arc<Snapshot>,
    /// `window[..filled]` holds the file from `window_at`; the rest is room kept
    /// (zeroed once, not at every read).
    window: Vec<u8>,
    filled: usize,
    window_at: u64,
    /// How much one read fetches: a little for records far apart, a large window
    /// for records read in file order.
    read_size: usize,
    /// Windows stop here (a few KiB past it: the last line's end is unknown).
    until: Option<u64>,
    line: Vec<u8>,
}

impl RecordAt {
    /// For a few records here and there (the content of revised entries): each
    /// read fetches about one line.
    pub(super) fn new(snapshot: &Arc<Snapshot>) -> RecordAt {
        Self::reading(snapshot, 1 << 13)
    }

    /// For records read mostly in file order: each read fetches a large window, up
    /// to `until` (the end of the last record wanted, when known).
    pub(super) fn sequential(snapshot: &Arc<Snapshot>, until: Option<u64>) -> RecordAt {
        let mut records = Self::reading(snapshot, 1 << 18);
        records.until = until;
        records.window = super::spare::take();
        records
    }

    fn reading(snapshot: &Arc<Snapshot>, read_size: usize) -> RecordAt {
        RecordAt {
            snapshot: snapshot.clone(),
            window: Vec::new(),
            filled: 0,
            window_at: 0,
            read_size,
            until: None,
            line: Vec::new(),
        }
    }

    /// The line at `offset` (without newline, `\r` or byte-order mark).
    pub(super) fn line(&mut self, offset: u64) -> Result<&[u8]> {
        let end = self.window_at + self.filled as u64;
        if offset < self.window_at || offset >= end {
            let wanted = match self.until {
                Some(until) => until.saturating_sub(offset).max(1 << 13),
                None => self.read_size as u64,
            };
            let size = wanted
                .min(self.read_size as u64)
                .min(self.snapshot.len().saturating_sub(offset));
            self.filled = size as usize;
            if self.window.len() < self.filled {
                self.window.resize(self.filled, 0);
            }
            self.window_at = offset;
            self.snapshot
                .read_at(offset, &mut self.window[..self.filled])?;
        }
        let from = (offset - self.window_at) as usize;
        let window = &self.window[..self.filled];
        if let Some(newline) = memchr::memchr(b'\n', &window[from..]) {
            return Ok(content_at(offset, &window[from..from + newline]));
        }
        if self.window_at + self.filled as u64 == self.snapshot.len() {
            return Ok(content_at(offset, &window[from..]));
        }
        // A line longer than the window.
        self.snapshot.line_at(offset, &mut self.line)
    }

    pub(super) fn read(
        &mut self,
        offset: u64,
        parse: Parse,
    ) -> Result<std::result::Result<Record, LineProblem>> {
        Ok(parse(self.line(offset)?))
    }
}

impl Drop for RecordAt {
    fn drop(&mut self) {
        if self.read_size > 1 << 13 {
            super::spare::give(std::mem::take(&mut self.window));
        }
    }
}
