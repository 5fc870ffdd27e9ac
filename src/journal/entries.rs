//! Live entries (see `revisions` for the rule), in the three orders readers need:
//! newest written first (from the end of the file: the first few cost the same at
//! any size), oldest first, and by the day they are about. Each reader reads one
//! [`Snapshot`] from start to end.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::needle::Needle;
use super::parallel::{byte_units, key_units, line_start_from, Ordered, Unit};
use super::record::{quick_head, LineProblem};
use super::record::{Op, Record};
use super::report::Damage;
use super::revisions::{heads, Action, IdSet, Overlay, Parse, RecordAt};
use super::scan::Scan;
use super::snapshot::Snapshot;
use super::{Journal, Result};
use crate::entry::{Entry, EntryId};

/// Live entries, streamed from the journal.
///
/// Damaged lines are skipped and handed to the journal's [`super::Report`] when the
/// iterator ends (or at [`Entries::finish`] for a reader that stops early).
pub struct Entries {
    scan: Scan,
    mode: Mode,
    records: RecordAt,
    parse: Parse,
    /// Adds whose line lacks these bytes are skipped unparsed.
    needle: Option<Arc<Needle>>,
}

enum Mode {
    /// Reading backwards: the first readable record met for an id is its latest.
    NewestFirst {
        /// Ids whose latest record has been met (until there are too many to keep:
        /// then the first pass's overlay decides the rest).
        seen: IdSet,
        overlay: Option<Overlay>,
        /// Ids placed by their revision (for the overlay, once it is made).
        placed: Vec<EntryId>,
        /// Entries whose latest record is an edit (at this offset), not yet placed.
        pending: HashMap<EntryId, u64>,
        /// Entries whose add was never found (damaged), emitted at the end.
        orphans: Option<std::vec::IntoIter<u64>>,
    },
    /// Reading forwards with the first pass's overlay, records parsed on every core.
    OldestFirst(Overlay, Parsing),
    /// Reading through an index sorted by date, then place in the file.
    Indexed(Parsing),
}

/// Records parsed by [`parallel`] workers, taken in file (or index) order. Started
/// on the first read, once the reader knows whether it wants the text.
struct Parsing {
    units: Option<Vec<Unit>>,
    /// For an index: the content of revised entries, by place.
    moved: Arc<HashMap<u64, u64>>,
    parsed: Option<Ordered<Result<Parsed>>>,
    current: std::vec::IntoIter<(u64, ParseResult)>,
    /// Units come last first, and each unit's records are taken last first.
    backwards: bool,
}

type ParseResult = std::result::Result<Record, LineProblem>;
type Parsed = Vec<(u64, ParseResult)>;

impl Parsing {
    fn new(units: Vec<Unit>, moved: HashMap<u64, u64>) -> Parsing {
        Parsing {
            units: Some(units),
            moved: Arc::new(moved),
            parsed: None,
            current: Vec::new().into_iter(),
            backwards: false,
        }
    }

    /// The same records taken last first: units in reverse order, each unit's
    /// records reversed once parsed (each unit is still read forwards, in large
    /// blocks, on every core).
    fn reversed(mut self) -> Parsing {
        if let Some(units) = &mut self.units {
            units.reverse();
        }
        self.backwards = !self.backwards;
        self
    }

    /// The next record in order, with its offset.
    fn next(
        &mut self,
        journal: &Journal,
        snapshot: &Arc<Snapshot>,
        parse: Parse,
        needle: &Option<Arc<Needle>>,
    ) -> Result<Option<(u64, ParseResult)>> {
        loop {
            if let Some(item) = self.current.next() {
                return Ok(Some(item));
            }
            if self.parsed.is_none() {
                let units = self.units.take().unwrap_or_default();
                self.parsed = Some(parse_units(
                    journal,
                    snapshot,
                    units,
                    self.moved.clone(),
                    parse,
                    needle.clone(),
                ));
            }
            match self.parsed.as_mut().and_then(Iterator::next) {
                Some(batch) => {
                    let mut batch = batch?;
                    if self.backwards {
                        batch.reverse();
                    }
                    self.current = batch.into_iter();
                }
                None => return Ok(None),
            }
        }
    }
}

