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
//! escaped ([`crate::neutral::markdown`]) so that it can never create structure. The entry's text
//! is the *author's* Markdown and is written as it is, with its line endings made
//! `\n`; what it leaves open (an unclosed code fence or raw-HTML block) is closed right
//! after it, and a blank line always separates it from the next heading, so nothing
//! in one entry can swallow or restyle the next (see `super::blocks`).

use std::io::{self, Write};

use anyhow::Result;
use chrono::{DateTime, FixedOffset, NaiveDate};

use super::blocks::{self, Ambiguous};
use crate::entry::{Entry, Level};
use crate::filter::Filter;
use crate::journal::Journal;
use crate::neutral::markdown::{write_inline, write_line_start};
use crate::pack::PackSet;

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
/// one more read of the whole journal). Grouping by theme or level first notes which
/// groups have entries, then makes one pass per non-empty group, each writing only
/// that group's entries: a few more reads of the file instead of holding entries (or
/// their order) in memory.
pub fn write<W: Write + ?Sized>(
    out: &mut W,
    journal: &Journal,
    options: &Options,
) -> Result<usize> {
    write_title(out, options)?;
    let mut tally = Tally::default();
    match options.group_by {
        Grouping::Day => {
            for entry in journal.by_date()? {
                let entry = entry?;
                if !options.filter.matches(&entry) {
                    continue;
                }
                if tally.last != Some(entry.date) {
                    writeln!(out, "## {}\n", entry.date)?;
                }
                tally.add(&entry);
                write_entry(out, &entry, options.packs)?;
            }
        }
        Grouping::Theme | Grouping::Level => {
            for group in sections(groups_present(journal, options)?, options.packs) {
                write_section_title(out, &group, options.packs)?;
                for entry in journal.by_date()? {
                    let entry = entry?;
                    if options.filter.matches(&entry) && group.contains(&entry) {
                        tally.add(&entry);
                        write_entry(out, &entry, options.packs)?;
                    }
                }
            }
        }
    }
    write_summary(out, &tally)?;
    Ok(tally.count)
}

/// A section of a document grouped by theme or level.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    /// Entries on one theme of one pack; `theme: None` holds the free entries.
    Theme {
        pack: Option<String>,
        theme: Option<String>,
    },
    Level(Level),
}

impl Group {
    fn of(entry: &Entry, group_by: Grouping) -> Option<Group> {
        match group_by {
            Grouping::Day => None,
            Grouping::Theme => Some(Group::Theme {
                pack: entry.theme.as_ref().and(entry.pack.clone()),
                theme: entry.theme.clone(),
            }),
            Grouping::Level => Some(Group::Level(entry.level)),
        }
    }

    fn contains(&self, entry: &Entry) -> bool {
        match self {
            Group::Theme { pack, theme } => {
                entry.theme == *theme && (theme.is_none() || entry.pack == *pack)
            }
            Group::Level(level) => entry.level == *level,
        }
    }
}

/// The groups that have matching entries (one pass; memory grows with the number of
/// groups, never with the number of entries).
fn groups_present(journal: &Journal, options: &Options) -> Result<Vec<Group>> {
    let mut groups: Vec<Group> = Vec::new();
    for entry in journal.oldest_first()? {
        let entry = entry?;
        if options.filter.matches(&entry) && !groups.iter().any(|g| g.contains(&entry)) {
            groups.extend(Group::of(&entry, options.group_by));
        }
    }
    Ok(groups)
}

