//! `reflect edit ID`: appends a revision with the new text, level, transfer, depth,
//! tags or date. Changing only those keeps the text as it is.

use std::io::Write;

use anyhow::{anyhow, Result};

use super::Context;
use crate::cli::EditArgs;
use crate::draft::{self, Draft};
use crate::entry::normalize_tag;
use crate::error::usage;
use crate::exit_codes::{FAILURE, SUCCESS};
use crate::neutral;
use crate::rating::Rating;
use crate::{t, terminal};

pub fn run(ctx: &Context, args: EditArgs) -> Result<u8> {
    let journal = ctx.journal();
    let original = journal.find(&args.id)?;
    let mut entry = original.clone();

    // Re-rating keeps the text: the entry's own pack words first, then any pack's.
    let pack = entry
        .pack
        .as_deref()
        .and_then(|id| ctx.packs().ok()?.get(id));
    let flags = super::rating_flags(
        ctx,
        pack,
        args.level.as_deref(),
        args.from.as_deref(),
        args.depth.as_deref(),
    )?;
    let mut rating = Rating::of(&entry);
    if let Some(level) = flags.level {
        rating.level = level;
    }
    if let Some(from) = flags.from {
        rating.from = from;
    }
    if let Some(depth) = flags.depth {
        rating.depth = depth;
    }
    rating.check().map_err(|why| {
        if flags.from.is_none() && rating.from.is_some() {
            usage(format!("{why} {}", crate::words::keep_from_hint()))
        } else {
            usage(why)
        }
    })?;
    rating.apply(&mut entry);
    let tag_list = |tags: &[String], flag: &str| -> Result<Vec<String>> {
        tags.iter()
            .map(|t| normalize_tag(t).map_err(|err| usage(format!("{flag}: {err}"))))
            .collect()
    };
    if !args.tag.is_empty() {
        entry.tags = tag_list(&args.tag, "--tag")?;
    }
    for tag in tag_list(&args.add_tag, "--add-tag")? {
        if !entry.tags.contains(&tag) {
            entry.tags.push(tag);
        }
    }
    let removed = tag_list(&args.remove_tag, "--remove-tag")?;
    entry.tags.retain(|tag| !removed.contains(tag));
    if let Some(text) = &args.date {
        entry.date = super::entry_day(text, ctx.config.today(), args.allow_future)?;
    }
    let metadata_only = args.level.is_some()
        || args.depth.is_some()
        || args.from.is_some()
        || !args.tag.is_empty()
        || !args.add_tag.is_empty()
        || !args.remove_tag.is_empty()
        || args.date.is_some();
    // The editor's draft stays on disk until the revision is synced to the journal.
    let mut draft = None;
    if let Some(text) = &args.message {
        entry.text = draft::clean_text(text);
    } else if !metadata_only {
        entry.text = if terminal::stdin_is_terminal() {
            let Some(editor_command) = &ctx.config.editor else {
                anyhow::bail!(t!("edit-no-editor"));
            };
            let header = vec![
                t!(
                    "edit-template-title",
                    id = entry.id.to_string(),
                    date = entry.date.to_string()
                ),
                t!("edit-template-instructions", comment = draft::COMMENT),
            ];
            let opened = Draft::create(
                &ctx.config.drafts_dir,
                &format!("edit-{}", entry.id),
                &header,
                &entry.text,
            )?;
            // Both say where the draft is kept when they fail.
            opened.edit(editor_command)?;
            let text = opened.text()?;
            draft = Some(opened);
            text
        } else {
            draft::clean_text(&terminal::read_stdin()?)
        };
    }
    if entry.text.trim().is_empty() {
        if let Some(draft) = draft {
            draft.discard();
        }
        terminal::note(&t!("edit-cancelled"));
        return Ok(FAILURE);
    }
    if entry == original {
        if let Some(draft) = draft {
            draft.discard();
        }
        terminal::note(&t!("edit-no-change", id = entry.id.to_string()));
        return Ok(SUCCESS);
    }
    if let Err(err) = journal.revise(&entry, ctx.config.now) {
        let kept = match &draft {
            Some(draft) => Some(draft.path.clone()),
            None => Draft::rescue(
                &ctx.config.drafts_dir,
                &format!("unsaved-edit-{}", entry.id),
                &entry.text,
            ),
        };
        return Err(match kept {
            Some(path) => {
                anyhow!(err).context(t!("edit-not-saved-kept", path = path.display().to_string()))
            }
            None => anyhow!(err).context(t!("edit-not-saved")),
        });
    }
    if let Some(draft) = draft {
        draft.discard();
    }
    let mut out = super::stdout();
    writeln!(out, "{}", entry.id)?;
    out.flush()?;
    terminal::note(&t!(
        "edit-revised",
        id = entry.id.to_string(),
        date = neutral::terminal_line(&entry.date.to_string()).into_owned()
    ));
    Ok(SUCCESS)
}
