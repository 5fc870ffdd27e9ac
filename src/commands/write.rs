//! `reflect write`: capture an entry in seconds, never losing the words.
//!
//! Text comes from `-m`, else standard input when it is not a terminal, else the
//! editor (`$VISUAL`/`$EDITOR`) or, without one, lines typed in the terminal.
//! On a terminal with no prompt chosen, the least-answered prompt is offered.

use std::io::Write;

use anyhow::{anyhow, bail, Result};

use super::Context;
use crate::cli::WriteArgs;
use crate::draft::{self, Draft};
use crate::entry::{normalize_tag, Entry, EntryId, Level};
use crate::error::usage;
use crate::exit_codes::{FAILURE, SUCCESS};
use crate::neutral;
use crate::pack::{Pack, Prompt};
use crate::{t, terminal};

pub fn run(ctx: &Context, args: WriteArgs) -> Result<u8> {
    let date = match &args.date {
        Some(text) => super::entry_day(text, ctx.config.today(), args.allow_future)?,
        None => ctx.config.today(),
    };
    let tags = args
        .tag
        .iter()
        .map(|t| normalize_tag(t).map_err(|err| usage(format!("--tag: {err}"))))
        .collect::<Result<Vec<_>>>()?;
    let given = args.text.as_ref().or(args.message.as_ref());
    let interactive = given.is_none() && terminal::stdin_is_terminal();

    let answering = match choose_prompt(ctx, &args, interactive)? {
        Choice::Answer(answering) => answering,
        Choice::Quit => {
            terminal::note(&t!("write-nothing-written"));
            return Ok(SUCCESS);
        }
    };
    if let (Some((pack, prompt)), true) = (answering, args.prompt.is_some() || args.theme.is_some())
    {
        // Nobody answers a question they did not see.
        if !interactive {
            show_prompt(pack, prompt);
        }
    }
    let level = choose_level(ctx, &args, answering, interactive)?;

    let id = EntryId::random()?;
    let text = match given {
        Some(text) => draft::clean_text(text),
        None if !interactive && !args.edit => draft::clean_text(&terminal::read_stdin()?),
        None => match compose(ctx, &id, answering, level)? {
            Some(text) => text,
            None => return Ok(FAILURE),
        },
    };
    if text.trim().is_empty() {
        terminal::note("Nothing written: the entry is empty.");
        return Ok(FAILURE);
    }

    let entry = Entry {
        id,
        date,
        written: ctx.config.now,
        revised: None,
        level,
        pack: answering.map(|(pack, _)| pack.id.clone()),
        pack_version: answering.map(|(pack, _)| pack.version.clone()),
        prompt: answering.map(|(_, prompt)| prompt.id.clone()),
        theme: answering.map(|(_, prompt)| prompt.theme.clone()),
        tags,
        text,
    };
    if let Err(err) = ctx.journal().add(&entry) {
        let rescued = Draft::rescue(
            &ctx.config.drafts_dir,
            &format!("unsaved-{}", entry.id),
            &entry.text,
        );
        return Err(match rescued {
            Some(path) => anyhow!(err).context(format!("your text is kept at {}", path.display())),
            None => anyhow!(err),
        });
    }
    // Remove the editor draft only once the entry is safely in the journal.
    let draft = ctx.config.drafts_dir.join(format!("{}.md", entry.id));
    let _ = std::fs::remove_file(draft);

    let mut out = super::stdout();
    writeln!(out, "{}", entry.id)?;
    out.flush()?;
    let label = match answering {
        Some((pack, _)) => pack.level_name(level).name.clone(),
        None => level.to_string(),
    };
    terminal::note(&format!("Saved entry {} ({label}, {date}).", entry.id));
    Ok(SUCCESS)
}

type Answering<'a> = Option<(&'a Pack, &'a Prompt)>;

/// What the person chose: a prompt (or none, a free entry), or to quit.
enum Choice<'a> {
    Answer(Answering<'a>),
    Quit,
}

/// The prompt this entry answers: `--prompt`, the least-answered of `--theme`, an offer
/// on a terminal, or none (a free entry).
fn choose_prompt<'a>(ctx: &'a Context, args: &WriteArgs, interactive: bool) -> Result<Choice<'a>> {
    if args.free {
        return Ok(Choice::Answer(None));
    }
    // A bare id looks first in the pack chosen with --pack (or the default pack).
    let chosen = ctx.chosen_pack()?;
    let bare = |name: &str| !name.contains('/');
    if let Some(name) = &args.prompt {
        if let Some(prompt) = chosen.prompt(name).filter(|_| bare(name)) {
            return Ok(Choice::Answer(Some((chosen, prompt))));
        }
        let found = ctx.packs()?.find_prompt(name).map_err(usage)?;
        return Ok(Choice::Answer(Some(found)));
    }
    if let Some(name) = &args.theme {
        let (pack, theme) = match chosen.theme(name).filter(|_| bare(name)) {
            Some(theme) => (chosen, theme),
            None => ctx.packs()?.find_theme(name).map_err(usage)?,
        };
        let counts = crate::pack::answer_counts(&ctx.journal())?;
        let prompt = crate::pack::suggest(pack, &counts, Some(&theme.id))
            .ok_or_else(|| anyhow!("theme '{}' has no prompts", theme.id))?;
        return Ok(Choice::Answer(Some((pack, prompt))));
    }
    if !interactive {
        return Ok(Choice::Answer(None));
    }
    offer_prompt(ctx)
}

