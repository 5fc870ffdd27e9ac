//! The Markdown export: one CommonMark document, for people, portfolios and static sites.
//!
//! ```markdown
//! # Reflective journal
//!
//! Exported on 2026-11-23, grouped by day. Filters: tag cohort.
//!
//! ## 2026-11-20
//!
//! ### 2026-11-20 · Trust and shared values · Network
//!
//! > What made it possible to be honest with the other heads this week?
//!
//! Tags: cohort, visit
//!
//! The entry's text, as written.
//!
//! ---
//!
//! 1 entry, on 2026-11-20.
//! ```
//!
//! Two kinds of text meet here. What comes from packs, tags and ids is *data*: it is
//! escaped ([`crate::neutral::markdown`]) so that it can never create structure. The
//! entry's text is the *author's* Markdown: `super::text` writes it so that every
//! parser reads it alike and none of it vanishes or reaches the next entry.

use std::io::{self, Write};
use std::sync::Arc;

use anyhow::Result;
use chrono::{DateTime, FixedOffset, NaiveDate};
use rustc_hash::FxHashMap;

use super::text::write_text;
use crate::entry::{EntryRef, Level, Placement};
use crate::filter::Filter;
use crate::journal::Journal;
use crate::neutral::markdown::{write_inline, write_line_start};
use crate::pack::PackSet;
use crate::t;

mod sections;

/// How the sections of the document are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    /// One section per day (the default).
    #[default]
    Day,
    /// One section per theme, in the order of the loaded packs.
    Theme,
    /// One section per level, up the ladder.
    Level,
}

/// What to export and how.
pub struct Options<'a> {
    pub packs: &'a PackSet,
    pub filter: &'a Filter,
    pub group_by: Grouping,
    /// The moment of the export (shown in the document's first lines).
    pub exported: DateTime<FixedOffset>,
}

/// Writes the document and returns how many entries it holds.
///
/// Memory does not grow with the journal: entries go straight from
/// `journal.by_date()` into `out`, and the count and span that end the document are
/// tallied on the way (which is why they come last: putting them first would take
/// one more read of the whole journal). Grouping by theme or level makes one pass
/// that notes where each group's entries are in the file, then reads them back by
/// position, section by section ([`sections`]): 8 bytes an entry, never the entries
/// themselves.
pub fn write<W: Write + ?Sized>(
    out: &mut W,
    journal: &Journal,
    options: &Options,
) -> Result<usize> {
    write_title(out, options)?;
    let mut tally = Tally::default();
    match options.group_by {
        Grouping::Day => {
            // Filtered and written on the threads that parse, a run at a time.
            let keep = Arc::new(options.filter.clone());
            let words = Arc::new(Words::of(options.packs));
            let runs = journal
                .by_date()?
                .fold_borrowed(Run::new, move |run, entry| {
                    if keep.matches_borrowed(entry) {
                        run.push(entry, &words)
                            .expect("writing to memory cannot fail");
                    }
                });
            for run in runs {
                run?.write_after(out, &mut tally)?;
            }
        }
        Grouping::Theme | Grouping::Level => sections::write(out, journal, options, &mut tally)?,
    }
    write_summary(out, &tally)?;
    Ok(tally.count)
}

/// How many entries were written, and the days they span.
#[derive(Debug, Default)]
struct Tally {
    count: usize,
    /// The day of the entry written last.
    last: Option<NaiveDate>,
    earliest: Option<NaiveDate>,
    latest: Option<NaiveDate>,
}

impl Tally {
    fn add(&mut self, date: NaiveDate) {
        self.count += 1;
        self.last = Some(date);
        self.earliest = Some(self.earliest.map_or(date, |d| d.min(date)));
        self.latest = Some(self.latest.map_or(date, |d| d.max(date)));
    }

    /// Adds the tally of the entries written after these.
    fn merge(&mut self, other: &Tally) {
        self.count += other.count;
        self.last = other.last.or(self.last);
        self.earliest = self.earliest.into_iter().chain(other.earliest).min();
        self.latest = self.latest.into_iter().chain(other.latest).max();
    }
}

/// Consecutive entries written on a thread that parses: their Markdown (by day:
/// each day's heading but the first entry's, which depends on the entry before)
/// and tally.
struct Run {
    first: Option<NaiveDate>,
    tally: Tally,
    bytes: Vec<u8>,
}

/// Room for a run's Markdown from the start: about what a unit of entries writes
/// (grown by doubling, the buffer would be copied over and over).
const RUN_BYTES: usize = 1 << 18;

impl Run {
    fn new() -> Run {
        Run {
            first: None,
            tally: Tally::default(),
            bytes: Vec::with_capacity(RUN_BYTES),
        }
    }

    /// Writes `entry` after the run's entries, under a new day's heading if its day
    /// differs from the entry before.
    fn push(&mut self, entry: &EntryRef, words: &Words) -> io::Result<()> {
        let date = entry.facts.date;
        match self.tally.last {
            None => self.first = Some(date),
            Some(last) if last != date => writeln!(self.bytes, "## {date}\n")?,
            Some(_) => {}
        }
        self.tally.add(date);
        write_entry(&mut self.bytes, entry, words)
    }

