//! The sections of a document grouped by theme or level: which section each entry
//! belongs to, their order and titles, and the one read of their entries.

use std::io::{self, Write};
use std::sync::Arc;

use anyhow::Result;
use rustc_hash::FxHashMap;

use super::{canonical_label, write_entry, Grouping, Options, Tally, Words};
use crate::entry::{Facts, Level, Placement};
use crate::journal::{Journal, Span};
use crate::neutral::markdown::write_inline;
use crate::pack::PackSet;
use crate::t;

/// Writes the sections of a document grouped by theme or level, counting their
/// entries into `tally`.
///
/// One scan notes where each group's entries are (8 bytes an entry), then the
/// groups are read back by position from the same snapshot, in one read of every
/// section's entries. Both the scan's filter and the writing happen on the threads
/// that parse.
pub(super) fn write<W: Write + ?Sized>(
    out: &mut W,
    journal: &Journal,
    options: &Options,
    tally: &mut Tally,
) -> Result<()> {
    let reading = journal.reading()?;
    let entries = reading.by_date()?;
    let keep = Arc::new(options.filter.clone());
    let known = Arc::new(Known::of(options.packs, options.group_by));
    let keys = known.clone();
    let mut entries = if options.filter.contains.is_none() {
        // The groups need no words: each entry's facts, read in place.
        entries.filter_map_facts(move |facts| keep.matches_facts(facts).then(|| keys.key(facts)))
    } else {
        entries.filter_map(move |entry| keep.matches(&entry).then(|| keys.key(&entry.facts())))
    };
    let mut spans: FxHashMap<Key, Vec<Span>> = FxHashMap::default();
    while let Some((span, key)) = entries.next_spanned()? {
        spans.entry(key).or_default().push(span);
    }
    // Its index is no longer needed: freed before the spans are gathered.
    drop(entries);
    let mut groups: Vec<(Group, Key)> = spans
        .keys()
        .map(|key| (known.group(key), key.clone()))
        .collect();
    groups = sections(groups, options.packs);
    // Every section's entries in document order, read as one (each section's spans
    // freed once read).
    let mut lists = Vec::with_capacity(groups.len());
    let mut section_of = FxHashMap::default();
    for (section, (_, key)) in groups.iter().enumerate() {
        lists.push(spans.remove(key).unwrap_or_default());
        section_of.insert(key.clone(), section);
    }
    let words = Arc::new(Words::of(options.packs));
    let runs = reading
        .at(lists)
        .fold_borrowed(Vec::new, move |parts, entry| {
            let section = section_of[&known.key(&entry.facts)];
            if parts
                .last()
                .is_none_or(|part: &Part| part.section != section)
            {
                parts.push(Part::new(section));
            }
            let part = parts.last_mut().expect("a part for the section");
            part.tally.add(entry.facts.date);
            write_entry(&mut part.bytes, entry, &words).expect("writing to memory cannot fail");
        });
    let mut written = None;
    for run in runs {
        for part in run? {
            if written != Some(part.section) {
                write_section_title(out, &groups[part.section].0, options.packs)?;
                written = Some(part.section);
            }
            out.write_all(&part.bytes)?;
            tally.merge(&part.tally);
        }
    }
    Ok(())
}

/// A section of a document grouped by theme or level.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Group {
    /// Entries on one theme of one pack; `theme: None` holds the free entries.
    Theme {
        pack: Option<String>,
        theme: Option<String>,
    },
    /// Entries at one placement; `None` holds the unrated ones.
    Level(Option<Placement>),
}

impl Group {
    fn of(facts: &Facts, group_by: Grouping) -> Option<Group> {
        match group_by {
            Grouping::Day => None,
            Grouping::Theme => Some(Group::Theme {
                pack: facts.theme.and(facts.pack).map(str::to_string),
                theme: facts.theme.map(str::to_string),
            }),
            Grouping::Level => Some(Group::Level(facts.level)),
        }
    }
}

/// An entry's group as the threads that parse name it: a theme of the loaded packs
/// (or the free entries) by number, without allocating; any other group whole.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Known(usize),
    Other(Group),
}

/// The groups named by number (by theme only): the free entries, then the themes of
/// the loaded packs.
struct Known {
    group_by: Grouping,
    /// Pack id → theme id → number.
    themes: FxHashMap<String, FxHashMap<String, usize>>,
    groups: Vec<Group>,
}

