//! The parallel half of a whole-journal read: threads parse units of the snapshot
//! and, for each entry the rule for revisions decides alone, also do the reader's
//! own work on it (a filter, a search, formatting), so the one thread that takes the
//! results in order has little left to do.
//!
//! A record is decided alone when it is an add whose id has no fate (the first pass
//! found no other record of it): it is shown, placed where it is. Anything else goes
//! back to the reader as a [`Record`], to be decided in file order.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::canonical::{self, Words};
use super::ids::IdKey;
use super::needle::Needle;
use super::parallel::{key_units, line_start_from, Ordered, Unit};
use super::record::{quick_head_bytes, LineProblem, Op, Record};
use super::revisions::{Fates, Parse, RecordAt};
use super::scan::Scan;
use super::snapshot::Snapshot;
use super::spill::{GroupRanges, KeyList, Sorter};
use super::{Journal, Result};
use crate::entry::EntryRef;

/// What a reader does with each live entry's content record, on the threads that
/// parse. Given the result just before it (`run`: a reader that folds runs of
/// entries adds to it), it returns a new result, or `None` (added to the run, or
/// left out).
pub(super) type Step<T> = Arc<dyn Fn(Option<&mut T>, Record) -> Option<T> + Send + Sync>;

/// The reader's work on an entry borrowed whole, done on it as a line in canonical
/// form holds it: read in place, nothing allocated (its words decoded only when
/// [`Recipe::words`] asks). Lines in any other form still go through the parse and
/// the [`Step`].
pub(super) type Count<T> = Arc<dyn Fn(Option<&mut T>, &EntryRef) -> Option<T> + Send + Sync>;

/// What the threads hand back for one line.
pub(super) enum Item<T> {
    /// A live entry, decided and put through the reader's work, and the length of
    /// its line.
    Ready(T, u32),
    /// A readable record the reader decides in file order (rare: boxed).
    Record(Box<Record>),
    Damaged(LineProblem),
}

impl<T> Item<T> {
    pub(super) fn record(record: Record) -> Item<T> {
        Item::Record(Box::new(record))
    }
}

type Batch<T> = Vec<(u64, Item<T>)>;

/// A list of [`Span`]s (a group's entries, say): in memory, or a range of a list in
/// a temporary file (see `spill`).
#[derive(Debug, Clone, Default)]
pub struct Spans {
    list: Arc<KeyList>,
    range: Range<usize>,
}

impl Spans {
    /// Every span of `list`.
    pub(super) fn all(list: KeyList) -> Spans {
        let range = 0..list.len();
        Spans {
            list: Arc::new(list),
            range,
        }
    }

    /// Each group's spans, `groups` naming their ranges of `list`.
    pub(super) fn grouped(list: KeyList, groups: GroupRanges) -> FxHashMap<u32, Spans> {
        let list = Arc::new(list);
        groups
            .into_iter()
            .map(|(group, range)| {
                let list = list.clone();
                (group, Spans { list, range })
            })
            .collect()
    }

    /// The list cut into units of `size` spans.
    pub(super) fn units(&self, size: usize) -> Vec<Unit> {
        key_units(&self.list, self.range.start, self.range.end, size)
    }
}

impl From<Vec<Span>> for Spans {
    fn from(spans: Vec<Span>) -> Spans {
        Spans::all(KeyList::Memory(spans.into_iter().map(Span::raw).collect()))
    }
}

/// Spans gathered into groups (a reader's own grouping, each group's spans in the
/// order given), in bounded memory: 16 bytes a span, sorted in a temporary file past
/// a few megabytes (see `spill`).
#[derive(Default)]
pub struct GroupedSpans {
    sorter: Sorter<u128>,
    count: u32,
}

impl GroupedSpans {
    /// `span` joins `group`, after the spans given before.
    pub fn push(&mut self, group: u32, span: Span) {
        let item = u128::from(group) << 96 | u128::from(self.count) << 64 | u128::from(span.raw());
        self.sorter.push(item);
        // Past 4 billion spans a group's order would follow the spans' places.
        self.count = self.count.saturating_add(1);
    }

    /// Each group's spans.
    pub fn finish(self) -> Result<FxHashMap<u32, Spans>> {
        let (list, groups) = self.sorter.finish()?.grouped(|item| item as u64)?;
        Ok(Spans::grouped(list, groups))
    }
}

