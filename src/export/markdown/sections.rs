//! The sections of a document grouped by theme or level: which section each entry
//! belongs to, their order and titles, and the one read of their entries.

use std::io::{self, Write};
use std::sync::{Arc, Mutex};

use anyhow::Result;
use rustc_hash::FxHashMap;

use super::{canonical_label, write_entry, Grouping, Options, Tally, Words};
use crate::entry::{Facts, Level, Placement};
use crate::journal::{Entries, GroupedSpans, Journal, Spans, UNGROUPED};
use crate::neutral::markdown::write_inline;
use crate::pack::PackSet;
use crate::t;

/// Writes the sections of a document grouped by theme or level, counting their
/// entries into `tally`.
///
/// A first pass notes where each group's entries are (8–16 bytes an entry), then the
/// groups are read back by position from the same snapshot, in one read of every
/// section's entries, written on the threads that parse. Without a filter, the
/// pass that orders the journal by date names the groups as it goes (from the
/// fields before each text: the read of the sections checks every line whole);
/// a filter is decided on every entry read whole, in a pass of its own.
pub(super) fn write<W: Write + ?Sized>(
    out: &mut W,
    journal: &Journal,
    options: &Options,
    tally: &mut Tally,
) -> Result<()> {
    let reading = journal.reading()?;
    let numbers = Arc::new(Numbers::of(options.packs, options.group_by));
    if options.filter.takes_everything() {
        let by = numbers.clone();
        if let Some(mut grouped) = reading.grouped(Arc::new(move |facts| by.number(facts)))? {
            let mut spans = std::mem::take(&mut grouped.groups);
            // Lines the parsers refuse: read last, their damage reported, nothing shown.
            let refused = spans.remove(&UNGROUPED).unwrap_or_default();
            let (groups, mut lists) = in_sections(spans, &numbers, options.packs);
            lists.push(refused);
            let entries = reading.at_grouped(lists, grouped);
            return write_sections(out, entries, &groups, numbers, options.packs, tally);
        }
    }
    let keep = Arc::new(options.filter.clone());
    let by = numbers.clone();
    let entries = reading.by_date()?;
    let mut entries = if options.filter.contains.is_none() {
        // The groups need no words: each entry's facts, read in place.
        entries.filter_map_facts(move |facts| keep.matches_facts(facts).then(|| by.number(facts)))
    } else {
        entries.filter_map(move |entry| keep.matches(&entry).then(|| by.number(&entry.facts())))
    };
    let mut spans = GroupedSpans::default();
    while let Some((span, number)) = entries.next_spanned()? {
        spans.push(number, span);
    }
    // Its index is no longer needed: freed before the spans are gathered.
    drop(entries);
    let (groups, lists) = in_sections(spans.finish()?, &numbers, options.packs);
    let entries = reading.at(lists);
    write_sections(out, entries, &groups, numbers, options.packs, tally)
}

/// The groups of `spans` in document order (see [`sections`]), and their lists of
/// spans in the same order.
fn in_sections(
    mut spans: FxHashMap<u32, Spans>,
    numbers: &Numbers,
    packs: &PackSet,
) -> (Vec<(Group, u32)>, Vec<Spans>) {
    let groups: Vec<(Group, u32)> = spans
        .keys()
        .map(|&number| (numbers.group(number), number))
        .collect();
    let groups = sections(groups, packs);
    let lists = groups
        .iter()
        .map(|(_, number)| spans.remove(number).unwrap_or_default())
        .collect();
    (groups, lists)
}

/// Writes every section's entries, read as one (each section's spans freed once
/// read), each section under its title.
fn write_sections<W: Write + ?Sized>(
    out: &mut W,
    entries: Entries,
    groups: &[(Group, u32)],
    numbers: Arc<Numbers>,
    packs: &PackSet,
    tally: &mut Tally,
) -> Result<()> {
    let section_of: FxHashMap<u32, usize> = groups
        .iter()
        .enumerate()
        .map(|(section, (_, number))| (*number, section))
        .collect();
    let words = Arc::new(Words::of(packs));
    let runs = entries.fold_borrowed(Vec::new, move |parts, entry| {
        let section = section_of[&numbers.number(&entry.facts)];
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
                write_section_title(out, &groups[part.section].0, packs)?;
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

/// Names groups by number on the threads that parse: the free entries and the
/// themes of the loaded packs (by theme) without allocating or locking; any other
/// group (a level, a theme no loaded pack knows) numbered as it is first met.
struct Numbers {
    group_by: Grouping,
    /// Pack id → theme id → number.
    themes: FxHashMap<String, FxHashMap<String, u32>>,
    /// The groups numbered in advance, by number.
    known: Vec<Group>,
    /// The others, numbered from `known.len()` on.
    others: Mutex<Others>,
}

#[derive(Default)]
struct Others {
    numbers: FxHashMap<Group, u32>,
    groups: Vec<Group>,
}

impl Numbers {
    fn of(packs: &PackSet, group_by: Grouping) -> Numbers {
        let mut numbers = Numbers {
            group_by,
            themes: FxHashMap::default(),
            known: Vec::new(),
            others: Mutex::default(),
        };
        if group_by == Grouping::Theme {
            numbers.known.push(Group::Theme {
                pack: None,
                theme: None,
            });
            for pack in packs.iter() {
                for theme in &pack.themes {
                    let by_theme = numbers.themes.entry(pack.id.clone()).or_default();
                    if !by_theme.contains_key(&theme.id) {
                        by_theme.insert(theme.id.clone(), numbers.known.len() as u32);
                        numbers.known.push(Group::Theme {
                            pack: Some(pack.id.clone()),
                            theme: Some(theme.id.clone()),
                        });
                    }
                }
            }
        }
        numbers
    }

    fn number(&self, facts: &Facts) -> u32 {
        if self.group_by == Grouping::Theme {
            let number = match (facts.pack, facts.theme) {
                (_, None) => Some(0),
                (Some(pack), Some(theme)) => {
                    self.themes.get(pack).and_then(|t| t.get(theme)).copied()
                }
                (None, Some(_)) => None,
            };
            if let Some(number) = number {
                return number;
            }
        }
        let group = Group::of(facts, self.group_by).expect("grouped by theme or level");
        let mut others = self
            .others
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(&number) = others.numbers.get(&group) {
            return number;
        }
        let number = (self.known.len() + others.groups.len()) as u32;
        others.numbers.insert(group.clone(), number);
        others.groups.push(group);
        number
    }

    fn group(&self, number: u32) -> Group {
        let number = number as usize;
        match self.known.get(number) {
            Some(group) => group.clone(),
            None => {
                let others = self
                    .others
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                others.groups[number - self.known.len()].clone()
            }
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
