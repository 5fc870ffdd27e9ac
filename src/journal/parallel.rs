//! Parsing on every core, consumed in file order.
//!
//! A whole-journal read splits into units (byte ranges of the snapshot, or slices of
//! an index); worker threads turn units into results, and the reader takes the
//! results back in unit order, so everything that depends on order (the rule for
//! revisions, the output) stays on one thread. Worker `w` of `n` does units
//! `w, w + n, …` and hands each over a channel of one slot: memory holds a few units'
//! results at most, whatever the journal's size.

use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;
use std::thread::JoinHandle;

use super::snapshot::Snapshot;
use super::spill::KeyList;
use super::Result;

/// Bytes of the journal per unit of work. Debug builds (the tests) cut small units,
/// so that small journals are split across workers too.
pub(super) const UNIT: u64 = if cfg!(debug_assertions) {
    2 * 1024
} else {
    512 * 1024
};

/// How many threads parse: the cores there are, at most 4.
fn workers() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 4)
}

/// What turns a unit into its result, given its place in the list of units.
pub(super) type Work<T> = Arc<dyn Fn(usize, Unit) -> T + Send + Sync>;

/// A unit and its place in the list of units.
type Placed = (usize, Unit);

/// Results of units, in unit order.
pub(super) struct Ordered<T> {
    /// With one worker: the units left (the next last) and the work, done on the
    /// reading thread as results are asked for.
    inline: Option<(Vec<Placed>, Work<T>)>,
    channels: Vec<Receiver<T>>,
    threads: Vec<JoinHandle<()>>,
    next: usize,
    count: usize,
}

/// A unit of work: a byte range of the snapshot, or a slice of an index.
#[derive(Debug, Clone)]
pub(super) enum Unit {
    Bytes(u64, u64),
    /// Keys `from..to` of a list (an index, or spans).
    Keys(Arc<KeyList>, usize, usize),
}

impl<T: Send + 'static> Ordered<T> {
    pub(super) fn new(units: Vec<Unit>, work: Work<T>) -> Ordered<T> {
        let count = units.len();
        let n = workers().min(count);
        let mut units: Vec<Placed> = units.into_iter().enumerate().collect();
        if n <= 1 {
            units.reverse();
            return Ordered {
                inline: Some((units, work)),
                channels: Vec::new(),
                threads: Vec::new(),
                next: 0,
                count,
            };
        }
        let mut channels = Vec::with_capacity(n);
        let mut threads = Vec::with_capacity(n);
        for w in 0..n {
            let mine: Vec<Placed> = units.iter().skip(w).step_by(n).cloned().collect();
            let (send, receive) = sync_channel(1);
            let work = work.clone();
            threads.push(std::thread::spawn(move || {
                for (place, unit) in mine {
                    if send.send(work(place, unit)).is_err() {
                        return; // the reader stopped early
                    }
                }
            }));
            channels.push(receive);
        }
        Ordered {
            inline: None,
            channels,
            threads,
            next: 0,
            count,
        }
    }
}

impl<T> Iterator for Ordered<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if let Some((units, work)) = &mut self.inline {
            return units.pop().map(|(place, unit)| work(place, unit));
        }
        if self.next == self.count {
            return None;
        }
        let channel = &self.channels[self.next % self.channels.len()];
        self.next += 1;
        // A worker that panicked closed its channel: end here (the panic is shown).
        channel.recv().ok()
    }
}

impl<T> Drop for Ordered<T> {
    fn drop(&mut self) {
        self.channels.clear(); // unblocks workers waiting to send
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

/// The snapshot cut into units of about [`UNIT`] bytes.
pub(super) fn byte_units(snapshot: &Snapshot) -> Vec<Unit> {
    let len = snapshot.len();
    let mut units = Vec::new();
    let mut start = 0;
    while start < len {
        let end = (start + UNIT).min(len);
        units.push(Unit::Bytes(start, end));
        start = end;
    }
    units
}

/// All of `keys` cut into units of `size`.
pub(super) fn list_units(keys: KeyList, size: usize) -> Vec<Unit> {
    let len = keys.len();
    key_units(&Arc::new(keys), 0, len, size)
}

/// `keys[from..to]` cut into units of `size` (the list shared, not copied: an index
/// may hold millions).
pub(super) fn key_units(keys: &Arc<KeyList>, from: usize, to: usize, size: usize) -> Vec<Unit> {
    (from..to)
        .step_by(size.max(1))
        .map(|start| Unit::Keys(keys.clone(), start, (start + size).min(to)))
        .collect()
}

/// The first line starting at or after `offset` (`offset` itself when it follows a
/// newline).
pub(super) fn line_start_from(snapshot: &Snapshot, offset: u64) -> Result<u64> {
    if offset == 0 {
        return Ok(0);
    }
    let mut at = offset - 1;
    let mut buf = vec![0u8; 4096];
    while at < snapshot.len() {
        let size = (buf.len() as u64).min(snapshot.len() - at) as usize;
        snapshot.read_at(at, &mut buf[..size])?;
        if let Some(newline) = memchr::memchr(b'\n', &buf[..size]) {
            return Ok(at + newline as u64 + 1);
        }
        at += size as u64;
    }
    Ok(snapshot.len())
}
