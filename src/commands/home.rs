//! `reflect` with no subcommand. On a terminal: today's prompt and a short menu
//! (write, list, progress, quit). Otherwise a three-line status on stdout, for a
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
    let Some(choice) = terminal::menu(&t!("home-menu"), &MENU_KEYS)? else {
        return Ok(Next::Exit(SUCCESS));
    };
    Ok(match choice.as_str() {
        "w" => Next::Run(Box::new(Command::Write(WriteArgs {
            prompt: prompt.map(|p| format!("{}/{}", pack.id, p.id)),
            ..WriteArgs::default()
        }))),
        "l" => Next::Run(Box::new(parsed(&["list"]))),
        "p" => Next::Run(Box::new(parsed(&["progress"]))),
        _ => Next::Exit(SUCCESS),
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
