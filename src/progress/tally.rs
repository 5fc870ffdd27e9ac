//! The streaming tally: one pass over the entries, in any order, into counters.
//!
//! Memory is bounded by themes × periods, never by entries: per theme it keeps the
//! counts (rated per level, ideas, unrated) and the [`RECENT`] most recent rated
//! entries' levels (the "Last 5"); per window and period (month, and the `--by`
//! period) the [`Measures`]; for the whole period the level × depth [`Grid`].
//! Nothing here allocates per entry except the first time a pack, theme, period or
//! direction of transfer is met.
//!
//! The result does not depend on the order entries arrive in: counters commute, and
//! "most recent" is a total order (day, then moment written, then level), so the
//! [`RECENT`] kept are the same whatever the order.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use rustc_hash::FxHashMap;

use super::counts::Counts;
use super::measures::{Grid, Measures, Observation};
use super::period::Period;
use crate::entry::{Level, Placement};

/// How many of a row's most recent rated entries "Last 5" shows.
pub const RECENT: usize = 5;

/// What "most recent" compares: the day an entry is about, then when it was
/// written, then (for exact ties) its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Moment {
    date: NaiveDate,
    written: DateTime<FixedOffset>,
    level: Level,
}

/// One row of the table (a theme, the free entries, or all entries): rated entries
/// per level, ideas, unrated entries, and the levels of its most recent rated ones.
#[derive(Debug, Clone, Default)]
pub struct RowTally {
    pub counts: Counts,
    pub idea: u64,
    pub unrated: u64,
    /// The [`RECENT`] greatest moments seen, in no particular order; the first `kept`
    /// slots are filled.
    recent: [Option<Moment>; RECENT],
    kept: usize,
    /// Once every slot is filled: the slot of the oldest moment kept, the one a more
    /// recent entry replaces. Read newest first, most entries are older and cost one
    /// comparison.
    oldest: usize,
}

impl RowTally {
    fn add(&mut self, obs: &Observation) {
        let level = match obs.placement {
            None => return self.unrated += 1,
            Some(Placement::Idea) => return self.idea += 1,
            Some(Placement::At(level)) => level,
        };
        self.counts += level;
        self.note(Moment {
            date: obs.date,
            written: obs.written,
            level,
        });
    }

    /// Keeps `moment` if it is among the [`RECENT`] greatest seen.
    fn note(&mut self, moment: Moment) {
        if self.kept < RECENT {
            self.recent[self.kept] = Some(moment);
            self.kept += 1;
        } else if Some(moment) > self.recent[self.oldest] {
            self.recent[self.oldest] = Some(moment);
        } else {
            return;
        }
        if self.kept == RECENT {
            self.oldest = (0..RECENT)
                .min_by_key(|&slot| self.recent[slot])
                .unwrap_or(0);
        }
    }

    /// Adds the row of other entries (as if each had been added here).
    fn merge(&mut self, other: &RowTally) {
        for level in Level::ALL {
            self.counts.add(level, other.counts[level]);
        }
        self.idea += other.idea;
        self.unrated += other.unrated;
        for moment in other.recent.iter().flatten() {
            self.note(*moment);
        }
    }

    /// The levels of the most recent rated entries (at most [`RECENT`]), oldest
    /// first: by the day they are about, then when they were written.
    pub fn last(&self) -> Vec<Level> {
        let mut moments: Vec<Moment> = self.recent.iter().flatten().copied().collect();
        moments.sort();
        moments.into_iter().map(|m| m.level).collect()
    }
}

/// Values by id, found with one hash per lookup (none when the key is the one
/// looked up last: entries of one pack come in runs); keys are allocated only when
/// new. [`Keyed::take`] moves a value out (the summary takes the themes it places,
/// then lists the rest).
#[derive(Debug, Clone)]
pub struct Keyed<V> {
    slots: FxHashMap<String, usize>,
    values: Vec<(String, Option<V>)>,
    /// The slot [`Keyed::get_or_insert`] found last (past the end: none yet).
    last: usize,
}

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Keyed {
            slots: FxHashMap::default(),
            values: Vec::new(),
            last: usize::MAX,
        }
    }
}

