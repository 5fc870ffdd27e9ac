//! Live entries (see `revisions` for the rule), in the three orders readers need:
//! newest written first (from the end of the file: the first few cost the same at
//! any size), oldest first, and by the day they are about. Each reader reads one
//! [`Snapshot`] from start to end; whole-journal reads parse on every core
//! (`parsing`), where they also do the caller's own work on each entry
//! ([`Entries::filter_map`]).

use std::collections::HashMap;
use std::sync::Arc;

use super::canonical::Words;
use super::damage_log::DamageLog;
use super::date_index::{day_number, DateIndex};
use super::ids::{IdKey, IdSet};
use super::needle::Needle;
use super::parallel::{byte_units, list_units};
use super::parsing::{Item, Parsing, Recipe, Span, Spans, Step, PLACE_BITS};
use super::record::{quick_head, Op, Record};
use super::report::Skipped;
use super::revisions::{heads, Action, Grouper, Overlay, RecordAt};
use super::scan::Scan;
use super::snapshot::Snapshot;
use super::spill::Sorter;
use super::{Grouped, Journal, Result};
use crate::checkin::Checkin;
use crate::entry::{Entry, EntryId, EntryRef, Facts};

/// Live entries, streamed from the journal, or what the caller's work made of each
/// ([`Entries::filter_map`]).
///
/// Damaged lines are skipped and handed to the journal's [`super::Report`] when the
/// iterator ends (or at [`Entries::finish`] for a reader that stops early).
pub struct Entries<T = Entry> {
    scan: Scan,
    mode: Mode<T>,
    records: RecordAt,
    recipe: Recipe<T>,
    /// Offsets of the check-in lines, when a first pass read the whole file.
    checkins: Option<Vec<u64>>,
}

enum Mode<T> {
    /// Reading backwards: the first readable record met for an id is its latest.
    NewestFirst(Backwards),
    /// Reading forwards with the first pass's overlay, records parsed on every core.
    OldestFirst(Overlay, Parsing<T>),
    /// Reading through an index sorted by date, then place in the file.
    Indexed(Parsing<T>),
}

/// What the backward reader keeps while it reads.
#[derive(Default)]
struct Backwards {
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
}

impl<T: Send + 'static> Mode<T> {
    /// The same mode for another kind of result (before reading starts).
    fn retyped<U: Send + 'static>(self) -> Mode<U> {
        match self {
            Mode::NewestFirst(backwards) => Mode::NewestFirst(backwards),
            Mode::OldestFirst(overlay, parsing) => Mode::OldestFirst(overlay, parsing.retyped()),
            Mode::Indexed(parsing) => Mode::Indexed(parsing.retyped()),
        }
    }
}

/// Entries per unit of work when reading through an index: enough that handing
/// units over costs little beside parsing them, few enough that the first entries
/// come soon.
const INDEX_UNIT: usize = 256;

/// How many ids the backward reader remembers before it makes the overlay instead.
const SEEN_AT_MOST: usize = if cfg!(debug_assertions) { 8 } else { 100_000 };

/// The recipe of a plain reader: whole records, no search, each entry as it is.
fn plain() -> Recipe<Record> {
    Recipe {
        parse: Record::parse,
        needle: None,
        work: Arc::new(|_, record| Some(record)),
        count: None,
        words: Words::Text,
    }
}

impl Entries<Record> {
    fn new(snapshot: &Arc<Snapshot>, scan: Scan, mode: Mode<Record>) -> Entries<Record> {
        Entries {
            scan,
            records: RecordAt::new(snapshot),
            mode,
            recipe: plain(),
            checkins: None,
        }
    }

    /// The live entries' content records, oldest first (for `compact`).
    pub(super) fn records_oldest_first(journal: &Journal) -> Result<Entries<Record>> {
        let snapshot = Snapshot::open(journal)?;
        let overlay = Overlay::build(journal, &snapshot)?;
        Ok(Self::forwards(journal, &snapshot, overlay))
    }

