//! `reflect config`: the paths in use and the rule that chose each.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::exit_codes::SUCCESS;

pub fn run(ctx: &Context) -> Result<u8> {
    let config = &ctx.config;
    let mut out = super::stdout();
    writeln!(
        out,
        "journal:      {}  ({})",
        config.journal.path.display(),
        config.journal.source
    )?;
    writeln!(
        out,
        "config file:  {}  ({}{})",
        config.config_file.path.display(),
        config.config_file.source,
        if config.config_file_exists {
            ""
        } else {
            ", not created yet"
        }
    )?;
    writeln!(
        out,
        "packs folder: {}  ({})",
        config.packs_dir.path.display(),
        config.packs_dir.source
    )?;
    writeln!(out, "drafts:       {}", config.drafts_dir.display())?;
    writeln!(
        out,
        "editor:       {}",
        config
            .editor
            .as_deref()
            .unwrap_or("(none: $VISUAL and $EDITOR are unset)")
    )?;
    out.flush()?;
    Ok(SUCCESS)
}
