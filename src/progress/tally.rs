//! The streaming tally: one pass over the entries, in any order, into counters.
//!
//! Memory is bounded by themes × periods, never by entries: per theme it keeps the
//! counts per level and the [`RECENT`] most recent entries' levels (for the stage);
//! per period (month, and the `--by` period) the counts per level. Nothing here
//! allocates per entry except the first time a pack, theme or period is met.
//!
//! The result does not depend on the order entries arrive in: counters commute, and
//! "most recent" is a total order (day, then moment written, then level), so the
//! [`RECENT`] kept are the same whatever the order.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Days, FixedOffset, NaiveDate};

use super::counts::Counts;
use super::period::Period;
use super::stage::{Stage, RECENT};
use crate::entry::{Entry, Level};

/// What "most recent" compares: the day an entry is about, then when it was
/// written, then (for exact ties) its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Moment {
    date: NaiveDate,
    written: DateTime<FixedOffset>,
    level: Level,
}

/// Counts per level of one row (a theme, the free entries, or all entries) and the
/// levels of its most recent entries.
#[derive(Debug, Clone, Default)]
pub struct LevelTally {
    pub counts: Counts,
    /// The [`RECENT`] greatest moments seen, in no particular order; the first `kept`
    /// slots are filled.
    recent: [Option<Moment>; RECENT],
    kept: usize,
    /// Once every slot is filled: the slot of the oldest moment kept, the one a more
    /// recent entry replaces. Read newest first, most entries are older and cost one
    /// comparison.
    oldest: usize,
}

impl LevelTally {
    fn add(&mut self, moment: Moment) {
        self.counts.add(moment.level, 1);
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

    /// Level of the most recent entry (by day, then moment written).
    pub fn latest(&self) -> Option<Level> {
        self.recent.iter().flatten().max().map(|m| m.level)
    }

    /// The stage, by the rule in [`super::stage`].
    pub fn stage(&self) -> Stage {
        let above_school = self.counts.network + self.counts.system > 0;
        Stage::decide(above_school, self.recent.iter().flatten().map(|m| m.level))
    }
}

/// Values by id, found with one hash per lookup; keys are allocated only when new.
/// [`Keyed::take`] moves a value out (the summary takes the themes it places, then
/// lists the rest).
#[derive(Debug, Clone)]
pub struct Keyed<V> {
    slots: HashMap<String, usize>,
    values: Vec<(String, Option<V>)>,
}

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Keyed {
            slots: HashMap::new(),
            values: Vec::new(),
        }
    }
}

