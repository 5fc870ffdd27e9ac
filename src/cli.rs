//! The command line, in one place. Doc comments here become `--help`, completions
//! and the man page.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// A reflective journal for school leaders: answer reflection prompts, and see your
/// practice widen from your school to the network and the system.
#[derive(Debug, Parser)]
#[command(name = "reflect", version, about, max_term_width = 100)]
pub struct Cli {
    /// Journal file to use (default: REFLECT_JOURNAL, the config file, or the data folder).
    #[arg(long, global = true, value_name = "FILE")]
    pub journal: Option<PathBuf>,

    /// Use this prompt pack: a pack id, or a pack FILE to load (repeatable).
    /// Writing draws prompts from it; list, export and progress keep only its entries.
    #[arg(long = "pack", global = true, value_name = "ID|FILE")]
    pub packs: Vec<String>,

    /// When to use colour and Unicode decoration.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Interface language: en or es (default: REFLECT_LANG, the config file, the system locale).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<String>,

    /// What to do; without one, `reflect` shows today's prompt and a menu on a
    /// terminal, or a three-line status otherwise.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--lang` takes a language or locale name we speak (`es`, `es_CL`, `en-GB`).
fn parse_lang(value: &str) -> Result<String, String> {
    match crate::i18n::Lang::from_locale(value) {
        Some(_) => Ok(value.to_string()),
        None => Err("use en (English) or es (Spanish)".to_string()),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal; NO_COLOR turns colour off, TERM=dumb colour and Unicode.
    Auto,
    /// Colour and Unicode, even in a pipe.
    Always,
    /// No colour, plain ASCII.
    Never,
}

impl From<ColorChoice> for crate::config::ColorWhen {
    fn from(choice: ColorChoice) -> Self {
        match choice {
            ColorChoice::Auto => Self::Auto,
            ColorChoice::Always => Self::Always,
            ColorChoice::Never => Self::Never,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write an entry (opens $VISUAL/$EDITOR on a terminal; -m or stdin otherwise).
    Write(WriteArgs),
    /// Print today's suggested prompt (the one you have answered least).
    Prompt(PromptArgs),
    /// List entries, newest day first.
    List(ListArgs),
    /// Show one entry in full.
    Show(ShowArgs),
    /// List the tags in use: how many entries, newest use, entries per level.
    Tags,
    /// Your rhythm: entries per week, streaks, quiet themes, a calendar of six months.
    Stats(StatsArgs),
    /// List an entry's revisions, with what changed word by word.
    History(HistoryArgs),
    /// Bring back a deleted entry, or an earlier text, as a new revision.
    Restore(RestoreArgs),
    /// List drafts kept from editor sessions that did not end in an entry.
    Drafts,
    /// Change an entry (appends a revision; the original stays until `compact`).
    Edit(EditArgs),
    /// Delete an entry (appends a retraction; the text stays until `compact`).
    Delete(DeleteArgs),
    /// Rate unrated entries, newest first: level, transfer, depth (on a terminal;
    /// without one, print their ids).
    Rate,
    /// Rate your network: organisation, conditions for joint action, sessions.
    Checkin(CheckinArgs),
    /// Show where your practice happens (school, network, system), theme by theme and over time.
    Progress(ProgressArgs),
    /// Write the summary to share with a trainer (counts only); on a terminal, show
    /// what it holds and ask first.
    Share(ShareArgs),
    /// Write your own report, Markdown or HTML: measures and charts (entry texts only
    /// with --with-text).
    Report(ReportArgs),
    /// Combine several participants' `progress --format json` summaries.
    Cohort(CohortArgs),
    /// Export entries to Markdown or JSON.
    Export(ExportArgs),
    /// Import entries from a reflect JSON export or a jrnl JSON export.
    Import(ImportArgs),
    /// Work with prompt packs: list, show, validate, scaffold, install, remove.
    #[command(subcommand)]
    Packs(PacksCommand),
    /// Check the journal for damaged lines (and move them aside with --repair).
    Check(CheckArgs),
    /// Rewrite the journal without superseded revisions and deleted entries.
    Compact,
    /// Print the paths in use and where each came from.
    Config,
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff) on stdout, or write one page per command with --dir.
    Man(ManArgs),
}

/// Filters shared by list, export and progress.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Only entries about this day or later (2026-11-01, "3 weeks ago", "june 2013":
    /// a month or year starts on its first day). Numeric dates are month first in
    /// English (11/20/2026), day first in Spanish (20/11/2026).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only entries about this day or earlier (a month or year ends on its last day).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only entries about this day, month or year (yesterday, "june 2013", 2013).
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// Only entries on this theme (repeatable).
    #[arg(long, value_name = "ID")]
    pub theme: Vec<String>,
    /// Only answers to this prompt (repeatable).
    #[arg(long, value_name = "ID")]
    pub prompt: Vec<String>,
    /// Only entries at this level (repeatable; a pack's own level names work too).
    #[arg(long, value_name = "LEVEL")]
    pub level: Vec<String>,
    /// Only entries with this tag (repeatable: all must match).
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,
    /// Only entries whose text contains this, in any case, with or without accents
    /// (reunion finds "Reunión").
    #[arg(long, value_name = "TEXT")]
    pub contains: Option<String>,
    /// Make --contains match the text exactly as typed (case and accents count).
    #[arg(long, requires = "contains")]
    pub exact: bool,
}

#[derive(Debug, Clone, Default, Args)]
pub struct WriteArgs {
    /// The entry's text, in one quoted argument (the same as -m).
    #[arg(value_name = "TEXT", conflicts_with_all = ["message", "edit"])]
    pub text: Option<String>,
    /// The entry's text (otherwise stdin, the editor, or the terminal).
    #[arg(short, long, value_name = "TEXT")]
    pub message: Option<String>,
    /// Answer this prompt (ID or PACK/ID).
    #[arg(long, value_name = "ID", conflicts_with = "free")]
    pub prompt: Option<String>,
    /// Answer the least-answered prompt of this theme.
    #[arg(long, value_name = "ID", conflicts_with_all = ["prompt", "free"])]
    pub theme: Option<String>,
    /// Write a free entry, without a prompt.
    #[arg(long)]
    pub free: bool,
    /// Where the practice happened: school, network, system (or the pack's names), or
    /// idea (not practice yet). Without it, a terminal asks; otherwise it stays unrated.
    #[arg(short, long, value_name = "LEVEL")]
    pub level: Option<String>,
    /// How deep the joint work went: informing, coordinating, sharing, co-constructing
    /// (or the pack's names).
    #[arg(long, value_name = "DEPTH")]
    pub depth: Option<String>,
    /// The practice carried learning from another level, or from the programme.
    #[arg(long, value_name = "LEVEL|programme")]
    pub from: Option<String>,
    /// Tag the entry (repeatable).
    #[arg(short, long, value_name = "TAG")]
    pub tag: Vec<String>,
    /// The day the entry is about (2026-11-20, yesterday, "3 days ago", "june 9 2013").
    #[arg(short, long, value_name = "DATE")]
    pub date: Option<String>,
    /// Allow a --date after today.
    #[arg(long)]
    pub allow_future: bool,
    /// Open $VISUAL/$EDITOR even when standard input is not a terminal.
    #[arg(short, long, conflicts_with = "message")]
    pub edit: bool,
}

#[derive(Debug, Clone, Args)]
pub struct PromptArgs {
    /// Suggest from this theme only.
    #[arg(long, value_name = "ID")]
    pub theme: Option<String>,
    /// Print only the question, on one line.
    #[arg(long)]
    pub short: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Show at most N entries.
    #[arg(short = 'n', long = "limit", value_name = "N")]
    pub limit: Option<usize>,
    /// Output format (default: table on a terminal, plain lines otherwise).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ListFormat>,
    /// Order: by the day each entry is about, or by when it was written (newest first).
    #[arg(long, value_enum, default_value_t = ListSort::Day, value_name = "ORDER")]
    pub sort: ListSort,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListSort {
    /// The day the entry is about, then the time it was written.
    Day,
    /// The time the entry was first written.
    Written,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    /// One tab-separated line per entry: id, date, level, theme, first line of text.
    Plain,
    /// One JSON object per line (the export schema's entry objects).
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// Entry id, or any unique prefix of it.
    pub id: String,
}

#[derive(Debug, Clone, Args)]
pub struct EditArgs {
    /// Entry id, or any unique prefix of it.
    pub id: String,
    /// New text (otherwise the editor, or stdin when it is not a terminal).
    #[arg(short, long, value_name = "TEXT")]
    pub message: Option<String>,
    /// New level (or idea); the text is kept.
    #[arg(short, long, value_name = "LEVEL")]
    pub level: Option<String>,
    /// New depth of joint work, or none to clear it; the text is kept.
    #[arg(long, value_name = "DEPTH|none")]
    pub depth: Option<String>,
    /// New transfer (a level or programme), or none to clear it; the text is kept.
    #[arg(long, value_name = "LEVEL|programme|none")]
    pub from: Option<String>,
    /// Replace all the tags with these (repeatable); see --add-tag and --remove-tag.
    #[arg(short, long, value_name = "TAG", conflicts_with_all = ["add_tag", "remove_tag"])]
    pub tag: Vec<String>,
    /// Add a tag, keeping the others (repeatable).
    #[arg(long, value_name = "TAG")]
    pub add_tag: Vec<String>,
    /// Remove a tag, keeping the others (repeatable).
    #[arg(long, value_name = "TAG")]
    pub remove_tag: Vec<String>,
    /// New day the entry is about.
    #[arg(short, long, value_name = "DATE")]
    pub date: Option<String>,
    /// Allow a --date after today.
    #[arg(long)]
    pub allow_future: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Text,
    /// The same figures as one JSON object (counts only, never entry text).
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct StatsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Text, value_name = "FORMAT")]
    pub format: StatsFormat,
}

#[derive(Debug, Clone, Args)]
pub struct HistoryArgs {
    /// Entry id, or any unique prefix of it (deleted entries too).
    pub id: String,
}

#[derive(Debug, Clone, Args)]
pub struct RestoreArgs {
    /// Entry id, or any unique prefix of it (deleted entries too).
    pub id: String,
    /// The revision to bring back, as numbered by `reflect history` (default: the
    /// last one with text, i.e. the entry as it was before it was deleted).
    #[arg(long, value_name = "N")]
    pub revision: Option<usize>,
}

/// The answers of a check-in: each 1–4 scale, the working share, who sets the
/// agenda and who convenes. Values are read (and refused with exit 2) by the command,
/// which lists the valid ones in the interface language.
#[derive(Debug, Clone, Default, Args)]
pub struct CheckinArgs {
    /// Shared purpose, 1-4: set by the convener, discussed, agreed by members, owned and guiding decisions (? or 0: don't know).
    #[arg(long, value_name = "1-4")]
    pub purpose: Option<String>,
    /// Agreed structure (roles, calendar, ways of meeting), 1-4.
    #[arg(long, value_name = "1-4")]
    pub structure: Option<String>,
    /// Established processes to plan, work and follow up, 1-4.
    #[arg(long, value_name = "1-4")]
    pub processes: Option<String>,
    /// Collaboration between the schools, 1-4: reporting, exchanging, working together, improving together.
    #[arg(long, value_name = "1-4")]
    pub collaboration: Option<String>,
    /// Reciprocity, 1-4: a few give, give when asked, all give and benefit, giving and asking is the norm.
    #[arg(long, value_name = "1-4")]
    pub reciprocity: Option<String>,
    /// Trust between members, 1-4: guarded, successes shared, difficulties discussed, practice opened.
    #[arg(long, value_name = "1-4")]
    pub trust: Option<String>,
    /// Focus, 1-4: how much of the network's time goes to teaching and learning in the schools.
    #[arg(long, value_name = "1-4")]
    pub focus: Option<String>,
    /// Share of the last session spent working together rather than informing, in per cent.
    #[arg(long, value_name = "0|25|50|75|100")]
    pub working_share: Option<String>,
    /// Who sets the agenda, 1-4: the convener alone, with input, shared, members in turn.
    #[arg(long, value_name = "1-4")]
    pub agenda: Option<String>,
    /// Who convenes: supervisor (Mineduc), sostenedor (or SLEP), directivos (school leaders by turns), other.
    #[arg(long, value_name = "WHO")]
    pub convener: Option<String>,
    /// The network's stage of development, when the pack defines stages.
    #[arg(long, value_name = "ID")]
    pub stage: Option<String>,
    /// A note for yourself; it stays in the journal (never in summaries or exports).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The day the check-in is about (default: today; e.g. yesterday, 2026-11-20).
    #[arg(short, long, value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct DeleteArgs {
    /// Entry id, or any unique prefix of it.
    pub id: String,
}

/// `--by`: the command-line face of [`crate::progress::Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Period {
    Week,
    Month,
    Quarter,
}

