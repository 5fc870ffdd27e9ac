//! `reflect write`: capture an entry in seconds, never losing the words.
//!
//! Text comes from `-m`, else standard input when it is not a terminal, else the
//! editor (`$VISUAL`/`$EDITOR`) or, without one, lines typed in the terminal.
//! On a terminal with no prompt chosen, the least-answered prompt is offered.
//!
//! Nothing guesses the level: it comes from `--level`, the draft's `level:` line, or
//! the question asked on a terminal once the text is safe (level → transfer →
//! depth, see [`crate::rating`]); otherwise the entry is saved unrated.

use std::io::Write;

use anyhow::{anyhow, bail, Result};

use super::Context;
use crate::cli::WriteArgs;
use crate::draft::{self, Draft, DraftMeta};
use crate::entry::{normalize_tag, Entry, EntryId};
use crate::error::usage;
use crate::exit_codes::{FAILURE, SUCCESS};
use crate::neutral;
use crate::pack::{Pack, Prompt};
use crate::rating::{self, Rating};
use crate::words;
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
    let on_terminal = terminal::stdin_is_terminal();
    let interactive = given.is_none() && on_terminal;
    if interactive {
        if let Some(resumed) = super::drafts::offer(ctx)? {
            let answering = resumed
                .meta
                .prompt
                .as_deref()
                .and_then(|name| ctx.packs().ok()?.find_prompt(name).ok());
            let Some((text, rating)) = resumed.text_and_rating(ctx, answering.map(|(p, _)| p))?
            else {
                return Ok(SUCCESS);
            };
            let unsaved = Unsaved {
                id: resumed.id,
                date: resumed.meta.date.unwrap_or(ctx.config.today()),
                tags: resumed.meta.tags.clone(),
                answering,
                rating,
                text,
                draft: resumed.draft.path.clone(),
            };
            return save(ctx, unsaved, on_terminal);
        }
    }

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
    // The flags are read in the words of the answered pack, else of the chosen one.
    let any_flag = args.level.is_some() || args.from.is_some() || args.depth.is_some();
    let words_pack = match answering {
        Some((pack, _)) => Some(pack),
        None if any_flag => Some(ctx.chosen_pack()?),
        None => None,
    };
    let flags = super::rating_flags(
        ctx,
        words_pack,
        args.level.as_deref(),
        args.from.as_deref(),
        args.depth.as_deref(),
    )?;
    let mut rating = Rating {
        level: flags.level.flatten(),
        from: flags.from.flatten(),
        depth: flags.depth.flatten(),
    };
    rating.check().map_err(usage)?;

    let id = EntryId::random()?;
    let text = match given {
        Some(text) => draft::clean_text(text),
        None if !interactive && !args.edit => draft::clean_text(&terminal::read_stdin()?),
        None => {
            let meta = DraftMeta {
                id: Some(id.clone()),
                prompt: answering.map(|(pack, prompt)| format!("{}/{}", pack.id, prompt.id)),
                date: Some(date),
                tags: tags.clone(),
                level: rating.level,
                from: rating.from,
                depth: rating.depth,
                template: Vec::new(),
            };
            match compose(ctx, &id, answering, &mut rating, &meta)? {
                Some(text) => text,
                None => return Ok(FAILURE),
            }
        }
    };
    if text.trim().is_empty() {
        terminal::note(&t!("write-empty"));
        return Ok(FAILURE);
    }
    let draft = ctx.config.drafts_dir.join(format!("{id}.md"));
    let unsaved = Unsaved {
        id,
        date,
        tags,
        answering,
        rating,
        text,
        draft,
    };
    save(ctx, unsaved, on_terminal)
}

/// An entry whose words are known, not yet in the journal.
struct Unsaved<'a> {
    id: EntryId,
    date: chrono::NaiveDate,
    tags: Vec<String>,
    answering: Answering<'a>,
    rating: Rating,
    text: String,
    /// Its draft, removed once the entry is synced.
    draft: std::path::PathBuf,
}

