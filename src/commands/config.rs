//! `reflect config`: the paths in use and the rule that chose each, even when the
//! config file is broken (then the error follows on stderr, and the exit is 1).

use std::io::Write;

use anyhow::{bail, Result};

use super::Context;
use crate::exit_codes::SUCCESS;
use crate::neutral::terminal_line;
use crate::t;

pub fn run(ctx: &Context) -> Result<u8> {
    let config = &ctx.config;
    let mut out = super::stdout();
    let path = |p: &std::path::Path| p.display().to_string();
    writeln!(
        out,
        "{}",
        t!(
            "config-journal",
            path = path(&config.journal.path),
            source = config.journal.source.to_string()
        )
    )?;
    let file_id = if config.config_file_exists {
        "config-file"
    } else {
        "config-file-missing"
    };
    writeln!(
        out,
        "{}",
        t!(
            file_id,
            path = path(&config.config_file.path),
            source = config.config_file.source.to_string()
        )
    )?;
    writeln!(
        out,
        "{}",
        t!(
            "config-packs",
            path = path(&config.packs_dir.path),
            source = config.packs_dir.source.to_string()
        )
    )?;
    writeln!(
        out,
        "{}",
        t!("config-drafts", path = path(&config.drafts_dir))
    )?;
    let editor = match config.editor.as_deref() {
        Some(editor) => t!("config-editor", editor = terminal_line(editor).into_owned()),
        None => t!("config-no-editor"),
    };
    writeln!(out, "{editor}")?;
    let language = &config.language;
    let lang = language.lang.code();
    let name = t!(&format!("language-{lang}"));
    let source = language.source.to_string();
    let line = match &language.unknown {
        None => t!("config-language", lang = lang, name = name, source = source),
        Some(asked) => t!(
            "config-language-unknown",
            lang = lang,
            name = name,
            source = source,
            asked = terminal_line(asked).into_owned()
        ),
    };
    writeln!(out, "{line}")?;
    out.flush()?;
    // The paths are printed first: they say where the broken file is.
    if let Some(error) = &config.file_error {
        bail!(t!("config-file-unusable", error = error.as_str()));
    }
    Ok(SUCCESS)
}
