//! Raw lines of a [`Snapshot`], forwards or backwards, and the damage met on the way.
//! Memory stays flat however long the journal grows: lines are slices of one block
//! buffer, read in large blocks with positioned reads.

use std::sync::Arc;

use super::damage_log::{DamageLog, Logged};
use super::record::LineProblem;
use super::report::{Damage, Skipped};
use super::snapshot::{content_at, line_numbers_at, Snapshot};
use super::{Journal, Result};

/// Size of one read; a longer line grows the buffer.
pub(super) const BLOCK: usize = 1 << 20;

/// Forward reads tell the report how far they are each time they cross a multiple
/// of 2^18 bytes (256 KiB). Ranges read on several cores report as they go, so the
/// figure may step back by a block now and then.
const PROGRESS_SHIFT: u32 = 18;

/// Raw lines of the journal between two offsets, plus the damage seen on the way.
pub(super) struct Scan {
    journal: Journal,
    snapshot: Arc<Snapshot>,
    buf: Vec<u8>,
    /// File offset of `buf[0]`.
    buf_at: u64,
    /// `buf[lo..hi]` holds bytes not yet returned.
    lo: usize,
    hi: usize,
    /// Bytes of the file still to read: `[start, end)`.
    start: u64,
    end: u64,
    backwards: bool,
    /// Number of the line last returned, when known (forwards from offset 0).
    line_number: Option<usize>,
    line_at: u64,
    damage: DamageLog,
    /// What went to the report, once it did (which happens once per read).
    reported: Option<Skipped>,
    quiet: bool,
}

impl Scan {
    pub(super) fn forwards(journal: &Journal, snapshot: &Arc<Snapshot>) -> Scan {
        Self::range(journal, snapshot, 0, snapshot.len())
    }

    /// Lines starting in `[start, end)`; `start` must be the start of a line. The last
    /// line may run past `end` (it is read to its newline).
    pub(super) fn range(journal: &Journal, snapshot: &Arc<Snapshot>, start: u64, end: u64) -> Scan {
        Scan {
            journal: journal.clone(),
            snapshot: snapshot.clone(),
            buf: super::spare::take(),
            buf_at: start,
            lo: 0,
            hi: 0,
            start,
            end,
            backwards: false,
            line_number: (start == 0).then_some(0),
            line_at: 0,
            damage: DamageLog::new(),
            reported: None,
            quiet: false,
        }
    }

    /// A scan that reads nothing, to collect the damage that parallel workers met,
    /// after what `damage` holds (an earlier pass's).
    pub(super) fn detached(journal: &Journal, snapshot: &Arc<Snapshot>, damage: DamageLog) -> Scan {
        let mut scan = Self::range(journal, snapshot, 0, 0);
        scan.line_number = None;
        scan.damage = damage;
        scan
    }

    pub(super) fn backwards(journal: &Journal, snapshot: &Arc<Snapshot>) -> Scan {
        let mut scan = Self::forwards(journal, snapshot);
        scan.backwards = true;
        scan.line_number = None;
        scan.buf_at = snapshot.len();
        scan
    }

    /// Keeps damage to itself instead of reporting it (for `check` and first passes).
    pub(super) fn quiet(mut self) -> Scan {
        self.quiet = true;
        self
    }

    /// Keeps every damaged line whole, not only the first (for `check`).
    pub(super) fn keeping_all_damage(mut self) -> Scan {
        self.damage = DamageLog::keeping_all();
        self
    }

    pub(super) fn journal(&self) -> &Journal {
        &self.journal
    }

    pub(super) fn snapshot(&self) -> &Arc<Snapshot> {
        &self.snapshot
    }

    /// The next non-blank line (without its newline, `\r` or byte-order mark) and its
    /// byte offset.
    pub(super) fn next_line(&mut self) -> Result<Option<(u64, &[u8])>> {
        let (at, from, to) = if self.backwards {
            match self.next_backwards()? {
                Some(found) => found,
                None => return Ok(None),
            }
        } else {
            match self.next_forwards()? {
                Some(found) => found,
                None => return Ok(None),
            }
        };
        Ok(Some((at, content_at(at, &self.buf[from..to]))))
    }

