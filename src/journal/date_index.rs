//! The order by date, made in one pass over the heads of the lines, read from the
//! end of the file.
//!
//! Read backwards, the first record met for an id is its latest, so when its add is
//! met the entry's fate is already known: shown with its latest content (and on that
//! content's day), or deleted. One pass then gives the index the `by_date` readers
//! walk: `(day << PLACE_BITS) | place` for every live entry (8 bytes an entry, sorted
//! in a temporary file past a few megabytes: see `spill`), and where revised entries'
//! content is.
//!
//! It places entries exactly as the forward rule for revisions does (`revisions`)
//! for every journal written the usual way. A journal where that reading would need
//! more (an id added twice, or an edit written before its add) gets `None`, and the
//! caller uses the forward overlay instead.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;

use super::damage_log::DamageLog;
use super::ids::{IdKey, IdKeys};
use super::needle::Needle;
use super::parallel::{byte_units, Ordered, Unit};
use super::parsing::{Span, PLACE_BITS};
use super::record::{LineProblem, Op, Record};
use super::revisions::{heads_of_unit, Grouper, Heads, RecordAt};
use super::snapshot::Snapshot;
use super::spill::{GroupRanges, KeyList, Sorter};
use super::{Journal, Result};

/// The index and what the pass learnt on the way.
pub(super) struct DateIndex {
    /// Each live entry in date order: its index key `(day << PLACE_BITS) | place`,
    /// or, for a search or a grouping, its content's [`Span`] (the lines found are
    /// then read one by one, not in windows: a search reads little more than what it
    /// finds).
    pub(super) keys: KeyList,
    /// `keys` holds spans.
    pub(super) spans: bool,
    /// The content of revised entries, by place.
    pub(super) moved: HashMap<u64, u64>,
    /// No entry has more than one record, and the adds come in date order: file
    /// order is date order.
    pub(super) in_file_order: bool,
    /// Offsets of the check-in lines.
    pub(super) checkins: Vec<u64>,
    /// Lines found damaged on the way (the readers report them with the rest).
    pub(super) damage: DamageLog,
    /// Asked for a grouping: each group's entries, as a range of `keys` (sorted by
    /// group, then date).
    pub(super) groups: Option<GroupRanges>,
}

/// Where the pass puts each live entry, by what was asked.
enum Places {
    /// Index keys.
    Keys(Sorter<u64>),
    /// A search: `key << 32 | len`, the length of the line found (0 for an entry
    /// whose content is elsewhere, searched later).
    Found(Sorter<u128>),
    /// A grouping: `group << 96 | key << 32 | len`, the length of its content's line.
    Grouped(Sorter<u128>),
}

impl Places {
    fn new(needle: bool, group: bool) -> Places {
        match (needle, group) {
            (_, true) => Places::Grouped(Sorter::new(sort_from_the_end)),
            (true, false) => Places::Found(Sorter::new(sort_from_the_end)),
            (false, false) => Places::Keys(Sorter::new(sort_from_the_end)),
        }
    }

    /// An entry whose line may hold what a search looks for (read there, `len`
    /// long).
    fn found(&mut self, group: u32, key: u64, len: u32) {
        match self {
            Places::Found(found) => found.push(u128::from(key) << 32 | u128::from(len)),
            _ => self.place(group, key, len),
        }
    }

    /// An entry in `group` (when grouping) whose content's line is `len` long.
    fn place(&mut self, group: u32, key: u64, len: u32) {
        match self {
            Places::Keys(keys) => keys.push(key),
            Places::Found(found) => found.push(u128::from(key) << 32),
            Places::Grouped(grouped) => {
                grouped.push(u128::from(group) << 96 | u128::from(key) << 32 | u128::from(len))
            }
        }
    }

