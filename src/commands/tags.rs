//! `reflect tags`: the tags in use, most used first, with the newest day each was
//! used and how many entries per level (in the chosen pack's level names), as ideas
//! and unrated, the columns of `reflect progress`.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::entry::{Entry, Level};
use crate::exit_codes::SUCCESS;
use crate::{neutral, t};
use unicode_width::UnicodeWidthStr;

pub fn run(ctx: &Context) -> Result<u8> {
    let entries: Vec<Entry> = ctx
        .journal()
        .newest_first()?
        .without_text()
        .collect::<Result<_, _>>()?;
    let uses = crate::tags::tally(&entries);
    if uses.is_empty() {
        crate::terminal::note(&t!("tags-none"));
        return Ok(SUCCESS);
    }
    let pack = ctx.chosen_pack()?;
    let mut header = vec![
        t!("tags-col-tag"),
        t!("tags-col-entries"),
        t!("tags-col-newest"),
    ];
    header.extend(Level::ALL.iter().map(|l| pack.level_name(*l).name.clone()));
    header.extend([t!("progress-idea"), t!("progress-unrated")]);
    let mut rows = vec![header];
    for used in &uses {
        let mut row = vec![
            neutral::terminal_line(&used.tag).into_owned(),
            used.entries.to_string(),
            used.newest.to_string(),
        ];
        let count = |key: &str| used.levels.get(key).copied().unwrap_or(0).to_string();
        row.extend(Level::ALL.iter().map(|l| count(l.as_str())));
        row.extend([count("idea"), count("unrated")]);
        rows.push(row);
    }
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|col| rows.iter().map(|r| r[col].width()).max().unwrap_or(0))
        .collect();
    let mut out = super::stdout();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(col, cell)| match col {
                0 | 2 => format!("{cell}{}", pad(widths[col], cell)),
                _ => format!("{}{cell}", pad(widths[col], cell)),
            })
            .collect();
        writeln!(out, "{}", cells.join("  ").trim_end())?;
    }
    out.flush()?;
    Ok(SUCCESS)
}

/// The spaces that bring `cell` to `width` columns on a terminal (a tag in CJK or
/// with combining accents is not as wide as its count of characters).
fn pad(width: usize, cell: &str) -> String {
    " ".repeat(width.saturating_sub(cell.width()))
}