impl<V: Default> Keyed<V> {
    fn get_or_insert(&mut self, key: &str) -> &mut V {
        let again = self
            .values
            .get(self.last)
            .is_some_and(|(last, _)| last == key);
        if !again {
            self.last = match self.slots.get(key) {
                Some(&slot) => slot,
                None => {
                    self.slots.insert(key.to_string(), self.values.len());
                    self.values.push((key.to_string(), None));
                    self.values.len() - 1
                }
            };
        }
        self.values[self.last].1.get_or_insert_with(V::default)
    }
}

impl<V: Default> Keyed<V> {
    /// Merges another's values key by key with `merge`; keys new here come after
    /// these, in the order the other met them.
    fn merge(&mut self, other: &Keyed<V>, merge: impl Fn(&mut V, &V)) {
        for (key, value) in other.iter() {
            merge(self.get_or_insert(key), value);
        }
    }
}

impl<V> Keyed<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.slots
            .get(key)
            .and_then(|&slot| self.values[slot].1.as_ref())
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.slots
            .get(key)
            .and_then(|&slot| self.values[slot].1.as_mut())
    }

    /// Moves the value out; later lookups and [`Keyed::iter`] no longer see it.
    pub fn take(&mut self, key: &str) -> Option<V> {
        self.slots
            .get(key)
            .and_then(|&slot| self.values[slot].1.take())
    }

    /// The values not taken, in the order their keys were first met.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.values
            .iter()
            .filter_map(|(key, value)| Some((key.as_str(), value.as_ref()?)))
    }

    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

/// The day an entry is about and when it was written.
type Written = (NaiveDate, DateTime<FixedOffset>);

/// The themes of one pack id as found in the journal.
#[derive(Debug, Clone, Default)]
pub struct PackTally {
    /// The pack version stored with the most recent entry, if any.
    version: Option<(Written, Option<String>)>,
    pub themes: Keyed<RowTally>,
}

impl PackTally {
    pub fn version(&self) -> Option<&str> {
        self.version.as_ref().and_then(|(_, v)| v.as_deref())
    }

    fn merge(&mut self, other: &PackTally) {
        if let Some((moment, version)) = &other.version {
            self.note_version(*moment, version.as_deref());
        }
        self.themes.merge(&other.themes, RowTally::merge);
    }

    fn note_version(&mut self, moment: Written, version: Option<&str>) {
        let newer = self
            .version
            .as_ref()
            .is_none_or(|(seen, v)| (moment, version) > (*seen, v.as_deref()));
        if newer {
            self.version = Some((moment, version.map(str::to_string)));
        }
    }
}

/// A span of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Window {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

/// The two windows network reach compares: the last `days` days ending on a day
/// (today, or `--until`), and the `days` days before them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Windows {
    pub days: u32,
    pub recent: Window,
    pub previous: Window,
}

impl Windows {
    pub fn ending(end: NaiveDate, days: u32) -> Windows {
        let days = days.max(1);
        let back = |date: NaiveDate, n: u32| {
            date.checked_sub_days(Days::new(n.into()))
                .unwrap_or(NaiveDate::MIN)
        };
        let recent = Window {
            from: back(end, days - 1),
            to: end,
        };
        let previous_end = back(end, days);
        let previous = Window {
            from: back(previous_end, days - 1),
            to: previous_end,
        };
        Windows {
            days,
            recent,
            previous,
        }
    }
}

/// Everything the progress table and summary are computed from.
#[derive(Debug, Clone)]
pub struct Tally {
    pub windows: Windows,
    /// The `--by` period, if any (months are always counted).
    pub by: Option<Period>,
    /// Keyed by pack id (`""` for entries with a theme but no pack), then theme id.
    pub packs: Keyed<PackTally>,
    /// Entries without a theme.
    pub free: RowTally,
    /// Every entry counted.
    pub all: RowTally,
    /// The measures of every entry counted.
    pub whole: Measures,
    /// The measures of the recent window and of the one before.
    pub recent: Measures,
    pub previous: Measures,
    /// Level × depth of every rated entry.
    pub grid: Grid,
    /// Measures per month, keyed by the month's first day.
    pub months: BTreeMap<NaiveDate, Measures>,
    /// Measures per `--by` period, keyed by the period's first day.
    pub periods: BTreeMap<NaiveDate, Measures>,
    /// The earliest and latest day an entry is about.
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

impl Tally {
    pub fn new(windows: Windows, by: Option<Period>) -> Tally {
        Tally {
            windows,
            by,
            packs: Keyed::default(),
            free: RowTally::default(),
            all: RowTally::default(),
            whole: Measures::default(),
            recent: Measures::default(),
            previous: Measures::default(),
            grid: Grid::default(),
            months: BTreeMap::new(),
            periods: BTreeMap::new(),
            first: None,
            last: None,
        }
    }