    /// The sorted keys (or spans: content at `moved` for revised entries), and the
    /// groups' ranges.
    fn finish(self, moved: &HashMap<u64, u64>) -> Result<(KeyList, bool, Option<GroupRanges>)> {
        let span = |key: u64, len: u32| {
            let place = key & ((1 << PLACE_BITS) - 1);
            Span::new(moved.get(&place).copied().unwrap_or(place), len).raw()
        };
        Ok(match self {
            Places::Keys(keys) => (keys.finish()?.keys(|key| key)?, false, None),
            Places::Found(found) => {
                let keys = found
                    .finish()?
                    .keys(|item| span((item >> 32) as u64, item as u32))?;
                (keys, true, None)
            }
            Places::Grouped(grouped) => {
                let (keys, groups) = grouped
                    .finish()?
                    .grouped(|item| span((item >> 32) as u64, item as u32))?;
                (keys, true, Some(groups))
            }
        })
    }
}

/// What the backward pass knows about an id once its latest record was met.
struct Latest {
    offset: u64,
    /// The day the latest content is about (`None` for a delete).
    date: Option<NaiveDate>,
    deleted: bool,
    /// Its add was met (further back in the file).
    added: bool,
    /// The entry's group (as the heads name it) and its latest line's length.
    group: u32,
    len: u32,
}

/// Days from 1000-01-01 (the first day a record may carry).
pub(super) fn day_number(date: NaiveDate) -> u64 {
    const FIRST: i32 = 365_243; // NaiveDate::from_ymd(1000, 1, 1).num_days_from_ce()
    (date.num_days_from_ce() - FIRST).max(0) as u64
}

impl DateIndex {
    /// The index of `snapshot`, or `None` for a journal the forward rule must read.
    /// With a `needle`, entries whose line cannot hold it are left out (those whose
    /// content is another record's are kept: their content is searched later). With
    /// a `group`, the entries are sorted into [`DateIndex::groups`] instead.
    pub(super) fn build(
        journal: &Journal,
        snapshot: &Arc<Snapshot>,
        needle: Option<&Arc<Needle>>,
        group: Option<&Grouper>,
    ) -> Result<Option<DateIndex>> {
        let mut latest: FxHashMap<IdKey, Latest> = FxHashMap::default();
        let mut adds = IdKeys::default();
        let mut places = Places::new(needle.is_some(), group.is_some());
        let mut moved = HashMap::new();
        let mut checkins = Vec::new();
        let mut damage = DamageLog::new();
        let mut records = RecordAt::new(snapshot);
        let mut next_date: Option<NaiveDate> = None;
        let mut in_date_order = true;
        for heads in heads_from_the_end(journal, snapshot, needle, group) {
            let mut heads = heads?;
            heads.reverse();
            for head in heads {
                let head = match head {
                    Ok(head) => head,
                    Err((offset, LineProblem::NotAnEntry)) => {
                        checkins.push(offset);
                        continue;
                    }
                    Err((offset, problem)) => {
                        damage.note(offset, None, problem);
                        continue;
                    }
                };
                if head.op != Op::Add {
                    if !head.valid {
                        // Torn or damaged: changes nothing.
                        if let Err(problem) =
                            records.read(head.offset, Record::parse_without_text)?
                        {
                            damage.note(head.offset, None, problem);
                        }
                    } else {
                        // The first met is the latest: older revisions change nothing.
                        latest.entry(head.key).or_insert(Latest {
                            offset: head.offset,
                            date: head.date,
                            deleted: head.op == Op::Delete,
                            added: false,
                            group: head.group,
                            len: head.len,
                        });
                    }
                    continue;
                }
                adds.push(&head.key);
                if next_date.is_some() && head.date > next_date {
                    in_date_order = false;
                }
                next_date = head.date.or(next_date);
                let Some(date) = head.date else { continue };
                match latest.get_mut(&head.key) {
                    None if !head.searched => {}
                    None if needle.is_some() => {
                        let key = day_number(date) << PLACE_BITS | head.offset;
                        places.found(head.group, key, head.len);
                    }
                    None => {
                        let key = day_number(date) << PLACE_BITS | head.offset;
                        places.place(head.group, key, head.len);
                    }
                    Some(entry) => {
                        entry.added = true;
                        if entry.deleted {
                            // Not read again: note its damage now.
                            if let Err(problem) =
                                records.read(head.offset, Record::parse_without_text)?
                            {
                                damage.note(head.offset, None, problem);
                            }
                            continue;
                        }
                        moved.insert(head.offset, entry.offset);
                        let day = entry.date.unwrap_or(date);
                        let key = day_number(day) << PLACE_BITS | head.offset;
                        places.place(entry.group, key, entry.len);
                    }
                }
            }
        }
        let in_file_order = in_date_order && latest.is_empty();
        // An id added twice, or an edit before its add: the forward rule decides.
        if !adds.duplicates()?.is_empty() {
            return Ok(None);
        }
        for (key, entry) in &latest {
            if entry.added || entry.deleted {
                continue;
            }
            if adds.contains(key)? {
                return Ok(None);
            }
            // An edit whose add is damaged or missing is placed at itself.
            if let Some(date) = entry.date {
                let key = day_number(date) << PLACE_BITS | entry.offset;
                places.place(entry.group, key, entry.len);
            }
        }
        drop(adds);
        let (keys, spans, groups) = places.finish(&moved)?;
        Ok(Some(DateIndex {
            keys,
            spans,
            moved,
            in_file_order,
            checkins,
            damage,
            groups,
        }))
    }
}

