//! `reflect show ID`: one entry in full.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::ShowArgs;
use crate::exit_codes::SUCCESS;
use crate::neutral;
use crate::t;

pub fn run(ctx: &Context, args: ShowArgs) -> Result<u8> {
    let entry = ctx.journal().find(&args.id)?;
    let packs = ctx.packs()?;
    let pack = entry.pack.as_deref().and_then(|id| packs.get(id));
    let mut out = super::stdout();

    writeln!(
        out,
        "{}  {}  {}",
        entry.id,
        crate::dates::display_long_day(entry.date),
        packs.placement_label(entry.pack.as_deref(), entry.level)
    )?;
    if let Some(theme) = &entry.theme {
        let title = pack
            .and_then(|p| p.theme(theme))
            .map_or(theme.as_str(), |t| t.title.as_str());
        let theme = neutral::terminal_line(title).into_owned();
        writeln!(out, "{}", t!("show-theme", theme = theme))?;
    }
    if let Some(from) = entry.from {
        let label = packs.origin_label(entry.pack.as_deref(), from);
        let label = neutral::terminal_line(&label);
        writeln!(out, "{}", t!("show-from", label = label.as_ref()))?;
    }
    if let Some(depth) = entry.depth {
        let label = packs.depth_label(entry.pack.as_deref(), depth);
        let label = neutral::terminal_line(&label);
        writeln!(out, "{}", t!("show-depth", label = label.as_ref()))?;
    }
    if let Some(prompt_id) = &entry.prompt {
        match pack.and_then(|p| p.prompt(prompt_id)) {
            Some(prompt) => {
                let question = neutral::terminal_line(&prompt.question).into_owned();
                writeln!(out, "{}", t!("show-prompt", question = question))?
            }
            None => writeln!(
                out,
                "{}",
                t!(
                    "show-prompt-unknown",
                    pack =
                        neutral::terminal_line(entry.pack.as_deref().unwrap_or("?")).into_owned(),
                    prompt = neutral::terminal_line(prompt_id).into_owned()
                )
            )?,
        }
    }
    if !entry.tags.is_empty() {
        let tags = neutral::terminal_line(&entry.tags.join(", ")).into_owned();
        writeln!(out, "{}", t!("show-tags", tags = tags))?;
    }
    let moment =
        |m: chrono::DateTime<chrono::FixedOffset>| m.format("%Y-%m-%d %H:%M %:z").to_string();
    write!(
        out,
        "{}",
        t!("show-written", moment = moment(entry.written))
    )?;
    if let Some(revised) = entry.revised {
        write!(out, "{}", t!("show-revised", moment = moment(revised)))?;
    }
    writeln!(out, "\n")?;
    writeln!(out, "{}", neutral::terminal(&entry.text))?;
    out.flush()?;
    Ok(SUCCESS)
}