    /// Counts one entry.
    pub fn add(&mut self, obs: &Observation) {
        self.all.add(obs);
        match obs.theme {
            None => self.free.add(obs),
            Some(theme) => {
                let pack = self.packs.get_or_insert(obs.pack.unwrap_or(""));
                pack.note_version((obs.date, obs.written), obs.pack_version);
                pack.themes.get_or_insert(theme).add(obs);
            }
        }
        self.whole.add(obs);
        if let Some(level) = obs.level() {
            self.grid.add(level, obs.depth);
        }
        self.months
            .entry(Period::Month.start_of(obs.date))
            .or_default()
            .add(obs);
        if let Some(by) = self.by {
            self.periods
                .entry(by.start_of(obs.date))
                .or_default()
                .add(obs);
        }
        if self.windows.recent.contains(obs.date) {
            self.recent.add(obs);
        } else if self.windows.previous.contains(obs.date) {
            self.previous.add(obs);
        }
        self.first = Some(self.first.map_or(obs.date, |d| d.min(obs.date)));
        self.last = Some(self.last.map_or(obs.date, |d| d.max(obs.date)));
    }

    /// Whether any entry of `pack_id` has a theme.
    /// Adds the tally of the entries that come after these (`other` counts them in
    /// the same windows and periods): the result is the tally of all of them in
    /// that order, so tallies made apart (on the threads that parse) combine.
    pub fn merge(&mut self, other: &Tally) {
        self.packs.merge(&other.packs, PackTally::merge);
        self.free.merge(&other.free);
        self.all.merge(&other.all);
        self.whole.merge(&other.whole);
        self.recent.merge(&other.recent);
        self.previous.merge(&other.previous);
        self.grid.merge(&other.grid);
        for (periods, theirs) in [
            (&mut self.months, &other.months),
            (&mut self.periods, &other.periods),
        ] {
            for (start, measures) in theirs {
                periods.entry(*start).or_default().merge(measures);
            }
        }
        self.first = self.first.into_iter().chain(other.first).min();
        self.last = self.last.into_iter().chain(other.last).max();
    }

    pub fn has_themed_entries(&self, pack_id: &str) -> bool {
        self.packs
            .get(pack_id)
            .is_some_and(|p| !p.themes.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{Depth, Origin};

    /// An observation on theme `theme` of the pack `ncsl` (a free entry without).
    fn obs(
        date: &str,
        written: &str,
        placement: Option<Placement>,
        theme: Option<&'static str>,
    ) -> Observation<'static> {
        Observation {
            date: date.parse().unwrap(),
            written: DateTime::parse_from_rfc3339(written).unwrap(),
            pack: theme.map(|_| "ncsl"),
            pack_version: Some("1.0.0"),
            theme,
            placement,
            depth: None,
            from: None,
        }
    }

    fn at(level: Level) -> Option<Placement> {
        Some(Placement::At(level))
    }

    fn sample() -> Vec<Observation<'static>> {
        use Level::*;
        let trust = Some("trust");
        vec![
            obs("2026-09-01", "2026-09-01T10:00:00+01:00", at(School), trust),
            obs("2026-10-01", "2026-10-01T10:00:00+01:00", at(School), trust),
            obs(
                "2026-10-20",
                "2026-10-20T10:00:00+01:00",
                at(Network),
                trust,
            ),
            obs("2026-11-01", "2026-11-01T10:00:00+01:00", at(School), trust),
            // Back-dated: written last, about an earlier day.
            obs("2026-10-02", "2026-11-22T10:00:00+01:00", at(System), trust),
            obs(
                "2026-11-20",
                "2026-11-20T10:00:00+01:00",
                at(Network),
                trust,
            ),
            // The most recent of the theme, but unrated: not in its last five.
            obs("2026-11-21", "2026-11-21T10:00:00+01:00", None, trust),
            obs(
                "2026-11-21",
                "2026-11-21T11:00:00+01:00",
                Some(Placement::Idea),
                trust,
            ),
            obs("2026-11-20", "2026-11-20T09:00:00+01:00", at(School), None),
        ]
    }