impl Known {
    fn of(packs: &PackSet, group_by: Grouping) -> Known {
        let mut known = Known {
            group_by,
            themes: FxHashMap::default(),
            groups: Vec::new(),
        };
        if group_by == Grouping::Theme {
            known.groups.push(Group::Theme {
                pack: None,
                theme: None,
            });
            for pack in packs.iter() {
                for theme in &pack.themes {
                    let by_theme = known.themes.entry(pack.id.clone()).or_default();
                    if !by_theme.contains_key(&theme.id) {
                        by_theme.insert(theme.id.clone(), known.groups.len());
                        known.groups.push(Group::Theme {
                            pack: Some(pack.id.clone()),
                            theme: Some(theme.id.clone()),
                        });
                    }
                }
            }
        }
        known
    }

    fn key(&self, facts: &Facts) -> Key {
        if self.group_by == Grouping::Theme {
            let number = match (facts.pack, facts.theme) {
                (_, None) => Some(0),
                (Some(pack), Some(theme)) => {
                    self.themes.get(pack).and_then(|t| t.get(theme)).copied()
                }
                (None, Some(_)) => None,
            };
            if let Some(number) = number {
                return Key::Known(number);
            }
        }
        Key::Other(Group::of(facts, self.group_by).expect("grouped by theme or level"))
    }

    fn group(&self, key: &Key) -> Group {
        match key {
            Key::Known(number) => self.groups[*number].clone(),
            Key::Other(group) => group.clone(),
        }
    }
}

/// Consecutive entries of one section, written on a thread that parses.
struct Part {
    section: usize,
    tally: Tally,
    bytes: Vec<u8>,
}

impl Part {
    fn new(section: usize) -> Part {
        Part {
            section,
            tally: Tally::default(),
            bytes: Vec::with_capacity(super::RUN_BYTES),
        }
    }
}

/// The non-empty groups in document order: levels up the ladder; themes in the
/// order of the loaded packs, then themes no loaded pack knows, then free entries.
fn sections<T>(mut groups: Vec<(Group, T)>, packs: &PackSet) -> Vec<(Group, T)> {
    let rank = |group: &Group| -> (usize, usize) {
        match group {
            // Up the ladder, then ideas, then the unrated entries.
            Group::Level(Some(Placement::At(level))) => (0, level.rank()),
            Group::Level(Some(Placement::Idea)) => (0, Level::ALL.len()),
            Group::Level(None) => (0, Level::ALL.len() + 1),
            Group::Theme { theme: None, .. } => (usize::MAX, 0),
            Group::Theme { pack, theme } => packs
                .iter()
                .enumerate()
                .filter(|(_, p)| Some(&p.id) == pack.as_ref())
                .find_map(|(p, known)| {
                    let t = known
                        .themes
                        .iter()
                        .position(|t| Some(&t.id) == theme.as_ref())?;
                    Some((p, t))
                })
                // Themes no loaded pack knows come after the known ones.
                .unwrap_or((usize::MAX - 1, 0)),
        }
    };
    // Stable on equal ranks; unknown themes are then ordered by pack and id.
    groups.sort_by(|(a, _), (b, _)| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
    groups
}

/// `## ` and the title of a group's section, then a blank line.
fn write_section_title<W: Write + ?Sized>(
    out: &mut W,
    group: &Group,
    packs: &PackSet,
) -> io::Result<()> {
    out.write_all(b"## ")?;
    match group {
        Group::Level(level) => {
            let label = match (packs.default_pack(), level) {
                (Some(pack), level) => pack.placement_label(*level),
                (None, Some(Placement::At(level))) => canonical_label(*level).to_string(),
                (None, Some(Placement::Idea)) => crate::words::idea_label(),
                (None, None) => crate::words::unrated(),
            };
            write_inline(out, &label)?;
        }
        Group::Theme { theme: None, .. } => out.write_all(t!("md-free-entries").as_bytes())?,
        Group::Theme {
            pack,
            theme: Some(theme),
        } => {
            let known = pack
                .as_deref()
                .and_then(|id| packs.get(id))
                .and_then(|p| p.theme(theme));
            match known {
                Some(known) => write_inline(out, &known.title)?,
                None => {
                    write_inline(out, theme)?;
                    if let Some(pack) = pack {
                        out.write_all(b" (")?;
                        write_inline(out, pack)?;
                        out.write_all(b")")?;
                    }
                }
            }
        }
    }
    out.write_all(b"\n\n")
}