    fn next_forwards(&mut self) -> Result<Option<(u64, usize, usize)>> {
        loop {
            let found = memchr::memchr(b'\n', &self.buf[self.lo..self.hi]);
            let line = match found {
                Some(newline) => Some((self.lo, self.lo + newline, newline + 1)),
                // The last line of the file may have no newline.
                None if self.start >= self.snapshot.len() && self.lo < self.hi => {
                    Some((self.lo, self.hi, self.hi - self.lo))
                }
                None => None,
            };
            if let Some((from, to, used)) = line {
                let at = self.buf_at + from as u64;
                if at >= self.end {
                    return Ok(None);
                }
                self.lo += used;
                if let Some(number) = &mut self.line_number {
                    *number += 1;
                }
                self.line_at = at;
                if content_at(at, &self.buf[from..to]).is_empty() {
                    continue;
                }
                return Ok(Some((at, from, to)));
            }
            if self.start >= self.snapshot.len() {
                return Ok(None);
            }
            // Keep the unread part, then read the next block after it.
            self.buf.copy_within(self.lo..self.hi, 0);
            self.buf_at += self.lo as u64;
            self.hi -= self.lo;
            self.lo = 0;
            let want = if self.hi == 0 {
                BLOCK
            } else {
                (self.hi * 2).max(BLOCK)
            };
            // A range reads little past its end: just enough to finish its last line.
            let range_left = match self.end.checked_sub(self.start) {
                Some(left) if left > 0 => left + 4096,
                _ => 1 << 16,
            };
            let size = (want.saturating_sub(self.hi) as u64)
                .min(self.snapshot.len() - self.start)
                .min(range_left);
            if self.buf.len() < self.hi + size as usize {
                self.buf.resize(self.hi + size as usize, 0);
            }
            let (hi, start) = (self.hi, self.start);
            self.snapshot
                .read_at(start, &mut self.buf[hi..hi + size as usize])?;
            self.hi += size as usize;
            self.start += size;
            if (self.start >> PROGRESS_SHIFT) != (start >> PROGRESS_SHIFT) {
                let path = self.journal.path();
                self.journal.report().read_progress(path, self.start);
            }
        }
    }

    fn next_backwards(&mut self) -> Result<Option<(u64, usize, usize)>> {
        loop {
            if let Some(newline) = memchr::memrchr(b'\n', &self.buf[self.lo..self.hi]) {
                let (from, to) = (self.lo + newline + 1, self.hi);
                self.hi = self.lo + newline;
                let at = self.buf_at + from as u64;
                if content_at(at, &self.buf[from..to]).is_empty() {
                    continue;
                }
                return Ok(Some((at, from, to)));
            }
            if self.buf_at == self.start {
                // The first line of the file (or of the range).
                let (from, to) = (self.lo, std::mem::replace(&mut self.hi, self.lo));
                if to > from && !content_at(self.buf_at, &self.buf[from..to]).is_empty() {
                    return Ok(Some((self.buf_at, from, to)));
                }
                return Ok(None);
            }
            // Read the block before `buf_at` and put it in front of what is left.
            let left = self.hi - self.lo;
            let size = (BLOCK.max(left) as u64).min(self.buf_at - self.start) as usize;
            let from = self.buf_at - size as u64;
            let mut block = std::mem::take(&mut self.buf);
            if left == 0 {
                // Nothing kept: a kept buffer is reused as it is (zeroed only as it
                // grows), since the read overwrites it.
                if block.len() < size {
                    block.resize(size, 0);
                }
                block.truncate(size);
            } else {
                block.copy_within(self.lo..self.hi, 0);
                block.truncate(left);
                block.splice(0..0, std::iter::repeat_n(0, size));
            }
            self.snapshot.read_at(from, &mut block[..size])?;
            self.buf = block;
            self.buf_at = from;
            self.lo = 0;
            self.hi = size + left;
        }
    }