/// On a terminal: show the least-answered prompt and let the person take it, skip
/// to the next one, or write freely.
fn offer_prompt(ctx: &Context) -> Result<Choice<'_>> {
    let pack = ctx.chosen_pack()?;
    let mut counts = crate::pack::answer_counts(&ctx.journal())?;
    loop {
        let Some(prompt) = crate::pack::suggest(pack, &counts, None) else {
            return Ok(Choice::Answer(None));
        };
        show_prompt(pack, prompt);
        let answer = terminal::menu(
            "[Enter] answer it · [s] another prompt · [f] free entry · [q] quit: ",
            &["", "s", "f", "q"],
        )?;
        match answer.as_deref() {
            Some("") => return Ok(Choice::Answer(Some((pack, prompt)))),
            Some("f") => return Ok(Choice::Answer(None)),
            None | Some("q") => return Ok(Choice::Quit),
            _ => {
                // Pretend it was answered so the next suggestion comes up.
                *counts
                    .entry((pack.id.clone(), prompt.id.clone()))
                    .or_default() += 1;
            }
        }
    }
}

/// The theme, context and question of a prompt, on stderr.
pub(super) fn show_prompt(pack: &Pack, prompt: &Prompt) {
    let theme = pack
        .theme(&prompt.theme)
        .map_or(prompt.theme.as_str(), |t| t.title.as_str());
    let mut lines = vec![
        String::new(),
        format!("Theme: {}", neutral::terminal_line(theme)),
    ];
    if let Some(context) = &prompt.context {
        lines.push(String::new());
        lines.push(neutral::terminal(context).into_owned());
    }
    lines.push(String::new());
    lines.push(format!("» {}", neutral::terminal_line(&prompt.question)));
    lines.push(String::new());
    eprintln!("{}", lines.join("\n"));
}

/// `--level` (canonical or a pack's own name), else the prompt's suggestion, else ask
/// on a terminal, else `school`.
fn choose_level(
    ctx: &Context,
    args: &WriteArgs,
    answering: Answering<'_>,
    interactive: bool,
) -> Result<Level> {
    if let Some(word) = &args.level {
        // The answered pack's own names first (`red`), then any loaded pack's.
        return match answering.and_then(|(pack, _)| pack.parse_level(word)) {
            Some(level) => Ok(level),
            None => ctx
                .packs()?
                .parse_level(word)
                .map_err(|err| usage(format!("--level: {err}"))),
        };
    }
    let suggested = answering.and_then(|(_, prompt)| prompt.level);
    if !interactive {
        return Ok(suggested.unwrap_or(Level::School));
    }
    let default = suggested.unwrap_or(Level::School);
    // The answered pack's words, else the chosen pack's (which follows the language).
    let words = match answering {
        Some((pack, _)) => Some(pack),
        None => ctx.chosen_pack().ok(),
    };
    let names: Vec<String> = Level::ALL
        .iter()
        .map(|level| match words {
            Some(pack) => pack.level_name(*level).id.clone(),
            None => level.to_string(),
        })
        .collect();
    loop {
        let answer = terminal::ask(&format!(
            "Level of practice ({}) [{}]: ",
            names.join(" / "),
            names[default.rank()]
        ))?;
        if answer.is_empty() {
            return Ok(default);
        }
        // That pack's words first, then any loaded pack's (`red`, `escuela`, `2`).
        let parsed = match words.and_then(|pack| pack.parse_level(&answer)) {
            Some(level) => Ok(level),
            None => ctx
                .packs()?
                .parse_level(&answer)
                .map_err(|_| answer.clone()),
        };
        match parsed {
            Ok(level) => return Ok(level),
            Err(word) => terminal::note(&format!(
                "'{}' is not a level; try again.",
                neutral::terminal_line(&word)
            )),
        }
    }
}

/// Interactive composition: the editor on a draft, or lines typed in the terminal.
/// Returns `None` when the person wrote nothing.
fn compose(
    ctx: &Context,
    id: &EntryId,
    answering: Answering<'_>,
    level: Level,
) -> Result<Option<String>> {
    let mut header = Vec::new();
    if let Some((pack, prompt)) = answering {
        let theme = pack
            .theme(&prompt.theme)
            .map_or(prompt.theme.as_str(), |t| t.title.as_str());
        header.push(format!("Theme: {}", neutral::terminal_line(theme)));
        if let Some(context) = &prompt.context {
            header.push(String::new());
            header.push(neutral::terminal(context).into_owned());
        }
        header.push(String::new());
        header.push(format!(
            "Question: {}",
            neutral::terminal_line(&prompt.question)
        ));
        header.push(String::new());
    }
    let level_name = match answering {
        Some((pack, _)) => pack.level_name(level).name.clone(),
        None => level.to_string(),
    };
    header.push(format!("Level: {level_name}"));
    header.push(format!(
        "These {} lines are instructions and are removed. Save and close to keep the entry; leave it empty to cancel.",
        draft::COMMENT
    ));

    let text = match &ctx.config.editor {
        Some(editor_command) => {
            let draft = Draft::create(&ctx.config.drafts_dir, id.as_str(), &header, "")?;
            draft.edit(editor_command)?;
            let text = draft.text()?;
            if text.is_empty() {
                draft.discard();
            }
            text
        }
        None if !terminal::stdin_is_terminal() => {
            bail!("no editor to open: set $VISUAL or $EDITOR, or give the text with -m or on stdin")
        }
        None => {
            if answering.is_none() {
                eprintln!();
            }
            terminal::note("Write your entry. End with Ctrl-D on an empty line (Ctrl-C cancels).");
            draft::clean_text(&terminal::read_stdin()?)
        }
    };
    if text.trim().is_empty() {
        terminal::note("Nothing written: the entry is empty.");
        return Ok(None);
    }
    Ok(Some(text))
}
