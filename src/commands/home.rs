//! `reflect` with no subcommand. On a terminal: today's prompt and a short menu
//! (write, list, progress, quit; and check-in when the last one is more than four
//! weeks old, or there is none yet but there are entries). Otherwise a three-line status on stdout, for a
//! shell greeting or a script, and exit 0.

use std::io::Write;

use anyhow::Result;
use clap::Parser;

use super::Context;
use crate::cli::{Cli, Command, WriteArgs};
use crate::exit_codes::SUCCESS;
use crate::neutral;
use crate::pack::{answer_counts, suggest};
use crate::{t, terminal};

const MENU_KEYS: [&str; 4] = ["w", "l", "p", "q"];
const MENU_KEYS_CHECKIN: [&str; 5] = ["w", "c", "l", "p", "q"];

/// How old a check-in may be before the menu offers a new one (four weeks).
const CHECKIN_EVERY_DAYS: i64 = 28;

/// What `reflect` alone does next.
pub enum Next {
    /// Run this command, as if it had been typed.
    Run(Box<Command>),
    /// Nothing more: exit with this status.
    Exit(u8),
}

pub fn run(ctx: &Context) -> Result<Next> {
    let pack = ctx.chosen_pack()?;
    let journal = ctx.journal();
    let counts = answer_counts(&journal)?;
    let prompt = suggest(pack, &counts, None);

    if !(terminal::stdin_is_terminal() && terminal::stdout_is_terminal()) {
        let (entries, last) = count_and_last_day(ctx)?;
        let mut out = super::stdout();
        writeln!(out, "{}", t!("home-status-entries", count = entries))?;
        let day = last.map_or_else(|| t!("home-none"), |day| day.to_string());
        writeln!(out, "{}", t!("home-status-last", day = day))?;
        let question = prompt.map_or_else(|| t!("home-none"), |p| one_line(&p.question));
        writeln!(out, "{}", t!("home-status-prompt", question = question))?;
        out.flush()?;
        return Ok(Next::Exit(SUCCESS));
    }

    if let Some(prompt) = prompt {
        super::write::show_prompt(pack, prompt);
    }
    let unrated = crate::rating::unrated(&journal, false)?.len();
    if unrated > 0 {
        terminal::note(&crate::words::not_rated_yet(unrated));
    }
    // A check-in is offered when none is younger than four weeks.
    let due = checkin_due(&journal, ctx.config.today())?;
    let (menu, keys) = match due {
        Some(days) => {
            terminal::note(&crate::checkin::words::offer(days));
            (t!("home-menu-checkin"), &MENU_KEYS_CHECKIN[..])
        }
        None => (t!("home-menu"), &MENU_KEYS[..]),
    };
    let Some(choice) = terminal::menu(&menu, keys)? else {
        return Ok(Next::Exit(SUCCESS));
    };
    Ok(match choice.as_str() {
        "w" => Next::Run(Box::new(Command::Write(WriteArgs {
            prompt: prompt.map(|p| format!("{}/{}", pack.id, p.id)),
            ..WriteArgs::default()
        }))),
        "l" => Next::Run(Box::new(parsed(&["list"]))),
        "p" => Next::Run(Box::new(parsed(&["progress"]))),
        "c" => Next::Run(Box::new(parsed(&["checkin"]))),
        _ => Next::Exit(SUCCESS),
    })
}

/// `Some(Some(days))` when the latest check-in is more than four weeks old,
/// `Some(None)` when there is none yet but there are entries (a first run is not the
/// moment), `None` when one is recent.
fn checkin_due(
    journal: &crate::journal::Journal,
    today: chrono::NaiveDate,
) -> Result<Option<Option<i64>>> {
    let latest = journal.checkins()?.into_iter().map(|c| c.date).max();
    Ok(match latest {
        None => {
            let mut entries = journal.newest_first()?.without_text();
            let writes = entries.next().transpose()?.is_some();
            entries.finish();
            writes.then_some(None)
        }
        Some(day) => {
            let days = (today - day).num_days();
            (days > CHECKIN_EVERY_DAYS).then_some(Some(days))
        }
    })
}

/// The command a person would get by typing `reflect ARGS` (defaults included).
fn parsed(args: &[&str]) -> Command {
    let words = std::iter::once("reflect").chain(args.iter().copied());
    Cli::parse_from(words)
        .command
        .expect("the menu names a subcommand")
}

/// How many live entries, and the latest day one is about.
fn count_and_last_day(ctx: &Context) -> Result<(usize, Option<chrono::NaiveDate>)> {
    let mut count = 0;
    let mut last = None;
    for entry in ctx.journal().newest_first()?.without_text() {
        let entry = entry?;
        count += 1;
        last = last.max(Some(entry.date));
    }
    Ok((count, last))
}

fn one_line(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    neutral::terminal_line(&joined).into_owned()
}
