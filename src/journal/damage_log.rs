//! The damaged lines one read meets, in bounded memory. A read shows the first few
//! and counts the rest, so it keeps the first [`KEPT`] in the file whole (with their
//! problem) and, of the others, only where they are: sorted aside as `spill` sorts
//! (in a temporary file past a megabyte), to be counted once each and the last one
//! named. A journal of a million damaged lines is read in 16 MB or so, where every
//! message kept took hundreds.
//! `check`, which lists every damaged line, keeps them all whole.

use super::record::LineProblem;
use super::spill::Sorter;

/// Damaged lines kept whole by a read (more than a command shows one by one).
pub(super) const KEPT: usize = 64;

/// A damaged line: its offset, its number when known, its problem.
pub(super) type Noted = (u64, Option<usize>, LineProblem);

pub(super) struct DamageLog {
    /// The first damaged lines in the file, whole (up to twice [`KEPT`] between
    /// trims; sorted and without repeats after one).
    whole: Vec<Noted>,
    /// Where the others are (each may be noted more than once): every one of them
    /// comes after every line in `whole`.
    beyond: Sorter<u64>,
    /// How many offsets `beyond` was given, and the largest: what is said of them
    /// if the temporary file cannot be read back.
    given: usize,
    largest: u64,
    /// The last line noted with its number (a forward scan counts them): the last
    /// damaged line's number is then known without counting again.
    last_numbered: Option<(u64, usize)>,
    /// `check`: every line whole.
    keep_all: bool,
}

/// What a read met, once it ends.
pub(super) struct Logged {
    /// The first damaged lines, whole, in file order, each once.
    pub(super) whole: Vec<Noted>,
    /// How many more lines were damaged, and where the last of them starts (with
    /// its number, when it was noted with one).
    pub(super) more: usize,
    pub(super) last: Option<(u64, Option<usize>)>,
}

impl DamageLog {
    pub(super) fn new() -> DamageLog {
        DamageLog {
            whole: Vec::new(),
            beyond: Sorter::default(),
            given: 0,
            largest: 0,
            last_numbered: None,
            keep_all: false,
        }
    }

    /// A log that keeps every damaged line whole (for `check`).
    pub(super) fn keeping_all() -> DamageLog {
        DamageLog {
            keep_all: true,
            ..DamageLog::new()
        }
    }

    /// What was noted, leaving an empty log of the same kind.
    pub(super) fn take(&mut self) -> DamageLog {
        let empty = DamageLog {
            keep_all: self.keep_all,
            ..DamageLog::new()
        };
        std::mem::replace(self, empty)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.whole.is_empty() && self.given == 0
    }

    pub(super) fn note(&mut self, offset: u64, line: Option<usize>, problem: LineProblem) {
        if let Some(line) = line {
            if self.last_numbered.is_none_or(|(last, _)| offset > last) {
                self.last_numbered = Some((offset, line));
            }
        }
        self.whole.push((offset, line, problem));
        if !self.keep_all && self.whole.len() >= 2 * KEPT {
            self.trim();
        }
    }

    /// Keeps the first [`KEPT`] lines whole and sets the others aside. The largest
    /// offset kept only shrinks from trim to trim, so every line set aside comes
    /// after every line kept.
    fn trim(&mut self) {
        self.whole.sort_by_key(|(offset, _, _)| *offset);
        self.whole.dedup_by_key(|(offset, _, _)| *offset);
        if self.keep_all || self.whole.len() <= KEPT {
            return;
        }
        for (offset, _, _) in self.whole.drain(KEPT..) {
            self.beyond.push(offset);
            self.given += 1;
            self.largest = self.largest.max(offset);
        }
    }

    /// Everything noted: the first lines whole, the rest counted.
    pub(super) fn finish(mut self) -> Logged {
        self.trim();
        let (mut more, mut last) = (0, None);
        let counted = self.beyond.finish().and_then(|sorted| {
            sorted.each(|offset| {
                if last != Some(offset) {
                    more += 1;
                    last = Some(offset);
                }
                Ok(())
            })
        });
        if counted.is_err() {
            // The temporary file failed: every offset given, repeats and all.
            (more, last) = (self.given, (self.given > 0).then_some(self.largest));
        }
        let numbered = self.last_numbered;
        Logged {
            whole: self.whole,
            more,
            last: last.map(|offset| {
                let line = numbered
                    .filter(|(at, _)| *at == offset)
                    .map(|(_, line)| line);
                (offset, line)
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(n: u64) -> LineProblem {
        LineProblem::Unreadable(format!("problem {n}"))
    }

    #[test]
    fn the_first_lines_are_kept_whole_and_the_rest_counted_once_each() {
        let mut log = DamageLog::new();
        // Noted out of order, some twice (two passes of a read may meet a line).
        let offsets: Vec<u64> = (0..1000u64).rev().map(|n| n * 37 % 1000).collect();
        for &offset in offsets.iter().chain(&offsets[..300]) {
            log.note(offset * 10, None, problem(offset));
        }
        let logged = log.finish();
        let kept: Vec<u64> = logged.whole.iter().map(|(offset, _, _)| *offset).collect();
        assert_eq!(kept, (0..KEPT as u64).map(|n| n * 10).collect::<Vec<_>>());
        assert_eq!(logged.whole[3].2, problem(3), "each with its own problem");
        assert_eq!(logged.more, 1000 - KEPT);
        assert_eq!(logged.last, Some((9990, None)));
    }

    #[test]
    fn check_keeps_every_line_whole() {
        let mut log = DamageLog::keeping_all();
        for offset in (0..500u64).rev() {
            log.note(offset, Some(offset as usize + 1), problem(offset));
        }
        let logged = log.finish();
        assert_eq!(logged.whole.len(), 500);
        assert_eq!(logged.last, None, "every line is in `whole`");
        assert_eq!(logged.whole[499], (499, Some(500), problem(499)));
        assert_eq!((logged.more, logged.last), (0, None));
    }

    #[test]
    fn the_last_line_keeps_the_number_it_was_noted_with() {
        let mut log = DamageLog::new();
        for n in 0..200u64 {
            log.note(n * 100, Some(n as usize * 3 + 1), problem(n));
        }
        assert_eq!(log.finish().last, Some((19_900, Some(598))));
    }

    #[test]
    fn a_few_lines_are_all_kept() {
        let mut log = DamageLog::new();
        assert!(log.is_empty());
        log.note(5, Some(2), problem(5));
        log.note(5, Some(2), problem(5));
        assert!(!log.is_empty());
        let logged = log.finish();
        assert_eq!(logged.whole, vec![(5, Some(2), problem(5))]);
        assert_eq!((logged.more, logged.last), (0, None));
    }
}