/// Where a record is, for reading it again: its offset and the length of its line
/// (0 when unknown), in 8 bytes: the offset in bits 24–62, the length in the low 24.
/// An offset past 2^39 (512 GiB) or a longer line keeps only the offset, flagged by
/// the top bit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span(u64);

impl Span {
    const LENGTH_BITS: u32 = 24;
    const BARE: u64 = 1 << 63;

    pub(super) fn new(at: u64, len: u32) -> Span {
        if at >> (63 - Self::LENGTH_BITS) == 0 && len >> Self::LENGTH_BITS == 0 {
            Span(at << Self::LENGTH_BITS | u64::from(len))
        } else {
            Span(Self::BARE | at)
        }
    }

    pub(super) fn at(self) -> u64 {
        if self.0 & Self::BARE != 0 {
            self.0 & !Self::BARE
        } else {
            self.0 >> Self::LENGTH_BITS
        }
    }

    /// The length of the line, when known.
    pub(super) fn len(self) -> Option<usize> {
        let len = self.0 & ((1 << Self::LENGTH_BITS) - 1);
        (self.0 & Self::BARE == 0 && len > 0).then_some(len as usize)
    }

    pub(super) fn raw(self) -> u64 {
        self.0
    }

    pub(super) fn from_raw(raw: u64) -> Span {
        Span(raw)
    }
}

/// A line's length as a [`Span`] keeps it (0: unknown).
fn line_length(line: &[u8]) -> u32 {
    u32::try_from(line.len()).unwrap_or(0)
}

/// An index of entries by date holds `(day << PLACE_BITS) | place` for each live
/// entry: 8 bytes per entry.
pub(super) const PLACE_BITS: u32 = 42;

/// Records parsed by worker threads, taken in file (or index) order. Started on the
/// first read, once the reader's parse, search and work are set.
pub(super) struct Parsing<T> {
    units: Option<Vec<Unit>>,
    /// Byte units: the fates of the first pass (records of these ids come back
    /// undecided). Index units: `None`, every record is decided.
    fates: Option<Arc<Fates>>,
    /// For an index: the content of revised entries, by place.
    moved: Arc<HashMap<u64, u64>>,
    parsed: Option<Ordered<Result<Batch<T>>>>,
    current: std::vec::IntoIter<(u64, Item<T>)>,
    /// Units come last first, and each unit's records are taken last first.
    backwards: bool,
    /// Index keys are [`Span`]s (else `(day << PLACE_BITS) | place`).
    spans: bool,
}

/// How the threads read a line: the parse, the search that skips lines unparsed,
/// and the reader's work.
pub(super) struct Recipe<T> {
    pub(super) parse: Parse,
    pub(super) needle: Option<Arc<Needle>>,
    pub(super) work: Step<T>,
    pub(super) count: Option<Count<T>>,
    /// What `count` sees of the entry's words.
    pub(super) words: Words,
}

impl<T> Clone for Recipe<T> {
    fn clone(&self) -> Self {
        Recipe {
            parse: self.parse,
            needle: self.needle.clone(),
            work: self.work.clone(),
            count: self.count.clone(),
            words: self.words,
        }
    }
}

