//! `[[stages]]`: the stages of development a network goes through, as a trainer's
//! pack names them. The seeds say networks go through stages but do not name them, so
//! there is no default: without the tables a check-in does not ask for a stage. With
//! them: at least two, each with an id and a one-line name (an optional description),
//! earliest first; ids and names unique.

use std::collections::HashMap;

use super::super::problem::shown;
use super::super::schema::{LevelTable, Tables};
use super::super::LevelName;
use super::Checker;

const TABLE: &str = "[[stages]]";

impl Checker<'_> {
    /// The stages the pack defines (none when the tables are absent), or `None` with
    /// problems reported.
    pub(super) fn stages(&mut self, tables: Option<&Tables<LevelTable>>) -> Option<Vec<LevelName>> {
        let Some(tables) = tables else {
            return Some(Vec::new());
        };
        let mut ok = true;
        let count = tables.get_ref().len();
        if count < 2 {
            self.report(
                tables.span().start,
                &crate::t!("pack-stage-count", table = TABLE, count = count.to_string()),
            );
            ok = false;
        }
        let mut first = HashMap::new();
        let mut names: HashMap<String, usize> = HashMap::new();
        let mut stages = Vec::new();
        for table in tables.get_ref() {
            let at = table.span().start;
            let stage = table.get_ref();
            let id = self.id(stage.id.as_ref(), TABLE, at);
            let name = self.one_line(stage.name.as_ref(), "name", TABLE, at);
            let description = self.string(stage.description.as_ref(), "description");
            if let Some(aliases) = &stage.aliases {
                self.report(
                    aliases.span().start,
                    &crate::t!("pack-stage-aliases", table = TABLE),
                );
                ok = false;
            }
            if let Some(id) = &id {
                ok &= self.unique(id, "stage", &mut first);
            }
            if let Some(name) = &name {
                let word = crate::text::fold(name.value.trim()).into_owned();
                let line = self.at.line_of(name.at);
                if let Some(other) = names.insert(word, line) {
                    self.report(
                        name.at,
                        &crate::t!(
                            "pack-stage-duplicate-name",
                            name = shown(&name.value),
                            line = other.to_string()
                        ),
                    );
                    ok = false;
                }
            }
            match (id, name) {
                (Some(id), Some(name)) => stages.push(LevelName {
                    id: id.value,
                    name: name.value,
                    description: description.unwrap_or_default().trim().to_string(),
                    aliases: Vec::new(),
                }),
                _ => ok = false,
            }
        }
        ok.then_some(stages)
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_text;
    use crate::pack::PackOrigin;

    const PACK: &str = "format = 1\n\n[pack]\nid = \"t\"\nname = \"T\"\nversion = \"1\"\nlanguage = \"en\"\n\n[[themes]]\nid = \"a\"\ntitle = \"A\"\n\n[[prompts]]\nid = \"p\"\ntheme = \"a\"\nquestion = \"Q?\"\n";

    fn problems(extra: &str) -> Vec<String> {
        match check_text(
            &format!("{PACK}{extra}"),
            "p.toml",
            PackOrigin::Embedded("p.toml"),
        ) {
            Ok(_) => Vec::new(),
            Err(found) => found.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn stages_are_optional_and_checked() {
        let pack = check_text(PACK, "p.toml", PackOrigin::Embedded("p.toml")).unwrap();
        assert!(pack.stages.is_empty());
        let two = "\n[[stages]]\nid = \"forming\"\nname = \"Forming\"\ndescription = \"Schools meet.\"\n\n[[stages]]\nid = \"working\"\nname = \"Working together\"\n";
        let pack = check_text(
            &format!("{PACK}{two}"),
            "p.toml",
            PackOrigin::Embedded("p.toml"),
        )
        .unwrap();
        assert_eq!(pack.stages.len(), 2);
        assert_eq!(pack.stages[1].name, "Working together");
        assert_eq!(pack.stages[0].description, "Schools meet.");

        let one = "\n[[stages]]\nid = \"forming\"\nname = \"Forming\"\n";
        let found = problems(one);
        assert!(
            found[0].starts_with("p.toml:18:1: a pack with [[stages]] must have at least two"),
            "{found:?}"
        );
        let dup = two
            .replace("\"working\"", "\"forming\"")
            .replace("Working together", "forming");
        let found = problems(&dup);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].contains("duplicate stage id 'forming' (first defined on line 19)"),
            "{found:?}"
        );
        assert!(
            found[1].contains("duplicate stage name 'forming'"),
            "{found:?}"
        );
        let nameless = "\n[[stages]]\nid = \"a1\"\n\n[[stages]]\nid = \"Bad Id\"\nname = \"B\"\n";
        let found = problems(nameless);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].contains("[[stages]] is missing the required key `name`"),
            "{found:?}"
        );
        assert!(found[1].contains("'Bad Id' is not a valid id"), "{found:?}");
    }
}
