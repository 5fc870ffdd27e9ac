//! Every live entry's facts folded in one pass from the end of the journal, for
//! counters whose result does not depend on the order entries come in (progress's
//! tally). The forward readers take two passes: the rule for revisions first, then
//! the entries.
//!
//! Read from the end, the first readable record met for an id is its latest: the
//! entry's content (an add or an edit) or its deletion; what comes before it is
//! superseded. Units are read on every core, the last first, each taken from its
//! end (its lines are parsed forwards, in one read, then taken from the last). A
//! worker knows the ids decided later in its own unit and, as the other workers
//! publish them, the ids revised in the units after it. The reading thread takes
//! the units back in order, knowing everything after each: a unit whose worker
//! decided an id that a later unit revises (it could not know yet) is read again
//! there, with that knowledge. Every line is checked as the forward readers check
//! it, so the same damage is reported.
//!
//! A journal the two rules could read differently (an id added twice, an edit or
//! delete written in a unit before its add) is left to the forward readers: the
//! fold is given back unused.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

use super::canonical::{self, View};
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

/// The ids revised (edited or deleted) in the units read so far, each with the
/// start of the unit that revised it, in the order they were published.
type Published = Mutex<Vec<(IdKey, u64)>>;

/// Numbers the folds, so that a thread's [`Copy`] is never another fold's.
static FOLDS: AtomicU64 = AtomicU64::new(0);

/// A worker's copy of [`Published`], kept between its units: looked up without a
/// lock, brought up to date at each turn.
#[derive(Default)]
struct Copy {
    fold: u64,
    taken: usize,
    revised: FxHashMap<IdKey, u64>,
}

thread_local! {
    static COPY: RefCell<Copy> = RefCell::new(Copy::default());
}

/// What the reading thread knows of an id whose latest record is an edit or delete.
struct Latest {
    /// Its add was met before that record.
    added: bool,
}

/// What the worker knows of the units after its own.
enum Known<'a> {
    /// What the workers published, brought up to date every [`TURN`] lines (when
    /// no other worker holds the list: a worker never waits mid-unit); the ids
    /// this unit revises are published at the same time.
    Published {
        published: &'a Published,
        fold: u64,
        /// The unit's start: what was published for units after it counts.
        start: u64,
        asked: usize,
        mine: Vec<IdKey>,
    },
    /// Everything (the reading thread, reading a unit again).
    Complete(&'a FxHashMap<IdKey, Latest>),
}

/// Lines between two looks at what the other workers published.
const TURN: usize = 64;

impl Known<'_> {
    fn revised_after(&mut self, key: &IdKey) -> bool {
        match self {
            Known::Published { start, asked, .. } => {
                let start = *start;
                *asked += 1;
                if *asked % TURN == 0 {
                    self.turn(false);
                }
                COPY.with_borrow(|copy| copy.revised.get(key).is_some_and(|&at| at > start))
            }
            Known::Complete(latest) => latest.contains_key(key),
        }
    }

    /// Notes an id this unit revises, for the other workers.
    fn publish(&mut self, key: &IdKey) {
        if let Known::Published { mine, .. } = self {
            mine.push(key.clone());
        }
    }

    /// Publishes what this unit revised so far and brings the copy up to date;
    /// unless `wait`, only when no other worker holds the list.
    fn turn(&mut self, wait: bool) {
        let Known::Published {
            published,
            fold,
            start,
            mine,
            ..
        } = self
        else {
            return;
        };
        let all = if wait {
            Some(
                published
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner()),
            )
        } else {
            published.try_lock().ok()
        };
        let Some(mut all) = all else { return };
        all.extend(mine.drain(..).map(|key| (key, *start)));
        COPY.with_borrow_mut(|copy| {
            if copy.fold != *fold {
                *copy = Copy {
                    fold: *fold,
                    ..Copy::default()
                };
            }
            for (key, at) in &all[copy.taken..] {
                let latest = copy.revised.entry(key.clone()).or_insert(*at);
                *latest = (*latest).max(*at);
            }
            copy.taken = all.len();
        });
    }
}

