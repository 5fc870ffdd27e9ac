//! `reflect import [--from reflect|jrnl] FILE|-`: without `--from`, the file's shape
//! says which tool wrote it.

use std::fs;
use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context as _, Result};

use crate::cli::ImportArgs;
use crate::exit_codes::SUCCESS;
use crate::import::{self, Source};
use crate::t;
use crate::terminal;

pub fn run(ctx: &super::Context, args: ImportArgs) -> Result<u8> {
    let (bytes, name) = read_input(&args.file)?;
    let offset = *ctx.config.now.offset();
    let (journal, busy) = ctx.journal_with_bar(t!("busy-import", file = name.as_str()));
    let (source, imported) = match args.from {
        Some(source) => (
            source.into(),
            import::parse(source.into(), &bytes, &name, offset)?,
        ),
        None => import::parse_any(&bytes, &name, offset)?,
    };
    drop(bytes);
    busy.suspend(|| {
        // Our own format is the default and goes unsaid; another tool's is named.
        if args.from.is_none() && source == Source::Jrnl {
            terminal::note(&t!("import-recognised-jrnl", file = name.as_str()));
        }
        for warning in &imported.warnings {
            terminal::warn(warning);
        }
    });
    let (added, skipped) = journal
        .add_new(imported.entries)
        .with_context(|| t!("import-nothing-imported", file = name.as_str()))?;
    busy.finish();
    terminal::note(&t!("import-summary", count = added, skipped = skipped));
    Ok(SUCCESS)
}

/// The bytes to import and the name to give them in messages. `-` is stdin, which
/// must not be a terminal: nobody types an export by hand.
fn read_input(path: &Path) -> Result<(Vec<u8>, String)> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        if terminal::stdin_is_terminal() {
            bail!(t!("import-stdin-terminal"));
        }
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .with_context(|| t!("stdin-cannot-read"))?;
        return Ok((bytes, "stdin".to_string()));
    }
    let bytes = fs::read(path)
        .with_context(|| t!("file-cannot-read", path = path.display().to_string()))?;
    Ok((bytes, path.display().to_string()))
}