    fn tally(entries: &[Observation]) -> Tally {
        let mut tally = Tally::new(
            Windows::ending("2026-11-23".parse().unwrap(), 30),
            Some(Period::Week),
        );
        for e in entries {
            tally.add(e);
        }
        tally
    }

    fn trust(t: &Tally) -> &RowTally {
        t.packs.get("ncsl").unwrap().themes.get("trust").unwrap()
    }

    #[test]
    fn counts_and_the_last_five() {
        use Level::*;
        let t = tally(&sample());
        let trust = trust(&t);
        assert_eq!(
            (
                trust.counts.school,
                trust.counts.network,
                trust.counts.system
            ),
            (3, 2, 1)
        );
        assert_eq!((trust.idea, trust.unrated), (1, 1));
        // Last five rated, by day: 10-01, 10-02 (back-dated), 10-20, 11-01, 11-20.
        assert_eq!(trust.last(), [School, System, Network, School, Network]);
        assert_eq!(t.free.counts.total(), 1);
        assert_eq!(t.all.counts.total(), 7);
        assert_eq!(t.whole.entries(), 9);
        assert_eq!(t.months.len(), 3);
        assert_eq!(t.first, Some("2026-09-01".parse().unwrap()));
        // Recent window 2026-10-25..=2026-11-23; previous 2026-09-25..=2026-10-24.
        assert_eq!(
            (t.recent.rated(), t.recent.counts.reaching_network()),
            (3, 1)
        );
        assert_eq!((t.recent.unrated, t.recent.idea), (1, 1));
        assert_eq!(
            (t.previous.rated(), t.previous.counts.reaching_network()),
            (3, 2)
        );
        assert_eq!(t.grid.get(School, None), 4);
    }

    #[test]
    fn depth_and_transfer_reach_the_grid_and_windows() {
        let mut one = obs(
            "2026-11-20",
            "2026-11-20T10:00:00+01:00",
            at(Level::School),
            None,
        );
        one.depth = Some(Depth::Sharing);
        one.from = Some(Origin::Level(Level::Network));
        let t = tally(&[one]);
        assert_eq!(t.grid.get(Level::School, Some(Depth::Sharing)), 1);
        assert_eq!(t.recent.brought_in, 1);
        assert_eq!(t.periods.values().map(|m| m.transferred()).sum::<u64>(), 1);
    }

    #[test]
    fn the_order_of_entries_does_not_matter() {
        let mut entries = sample();
        let forwards = tally(&entries);
        entries.reverse();
        let backwards = tally(&entries);
        entries.swap(0, 3);
        entries.swap(1, 5);
        let shuffled = tally(&entries);
        for t in [&backwards, &shuffled] {
            let (a, b) = (trust(&forwards), trust(t));
            assert_eq!(a.counts, b.counts);
            assert_eq!(a.last(), b.last());
            assert_eq!(forwards.months, t.months);
            assert_eq!(forwards.periods, t.periods);
        }
    }

    use proptest::prelude::*;

