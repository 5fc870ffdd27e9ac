//! Every live entry's facts folded in one pass from the end of the journal, for
//! counters whose result does not depend on the order entries come in (progress's
//! tally). The forward readers take two passes: the rule for revisions first, then
//! the entries.
//!
//! Read from the end, the first readable record met for an id is its latest: the
//! entry's content (an add or an edit) or its deletion; what comes before it is
//! superseded. Units are read on every core, the last first, each in two steps:
//! its lines are parsed forwards, in one read, and the ids it revises (edits and
//! deletes) posted on a shared [`Board`]; then, once every unit after it has posted
//! too, its lines are taken from the last, each decided knowing every later record
//! of its id. (A worker waits at about half of the units, briefly: units of one
//! size take about as long to parse, and the thread merging the results runs
//! meanwhile.) Every line is checked as the forward readers check it, so the same
//! damage is reported.
//!
//! A journal the two rules could read differently (an id added twice, an edit or
//! delete written in a unit before its add) is left to the forward readers: the
//! fold is given back unused.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use rustc_hash::FxHashMap;

use super::canonical::{self, View};
use super::damage_log::DamageLog;
use super::ids::{IdKey, IdKeys};
use super::parallel::{byte_units, line_start_from, Ordered, Unit};
use super::record::{LineProblem, Op, Record};
use super::revisions::{key_of, RecordAt};
use super::scan::Scan;
use super::snapshot::{content_at, Snapshot};
use super::{Journal, Result};
use crate::checkin::Checkin;
use crate::entry::Facts;

/// How a fold starts, adds an entry's facts, and joins another fold into it.
pub(super) struct Fold<A> {
    pub(super) start: Box<dyn Fn() -> A + Send + Sync>,
    pub(super) add: Adding<A>,
    pub(super) merge: Merging<A>,
}

pub(super) type Adding<A> = Box<dyn Fn(&mut A, &Facts) + Send + Sync>;
pub(super) type Merging<A> = Box<dyn Fn(&mut A, A) + Send + Sync>;

/// The fold and the check-ins, or the fold given back for the forward readers.
pub(super) type Folded<A> = std::result::Result<(A, Vec<Checkin>), Fold<A>>;

/// Where the workers of one fold post the ids each unit revises.
struct Board {
    /// Numbers the fold, so that a thread's [`Copy`] is never another fold's.
    fold: u64,
    posts: Mutex<Posts>,
    posted: Condvar,
}

#[derive(Default)]
struct Posts {
    /// Each id revised (edited or deleted, the record readable), with the start of
    /// the unit that revised it, in the order posted.
    revised: Vec<(IdKey, u64)>,
    /// Which units have posted, by their place in the reading order (the last
    /// unit of the file first).
    done: Vec<bool>,
    /// Units `0..ready` have all posted.
    ready: usize,
    /// The reading thread stopped early: no worker waits any more.
    abandoned: bool,
}

/// Numbers the folds (see [`Board::fold`]).
static FOLDS: AtomicU64 = AtomicU64::new(0);

/// A worker's copy of the ids revised, kept between its units (and looked up
/// without a lock): each with the start of the last unit that revised it.
#[derive(Default)]
struct Copy {
    fold: u64,
    taken: usize,
    revised: FxHashMap<IdKey, u64>,
}

thread_local! {
    static COPY: RefCell<Copy> = RefCell::new(Copy::default());
}