    /// Records that the line at `offset` is not a readable record.
    pub(super) fn note_problem(&mut self, offset: u64, problem: LineProblem) {
        if problem == LineProblem::NotAnEntry {
            return; // a check-in: another kind of record, not damage
        }
        let line = match self.line_number {
            Some(number) if self.line_at == offset => Some(number),
            _ => None,
        };
        self.damage.note(offset, line, problem);
    }

    /// The damage seen so far, taken (or, once reported, what was), with line
    /// numbers: counted now, in one pass, for the lines whose number was not known
    /// when they were met.
    pub(super) fn damage(&mut self) -> Skipped {
        if self.damage.is_empty() {
            if let Some(reported) = &self.reported {
                return reported.clone();
            }
        }
        let Logged { whole, more, last } = self.damage.take().finish();
        let mut unnumbered: Vec<u64> = whole
            .iter()
            .filter(|(_, line, _)| line.is_none())
            .map(|(offset, _, _)| *offset)
            .chain(
                last.filter(|(_, line)| line.is_none())
                    .map(|(offset, _)| offset),
            )
            .collect();
        unnumbered.sort_unstable();
        let numbers = line_numbers_at(&self.snapshot, &unnumbered);
        let number = |offset: u64| unnumbered.binary_search(&offset).map_or(0, |i| numbers[i]);
        let first: Vec<Damage> = whole
            .into_iter()
            .map(|(offset, line, problem)| Damage {
                line: line.unwrap_or_else(|| number(offset)),
                offset,
                problem,
            })
            .collect();
        let last_line = match last {
            Some((offset, line)) => line.unwrap_or_else(|| number(offset)),
            None => first.last().map_or(0, |d| d.line),
        };
        Skipped {
            first,
            more,
            last_line,
        }
    }

    /// Hands the damage seen so far to the journal's [`super::Report`] in line
    /// order, once (never when quiet). It stays available to [`Scan::damage`].
    pub(super) fn report_damage(&mut self) {
        if self.quiet || self.reported.is_some() || self.damage.is_empty() {
            return;
        }
        let skipped = self.damage();
        self.journal.report().damage(self.journal.path(), &skipped);
        self.reported = Some(skipped);
    }
}

impl Drop for Scan {
    fn drop(&mut self) {
        super::spare::give(std::mem::take(&mut self.buf));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn journal_with(bytes: &[u8]) -> (tempfile::TempDir, Journal) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        std::fs::write(&path, bytes).unwrap();
        (dir, Journal::new(path))
    }

    fn lines(mut scan: Scan) -> Vec<(u64, String)> {
        let mut out = Vec::new();
        while let Some((offset, line)) = scan.next_line().unwrap() {
            out.push((offset, String::from_utf8_lossy(line).into_owned()));
        }
        out
    }

    #[test]
    fn backwards_is_forwards_reversed_even_across_blocks() {
        let long = "x".repeat(BLOCK * 3 + 17);
        let text = format!("\u{feff}a\r\n\n{long}\nb\n  \nlast-without-newline");
        let (_dir, journal) = journal_with(text.as_bytes());
        let snapshot = Snapshot::open(&journal).unwrap();
        let forwards = lines(Scan::forwards(&journal, &snapshot));
        let mut backwards = lines(Scan::backwards(&journal, &snapshot));
        backwards.reverse();
        assert_eq!(forwards, backwards);
        let texts: Vec<&str> = forwards.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(texts, ["a", long.as_str(), "b", "last-without-newline"]);
        assert_eq!(forwards[1].0, 7, "offsets point at the line's first byte");
    }

    #[test]
    fn a_range_holds_the_lines_that_start_in_it() {
        let (_dir, journal) = journal_with(b"aa\nbb\ncc\ndd");
        let snapshot = Snapshot::open(&journal).unwrap();
        let texts = |start, end| -> Vec<String> {
            lines(Scan::range(&journal, &snapshot, start, end))
                .into_iter()
                .map(|(_, l)| l)
                .collect()
        };
        assert_eq!(texts(0, 4), ["aa", "bb"]);
        assert_eq!(texts(6, 11), ["cc", "dd"]);
    }
}