/// Asks what the rating leaves open (on a terminal), appends the entry, then removes
/// its draft: only once the entry is synced.
fn save(ctx: &Context, unsaved: Unsaved<'_>, on_terminal: bool) -> Result<u8> {
    let Unsaved {
        id,
        date,
        tags,
        answering,
        mut rating,
        text,
        draft: draft_path,
    } = unsaved;
    if on_terminal && !ctx.config.ask.is_empty() {
        // The words are safe in a draft before any question is asked.
        if !draft_path.exists() {
            Draft::rescue(&ctx.config.drafts_dir, id.as_str(), &text);
        }
        let pack = match answering {
            Some((pack, _)) => pack,
            None => ctx.chosen_pack()?,
        };
        rating::ask(pack, &mut rating, &ctx.config.ask, false)?;
    }

    let mut entry = Entry {
        id,
        date,
        written: ctx.config.now,
        revised: None,
        level: None,
        depth: None,
        from: None,
        pack: answering.map(|(pack, _)| pack.id.clone()),
        pack_version: answering.map(|(pack, _)| pack.version.clone()),
        prompt: answering.map(|(_, prompt)| prompt.id.clone()),
        theme: answering.map(|(_, prompt)| prompt.theme.clone()),
        tags,
        text,
    };
    rating.apply(&mut entry);
    if let Err(err) = ctx.journal().add(&entry) {
        let rescued = Draft::rescue(
            &ctx.config.drafts_dir,
            &format!("unsaved-{}", entry.id),
            &entry.text,
        );
        return Err(match rescued {
            Some(path) => {
                anyhow!(err).context(t!("write-text-kept", path = path.display().to_string()))
            }
            None => anyhow!(err),
        });
    }
    // Remove the draft only once the entry is safely in the journal.
    Draft::at(draft_path).discard();

    let mut out = super::stdout();
    writeln!(out, "{}", entry.id)?;
    out.flush()?;
    let (id, day) = (entry.id.to_string(), date.to_string());
    match entry.level {
        None => terminal::note(&words::saved_unrated(&id, &day)),
        Some(level) => {
            // A free entry's level in the default pack's words (as the level
            // question offered it), in every language.
            let packs = ctx.packs()?;
            let label = match answering.map(|(pack, _)| pack).or(packs.default_pack()) {
                Some(pack) => pack.placement_label(Some(level)),
                None => packs.placement_label(None, Some(level)),
            };
            terminal::note(&words::saved(&id, &label, &day));
        }
    }
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
            .ok_or_else(|| anyhow!(t!("write-theme-no-prompts", theme = theme.id.as_str())))?;
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
    let unrated = rating::unrated(&ctx.journal(), false)?.len();
    if unrated > 0 {
        eprintln!();
        terminal::note(&words::not_rated_yet(unrated));
    }
    loop {
        let Some(prompt) = crate::pack::suggest(pack, &counts, None) else {
            return Ok(Choice::Answer(None));
        };
        show_prompt(pack, prompt);
        let answer = terminal::menu(&t!("write-offer-menu"), &["", "s", "f", "q"])?;
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
    // Prose wraps at the terminal's width, between words (see `terminal::width`).
    let width = terminal::width::prose_columns(terminal::width::Stream::Stderr);
    let wrap = |text: &str, first: &str, rest: &str| {
        terminal::width::wrap_with(&terminal::width::reflow(text), width, first, rest)
    };
    let mut lines = vec![String::new()];
    let theme = t!(
        "write-theme",
        theme = neutral::terminal_line(theme).into_owned()
    );
    lines.extend(wrap(&theme, "", "  "));
    if let Some(context) = &prompt.context {
        lines.push(String::new());
        lines.extend(wrap(&neutral::terminal(context), "", ""));
    }
    lines.push(String::new());
    lines.extend(wrap(&neutral::terminal(&prompt.question), "» ", "  "));
    lines.push(String::new());
    eprintln!("{}", lines.join("\n"));
}

/// Interactive composition: the editor on a draft (with the optional level, from and
/// depth lines, read into `rating` where the flags left it open), or lines typed in
/// the terminal. Returns `None` when the person wrote nothing.
fn compose(
    ctx: &Context,
    id: &EntryId,
    answering: Answering<'_>,
    rating: &mut Rating,
    meta: &DraftMeta,
) -> Result<Option<String>> {
    let mut header = Vec::new();
    if let Some((pack, prompt)) = answering {
        let theme = pack
            .theme(&prompt.theme)
            .map_or(prompt.theme.as_str(), |t| t.title.as_str());
        header.push(t!(
            "write-theme",
            theme = neutral::terminal_line(theme).into_owned()
        ));
        if let Some(context) = &prompt.context {
            header.push(String::new());
            header.push(neutral::terminal(context).into_owned());
        }
        header.push(String::new());
        header.push(t!(
            "write-question",
            question = neutral::terminal_line(&prompt.question).into_owned()
        ));
        header.push(String::new());
    }
    header.push(t!("write-template-instructions", comment = draft::COMMENT));

    let text = match &ctx.config.editor {
        Some(editor_command) => {
            let pack = match answering {
                Some((pack, _)) => pack,
                None => ctx.chosen_pack()?,
            };
            header.extend(rating::template_header(pack));
            let body = format!("\n\n{}", rating::template_body());
            let draft = Draft::create(&ctx.config.drafts_dir, id.as_str(), &header, &body)?;
            // Kept apart, so that a draft left by a failed or closed editor can be
            // resumed as the entry it was meant to be.
            draft.save_meta(meta)?;
            draft.edit(editor_command)?;
            let (text, fields) = rating::take_fields(&draft.text()?, ctx.packs()?, Some(pack));
            for note in &fields.notes {
                terminal::note(note);
            }
            // The flags win; the template fills what they left open.
            let mut filled = *rating;
            filled.level = filled.level.or(fields.rating.level);
            filled.depth = filled.depth.or(fields.rating.depth);
            filled.from = filled.from.or(fields.rating.from);
            match filled.check() {
                Ok(()) => *rating = filled,
                Err(why) => {
                    terminal::note(&why);
                    filled.from = rating.from;
                    *rating = filled;
                }
            }
            if text.is_empty() {
                draft.discard();
            }
            text
        }
        None if !terminal::stdin_is_terminal() => {
            bail!(t!("write-no-editor"))
        }
        None => {
            if answering.is_none() {
                eprintln!();
            }
            terminal::note(&t!("write-type-entry"));
            draft::clean_text(&terminal::read_stdin()?)
        }
    };
    if text.trim().is_empty() {
        terminal::note(&t!("write-empty"));
        return Ok(None);
    }
    Ok(Some(text))
}