    fn forwards(journal: &Journal, snapshot: &Arc<Snapshot>, overlay: Overlay) -> Entries<Record> {
        let checkins = overlay.checkins.clone();
        let parsing = Parsing::bytes(byte_units(snapshot), overlay.fates());
        let mut entries = Self::new(
            snapshot,
            Scan::detached(journal, snapshot, DamageLog::new()),
            Mode::OldestFirst(overlay, parsing),
        );
        entries.checkins = Some(checkins);
        entries
    }

    /// Live entries by date (or in `reverse`): streamed when the file is in date
    /// order and nothing is revised, else through an index made in one pass from
    /// the end ([`DateIndex`]), or, for an unusual journal, by the forward rule.
    fn dated(
        journal: &Journal,
        snapshot: &Arc<Snapshot>,
        reverse: bool,
        needle: Option<Needle>,
    ) -> Result<Entries<Record>> {
        let needle = needle.map(Arc::new);
        let mut entries = Self::dated_searching(journal, snapshot, reverse, needle.as_ref())?;
        entries.recipe.needle = needle;
        Ok(entries)
    }

    /// [`Entries::dated`], leaving out of an index the entries whose line cannot
    /// hold what `needle` searches for.
    fn dated_searching(
        journal: &Journal,
        snapshot: &Arc<Snapshot>,
        reverse: bool,
        needle: Option<&Arc<Needle>>,
    ) -> Result<Entries<Record>> {
        let (overlay, index) = match DateIndex::build(journal, snapshot, needle, None)? {
            Some(built) if built.in_file_order => (Overlay::trivial(built.checkins), None),
            Some(built) => (Overlay::trivial(Vec::new()), Some(built)),
            None => (Overlay::build(journal, snapshot)?, None),
        };
        if let Some(built) = index {
            return Ok(Self::indexed(journal, snapshot, built, reverse));
        }
        if !(overlay.adds_in_date_order && overlay.is_trivial()) {
            return Self::date_index(journal, snapshot, overlay, reverse);
        }
        // File order is date order, and nothing is revised: every line, parsed on
        // every core (the overlay skips what is not an entry), from the end if asked.
        let mut entries = Self::forwards(journal, snapshot, overlay);
        if reverse {
            if let Mode::OldestFirst(overlay, parsing) = entries.mode {
                entries.mode = Mode::OldestFirst(overlay, parsing.reversed());
            }
        }
        Ok(entries)
    }

    fn newest_days_first_in(journal: &Journal, needle: Option<Needle>) -> Result<Entries<Record>> {
        Self::dated(journal, &Snapshot::open(journal)?, true, needle)
    }

    fn by_date_records(journal: &Journal, snapshot: &Arc<Snapshot>) -> Result<Entries<Record>> {
        Self::dated(journal, snapshot, false, None)
    }

    /// Reads through a [`DateIndex`], forwards or in `reverse`.
    fn indexed(
        journal: &Journal,
        snapshot: &Arc<Snapshot>,
        built: DateIndex,
        reverse: bool,
    ) -> Entries<Record> {
        let scan = Scan::detached(journal, snapshot, built.damage);
        let units = list_units(built.keys, INDEX_UNIT);
        let parsing = if built.spans {
            // A search: the entries found, each read as one line.
            Parsing::spans(units)
        } else {
            Parsing::index(units, built.moved)
        };
        let parsing = if reverse { parsing.reversed() } else { parsing };
        let mut entries = Self::new(snapshot, scan, Mode::Indexed(parsing));
        entries.checkins = Some(built.checkins);
        entries
    }

