//! `reflect completions SHELL` and `reflect man`, generated from the clap definition.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::exit_codes::SUCCESS;

pub fn completions(args: CompletionsArgs) -> anyhow::Result<u8> {
    let mut out = super::stdout();
    clap_complete::generate(args.shell, &mut Cli::command(), "reflect", &mut out);
    out.flush()?;
    Ok(SUCCESS)
}

pub fn man() -> anyhow::Result<u8> {
    let mut out = super::stdout();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    out.flush()?;
    Ok(SUCCESS)
}