/// Parses the lines of byte units, or the records an index's units name.
fn parse_units(
    journal: &Journal,
    snapshot: &Arc<Snapshot>,
    units: Vec<Unit>,
    moved: Arc<HashMap<u64, u64>>,
    parse: Parse,
    needle: Option<Arc<Needle>>,
) -> Ordered<Result<Parsed>> {
    let (journal, snapshot) = (journal.clone(), snapshot.clone());
    Ordered::new(
        units,
        Arc::new(move |unit| {
            let mut out = Vec::with_capacity(1024);
            match unit {
                Unit::Bytes(start, end) => {
                    let start = line_start_from(&snapshot, start)?;
                    let mut scan = Scan::range(&journal, &snapshot, start, end).quiet();
                    while let Some((offset, line)) = scan.next_line()? {
                        if let Some(needle) = &needle {
                            let add = quick_head(line).is_some_and(|h| h.op == Op::Add);
                            if add && !needle.may_match(line) {
                                continue;
                            }
                        }
                        out.push((offset, parse(line)));
                    }
                }
                Unit::Keys(keys, from, to) => {
                    let mut records = RecordAt::new(&snapshot);
                    for key in &keys[from..to] {
                        let place = key & ((1 << PLACE_BITS) - 1);
                        let at = moved.get(&place).copied().unwrap_or(place);
                        if let Some(needle) = &needle {
                            if !needle.may_match(records.line(at)?) {
                                continue;
                            }
                        }
                        out.push((at, records.read(at, parse)?));
                    }
                }
            }
            Ok(out)
        }),
    )
}

/// The `by_date` index holds `(date << PLACE_BITS) | place` for each live entry:
/// 8 bytes per entry.
const PLACE_BITS: u32 = 42;

/// How many ids the backward reader remembers before it makes the overlay instead.
const SEEN_AT_MOST: usize = if cfg!(debug_assertions) { 8 } else { 100_000 };

/// Days from 1000-01-01 (the first day a record may carry).
fn day_number(date: NaiveDate) -> u64 {
    const FIRST: i32 = 365_243; // NaiveDate::from_ymd(1000, 1, 1).num_days_from_ce()
    (date.num_days_from_ce() - FIRST).max(0) as u64
}

impl Entries {
    pub(super) fn newest_first(journal: &Journal) -> Result<Entries> {
        let snapshot = Snapshot::open(journal)?;
        Ok(Entries {
            scan: Scan::backwards(journal, &snapshot),
            records: RecordAt::new(&snapshot),
            mode: Mode::NewestFirst {
                seen: IdSet::default(),
                overlay: None,
                placed: Vec::new(),
                pending: HashMap::new(),
                orphans: None,
            },
            parse: Record::parse,
            needle: None,
        })
    }

    pub(super) fn oldest_first(journal: &Journal) -> Result<Entries> {
        let snapshot = Snapshot::open(journal)?;
        let overlay = Overlay::build(journal, &snapshot)?;
        Ok(Self::forwards(journal, &snapshot, overlay))
    }

    fn forwards(journal: &Journal, snapshot: &Arc<Snapshot>, overlay: Overlay) -> Entries {
        Entries {
            scan: Scan::detached(journal, snapshot),
            records: RecordAt::new(snapshot),
            mode: Mode::OldestFirst(overlay, Parsing::new(byte_units(snapshot), HashMap::new())),
            parse: Record::parse,
            needle: None,
        }
    }

    pub(super) fn by_date(journal: &Journal) -> Result<Entries> {
        Self::by_date_in(journal, &Snapshot::open(journal)?)
    }

    /// The entries whose content records are at `offsets` (from
    /// [`Entries::next_located`] on the same snapshot), in that order.
    pub(super) fn at(journal: &Journal, snapshot: &Arc<Snapshot>, offsets: Vec<u64>) -> Entries {
        Entries {
            scan: Scan::detached(journal, snapshot),
            records: RecordAt::new(snapshot),
            mode: Mode::Indexed(Parsing::new(key_units(offsets, 256), HashMap::new())),
            parse: Record::parse,
            needle: None,
        }
    }

    pub(super) fn by_date_in(journal: &Journal, snapshot: &Arc<Snapshot>) -> Result<Entries> {
        let overlay = Overlay::build(journal, snapshot)?;
        if overlay.adds_in_date_order && overlay.is_trivial() {
            return Ok(Self::forwards(journal, snapshot, overlay));
        }
        Self::date_index(journal, snapshot, overlay, false)
    }

