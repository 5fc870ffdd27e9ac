//! Tags in use: how many entries carry each, the newest day one was used, and how
//! many entries per level. Pure, fed with entries by the caller.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::entry::Entry;

/// One tag's use across the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagUse {
    pub tag: String,
    pub entries: usize,
    /// The latest day an entry with this tag is about.
    pub newest: NaiveDate,
    /// Entries per level id (`school`, `network`, `system`).
    pub levels: BTreeMap<&'static str, usize>,
}

/// The level id an entry is counted under (`idea`, or `unrated` when none).
fn level_key(entry: &Entry) -> &'static str {
    entry.level.map_or("unrated", |level| level.as_str())
}

/// Tallies the tags of `entries`: most used first, then by name.
pub fn tally<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Vec<TagUse> {
    let mut uses: BTreeMap<&str, TagUse> = BTreeMap::new();
    for entry in entries {
        for tag in &entry.tags {
            let used = uses.entry(tag).or_insert_with(|| TagUse {
                tag: tag.clone(),
                entries: 0,
                newest: entry.date,
                levels: BTreeMap::new(),
            });
            used.entries += 1;
            used.newest = used.newest.max(entry.date);
            *used.levels.entry(level_key(entry)).or_default() += 1;
        }
    }
    let mut uses: Vec<TagUse> = uses.into_values().collect();
    uses.sort_by(|a, b| b.entries.cmp(&a.entries).then_with(|| a.tag.cmp(&b.tag)));
    uses
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{EntryId, Level};

    fn entry(date: &str, level: Level, tags: &[&str]) -> Entry {
        Entry {
            id: EntryId::parse("x").unwrap(),
            date: date.parse().unwrap(),
            written: "2026-11-23T09:00:00+01:00".parse().unwrap(),
            revised: None,
            level: Some(crate::entry::Placement::At(level)),
            depth: None,
            from: None,
            pack: None,
            pack_version: None,
            prompt: None,
            theme: None,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            text: "x".into(),
        }
    }

    #[test]
    fn tags_are_counted_with_newest_use_and_levels() {
        let entries = [
            entry("2026-11-01", Level::School, &["cohort", "data"]),
            entry("2026-11-20", Level::Network, &["cohort"]),
            entry("2026-10-01", Level::Network, &["cohort"]),
            entry("2026-09-01", Level::System, &["budget"]),
            entry("2026-09-02", Level::School, &[]),
        ];
        let uses = tally(&entries);
        let names: Vec<&str> = uses.iter().map(|u| u.tag.as_str()).collect();
        assert_eq!(names, ["cohort", "budget", "data"]);
        assert_eq!(uses[0].entries, 3);
        assert_eq!(uses[0].newest.to_string(), "2026-11-20");
        assert_eq!(uses[0].levels.get("network"), Some(&2));
        assert_eq!(uses[0].levels.get("school"), Some(&1));
        assert_eq!(uses[0].levels.get("system"), None);
    }
}
