//! The two ladders a pack may rename, checked: `[[levels]]` (three rungs: school,
//! network, system) and `[[depths]]` (four: informing, coordinating, sharing,
//! co-constructing). Both keep the canonical order; each rung has an id, a name, an
//! optional description and optional `aliases`. No word a leader may type (id, name,
//! alias, canonical id, in any case and without accents) may name two rungs.

use std::collections::HashMap;

use super::super::problem::shown;
use super::super::schema::{LevelTable, Tables};
use super::super::LevelName;
use super::Checker;
use crate::entry::{Depth, Level};

/// What differs between the two ladders.
pub(super) struct Ladder {
    /// `[[levels]]`.
    table: &'static str,
    /// `level`, in messages.
    kind: &'static str,
    /// Canonical ids, bottom first.
    canonical: &'static [&'static str],
    /// Canonical-order explanation for the count message.
    order: &'static str,
    /// Words reserved for other choices of the same question (`idea` for levels).
    reserved: &'static [&'static str],
    defaults: fn() -> Vec<LevelName>,
}

pub(super) const LEVELS: Ladder = Ladder {
    table: "[[levels]]",
    kind: "level",
    canonical: &["school", "network", "system"],
    order: "pack-order-levels",
    reserved: &["idea", "programme"],
    defaults: default_levels,
};

pub(super) const DEPTHS: Ladder = Ladder {
    table: "[[depths]]",
    kind: "depth",
    canonical: &["informing", "coordinating", "sharing", "co-constructing"],
    order: "pack-order-depths",
    reserved: &[],
    defaults: default_depths,
};

impl Checker<'_> {
    /// The rungs of `ladder` as the pack names them (the defaults when the tables are
    /// absent), or `None` with problems reported.
    pub(super) fn rungs(
        &mut self,
        tables: Option<&Tables<LevelTable>>,
        ladder: &Ladder,
    ) -> Option<Vec<LevelName>> {
        let Some(tables) = tables else {
            return Some((ladder.defaults)());
        };
        let table_name = ladder.table;
        let want = ladder.canonical.len();
        let count = tables.get_ref().len();
        let mut ok = true;
        if count != want {
            self.report(
                tables.span().start,
                &crate::t!(
                    "pack-rung-count",
                    table = table_name,
                    want = want.to_string(),
                    order = crate::i18n::message(ladder.order, None),
                    count = count.to_string()
                ),
            );
            ok = false;
        }
        let mut first = HashMap::new();
        // Words the user may type: each rung's canonical id, id, name and aliases.
        // rung usize::MAX marks a reserved word; line 0 a canonical one.
        let mut words: HashMap<String, (usize, usize)> = ladder
            .canonical
            .iter()
            .enumerate()
            .map(|(rung, id)| (id.to_string(), (rung, 0)))
            .chain(
                ladder
                    .reserved
                    .iter()
                    .map(|w| (w.to_string(), (usize::MAX, 0))),
            )
            .collect();
        let mut names = Vec::new();
        for (rung, table) in tables.get_ref().iter().enumerate() {
            let at = table.span().start;
            let level = table.get_ref();
            let id = self.id(level.id.as_ref(), table_name, at);
            let name = self.one_line(level.name.as_ref(), "name", table_name, at);
            let description = self.string(level.description.as_ref(), "description");
            let mut aliases = Vec::new();
            for alias in level.aliases.iter().flat_map(|a| a.get_ref()) {
                if let Some(found) = self.one_line(Some(alias), "aliases", table_name, at) {
                    aliases.push(found);
                }
            }
            let mut id_is_new = true;
            if let Some(id) = &id {
                id_is_new = self.unique(id, ladder.kind, &mut first);
                ok &= id_is_new;
            }
            let to_check = [
                (id.as_ref().filter(|_| id_is_new), "pack-what-id"),
                (name.as_ref(), "pack-what-name"),
            ]
            .into_iter()
            .chain(aliases.iter().map(|a| (Some(a), "pack-what-alias")));
            for (found, what) in to_check {
                let Some(found) = found else { continue };
                let word = crate::text::fold(found.value.trim()).into_owned();
                let line = self.at.line_of(found.at);
                match words.get(&word) {
                    Some(&(other, other_line)) if other != rung => {
                        let rung = (other + 1).to_string();
                        let whose = if other == usize::MAX {
                            crate::t!("pack-reserved-word")
                        } else if other_line == 0 {
                            crate::t!("pack-standard-name", rung = rung)
                        } else {
                            crate::t!("pack-rung-used", rung = rung, line = other_line.to_string())
                        };
                        let kind = format!("pack-kind-{}", ladder.kind);
                        self.report(
                            found.at,
                            &crate::t!(
                                "pack-ambiguous-word",
                                kind = crate::i18n::message(&kind, None),
                                what = crate::i18n::message(what, None),
                                word = shown(&found.value),
                                flag = ladder.kind,
                                whose = whose
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
                    aliases: aliases.into_iter().map(|a| a.value).collect(),
                }),
                _ => ok = false,
            }
        }
        ok.then_some(names)
    }
}

fn rung(id: &str, name: &str, description: &str) -> LevelName {
    LevelName {
        id: id.to_string(),
        name: name.to_string(),
        description: description.to_string(),
        aliases: Vec::new(),
    }
}

/// The canonical ladder, used when a pack has no `[[levels]]`.
fn default_levels() -> Vec<LevelName> {
    debug_assert_eq!(Level::ALL.len(), 3);
    vec![
        rung("school", "School", "Inside my own school."),
        rung("network", "Network", "With partner schools in the network."),
        rung(
            "system",
            "System",
            "The district, the territory, other agencies: the wider system.",
        ),
    ]
}

/// The depths of joint work, loosely adapted from Himmelman's collaboration
/// continuum, used when a pack has no `[[depths]]`.
fn default_depths() -> Vec<LevelName> {
    debug_assert_eq!(Depth::ALL.len(), 4);
    vec![
        rung("informing", "Informing", "We shared information."),
        rung(
            "coordinating",
            "Coordinating",
            "We aligned what each of us does.",
        ),
        rung(
            "sharing",
            "Sharing resources",
            "We shared resources: people, time, materials.",
        ),
        rung(
            "co-constructing",
            "Co-constructing",
            "We created new practice together and share responsibility for it.",
        ),
    ]
}