    /// Live entries in the reverse of [`Entries::by_date`]'s order: the newest day
    /// first, and within a day the last placed first. Only the first pass reads the
    /// whole journal; entries are parsed as they are taken, so taking a few is cheap.
    pub(super) fn newest_days_first(journal: &Journal) -> Result<Entries> {
        let snapshot = Snapshot::open(journal)?;
        let overlay = Overlay::build(journal, &snapshot)?;
        if overlay.adds_in_date_order && overlay.is_trivial() {
            // File order is date order, and nothing is revised: every line from the
            // end, parsed on every core (the overlay skips what is not an entry).
            return Ok(Entries {
                scan: Scan::detached(journal, &snapshot),
                records: RecordAt::new(&snapshot),
                mode: Mode::OldestFirst(
                    overlay,
                    Parsing::new(byte_units(&snapshot), HashMap::new()).reversed(),
                ),
                parse: Record::parse,
                needle: None,
            });
        }
        Self::date_index(journal, &snapshot, overlay, true)
    }

    /// Out of date order (back-dated entries) or revised: an index sorted by date
    /// (then place), read forwards or in `reverse`.
    fn date_index(
        journal: &Journal,
        snapshot: &Arc<Snapshot>,
        mut overlay: Overlay,
        reverse: bool,
    ) -> Result<Entries> {
        let snapshot = snapshot.clone();
        let mut index = Vec::new();
        let mut moved = HashMap::new();
        let mut scan = Scan::detached(journal, &snapshot);
        let mut records = RecordAt::new(&snapshot);
        for heads in heads(journal, &snapshot) {
            for head in heads? {
                let head = match head {
                    Ok(head) => head,
                    Err((offset, problem)) => {
                        scan.note_problem(offset, problem);
                        continue;
                    }
                };
                let date = match overlay.decide(head.offset, head.op, &head.id) {
                    Action::Emit => head.date,
                    Action::EmitAt(content) => {
                        moved.insert(head.offset, content);
                        // The revision may have moved the entry to another day.
                        match records.read(content, Record::parse_without_text)? {
                            Ok(record) => record.date,
                            Err(_) => head.date,
                        }
                    }
                    Action::Skip => {
                        // Not read again: note its damage now.
                        let problem = if head.op == Op::Add || !head.valid {
                            records.read(head.offset, Record::parse_without_text)?.err()
                        } else {
                            None
                        };
                        if let Some(problem) = problem {
                            scan.note_problem(head.offset, problem);
                        }
                        continue;
                    }
                };
                let Some(date) = date else { continue };
                index.push(day_number(date) << PLACE_BITS | head.offset);
            }
        }
        index.sort_unstable();
        // Reversed, the first few are wanted soon: smaller units.
        let parsing = if reverse {
            Parsing::new(key_units(index, 64), moved).reversed()
        } else {
            Parsing::new(key_units(index, 256), moved)
        };
        Ok(Entries {
            // The index pass's damage is reported with the rest when reading ends.
            scan,
            records,
            mode: Mode::Indexed(parsing),
            parse: Record::parse,
            needle: None,
        })
    }

    /// Leaves every entry's `text` empty: for readers that only count, this skips
    /// decoding the words (the bulk of each line).
    pub fn without_text(mut self) -> Entries {
        self.parse = Record::parse_without_text;
        self
    }

    pub(super) fn snapshot(&self) -> &Arc<Snapshot> {
        self.scan.snapshot()
    }

    /// Skips, unparsed, the entries whose line lacks `needle`'s bytes (a search:
    /// the caller's filter still decides on the rest).
    pub fn prefilter(mut self, needle: Option<Needle>) -> Entries {
        self.needle = needle.map(Arc::new);
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
        Ok(self.next_located()?.map(|(_, entry)| entry))
    }

    /// The next entry and where its content is in the snapshot (for
    /// [`super::Reading::at`]). At the end, the damage seen is reported.
    pub fn next_located(&mut self) -> Result<Option<(u64, Entry)>> {
        loop {
            match self.next_record()? {
                Some((offset, record)) => {
                    if let Some(entry) = record.into_entry() {
                        return Ok(Some((offset, entry)));
                    }
                }
                None => {
                    self.scan.report_damage();
                    return Ok(None);
                }
            }
        }
    }

