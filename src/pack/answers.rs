//! Reading what a leader says about an entry — its level, where its learning came
//! from (transfer) and the depth of the joint work — in a pack's words.
//!
//! One rule for every way of saying it (`--level`, `--from`, `--depth`, the terminal
//! questions, the editor template): the canonical id, the pack's id, its label in
//! any case with or without accents, an alias, or the number of the choice as shown.

use super::{LevelName, Pack, PackSet};
use crate::entry::{Depth, Level, Origin, Placement};
use crate::words;

/// The three questions asked about an entry, in the order they are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Level,
    From,
    Depth,
}

impl Question {
    pub const ALL: [Question; 3] = [Question::Level, Question::From, Question::Depth];

    /// The key naming the question in `ask = [...]` and in messages.
    pub fn key(self) -> &'static str {
        match self {
            Question::Level => "level",
            Question::From => "from",
            Question::Depth => "depth",
        }
    }

    pub fn from_key(key: &str) -> Option<Question> {
        Question::ALL.into_iter().find(|q| q.key() == key)
    }
}

/// An answer to one of the [`Question`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Level(Placement),
    From(Origin),
    Depth(Depth),
}

/// One choice of a question, as shown (numbered from 1 in list order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub answer: Answer,
    /// The word a leader types (`escuela`, `idea`, `programme`).
    pub id: String,
    /// The label shown (`Establecimiento`).
    pub label: String,
    /// Other accepted words: the pack's aliases, and the canonical id.
    pub aliases: Vec<String>,
}

impl Pack {
    /// The choices of `question` in the order shown. For the level question: the
    /// pack's levels, then "not practice yet" (`idea`); for transfer: the levels, then
    /// the programme; for depth: the pack's depths.
    pub fn choices(&self, question: Question) -> Vec<Choice> {
        let rung = |answer: Answer, canonical: &str, names: &LevelName| {
            let mut aliases = names.aliases.clone();
            if names.id != canonical {
                aliases.push(canonical.to_string());
            }
            Choice {
                answer,
                id: names.id.clone(),
                label: names.name.clone(),
                aliases,
            }
        };
        let extra = |answer: Answer, id: &str, label: String| Choice {
            answer,
            id: id.to_string(),
            label,
            aliases: Vec::new(),
        };
        match question {
            Question::Level => Level::ALL
                .into_iter()
                .map(|level| {
                    let answer = Answer::Level(Placement::At(level));
                    rung(answer, level.as_str(), self.level_name(level))
                })
                .chain([extra(
                    Answer::Level(Placement::Idea),
                    "idea",
                    words::idea_label(),
                )])
                .collect(),
            Question::From => Level::ALL
                .into_iter()
                .map(|level| {
                    let answer = Answer::From(Origin::Level(level));
                    rung(answer, level.as_str(), self.level_name(level))
                })
                .chain([extra(
                    Answer::From(Origin::Programme),
                    "programme",
                    words::programme_label(),
                )])
                .collect(),
            Question::Depth => Depth::ALL
                .into_iter()
                .map(|depth| rung(Answer::Depth(depth), depth.as_str(), self.depth_name(depth)))
                .collect(),
        }
    }
}

impl Pack {
    /// How a transfer's origin reads in this pack's words.
    pub fn origin_label(&self, from: Origin) -> String {
        match from {
            Origin::Level(level) => self.level_name(level).name.clone(),
            Origin::Programme => words::programme_label(),
        }
    }
}

impl PackSet {
    /// A transfer's origin in the words of `pack_id` if loaded, else its id.
    pub fn origin_label(&self, pack_id: Option<&str>, from: Origin) -> String {
        match self.words_of(pack_id) {
            Some(pack) => pack.origin_label(from),
            None => from.as_str().to_string(),
        }
    }

    /// A depth in the words of `pack_id` if loaded, else its id.
    pub fn depth_label(&self, pack_id: Option<&str>, depth: Depth) -> String {
        match self.words_of(pack_id) {
            Some(pack) => pack.depth_name(depth).name.clone(),
            None => depth.as_str().to_string(),
        }
    }
}

/// The choice `word` names: its number in `choices` (from 1), its id, its label or
/// an alias — in any case, with or without accents ([`crate::text::pick`]).
pub fn pick(choices: &[Choice], word: &str) -> Option<Answer> {
    let names: Vec<Vec<&str>> = choices
        .iter()
        .map(|c| {
            [c.id.as_str(), c.label.as_str()]
                .into_iter()
                .chain(c.aliases.iter().map(String::as_str))
                .collect()
        })
        .collect();
    let listed: Vec<(Answer, &[&str])> = choices
        .iter()
        .zip(&names)
        .map(|(c, names)| (c.answer, &names[..]))
        .collect();
    crate::text::pick(word, &listed)
}

/// `id (Label)` for each choice, for messages listing what is accepted.
pub fn listed(choices: &[Choice]) -> String {
    choices
        .iter()
        .map(|c| format!("{} ({})", c.id, c.label))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spanish() -> Pack {
        let loaded = super::super::load_packs(&Default::default()).expect("the shipped packs load");
        loaded
            .packs
            .into_iter()
            .find(|p| p.id == "redes-mejoramiento")
            .expect("the Spanish pack is shipped")
    }

    #[test]
    fn answers_by_number_id_label_alias_and_canonical_id() {
        let pack = spanish();
        let levels = pack.choices(Question::Level);
        let school = Some(Answer::Level(Placement::At(Level::School)));
        assert_eq!(pick(&levels, "escuela"), school);
        assert_eq!(pick(&levels, "ESCUELA"), school);
        assert_eq!(pick(&levels, "school"), school);
        assert_eq!(pick(&levels, "liceo"), school);
        assert_eq!(pick(&levels, "1"), school);
        assert_eq!(
            pick(&levels, "3"),
            Some(Answer::Level(Placement::At(Level::System)))
        );
        assert_eq!(pick(&levels, "4"), Some(Answer::Level(Placement::Idea)));
        assert_eq!(pick(&levels, "5"), None);
        assert_eq!(pick(&levels, "0"), None);
        assert_eq!(pick(&levels, ""), None);
        assert_eq!(pick(&levels, "galaxia"), None);
        let depths = pack.choices(Question::Depth);
        let deepest = Some(Answer::Depth(Depth::CoConstructing));
        assert_eq!(pick(&depths, "construimos JUNTOS"), deepest);
        assert_eq!(pick(&depths, "coconstruir"), deepest);
        assert_eq!(pick(&depths, "co-constructing"), deepest);
        let from = pack.choices(Question::From);
        assert_eq!(
            pick(&from, "programme"),
            Some(Answer::From(Origin::Programme))
        );
    }
}