impl From<Period> for crate::progress::Period {
    fn from(period: Period) -> Self {
        match period {
            Period::Week => Self::Week,
            Period::Month => Self::Month,
            Period::Quarter => Self::Quarter,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Clone, Args)]
pub struct ProgressArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Show one row per period instead of one row per theme.
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub by: Option<Period>,
    /// Output format; the JSON holds counts only, never entry text.
    #[arg(long, value_enum, default_value_t = TableFormat::Table, value_name = "FORMAT")]
    pub format: TableFormat,
    /// Length of the recent window compared with the one before, in days.
    #[arg(long, default_value_t = 30, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=3660))]
    pub window: u32,
    /// Show rated entries by level and depth of joint work instead of by theme.
    #[arg(long, conflicts_with = "by")]
    pub grid: bool,
    /// Explain every column and measure, then exit.
    #[arg(long)]
    pub explain: bool,
    /// The group (network) named in the JSON summary (default: `group` in config.toml).
    #[arg(long, value_name = "GROUP", value_parser = parse_group)]
    pub group: Option<String>,
}

/// `--group`: a group name (see [`crate::participant::group`]).
fn parse_group(value: &str) -> Result<String, String> {
    crate::participant::group(value)
}

#[derive(Debug, Clone, Args)]
pub struct ShareArgs {
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The group (network) named in the JSON summary (default: `group` in config.toml).
    #[arg(long, value_name = "GROUP", value_parser = parse_group)]
    pub group: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Html,
}

