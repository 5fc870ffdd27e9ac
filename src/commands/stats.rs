//! `reflect stats`: the rhythm of writing (see [`crate::rhythm`]), as text or JSON.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::{StatsArgs, StatsFormat};
use crate::exit_codes::SUCCESS;
use crate::neutral;
use crate::rhythm::{render, Mark, Rhythm};

pub fn run(ctx: &Context, args: StatsArgs) -> Result<u8> {
    let mut marks = Vec::new();
    for entry in ctx.journal().newest_first()?.without_text() {
        let entry = entry?;
        marks.push(Mark {
            day: entry.date,
            theme: entry.pack.zip(entry.theme),
        });
    }
    let rhythm = Rhythm::new(marks, ctx.config.today());
    let mut out = super::stdout();
    match args.format {
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &rhythm)?;
            writeln!(out)?;
        }
        StatsFormat::Text => {
            let packs = ctx.packs()?;
            let title = |pack: &str, theme: &str| -> String {
                let title = packs
                    .get(pack)
                    .and_then(|p| p.theme(theme))
                    .map_or(theme, |t| t.title.as_str());
                neutral::terminal_line(title).into_owned()
            };
            write!(out, "{}", render::text(&rhythm, !ctx.unicode(), &title))?;
        }
    }
    out.flush()?;
    Ok(SUCCESS)
}