/// Sorts items pushed mostly from the end (in reverse order, which sorts fastest
/// turned).
fn sort_from_the_end<T: Ord + Copy>(items: &mut Vec<T>) {
    items.reverse();
    sort_nearly_sorted(items);
}

/// Sorts `items` that are mostly in order already (file order is mostly date order:
/// only back-dated and revised entries are not): the items that keep the order stay,
/// in place; the others are sorted aside and merged in from the end. Linear for a
/// journal written day by day; when more than an eighth is out of order, a plain sort.
fn sort_nearly_sorted<T: Ord + Copy>(items: &mut Vec<T>) {
    let most_aside = items.len() / 8;
    let mut aside = Vec::new();
    let mut kept = 0;
    for at in 0..items.len() {
        let item = items[at];
        if kept == 0 || item >= items[kept - 1] {
            items[kept] = item;
            kept += 1;
        } else if aside.len() < most_aside {
            aside.push(item);
        } else {
            // Far from sorted: put the set aside back and sort it all.
            items.copy_within(at.., kept);
            items.truncate(kept + items.len() - at);
            items.extend(aside);
            items.sort_unstable();
            return;
        }
    }
    aside.sort_unstable();
    // Merge from the end: each place written is past every kept item not yet placed.
    let (mut left, mut right) = (kept, aside.len());
    for at in (0..items.len()).rev() {
        if right == 0 {
            break;
        }
        if left > 0 && items[left - 1] > aside[right - 1] {
            items[at] = items[left - 1];
            left -= 1;
        } else {
            items[at] = aside[right - 1];
            right -= 1;
        }
    }
}

/// The heads of the snapshot's lines, unit by unit from the last (each unit's heads
/// in file order), read on every core.
fn heads_from_the_end(
    journal: &Journal,
    snapshot: &Arc<Snapshot>,
    needle: Option<&Arc<Needle>>,
    group: Option<&Grouper>,
) -> Ordered<Result<Heads>> {
    let (journal, snapshot, needle, group) = (
        journal.clone(),
        snapshot.clone(),
        needle.cloned(),
        group.cloned(),
    );
    let mut units = byte_units(&snapshot);
    units.reverse();
    Ordered::new(
        units,
        Arc::new(move |_, unit| match unit {
            Unit::Bytes(start, end) => heads_of_unit(
                &journal,
                &snapshot,
                start,
                end,
                needle.as_deref(),
                group.as_ref(),
            ),
            Unit::Keys(..) => Ok(Vec::new()),
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Whatever the order it is given, the result is the sorted list.
        #[test]
        fn nearly_sorted_keys_come_out_sorted(
            mut items in proptest::collection::vec(0u64..1000, 0..300),
            shuffled in 0usize..40,
            seed in 0u64..u64::MAX,
        ) {
            // Mostly in order, with a few items moved (or, for large `shuffled`,
            // far from it).
            items.sort_unstable();
            let mut state = seed | 1;
            for _ in 0..shuffled.min(items.len()) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let (a, b) = ((state % items.len() as u64) as usize, ((state >> 32) % items.len() as u64) as usize);
                items.swap(a, b);
            }
            let mut expected = items.clone();
            expected.sort_unstable();
            sort_nearly_sorted(&mut items);
            proptest::prop_assert_eq!(items, expected);
        }
    }
}
