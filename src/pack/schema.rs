//! The TOML shape of a pack file (format 1), as serde reads it.
//!
//! Every key is optional *here* and wrapped in [`Spanned`], so that a missing or bad
//! value becomes a precise `FILE:LINE:COLUMN` problem in [`super::validate`] — and so
//! that all such problems are reported at once instead of stopping at the first.
//! Unknown keys and values of the wrong type are still rejected by serde
//! (`deny_unknown_fields`): those stop the parse, one problem at a time.
//!
//! The schema itself is documented in `docs/prompt-packs.md`.

use serde::Deserialize;
use toml::Spanned;

/// A string value and where it is in the file.
pub(super) type Text = Spanned<String>;

/// An array of tables (`[[themes]]`, ...), each table with its position (the
/// `[[header]]` line, or the inline table).
pub(super) type Tables<T> = Spanned<Vec<Spanned<T>>>;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PackFile {
    /// Schema version; only [`super::FORMAT_VERSION`] is supported. Any value is
    /// read here so that a wrong one gets a clear message.
    pub format: Option<Spanned<toml::Value>>,
    pub pack: Option<Spanned<PackTable>>,
    /// Absent, or exactly three rungs, bottom first.
    pub levels: Option<Tables<LevelTable>>,
    /// Absent, or exactly four depths of joint work, shallowest first.
    pub depths: Option<Tables<LevelTable>>,
    /// Absent (no stages: a check-in does not ask), or at least two, earliest first.
    pub stages: Option<Tables<LevelTable>>,
    pub themes: Option<Tables<ThemeTable>>,
    pub prompts: Option<Tables<PromptTable>>,
}

/// `[pack]`: metadata.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PackTable {
    pub id: Option<Text>,
    pub name: Option<Text>,
    pub version: Option<Text>,
    pub language: Option<Text>,
    pub description: Option<Text>,
    pub source: Option<Text>,
    pub author: Option<Text>,
}

/// `[[levels]]` or `[[depths]]`: how the pack names one rung of a ladder.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LevelTable {
    pub id: Option<Text>,
    pub name: Option<Text>,
    pub description: Option<Text>,
    /// Other words a leader may type for this rung (`liceo` for `escuela`).
    pub aliases: Option<Spanned<Vec<Text>>>,
}

/// `[[themes]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ThemeTable {
    pub id: Option<Text>,
    pub title: Option<Text>,
    pub summary: Option<Text>,
}

/// `[[prompts]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PromptTable {
    pub id: Option<Text>,
    /// Id of a theme of the same pack.
    pub theme: Option<Text>,
    pub question: Option<Text>,
    pub context: Option<Text>,
    /// Format 1 had a suggested level here; it is still read, and ignored (the
    /// leader says the level of every entry). `packs validate` notes it.
    pub level: Option<Text>,
}

/// What is wrong with a character in a pack string, if anything: control characters
/// other than newline and tab, and the bidirectional overrides and isolates that can
/// make text read differently from what it is.
pub(super) fn forbidden_char(c: char) -> Option<&'static str> {
    if c.is_control() && c != '\n' && c != '\t' {
        Some("pack-char-control")
    } else if matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
        Some("pack-char-bidi")
    } else {
        None
    }
}
