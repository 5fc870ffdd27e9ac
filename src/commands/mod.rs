//! One file per subcommand. Each is thin: resolve arguments, call the library,
//! render. They share a [`Context`]: the resolved settings plus lazily loaded packs.

mod check;
mod checkin;
mod cohort;
mod compact;
mod completions;
mod config;
mod damage;
mod delete;
mod drafts;
mod edit;
mod export;
mod history;
mod home;
mod import;
mod list;
mod packs;
mod progress;
mod prompt;
mod rate;
mod report;
mod share;
mod show;
mod stats;
mod tags;
mod write;

use std::cell::OnceCell;
use std::io::{self, BufWriter, StdoutLock};

use anyhow::{anyhow, Result};

use crate::busy::Busy;
use crate::cli::{Cli, Command, FilterArgs};
use crate::config::{Config, Overrides};
use crate::dates::parse_span;
use crate::entry::{Depth, Origin, Placement};
use crate::error::usage;
use crate::filter::{Criteria, Filter};
use crate::fs::Protected;
use crate::journal::Journal;
use crate::pack::{
    installed_pack_files, Answer, Pack, PackChoice, PackError, PackRequest, PackSet, Problem,
    Question,
};
use crate::terminal;

/// Runs the parsed command line and returns the exit status.
pub fn run(cli: Cli) -> Result<u8> {
    let config = Config::load(Overrides {
        journal: cli.journal,
        color: cli.color.into(),
        lang: cli.lang,
    })?;
    crate::i18n::set_lang(config.language.lang);
    // A broken config file stops every command that would use its settings; `config`
    // still shows the paths (then fails), and the generators need no settings.
    if let Some(error) = &config.file_error {
        let unaffected = matches!(
            cli.command,
            Some(Command::Config | Command::Completions(_) | Command::Man(_))
        );
        if !unaffected {
            return Err(anyhow!("{error}"));
        }
    }
    let pack_request = PackRequest {
        packs_dir: Some(config.packs_dir.path.clone()),
        default_pack: config.default_pack.clone(),
        lang: config.language.lang,
        ..PackRequest::default()
    }
    .with_pack_args(&cli.packs);
    let ctx = Context {
        config,
        pack_request,
        packs: OnceCell::new(),
    };
    let command = match cli.command {
        Some(command) => command,
        None => match home::run(&ctx)? {
            home::Next::Run(command) => *command,
            home::Next::Exit(code) => return Ok(code),
        },
    };
    dispatch(&ctx, command)
}

fn dispatch(ctx: &Context, command: Command) -> Result<u8> {
    match command {
        Command::Write(args) => write::run(ctx, args),
        Command::Prompt(args) => prompt::run(ctx, args),
        Command::List(args) => list::run(ctx, args),
        Command::Show(args) => show::run(ctx, args),
        Command::Tags => tags::run(ctx),
        Command::Stats(args) => stats::run(ctx, args),
        Command::History(args) => history::history(ctx, args),
        Command::Restore(args) => history::restore(ctx, args),
        Command::Drafts => drafts::run(ctx),
        Command::Edit(args) => edit::run(ctx, args),
        Command::Rate => rate::run(ctx),
        Command::Checkin(args) => checkin::run(ctx, args),
        Command::Delete(args) => delete::run(ctx, args),
        Command::Progress(args) => progress::run(ctx, args),
        Command::Cohort(args) => cohort::run(ctx, args),
        Command::Share(args) => share::run(ctx, args),
        Command::Report(args) => report::run(ctx, args),
        Command::Export(args) => export::run(ctx, args),
        Command::Import(args) => import::run(ctx, args),
        Command::Packs(command) => packs::run(ctx, command),
        Command::Check(args) => check::run(ctx, args),
        Command::Compact => compact::run(ctx),
        Command::Config => config::run(ctx),
        Command::Completions(args) => completions::completions(args),
        Command::Man(args) => completions::man(args),
    }
}

/// What every command may need: settings, the journal, packs (loaded on first use).
pub struct Context {
    pub config: Config,
    /// What the config and `--pack` say about packs.
    pack_request: PackRequest,
    packs: OnceCell<PackChoice>,
}

