//! Which prompt to offer next: the one the leader has answered least.
//!
//! Ties are broken in a round-robin order across themes (the first prompt of each
//! theme, then the second of each, ...), so that as entries are written the
//! suggestions move from theme to theme instead of working through one theme first.

use std::collections::HashMap;

use super::{Pack, Prompt};
use crate::journal::{Journal, JournalError};

/// How many live entries answer each prompt, keyed by (pack id, prompt id).
pub type AnswerCounts = HashMap<(String, String), usize>;

/// Counts the live entries that answer a prompt (free entries are not counted).
/// Streams the journal: memory grows with the number of prompts, not of entries.
pub fn answer_counts(journal: &Journal) -> Result<AnswerCounts, JournalError> {
    let mut counts = AnswerCounts::new();
    for entry in journal.newest_first()?.without_text() {
        let entry = entry?;
        if let (Some(pack), Some(prompt)) = (entry.pack, entry.prompt) {
            *counts.entry((pack, prompt)).or_default() += 1;
        }
    }
    Ok(counts)
}

/// The prompt to suggest from `pack` (only from the theme `theme` when given): the
/// least answered, the earliest in [`rotation`] order among equals. `None` when the
/// pack has no prompt in that theme.
pub fn suggest<'a>(
    pack: &'a Pack,
    counts: &AnswerCounts,
    theme: Option<&str>,
) -> Option<&'a Prompt> {
    let answered = |prompt: &Prompt| {
        counts
            .get(&(pack.id.clone(), prompt.id.clone()))
            .copied()
            .unwrap_or(0)
    };
    rotation(pack)
        .into_iter()
        .filter(|prompt| theme.is_none_or(|theme| prompt.theme == theme))
        .min_by_key(|prompt| answered(prompt))
}

/// The pack's prompts in round-robin order across its themes: the first prompt of
/// each theme (in theme order), then the second of each, and so on.
pub fn rotation(pack: &Pack) -> Vec<&Prompt> {
    let by_theme: Vec<Vec<&Prompt>> = pack
        .themes
        .iter()
        .map(|theme| {
            pack.prompts
                .iter()
                .filter(|p| p.theme == theme.id)
                .collect()
        })
        .collect();
    let rounds = by_theme.iter().map(Vec::len).max().unwrap_or(0);
    let mut order = Vec::with_capacity(pack.prompts.len());
    for round in 0..rounds {
        order.extend(
            by_theme
                .iter()
                .filter_map(|prompts| prompts.get(round).copied()),
        );
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::{parse_pack, PackOrigin};

    fn pack() -> Pack {
        let text = r#"
format = 1
[pack]
id = "p"
name = "P"
version = "1"
language = "en"
[[themes]]
id = "a"
title = "A"
[[themes]]
id = "b"
title = "B"
[[prompts]]
id = "a1"
theme = "a"
question = "?"
[[prompts]]
id = "a2"
theme = "a"
question = "?"
[[prompts]]
id = "b1"
theme = "b"
question = "?"
"#;
        parse_pack(text, "p.toml", PackOrigin::Embedded("p.toml")).unwrap()
    }

    fn answer(counts: &mut AnswerCounts, prompt: &str) {
        *counts.entry(("p".into(), prompt.into())).or_default() += 1;
    }

    #[test]
    fn rotation_alternates_themes() {
        let pack = pack();
        let ids: Vec<&str> = rotation(&pack).iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["a1", "b1", "a2"]);
    }

    #[test]
    fn suggestions_move_through_themes_as_prompts_are_answered() {
        let pack = pack();
        let mut counts = AnswerCounts::new();
        let mut seen = Vec::new();
        for _ in 0..4 {
            let prompt = suggest(&pack, &counts, None).unwrap();
            seen.push(prompt.id.clone());
            answer(&mut counts, &prompt.id);
        }
        assert_eq!(seen, ["a1", "b1", "a2", "a1"]);
    }

    #[test]
    fn a_theme_limits_the_choice_and_other_packs_do_not_count() {
        let pack = pack();
        let mut counts = AnswerCounts::new();
        answer(&mut counts, "a1");
        counts.insert(("other".into(), "a2".into()), 5);
        assert_eq!(suggest(&pack, &counts, Some("a")).unwrap().id, "a2");
        assert_eq!(suggest(&pack, &counts, Some("zzz")), None);
    }
}