impl<T: Send + 'static> Parsing<T> {
    /// Byte ranges of the snapshot, decided with `fates`.
    pub(super) fn bytes(units: Vec<Unit>, fates: Arc<Fates>) -> Parsing<T> {
        Parsing {
            units: Some(units),
            fates: Some(fates),
            moved: Arc::new(HashMap::new()),
            parsed: None,
            current: Vec::new().into_iter(),
            backwards: false,
            spans: false,
        }
    }

    /// Slices of a list of [`Span`]s, read with as few reads as their places allow.
    pub(super) fn spans(units: Vec<Unit>) -> Parsing<T> {
        let mut parsing = Self::index(units, HashMap::new());
        parsing.spans = true;
        parsing
    }

    /// Slices of an index of live entries (each already decided); `moved` gives the
    /// content of revised entries by place.
    pub(super) fn index(units: Vec<Unit>, moved: HashMap<u64, u64>) -> Parsing<T> {
        Parsing {
            units: Some(units),
            fates: None,
            moved: Arc::new(moved),
            parsed: None,
            current: Vec::new().into_iter(),
            backwards: false,
            spans: false,
        }
    }

    /// The same units for another kind of result (before parsing starts).
    pub(super) fn retyped<U: Send + 'static>(self) -> Parsing<U> {
        assert!(self.parsed.is_none(), "the work is set before reading");
        Parsing {
            units: self.units,
            fates: self.fates,
            moved: self.moved,
            parsed: None,
            current: Vec::new().into_iter(),
            backwards: self.backwards,
            spans: self.spans,
        }
    }

    /// The same records taken last first: units in reverse order, each unit's
    /// records reversed once parsed (each unit is still read forwards, in large
    /// blocks, on every core).
    pub(super) fn reversed(mut self) -> Parsing<T> {
        if let Some(units) = &mut self.units {
            units.reverse();
        }
        self.backwards = !self.backwards;
        self
    }

    /// The next item in order, with its offset.
    pub(super) fn next(
        &mut self,
        journal: &Journal,
        snapshot: &Arc<Snapshot>,
        recipe: &Recipe<T>,
    ) -> Result<Option<(u64, Item<T>)>> {
        loop {
            if let Some(item) = self.current.next() {
                return Ok(Some(item));
            }
            if self.parsed.is_none() {
                let units = self.units.take().unwrap_or_default();
                self.parsed = Some(self.start(journal, snapshot, units, recipe.clone()));
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

    fn start(
        &self,
        journal: &Journal,
        snapshot: &Arc<Snapshot>,
        units: Vec<Unit>,
        recipe: Recipe<T>,
    ) -> Ordered<Result<Batch<T>>> {
        let (journal, snapshot) = (journal.clone(), snapshot.clone());
        let (fates, moved, spans) = (self.fates.clone(), self.moved.clone(), self.spans);
        Ordered::new(
            units,
            Arc::new(move |_, unit| match unit {
                Unit::Bytes(start, end) => {
                    let fates = fates.as_deref().expect("byte units come with fates");
                    bytes_unit(&journal, &snapshot, start, end, fates, &recipe)
                }
                Unit::Keys(keys, from, to) if spans => {
                    spans_unit(&snapshot, &keys.slice(from, to)?, &recipe)
                }
                Unit::Keys(keys, from, to) => {
                    keys_unit(&snapshot, &keys.slice(from, to)?, &moved, &recipe)
                }
            }),
        )
    }
}

/// The result the next entry may join: the last one, unless something came between.
fn run<T>(out: &mut Batch<T>) -> Option<&mut T> {
    match out.last_mut() {
        Some((_, Item::Ready(done, _))) => Some(done),
        _ => None,
    }
}

/// The lines starting in `[start, end)`.
fn bytes_unit<T>(
    journal: &Journal,
    snapshot: &Arc<Snapshot>,
    start: u64,
    end: u64,
    fates: &Fates,
    recipe: &Recipe<T>,
) -> Result<Batch<T>> {
    let mut out = Vec::with_capacity(1024);
    let mut scratch = String::new();
    let start = line_start_from(snapshot, start)?;
    let mut scan = Scan::range(journal, snapshot, start, end).quiet();
    while let Some((offset, line)) = scan.next_line()? {
        if let Some(needle) = &recipe.needle {
            // An add that cannot match is skipped unparsed, unless a later record
            // gives its content.
            let alone = quick_head_bytes(line).is_some_and(|head| {
                head.op == Op::Add
                    && IdKey::parse_bytes(head.id).is_some_and(|key| !fates.contains_key(&key))
            });
            if alone && !needle.may_match(line) {
                continue;
            }
        }
        if let Some(count) = &recipe.count {
            // An add decided alone, read in place.
            if let Some(Ok(view)) = canonical::view(line) {
                let alone = view.op == Op::Add && !fates.contains_key(&view.key);
                if let Some(entry) = alone
                    .then(|| view.entry(recipe.words, &mut scratch))
                    .flatten()
                {
                    if let Some(done) = count(run(&mut out), &entry) {
                        out.push((offset, Item::Ready(done, line_length(line))));
                    }
                    continue;
                }
            }
        }
        let item = match (recipe.parse)(line) {
            Err(problem) => Item::Damaged(problem),
            Ok(record) if record.op == Op::Add && !fates.contains_key(&IdKey::of(&record.id)) => {
                match (recipe.work)(run(&mut out), record) {
                    Some(done) => Item::Ready(done, line_length(line)),
                    None => continue,
                }
            }
            Ok(record) => Item::record(record),
        };
        out.push((offset, item));
    }
    Ok(out)
}

/// The live entries an index's `keys` name.
fn keys_unit<T>(
    snapshot: &Arc<Snapshot>,
    keys: &[u64],
    moved: &HashMap<u64, u64>,
    recipe: &Recipe<T>,
) -> Result<Batch<T>> {
    let mut out = Vec::with_capacity(keys.len());
    let mut scratch = String::new();
    let place = |key: &u64| key & ((1 << PLACE_BITS) - 1);
    // Windows reach a little past the last place (its line's end is not known).
    let last = keys.iter().map(place).max().map(|last| last + (1 << 13));
    let mut records = RecordAt::sequential(snapshot, last);
    for key in keys {
        let place = place(key);
        let at = moved.get(&place).copied().unwrap_or(place);
        let line = records.line(at)?;
        if recipe
            .needle
            .as_ref()
            .is_none_or(|needle| needle.may_match(line))
        {
            push(&mut out, at, line, recipe, &mut scratch);
        }
    }
    Ok(out)
}

/// The records at `spans`, in that order: lines close to each other come in one
/// read, each read no longer than what it holds, so a group of entries spread over
/// the file costs about its own size, not the file's.
fn spans_unit<T>(snapshot: &Arc<Snapshot>, spans: &[u64], recipe: &Recipe<T>) -> Result<Batch<T>> {
    /// Lines closer than this share a read.
    const GAP: u64 = 1 << 12;
    /// The longest read that gathers several lines.
    const MOST: u64 = 1 << 20;
    let spans: Vec<Span> = spans.iter().copied().map(Span::from_raw).collect();
    let mut out = Vec::with_capacity(spans.len());
    let mut scratch = String::new();
    let mut single = RecordAt::new(snapshot);
    let mut buf = super::spare::take();
    let mut i = 0;
    while i < spans.len() {
        // The lines from `i` to `j` (exclusive) that one read can hold.
        let start = spans[i].at();
        let mut end = start;
        let mut j = i;
        while let Some(len) = spans
            .get(j)
            .and_then(|span| span.len())
            .filter(|_| start > 0)
        {
            let (at, line_end) = (spans[j].at(), spans[j].at() + len as u64);
            if j > i && (at < end || at > end + GAP || line_end - start > MOST) {
                break;
            }
            end = line_end;
            j += 1;
        }
        if j == i || start == 0 {
            // Length unknown (or a byte-order mark to skip): read it the slow way.
            let at = spans[i].at();
            let line = single.line(at)?;
            push(&mut out, at, line, recipe, &mut scratch);
            i += 1;
            continue;
        }
        let size = (end - start).min(snapshot.len() - start) as usize;
        if buf.len() < size {
            buf.resize(size, 0); // zeroed only as it grows
        }
        let buf = &mut buf[..size];
        snapshot.read_at(start, buf)?;
        for span in &spans[i..j] {
            let from = (span.at() - start) as usize;
            let line = &buf[from..from + span.len().unwrap_or(0)];
            push(&mut out, span.at(), line, recipe, &mut scratch);
        }
        i = j;
    }
    super::spare::give(buf);
    Ok(out)
}

/// Parses `line` (at `at`) and puts the reader's work on it into `out` (`scratch`
/// holds decoded words).
fn push<T>(out: &mut Batch<T>, at: u64, line: &[u8], recipe: &Recipe<T>, scratch: &mut String) {
    let len = line_length(line);
    if let Some(count) = &recipe.count {
        if let Some(Ok(view)) = canonical::view(line) {
            if let Some(entry) = view.entry(recipe.words, scratch) {
                if let Some(done) = count(run(out), &entry) {
                    out.push((at, Item::Ready(done, len)));
                }
                return;
            }
        }
    }
    match (recipe.parse)(line) {
        Ok(record) => {
            if let Some(done) = (recipe.work)(run(out), record) {
                out.push((at, Item::Ready(done, len)));
            }
        }
        Err(problem) => out.push((at, Item::Damaged(problem))),
    }
}
