//! Prompt packs: TOML files of reflection prompts grouped by theme.
//!
//! A pack is untrusted input (a trainer wrote it, not us): [`load`] validates every
//! pack fully — unknown keys, duplicate ids, dangling references, control characters —
//! and reports each problem as `FILE:LINE:COLUMN: message`.
//!
//! - `schema`: the TOML shape, with source spans for error positions.
//! - `validate`: turns a parsed file into a [`Pack`] or a list of [`Problem`]s.
//! - `problem`: a [`Problem`] and its `FILE:LINE:COLUMN` (position reporting).
//! - `load`: the embedded default, the user's packs folder and `--pack` files.
//! - `choice`: which packs are loaded, which is the default, which are selected → [`PackChoice`].
//! - `suggest`: which prompt to offer next (the least answered, rotating through themes).
//!
//! The format is documented in `docs/prompt-packs.md`.

mod answers;
mod choice;
mod load;
mod problem;
mod schema;
pub mod show;
mod suggest;
mod validate;

pub use answers::{listed, pick, Answer, Choice, Question};
pub use choice::{PackChoice, PackRequest};
pub use load::{
    installed_pack_files, load_packs, parse_pack, parse_pack_bytes, read_pack, read_pack_file,
    Loaded, PackError, PackSources, EMBEDDED_DEFAULT, EMBEDDED_PACKS,
};
pub use problem::Problem;
pub use suggest::{answer_counts, rotation, suggest, AnswerCounts};
pub use validate::{is_language_tag, is_valid_id, MAX_PACK_BYTES};

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::entry::{Depth, Level, Placement};
use crate::t;

/// The pack format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Where a pack was loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackOrigin {
    /// Compiled into the binary; the name is the file under `prompts/`.
    Embedded(&'static str),
    /// The user's packs folder.
    Installed(PathBuf),
    /// Given with `--pack FILE`.
    CommandLine(PathBuf),
}

impl fmt::Display for PackOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackOrigin::Embedded(name) => {
                f.write_str(&crate::t!("packs-origin-builtin", name = *name))
            }
            PackOrigin::Installed(path) => write!(f, "{}", path.display()),
            PackOrigin::CommandLine(path) => write!(f, "{} (--pack)", path.display()),
        }
    }
}

/// A validated prompt pack. All text fields are free of control characters
/// other than newlines and tabs.
#[derive(Debug, Clone)]
pub struct Pack {
    pub id: String,
    pub name: String,
    pub version: String,
    pub language: String,
    pub description: String,
    /// Credit for the material the pack is built on.
    pub source: String,
    pub author: String,
    /// The three rungs, bottom first, as this pack names them.
    pub levels: [LevelName; 3],
    /// The four depths of joint work, shallowest first, as this pack names them.
    pub depths: [LevelName; 4],
    /// The stages of development a network goes through, earliest first, when the
    /// pack defines `[[stages]]` (the shipped packs do not: the seeds name none).
    pub stages: Vec<LevelName>,
    pub themes: Vec<Theme>,
    pub prompts: Vec<Prompt>,
    pub origin: PackOrigin,
    /// Where each theme and prompt id is, built on first lookup, so that looking up
    /// every entry's theme costs the same in a pack of 10 themes or 10,000.
    /// Remarks `packs validate` shows on a valid pack (e.g. an ignored key).
    pub notes: Vec<Problem>,
    index: OnceLock<PackIndex>,
}

#[derive(Debug, Clone, Default)]
struct PackIndex {
    themes: HashMap<String, usize>,
    prompts: HashMap<String, usize>,
}

/// How a pack names one rung of a ladder (a level or a depth).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelName {
    /// The word typed with `--level` (e.g. `red`).
    pub id: String,
    /// The label shown in tables (e.g. `Red`).
    pub name: String,
    pub description: String,
    /// Other words accepted for this rung (`liceo` for `escuela`).
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub id: String,
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub id: String,
    /// Id of a theme of the same pack.
    pub theme: String,
    pub question: String,
    /// A paragraph shown before the question.
    pub context: Option<String>,
}

