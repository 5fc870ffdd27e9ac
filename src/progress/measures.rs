//! The measures of practice: pure counting over [`Observation`]s, no rendering.
//!
//! What counts where (documented for users in `docs/progress.md` and by
//! `reflect progress --explain`):
//!
//! - an entry is **rated** when the leader placed it on the ladder; **idea** entries
//!   (a plan, not practice yet) and **unrated** ones are counted apart and enter no
//!   measure;
//! - **network reach**: rated entries at network level or above, of rated entries;
//! - **brought into the school**: school-level entries whose practice carried
//!   learning from the network, the system or the programme, of school-level entries;
//! - **collaborative reach**: entries at network level or above whose joint work went
//!   to `sharing` or deeper, of rated entries that have a depth (and how many have none);
//! - **transfers**: rated entries that record where their learning came from, by
//!   direction (from → level).
//!
//! A share is only given over at least [`MIN_FOR_PERCENT`] entries: below that a
//! percentage moves by ten points with one entry, so only "k of n" is shown.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::counts::Counts;
use crate::entry::{Depth, Entry, Facts, Level, Origin, Placement};

/// The fewest entries a percentage (and a change between windows) is given over.
pub const MIN_FOR_PERCENT: u64 = 10;

/// What the measures need to know of one entry. Built from an [`Entry`] in one place
/// ([`Observation::of`]), so the measures do not depend on how entries are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Observation<'a> {
    /// The day the entry is about.
    pub date: NaiveDate,
    /// When it was first written.
    pub written: DateTime<FixedOffset>,
    pub pack: Option<&'a str>,
    pub pack_version: Option<&'a str>,
    pub theme: Option<&'a str>,
    /// `None`: unrated.
    pub placement: Option<Placement>,
    pub depth: Option<Depth>,
    pub from: Option<Origin>,
}

impl<'a> Observation<'a> {
    pub fn of(entry: &'a Entry) -> Observation<'a> {
        Self::of_facts(&entry.facts())
    }

    pub fn of_facts(facts: &Facts<'a>) -> Observation<'a> {
        Observation {
            date: facts.date,
            written: facts.written,
            pack: facts.pack,
            pack_version: facts.pack_version,
            theme: facts.theme,
            placement: facts.level,
            depth: facts.depth,
            from: facts.from,
        }
    }

    /// The level, when the entry is rated practice.
    pub fn level(&self) -> Option<Level> {
        self.placement.and_then(Placement::level)
    }
}

/// `count` of `of` entries, and the share when `of` is large enough to give one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fraction {
    pub count: u64,
    pub of: u64,
}

impl Fraction {
    pub fn new(count: u64, of: u64) -> Fraction {
        Fraction { count, of }
    }

    /// `count / of`, only over at least [`MIN_FOR_PERCENT`] entries.
    pub fn share(&self) -> Option<f64> {
        (self.of >= MIN_FOR_PERCENT).then(|| self.count as f64 / self.of as f64)
    }

    /// The change from `before` to `self` in percentage points, when both give a share.
    pub fn change_points(&self, before: &Fraction) -> Option<f64> {
        Some((self.share()? - before.share()?) * 100.0)
    }
}

/// A direction of transfer: learning from `from` brought into practice at `to`.
pub type Direction = (Origin, Level);

/// Entries per level × depth of joint work (`None`: no depth given).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Grid {
    /// `cells[level rank][depth rank]`, the last column for "no depth".
    cells: [[u64; 5]; 3],
}

impl Grid {
    pub fn add(&mut self, level: Level, depth: Option<Depth>) {
        self.cells[level.rank()][depth.map_or(4, Depth::rank)] += 1;
    }

    pub fn set(&mut self, level: Level, depth: Option<Depth>, count: u64) {
        self.cells[level.rank()][depth.map_or(4, Depth::rank)] = count;
    }

    /// Adds the cells of another grid.
    pub fn merge(&mut self, other: &Grid) {
        for (row, theirs) in self.cells.iter_mut().zip(&other.cells) {
            for (cell, their) in row.iter_mut().zip(theirs) {
                *cell += their;
            }
        }
    }

    pub fn get(&self, level: Level, depth: Option<Depth>) -> u64 {
        self.cells[level.rank()][depth.map_or(4, Depth::rank)]
    }

    /// Every cell, levels bottom first, depths shallowest first then "none".
    pub fn cells(&self) -> impl Iterator<Item = (Level, Option<Depth>, u64)> + '_ {
        Level::ALL.into_iter().flat_map(move |level| {
            Depth::ALL
                .into_iter()
                .map(Some)
                .chain([None])
                .map(move |depth| (level, depth, self.get(level, depth)))
        })
    }
}

