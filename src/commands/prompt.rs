//! `reflect prompt`: today's suggested prompt, as plain text for a shell greeting.
//!
//! The suggestion is the prompt of the chosen pack answered least, ties rotating
//! through the themes in a mixed order, so that progress over time does not follow
//! the pack's order (see `pack::suggest`). Reads the journal once, never asks anything.

use std::io::Write;

use anyhow::{anyhow, Result};

use super::Context;
use crate::cli::PromptArgs;
use crate::error::usage;
use crate::exit_codes;
use crate::pack::{answer_counts, suggest, Pack, PackOrigin, Theme};
use crate::{neutral, t, terminal};

pub fn run(ctx: &Context, args: PromptArgs) -> Result<u8> {
    let (pack, theme) = match args.theme.as_deref() {
        None => (ctx.chosen_pack()?, None),
        Some(name) => {
            let (pack, theme) = resolve_theme(ctx, name)?;
            (pack, Some(theme))
        }
    };
    let counts = answer_counts(&ctx.journal())?;
    let prompt = suggest(pack, &counts, theme.map(|t| t.id.as_str())).ok_or_else(|| {
        anyhow!(match theme {
            None => t!("prompt-no-prompts", pack = pack.id.as_str()),
            Some(theme) => t!(
                "prompt-no-prompts-in-theme",
                pack = pack.id.as_str(),
                theme = theme.id.as_str()
            ),
        })
    })?;

    let mut out = super::stdout();
    if args.short {
        let question = prompt
            .question
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        writeln!(out, "{}", neutral::terminal_line(&question))?;
    } else {
        let title = pack
            .theme(&prompt.theme)
            .map_or(prompt.theme.as_str(), |t| t.title.as_str());
        let width = terminal::width::prose_columns(terminal::width::Stream::Stdout);
        let title = neutral::terminal_line(title);
        write!(out, "{}", terminal::width::wrap(&title, width, ""))?;
        let question = terminal::width::reflow(&neutral::terminal(&prompt.question));
        write!(out, "{}", terminal::width::wrap(&question, width, "  "))?;
        // A pack given as a file is only known when the file is given again.
        let pack_flag = match &pack.origin {
            PackOrigin::CommandLine(path) => {
                format!("--pack {} ", shell_word(&path.display().to_string()))
            }
            _ => String::new(),
        };
        writeln!(
            out,
            "  reflect {pack_flag}write --prompt {}/{}",
            pack.id, prompt.id
        )?;
    }
    out.flush()?;
    Ok(exit_codes::SUCCESS)
}

/// `--theme ID` (in the chosen pack, else any loaded pack) or `--theme PACK/ID`.
fn resolve_theme<'a>(ctx: &'a Context, name: &str) -> Result<(&'a Pack, &'a Theme)> {
    if !name.contains('/') {
        let pack = ctx.chosen_pack()?;
        if let Some(theme) = pack.theme(name) {
            return Ok((pack, theme));
        }
    }
    ctx.packs()?
        .find_theme(name)
        .map_err(|err| usage(format!("--theme: {}", neutral::terminal_line(&err))))
}

/// Quotes a path for the hint line when it holds characters a shell would split on.
fn shell_word(text: &str) -> String {
    let plain = text
        .chars()
        .all(|c| c.is_alphanumeric() || "-_./+,:@%".contains(c));
    if plain {
        neutral::terminal_line(text).into_owned()
    } else {
        format!("'{}'", neutral::terminal_line(&text.replace('\'', r"'\''")))
    }
}