impl Pack {
    fn index(&self) -> &PackIndex {
        self.index.get_or_init(|| {
            // Ids are unique within a valid pack; the first one wins anyway.
            let mut index = PackIndex::default();
            for (at, theme) in self.themes.iter().enumerate().rev() {
                index.themes.insert(theme.id.clone(), at);
            }
            for (at, prompt) in self.prompts.iter().enumerate().rev() {
                index.prompts.insert(prompt.id.clone(), at);
            }
            index
        })
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        let at = *self.index().themes.get(id)?;
        self.themes.get(at)
    }

    pub fn prompt(&self, id: &str) -> Option<&Prompt> {
        let at = *self.index().prompts.get(id)?;
        self.prompts.get(at)
    }

    /// The pack's own name for a level (`Red` for network in the Spanish pack).
    pub fn level_name(&self, level: Level) -> &LevelName {
        &self.levels[level.rank()]
    }

    /// The pack's own name for a depth (`Construimos juntos`).
    pub fn depth_name(&self, depth: Depth) -> &LevelName {
        &self.depths[depth.rank()]
    }

    /// The stage with this id, or whose name is `word` (any case, with or without
    /// accents), or numbered `word` as listed.
    pub fn stage(&self, word: &str) -> Option<&LevelName> {
        let word = word.trim();
        if let Ok(number) = word.parse::<usize>() {
            return number.checked_sub(1).and_then(|at| self.stages.get(at));
        }
        self.stages.iter().find(|s| {
            s.id == word
                || crate::text::same_word(&s.name, word)
                || crate::text::same_word(&s.id, word)
        })
    }

    /// How an entry's placement reads in this pack's words (`unrated` when none).
    pub fn placement_label(&self, level: Option<Placement>) -> String {
        match level {
            None => crate::words::unrated(),
            Some(Placement::Idea) => crate::words::idea_label(),
            Some(Placement::At(level)) => self.level_name(level).name.clone(),
        }
    }
}

/// The packs available to this run, the configured default first, and which one is
/// the default (decided by [`PackChoice`]).
#[derive(Debug, Clone, Default)]
pub struct PackSet {
    packs: Vec<Pack>,
    default: Option<usize>,
}

impl PackSet {
    /// The packs, the first one as the default.
    pub fn new(packs: Vec<Pack>) -> PackSet {
        let default = if packs.is_empty() { None } else { Some(0) };
        PackSet { packs, default }
    }