    /// For an unusual journal (see [`DateIndex`]): an index sorted by date (then
    /// place) made with the forward overlay, read forwards or in `reverse`.
    fn date_index(
        journal: &Journal,
        snapshot: &Arc<Snapshot>,
        mut overlay: Overlay,
        reverse: bool,
    ) -> Result<Entries<Record>> {
        let snapshot = snapshot.clone();
        let mut index = Sorter::<u64>::default();
        let mut moved = HashMap::new();
        let mut scan = Scan::detached(journal, &snapshot, DamageLog::new());
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
                let date = match overlay.decide(head.offset, head.op, &head.key) {
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
        let index = index.finish()?.keys(|key| key)?;
        let parsing = Parsing::index(list_units(index, INDEX_UNIT), moved);
        let parsing = if reverse { parsing.reversed() } else { parsing };
        Ok(Entries {
            // The index pass's damage is reported with the rest when reading ends.
            scan,
            records,
            mode: Mode::Indexed(parsing),
            recipe: plain(),
            checkins: Some(overlay.checkins),
        })
    }

    /// Each content record's entry.
    fn entries(self) -> Entries<Entry> {
        self.filter_map(Record::into_entry)
    }
}

impl Entries<Entry> {
    pub(super) fn newest_first(journal: &Journal) -> Result<Entries> {
        let snapshot = Snapshot::open(journal)?;
        let mode = Mode::NewestFirst(Backwards::default());
        Ok(Entries::new(&snapshot, Scan::backwards(journal, &snapshot), mode).entries())
    }

    pub(super) fn oldest_first(journal: &Journal) -> Result<Entries> {
        Ok(Entries::records_oldest_first(journal)?.entries())
    }

    pub(super) fn by_date(journal: &Journal) -> Result<Entries> {
        Self::by_date_in(journal, &Snapshot::open(journal)?)
    }

    pub(super) fn by_date_in(journal: &Journal, snapshot: &Arc<Snapshot>) -> Result<Entries> {
        Ok(Entries::by_date_records(journal, snapshot)?.entries())
    }

    /// The entries whose content records are at each list of `spans` in turn (from
    /// [`Entries::next_spanned`] on the same snapshot), in that order. A list is
    /// freed once its entries are read.
    /// `damage` is what an earlier pass met, reported with this read's.
    pub(super) fn at(
        journal: &Journal,
        snapshot: &Arc<Snapshot>,
        spans: Vec<Spans>,
        damage: DamageLog,
    ) -> Entries {
        let units = spans
            .iter()
            .flat_map(|list| list.units(INDEX_UNIT))
            .collect();
        let parsing = Parsing::spans(units);
        let scan = Scan::detached(journal, snapshot, damage);
        Entries::new(snapshot, scan, Mode::Indexed(parsing)).entries()
    }

    /// Live entries sorted into groups by `group` in one pass (see
    /// [`super::Reading::grouped`]).
    pub(super) fn grouped(
        journal: &Journal,
        snapshot: &Arc<Snapshot>,
        group: &Grouper,
    ) -> Result<Option<Grouped>> {
        let Some(built) = DateIndex::build(journal, snapshot, None, Some(group))? else {
            return Ok(None);
        };
        let groups = Spans::grouped(built.keys, built.groups.unwrap_or_default());
        Ok(Some(Grouped {
            groups,
            damage: built.damage,
        }))
    }

    /// [`Entries::filter_map`] for readers that need no words: `work` sees each
    /// entry's facts, read in place from lines in canonical form.
    pub fn filter_map_facts<U: Send + 'static>(
        self,
        work: impl Fn(&Facts) -> Option<U> + Send + Sync + 'static,
    ) -> Entries<U> {
        self.without_text()
            .filter_map_borrowed(move |entry| work(&entry.facts))
    }

