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

/// The damaged lines one read skipped: the first ones whole, in line order, and how
/// many came after them (a read keeps only where those are: see `damage_log`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skipped {
    pub first: Vec<Damage>,
    /// Damaged lines after `first`, counted only.
    pub more: usize,
    /// The number of the last damaged line (0 when there is none).
    pub last_line: usize,
}

impl Skipped {
    /// How many lines were damaged in all.
    pub fn count(&self) -> usize {
        self.first.len() + self.more
    }
}

/// Receives what a journal operation met. Every method has a silent default.
pub trait Report: Send + Sync {
    /// The damaged lines one read skipped (called once per read that met any, when
    /// it ends).
    fn damage(&self, _journal: &Path, _skipped: &Skipped) {}

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
    more: usize,
    waits: usize,
}

impl Collected {
    /// The damage reported so far, the lines kept whole (each read's, in the order
    /// the reads ended).
    pub fn damage(&self) -> Vec<Damage> {
        self.lock().damage.clone()
    }

    /// How many damaged lines the reads counted without keeping them whole.
    pub fn more(&self) -> usize {
        self.lock().more
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
    fn damage(&self, _journal: &Path, skipped: &Skipped) {
        let mut inner = self.lock();
        inner.damage.extend_from_slice(&skipped.first);
        inner.more += skipped.more;
    }

    fn waiting_for_lock(&self, _lock: &Path) {
        self.lock().waits += 1;
    }
}