/// Every measure of a set of entries (a period, a window, or all of them). Adding
/// is commutative, so the order entries arrive in does not matter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Measures {
    /// Rated entries per level.
    pub counts: Counts,
    pub idea: u64,
    pub unrated: u64,
    /// School-level entries carrying learning from network, system or programme.
    pub brought_in: u64,
    /// Entries at network or above, at depth `sharing` or deeper.
    pub collaborative: u64,
    /// Rated entries that have a depth.
    pub with_depth: u64,
    /// Rated entries with a `from`, by direction.
    pub transfers: BTreeMap<Direction, u64>,
}

impl Measures {
    /// Adds the measures of other entries (as if each had been added here).
    pub fn merge(&mut self, other: &Measures) {
        for level in Level::ALL {
            self.counts.add(level, other.counts[level]);
        }
        self.idea += other.idea;
        self.unrated += other.unrated;
        self.brought_in += other.brought_in;
        self.collaborative += other.collaborative;
        self.with_depth += other.with_depth;
        for (direction, n) in &other.transfers {
            *self.transfers.entry(*direction).or_default() += n;
        }
    }

    pub fn add(&mut self, obs: &Observation) {
        let level = match obs.placement {
            None => {
                self.unrated += 1;
                return;
            }
            Some(Placement::Idea) => {
                self.idea += 1;
                return;
            }
            Some(Placement::At(level)) => level,
        };
        self.counts += level;
        if obs.depth.is_some() {
            self.with_depth += 1;
            if level.reaches_network() && obs.depth >= Some(Depth::Sharing) {
                self.collaborative += 1;
            }
        }
        if let Some(from) = obs.from {
            *self.transfers.entry((from, level)).or_default() += 1;
            if level == Level::School && from != Origin::Level(Level::School) {
                self.brought_in += 1;
            }
        }
    }

    /// Entries placed on the ladder.
    pub fn rated(&self) -> u64 {
        self.counts.total()
    }

    /// Every entry counted: rated, ideas and unrated.
    pub fn entries(&self) -> u64 {
        self.rated() + self.idea + self.unrated
    }

    /// Rated entries at network level or above, of rated entries.
    pub fn network_reach(&self) -> Fraction {
        Fraction::new(self.counts.reaching_network(), self.rated())
    }

    /// School-level entries carrying learning from elsewhere, of school-level entries.
    pub fn brought_into_school(&self) -> Fraction {
        Fraction::new(self.brought_in, self.counts.school)
    }

    /// Network-or-above entries at `sharing` or deeper, of rated entries with a depth.
    pub fn collaborative_reach(&self) -> Fraction {
        Fraction::new(self.collaborative, self.with_depth)
    }

    /// Rated entries without a depth.
    pub fn without_depth(&self) -> u64 {
        self.rated() - self.with_depth
    }

    /// Entries recording a transfer, every direction together.
    pub fn transferred(&self) -> u64 {
        self.transfers.values().sum()
    }

    /// Adds another set's counts; `None` if a sum overflows (only counts read from
    /// a file can be that large).
    pub fn checked_merge(&mut self, other: &Measures) -> Option<()> {
        self.counts = self.counts.checked_sum(&other.counts)?;
        self.idea = self.idea.checked_add(other.idea)?;
        self.unrated = self.unrated.checked_add(other.unrated)?;
        self.brought_in = self.brought_in.checked_add(other.brought_in)?;
        self.collaborative = self.collaborative.checked_add(other.collaborative)?;
        self.with_depth = self.with_depth.checked_add(other.with_depth)?;
        for (direction, n) in &other.transfers {
            let slot = self.transfers.entry(*direction).or_default();
            *slot = slot.checked_add(*n)?;
        }
        Some(())
    }

    /// Whether the counts are consistent with each other (for summaries read from a
    /// file): every part within its whole, and no total past `u64`.
    pub fn consistent(&self) -> bool {
        let Some(rated) = self.counts.checked_total() else {
            return false;
        };
        let mut into = Counts::default();
        let mut brought_in = Some(0u64);
        for (&(from, to), &n) in &self.transfers {
            let Some(sum) = into[to].checked_add(n) else {
                return false;
            };
            into.add(to, sum - into[to]);
            if to == Level::School && from != Origin::Level(Level::School) {
                brought_in = brought_in.and_then(|b| b.checked_add(n));
            }
        }
        Level::ALL.into_iter().all(|l| into[l] <= self.counts[l])
            && brought_in == Some(self.brought_in)
            && self.with_depth <= rated
            && self.collaborative <= self.with_depth
            && self.collaborative <= self.counts.reaching_network()
            && rated
                .checked_add(self.idea)
                .and_then(|n| n.checked_add(self.unrated))
                .is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Level::*;

    fn obs(
        placement: Option<Placement>,
        depth: Option<Depth>,
        from: Option<Origin>,
    ) -> Observation<'static> {
        Observation {
            date: "2026-11-01".parse().unwrap(),
            written: DateTime::parse_from_rfc3339("2026-11-01T10:00:00+01:00").unwrap(),
            pack: None,
            pack_version: None,
            theme: None,
            placement,
            depth,
            from,
        }
    }

