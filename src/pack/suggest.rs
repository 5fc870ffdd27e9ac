//! Which prompt to offer next: the one answered least, rotating through themes.

use std::collections::HashMap;

use super::{Pack, Prompt};
use crate::journal::{Journal, JournalError};

/// How often each prompt has been answered, keyed by (pack id, prompt id).
pub type AnswerCounts = HashMap<(String, String), usize>;

/// Counts the journal's answers to each prompt (one streaming pass).
pub fn answer_counts(journal: &Journal) -> Result<AnswerCounts, JournalError> {
    let mut counts = AnswerCounts::new();
    for entry in journal.newest_first()? {
        let entry = entry?;
        if let (Some(pack), Some(prompt)) = (entry.pack, entry.prompt) {
            *counts.entry((pack, prompt)).or_default() += 1;
        }
    }
    Ok(counts)
}

/// The least-answered prompt of `pack` (within `theme` if given). Ties go to the
/// prompt that comes first when the pack's prompts are dealt round-robin across its
/// themes (the first prompt of each theme, then the second of each, ...), so
/// successive suggestions move from theme to theme.
pub fn suggest<'a>(pack: &'a Pack, counts: &AnswerCounts, theme: Option<&str>) -> Option<&'a Prompt> {
    let answered = |prompt: &Prompt| {
        counts
            .get(&(pack.id.clone(), prompt.id.clone()))
            .copied()
            .unwrap_or(0)
    };
    round_robin(pack)
        .into_iter()
        .filter(|prompt| theme.is_none_or(|theme| prompt.theme == theme))
        .enumerate()
        .min_by_key(|(order, prompt)| (answered(prompt), *order))
        .map(|(_, prompt)| prompt)
}

/// The pack's prompts dealt round-robin across themes, in theme order.
fn round_robin(pack: &Pack) -> Vec<&Prompt> {
    let by_theme: Vec<Vec<&Prompt>> = pack
        .themes
        .iter()
        .map(|theme| pack.prompts.iter().filter(|p| p.theme == theme.id).collect())
        .collect();
    let rounds = by_theme.iter().map(Vec::len).max().unwrap_or(0);
    (0..rounds)
        .flat_map(|round| by_theme.iter().filter_map(move |prompts| prompts.get(round).copied()))
        .collect()
}