impl Board {
    fn new(units: usize) -> Board {
        Board {
            fold: FOLDS.fetch_add(1, Ordering::Relaxed) + 1,
            posts: Mutex::new(Posts {
                done: vec![false; units],
                ..Posts::default()
            }),
            posted: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Posts> {
        self.posts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Posts the ids the unit at `place` revises (its lines starting at `start`).
    fn post(&self, place: usize, start: u64, revised: impl IntoIterator<Item = IdKey>) {
        let mut posts = self.lock();
        posts
            .revised
            .extend(revised.into_iter().map(|key| (key, start)));
        posts.done[place] = true;
        while posts.done.get(posts.ready) == Some(&true) {
            posts.ready += 1;
        }
        drop(posts);
        self.posted.notify_all();
    }

    /// Waits until every unit before `place` in the reading order (after it in the
    /// file) has posted, and brings this thread's copy up to date.
    fn wait_for_later(&self, place: usize) {
        let mut posts = self.lock();
        while posts.ready < place && !posts.abandoned {
            posts = self
                .posted
                .wait(posts)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        COPY.with_borrow_mut(|copy| {
            if copy.fold != self.fold {
                *copy = Copy {
                    fold: self.fold,
                    ..Copy::default()
                };
            }
            for (key, at) in &posts.revised[copy.taken..] {
                let latest = copy.revised.entry(key.clone()).or_insert(*at);
                *latest = (*latest).max(*at);
            }
            copy.taken = posts.revised.len();
        });
    }
}

/// A unit's place on the [`Board`], posted (with nothing revised) if the unit's
/// reading ends before it posts: a read error, a panic. No worker then waits for
/// it forever.
struct Place<'b> {
    board: &'b Board,
    place: usize,
    start: u64,
    posted: bool,
}

impl Place<'_> {
    fn post(&mut self, revised: impl IntoIterator<Item = IdKey>) {
        self.board.post(self.place, self.start, revised);
        self.posted = true;
    }

    /// Whether a unit after this one revises `key` (once [`Board::wait_for_later`]).
    fn revised_later(&self, key: &IdKey) -> bool {
        COPY.with_borrow(|copy| copy.revised.get(key).is_some_and(|&at| at > self.start))
    }
}

impl Drop for Place<'_> {
    fn drop(&mut self) {
        if !self.posted {
            self.board.post(self.place, self.start, []);
        }
    }
}

/// Marks the board abandoned when dropped: an early return (a unit that could not
/// be read) wakes the workers waiting for units no one will read, before the
/// workers are joined.
struct Abandon<'b>(&'b Board);

impl Drop for Abandon<'_> {
    fn drop(&mut self) {
        self.0.lock().abandoned = true;
        self.0.posted.notify_all();
    }
}

/// What the reading thread knows of an id whose latest record is an edit or delete.
struct Latest {
    /// Its add was met before that record.
    added: bool,
}

/// One unit read from its end.
struct Part<A> {
    /// The fold of the entries whose latest record is here (`None` when none is).
    value: Option<A>,
    /// The ids whose latest record is here and is an edit or a delete, and whether
    /// their add is in this unit, before it.
    revised: Vec<(IdKey, bool)>,
    /// The id of every add (to find ids added twice).
    adds: Vec<IdKey>,
    checkins: Vec<u64>,
    damage: Vec<(u64, LineProblem)>,
}

