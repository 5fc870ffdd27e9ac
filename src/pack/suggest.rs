//! Which prompt to offer next: the one the leader has answered least.
//!
//! Ties are broken in a round-robin order across themes (a first prompt of each
//! theme, then a second of each, ...), so that as entries are written the
//! suggestions move from theme to theme instead of working through one theme first.
//! Within each round the themes are mixed (a fixed shuffle per pack and round), so
//! progress over time does not follow the order in which the pack lists its themes
//! (`reflect progress --explain` says so).

use std::collections::HashMap;

use super::{Pack, Prompt};
use crate::journal::{Journal, JournalError};

/// How many live entries answer each prompt, keyed by (pack id, prompt id).
pub type AnswerCounts = HashMap<(String, String), usize>;

/// Counts the live entries that answer a prompt (free entries are not counted).
/// Streams the journal: memory grows with the number of prompts, not of entries.
pub fn answer_counts(journal: &Journal) -> Result<AnswerCounts, JournalError> {
    let mut counts = AnswerCounts::new();
    for entry in journal.oldest_first()?.without_text() {
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
/// each theme, then the second of each, and so on, the themes of each round in a
/// mixed order ([`mixed`]).
pub fn rotation(pack: &Pack) -> Vec<&Prompt> {
    let slot: HashMap<&str, usize> = pack
        .themes
        .iter()
        .enumerate()
        .map(|(i, theme)| (theme.id.as_str(), i))
        .collect();
    let mut by_theme: Vec<Vec<&Prompt>> = vec![Vec::new(); pack.themes.len()];
    for prompt in &pack.prompts {
        if let Some(&i) = slot.get(prompt.theme.as_str()) {
            by_theme[i].push(prompt);
        }
    }
    // Each round orders only the themes that still have prompts: the same order as
    // all themes mixed then filtered, at a cost that grows with the prompts alone.
    let mut active: Vec<(usize, &Vec<&Prompt>)> = by_theme
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.is_empty())
        .collect();
    let mut order = Vec::with_capacity(pack.prompts.len());
    let mut round = 0;
    while !active.is_empty() {
        active.sort_by_cached_key(|&(t, _)| mixed(&pack.id, round, &pack.themes[t].id));
        order.extend(active.iter().map(|(_, prompts)| prompts[round]));
        round += 1;
        active.retain(|(_, prompts)| prompts.len() > round);
    }
    order
}

/// A fixed pseudo-random key for a theme in a round (FNV-1a of the pack id, the
/// round and the theme id): the same on every machine and every run, different
/// from round to round, unrelated to the pack's order.
fn mixed(pack: &str, round: usize, theme: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let bytes = pack
        .bytes()
        .chain([0])
        .chain(round.to_le_bytes())
        .chain(theme.bytes());
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
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
        // Round one has a prompt of each theme (in a mixed order), round two the rest.
        assert_eq!(ids.len(), 3);
        let mut first: Vec<&str> = ids[..2].to_vec();
        first.sort();
        assert_eq!(first, ["a1", "b1"]);
        assert_eq!(ids[2], "a2");
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
        // Every prompt once before any twice; the two themes alternate in round one.
        let mut once = seen[..3].to_vec();
        once.sort();
        assert_eq!(once, ["a1", "a2", "b1"]);
        assert_ne!(seen[0][..1], seen[1][..1]);
    }

    #[test]
    fn rounds_mix_the_themes_out_of_pack_order() {
        // The shipped English pack: in the first two rounds, the themes do not come
        // in the pack's order, and not in the same order each round.
        let (name, text) = crate::pack::load::EMBEDDED_PACKS[0];
        let pack = &parse_pack(text, name, PackOrigin::Embedded(name)).unwrap();
        let order = rotation(pack);
        let n = pack.themes.len();
        let theme_order = |round: usize| -> Vec<&str> {
            order[round * n..(round + 1) * n]
                .iter()
                .map(|p| p.theme.as_str())
                .collect()
        };
        let pack_order: Vec<&str> = pack.themes.iter().map(|t| t.id.as_str()).collect();
        let (one, two) = (theme_order(0), theme_order(1));
        assert_ne!(one, pack_order);
        assert_ne!(one, two);
        let mut sorted = one.clone();
        sorted.sort();
        let mut all = pack_order.clone();
        all.sort();
        assert_eq!(sorted, all, "each round has every theme once");
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
