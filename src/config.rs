//! Where things live and which settings are in force.
//!
//! Every environment variable `reflect` reads is read here, once, so the rest of the
//! program receives resolved settings (and tests can build them by hand).
//!
//! Journal: `--journal` > `REFLECT_JOURNAL` > `journal` in the config file > the data dir.
//! Config file: `REFLECT_CONFIG` > `<config dir>/reflect/config.toml`.
//! Packs folder: `packs_dir` in the config file > `packs/` next to the config file.
//! Language: `--lang` > `REFLECT_LANG` > `language` in the config file > the system
//! locale (`LC_ALL`, `LC_MESSAGES`, `LANG`; the OS setting off Unix) > English.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use chrono::{DateTime, FixedOffset, Local, Timelike};
use serde::Deserialize;

use crate::i18n::Lang;
use crate::pack::Question;
use crate::position::line_column;
use crate::t;

/// Which rule chose a path (shown by `reflect config`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    Env(&'static str),
    ConfigFile,
    /// The operating system's locale setting (off Unix).
    System,
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Source::Flag => t!("source-flag"),
            Source::Env(name) => t!("source-env", name = *name),
            Source::ConfigFile => t!("source-config-file"),
            Source::System => t!("source-system"),
            Source::Default => t!("source-default"),
        };
        f.write_str(&text)
    }
}

/// A path and the rule that chose it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    pub path: PathBuf,
    pub source: Source,
}

/// The contents of `config.toml`. Every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Path of the journal file (`~` expands to the home folder).
    pub journal: Option<PathBuf>,
    /// Folder of installed prompt packs.
    pub packs_dir: Option<PathBuf>,
    /// Pack used when none is named (an id of a loaded pack).
    pub default_pack: Option<String>,
    /// Interface language (`en`, `es`, or a locale name such as `es_CL`).
    pub language: Option<String>,
    /// Which questions a terminal asks after an entry: `level`, `from`, `depth`.
    pub ask: Option<Vec<toml::Spanned<String>>>,
    /// The group (network) named in shared summaries, unless `--group` names one.
    pub group: Option<String>,
    /// Seconds a command waits for the journal's lock before giving up.
    pub lock_timeout: Option<f64>,
}

/// The interface language and the rule that chose it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageSetting {
    pub lang: Lang,
    pub source: Source,
    /// What that source said, when it named no language we speak (English is used).
    pub unknown: Option<String>,
}

/// The resolved settings of one run.
#[derive(Debug, Clone)]
pub struct Config {
    pub journal: Setting,
    pub config_file: Setting,
    /// Whether the config file exists (it is optional).
    pub config_file_exists: bool,
    pub packs_dir: Setting,
    /// Where unsaved drafts are kept when the editor or a write fails.
    pub drafts_dir: PathBuf,
    /// The participant id file (see [`crate::participant`]), beside the journal.
    pub participant_file: PathBuf,
    /// `group` in the config file, as written (checked where it is used).
    pub group: Option<String>,
    pub default_pack: Option<String>,
    /// `--color` as given.
    pub color: ColorWhen,
    /// No colour: `--color never`, or without `--color always`, `NO_COLOR` set (to
    /// anything non-empty) or `TERM=dumb`.
    pub no_color: bool,
    /// Plain ASCII instead of Unicode blocks and symbols: `--color never`, or `TERM=dumb`
    /// without `--color always` (`NO_COLOR` alone keeps Unicode).
    pub ascii: bool,
    /// What was wrong with the config file, if it could not be used. Its settings are
    /// then left out; every command but `reflect config` stops with this error.
    pub file_error: Option<String>,
    /// The editor command (`$VISUAL`, else `$EDITOR`), if any.
    pub editor: Option<String>,
    pub language: LanguageSetting,
    /// "Now", with the local UTC offset (`REFLECT_NOW` overrides it, for tests and demos).
    pub now: DateTime<FixedOffset>,
    /// How long work runs before a progress bar appears on a terminal: a second, or
    /// `REFLECT_PROGRESS_AFTER_MS` (for tests and demos).
    pub progress_after: std::time::Duration,
    /// The questions a terminal asks about an entry (`ask` in the config file; all
    /// three by default). Always asked in the order level, from, depth.
    pub ask: Vec<Question>,
    /// How long to wait for the journal's lock: `REFLECT_LOCK_TIMEOUT` >
    /// `lock_timeout` in the config file > 30 s.
    pub lock_timeout: std::time::Duration,
}

/// `--color`: when output may use colour and Unicode decoration.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ColorWhen {
    /// On a terminal: colour unless `NO_COLOR` or `TERM=dumb`, Unicode unless `TERM=dumb`.
    #[default]
    Auto,
    /// Colour and Unicode, even in a pipe and despite `NO_COLOR`.
    Always,
    /// Neither: no colour, plain ASCII.
    Never,
}

/// What the command line says about settings.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub journal: Option<PathBuf>,
    pub color: ColorWhen,
    /// `--lang`, as given.
    pub lang: Option<String>,
}

fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