/// One unit read from its end.
struct Part<A> {
    /// The unit's lines start in `[start, end)`.
    start: u64,
    end: u64,
    /// The fold of the entries whose latest record is here (`None` when none is).
    value: Option<A>,
    /// Ids whose latest record is here, as far as the worker knew.
    decided: Vec<IdKey>,
    /// Of those, the ones whose latest record is an edit or a delete, and whether
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
    let published: Arc<Published> = Arc::default();
    let number = FOLDS.fetch_add(1, Ordering::Relaxed) + 1;
    let mut units = byte_units(&snapshot);
    units.reverse();
    let parts = {
        let (snapshot, fold, published) = (snapshot.clone(), fold.clone(), published.clone());
        Ordered::new(
            units,
            Arc::new(move |unit| match unit {
                Unit::Bytes(start, end) => {
                    let start = line_start_from(&snapshot, start)?;
                    let end = line_start_from(&snapshot, end)?;
                    let mut known = Known::Published {
                        published: &published,
                        fold: number,
                        start,
                        asked: 0,
                        mine: Vec::new(),
                    };
                    known.turn(true);
                    read_unit(&snapshot, (start, end), &fold, known)
                }
                Unit::Keys(..) => unreachable!("byte units only"),
            }),
        )
    };

    let mut latest: FxHashMap<IdKey, Latest> = FxHashMap::default();
    let mut adds = IdKeys::default();
    let mut value = (fold.start)();
    let mut checkins = Vec::new();
    let mut damage = Vec::new();
    for part in parts {
        let mut part = part?;
        if part.decided.iter().any(|key| latest.contains_key(key)) {
            // Its worker could not know yet: read it again, knowing.
            let bounds = (part.start, part.end);
            part = read_unit(&snapshot, bounds, &fold, Known::Complete(&latest))?;
        }
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
        damage.extend(part.damage);
    }

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

    let mut scan = Scan::detached(journal, &snapshot);
    damage.sort_unstable_by_key(|&(offset, _)| offset);
    for (offset, problem) in damage {
        scan.note_problem(offset, problem);
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

/// Reads the lines starting in `bounds` from the last, folding the entries whose
/// latest record is there (as far as `known` tells), and publishing the ids revised
/// there.
fn read_unit<A>(
    snapshot: &Arc<Snapshot>,
    (start, end): (u64, u64),
    fold: &Fold<A>,
    mut known: Known,
) -> Result<Part<A>> {
    let mut part = Part {
        start,
        end,
        value: None,
        decided: Vec::with_capacity(1024),
        revised: Vec::new(),
        adds: Vec::with_capacity(1024),
        checkins: Vec::new(),
        damage: Vec::new(),
    };
    // Ids revised in this unit, with their place in `part.revised`. (An add
    // decided here that an edit before it in the unit would supersede is left to
    // the reading thread: a revision before its add.)
    let mut here: FxHashMap<IdKey, usize> = FxHashMap::default();
    let mut buf = super::spare::take();
    for (offset, line, view) in read_forwards(snapshot, (start, end), &mut buf)?
        .into_iter()
        .rev()
    {
        read_line(&mut part, &mut here, &mut known, fold, offset, line, view);
    }
    super::spare::give(buf);
    known.turn(true);
    Ok(part)
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
    known: &mut Known,
    fold: &Fold<A>,
    offset: u64,
    line: &[u8],
    view: Option<View>,
) {
    let (op, key) = match &view {
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
    let superseded = revised_here.is_some() || known.revised_after(&key);
    // Every line is checked as the forward readers check it (the same damage
    // is reported).
    let mut fold_facts = |facts: &Facts| {
        if !superseded {
            (fold.add)(part.value.get_or_insert_with(&fold.start), facts);
        }
    };
    match &view {
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
    if superseded {
        return;
    }
    if op != Op::Add {
        known.publish(&key);
        here.insert(key.clone(), part.revised.len());
        part.revised.push((key.clone(), false));
    }
    part.decided.push(key);
}
