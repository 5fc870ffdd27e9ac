//! How commands show what the journal reports: each damaged line a read skipped, at
//! most [`WARNINGS_SHOWN`] of them one by one, then one line summing up the rest.

use std::path::Path;

use crate::busy::Busy;
use crate::journal::{Report, Skipped};
use crate::{t, terminal};

/// Damaged lines named one by one on stderr before the rest are summed up.
const WARNINGS_SHOWN: usize = 20;

/// Warnings on stderr.
pub struct OnStderr;

impl Report for OnStderr {
    fn waiting_for_lock(&self, lock: &Path) {
        let lock = lock.display().to_string();
        terminal::note(&crate::t!("journal-waiting-for-lock", lock = lock));
    }

    fn damage(&self, journal: &Path, skipped: &Skipped) {
        let path = journal.display().to_string();
        for d in skipped.first.iter().take(WARNINGS_SHOWN) {
            terminal::warn(&t!(
                "damaged-line-skipped",
                path = path.as_str(),
                line = d.line.to_string(),
                problem = d.problem.to_string()
            ));
        }
        let more = skipped.count().saturating_sub(WARNINGS_SHOWN);
        if more > 0 {
            terminal::warn(&t!(
                "damaged-lines-more",
                path = path.as_str(),
                more = more.to_string(),
                last = skipped.last_line.to_string()
            ));
        }
    }
}

/// Warnings on stderr, and how far forward reads have got on a progress bar.
pub struct WithBar(pub Busy);

impl Report for WithBar {
    fn damage(&self, journal: &Path, skipped: &Skipped) {
        OnStderr.damage(journal, skipped);
    }

    fn read_progress(&self, _journal: &Path, bytes: u64) {
        self.0.set_position(bytes);
    }
}