fn env_string(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// `TERM=dumb`: a terminal that shows neither colour nor Unicode decoration.
fn dumb_terminal() -> bool {
    env_string("TERM").is_some_and(|term| term == "dumb")
}

/// `~/x` → `$HOME/x`; anything else unchanged.
fn expand_home(path: &Path) -> PathBuf {
    match path.strip_prefix("~") {
        Ok(rest) => dirs::home_dir()
            .map(|home| home.join(rest))
            .unwrap_or_else(|| path.to_path_buf()),
        Err(_) => path.to_path_buf(),
    }
}

/// Relative paths in the config file are relative to the file's folder.
fn from_config_file(config_file: &Path, path: &Path) -> PathBuf {
    let path = expand_home(path);
    if path.is_absolute() {
        path
    } else {
        config_file.parent().unwrap_or(Path::new(".")).join(path)
    }
}

impl Config {
    /// Resolves every setting from the command line, the environment and the config file.
    pub fn load(overrides: Overrides) -> Result<Config> {
        let config_file = match env_path("REFLECT_CONFIG") {
            Some(path) => Setting {
                path: expand_home(&path),
                source: Source::Env("REFLECT_CONFIG"),
            },
            None => Setting {
                path: dirs::config_dir()
                    .with_context(|| t!("config-no-config-folder"))?
                    .join("reflect")
                    .join("config.toml"),
                source: Source::Default,
            },
        };
        let (file, config_file_exists, file_error) = match read_config_file(&config_file.path) {
            Ok((file, exists)) => (file, exists, None),
            Err(err) => (ConfigFile::default(), true, Some(format!("{err:#}"))),
        };

        let journal = if let Some(path) = overrides.journal {
            Setting {
                path,
                source: Source::Flag,
            }
        } else if let Some(path) = env_path("REFLECT_JOURNAL") {
            Setting {
                path: expand_home(&path),
                source: Source::Env("REFLECT_JOURNAL"),
            }
        } else if let Some(path) = &file.journal {
            Setting {
                path: from_config_file(&config_file.path, path),
                source: Source::ConfigFile,
            }
        } else {
            Setting {
                path: default_data_dir()?.join("journal.jsonl"),
                source: Source::Default,
            }
        };

        let packs_dir = match &file.packs_dir {
            Some(path) => Setting {
                path: from_config_file(&config_file.path, path),
                source: Source::ConfigFile,
            },
            None => Setting {
                path: config_file
                    .path
                    .parent()
                    .unwrap_or(Path::new("."))
                    .join("packs"),
                source: Source::Default,
            },
        };

        let drafts_dir = journal
            .path
            .parent()
            .unwrap_or(Path::new("."))
            .join("drafts");

        let participant_file = journal
            .path
            .parent()
            .unwrap_or(Path::new("."))
            .join(crate::participant::FILE_NAME);

        let language = resolve_language(overrides.lang.as_deref(), file.language.as_deref());

        Ok(Config {
            language,
            journal,
            config_file,
            config_file_exists,
            packs_dir,
            drafts_dir,
            participant_file,
            group: file.group,
            default_pack: file.default_pack,
            ask: match &file.ask {
                None => Question::ALL.to_vec(),
                Some(keys) => Question::ALL
                    .into_iter()
                    .filter(|q| keys.iter().any(|k| k.get_ref() == q.key()))
                    .collect(),
            },
            color: overrides.color,
            no_color: match overrides.color {
                ColorWhen::Always => false,
                ColorWhen::Never => true,
                ColorWhen::Auto => env_string("NO_COLOR").is_some() || dumb_terminal(),
            },
            ascii: match overrides.color {
                ColorWhen::Always => false,
                ColorWhen::Never => true,
                ColorWhen::Auto => dumb_terminal(),
            },
            file_error,
            editor: env_string("VISUAL").or_else(|| env_string("EDITOR")),
            now: now()?,
            progress_after: std::time::Duration::from_millis(
                env_string("REFLECT_PROGRESS_AFTER_MS")
                    .and_then(|ms| ms.trim().parse().ok())
                    .unwrap_or(1000),
            ),
            lock_timeout: lock_timeout(file.lock_timeout)?,
        })
    }

    /// Today, in the local time zone.
    pub fn today(&self) -> chrono::NaiveDate {
        self.now.date_naive()
    }
}

/// The language for `--help` and parse errors, before the command line is parsed:
/// `--lang` picked out of the raw arguments, then the same rules as
/// [`resolve_language`] (a config file that cannot be read is ignored here; the
/// command reports it later).
pub fn early_language(args: &[std::ffi::OsString]) -> Lang {
    let mut flag = None;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        } else if word == "--lang" {
            flag = words.next().map(|w| w.into_owned());
        } else if let Some(value) = word.strip_prefix("--lang=") {
            flag = Some(value.to_string());
        }
    }
    let config_path = match env_path("REFLECT_CONFIG") {
        Some(path) => Some(expand_home(&path)),
        None => dirs::config_dir().map(|dir| dir.join("reflect").join("config.toml")),
    };
    let from_file = config_path
        .and_then(|path| fs::read_to_string(path).ok())
        .and_then(|text| text.parse::<toml::Table>().ok())
        .and_then(|table| table.get("language")?.as_str().map(str::to_string));
    resolve_language(flag.as_deref(), from_file.as_deref()).lang
}