    pub(crate) fn with_default(packs: Vec<Pack>, default: Option<usize>) -> PackSet {
        PackSet { packs, default }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Pack> {
        self.packs.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.packs.is_empty()
    }

    /// The ids of the loaded packs, in order.
    pub fn ids(&self) -> Vec<&str> {
        self.packs.iter().map(|p| p.id.as_str()).collect()
    }

    /// The pack used when none is named (see `choice::default_pack`).
    pub fn default_pack(&self) -> Option<&Pack> {
        self.default.and_then(|at| self.packs.get(at))
    }

    pub fn get(&self, id: &str) -> Option<&Pack> {
        self.packs.iter().find(|p| p.id == id)
    }

    /// Finds a prompt by `PROMPT` or `PACK/PROMPT`. A bare id found in several packs
    /// is ambiguous: the error lists the qualified names.
    pub fn find_prompt(&self, name: &str) -> Result<(&Pack, &Prompt), String> {
        if let Some((pack_id, prompt_id)) = name.split_once('/') {
            let pack = self
                .get(pack_id)
                .ok_or_else(|| t!("packs-unknown-id", id = pack_id))?;
            let prompt = pack
                .prompt(prompt_id)
                .ok_or_else(|| t!("packs-no-prompt", pack = pack_id, prompt = prompt_id))?;
            return Ok((pack, prompt));
        }
        let found: Vec<(&Pack, &Prompt)> = self
            .packs
            .iter()
            .filter_map(|pack| pack.prompt(name).map(|prompt| (pack, prompt)))
            .collect();
        match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(t!("packs-unknown-prompt", name = name)),
            many => Err(t!(
                "packs-ambiguous-prompt",
                name = name,
                choices = many
                    .iter()
                    .map(|(pack, prompt)| format!("{}/{}", pack.id, prompt.id))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// Finds a theme by `THEME` or `PACK/THEME`, preferring the default pack.
    pub fn find_theme(&self, name: &str) -> Result<(&Pack, &Theme), String> {
        if let Some((pack_id, theme_id)) = name.split_once('/') {
            let pack = self
                .get(pack_id)
                .ok_or_else(|| t!("packs-unknown-id", id = pack_id))?;
            let theme = pack
                .theme(theme_id)
                .ok_or_else(|| t!("packs-no-theme", pack = pack_id, theme = theme_id))?;
            return Ok((pack, theme));
        }
        let preferred = self.default_pack().into_iter();
        preferred
            .chain(self.packs.iter())
            .find_map(|pack| pack.theme(name).map(|theme| (pack, theme)))
            .ok_or_else(|| t!("packs-unknown-theme", name = name))
    }

    /// Reads an answer to `question` given with a flag or in a template: in the
    /// words of `first` (the entry's pack) if given, else of any loaded pack. The
    /// error lists the valid ids and labels (of `first`, else the default pack).
    pub fn answer(
        &self,
        first: Option<&Pack>,
        question: Question,
        word: &str,
    ) -> Result<Answer, String> {
        let found = first
            .into_iter()
            .chain(self.default_pack())
            .chain(&self.packs)
            .find_map(|pack| pick(&pack.choices(question), word));
        if let Some(answer) = found {
            return Ok(answer);
        }
        let choices = match first.or(self.default_pack()) {
            Some(pack) => pack.choices(question),
            None => Vec::new(),
        };
        Err(crate::words::unknown_value(
            question.key(),
            &crate::neutral::terminal_line(word),
            &listed(&choices),
        ))
    }

    /// Reads a level typed by the user: ids, labels or aliases of any loaded pack, or
    /// canonical ids (`idea` too).
    pub fn parse_level(&self, word: &str) -> Result<Placement, String> {
        match self.answer(None, Question::Level, word)? {
            Answer::Level(placement) => Ok(placement),
            _ => unreachable!("the level question answers with a level"),
        }
    }

    /// The name of a level in the words of `pack_id` if it is loaded, else canonical.
    pub fn level_label(&self, pack_id: Option<&str>, level: Level) -> String {
        pack_id
            .and_then(|id| self.get(id))
            .map(|pack| pack.level_name(level).name.clone())
            .unwrap_or_else(|| level.as_str().to_string())
    }

    /// The pack whose words an entry's values read in: its own pack if loaded; for a
    /// free entry in a language other than English, the default pack (the canonical
    /// ids are English words); else none (canonical ids).
    pub fn words_of(&self, pack_id: Option<&str>) -> Option<&Pack> {
        match pack_id {
            Some(id) => self.get(id),
            None if crate::i18n::lang() != crate::i18n::Lang::En => self.default_pack(),
            None => None,
        }
    }

    /// How an entry's placement reads: in its pack's words if loaded (see
    /// [`PackSet::words_of`]), else the canonical id (`idea`, or `unrated` when none).
    pub fn placement_label(&self, pack_id: Option<&str>, level: Option<Placement>) -> String {
        match (self.words_of(pack_id), level) {
            (Some(pack), _) => pack.placement_label(level),
            (None, Some(Placement::At(level))) => level.as_str().to_string(),
            (None, Some(Placement::Idea)) => "idea".to_string(),
            (None, None) => crate::words::unrated(),
        }
    }
}