/// The fold of every live entry's facts, and the check-ins met; or the fold given
/// back (`Err`) for a journal the forward readers must read (see the module docs).
/// Damage is reported only when the fold is done here.
pub(super) fn fold<A: Send + 'static>(journal: &Journal, fold: Fold<A>) -> Result<Folded<A>> {
    let snapshot = Snapshot::open(journal)?;
    let fold = Arc::new(fold);
    let mut units = byte_units(&snapshot);
    units.reverse();
    let board = Arc::new(Board::new(units.len()));
    let mut parts = {
        let (snapshot, fold, board) = (snapshot.clone(), fold.clone(), board.clone());
        Ordered::new(
            units,
            Arc::new(move |place, unit| match unit {
                Unit::Bytes(start, end) => {
                    // Posted (empty) by its drop if a read below fails.
                    let mut place = Place {
                        board: &board,
                        place,
                        start,
                        posted: false,
                    };
                    place.start = line_start_from(&snapshot, start)?;
                    let end = line_start_from(&snapshot, end)?;
                    read_unit(&snapshot, end, &fold, place)
                }
                Unit::Keys(..) => unreachable!("byte units only"),
            }),
        )
    };

    let mut latest: FxHashMap<IdKey, Latest> = FxHashMap::default();
    let mut adds = IdKeys::default();
    let mut value = (fold.start)();
    let mut checkins = Vec::new();
    // Damage is reported only if the fold is done here.
    let mut scan = Scan::detached(journal, &snapshot, DamageLog::new());
    let abandon = Abandon(&board); // dropped before `parts` on an early return
    for part in parts.by_ref() {
        let part = part?;
        for key in &part.adds {
            if let Some(latest) = latest.get_mut(key) {
                latest.added = true;
            }
            adds.push(key);
        }
        for (key, added) in part.revised {
            latest.insert(key, Latest { added });
        }
        if let Some(part) = part.value {
            (fold.merge)(&mut value, part);
        }
        checkins.extend(part.checkins);
        for (offset, problem) in part.damage {
            scan.note_problem(offset, problem);
        }
    }
    drop(abandon);
    drop(parts); // the workers are done: the fold is ours again

    // An id added twice, or revised before (a unit before) its add: the forward
    // rule decides.
    let mut forward = !adds.duplicates()?.is_empty();
    for (key, _) in latest.iter().filter(|(_, latest)| !latest.added) {
        forward = forward || adds.contains(key)?;
    }
    drop(adds);
    if forward {
        drop(value);
        return Ok(Err(Arc::into_inner(fold).expect("the workers are done")));
    }

    scan.report_damage();
    checkins.sort_unstable();
    let mut records = RecordAt::new(&snapshot);
    let mut found = Vec::with_capacity(checkins.len());
    for at in checkins {
        if let Ok(checkin) = super::checkins::parse(records.line(at)?) {
            found.push(checkin);
        }
    }
    Ok(Ok((value, found)))
}

/// Reads the lines of a unit (from `place.start` to `end`): parses them, posts the
/// ids they revise, then, once every later unit has posted, takes them from the
/// last, folding the entries whose latest record is there.
fn read_unit<A>(
    snapshot: &Arc<Snapshot>,
    end: u64,
    fold: &Fold<A>,
    mut place: Place,
) -> Result<Part<A>> {
    let mut part = Part {
        value: None,
        revised: Vec::new(),
        adds: Vec::with_capacity(1024),
        checkins: Vec::new(),
        damage: Vec::new(),
    };
    let mut buf = super::spare::take();
    let lines = read_forwards(snapshot, (place.start, end), &mut buf)?;
    let mut revised: Vec<IdKey> = lines
        .iter()
        .filter_map(|(_, line, view)| revision(line, view))
        .collect();
    // Each once: a journal of one id edited a million times posts few.
    revised.sort_unstable();
    revised.dedup();
    place.post(revised);
    place.board.wait_for_later(place.place);
    // Ids revised in this unit, with their place in `part.revised`. (An add
    // decided here that an edit before it in the unit would supersede is left to
    // the reading thread: a revision before its add.)
    let mut here: FxHashMap<IdKey, usize> = FxHashMap::default();
    for (offset, line, view) in lines.iter().rev() {
        read_line(&mut part, &mut here, &place, fold, *offset, line, view);
    }
    drop(lines);
    super::spare::give(buf);
    Ok(part)
}

/// The id a line revises: an edit or a delete that the forward readers would read
/// (not damaged).
fn revision(line: &[u8], view: &Option<View>) -> Option<IdKey> {
    match view {
        Some(view) => (view.op != Op::Add).then(|| view.key.clone()),
        None => match key_of(line) {
            Ok((op, key, _)) if op != Op::Add => {
                Record::parse_without_text(line).is_ok().then_some(key)
            }
            _ => None,
        },
    }
}

/// A line of a unit: its offset, its content, and its view when it is in canonical
/// form (the content is then left empty: the view holds what is needed).
type Line<'a> = (u64, &'a [u8], Option<View<'a>>);