    /// Writes the run after what `tally` counted, with the heading its first entry
    /// needs, and counts it.
    fn write_after<W: Write + ?Sized>(&self, out: &mut W, tally: &mut Tally) -> io::Result<()> {
        let Some(first) = self.first else {
            return Ok(());
        };
        if tally.last != Some(first) {
            writeln!(out, "## {first}\n")?;
        }
        out.write_all(&self.bytes)?;
        tally.merge(&self.tally);
        Ok(())
    }
}

/// The title and what was exported: when, how grouped, which filters.
fn write_title<W: Write + ?Sized>(out: &mut W, options: &Options) -> io::Result<()> {
    let grouping = match options.group_by {
        Grouping::Day => t!("md-group-day"),
        Grouping::Theme => t!("md-group-theme"),
        Grouping::Level => t!("md-group-level"),
    };
    let exported = t!(
        "md-exported",
        date = options.exported.date_naive().to_string(),
        grouping = grouping
    );
    write!(out, "# {}\n\n{exported}", t!("md-title"))?;
    write_filters(out, options.filter)?;
    out.write_all(b"\n\n")
}

/// The count and span, after a thematic break (or a line saying nothing matched).
fn write_summary<W: Write + ?Sized>(out: &mut W, tally: &Tally) -> io::Result<()> {
    match (tally.count, tally.earliest, tally.latest) {
        (1, Some(day), _) => writeln!(out, "---\n\n{}", t!("md-one-entry", day = day.to_string())),
        (n, Some(first), Some(last)) if first == last => writeln!(
            out,
            "---\n\n{}",
            t!(
                "md-entries-on",
                count = n.to_string(),
                day = first.to_string()
            )
        ),
        (n, Some(first), Some(last)) => writeln!(
            out,
            "---\n\n{}",
            t!(
                "md-entries-span",
                count = n.to_string(),
                first = first.to_string(),
                last = last.to_string()
            )
        ),
        _ => writeln!(out, "{}", t!("md-none")),
    }
}

/// ` Filters: since 2026-11-01; level network; tag cohort and visit.` (nothing
/// without filters), in the order of the flags in `--help`.
fn write_filters<W: Write + ?Sized>(out: &mut W, filter: &Filter) -> io::Result<()> {
    let mut first = true;
    // Each label is a message id; the label is followed by a space.
    let mut item = |out: &mut W, label: &str| -> io::Result<()> {
        if first {
            write!(out, " {} ", t!("md-filters"))?;
        } else {
            out.write_all(b"; ")?;
        }
        first = false;
        write!(out, "{} ", crate::i18n::message(label, None))
    };
    let or = format!(" {} ", t!("md-or"));
    let and = format!(" {} ", t!("md-and"));
    if let Some(since) = filter.since {
        item(out, "md-filter-since")?;
        write!(out, "{since}")?;
    }
    if let Some(until) = filter.until {
        item(out, "md-filter-until")?;
        write!(out, "{until}")?;
    }
    let themes_and_prompts: [(&str, &[String]); 2] = [
        ("md-filter-theme", &filter.themes),
        ("md-filter-prompt", &filter.prompts),
    ];
    for (label, values) in themes_and_prompts {
        if !values.is_empty() {
            item(out, label)?;
            write_list(out, values.iter().map(String::as_str), &or)?;
        }
    }
    if !filter.levels.is_empty() {
        item(out, "md-filter-level")?;
        write_list(out, filter.levels.iter().map(|l| l.as_str()), &or)?;
    }
    if !filter.tags.is_empty() {
        item(out, "md-filter-tag")?;
        write_list(out, filter.tags.iter().map(String::as_str), &and)?;
    }
    if !filter.packs.is_empty() {
        item(out, "md-filter-pack")?;
        write_list(out, filter.packs.iter().map(String::as_str), &or)?;
    }
    if let Some(needle) = &filter.contains {
        item(out, "md-filter-contains")?;
        out.write_all(b"\"")?;
        write_inline(out, needle.as_typed())?;
        out.write_all(b"\"")?;
    }
    if !first {
        out.write_all(b".")?;
    }
    Ok(())
}

fn write_list<'v, W: Write + ?Sized>(
    out: &mut W,
    values: impl Iterator<Item = &'v str>,
    separator: &str,
) -> io::Result<()> {
    for (i, value) in values.enumerate() {
        if i > 0 {
            out.write_all(separator.as_bytes())?;
        }
        write_inline(out, value)?;
    }
    Ok(())
}

