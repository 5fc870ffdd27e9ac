//! `reflect list`: entries, newest day first (the day each entry is about, then the
//! time it was written), or with `--sort written` newest written first. The latter
//! reads the journal from the end, so `-n 10` costs the same on any journal size.

use std::cmp::Ordering;
use std::io::Write;

use anyhow::Result;
use comfy_table::{presets, ContentArrangement, Table};

use super::Context;
use crate::cli::{ListArgs, ListFormat, ListSort};
use crate::entry::{Entry, EntryRef};
use crate::exit_codes::SUCCESS;
use crate::export::json::EntryObject;
use crate::journal::Entries;
use crate::journal::Needle as RawNeedle;
use crate::neutral;
use crate::pack::PackSet;
use crate::t;
use crate::terminal;

pub fn run(ctx: &Context, args: ListArgs) -> Result<u8> {
    let filter = ctx.filter(&args.filter)?;
    let format = args.format.unwrap_or(if terminal::stdout_is_terminal() {
        ListFormat::Table
    } else {
        ListFormat::Plain
    });
    let limit = args.limit.unwrap_or(usize::MAX);
    let packs = ctx.packs()?;
    let fancy = ctx.unicode();
    let mut out = super::stdout();
    let mut table = new_table(fancy);
    let mut shown = 0;
    let mut show = |listed: &Listed| -> Result<()> {
        match &listed.shown {
            Shown::Line(line) => out.write_all(line)?,
            Shown::Row(entry) => {
                table.add_row(row(entry, packs, fancy));
            }
        }
        Ok(())
    };

    // A search is decided on raw bytes first (folded when the search is).
    let needle = || {
        filter
            .contains
            .as_ref()
            .and_then(|needle| RawNeedle::new(needle.text(), !needle.is_exact()))
    };
    let journal = ctx.journal();
    match args.sort {
        ListSort::Written => {
            let mut entries = journal.newest_first()?.prefilter(needle());
            while shown < limit {
                let Some(entry) = entries.next() else { break };
                let entry = entry?;
                if filter.matches(&entry) {
                    show(&Listed::of(&entry.borrowed(), format))?;
                    shown += 1;
                }
            }
            entries.finish();
        }
        ListSort::Day => {
            // Filtered, searched and written on the threads that parse, read in place.
            let keep = filter.clone();
            let entries = journal
                .newest_days_first_searching(needle())?
                .filter_map_borrowed(move |entry| {
                    keep.matches_borrowed(entry)
                        .then(|| Listed::of(entry, format))
                });
            shown = newest_days(entries, limit, &mut show)?;
        }
    }
    if format == ListFormat::Table && shown > 0 {
        crate::progress::render::write_table(&mut out, &table)?;
    }
    out.flush()?;
    if shown == 0 {
        terminal::note(&if filter.is_empty() {
            t!("list-none-yet")
        } else {
            t!("list-none-match")
        });
    }
    Ok(SUCCESS)
}

/// Shows the `limit` `entries` (already filtered) that come last by (day, time
/// written), newest first, and returns how many it showed. `entries` come newest day
/// first (within a day, last placed first), so one day is held at a time, sorted by
/// the time written, and reading stops once `limit` are shown.
fn newest_days(
    mut entries: Entries<Listed>,
    limit: usize,
    mut show: impl FnMut(&Listed) -> Result<()>,
) -> Result<usize> {
    let mut shown = 0;
    let mut day: Vec<ByDay> = Vec::new();
    let mut flush = |day: &mut Vec<ByDay>, shown: &mut usize| -> Result<()> {
        day.sort_by(|a, b| b.cmp(a));
        for by_day in day.drain(..) {
            if *shown == limit {
                break;
            }
            show(&by_day.listed)?;
            *shown += 1;
        }
        day.clear();
        Ok(())
    };
    for (taken, entry) in entries.by_ref().enumerate() {
        if shown == limit {
            break;
        }
        let listed = entry?;
        if day
            .first()
            .is_some_and(|first| first.listed.date != listed.date)
        {
            flush(&mut day, &mut shown)?;
            if shown == limit {
                break;
            }
        }
        // Taken later is placed earlier: its order is lower.
        day.push(ByDay {
            listed,
            order: usize::MAX - taken,
        });
    }
    flush(&mut day, &mut shown)?;
    entries.finish();
    Ok(shown)
}

/// An entry as `list` shows it, with what orders it.
struct Listed {
    date: chrono::NaiveDate,
    written: chrono::DateTime<chrono::FixedOffset>,
    shown: Shown,
}

/// A line written already (plain or JSON, made on the thread that parsed the
/// entry), or an entry for the table (whose widths need every row).
enum Shown {
    Line(Vec<u8>),
    Row(Box<Entry>),
}

