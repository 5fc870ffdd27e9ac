//! Entries per level of the ladder: the counter every tally, summary row, period
//! and cohort row is made of.

use std::ops::{AddAssign, Index};

use serde::{Deserialize, Serialize};

use crate::entry::Level;

/// Entries per level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub school: u64,
    pub network: u64,
    pub system: u64,
}

impl Counts {
    pub fn add(&mut self, level: Level, n: u64) {
        match level {
            Level::School => self.school += n,
            Level::Network => self.network += n,
            Level::System => self.system += n,
        }
    }

    pub fn total(&self) -> u64 {
        self.school + self.network + self.system
    }

    /// The total, or `None` if it does not fit a `u64` (only counts read from a
    /// file can be that large).
    pub fn checked_total(&self) -> Option<u64> {
        self.school
            .checked_add(self.network)?
            .checked_add(self.system)
    }

    /// The sum per level, and `None` if any sum or the total does not fit a `u64`.
    pub fn checked_sum(&self, other: &Counts) -> Option<Counts> {
        let sum = Counts {
            school: self.school.checked_add(other.school)?,
            network: self.network.checked_add(other.network)?,
            system: self.system.checked_add(other.system)?,
        };
        sum.checked_total().map(|_| sum)
    }

    /// Entries at `level` or above.
    pub fn at_or_above(&self, level: Level) -> u64 {
        Level::ALL
            .into_iter()
            .filter(|l| *l >= level)
            .map(|l| self[l])
            .sum()
    }

    /// Entries at network level or above: the numerator of network reach.
    pub fn reaching_network(&self) -> u64 {
        self.at_or_above(Level::Network)
    }
}

impl Index<Level> for Counts {
    type Output = u64;

    fn index(&self, level: Level) -> &u64 {
        match level {
            Level::School => &self.school,
            Level::Network => &self.network,
            Level::System => &self.system,
        }
    }
}

impl AddAssign<Level> for Counts {
    fn add_assign(&mut self, level: Level) {
        self.add(level, 1);
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        for level in Level::ALL {
            self.add(level, other[level]);
        }
    }
}