/// One entry: heading, question, prompt or tags, then the text.
fn write_entry<W: Write + ?Sized>(out: &mut W, entry: &EntryRef, words: &Words) -> io::Result<()> {
    let facts = &entry.facts;
    let pack = facts.pack.and_then(|id| words.packs.get(id));

    let mut date = Vec::with_capacity(16);
    crate::dates::write_iso_day(&mut date, facts.date);
    for part in [&b"### "[..], &date, " · ".as_bytes()] {
        out.write_all(part)?;
    }
    let title = pack
        .zip(facts.theme)
        .and_then(|(pack, theme)| pack.titles.get(theme));
    match (facts.theme, title) {
        (_, Some(title)) => out.write_all(title)?,
        (Some(id), None) => write_inline(out, id)?,
        (None, None) => out.write_all(&words.free_entry)?,
    }
    out.write_all(" · ".as_bytes())?;
    // A free entry's level reads in the words of the default pack, as the sections do.
    let labels = pack.map_or(&words.default_labels, |pack| &pack.labels);
    out.write_all(&labels[label_slot(facts.level)])?;
    out.write_all(b"\n\n")?;

    if let Some(prompt_id) = facts.prompt {
        match pack.and_then(|p| p.questions.get(prompt_id)) {
            Some(question) => out.write_all(question)?,
            None => {
                write!(out, "{} ", t!("md-prompt"))?;
                if let Some(pack_id) = facts.pack {
                    write_inline(out, pack_id)?;
                    out.write_all(b"/")?;
                }
                write_inline(out, prompt_id)?;
                write!(out, " {}\n\n", t!("md-not-loaded"))?;
            }
        }
    }
    if !facts.tags.is_empty() {
        out.write_all(&words.tags)?;
        write_list(out, facts.tags.iter(), ", ")?;
        out.write_all(b"\n\n")?;
    }
    write_text(out, entry.text)
}

/// What entries repeat from the packs and the catalogue, written as Markdown once
/// per document: theme titles, prompts' questions and level names as data, and the
/// labels around them.
struct Words {
    /// By pack id (the first pack of an id, as `PackSet::get` finds it).
    packs: FxHashMap<String, PackWords>,
    /// Level names for entries of no loaded pack: the default pack's (in a language
    /// other than English), else the ladder's.
    default_labels: Labels,
    free_entry: Vec<u8>,
    /// `Tags:` and a space.
    tags: Vec<u8>,
}

/// A pack's words: by theme id, by prompt id (the first of an id), and by level.
struct PackWords {
    titles: FxHashMap<String, Vec<u8>>,
    questions: FxHashMap<String, Vec<u8>>,
    labels: Labels,
}

/// A name for each placement, in the order of [`label_slot`].
type Labels = [Vec<u8>; 5];

fn label_slot(level: Option<Placement>) -> usize {
    match level {
        None => 0,
        Some(Placement::Idea) => 1,
        Some(Placement::At(level)) => 2 + level.rank(),
    }
}

impl Words {
    fn of(set: &PackSet) -> Words {
        let inline = |text: &str| {
            let mut out = Vec::new();
            write_inline(&mut out, text).expect("writing to memory cannot fail");
            out
        };
        let labels = |label: &dyn Fn(Option<Placement>) -> String| -> Labels {
            let placements = [None, Some(Placement::Idea)]
                .into_iter()
                .chain(Level::ALL.map(|level| Some(Placement::At(level))));
            let mut labels = Labels::default();
            for placement in placements {
                labels[label_slot(placement)] = inline(&label(placement));
            }
            labels
        };
        let mut packs = FxHashMap::default();
        for pack in set.iter() {
            packs.entry(pack.id.clone()).or_insert_with(|| {
                let mut titles = FxHashMap::default();
                for theme in &pack.themes {
                    titles
                        .entry(theme.id.clone())
                        .or_insert_with(|| inline(&theme.title));
                }
                let mut questions = FxHashMap::default();
                for prompt in &pack.prompts {
                    questions
                        .entry(prompt.id.clone())
                        .or_insert_with(|| question(&prompt.question));
                }
                PackWords {
                    titles,
                    questions,
                    labels: labels(&|placement| pack.placement_label(placement)),
                }
            });
        }
        let default_labels = match set.words_of(None) {
            Some(pack) => labels(&|placement| pack.placement_label(placement)),
            None => labels(&|placement| match placement {
                Some(Placement::At(level)) => canonical_label(level).to_string(),
                Some(Placement::Idea) => crate::words::idea_label(),
                None => crate::words::unrated(),
            }),
        };
        Words {
            packs,
            default_labels,
            free_entry: t!("md-free-entry").into_bytes(),
            tags: format!("{} ", t!("md-tags")).into_bytes(),
        }
    }
}

/// A prompt's question as quoted lines, and the blank line after them.
fn question(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.extend_from_slice(b"> ");
        write_line_start(&mut out, line).expect("writing to memory cannot fail");
        out.push(b'\n');
    }
    out.push(b'\n');
    out
}

/// The ladder's names when no loaded pack names them.
fn canonical_label(level: Level) -> &'static str {
    match level {
        Level::School => "School",
        Level::Network => "Network",
        Level::System => "System",
    }
}