/// Picks the interface language: the first source that says anything decides,
/// and a language we do not speak there means English.
pub fn resolve_language(flag: Option<&str>, config_file: Option<&str>) -> LanguageSetting {
    let decide = |value: &str, source: Source| LanguageSetting {
        lang: Lang::from_locale(value).unwrap_or_default(),
        source,
        unknown: Lang::from_locale(value)
            .is_none()
            .then(|| value.trim().to_string()),
    };
    if let Some(value) = flag.filter(|v| !v.trim().is_empty()) {
        return decide(value, Source::Flag);
    }
    if let Some(value) = env_string("REFLECT_LANG") {
        return decide(&value, Source::Env("REFLECT_LANG"));
    }
    if let Some(value) = config_file.filter(|v| !v.trim().is_empty()) {
        return decide(value, Source::ConfigFile);
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(value) = env_string(name) {
            // POSIX: the first one set decides; `C` and `POSIX` mean English.
            let mut setting = decide(&value, Source::Env(name));
            let plain = ["C", "POSIX"].contains(&value.split('.').next().unwrap_or(""));
            if plain {
                setting.unknown = None;
            }
            return setting;
        }
    }
    if let Some(value) = system_locale() {
        return decide(&value, Source::System);
    }
    LanguageSetting {
        lang: Lang::En,
        source: Source::Default,
        unknown: None,
    }
}

#[cfg(unix)]
fn system_locale() -> Option<String> {
    None // the environment above is the system setting on Unix
}

#[cfg(not(unix))]
fn system_locale() -> Option<String> {
    sys_locale::get_locale()
}

fn default_data_dir() -> Result<PathBuf> {
    Ok(dirs::data_dir()
        .with_context(|| t!("config-no-data-folder"))?
        .join("reflect"))
}

fn read_config_file(path: &Path) -> Result<(ConfigFile, bool)> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            return Ok((ConfigFile::default(), false))
        }
        Err(err) => {
            return Err(err)
                .with_context(|| t!("config-cannot-read", path = path.display().to_string()))
        }
    };
    match toml::from_str::<ConfigFile>(&text) {
        Ok(file) => {
            let unknown = file
                .ask
                .iter()
                .flatten()
                .find(|key| Question::from_key(key.get_ref()).is_none());
            if let Some(key) = unknown {
                let (line, column) = line_column(&text, key.span().start);
                bail!(t!(
                    "config-ask-unknown",
                    at = format!("{}:{line}:{column}", path.display()),
                    key = crate::neutral::terminal_line(key.get_ref()).into_owned()
                ));
            }
            Ok((file, true))
        }
        Err(err) => {
            let position = err
                .span()
                .map(|span| {
                    let (line, column) = line_column(&text, span.start);
                    format!(":{line}:{column}")
                })
                .unwrap_or_default();
            bail!("{}{position}: {}", path.display(), err.message().trim())
        }
    }
}

fn lock_timeout(from_file: Option<f64>) -> Result<std::time::Duration> {
    let (seconds, problem) = match env_string("REFLECT_LOCK_TIMEOUT") {
        Some(value) => (
            value.trim().parse::<f64>().ok().unwrap_or(f64::NAN),
            t!("error-lock-timeout-env", value = value),
        ),
        None => match from_file {
            Some(seconds) => (seconds, t!("error-lock-timeout-file")),
            None => return Ok(crate::journal::Journal::LOCK_TIMEOUT),
        },
    };
    std::time::Duration::try_from_secs_f64(seconds)
        .ok()
        .filter(|d| d.as_secs() <= 86_400)
        .ok_or_else(|| anyhow::anyhow!(problem))
}

fn now() -> Result<DateTime<FixedOffset>> {
    match env_string("REFLECT_NOW") {
        Some(value) => {
            let now = DateTime::parse_from_rfc3339(value.trim())
                .with_context(|| t!("config-bad-now", value = value.as_str()))?;
            // Every date reflect stores or computes from "now" stays within the years
            // dates are allowed to have.
            crate::dates::check_year(now.date_naive()).map_err(|err| {
                anyhow::anyhow!("{}", t!("config-now-year", error = err.to_string()))
            })?;
            Ok(now)
        }
        // Whole seconds: enough for a journal, and friendlier to other tools.
        None => Ok(Local::now()
            .fixed_offset()
            .with_nanosecond(0)
            .expect("zero nanoseconds is always valid")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_config_paths_follow_the_config_file() {
        let file = Path::new("/etc/reflect/config.toml");
        assert_eq!(
            from_config_file(file, Path::new("journal.jsonl")),
            PathBuf::from("/etc/reflect/journal.jsonl")
        );
        assert_eq!(
            from_config_file(file, Path::new("/tmp/j.jsonl")),
            PathBuf::from("/tmp/j.jsonl")
        );
    }
}
