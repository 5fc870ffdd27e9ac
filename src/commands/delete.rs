//! `reflect delete ID`: appends a retraction. The words stay in the file until
//! `reflect compact`, so a mistaken delete can still be recovered by hand.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::DeleteArgs;
use crate::exit_codes::SUCCESS;
use crate::t;
use crate::terminal;

pub fn run(ctx: &Context, args: DeleteArgs) -> Result<u8> {
    let journal = ctx.journal();
    let entry = journal.find(&args.id)?;
    journal.retract(&entry.id, ctx.config.now)?;
    let mut out = super::stdout();
    writeln!(out, "{}", entry.id)?;
    out.flush()?;
    terminal::note(&t!(
        "delete-done",
        id = entry.id.to_string(),
        date = entry.date.to_string()
    ));
    Ok(SUCCESS)
}
