//! The tables of a pack file, checked: `[pack]`, `[[levels]]`, `[[themes]]` and
//! `[[prompts]]`, each rule reported at its own position (see [`super::Checker`]).

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::super::problem::shown;
use super::super::schema::{LevelTable, PackTable, PromptTable, Tables, ThemeTable};
use super::super::{LevelName, Prompt, Theme};
use super::{is_language_tag, Checker};
use crate::entry::Level;

impl Checker<'_> {
    pub(super) fn pack_table(&mut self, table: &Spanned<PackTable>) -> Option<Meta> {
        const TABLE: &str = "[pack]";
        let at = table.span().start;
        let pack = table.get_ref();
        let id = self.id(pack.id.as_ref(), TABLE, at);
        let name = self.one_line(pack.name.as_ref(), "name", TABLE, at);
        let version = self.one_line(pack.version.as_ref(), "version", TABLE, at);
        let language = self.one_line(pack.language.as_ref(), "language", TABLE, at);
        if let Some(language) = &language {
            if !is_language_tag(&language.value) {
                self.report(
                    language.at,
                    &format!(
                        "{} is not a language tag: use a BCP 47 tag such as en, es or es-CL",
                        shown(&language.value)
                    ),
                );
            }
        }
        let description = self.string(pack.description.as_ref(), "description");
        let source = self.string(pack.source.as_ref(), "source");
        let author = self.string(pack.author.as_ref(), "author");
        if let (Some(author), Some(spanned)) = (&author, &pack.author) {
            if author.contains('\n') {
                self.report(spanned.span().start, "`author` must be on one line");
            }
        }
        Some(Meta {
            id: id?.value,
            name: name?.value,
            version: version?.value,
            language: language?.value,
            description: description.unwrap_or_default().trim().to_string(),
            source: source.unwrap_or_default().trim().to_string(),
            author: author.unwrap_or_default().trim().to_string(),
        })
    }

    pub(super) fn levels(&mut self, tables: Option<&Tables<LevelTable>>) -> Levels {
        let Some(tables) = tables else {
            return Levels {
                names: Some(default_levels()),
                ids: Vec::new(),
            };
        };
        const TABLE: &str = "[[levels]]";
        let count = tables.get_ref().len();
        let mut ok = true;
        if count != 3 {
            self.report(
                tables.span().start,
                &format!(
                    "a pack with [[levels]] must have exactly 3 of them (bottom rung first: they map onto school, network, system), not {count}"
                ),
            );
            ok = false;
        }
        let mut first = HashMap::new();
        // Words the user may type for a rung with --level: the canonical names, and
        // each level's id and name. One word must not name two rungs.
        let mut words: HashMap<String, (usize, usize)> = Level::ALL
            .iter()
            .map(|level| (level.as_str().to_string(), (level.rank(), 0)))
            .collect(); // word -> (rung, line; 0 for a canonical name)
        let mut names = Vec::new();
        let mut ids = Vec::new();
        for (rung, table) in tables.get_ref().iter().enumerate() {
            let at = table.span().start;
            let level = table.get_ref();
            let id = self.id(level.id.as_ref(), TABLE, at);
            let name = self.one_line(level.name.as_ref(), "name", TABLE, at);
            let description = self.string(level.description.as_ref(), "description");
            let mut id_is_new = true;
            if let Some(id) = &id {
                ids.push(id.value.clone());
                id_is_new = self.unique(id, "level", &mut first);
                ok &= id_is_new;
            }
            let to_check = [
                (id.as_ref().filter(|_| id_is_new), "id"),
                (name.as_ref(), "name"),
            ];
            for (found, what) in to_check {
                let Some(found) = found else { continue };
                let word = found.value.to_lowercase();
                let line = self.at.line_of(found.at);
                match words.get(&word) {
                    Some(&(other, other_line)) if other != rung => {
                        let whose = if other_line == 0 {
                            format!("the standard name of rung {}", other + 1)
                        } else {
                            format!("already used for rung {} (line {other_line})", other + 1)
                        };
                        self.report(
                            found.at,
                            &format!(
                                "level {what} {} would be ambiguous with --level: it is {whose}",
                                shown(&found.value)
                            ),
                        );
                        ok = false;
                    }
                    Some(_) => {}
                    None => {
                        words.insert(word, (rung, line));
                    }
                }
            }
            match (id, name) {
                (Some(id), Some(name)) => names.push(LevelName {
                    id: id.value,
                    name: name.value,
                    description: description.unwrap_or_default().trim().to_string(),
                }),
                _ => ok = false,
            }
        }
        let names = if ok { names.try_into().ok() } else { None };
        Levels { names, ids }
    }

    /// The valid themes, and every theme id written (valid or not).
    pub(super) fn themes(
        &mut self,
        tables: Option<&Tables<ThemeTable>>,
    ) -> (Vec<Theme>, Vec<String>) {
        const TABLE: &str = "[[themes]]";
        let mut themes = Vec::new();
        let Some(tables) = tables.filter(|t| !t.get_ref().is_empty()) else {
            let at = tables.map_or(0, |t| t.span().start);
            self.report(
                at,
                "the pack has no themes: add at least one [[themes]] table",
            );
            return (themes, Vec::new());
        };
        let written = tables
            .get_ref()
            .iter()
            .filter_map(|table| table.get_ref().id.as_ref().map(|id| id.get_ref().clone()))
            .collect();
        let mut first = HashMap::new();
        for table in tables.get_ref() {
            let at = table.span().start;
            let theme = table.get_ref();
            let id = self.id(theme.id.as_ref(), TABLE, at);
            let title = self.one_line(theme.title.as_ref(), "title", TABLE, at);
            let summary = self.string(theme.summary.as_ref(), "summary");
            let Some(id) = id else { continue };
            if self.unique(&id, "theme", &mut first) {
                themes.push(Theme {
                    id: id.value,
                    title: title.map(|t| t.value).unwrap_or_default(),
                    summary: summary.unwrap_or_default().trim().to_string(),
                });
            }
        }
        (themes, written)
    }

    /// The valid prompts. `theme_ids` are the theme ids written in the file.
    pub(super) fn prompts(
        &mut self,
        tables: Option<&Tables<PromptTable>>,
        theme_ids: &[String],
        levels: &Levels,
    ) -> Vec<Prompt> {
        const TABLE: &str = "[[prompts]]";
        let mut prompts = Vec::new();
        let Some(tables) = tables.filter(|t| !t.get_ref().is_empty()) else {
            let at = tables.map_or(0, |t| t.span().start);
            self.report(
                at,
                "the pack has no prompts: add at least one [[prompts]] table",
            );
            return prompts;
        };
        let known_themes: HashSet<&str> = theme_ids.iter().map(String::as_str).collect();
        let mut first = HashMap::new();
        for table in tables.get_ref() {
            let at = table.span().start;
            let prompt = table.get_ref();
            let id = self.id(prompt.id.as_ref(), TABLE, at);
            // Checked before the other keys, so that a duplicate id is reported even
            // when the rest of the prompt has problems of its own.
            let id_is_new = id
                .as_ref()
                .is_some_and(|id| self.unique(id, "prompt", &mut first));
            let theme = self.required(prompt.theme.as_ref(), "theme", TABLE, at);
            if let Some(theme) = &theme {
                // With no themes at all, that problem is already reported.
                if !theme_ids.is_empty() && !known_themes.contains(theme.value.as_str()) {
                    self.report(
                        theme.at,
                        &format!(
                            "no theme has the id {} (themes of this pack: {})",
                            shown(&theme.value),
                            theme_ids.join(", ")
                        ),
                    );
                }
            }
            let question = self.required(prompt.question.as_ref(), "question", TABLE, at);
            let context = self.string(prompt.context.as_ref(), "context");
            let level = prompt.level.as_ref().and_then(|spanned| {
                let word = self.string(Some(spanned), "level")?;
                let level = levels.resolve(&word);
                if level.is_none() {
                    self.report(
                        spanned.span().start,
                        &format!(
                            "unknown level {} (use one of: {})",
                            shown(&word),
                            levels.choices().join(", ")
                        ),
                    );
                }
                level
            });
            let (Some(id), Some(theme), Some(question)) = (id, theme, question) else {
                continue;
            };
            if id_is_new {
                prompts.push(Prompt {
                    id: id.value,
                    theme: theme.value,
                    question: question.value.trim().to_string(),
                    context: context
                        .map(|c| c.trim().to_string())
                        .filter(|c| !c.is_empty()),
                    level,
                });
            }
        }
        prompts
    }
}