impl Context {
    /// Long work on the journal: a progress bar (see [`Busy`]) measured in bytes of
    /// the journal file, and the journal that moves it.
    pub fn journal_with_bar(&self, message: String) -> (Journal, Busy) {
        let journal = self.journal();
        let size = std::fs::metadata(journal.path()).map_or(0, |m| m.len());
        let busy = Busy::start(
            message,
            Some(size),
            self.config.progress_after,
            self.config.ascii,
        );
        let journal = journal.with_report(std::sync::Arc::new(damage::WithBar(busy.clone())));
        (journal, busy)
    }

    pub fn journal(&self) -> Journal {
        Journal::new(&self.config.journal.path)
            .with_report(std::sync::Arc::new(damage::OnStderr))
            .with_lock_timeout(self.config.lock_timeout)
    }

    /// The packs of this run and the choice among them, loaded on first use. A broken
    /// pack in the folder is skipped with a warning; a broken `--pack` file is an error.
    fn pack_choice(&self) -> Result<&PackChoice> {
        if let Some(choice) = self.packs.get() {
            return Ok(choice);
        }
        let (choice, warnings) = PackChoice::load(&self.pack_request).map_err(report_load_error)?;
        for warning in warnings {
            terminal::warn(&warning);
        }
        Ok(self.packs.get_or_init(|| choice))
    }

    /// The loaded packs: embedded, the packs folder, then `--pack` files.
    pub fn packs(&self) -> Result<&PackSet> {
        Ok(self.pack_choice()?.packs())
    }

    /// Ids of the packs chosen with `--pack` (by id, or loaded from a file). Empty
    /// when none was named.
    pub fn selected_packs(&self) -> Result<Vec<String>> {
        self.pack_choice()?.selected()
    }

    /// The pack a command uses when none is named: the first `--pack` (an id or a
    /// file), else the default pack.
    pub fn chosen_pack(&self) -> Result<&Pack> {
        self.pack_choice()?.chosen()
    }

    /// Files no output of this run may overwrite: the journal and its side files,
    /// the config file, installed packs and `--pack` files.
    pub fn protected_files(&self) -> Protected {
        let journal = self.journal();
        let resolved = Journal::new(crate::fs::resolve_symlink(journal.path()));
        let mut protected = Protected::new();
        protected
            .add("protected-journal", journal.path())
            .add("protected-lock", journal.lock_path())
            .add("protected-damaged", journal.damaged_path())
            .add("protected-damaged", resolved.damaged_path())
            .add("protected-config", &self.config.config_file.path);
        for file in installed_pack_files(&self.config.packs_dir.path).unwrap_or_default() {
            protected.add("protected-installed-pack", file);
        }
        for file in &self.pack_request.files {
            protected.add("protected-pack-in-use", file);
        }
        protected
    }

    /// Resolves the shared filter flags (dates relative to today, level names of packs).
    pub fn filter(&self, args: &FilterArgs) -> Result<Filter> {
        let today = self.config.today();
        let span = |value: &Option<String>, flag: &str| -> Result<_> {
            value
                .as_deref()
                .map(|v| parse_span(v, today).map_err(|err| usage(format!("{flag}: {err}"))))
                .transpose()
        };
        let on = span(&args.on, "--on")?;
        let since = span(&args.since, "--since")?.map(|s| s.first);
        let until = span(&args.until, "--until")?.map(|s| s.last);
        // `--on` narrows whatever `--since`/`--until` allow.
        let since = match (since, on) {
            (Some(since), Some(on)) => Some(since.max(on.first)),
            (since, on) => since.or(on.map(|on| on.first)),
        };
        let until = match (until, on) {
            (Some(until), Some(on)) => Some(until.min(on.last)),
            (until, on) => until.or(on.map(|on| on.last)),
        };
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
            exact: args.exact,
        })
        .map_err(usage)
    }

    /// Like [`Context::selected_packs`], but loads no packs when `--pack` was not given.
    fn selected_packs_if_named(&self) -> Result<Vec<String>> {
        if !self.pack_request.names_packs() {
            Ok(Vec::new())
        } else {
            self.selected_packs()
        }
    }

    /// Whether to decorate output with Unicode (borders, bars, arrows): `--color
    /// always`, or a terminal that is not `TERM=dumb` without `--color never`.
    /// `NO_COLOR` keeps it.
    pub fn unicode(&self) -> bool {
        terminal::unicode_output(&self.config)
    }

    /// Whether to colour output (bold headers): `--color always`, or a terminal
    /// without `NO_COLOR`, `TERM=dumb` or `--color never`.
    pub fn color(&self) -> bool {
        terminal::color_output(&self.config)
    }
}