/// The non-empty groups in document order: levels up the ladder; themes in the
/// order of the loaded packs, then themes no loaded pack knows, then free entries.
fn sections(mut groups: Vec<Group>, packs: &PackSet) -> Vec<Group> {
    let rank = |group: &Group| -> (usize, usize) {
        match group {
            Group::Level(level) => (0, level.rank()),
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
    groups.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
    groups
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
    fn add(&mut self, entry: &Entry) {
        self.count += 1;
        self.last = Some(entry.date);
        self.earliest = Some(self.earliest.map_or(entry.date, |d| d.min(entry.date)));
        self.latest = Some(self.latest.map_or(entry.date, |d| d.max(entry.date)));
    }
}

/// The title and what was exported: when, how grouped, which filters.
fn write_title<W: Write + ?Sized>(out: &mut W, options: &Options) -> io::Result<()> {
    let grouping = match options.group_by {
        Grouping::Day => "day",
        Grouping::Theme => "theme",
        Grouping::Level => "level",
    };
    write!(
        out,
        "# Reflective journal\n\nExported on {}, grouped by {grouping}.",
        options.exported.date_naive()
    )?;
    write_filters(out, options.filter)?;
    out.write_all(b"\n\n")
}

/// The count and span, after a thematic break (or a line saying nothing matched).
fn write_summary<W: Write + ?Sized>(out: &mut W, tally: &Tally) -> io::Result<()> {
    match (tally.count, tally.earliest, tally.latest) {
        (1, Some(day), _) => writeln!(out, "---\n\n1 entry, on {day}."),
        (n, Some(first), Some(last)) if first == last => {
            writeln!(out, "---\n\n{n} entries, on {first}.")
        }
        (n, Some(first), Some(last)) => {
            writeln!(out, "---\n\n{n} entries, from {first} to {last}.")
        }
        _ => writeln!(out, "No entries match."),
    }
}

/// ` Filters: since 2026-11-01; level network; tag cohort and visit.` (nothing
/// without filters), in the order of the flags in `--help`.
fn write_filters<W: Write + ?Sized>(out: &mut W, filter: &Filter) -> io::Result<()> {
    let mut first = true;
    let mut item = |out: &mut W, label: &str| -> io::Result<()> {
        out.write_all(if first { b" Filters: " } else { b"; " })?;
        first = false;
        out.write_all(label.as_bytes())
    };
    if let Some(since) = filter.since {
        item(out, "since ")?;
        write!(out, "{since}")?;
    }
    if let Some(until) = filter.until {
        item(out, "until ")?;
        write!(out, "{until}")?;
    }
    let themes_and_prompts: [(&str, &[String]); 2] =
        [("theme ", &filter.themes), ("prompt ", &filter.prompts)];
    for (label, values) in themes_and_prompts {
        if !values.is_empty() {
            item(out, label)?;
            write_list(out, values.iter().map(String::as_str), " or ")?;
        }
    }
    if !filter.levels.is_empty() {
        item(out, "level ")?;
        write_list(out, filter.levels.iter().map(|l| l.as_str()), " or ")?;
    }
    if !filter.tags.is_empty() {
        item(out, "tag ")?;
        write_list(out, filter.tags.iter().map(String::as_str), " and ")?;
    }
    if !filter.packs.is_empty() {
        item(out, "pack ")?;
        write_list(out, filter.packs.iter().map(String::as_str), " or ")?;
    }
    if let Some(needle) = &filter.contains {
        item(out, "text contains \"")?;
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

/// `## ` and the title of a group's section, then a blank line.
fn write_section_title<W: Write + ?Sized>(
    out: &mut W,
    group: &Group,
    packs: &PackSet,
) -> io::Result<()> {
    out.write_all(b"## ")?;
    match group {
        Group::Level(level) => {
            let label = packs
                .default_pack()
                .map_or(canonical_label(*level), |pack| {
                    &pack.level_name(*level).name
                });
            write_inline(out, label)?;
        }
        Group::Theme { theme: None, .. } => out.write_all(b"Free entries")?,
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

/// One entry: heading, question, prompt or tags, then the text.
fn write_entry<W: Write + ?Sized>(out: &mut W, entry: &Entry, packs: &PackSet) -> io::Result<()> {
    let pack = entry.pack.as_deref().and_then(|id| packs.get(id));

    write!(out, "### {} · ", entry.date)?;
    match (
        &entry.theme,
        pack.zip(entry.theme.as_deref())
            .and_then(|(p, t)| p.theme(t)),
    ) {
        (_, Some(theme)) => write_inline(out, &theme.title)?,
        (Some(id), None) => write_inline(out, id)?,
        (None, None) => out.write_all(b"Free entry")?,
    }
    out.write_all(" · ".as_bytes())?;
    let level = pack.map_or(canonical_label(entry.level), |p| {
        &p.level_name(entry.level).name
    });
    write_inline(out, level)?;
    out.write_all(b"\n\n")?;

    if let Some(prompt_id) = &entry.prompt {
        match pack.and_then(|p| p.prompt(prompt_id)) {
            Some(prompt) => {
                for line in prompt
                    .question
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                {
                    out.write_all(b"> ")?;
                    write_line_start(out, line)?;
                    out.write_all(b"\n")?;
                }
                out.write_all(b"\n")?;
            }
            None => {
                out.write_all(b"Prompt: ")?;
                if let Some(pack_id) = &entry.pack {
                    write_inline(out, pack_id)?;
                    out.write_all(b"/")?;
                }
                write_inline(out, prompt_id)?;
                out.write_all(b" (not in the loaded packs)\n\n")?;
            }
        }
    }
    if !entry.tags.is_empty() {
        out.write_all(b"Tags: ")?;
        write_list(out, entry.tags.iter().map(String::as_str), ", ")?;
        out.write_all(b"\n\n")?;
    }
    write_text(out, &entry.text)
}

/// The ladder's names when no loaded pack names them.
fn canonical_label(level: Level) -> &'static str {
    match level {
        Level::School => "School",
        Level::Network => "Network",
        Level::System => "System",
    }
}

/// Writes the author's text so that whatever it leaves open is closed, then a blank
/// line. A text whose block structure parsers disagree about (see
/// [`blocks::unclosed`]) is shown verbatim in a code block instead.
fn write_text<W: Write + ?Sized>(out: &mut W, text: &str) -> io::Result<()> {
    match blocks::unclosed(text) {
        Ok(closer) => {
            write_lines(out, text)?;
            if let Some(closer) = closer {
                closer.write(out)?;
            }
        }
        Err(Ambiguous) => {
            let fence = "`".repeat(longest_backtick_run(text).max(2) + 1);
            writeln!(out, "{fence}")?;
            write_lines(out, text)?;
            writeln!(out, "{fence}")?;
        }
    }
    out.write_all(b"\n")
}

/// Writes `text` with every line ending (`\r\n`, `\r`) made `\n`, ending with one:
/// parsers differ on a lone `\r`, none on `\n`.
fn write_lines<W: Write + ?Sized>(out: &mut W, text: &str) -> io::Result<()> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = memchr::memchr(b'\r', &bytes[from..]) {
        let at = from + at;
        out.write_all(&bytes[from..at])?;
        out.write_all(b"\n")?;
        from = if bytes.get(at + 1) == Some(&b'\n') {
            at + 2
        } else {
            at + 1
        };
    }
    out.write_all(&bytes[from..])?;
    if !bytes.is_empty() && !matches!(bytes.last(), Some(b'\n' | b'\r')) {
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_are_normalized() {
        let mut out = Vec::new();
        write_lines(&mut out, "a\r\nb\rc").unwrap();
        assert_eq!(out, b"a\nb\nc\n");
    }

    /// Lines mixing every construct the block tracker follows.
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "text", "```", "````", "~~~", "``` rust", "```x`", "<!--", "-->", "<script>", "</script>",
        "<pre class=\"x\">", "</pre>", "<?php", "?>", "<!DOC", "<![CDATA[", "]]>", "<div>",
        "<a href=\"x\">", "</span>", "---", "===", "***", "# h", "", " ", "- ", "-", "* item",
        "1. one", "2) two", "> ", ">", "    code", "\t```", "  ```", "   ~~~~", "lazy", "\\", "<",
        "[a]: /b", "<textarea>", "</STYLE>",
    ];
    #[rustfmt::skip]
    const PREFIXES: &[&str] = &[
        "", "", "", " ", "  ", "   ", "    ", "> ", ">", "- ", "1. ", "\t", "  - ", "> - ", "-\t",
    ];

    /// Whether `doc` has a level-3 heading reading `title` outside any other block.
    fn top_level_h3(doc: &str, title: &str) -> bool {
        use pulldown_cmark::{Event, HeadingLevel, Parser, Tag};
        let mut depth = 0usize;
        let mut events = Parser::new(doc).peekable();
        while let Some(event) = events.next() {
            match event {
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H3,
                    ..
                }) if depth == 0 => {
                    if matches!(events.peek(), Some(Event::Text(t)) if &**t == title) {
                        return true;
                    }
                    depth += 1;
                }
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                _ => {}
            }
        }
        false
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 4000,
            failure_persistence: None,
            ..Default::default()
        })]
        /// Whatever the text, the heading after it is a heading at the top level, as a
        /// real CommonMark parser reads the document.
        #[test]
        fn no_text_swallows_the_next_heading(
            lines in proptest::collection::vec((0..PREFIXES.len(), 0..PIECES.len()), 0..8),
            ending in 0..3usize,
        ) {
            let newline = ["\n", "\r\n", "\r"][ending];
            let text: Vec<String> = lines.iter().map(|&(p, l)| format!("{}{}", PREFIXES[p], PIECES[l])).collect();
            let text = text.join(newline);
            let mut doc = b"### A\n\n".to_vec();
            write_text(&mut doc, &text).unwrap();
            doc.extend_from_slice(b"### B\n");
            let doc = String::from_utf8(doc).unwrap();
            proptest::prop_assert!(top_level_h3(&doc, "A") && top_level_h3(&doc, "B"), "broken by {:?}", text);
        }
    }
}
