//! The tables of a pack file, checked: `[pack]`, `[[themes]]` and `[[prompts]]`
//! (the ladders, `[[levels]]` and `[[depths]]`, are in `rungs`), each rule reported at its own position (see [`super::Checker`]).

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::super::problem::shown;
use super::super::schema::{PackTable, PromptTable, Tables, ThemeTable};
use super::super::{Prompt, Theme};
use super::{is_language_tag, Checker};

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
                    &crate::t!("pack-bad-language", tag = shown(&language.value)),
                );
            }
        }
        let description = self.string(pack.description.as_ref(), "description");
        let source = self.string(pack.source.as_ref(), "source");
        let author = self.string(pack.author.as_ref(), "author");
        if let (Some(author), Some(spanned)) = (&author, &pack.author) {
            if author.contains('\n') {
                self.report(
                    spanned.span().start,
                    &crate::t!("pack-one-line", key = "author"),
                );
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

    /// The valid themes, and every theme id written (valid or not).
    pub(super) fn themes(
        &mut self,
        tables: Option<&Tables<ThemeTable>>,
    ) -> (Vec<Theme>, Vec<String>) {
        const TABLE: &str = "[[themes]]";
        let mut themes = Vec::new();
        let Some(tables) = tables.filter(|t| !t.get_ref().is_empty()) else {
            let at = tables.map_or(0, |t| t.span().start);
            self.report(at, &crate::t!("pack-no-themes"));
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
    ) -> Vec<Prompt> {
        const TABLE: &str = "[[prompts]]";
        let mut prompts = Vec::new();
        let Some(tables) = tables.filter(|t| !t.get_ref().is_empty()) else {
            let at = tables.map_or(0, |t| t.span().start);
            self.report(at, &crate::t!("pack-no-prompts"));
            return prompts;
        };
        let known_themes: HashSet<&str> = theme_ids.iter().map(String::as_str).collect();
        let mut first = HashMap::new();
        let mut ignored_levels = Vec::new();
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
                        &crate::t!(
                            "pack-unknown-theme",
                            id = shown(&theme.value),
                            themes = theme_ids.join(", ")
                        ),
                    );
                }
            }
            let question = self.required(prompt.question.as_ref(), "question", TABLE, at);
            let context = self.string(prompt.context.as_ref(), "context");
            if let Some(spanned) = &prompt.level {
                self.string(Some(spanned), "level");
                ignored_levels.push(spanned.span().start);
            }
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
                });
            }
        }
        if let Some(&at) = ignored_levels.first() {
            self.note(
                at,
                &crate::t!("pack-level-ignored", count = ignored_levels.len()),
            );
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
