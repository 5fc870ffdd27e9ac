//! Which entries a command works on: `--since`, `--until`, `--theme`, `--prompt`,
//! `--level`, `--tag`, `--pack`, `--contains`, the same everywhere.

use chrono::NaiveDate;

use crate::entry::{normalize_tag, Entry, EntryRef, Facts, Placement};
use crate::text::Needle;

/// A resolved filter; the default matches every entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Theme ids; an entry matches any of them.
    pub themes: Vec<String>,
    /// Prompt ids; an entry matches any of them.
    pub prompts: Vec<String>,
    /// Levels; an entry matches any of them.
    pub levels: Vec<Placement>,
    /// Tags (normalized); an entry must carry all of them.
    pub tags: Vec<String>,
    /// Pack ids; an entry matches any of them.
    pub packs: Vec<String>,
    /// Text to search for: any case and accents, or exact.
    pub contains: Option<Needle>,
}

/// The criteria as given (dates and levels already resolved); [`Filter::new`]
/// checks and normalizes them. Every field defaults to "any".
#[derive(Debug, Clone, Default)]
pub struct Criteria {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Theme ids, bare or as `PACK/THEME`.
    pub themes: Vec<String>,
    /// Prompt ids, bare or as `PACK/PROMPT`.
    pub prompts: Vec<String>,
    pub levels: Vec<Placement>,
    /// Tags as typed (`#Trust`).
    pub tags: Vec<String>,
    pub packs: Vec<String>,
    /// Text to search for, in any case and with or without accents.
    pub contains: Option<String>,
    /// Search for `contains` byte for byte instead.
    pub exact: bool,
}

impl Filter {
    /// Builds a filter: refuses `since` after `until`, normalizes tags, strips pack
    /// prefixes from theme and prompt ids, folds the search text (unless exact).
    pub fn new(criteria: Criteria) -> Result<Filter, String> {
        let Criteria {
            since,
            until,
            themes,
            prompts,
            levels,
            tags,
            packs,
            contains,
            exact,
        } = criteria;
        if let (Some(since), Some(until)) = (since, until) {
            if since > until {
                return Err(crate::t!(
                    "error-since-after-until",
                    since = since.to_string(),
                    until = until.to_string()
                ));
            }
        }
        let tags = tags
            .iter()
            .map(|t| normalize_tag(t))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Filter {
            since,
            until,
            themes: themes.iter().map(|t| strip_pack(t)).collect(),
            prompts: prompts.iter().map(|p| strip_pack(p)).collect(),
            levels,
            tags,
            packs,
            contains: contains.as_deref().map(|text| Needle::new(text, exact)),
        })
    }

    /// Whether the filter matches every entry (no criterion given).
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn matches(&self, entry: &Entry) -> bool {
        self.matches_borrowed(&entry.borrowed())
    }

    pub fn matches_borrowed(&self, entry: &EntryRef) -> bool {
        self.matches_facts(&entry.facts)
            && self
                .contains
                .as_ref()
                .is_none_or(|needle| needle.found_in(entry.text))
    }

    /// Every entry matches: no criterion was given (the default filter).
    pub fn takes_everything(&self) -> bool {
        *self == Filter::default()
    }

    /// Whether an entry with these facts matches, its words aside: the whole test
    /// when there is no `--contains`.
    pub fn matches_facts(&self, facts: &Facts) -> bool {
        self.since.is_none_or(|since| facts.date >= since)
            && self.until.is_none_or(|until| facts.date <= until)
            && (self.levels.is_empty() || facts.level.is_some_and(|l| self.levels.contains(&l)))
            && any_of(&self.themes, facts.theme)
            && any_of(&self.prompts, facts.prompt)
            && any_of(&self.packs, facts.pack)
            && self.tags.iter().all(|tag| facts.tags.contains(tag))
    }
}

/// `PACK/ID` → `ID`: entries store pack and theme/prompt ids separately.
fn strip_pack(id: &str) -> String {
    id.rsplit_once('/').map_or(id, |(_, id)| id).to_string()
}

fn any_of(wanted: &[String], value: Option<&str>) -> bool {
    wanted.is_empty() || value.is_some_and(|v| wanted.iter().any(|w| w == v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{EntryId, Level};
    use chrono::DateTime;

    fn entry(date: &str, level: Level, tags: &[&str], text: &str) -> Entry {
        Entry {
            id: EntryId::parse("abc").unwrap(),
            date: date.parse().unwrap(),
            written: DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap(),
            revised: None,
            level: Some(Placement::At(level)),
            depth: None,
            from: None,
            pack: Some("ncsl".into()),
            pack_version: None,
            prompt: Some("trust-1".into()),
            theme: Some("trust".into()),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            text: text.into(),
        }
    }

    #[test]
    fn every_criterion_must_hold() {
        let e = entry(
            "2026-11-20",
            Level::Network,
            &["cohort", "trust"],
            "Visited Ñuñoa",
        );
        let day = |s: &str| Some(s.parse().unwrap());
        let filter = |f: Filter| f.matches(&e);
        assert!(filter(Filter::default()));
        assert!(filter(Filter {
            since: day("2026-11-20"),
            until: day("2026-11-20"),
            ..Filter::default()
        }));
        assert!(!filter(Filter {
            since: day("2026-11-21"),
            ..Filter::default()
        }));
        assert!(filter(Filter {
            levels: vec![Placement::At(Level::School), Placement::At(Level::Network)],
            ..Filter::default()
        }));
        assert!(!filter(Filter {
            levels: vec![Placement::At(Level::System)],
            ..Filter::default()
        }));
        assert!(filter(
            Filter::new(Criteria {
                themes: vec!["ncsl/trust".into()],
                tags: vec!["#Trust".into()],
                contains: Some("ÑUÑOA".into()),
                ..Criteria::default()
            })
            .unwrap()
        ));
        assert!(!filter(
            Filter::new(Criteria {
                tags: vec!["trust".into(), "other".into()],
                ..Criteria::default()
            })
            .unwrap()
        ));
        assert!(!filter(Filter {
            packs: vec!["redes".into()],
            ..Filter::default()
        }));
    }

    #[test]
    fn since_after_until_is_refused() {
        let day = |s: &str| Some(s.parse().unwrap());
        assert!(Filter::new(Criteria {
            since: day("2026-11-21"),
            until: day("2026-11-20"),
            ..Criteria::default()
        })
        .is_err());
    }
}
