//! The sentences of rating an entry (level, transfer, depth: issue 14), one
//! function per message of `locales/*/practice.ftl`, in the interface language.

use crate::t;

/// The level choice for an entry that is not practice yet.
pub fn idea_label() -> String {
    t!("rating-idea")
}

/// The transfer choice for learning that came from the PD programme itself.
pub fn programme_label() -> String {
    t!("rating-programme")
}

/// How an entry without a level is shown.
pub fn unrated() -> String {
    t!("rating-unrated")
}

pub fn ask_level() -> String {
    t!("ask-level")
}

pub fn ask_from() -> String {
    t!("ask-from")
}

pub fn ask_depth() -> String {
    t!("ask-depth")
}

/// The line under the transfer and depth questions.
pub fn ask_hint() -> String {
    t!("ask-hint")
}

/// The line under the level question, where Enter ends the questions.
pub fn ask_level_hint() -> String {
    t!("ask-level-hint")
}

/// An answer that names no choice.
pub fn not_a_choice(answer: &str) -> String {
    t!("ask-not-a-choice", answer = answer)
}

/// A flag value (or template line) that names no choice of `question` (`level`,
/// `from`, `depth`).
pub fn unknown_value(question: &str, value: &str, choices: &str) -> String {
    match question {
        "level" => t!("rating-unknown-level", value = value, choices = choices),
        "from" => t!("rating-unknown-from", value = value, choices = choices),
        _ => t!("rating-unknown-depth", value = value, choices = choices),
    }
}

/// `--from` equal to the entry's level.
pub fn from_is_level(level: &str) -> String {
    t!("rating-from-is-level", level = level)
}

/// `--from` without a level on the ladder.
pub fn from_needs_level() -> String {
    t!("rating-from-needs-level")
}

/// `edit`: a new level that rules out the stored transfer.
pub fn keep_from_hint() -> String {
    t!("rating-keep-from-hint")
}

/// After saving an entry without a level.
pub fn saved_unrated(id: &str, date: &str) -> String {
    t!("write-saved-unrated", id = id, date = date)
}

/// After saving a rated entry.
pub fn saved(id: &str, label: &str, date: &str) -> String {
    t!("write-saved", id = id, label = label, date = date)
}

/// The write menu's reminder.
pub fn not_rated_yet(count: usize) -> String {
    t!("write-not-rated-yet", count = count)
}

/// `reflect rate` without a terminal (stdout has the ids).
pub fn rate_needs_terminal(count: usize) -> String {
    t!("rate-needs-terminal", count = count)
}

pub fn all_rated() -> String {
    t!("rate-all-rated")
}

/// `reflect rate`: the header of one entry.
pub fn rate_entry(position: usize, total: usize) -> String {
    t!("rate-entry", position = position, total = total)
}

/// `reflect rate`: the closing line.
pub fn rate_done(rated: usize, left: usize) -> String {
    t!("rate-done", rated = rated, left = left)
}

/// The key of a template line in the interface language (`level`, `ámbito`).
pub fn template_key(question: &str) -> String {
    match question {
        "level" => t!("template-key-level"),
        "from" => t!("template-key-from"),
        _ => t!("template-key-depth"),
    }
}

/// The editor template: the explanation above the choices of each field.
pub fn template_fields() -> String {
    t!("template-fields")
}

/// The editor template: a value on a field line that names no choice.
pub fn template_unknown(key: &str, value: &str) -> String {
    t!("template-unknown", key = key, value = value)
}

/// The keys a template line may start with, in every language (a draft may have been
/// written under another interface language).
pub const TEMPLATE_KEYS: [(&str, &[&str]); 3] = [
    ("level", &["level", "ámbito", "nivel"]),
    ("from", &["from", "desde"]),
    ("depth", &["depth", "profundidad"]),
];
