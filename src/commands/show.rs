//! `reflect show ID`: one entry in full.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::ShowArgs;
use crate::exit_codes::SUCCESS;
use crate::neutral;

pub fn run(ctx: &Context, args: ShowArgs) -> Result<u8> {
    let entry = ctx.journal().find(&args.id)?;
    let packs = ctx.packs()?;
    let pack = entry.pack.as_deref().and_then(|id| packs.get(id));
    let mut out = super::stdout();

    writeln!(
        out,
        "{}  {}  {}",
        entry.id,
        entry.date.format("%A %-d %B %Y"),
        packs.level_label(entry.pack.as_deref(), entry.level)
    )?;
    if let Some(theme) = &entry.theme {
        let title = pack
            .and_then(|p| p.theme(theme))
            .map_or(theme.as_str(), |t| t.title.as_str());
        writeln!(out, "Theme:   {}", neutral::terminal_line(title))?;
    }
    if let Some(prompt_id) = &entry.prompt {
        match pack.and_then(|p| p.prompt(prompt_id)) {
            Some(prompt) => writeln!(out, "Prompt:  {}", neutral::terminal_line(&prompt.question))?,
            None => writeln!(
                out,
                "Prompt:  {}/{} (pack not loaded)",
                neutral::terminal_line(entry.pack.as_deref().unwrap_or("?")),
                neutral::terminal_line(prompt_id)
            )?,
        }
    }
    if !entry.tags.is_empty() {
        writeln!(
            out,
            "Tags:    {}",
            neutral::terminal_line(&entry.tags.join(", "))
        )?;
    }
    write!(
        out,
        "Written: {}",
        entry.written.format("%Y-%m-%d %H:%M %:z")
    )?;
    if let Some(revised) = entry.revised {
        write!(out, " (revised {})", revised.format("%Y-%m-%d %H:%M %:z"))?;
    }
    writeln!(out, "\n")?;
    writeln!(out, "{}", neutral::terminal(&entry.text))?;
    out.flush()?;
    Ok(SUCCESS)
}
