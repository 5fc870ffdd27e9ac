//! How the journal tells its caller about what it met on the way: damaged lines
//! skipped by a reader, a lock it is waiting for. The journal never prints; the
//! command passes a [`Report`] in ([`super::Journal::with_report`]) and decides how
//! to show it. Tests collect with [`Collected`].

use std::path::Path;
use std::sync::{Arc, Mutex};

use super::record::LineProblem;

/// A line that is not a readable record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// 1-based line number in the file.
    pub line: usize,
    /// Byte offset of the line's first byte.
    pub offset: u64,
    pub problem: LineProblem,
}

/// Receives what a journal operation met. Every method has a silent default.
pub trait Report: Send + Sync {
    /// The damaged lines one read skipped, in line order (called once per read that
    /// met any, when it ends).
    fn damage(&self, _journal: &Path, _damage: &[Damage]) {}

    /// The lock file is held by another process and this one is waiting for it.
    fn waiting_for_lock(&self, _lock: &Path) {}

    /// A forward read has got `bytes` into the file (called every 256 KiB or so; a
    /// long operation makes several passes, each starting again from 0).
    fn read_progress(&self, _journal: &Path, _bytes: u64) {}
}

/// Reports nothing (the default of [`super::Journal::new`]).
#[derive(Debug, Default, Clone, Copy)]
pub struct Silent;

impl Report for Silent {}

/// Keeps every report, for tests and for callers that show damage their own way.
#[derive(Debug, Default, Clone)]
pub struct Collected {
    inner: Arc<Mutex<CollectedInner>>,
}

#[derive(Debug, Default)]
struct CollectedInner {
    damage: Vec<Damage>,
    waits: usize,
}

impl Collected {
    /// The damage reported so far (each read's, in the order the reads ended).
    pub fn damage(&self) -> Vec<Damage> {
        self.lock().damage.clone()
    }

    /// Forgets what was reported.
    pub fn clear(&self) {
        *self.lock() = CollectedInner::default();
    }

    /// How many times an operation said it was waiting for the lock.
    pub fn waits(&self) -> usize {
        self.lock().waits
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, CollectedInner> {
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Report for Collected {
    fn damage(&self, _journal: &Path, damage: &[Damage]) {
        self.lock().damage.extend_from_slice(damage);
    }

    fn waiting_for_lock(&self, _lock: &Path) {
        self.lock().waits += 1;
    }
}