    fn at(level: Level) -> Option<Placement> {
        Some(Placement::At(level))
    }

    fn measure(items: &[Observation]) -> Measures {
        let mut m = Measures::default();
        for o in items {
            m.add(o);
        }
        m
    }

    #[test]
    fn unrated_and_ideas_are_counted_apart() {
        let m = measure(&[
            obs(None, None, None),
            obs(
                Some(Placement::Idea),
                Some(Depth::CoConstructing),
                Some(Origin::Programme),
            ),
            obs(at(Network), None, None),
            obs(at(School), None, None),
        ]);
        assert_eq!((m.unrated, m.idea, m.rated(), m.entries()), (1, 1, 2, 4));
        assert_eq!(m.network_reach(), Fraction::new(1, 2));
        // The idea's depth and origin count nowhere.
        assert_eq!((m.with_depth, m.collaborative, m.transferred()), (0, 0, 0));
    }

    #[test]
    fn learning_brought_into_the_school() {
        let m = measure(&[
            obs(at(School), None, Some(Origin::Level(Network))),
            obs(at(School), None, Some(Origin::Programme)),
            obs(at(School), None, Some(Origin::Level(System))),
            obs(at(School), None, None),
            // Into the network: a transfer, but not into the school.
            obs(at(Network), None, Some(Origin::Level(School))),
        ]);
        assert_eq!(m.brought_into_school(), Fraction::new(3, 4));
        assert_eq!(m.transfers.get(&(Origin::Level(School), Network)), Some(&1));
        assert_eq!(m.transfers.get(&(Origin::Programme, School)), Some(&1));
        assert_eq!(m.transferred(), 4);
        assert!(m.consistent());
    }

    #[test]
    fn collaborative_reach_is_over_entries_with_a_depth() {
        let m = measure(&[
            obs(at(Network), Some(Depth::Sharing), None),
            obs(at(System), Some(Depth::CoConstructing), None),
            // Deep, but inside the school: not collaborative reach.
            obs(at(School), Some(Depth::CoConstructing), None),
            obs(at(Network), Some(Depth::Coordinating), None),
            obs(at(Network), None, None),
            obs(at(School), None, None),
        ]);
        assert_eq!(m.collaborative_reach(), Fraction::new(2, 4));
        assert_eq!(m.without_depth(), 2);
    }

    #[test]
    fn shares_need_ten_entries() {
        assert_eq!(Fraction::new(3, 9).share(), None);
        assert_eq!(Fraction::new(5, 10).share(), Some(0.5));
        assert_eq!(Fraction::new(0, 0).share(), None);
        let (now, before) = (Fraction::new(6, 10), Fraction::new(4, 10));
        assert!((now.change_points(&before).unwrap() - 20.0).abs() < 1e-9);
        assert_eq!(now.change_points(&Fraction::new(1, 9)), None);
    }

    #[test]
    fn the_grid_counts_levels_by_depth() {
        let mut grid = Grid::default();
        grid.add(Network, Some(Depth::Sharing));
        grid.add(Network, Some(Depth::Sharing));
        grid.add(School, None);
        assert_eq!(grid.get(Network, Some(Depth::Sharing)), 2);
        assert_eq!(grid.get(School, None), 1);
        assert_eq!(grid.cells().count(), 15);
        assert_eq!(grid.cells().map(|c| c.2).sum::<u64>(), 3);
    }

    #[test]
    fn merging_adds_and_refuses_overflow() {
        let mut a = measure(&[obs(
            at(School),
            Some(Depth::Informing),
            Some(Origin::Programme),
        )]);
        let b = a.clone();
        a.checked_merge(&b).unwrap();
        assert_eq!((a.rated(), a.brought_in, a.with_depth), (2, 2, 2));
        a.idea = 1;
        let mut huge = a.clone();
        huge.idea = u64::MAX;
        assert_eq!(a.checked_merge(&huge), None);
    }
}
