//! One file per subcommand. Each is thin: resolve arguments, call the library,
//! render. They share a [`Context`]: the resolved settings plus lazily loaded packs.

mod check;
mod cohort;
mod compact;
mod completions;
mod config;
mod delete;
mod edit;
mod editor;
mod export;
mod import;
mod list;
mod packs;
mod progress;
mod prompt;
mod report;
mod show;
mod write;

use std::cell::OnceCell;
use std::io::{self, BufWriter, StdoutLock};
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::{Cli, ColorChoice, Command, FilterArgs};
use crate::config::{Config, Overrides};
use crate::dates::parse_day;
use crate::error::usage;
use crate::filter::{Criteria, Filter};
use crate::journal::Journal;
use crate::pack::{load_packs, PackSet, PackSources};
use crate::terminal;

/// Runs the parsed command line and returns the exit status.
pub fn run(cli: Cli) -> Result<u8> {
    let (pack_files, pack_ids) = split_pack_args(&cli.packs);
    let config = Config::load(Overrides {
        journal: cli.journal,
        packs: pack_files,
        no_color: cli.color == ColorChoice::Never,
    })?;
    let ctx = Context {
        config,
        pack_ids,
        packs: OnceCell::new(),
    };
    match cli.command {
        Command::Write(args) => write::run(&ctx, args),
        Command::Prompt(args) => prompt::run(&ctx, args),
        Command::List(args) => list::run(&ctx, args),
        Command::Show(args) => show::run(&ctx, args),
        Command::Edit(args) => edit::run(&ctx, args),
        Command::Delete(args) => delete::run(&ctx, args),
        Command::Progress(args) => progress::run(&ctx, args),
        Command::Cohort(args) => cohort::run(&ctx, args),
        Command::Export(args) => export::run(&ctx, args),
        Command::Import(args) => import::run(&ctx, args),
        Command::Packs(command) => packs::run(&ctx, command),
        Command::Check(args) => check::run(&ctx, args),
        Command::Compact => compact::run(&ctx),
        Command::Config => config::run(&ctx),
        Command::Completions(args) => completions::completions(args),
        Command::Man => completions::man(),
    }
}

/// `--pack` takes a pack id or a pack file: anything that looks like a path is a file.
fn split_pack_args(values: &[String]) -> (Vec<PathBuf>, Vec<String>) {
    let (files, ids): (Vec<&String>, Vec<&String>) = values.iter().partition(|value| {
        value.ends_with(".toml")
            || value.contains('/')
            || value.contains(std::path::MAIN_SEPARATOR)
            || Path::new(value).is_file()
    });
    (
        files.into_iter().map(PathBuf::from).collect(),
        ids.into_iter().cloned().collect(),
    )
}

/// What every command may need: settings, the journal, packs (loaded on first use).
pub struct Context {
    pub config: Config,
    /// Pack ids named with `--pack ID`.
    pack_ids: Vec<String>,
    packs: OnceCell<PackSet>,
}

impl Context {
    pub fn journal(&self) -> Journal {
        Journal::new(&self.config.journal.path).with_report(std::sync::Arc::new(report::OnStderr))
    }

    /// The loaded packs: embedded, the packs folder, then `--pack` files. A broken
    /// pack in the folder is skipped with a warning; a broken `--pack` file is an error.
    pub fn packs(&self) -> Result<&PackSet> {
        if let Some(packs) = self.packs.get() {
            return Ok(packs);
        }
        let (packs, warnings) = load_packs(&PackSources {
            packs_dir: Some(self.config.packs_dir.path.clone()),
            files: self.config.extra_packs.clone(),
            default_pack: self.config.default_pack.clone(),
        })
        .map_err(packs::report_load_error)?;
        for warning in warnings {
            terminal::warn(&warning);
        }
        Ok(self.packs.get_or_init(|| packs))
    }

    /// Ids of the packs chosen with `--pack` (by id, or loaded from a file). Empty
    /// when none was named.
    pub fn selected_packs(&self) -> Result<Vec<String>> {
        let packs = self.packs()?;
        let mut ids = Vec::new();
        for id in &self.pack_ids {
            if packs.get(id).is_none() {
                let known: Vec<&str> = packs.iter().map(|p| p.id.as_str()).collect();
                return Err(usage(format!(
                    "no loaded pack has the id '{}' (loaded: {})",
                    terminal::sanitize_line(id),
                    known.join(", ")
                )));
            }
            ids.push(id.clone());
        }
        for pack in packs.iter() {
            if let crate::pack::PackOrigin::CommandLine(_) = pack.origin {
                if !ids.contains(&pack.id) {
                    ids.push(pack.id.clone());
                }
            }
        }
        Ok(ids)
    }

    /// Resolves the shared filter flags (dates relative to today, level names of packs).
    pub fn filter(&self, args: &FilterArgs) -> Result<Filter> {
        let today = self.config.today();
        let day = |value: &Option<String>, flag: &str| -> Result<_> {
            value
                .as_deref()
                .map(|v| parse_day(v, today).map_err(|err| usage(format!("{flag}: {err}"))))
                .transpose()
        };
        let since = day(&args.since, "--since")?;
        let until = day(&args.until, "--until")?;
        let levels = if args.level.is_empty() {
            Vec::new()
        } else {
            let packs = self.packs()?;
            args.level
                .iter()
                .map(|word| {
                    packs
                        .parse_level(word)
                        .map_err(|err| usage(format!("--level: {err}")))
                })
                .collect::<Result<Vec<_>>>()?
        };
        Filter::new(Criteria {
            since,
            until,
            themes: args.theme.clone(),
            prompts: args.prompt.clone(),
            levels,
            tags: args.tag.clone(),
            packs: self.selected_packs_if_named()?,
            contains: args.contains.clone(),
        })
        .map_err(usage)
    }

    /// Like [`Context::selected_packs`], but loads no packs when `--pack` was not given.
    fn selected_packs_if_named(&self) -> Result<Vec<String>> {
        if self.pack_ids.is_empty() && self.config.extra_packs.is_empty() {
            Ok(Vec::new())
        } else {
            self.selected_packs()
        }
    }

    /// Whether to decorate output (colour, Unicode bars): a terminal and no `NO_COLOR`.
    pub fn fancy(&self) -> bool {
        terminal::fancy_output(self.config.no_color)
    }
}

/// Buffered, locked standard output. Commands write through it with `writeln!` and
/// `?`, so a closed pipe ends the command quietly instead of panicking.
pub fn stdout() -> BufWriter<StdoutLock<'static>> {
    BufWriter::with_capacity(1 << 16, io::stdout().lock())
}
