//! How [`Measures`] read and write in a summary: counts, each measure as
//! `{"count", "of", "share"}`, transfers as `[{"from", "to", "count"}]`. A share is
//! null under `MIN_FOR_PERCENT` (10) entries, as on the table. Reading checks that
//! the numbers agree with each other (a summary may come from anyone).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::counts::Counts;
use super::measures::{Fraction, Measures};
use super::summary::{round_share, Transfer};

/// A measure: `count` of `of` entries, and the share when `of` is at least
/// `MIN_FOR_PERCENT`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct FractionDoc {
    count: u64,
    of: u64,
    share: Option<f64>,
}

impl From<Fraction> for FractionDoc {
    fn from(f: Fraction) -> FractionDoc {
        FractionDoc {
            count: f.count,
            of: f.of,
            share: f.share().map(round_share),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct CollaborativeDoc {
    #[serde(flatten)]
    fraction: FractionDoc,
    /// Rated entries without a depth.
    without_depth: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct MeasuresDoc {
    /// Every entry: rated, ideas and unrated.
    entries: u64,
    rated: u64,
    counts: Counts,
    idea: u64,
    unrated: u64,
    network_reach: FractionDoc,
    brought_into_school: FractionDoc,
    collaborative_reach: CollaborativeDoc,
    transfers: Vec<Transfer>,
}

impl From<&Measures> for MeasuresDoc {
    fn from(m: &Measures) -> MeasuresDoc {
        MeasuresDoc {
            entries: m.entries(),
            rated: m.rated(),
            counts: m.counts,
            idea: m.idea,
            unrated: m.unrated,
            network_reach: m.network_reach().into(),
            brought_into_school: m.brought_into_school().into(),
            collaborative_reach: CollaborativeDoc {
                fraction: m.collaborative_reach().into(),
                without_depth: m.without_depth(),
            },
            transfers: m
                .transfers
                .iter()
                .map(|(&(from, to), &count)| Transfer { from, to, count })
                .collect(),
        }
    }
}

impl TryFrom<MeasuresDoc> for Measures {
    type Error = String;

    fn try_from(doc: MeasuresDoc) -> Result<Measures, String> {
        let mut m = Measures {
            counts: doc.counts,
            idea: doc.idea,
            unrated: doc.unrated,
            brought_in: doc.brought_into_school.count,
            collaborative: doc.collaborative_reach.fraction.count,
            with_depth: doc.collaborative_reach.fraction.of,
            transfers: Default::default(),
        };
        for t in &doc.transfers {
            if m.transfers.insert((t.from, t.to), t.count).is_some() {
                return Err(crate::t!(
                    "summary-transfer-twice",
                    from = t.from.to_string(),
                    to = t.to.to_string()
                ));
            }
        }
        let wrong = |what: String| Err(crate::t!("summary-measures-not-adding-up", what = what));
        if !m.consistent() {
            return wrong(crate::t!("summary-what-counts"));
        }
        let again = MeasuresDoc::from(&m);
        if (again.entries, again.rated) != (doc.entries, doc.rated) {
            return wrong(crate::t!("summary-what-entries"));
        }
        for (name, read, derived) in [
            (
                crate::t!("summary-what-network-reach"),
                doc.network_reach,
                again.network_reach,
            ),
            (
                crate::t!("summary-what-brought-in"),
                doc.brought_into_school,
                again.brought_into_school,
            ),
            (
                crate::t!("summary-what-collaborative"),
                doc.collaborative_reach.fraction,
                again.collaborative_reach.fraction,
            ),
        ] {
            let share_agrees = match (read.share, derived.share) {
                (None, None) => true,
                (Some(a), Some(b)) => (a - b).abs() < 1e-3,
                _ => false,
            };
            if (read.count, read.of) != (derived.count, derived.of) || !share_agrees {
                return wrong(name);
            }
        }
        if doc.collaborative_reach.without_depth != again.collaborative_reach.without_depth {
            return wrong(crate::t!("summary-what-without-depth"));
        }
        Ok(m)
    }
}

impl Serialize for Measures {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        MeasuresDoc::from(self).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Measures {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Measures, D::Error> {
        let doc = MeasuresDoc::deserialize(deserializer)?;
        Measures::try_from(doc).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{Level, Origin};

    #[test]
    fn measures_round_trip_and_shares_follow_the_rule() {
        let mut m = Measures::default();
        m.counts.add(Level::School, 12);
        m.counts.add(Level::Network, 3);
        m.brought_in = 2;
        m.transfers.insert((Origin::Programme, Level::School), 2);
        m.with_depth = 4;
        m.collaborative = 1;
        m.unrated = 1;
        let json = serde_json::to_value(&m).unwrap();
        assert_eq!(json["entries"], 16);
        assert_eq!(json["network_reach"]["share"], 0.2);
        // Only 4 entries have a depth: no share.
        assert_eq!(
            json["collaborative_reach"]["share"],
            serde_json::Value::Null
        );
        assert_eq!(json["collaborative_reach"]["without_depth"], 11);
        assert_eq!(
            json["transfers"],
            serde_json::json!([{"from": "programme", "to": "school", "count": 2}])
        );
        let back: Measures = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, m);

        let mut lying = json;
        lying["network_reach"]["count"] = 9.into();
        let err = serde_json::from_value::<Measures>(lying).unwrap_err();
        assert!(err.to_string().contains("network reach"), "{err}");
    }
}
