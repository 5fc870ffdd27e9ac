//! `reflect completions SHELL` and `reflect man [--dir DIR]`, generated from the
//! clap definition.

use std::io::Write;

use anyhow::Context as _;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::exit_codes::SUCCESS;
use crate::fs::create_private_dir_all;
use crate::{i18n, man, t, terminal};

pub fn completions(args: CompletionsArgs) -> anyhow::Result<u8> {
    let mut out = super::stdout();
    clap_complete::generate(args.shell, &mut Cli::command(), "reflect", &mut out);
    out.flush()?;
    Ok(SUCCESS)
}

/// The top page on stdout, or every page into `--dir` (created if needed).
pub fn man(args: ManArgs) -> anyhow::Result<u8> {
    let command = i18n::help::localize(Cli::command());
    let Some(dir) = args.dir else {
        let mut out = super::stdout();
        out.write_all(man::top_page(command)?.roff.as_bytes())?;
        out.flush()?;
        return Ok(SUCCESS);
    };
    create_private_dir_all(&dir)
        .with_context(|| t!("file-cannot-create", path = dir.display().to_string()))?;
    let pages = man::all_pages(command)?;
    for page in &pages {
        let path = dir.join(&page.file_name);
        std::fs::write(&path, &page.roff)
            .with_context(|| t!("file-cannot-write", path = path.display().to_string()))?;
    }
    terminal::note(&t!(
        "man-written",
        count = pages.len(),
        dir = dir.display().to_string()
    ));
    Ok(SUCCESS)
}