/// The day of `--date` for `write` and `edit`: one day, not after today unless
/// `--allow-future`.
fn entry_day(
    text: &str,
    today: chrono::NaiveDate,
    allow_future: bool,
) -> Result<chrono::NaiveDate> {
    let day = crate::dates::parse_day(text, today)
        .and_then(|day| {
            if allow_future {
                Ok(day)
            } else {
                crate::dates::refuse_future(day, text, today)
            }
        })
        .map_err(|err| usage(format!("--date: {err}")))?;
    Ok(day)
}

/// `--level`, `--from` and `--depth` as given: `None` when the flag is absent,
/// `Some(None)` for `none` (clears a transfer or a depth on `edit`).
#[derive(Debug, Default)]
pub struct RatingFlags {
    pub level: Option<Option<Placement>>,
    pub from: Option<Option<Origin>>,
    pub depth: Option<Option<Depth>>,
}

/// Reads the rating flags in the words of `pack` (the entry's), else of any loaded
/// pack. An unknown value is a usage error listing the valid ids and labels.
pub fn rating_flags(
    ctx: &Context,
    pack: Option<&Pack>,
    level: Option<&str>,
    from: Option<&str>,
    depth: Option<&str>,
) -> Result<RatingFlags> {
    let read =
        |question: Question, flag: &str, word: Option<&str>| -> Result<Option<Option<Answer>>> {
            let Some(word) = word else { return Ok(None) };
            if question != Question::Level && word.trim().eq_ignore_ascii_case("none") {
                return Ok(Some(None));
            }
            let answer = ctx
                .packs()?
                .answer(pack, question, word)
                .map_err(|err| usage(format!("{flag}: {err}")))?;
            Ok(Some(Some(answer)))
        };
    let mut flags = RatingFlags::default();
    if let Some(answer) = read(Question::Level, "--level", level)? {
        flags.level = Some(answer.and_then(|a| match a {
            Answer::Level(level) => Some(level),
            _ => None,
        }));
    }
    if let Some(answer) = read(Question::From, "--from", from)? {
        flags.from = Some(answer.and_then(|a| match a {
            Answer::From(from) => Some(from),
            _ => None,
        }));
    }
    if let Some(answer) = read(Question::Depth, "--depth", depth)? {
        flags.depth = Some(answer.and_then(|a| match a {
            Answer::Depth(depth) => Some(depth),
            _ => None,
        }));
    }
    Ok(flags)
}

/// Buffered, locked standard output. Commands write through it with `writeln!` and
/// `?`, so a closed pipe ends the command quietly instead of panicking.
pub fn stdout() -> BufWriter<StdoutLock<'static>> {
    BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

/// A `--pack` file with several problems gets one line per problem on stderr, then a
/// one-line error.
fn report_load_error(err: anyhow::Error) -> anyhow::Error {
    if let Some(PackError::Invalid { file, problems }) = err.downcast_ref::<PackError>() {
        if problems.len() > 1 {
            print_problems(problems);
            return anyhow!(crate::t!(
                "packs-not-loaded",
                file = file.as_str(),
                problems = crate::t!("packs-problems-count", count = problems.len())
            ));
        }
    }
    err
}

/// One note line per problem of a pack (problems are safe to print).
fn print_problems(problems: &[Problem]) {
    for problem in problems {
        terminal::note(&problem.to_string());
    }
}
