//! `reflect export`: Markdown (default) or JSON, to stdout, a device, or atomically to
//! a file that is not one reflect depends on (see [`crate::fs::Output`]).

use std::io::Write;

use anyhow::{Context as _, Result};
use chrono::{DateTime, FixedOffset};

use crate::cli::{ExportArgs, ExportFormat, GroupBy};
use crate::exit_codes::SUCCESS;
use crate::export::{json, markdown};
use crate::filter::Filter;
use crate::fs::Output;
use crate::journal::Journal;
use crate::pack::PackSet;

pub fn run(ctx: &super::Context, args: ExportArgs) -> Result<u8> {
    let filter = ctx.filter(&args.filter)?;
    let packs = match args.format {
        ExportFormat::Markdown => Some(ctx.packs()?),
        ExportFormat::Json => None,
    };
    let export = Export {
        journal: ctx.journal(),
        filter,
        packs,
        args: &args,
        exported: ctx.config.now,
    };
    Output::from_arg(args.output.as_deref())
        .write(&ctx.protected_files(), |out| export.write(out))
        .with_context(|| crate::t!("export-not-written"))?;
    Ok(SUCCESS)
}

struct Export<'a> {
    journal: Journal,
    filter: Filter,
    /// Loaded for Markdown only (titles, questions and level names).
    packs: Option<&'a PackSet>,
    args: &'a ExportArgs,
    exported: DateTime<FixedOffset>,
}

impl Export<'_> {
    fn write<W: Write + ?Sized>(&self, out: &mut W) -> Result<()> {
        match self.packs {
            Some(packs) => {
                let options = markdown::Options {
                    packs,
                    filter: &self.filter,
                    group_by: grouping(self.args.group_by),
                    exported: self.exported,
                };
                markdown::write(out, &self.journal, &options)?;
            }
            None => {
                json::write(out, &self.journal, &self.filter, self.exported)?;
            }
        }
        Ok(())
    }
}

fn grouping(group_by: GroupBy) -> markdown::Grouping {
    match group_by {
        GroupBy::Day => markdown::Grouping::Day,
        GroupBy::Theme => markdown::Grouping::Theme,
        GroupBy::Level => markdown::Grouping::Level,
    }
}