    proptest! {
        /// Any order of the same entries gives the same counts and last levels.
        #[test]
        fn any_order_gives_the_same_tally(
            (entries, shuffled) in prop::collection::vec((0u64..40, 0u32..3, 0usize..5, 0usize..3), 0..30)
                .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle()))
        ) {
            let build = |items: &[(u64, u32, usize, usize)]| {
                let owned: Vec<(String, String, Option<Placement>, &'static str)> = items
                    .iter()
                    .map(|&(day, hour, placement, theme)| {
                        let date = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap() + Days::new(day);
                        let written = format!("{date}T{:02}:00:00+01:00", 8 + hour);
                        let placement = [at(Level::School), at(Level::Network), at(Level::System), Some(Placement::Idea), None][placement];
                        (date.to_string(), written, placement, ["a", "b", "c"][theme])
                    })
                    .collect();
                let entries: Vec<Observation> = owned
                    .iter()
                    .map(|(date, written, placement, theme)| obs(date, written, *placement, Some(theme)))
                    .collect();
                tally(&entries)
            };
            let (one, two) = (build(&entries), build(&shuffled));
            for theme in ["a", "b", "c"] {
                let get = |t: &Tally| t.packs.get("ncsl").and_then(|p| p.themes.get(theme)).map(|l| (l.counts, l.idea, l.unrated, l.last()));
                prop_assert_eq!(get(&one), get(&two));
            }
            prop_assert_eq!(one.all.last(), two.all.last());
            prop_assert_eq!(one.months, two.months);
            prop_assert_eq!(one.whole, two.whole);
        }

        /// Tallies of consecutive runs, merged in order, are the tally of all.
        #[test]
        fn merged_runs_give_the_same_tally(
            items in prop::collection::vec((0u64..40, 0u32..3, 0usize..5, 0usize..4, 0usize..3), 0..30),
            cuts in prop::collection::vec(0usize..30, 0..4),
        ) {
            type Item = (String, String, Option<Placement>, Option<&'static str>, Option<Depth>);
            let owned: Vec<Item> = items
                .iter()
                .map(|&(day, hour, placement, theme, depth)| {
                    let date = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap() + Days::new(day);
                    let written = format!("{date}T{:02}:00:00+01:00", 8 + hour);
                    let placement = [at(Level::School), at(Level::Network), at(Level::System), Some(Placement::Idea), None][placement];
                    let theme = [Some("a"), Some("b"), Some("zz"), None][theme];
                    (date.to_string(), written, placement, theme, [None, Some(Depth::Sharing), Some(Depth::CoConstructing)][depth])
                })
                .collect();
            let entries: Vec<Observation> = owned
                .iter()
                .map(|(date, written, placement, theme, depth)| {
                    let mut o = obs(date, written, *placement, *theme);
                    o.depth = *depth;
                    o
                })
                .collect();
            let whole = tally(&entries);
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(entries.len())).collect();
            cuts.sort_unstable();
            let mut merged = Tally::new(whole.windows, whole.by);
            let mut start = 0;
            for end in cuts.into_iter().chain([entries.len()]) {
                merged.merge(&tally(&entries[start..end.max(start)]));
                start = end.max(start);
            }
            let rows = |t: &Tally| -> Vec<(String, String, Counts, u64, u64, Vec<Level>)> {
                t.packs.iter().flat_map(|(pack, p)| {
                    p.themes.iter().map(move |(theme, r)| (pack.to_string(), theme.to_string(), r.counts, r.idea, r.unrated, r.last()))
                }).collect()
            };
            prop_assert_eq!(rows(&merged), rows(&whole));
            prop_assert_eq!(merged.free.last(), whole.free.last());
            prop_assert_eq!(merged.all.counts, whole.all.counts);
            prop_assert_eq!(merged.all.last(), whole.all.last());
            prop_assert_eq!(&merged.months, &whole.months);
            prop_assert_eq!(&merged.periods, &whole.periods);
            prop_assert_eq!(&merged.whole, &whole.whole);
            prop_assert_eq!(&merged.recent, &whole.recent);
            prop_assert_eq!(&merged.previous, &whole.previous);
            prop_assert_eq!((merged.first, merged.last), (whole.first, whole.last));
            prop_assert_eq!(merged.grid.cells().collect::<Vec<_>>(), whole.grid.cells().collect::<Vec<_>>());
            prop_assert_eq!(merged.packs.iter().map(|(k, p)| (k.to_string(), p.version().map(str::to_string))).collect::<Vec<_>>(),
                whole.packs.iter().map(|(k, p)| (k.to_string(), p.version().map(str::to_string))).collect::<Vec<_>>());
        }
    }

    #[test]
    fn windows_are_adjacent_and_equally_long() {
        let w = Windows::ending("2026-11-23".parse().unwrap(), 30);
        assert_eq!(w.recent.from, "2026-10-25".parse::<NaiveDate>().unwrap());
        assert_eq!(w.previous.to, "2026-10-24".parse::<NaiveDate>().unwrap());
        assert_eq!(w.previous.from, "2026-09-25".parse::<NaiveDate>().unwrap());
        let far = Windows::ending(NaiveDate::MIN, 30);
        assert_eq!(far.previous.from, NaiveDate::MIN);
    }
}