/// `[pack]`, checked.
pub(super) struct Meta {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) version: String,
    pub(super) language: String,
    pub(super) description: String,
    pub(super) source: String,
    pub(super) author: String,
}

/// `[[levels]]`, checked: the names if valid, and every id written (so that a prompt
/// using one is not reported again when the levels themselves are wrong).
pub(super) struct Levels {
    pub(super) names: Option<[LevelName; 3]>,
    pub(super) ids: Vec<String>,
}

impl Levels {
    /// A prompt's `level`: an id of this pack's levels, or a canonical name.
    fn resolve(&self, word: &str) -> Option<Level> {
        if let Some(names) = &self.names {
            if let Some(rung) = names.iter().position(|name| name.id == word) {
                return Level::ALL.get(rung).copied();
            }
        } else if self.ids.iter().any(|id| id == word) {
            return Some(Level::School); // unusable anyway: the pack has problems
        }
        Level::ALL.into_iter().find(|level| level.as_str() == word)
    }

    fn choices(&self) -> Vec<String> {
        let mut choices: Vec<String> = match &self.names {
            Some(names) => names.iter().map(|name| name.id.clone()).collect(),
            None => self.ids.clone(),
        };
        for level in Level::ALL {
            if !choices.iter().any(|c| c == level.as_str()) {
                choices.push(level.as_str().to_string());
            }
        }
        choices
    }
}

/// The canonical ladder, used when a pack has no `[[levels]]`.
fn default_levels() -> [LevelName; 3] {
    let rung = |level: Level, name: &str, description: &str| LevelName {
        id: level.as_str().to_string(),
        name: name.to_string(),
        description: description.to_string(),
    };
    [
        rung(Level::School, "School", "Inside my own school."),
        rung(
            Level::Network,
            "Network",
            "With partner schools in the network.",
        ),
        rung(
            Level::System,
            "System",
            "The district, the territory, other agencies: the wider system.",
        ),
    ]
}
