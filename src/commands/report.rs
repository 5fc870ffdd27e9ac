//! `reflect report`: the leader's own report (Markdown or HTML) for a portfolio page
//! or a mentor conversation. The figures are those of `reflect progress` (one pass
//! over the journal); the entries' texts are read, in a second pass, only with
//! `--with-text`.

use anyhow::{Context as _, Result};

use crate::cli::{ReportArgs, ReportFormat};
use crate::entry::{Entry, Placement};
use crate::exit_codes::SUCCESS;
use crate::fs::Output;
use crate::pack::PackSet;
use crate::progress::words::label;
use crate::report::leader::{self, EntryText};

pub fn run(ctx: &super::Context, args: ReportArgs) -> Result<u8> {
    let (summary, _, checkins) = super::progress::summary(ctx, &args.filter, args.window, None)?;
    let entries = if args.with_text {
        let filter = ctx.filter(&args.filter)?;
        let packs = ctx.packs()?;
        let names = summary.level_names();
        let mut entries = Vec::new();
        for entry in ctx.journal().oldest_first()? {
            let entry = entry?;
            if filter.matches(&entry) {
                entries.push(entry);
            }
        }
        // Oldest first: by the day each is about, then when it was written.
        entries.sort_by_key(|e| (e.date, e.written));
        Some(
            entries
                .iter()
                .map(|e| entry_text(e, packs, &names))
                .collect::<Vec<_>>(),
        )
    } else {
        None
    };
    let packs = ctx.packs()?;
    let stage_name = |id: &str| super::progress::stage_name(packs, id).to_string();
    let checkins = crate::checkin::words::progress_block(&checkins, &stage_name);
    let report = leader::build(&summary, checkins, entries.as_deref());
    Output::from_arg(args.output.as_deref())
        .write(&ctx.protected_files(), |out| {
            let text = match args.format {
                ReportFormat::Markdown => crate::report::markdown::render(&report),
                ReportFormat::Html => {
                    crate::report::html::render(&report, crate::i18n::lang().code())
                }
            };
            out.write_all(text.as_bytes())?;
            Ok(())
        })
        .with_context(|| crate::t!("report-not-written"))?;
    Ok(SUCCESS)
}

/// "2026-11-02 · Theme title · Network" and the text.
fn entry_text(entry: &Entry, packs: &PackSet, names: &[String; 3]) -> EntryText {
    let theme = match (&entry.pack, &entry.theme) {
        (Some(pack), Some(theme)) => packs
            .get(pack)
            .and_then(|p| p.theme(theme))
            .map_or_else(|| format!("{pack}/{theme}"), |t| t.title.clone()),
        (None, Some(theme)) => theme.clone(),
        _ => label::free(),
    };
    let level = match entry.level {
        Some(Placement::At(level)) => names[level.rank()].clone(),
        Some(Placement::Idea) => label::idea(),
        None => label::unrated(),
    };
    EntryText {
        heading: format!("{} · {theme} · {level}", entry.date),
        text: entry.text.clone(),
    }
}