    /// The next live entry's content record and its offset.
    pub(super) fn next_record(&mut self) -> Result<Option<(u64, Record)>> {
        let parse = self.parse;
        match &mut self.mode {
            Mode::NewestFirst {
                seen,
                overlay,
                placed,
                pending,
                orphans,
            } => {
                if let Some(orphans) = orphans {
                    for at in orphans.by_ref() {
                        if let Ok(record) = self.records.read(at, parse)? {
                            return Ok(Some((at, record)));
                        }
                    }
                    return Ok(None);
                }
                while let Some((offset, line)) = self.scan.next_line()? {
                    if let Some(needle) = &self.needle {
                        // An add that cannot match, unless it places a revision.
                        if let Some(head) = quick_head(line).filter(|h| h.op == Op::Add) {
                            if let Some(id) = EntryId::parse(head.id) {
                                let revised = match overlay {
                                    Some(overlay) => overlay.has_fate(&id),
                                    None => pending.contains_key(&id),
                                };
                                if !revised && !needle.may_match(line) {
                                    // Checked, not decoded: a damaged add decides nothing.
                                    match Record::parse_without_text(line) {
                                        Ok(_) if overlay.is_none() => {
                                            seen.insert(&id);
                                        }
                                        Ok(_) => {}
                                        Err(problem) => self.scan.note_problem(offset, problem),
                                    }
                                    continue;
                                }
                            }
                        }
                    }
                    let record = match parse(line) {
                        Ok(record) => record,
                        Err(problem) => {
                            self.scan.note_problem(offset, problem);
                            continue;
                        }
                    };
                    if seen.len() > SEEN_AT_MOST {
                        // Memory stays flat: learn the rest from a first pass.
                        let mut made = Overlay::build(self.scan.journal(), self.scan.snapshot())?;
                        made.mark_placed(placed.drain(..));
                        *seen = IdSet::default();
                        pending.clear();
                        *overlay = Some(made);
                    }
                    if let Some(overlay) = overlay {
                        match overlay.decide_backwards(offset, record.op, &record.id) {
                            Action::Skip => continue,
                            Action::Emit => return Ok(Some((offset, record))),
                            Action::EmitAt(at) => match self.records.read(at, parse)? {
                                Ok(latest) => return Ok(Some((at, latest))),
                                Err(_) => continue,
                            },
                        }
                    }
                    if record.op == Op::Add {
                        if let Some(at) = pending.remove(&record.id) {
                            placed.push(record.id.clone());
                            match self.records.read(at, parse)? {
                                Ok(latest) => return Ok(Some((at, latest))),
                                Err(_) => continue,
                            }
                        }
                    }
                    if !seen.insert(&record.id) {
                        continue;
                    }
                    match record.op {
                        Op::Add => return Ok(Some((offset, record))),
                        Op::Edit => {
                            pending.insert(record.id, offset);
                        }
                        Op::Delete => {}
                    }
                }
                // Edits whose add is damaged: newest written first, after the rest.
                let mut left: Vec<(chrono::DateTime<chrono::FixedOffset>, u64)> = Vec::new();
                let unplaced = overlay.as_ref().map(Overlay::unplaced).unwrap_or_default();
                for at in pending.drain().map(|(_, at)| at).chain(unplaced) {
                    if let Ok(record) = self.records.read(at, Record::parse_without_text)? {
                        left.push((record.written, at));
                    }
                }
                left.sort_by_key(|&(written, at)| std::cmp::Reverse((written, at)));
                *orphans = Some(
                    left.into_iter()
                        .map(|(_, at)| at)
                        .collect::<Vec<_>>()
                        .into_iter(),
                );
                self.next_record()
            }
            Mode::OldestFirst(overlay, parsing) => {
                let (journal, snapshot) =
                    (self.scan.journal().clone(), self.scan.snapshot().clone());
                while let Some((offset, parsed)) =
                    parsing.next(&journal, &snapshot, parse, &self.needle)?
                {
                    let record = match parsed {
                        Ok(record) => record,
                        Err(problem) => {
                            self.scan.note_problem(offset, problem);
                            continue;
                        }
                    };
                    match overlay.decide(offset, record.op, &record.id) {
                        Action::Skip => {}
                        Action::Emit => return Ok(Some((offset, record))),
                        Action::EmitAt(at) => {
                            if let Ok(latest) = self.records.read(at, parse)? {
                                return Ok(Some((at, latest)));
                            }
                        }
                    }
                }
                Ok(None)
            }
            Mode::Indexed(parsing) => {
                let (journal, snapshot) =
                    (self.scan.journal().clone(), self.scan.snapshot().clone());
                while let Some((offset, parsed)) =
                    parsing.next(&journal, &snapshot, parse, &self.needle)?
                {
                    match parsed {
                        Ok(record) => return Ok(Some((offset, record))),
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
        let other =
            String::from_utf8(Record::add(&entry("bbbb", "2026-11-04", "b")).to_line()).unwrap();
        let text = format!("{good}not json\n{other}");
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
        let other =
            String::from_utf8(Record::add(&entry("bbbb", "2026-11-04", "b")).to_line()).unwrap();
        let text = format!("{good}not json\n{other}{{\n");
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
