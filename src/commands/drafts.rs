//! Drafts left behind by an editor that failed or was closed: `reflect drafts` lists
//! them, and `reflect write` on a terminal offers each back (resume, discard, or keep
//! for later) before anything else. A draft is removed only once its entry is synced.

use std::io::Write;
use std::time::SystemTime;

use anyhow::Result;

use super::Context;
use crate::draft::{pending, Draft, DraftMeta};
use crate::entry::EntryId;
use crate::exit_codes::SUCCESS;
use crate::pack::Pack;
use crate::rating::{self, Rating};
use crate::{neutral, t, terminal};

/// A draft the person chose to resume.
pub struct Resumed {
    /// The id its entry gets (the one it was started with, when known).
    pub id: EntryId,
    pub meta: DraftMeta,
    pub draft: Draft,
}

pub fn run(ctx: &Context) -> Result<u8> {
    let drafts = pending(&ctx.config.drafts_dir)?;
    if drafts.is_empty() {
        terminal::note(&t!("drafts-none"));
        return Ok(SUCCESS);
    }
    let mut out = super::stdout();
    for found in &drafts {
        writeln!(
            out,
            "{}\t{}\t{}",
            when(found.modified),
            neutral::plain_field(&first_line(ctx, &found.text)),
            neutral::plain_field(&found.draft.path.display().to_string())
        )?;
    }
    out.flush()?;
    Ok(SUCCESS)
}

/// On a terminal, offers each draft left behind, newest first. Returns the one the
/// person resumes, or `None` to write a new entry.
pub fn offer(ctx: &Context) -> Result<Option<Resumed>> {
    let drafts = pending(&ctx.config.drafts_dir)?;
    if drafts.is_empty() {
        return Ok(None);
    }
    let known = ctx.journal().known_ids()?;
    for found in drafts {
        let meta = found.meta.unwrap_or_default();
        if meta.id.as_ref().is_some_and(|id| known.contains(id)) {
            // Its entry reached the journal; only the clean-up was missed.
            found.draft.discard();
            continue;
        }
        terminal::note(&t!(
            "drafts-offer",
            when = when(found.modified),
            first = neutral::terminal_line(&first_line(ctx, &found.text)).into_owned()
        ));
        match terminal::menu(&t!("drafts-menu"), &["r", "d", "k"])?.as_deref() {
            Some("r") => {
                let id = match &meta.id {
                    Some(id) => id.clone(),
                    None => EntryId::random()?,
                };
                return Ok(Some(Resumed {
                    id,
                    meta,
                    draft: found.draft,
                }));
            }
            Some("d") => {
                found.draft.discard();
                terminal::note(&t!("drafts-discarded"));
            }
            _ => terminal::note(&t!(
                "drafts-kept",
                path = found.draft.path.display().to_string()
            )),
        }
    }
    Ok(None)
}

impl Resumed {
    /// Opens the draft in the editor again (when there is one), and reads its text and
    /// rating: the flags it was started with, then its own field lines. `None` when
    /// the person emptied it (the draft is then removed).
    pub fn text_and_rating(
        &self,
        ctx: &Context,
        pack: Option<&Pack>,
    ) -> Result<Option<(String, Rating)>> {
        if let Some(editor) = &ctx.config.editor {
            self.draft.edit(editor)?;
        }
        let (text, fields) = rating::take_fields(&self.draft.text()?, ctx.packs()?, pack);
        if text.trim().is_empty() {
            Draft::at(self.draft.path.clone()).discard();
            terminal::note(&t!("drafts-empty"));
            return Ok(None);
        }
        let mut rating = Rating {
            level: self.meta.level.or(fields.rating.level),
            from: self.meta.from.or(fields.rating.from),
            depth: self.meta.depth.or(fields.rating.depth),
        };
        if rating.check().is_err() {
            rating.from = self.meta.from;
        }
        Ok(Some((text, rating)))
    }
}

/// The first line of a draft's words (the rating field lines aside).
fn first_line(ctx: &Context, text: &str) -> String {
    let words = match ctx.packs() {
        Ok(packs) => rating::take_fields(text, packs, None).0,
        Err(_) => text.to_string(),
    };
    words.lines().next().unwrap_or("").to_string()
}

fn when(modified: Option<SystemTime>) -> String {
    modified
        .map(|time| {
            chrono::DateTime::<chrono::Local>::from(time)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|| "-".to_string())
}