impl Listed {
    fn of(entry: &EntryRef, format: ListFormat) -> Listed {
        let (date, written) = (entry.facts.date, entry.facts.written);
        let shown = match format {
            ListFormat::Table => Shown::Row(Box::new(entry.to_entry())),
            ListFormat::Json => {
                let mut line = serde_json::to_vec(&EntryObject::from(&entry.to_entry()))
                    .expect("an entry always serializes");
                line.push(b'\n');
                Shown::Line(line)
            }
            ListFormat::Plain => Shown::Line(plain_line(entry)),
        };
        Listed {
            date,
            written,
            shown,
        }
    }
}

/// `ID<TAB>DATE<TAB>LEVEL<TAB>THEME<TAB>FIRST LINE` and a newline, built by hand: one
/// line per entry found, so `format!`'s machinery showed in a search's profile.
fn plain_line(entry: &EntryRef) -> Vec<u8> {
    let theme = neutral::plain_field(entry.facts.theme.unwrap_or("-"));
    let first = neutral::plain_field(first_line(entry.text));
    let level = entry.facts.level.map_or("-", |level| level.as_str());
    let id = entry.id;
    let mut line = Vec::with_capacity(id.len() + level.len() + theme.len() + first.len() + 20);
    for field in [id.as_bytes(), b"\t"] {
        line.extend_from_slice(field);
    }
    crate::dates::write_iso_day(&mut line, entry.facts.date);
    for field in [
        b"\t",
        level.as_bytes(),
        b"\t",
        theme.as_bytes(),
        b"\t",
        first.as_bytes(),
        b"\n",
    ] {
        line.extend_from_slice(field);
    }
    line
}

/// An entry ordered by the day it is about, then when it was written, then its
/// place in the reader (so equal moments keep a stable order).
struct ByDay {
    listed: Listed,
    order: usize,
}

impl ByDay {
    fn key(
        &self,
    ) -> (
        chrono::NaiveDate,
        chrono::DateTime<chrono::FixedOffset>,
        usize,
    ) {
        (self.listed.date, self.listed.written, self.order)
    }
}

impl Ord for ByDay {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for ByDay {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for ByDay {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for ByDay {}

fn new_table(fancy: bool) -> Table {
    let mut table = Table::new();
    table
        .load_preset(if fancy {
            presets::UTF8_HORIZONTAL_ONLY
        } else {
            presets::ASCII_HORIZONTAL_ONLY
        })
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header([
            t!("list-header-id"),
            t!("list-header-date"),
            t!("list-header-level"),
            t!("list-header-theme"),
            t!("list-header-entry"),
        ]);
    // The whole terminal (or COLUMNS); 100 columns off one.
    match terminal::width::columns(terminal::width::Stream::Stdout) {
        Some(width) => {
            table.set_width(u16::try_from(width).unwrap_or(u16::MAX));
        }
        None if !terminal::stdout_is_terminal() => {
            table.set_width(100);
        }
        None => {}
    }
    table
}

fn row(entry: &Entry, packs: &PackSet, fancy: bool) -> Vec<String> {
    let theme = match (&entry.pack, &entry.theme) {
        (Some(pack), Some(theme)) => packs
            .get(pack)
            .and_then(|p| p.theme(theme))
            .map_or_else(|| theme.clone(), |t| t.title.clone()),
        (None, Some(theme)) => theme.clone(),
        _ => t!("list-free"),
    };
    vec![
        entry.id.to_string(),
        entry.date.to_string(),
        packs.placement_label(entry.pack.as_deref(), entry.level),
        neutral::terminal_line(&theme).into_owned(),
        neutral::terminal_line(&preview(&entry.text, 60, fancy)).into_owned(),
    ]
}

fn first_line(text: &str) -> &str {
    let mut rest = text;
    loop {
        // `memchr`: a search lists one row per entry found.
        let (line, next) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(end) => (&rest[..end], Some(&rest[end + 1..])),
            None => (rest, None),
        };
        let line = line.trim();
        match next {
            _ if !line.is_empty() => return line,
            Some(next) => rest = next,
            None => return "",
        }
    }
}

/// The first line, cut at `max` characters with an ellipsis (`...` in plain ASCII).
fn preview(text: &str, max: usize, fancy: bool) -> String {
    let line = first_line(text);
    if line.chars().count() <= max {
        return line.to_string();
    }
    let ellipsis = if fancy { "…" } else { "..." };
    let cut: String = line.chars().take(max - ellipsis.chars().count()).collect();
    format!("{}{ellipsis}", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::first_line;

    #[test]
    fn first_line_is_the_first_with_words_trimmed() {
        assert_eq!(first_line("one"), "one");
        assert_eq!(first_line("  one  \r\ntwo"), "one");
        assert_eq!(first_line("\n \t\r\n  second line \nthird"), "second line");
        assert_eq!(first_line("\n\n"), "");
        assert_eq!(first_line(""), "");
        assert_eq!(first_line("ñandú 🌱\n"), "ñandú 🌱");
    }
}