    /// [`Entries::filter_map`] for readers that only look: `work` sees each entry
    /// borrowed whole, read in place from lines in canonical form (no allocation
    /// but what `work` makes).
    pub fn filter_map_borrowed<U: Send + 'static>(
        self,
        work: impl Fn(&EntryRef) -> Option<U> + Send + Sync + 'static,
    ) -> Entries<U> {
        let work = Arc::new(work);
        let also = work.clone();
        let mut entries = self.filter_map(move |entry| also(&entry.borrowed()));
        entries.recipe.count = Some(Arc::new(move |_, entry: &EntryRef| work(entry)));
        entries
    }

    /// [`Entries::fold`] for readers that count: `add` sees each entry's facts, no
    /// words. Lines in canonical form are read in place, without allocating.
    pub fn fold_facts<A: Send + 'static>(
        self,
        start: impl Fn() -> A + Send + Sync + 'static,
        add: impl Fn(&mut A, &Facts) + Send + Sync + 'static,
    ) -> Entries<A> {
        self.without_text()
            .fold_borrowed(start, move |run, entry| add(run, &entry.facts))
    }

    /// [`Entries::fold`] for readers that write entries out: `add` sees each entry
    /// borrowed whole, read in place from lines in canonical form (no allocation
    /// but what `add` makes).
    pub fn fold_borrowed<A: Send + 'static>(
        self,
        start: impl Fn() -> A + Send + Sync + 'static,
        add: impl Fn(&mut A, &EntryRef) + Send + Sync + 'static,
    ) -> Entries<A> {
        let (start, add) = (Arc::new(start), Arc::new(add));
        let (start_also, add_also) = (start.clone(), add.clone());
        let mut entries = self.fold(
            move || start_also(),
            move |run, entry| add_also(run, &entry.borrowed()),
        );
        entries.recipe.count = Some(Arc::new(move |run: Option<&mut A>, entry: &EntryRef| {
            joined(run, &*start, |run| add(run, entry))
        }));
        entries
    }

    /// Live entries in the reverse of [`Entries::by_date`]'s order: the newest day
    /// first, and within a day the last placed first. Only the first pass reads the
    /// whole journal; entries are parsed as they are taken, so taking a few is cheap.
    pub(super) fn newest_days_first(journal: &Journal, needle: Option<Needle>) -> Result<Entries> {
        Ok(Entries::newest_days_first_in(journal, needle)?.entries())
    }
}