impl<V: Default> Keyed<V> {
    fn get_or_insert(&mut self, key: &str) -> &mut V {
        let slot = match self.slots.get(key) {
            Some(&slot) => slot,
            None => {
                self.slots.insert(key.to_string(), self.values.len());
                self.values.push((key.to_string(), None));
                self.values.len() - 1
            }
        };
        self.values[slot].1.get_or_insert_with(V::default)
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

/// The themes of one pack id as found in the journal.
#[derive(Debug, Clone, Default)]
pub struct PackTally {
    /// The pack version stored with the most recent entry, if any.
    version: Option<(Moment, Option<String>)>,
    pub themes: Keyed<LevelTally>,
}

impl PackTally {
    pub fn version(&self) -> Option<&str> {
        self.version.as_ref().and_then(|(_, v)| v.as_deref())
    }

    fn note_version(&mut self, moment: Moment, version: Option<&str>) {
        if self.version.as_ref().is_none_or(|(seen, _)| moment > *seen) {
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
    pub free: LevelTally,
    /// Every entry counted.
    pub all: LevelTally,
    /// Counts per month, keyed by the month's first day.
    pub months: BTreeMap<NaiveDate, Counts>,
    /// Counts per `--by` period, keyed by the period's first day.
    pub periods: BTreeMap<NaiveDate, Counts>,
    pub recent: Counts,
    pub previous: Counts,
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
            free: LevelTally::default(),
            all: LevelTally::default(),
            months: BTreeMap::new(),
            periods: BTreeMap::new(),
            recent: Counts::default(),
            previous: Counts::default(),
            first: None,
            last: None,
        }
    }

    /// Counts one entry.
    pub fn add(&mut self, entry: &Entry) {
        let moment = Moment {
            date: entry.date,
            written: entry.written,
            level: entry.level,
        };
        self.all.add(moment);
        match entry.theme.as_deref() {
            None => self.free.add(moment),
            Some(theme) => {
                let pack = self
                    .packs
                    .get_or_insert(entry.pack.as_deref().unwrap_or(""));
                pack.note_version(moment, entry.pack_version.as_deref());
                pack.themes.get_or_insert(theme).add(moment);
            }
        }
        *self
            .months
            .entry(Period::Month.start_of(entry.date))
            .or_default() += entry.level;
        if let Some(by) = self.by {
            *self.periods.entry(by.start_of(entry.date)).or_default() += entry.level;
        }
        if self.windows.recent.contains(entry.date) {
            self.recent += entry.level;
        } else if self.windows.previous.contains(entry.date) {
            self.previous += entry.level;
        }
        self.first = Some(self.first.map_or(entry.date, |d| d.min(entry.date)));
        self.last = Some(self.last.map_or(entry.date, |d| d.max(entry.date)));
    }

    /// Whether any entry of `pack_id` has a theme.
    pub fn has_themed_entries(&self, pack_id: &str) -> bool {
        self.packs
            .get(pack_id)
            .is_some_and(|p| !p.themes.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::EntryId;

    fn entry(date: &str, written: &str, level: Level, theme: Option<&str>) -> Entry {
        Entry {
            id: EntryId::parse("abc").unwrap(),
            date: date.parse().unwrap(),
            written: DateTime::parse_from_rfc3339(written).unwrap(),
            revised: None,
            level,
            pack: theme.map(|_| "ncsl".to_string()),
            pack_version: Some("1.0.0".into()),
            prompt: None,
            theme: theme.map(str::to_string),
            tags: Vec::new(),
            text: "words".into(),
        }
    }

    fn sample() -> Vec<Entry> {
        use Level::*;
        vec![
            entry(
                "2026-09-01",
                "2026-09-01T10:00:00+01:00",
                School,
                Some("trust"),
            ),
            entry(
                "2026-10-01",
                "2026-10-01T10:00:00+01:00",
                School,
                Some("trust"),
            ),
            entry(
                "2026-10-20",
                "2026-10-20T10:00:00+01:00",
                Network,
                Some("trust"),
            ),
            entry(
                "2026-11-01",
                "2026-11-01T10:00:00+01:00",
                School,
                Some("trust"),
            ),
            // Back-dated: written last, about an earlier day.
            entry(
                "2026-10-02",
                "2026-11-22T10:00:00+01:00",
                System,
                Some("trust"),
            ),
            entry(
                "2026-11-20",
                "2026-11-20T10:00:00+01:00",
                Network,
                Some("trust"),
            ),
            entry("2026-11-20", "2026-11-20T09:00:00+01:00", School, None),
        ]
    }

    fn tally(entries: &[Entry]) -> Tally {
        let mut tally = Tally::new(
            Windows::ending("2026-11-23".parse().unwrap(), 30),
            Some(Period::Week),
        );
        for e in entries {
            tally.add(e);
        }
        tally
    }

    #[test]
    fn counts_latest_and_stage() {
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
        assert_eq!(trust.latest(), Some(Level::Network));
        // Last five by day: 10-01 school, 10-02 system, 10-20 network, 11-01 school, 11-20 network.
        assert_eq!(trust.stage(), Stage::Network);
        assert_eq!(t.free.counts.total(), 1);
        assert_eq!(t.all.counts.total(), 7);
        assert_eq!(t.months.len(), 3);
        assert_eq!(t.first, Some("2026-09-01".parse().unwrap()));
        // Recent window 2026-10-25..=2026-11-23; previous 2026-09-25..=2026-10-24.
        assert_eq!((t.recent.total(), t.recent.reaching_network()), (3, 1));
        assert_eq!((t.previous.total(), t.previous.reaching_network()), (3, 2));
    }

    fn trust(t: &Tally) -> &LevelTally {
        t.packs.get("ncsl").unwrap().themes.get("trust").unwrap()
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
            assert_eq!(a.latest(), b.latest());
            assert_eq!(a.stage(), b.stage());
            assert_eq!(forwards.months, t.months);
            assert_eq!(forwards.periods, t.periods);
        }
    }

    use proptest::prelude::*;

    proptest! {
        /// Any order of the same entries gives the same counts, latest levels and stages.
        #[test]
        fn any_order_gives_the_same_tally(
            (entries, shuffled) in prop::collection::vec((0u64..40, 0u32..3, 0usize..3, 0usize..3), 0..30)
                .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle()))
        ) {
            let build = |items: &[(u64, u32, usize, usize)]| {
                let entries: Vec<Entry> = items
                    .iter()
                    .map(|&(day, hour, level, theme)| {
                        let date = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap() + Days::new(day);
                        let written = format!("{date}T{:02}:00:00+01:00", 8 + hour);
                        let theme = ["a", "b", "c"][theme];
                        entry(&date.to_string(), &written, Level::ALL[level], Some(theme))
                    })
                    .collect();
                tally(&entries)
            };
            let (one, two) = (build(&entries), build(&shuffled));
            for theme in ["a", "b", "c"] {
                let get = |t: &Tally| t.packs.get("ncsl").and_then(|p| p.themes.get(theme)).map(|l| (l.counts, l.latest(), l.stage()));
                prop_assert_eq!(get(&one), get(&two));
            }
            prop_assert_eq!((one.all.latest(), one.all.stage()), (two.all.latest(), two.all.stage()));
            prop_assert_eq!(one.months, two.months);
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
