//! Groups of a cohort and the privacy rule, and measures per participant.
//!
//! - **Groups**: participants are grouped by the `group` of their summary (exact
//!   name, trimmed). When no summary names a group there are no groups: the cohort
//!   is one whole. Otherwise participants without a group form one more group,
//!   "no group".
//! - **Privacy**: a group with fewer than `min_group` participants (3 at least) is
//!   not shown, and its participants are left out of the whole cohort too, so no
//!   one can subtract the groups shown from the total to see them. How many were
//!   left out (participants and groups) is said; their names are not.
//! - **Per participant** ([`Spread`]): every measure is computed for each
//!   participant, then summarised across participants by the median, with the
//!   pooled counts beside it, so one prolific writer does not dominate. A share
//!   counts for a participant with at least one entry in its denominator.

use serde::{Deserialize, Serialize};

use super::measures::{Fraction, Measures};
use super::summary::Summary;

/// The smallest group shown (`--min-group` can only raise it).
pub const MIN_GROUP: u64 = 3;

/// A measure summarised across participants.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Median {
    /// The median of the participants' values (a share from 0 to 1, or a count);
    /// null when no participant has a value.
    pub median: Option<f64>,
    /// Participants with a value (for a share: with entries to count it over).
    pub participants: u64,
}

impl Median {
    fn of(mut values: Vec<f64>) -> Median {
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let median = match n {
            0 => None,
            _ if n % 2 == 1 => Some(values[n / 2]),
            _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
        };
        Median {
            median: median.map(|m| (m * 10_000.0).round() / 10_000.0),
            participants: n as u64,
        }
    }
}

/// Each measure's median across participants.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Medians {
    pub rated: Median,
    pub idea: Median,
    pub unrated: Median,
    pub network_reach: Median,
    pub brought_into_school: Median,
    pub collaborative_reach: Median,
    pub without_depth: Median,
    pub transfers: Median,
}

/// The measures of a set of participants: pooled (summed) and per participant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    pub participants: u64,
    /// Every participant's whole-period measures, summed (`None` on overflow is
    /// caught before: the cohort refuses sums it cannot count).
    pub pooled: Measures,
    pub median: Medians,
}

impl Spread {
    /// The spread of `summaries`' whole-period measures; `None` if a sum overflows.
    pub fn of<'a>(summaries: impl IntoIterator<Item = &'a Summary>) -> Option<Spread> {
        let all: Vec<&Measures> = summaries.into_iter().map(|s| &s.measures.whole).collect();
        let mut pooled = Measures::default();
        for m in &all {
            pooled.checked_merge(m)?;
        }
        let count = |f: fn(&Measures) -> u64| Median::of(all.iter().map(|m| f(m) as f64).collect());
        let share = |f: fn(&Measures) -> Fraction| {
            Median::of(
                all.iter()
                    .map(|m| f(m))
                    .filter(|f| f.of > 0)
                    .map(|f| f.count as f64 / f.of as f64)
                    .collect(),
            )
        };
        Some(Spread {
            participants: all.len() as u64,
            median: Medians {
                rated: count(Measures::rated),
                idea: count(|m| m.idea),
                unrated: count(|m| m.unrated),
                network_reach: share(Measures::network_reach),
                brought_into_school: share(Measures::brought_into_school),
                collaborative_reach: share(Measures::collaborative_reach),
                without_depth: count(Measures::without_depth),
                transfers: count(Measures::transferred),
            },
            pooled,
        })
    }
}

/// A group as the cohort shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CohortGroup {
    /// The group's name as the summaries give it (untrusted text); null for the
    /// participants who named none.
    pub name: Option<String>,
    #[serde(flatten)]
    pub spread: Spread,
}

/// What the privacy rule kept out of every table and total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LeftOut {
    pub participants: u64,
    pub groups: u64,
}

/// Summaries split by group, after the privacy rule.
#[derive(Debug, Default)]
pub struct Partition {
    /// The summaries of the participants shown, in the order given.
    pub kept: Vec<Summary>,
    /// The groups shown, sorted by name ("no group" last), each with the indexes
    /// of its summaries in `kept`. Empty when no summary names a group.
    pub groups: Vec<(Option<String>, Vec<usize>)>,
    pub left_out: LeftOut,
}

/// Groups `summaries` and applies the privacy rule with `min_group` (at least
/// [`MIN_GROUP`]).
pub fn partition(summaries: Vec<Summary>, min_group: u64) -> Partition {
    let min_group = min_group.max(MIN_GROUP);
    if summaries.iter().all(|s| s.group.is_none()) {
        return Partition {
            kept: summaries,
            ..Partition::default()
        };
    }
    let name = |s: &Summary| s.group.as_deref().map(|g| g.trim().to_string());
    let mut names: Vec<Option<String>> = summaries.iter().map(name).collect();
    names.sort_by(|a, b| match (a, b) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (Some(_), None) => std::cmp::Ordering::Less,
        (Some(a), Some(b)) => a.cmp(b),
    });
    names.dedup();
    let size = |group: &Option<String>| summaries.iter().filter(|s| &name(s) == group).count();
    let (shown, hidden): (Vec<_>, Vec<_>) = names
        .into_iter()
        .partition(|group| size(group) as u64 >= min_group);
    let mut partition = Partition {
        left_out: LeftOut {
            participants: hidden.iter().map(|g| size(g) as u64).sum(),
            groups: hidden.len() as u64,
        },
        groups: shown.into_iter().map(|g| (g, Vec::new())).collect(),
        kept: Vec::new(),
    };
    for summary in summaries {
        let group = name(&summary);
        if let Some(slot) = partition.groups.iter_mut().find(|(g, _)| *g == group) {
            slot.1.push(partition.kept.len());
            partition.kept.push(summary);
        }
    }
    partition
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(Median::of(vec![]).median, None);
        assert_eq!(Median::of(vec![0.9, 0.1, 0.5]).median, Some(0.5));
        assert_eq!(Median::of(vec![1.0, 0.0, 0.5, 0.25]).median, Some(0.375));
        assert_eq!(Median::of(vec![1.0, 0.0]).participants, 2);
    }
}