impl<T: Send + 'static> Entries<T> {
    /// What `work` makes of each entry (`None` leaves it out), done on the threads
    /// that parse: a filter, a search or formatting there keeps the reading thread
    /// free. Call before reading; the order is unchanged.
    pub fn filter_map<U: Send + 'static>(
        self,
        work: impl Fn(T) -> Option<U> + Send + Sync + 'static,
    ) -> Entries<U> {
        let before = self.recipe.work.clone();
        let work: Step<U> = Arc::new(move |_, record| before(None, record).and_then(&work));
        self.with_work(work)
    }

    /// Folds runs of consecutive entries on the threads that parse: each item is a
    /// run's accumulator (`start`, then `add` for each entry in order), so that
    /// combining the items in order equals folding every entry in order. For readers
    /// that count: the reading thread only combines a few results per unit.
    pub fn fold<A: Send + 'static>(
        self,
        start: impl Fn() -> A + Send + Sync + 'static,
        add: impl Fn(&mut A, T) + Send + Sync + 'static,
    ) -> Entries<A> {
        let before = self.recipe.work.clone();
        let work: Step<A> = Arc::new(move |run: Option<&mut A>, record| {
            let done = before(None, record)?;
            joined(run, &start, |run| add(run, done))
        });
        self.with_work(work)
    }

    fn with_work<U: Send + 'static>(self, work: Step<U>) -> Entries<U> {
        Entries {
            scan: self.scan,
            mode: self.mode.retyped(),
            records: self.records,
            recipe: Recipe {
                parse: self.recipe.parse,
                needle: self.recipe.needle,
                work,
                count: None,
                words: self.recipe.words,
            },
            checkins: self.checkins,
        }
    }

    /// Leaves every entry's `text` empty: for readers that only count, this skips
    /// decoding the words (the bulk of each line).
    pub fn without_text(mut self) -> Self {
        self.recipe.parse = Record::parse_without_text;
        self.recipe.words = Words::None;
        self
    }

    /// For readers that write JSON: an entry read in place whose text the line holds
    /// as `serde_json` writes it comes with [`EntryRef::json`] and an empty `text`
    /// (not decoded); any other comes with its text. A filter on words needs the text.
    pub fn as_json(mut self) -> Self {
        self.recipe.words = Words::Json;
        self
    }

    pub(super) fn snapshot(&self) -> &Arc<Snapshot> {
        self.scan.snapshot()
    }

    /// Skips, unparsed, the entries whose line lacks `needle`'s bytes (a search:
    /// the caller's filter still decides on the rest).
    pub fn prefilter(mut self, needle: Option<Needle>) -> Self {
        self.recipe.needle = needle.map(Arc::new);
        self
    }

    /// Damage seen so far, taken away from the report made when reading ends.
    pub fn take_damage(&mut self) -> Skipped {
        self.scan.damage()
    }

    /// Stops reading early and reports the damage seen so far.
    pub fn finish(mut self) {
        self.scan.report_damage();
    }

    /// Merges every item (the runs of a fold) into `value` in order, then gives
    /// the check-ins of the same read.
    pub fn merged(mut self, mut value: T, merge: impl Fn(&mut T, T)) -> Result<(T, Vec<Checkin>)> {
        for run in self.by_ref() {
            merge(&mut value, run?);
        }
        Ok((value, self.checkins()?))
    }

    /// The readable check-ins of the same snapshot, in file order: from the lines
    /// the first pass met, or (for a reader without one) a search of the file.
    pub fn checkins(&mut self) -> Result<Vec<Checkin>> {
        let Some(offsets) = &self.checkins else {
            return super::checkins::in_snapshot(self.scan.snapshot());
        };
        let mut found = Vec::with_capacity(offsets.len());
        for &at in offsets {
            if let Ok(checkin) = super::checkins::parse(self.records.line(at)?) {
                found.push(checkin);
            }
        }
        Ok(found)
    }

    /// The next entry (or what the work made of it) and where its content is in the
    /// snapshot. At the end, the damage seen is reported.
    pub fn next_located(&mut self) -> Result<Option<(u64, T)>> {
        Ok(self.next_spanned()?.map(|(span, done)| (span.at(), done)))
    }

    /// [`Entries::next_located`] with the length of the content's line when known:
    /// what [`super::Reading::at`] needs to read it back in one read.
    pub fn next_spanned(&mut self) -> Result<Option<(Span, T)>> {
        loop {
            let next = match self.next_item()? {
                Some((offset, Item::Ready(done, len))) => Some((Span::new(offset, len), done)),
                Some((offset, Item::Record(record))) => match (self.recipe.work)(None, *record) {
                    Some(done) => Some((Span::new(offset, 0), done)),
                    None => continue,
                },
                Some((_, Item::Damaged(_))) => continue,
                None => None,
            };
            if next.is_none() {
                self.scan.report_damage();
            }
            return Ok(next);
        }
    }

    /// The next live entry: done by the threads, or its content record.
    fn next_item(&mut self) -> Result<Option<(u64, Item<T>)>> {
        let parse = self.recipe.parse;
        match &mut self.mode {
            Mode::NewestFirst(Backwards {
                seen,
                overlay,
                placed,
                pending,
                orphans,
            }) => {
                if let Some(orphans) = orphans {
                    for at in orphans.by_ref() {
                        if let Ok(record) = self.records.read(at, parse)? {
                            return Ok(Some((at, Item::record(record))));
                        }
                    }
                    return Ok(None);
                }
                while let Some((offset, line)) = self.scan.next_line()? {
                    if let Some(needle) = &self.recipe.needle {
                        // An add that cannot match, unless it places a revision.
                        if let Some(head) = quick_head(line).filter(|h| h.op == Op::Add) {
                            if let Some(id) = EntryId::parse(head.id) {
                                let revised = match overlay {
                                    Some(overlay) => overlay.has_fate(&IdKey::of(&id)),
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
                        // Memory stays flat: learn the rest from a first pass (the ids
                        // seen freed first).
                        *seen = IdSet::default();
                        let mut made = Overlay::build(self.scan.journal(), self.scan.snapshot())?;
                        made.mark_placed(placed.drain(..));
                        pending.clear();
                        *overlay = Some(made);
                    }
                    if let Some(overlay) = overlay {
                        let key = IdKey::of(&record.id);
                        match overlay.decide_backwards(offset, record.op, &key) {
                            Action::Skip => continue,
                            Action::Emit => return Ok(Some((offset, Item::record(record)))),
                            Action::EmitAt(at) => match self.records.read(at, parse)? {
                                Ok(latest) => return Ok(Some((at, Item::record(latest)))),
                                Err(_) => continue,
                            },
                        }
                    }
                    if record.op == Op::Add {
                        if let Some(at) = pending.remove(&record.id) {
                            placed.push(record.id.clone());
                            match self.records.read(at, parse)? {
                                Ok(latest) => return Ok(Some((at, Item::record(latest)))),
                                Err(_) => continue,
                            }
                        }
                    }
                    if !seen.insert(&record.id) {
                        continue;
                    }
                    match record.op {
                        Op::Add => return Ok(Some((offset, Item::record(record)))),
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
                self.next_item()
            }
            Mode::OldestFirst(overlay, parsing) => {
                let (journal, snapshot) =
                    (self.scan.journal().clone(), self.scan.snapshot().clone());
                while let Some((offset, item)) = parsing.next(&journal, &snapshot, &self.recipe)? {
                    let record = match item {
                        Item::Ready(done, len) => {
                            return Ok(Some((offset, Item::Ready(done, len))))
                        }
                        Item::Record(record) => *record,
                        Item::Damaged(problem) => {
                            self.scan.note_problem(offset, problem);
                            continue;
                        }
                    };
                    match overlay.decide(offset, record.op, &IdKey::of(&record.id)) {
                        Action::Skip => {}
                        Action::Emit => return Ok(Some((offset, Item::record(record)))),
                        Action::EmitAt(at) => {
                            if let Ok(latest) = self.records.read(at, parse)? {
                                return Ok(Some((at, Item::record(latest))));
                            }
                        }
                    }
                }
                Ok(None)
            }
            Mode::Indexed(parsing) => {
                let (journal, snapshot) =
                    (self.scan.journal().clone(), self.scan.snapshot().clone());
                while let Some((offset, item)) = parsing.next(&journal, &snapshot, &self.recipe)? {
                    match item {
                        Item::Damaged(problem) => self.scan.note_problem(offset, problem),
                        item => return Ok(Some((offset, item))),
                    }
                }
                Ok(None)
            }
        }
    }
}

impl Entries<Record> {
    /// The next live entry's content record and its offset.
    pub(super) fn next_record(&mut self) -> Result<Option<(u64, Record)>> {
        self.next_located()
    }
}

impl<T: Send + 'static> Iterator for Entries<T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_located()
            .map(|next| next.map(|(_, done)| done))
            .transpose()
    }
}

/// Adds to the run just before (`run`), or starts a new one: what a folding
/// reader's work returns (`None` when the entry joined `run`).
fn joined<A>(run: Option<&mut A>, start: &dyn Fn() -> A, add: impl FnOnce(&mut A)) -> Option<A> {
    match run {
        Some(run) => {
            add(run);
            None
        }
        None => {
            let mut run = start();
            add(&mut run);
            Some(run)
        }
    }
}

#[cfg(test)]
mod tests;