/// The lines of `[start, end)` in file order, read in one read into `buf` and
/// parsed forwards. When the unit's bytes are all UTF-8 (checked once), a canonical
/// line's end is found by its text's walk, with no search for the newline; any
/// other line is found by its newline and read in place when it can be.
fn read_forwards<'b>(
    snapshot: &Snapshot,
    (start, end): (u64, u64),
    buf: &'b mut Vec<u8>,
) -> Result<Vec<Line<'b>>> {
    let size = (end - start) as usize;
    if buf.len() < size {
        buf.resize(size, 0); // a kept buffer is zeroed only as it grows
    }
    snapshot.read_at(start, &mut buf[..size])?;
    let bytes = &buf[..size];
    let text = simdutf8::basic::from_utf8(bytes).ok();
    // Room for lines of half a kilobyte: no growing (and copying) for the usual ones.
    let mut lines = Vec::with_capacity(size / 512);
    let mut at = 0;
    while at < bytes.len() {
        let offset = start + at as u64;
        if let Some((Ok(view), len)) = text.and_then(|text| canonical::view_in(&text[at..])) {
            lines.push((offset, &[][..], Some(view)));
            at += len + 1;
            continue;
        }
        let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
        let content = content_at(offset, &bytes[at..line_end]);
        if !content.is_empty() {
            let view = canonical::view(content).and_then(Result::ok);
            lines.push((offset, content, view));
        }
        at = line_end + 1;
    }
    Ok(lines)
}

/// One line of a unit read from its end (see [`read_unit`]), with its view when it
/// is in canonical form.
fn read_line<A>(
    part: &mut Part<A>,
    here: &mut FxHashMap<IdKey, usize>,
    place: &Place,
    fold: &Fold<A>,
    offset: u64,
    line: &[u8],
    view: &Option<View>,
) {
    let (op, key) = match view {
        Some(view) => (view.op, view.key.clone()),
        None => match key_of(line) {
            Ok((op, key, _)) => (op, key),
            Err(LineProblem::NotAnEntry) => {
                part.checkins.push(offset);
                return;
            }
            Err(problem) => {
                part.damage.push((offset, problem));
                return;
            }
        },
    };
    let revised_here = here.get(&key).copied();
    if op == Op::Add {
        part.adds.push(key.clone());
        // An add before the revision decided here (damaged or not, as the
        // forward rule's first pass counts it).
        if let Some(slot) = revised_here {
            part.revised[slot].1 = true;
        }
    }
    let superseded = revised_here.is_some() || place.revised_later(&key);
    // Every line is checked as the forward readers check it (the same damage
    // is reported).
    let mut fold_facts = |facts: &Facts| {
        if !superseded {
            (fold.add)(part.value.get_or_insert_with(&fold.start), facts);
        }
    };
    match view {
        // Facts carry no id: an id in capitals reads the same here.
        Some(view) => fold_facts(&view.facts()),
        None => match Record::parse_without_text(line) {
            Ok(record) => {
                if let Some(entry) = record.into_entry() {
                    fold_facts(&entry.facts());
                }
            }
            Err(problem) => {
                // Damaged: decides nothing.
                part.damage.push((offset, problem));
                return;
            }
        },
    }
    if !superseded && op != Op::Add {
        here.insert(key.clone(), part.revised.len());
        part.revised.push((key, false));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_worker_waits_for_the_units_after_its_own_and_no_longer_once_abandoned() {
        let board = Board::new(3);
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                board.wait_for_later(2);
                done.send(()).unwrap();
            });
            board.post(1, 10, []);
            let waited = finished.recv_timeout(Duration::from_millis(200));
            assert!(waited.is_err(), "unit 0 has not posted yet");
            drop(Abandon(&board));
            finished
                .recv_timeout(Duration::from_secs(10))
                .expect("woken when the reading thread stops early");
        });
    }

    #[test]
    fn a_unit_that_ends_without_posting_posts_nothing_when_dropped() {
        let board = Board::new(2);
        drop(Place {
            board: &board,
            place: 0,
            start: 0,
            posted: false,
        });
        board.post(1, 100, [IdKey::parse("abc").unwrap()]);
        let posts = board.lock();
        assert_eq!(posts.ready, 2);
        assert_eq!(posts.revised, vec![(IdKey::parse("abc").unwrap(), 100)]);
    }
}