#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown, value_name = "FORMAT")]
    pub format: ReportFormat,
    /// Include the entries' texts (left out by default).
    #[arg(long)]
    pub with_text: bool,
    /// Length of the recent window compared with the one before, in days.
    #[arg(long, default_value_t = 30, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=3660))]
    pub window: u32,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct CohortArgs {
    /// Summaries written by `reflect progress --format json` or `reflect share`.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output format; markdown and html are reports to read in a meeting.
    #[arg(long, value_enum, default_value_t = CohortFormat::Table, value_name = "FORMAT")]
    pub format: CohortFormat,
    /// Leave out a bad summary (saying which) instead of stopping.
    #[arg(long)]
    pub skip_bad: bool,
    /// Show one table per group, then the whole cohort.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub by: Option<CohortBy>,
    /// The smallest group shown (3 or more); smaller groups are left out of every
    /// table and total.
    #[arg(long, default_value_t = 3, value_name = "N", value_parser = clap::value_parser!(u64).range(3..))]
    pub min_group: u64,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CohortFormat {
    Table,
    Json,
    Csv,
    Markdown,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CohortBy {
    /// The group (network) each participant named.
    Group,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    Day,
    Theme,
    Level,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Markdown, value_name = "FORMAT")]
    pub format: ExportFormat,
    /// How Markdown sections are grouped.
    #[arg(long, value_enum, default_value_t = GroupBy::Day, value_name = "GROUP")]
    pub group_by: GroupBy,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportSource {
    /// `reflect export --format json`.
    Reflect,
    /// `jrnl --export json`.
    Jrnl,
}

impl From<ImportSource> for crate::import::Source {
    fn from(source: ImportSource) -> Self {
        match source {
            ImportSource::Reflect => Self::Reflect,
            ImportSource::Jrnl => Self::Jrnl,
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// File to import, or - for stdin.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// What wrote the file (default: recognised from its contents).
    #[arg(long, value_enum, value_name = "TOOL")]
    pub from: Option<ImportSource>,
}

#[derive(Debug, Subcommand)]
pub enum PacksCommand {
    /// List the loaded packs: id, name, language, version, prompts, where from.
    List,
    /// Show a pack's themes and prompts.
    Show {
        /// Pack id (default: the default pack).
        id: Option<String>,
    },
    /// Validate pack files; prints FILE:LINE:COLUMN for every problem.
    Validate {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write a commented scaffold for a new pack.
    New {
        /// Where to write it (default: stdout).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Id of the new pack.
        #[arg(long, default_value = "my-pack")]
        id: String,
        /// Language of the new pack (a BCP 47 tag such as en or es).
        #[arg(long, default_value = "en")]
        language: String,
    },
    /// Validate a pack and copy it into the packs folder.
    Install {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace an installed pack with the same id.
        #[arg(long)]
        force: bool,
    },
    /// Remove an installed pack from the packs folder (built-in packs stay).
    Remove {
        /// Id of the installed pack.
        id: String,
    },
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Move damaged lines to a side file (JOURNAL.damaged) and keep every good entry.
    #[arg(long)]
    pub repair: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ManArgs {
    /// Write reflect.1 and a page per command (reflect-write.1, ...) into DIR.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell to generate completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// The command line definition with each command's examples after its help: what
/// `--help` shows (`reflect man` adds the examples to the pages itself).
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    crate::examples::attach(Cli::command())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
