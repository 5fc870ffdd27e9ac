//! `reflect tags`: the tags in use, most used first, with the newest day each was
//! used and how many entries per level (in the chosen pack's level names).

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::entry::{Entry, Level};
use crate::exit_codes::SUCCESS;
use crate::{neutral, t};

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
    let mut rows = vec![header];
    for used in &uses {
        let mut row = vec![
            neutral::terminal_line(&used.tag).into_owned(),
            used.entries.to_string(),
            used.newest.to_string(),
        ];
        row.extend(Level::ALL.iter().map(|l| {
            used.levels
                .get(l.as_str())
                .copied()
                .unwrap_or(0)
                .to_string()
        }));
        rows.push(row);
    }
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|col| {
            rows.iter()
                .map(|r| r[col].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = super::stdout();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(col, cell)| match col {
                0 | 2 => format!("{cell:<w$}", w = widths[col]),
                _ => format!("{cell:>w$}", w = widths[col]),
            })
            .collect();
        writeln!(out, "{}", cells.join("  ").trim_end())?;
    }
    out.flush()?;
    Ok(SUCCESS)
}
