//! What the leader says about an entry besides its words: where the practice
//! happened (level, or `idea`), where its learning came from (transfer) and how deep
//! the joint work went. Nothing here guesses: what is not said stays unsaid.
//!
//! - this file: [`Rating`] and its one rule (a transfer needs a level and comes from
//!   elsewhere);
//! - `ask`: the questions on a terminal, level → transfer → depth;
//! - `template`: the optional `level:`, `from:`, `depth:` lines of the editor draft.

mod ask;
mod template;

pub use ask::{ask, Asked};
pub use template::{take_fields, template_body, template_header, TemplateFields};

use crate::entry::{Depth, Entry, Origin, Placement};
use crate::journal::{Journal, JournalError};
use crate::pack::Answer;
use crate::words;

/// The three things a leader may say about an entry. `None` = not said.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rating {
    pub level: Option<Placement>,
    pub from: Option<Origin>,
    pub depth: Option<Depth>,
}

impl Rating {
    pub fn of(entry: &Entry) -> Rating {
        Rating {
            level: entry.level,
            from: entry.from,
            depth: entry.depth,
        }
    }

    /// Copies the rating onto `entry`.
    pub fn apply(self, entry: &mut Entry) {
        entry.level = self.level;
        entry.from = self.from;
        entry.depth = self.depth;
    }

    /// Records one answer.
    pub fn set(&mut self, answer: Answer) {
        match answer {
            Answer::Level(level) => self.level = Some(level),
            Answer::From(from) => self.from = Some(from),
            Answer::Depth(depth) => self.depth = Some(depth),
        }
    }

    /// Whether any of the three is said.
    pub fn is_empty(&self) -> bool {
        *self == Rating::default()
    }

    /// The rule of transfer: it needs a level on the ladder (not unrated, not an
    /// idea), and comes from another level or from the programme.
    pub fn check(&self) -> Result<(), String> {
        let Some(from) = self.from else { return Ok(()) };
        match self.level {
            Some(Placement::At(level)) if from == Origin::Level(level) => {
                Err(words::from_is_level(level.as_str()))
            }
            Some(Placement::At(_)) => Ok(()),
            _ => Err(words::from_needs_level()),
        }
    }
}

/// The live entries without a level, newest written first. `with_text: false`
/// reads them without their words (for counting).
pub fn unrated(journal: &Journal, with_text: bool) -> Result<Vec<Entry>, JournalError> {
    let mut entries = journal.newest_first()?;
    if !with_text {
        entries = entries.without_text();
    }
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry?;
        if entry.level.is_none() {
            found.push(entry);
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::Level;

    #[test]
    fn a_transfer_needs_a_level_and_comes_from_elsewhere() {
        let at = |level| Some(Placement::At(level));
        let rating = |level, from| Rating {
            level,
            from: Some(from),
            depth: None,
        };
        assert!(rating(at(Level::School), Origin::Level(Level::Network))
            .check()
            .is_ok());
        assert!(rating(at(Level::School), Origin::Programme).check().is_ok());
        assert!(rating(at(Level::School), Origin::Level(Level::School))
            .check()
            .is_err());
        assert!(rating(None, Origin::Programme).check().is_err());
        assert!(rating(Some(Placement::Idea), Origin::Programme)
            .check()
            .is_err());
        assert!(Rating::default().check().is_ok());
    }
}
