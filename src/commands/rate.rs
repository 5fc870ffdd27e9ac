//! `reflect rate`: walks through the unrated entries, newest first, asking the same
//! questions as `write` (level → transfer → depth). Each answer is saved at once as
//! a revision (the text untouched), so stopping half-way loses nothing. Enter at the
//! level question skips an entry; `q` stops.
//!
//! Without a terminal it asks nothing: it prints the unrated ids on stdout (newest
//! first, one per line, for scripts) and how many there are on stderr, and exits 0.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::exit_codes::SUCCESS;
use crate::neutral;
use crate::pack::Question;
use crate::rating::{self, Asked, Rating};
use crate::terminal;
use crate::words;

pub fn run(ctx: &Context) -> Result<u8> {
    let journal = ctx.journal();
    let on_terminal = terminal::stdin_is_terminal();
    let unrated = rating::unrated(&journal, on_terminal)?;
    if unrated.is_empty() {
        terminal::note(&words::all_rated());
        return Ok(SUCCESS);
    }
    if !on_terminal {
        let mut out = super::stdout();
        for entry in &unrated {
            writeln!(out, "{}", entry.id)?;
        }
        out.flush()?;
        terminal::note(&words::rate_needs_terminal(unrated.len()));
        return Ok(SUCCESS);
    }

    // Rating is about the level: it is asked here even when `ask` leaves it out.
    let mut wanted = ctx.config.ask.clone();
    if !wanted.contains(&Question::Level) {
        wanted.insert(0, Question::Level);
    }
    let packs = ctx.packs()?;
    let total = unrated.len();
    let mut rated = 0;
    for (at, entry) in unrated.into_iter().enumerate() {
        let pack = match entry.pack.as_deref().and_then(|id| packs.get(id)) {
            Some(pack) => pack,
            None => ctx.chosen_pack()?,
        };
        let theme = entry
            .theme
            .as_deref()
            .map(|id| pack.theme(id).map_or(id, |t| t.title.as_str()));
        let mut lines = vec![
            String::new(),
            words::rate_entry(at + 1, total),
            format!(
                "{}  {}{}",
                entry.id,
                entry.date,
                theme.map_or(String::new(), |t| format!(
                    "  {}",
                    neutral::terminal_line(t)
                ))
            ),
        ];
        lines.extend(
            entry
                .text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .take(4)
                .map(|l| format!("  {}", neutral::terminal_line(l))),
        );
        eprintln!("{}", lines.join("\n"));

        let mut rating = Rating::of(&entry);
        let asked = rating::ask(pack, &mut rating, &wanted, true)?;
        if rating != Rating::of(&entry) {
            let mut revised = entry.clone();
            rating.apply(&mut revised);
            journal.revise(&revised, ctx.config.now)?;
            rated += usize::from(revised.level.is_some());
        }
        if asked == Asked::Quit {
            break;
        }
    }
    terminal::note(&words::rate_done(rated, total - rated));
    Ok(SUCCESS)
}
