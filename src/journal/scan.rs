//! Raw lines of the journal, forwards or backwards, and the damage met on the way.
//! Memory stays flat however long the journal grows: lines are read into one reused
//! buffer (forwards) or one sliding block (backwards).

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};

use super::record::LineProblem;
use super::report::Damage;
use super::{Journal, JournalError, Result};

pub(super) const CHUNK: usize = 1 << 16;

/// Raw lines of the journal, forwards or backwards, plus the damage seen on the way.
/// A missing journal reads as an empty one.
pub struct Scan {
    journal: Journal,
    direction: Direction,
    damage: Vec<(u64, Option<usize>, LineProblem)>,
    /// Set once the damage went to the report (which happens once per read).
    reported: bool,
    quiet: bool,
}

enum Direction {
    Forwards {
        reader: Option<BufReader<File>>,
        buf: Vec<u8>,
        offset: u64,
        line_number: usize,
        /// Offset of the line last returned (whose number is `line_number`).
        line_at: u64,
    },
    Backwards {
        file: Option<File>,
        /// `tail[..end]` holds the unread bytes that start at file offset `start`.
        tail: Vec<u8>,
        start: u64,
        end: usize,
        chunk: usize,
    },
}

/// Forward reads tell the report how far they are each time they cross a multiple
/// of 2^18 bytes (256 KiB).
const PROGRESS_SHIFT: u32 = 18;

pub(super) fn open(journal: &Journal) -> Result<Option<File>> {
    match File::open(journal.path()) {
        Ok(file) => Ok(Some(file)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(JournalError::io("cannot open the journal", journal.path())(
            err,
        )),
    }
}

/// Strips a trailing `\r` (a file edited on Windows) and reports blank lines as `None`.
pub(super) fn content(line: &[u8]) -> Option<&[u8]> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    (!line.iter().all(u8::is_ascii_whitespace)).then_some(line)
}

impl Scan {
    pub fn forwards(journal: &Journal) -> Result<Scan> {
        let reader = open(journal)?.map(|file| BufReader::with_capacity(CHUNK, file));
        Ok(Scan {
            journal: journal.clone(),
            direction: Direction::Forwards {
                reader,
                buf: Vec::with_capacity(1024),
                offset: 0,
                line_number: 0,
                line_at: 0,
            },
            damage: Vec::new(),
            reported: false,
            quiet: false,
        })
    }

    pub fn backwards(journal: &Journal) -> Result<Scan> {
        let file = open(journal)?;
        let start = match &file {
            Some(file) => file
                .metadata()
                .map_err(JournalError::io("cannot read the size of", journal.path()))?
                .len(),
            None => 0,
        };
        Ok(Scan {
            journal: journal.clone(),
            direction: Direction::Backwards {
                file,
                tail: Vec::new(),
                start,
                end: 0,
                chunk: CHUNK,
            },
            damage: Vec::new(),
            reported: false,
            quiet: false,
        })
    }

    /// Keeps damage to itself instead of reporting it (for `check`).
    pub fn quiet(mut self) -> Scan {
        self.quiet = true;
        self
    }

    /// The next non-blank line (without its newline) and its byte offset.
    pub fn next_line(&mut self) -> Result<Option<(u64, &[u8])>> {
        let path = self.journal.path().to_path_buf();
        match &mut self.direction {
            Direction::Forwards { reader: None, .. } | Direction::Backwards { file: None, .. } => {
                Ok(None)
            }
            Direction::Forwards {
                reader: Some(reader),
                buf,
                offset,
                line_number,
                line_at,
            } => loop {
                buf.clear();
                let read = reader
                    .read_until(b'\n', buf)
                    .map_err(JournalError::io("cannot read", &path))?;
                if read == 0 {
                    return Ok(None);
                }
                let at = *offset;
                *offset += read as u64;
                if (*offset >> PROGRESS_SHIFT) != (at >> PROGRESS_SHIFT) {
                    self.journal.report().read_progress(&path, *offset);
                }
                *line_number += 1;
                *line_at = at;
                let line = buf.strip_suffix(b"\n").unwrap_or(buf);
                if content(line).is_some() {
                    let line = buf.strip_suffix(b"\n").unwrap_or(buf);
                    return Ok(Some((at, content(line).unwrap_or(line))));
                }
            },
            Direction::Backwards {
                file: Some(file),
                tail,
                start,
                end,
                chunk,
            } => loop {
                if let Some(newline) = memchr::memrchr(b'\n', &tail[..*end]) {
                    let line_start = newline + 1;
                    let line_end = *end;
                    *end = newline;
                    if content(&tail[line_start..line_end]).is_some() {
                        let at = *start + line_start as u64;
                        let line = content(&tail[line_start..line_end]).unwrap_or_default();
                        return Ok(Some((at, line)));
                    }
                    continue;
                }
                if *start == 0 {
                    let line_end = std::mem::take(end);
                    if line_end > 0 && content(&tail[..line_end]).is_some() {
                        return Ok(Some((0, content(&tail[..line_end]).unwrap_or_default())));
                    }
                    return Ok(None);
                }
                // Read the chunk before `start` and put it in front of what is left.
                let size = (*chunk as u64).min(*start) as usize;
                let from = *start - size as u64;
                let mut block = vec![0u8; size];
                file.seek(SeekFrom::Start(from))
                    .and_then(|_| file.read_exact(&mut block))
                    .map_err(JournalError::io("cannot read", &path))?;
                tail.truncate(*end);
                block.extend_from_slice(tail);
                *end = block.len();
                *tail = block;
                *start = from;
                // Lines longer than a chunk: grow the chunk rather than re-copy often.
                if memchr::memchr(b'\n', &tail[..size]).is_none() {
                    *chunk = (*chunk * 2).min(1 << 26);
                }
            },
        }
    }

    /// Records that the line at `offset` is not a readable record.
    pub fn note_problem(&mut self, offset: u64, problem: LineProblem) {
        let line = match &self.direction {
            Direction::Forwards {
                line_number,
                line_at,
                ..
            } if *line_at == offset => Some(*line_number),
            _ => None,
        };
        self.damage.push((offset, line, problem));
    }

    /// The damage seen so far, with line numbers (counted now, in one pass, for
    /// lines met reading backwards).
    pub fn damage(&mut self) -> Vec<Damage> {
        let pending = std::mem::take(&mut self.damage);
        let mut unnumbered: Vec<u64> = pending
            .iter()
            .filter(|(_, line, _)| line.is_none())
            .map(|(offset, _, _)| *offset)
            .collect();
        unnumbered.sort_unstable();
        let numbers = line_numbers_at(&self.journal, &unnumbered);
        pending
            .into_iter()
            .map(|(offset, line, problem)| Damage {
                line: line
                    .unwrap_or_else(|| unnumbered.binary_search(&offset).map_or(0, |i| numbers[i])),
                offset,
                problem,
            })
            .collect()
    }

    /// Hands the damage seen so far to the journal's [`super::Report`] in line
    /// order, once (never when quiet). It stays available to [`Scan::damage`].
    pub fn report_damage(&mut self) {
        if self.quiet || self.reported || self.damage.is_empty() {
            return;
        }
        self.reported = true;
        let mut damage = self.damage();
        damage.sort_by_key(|d| d.line);
        self.journal.report().damage(self.journal.path(), &damage);
        self.damage = damage
            .into_iter()
            .map(|d| (d.offset, Some(d.line), d.problem))
            .collect();
    }
}

/// 1-based numbers of the lines starting at the sorted `offsets`, in one pass that
/// counts newlines up to the last of them. Unknown (0) if the file cannot be read.
fn line_numbers_at(journal: &Journal, offsets: &[u64]) -> Vec<usize> {
    let Some(&last) = offsets.last() else {
        return Vec::new();
    };
    let Ok(file) = File::open(journal.path()) else {
        return vec![0; offsets.len()];
    };
    let mut reader = BufReader::with_capacity(CHUNK, file.take(last));
    let mut numbers = Vec::with_capacity(offsets.len());
    let mut next = offsets.iter().peekable();
    let (mut position, mut newlines) = (0u64, 0usize);
    loop {
        let buf = match reader.fill_buf() {
            Ok([]) | Err(_) => break,
            Ok(buf) => buf,
        };
        while let Some(&&offset) = next.peek() {
            if offset > position + buf.len() as u64 {
                break;
            }
            let upto = (offset - position) as usize;
            numbers.push(newlines + memchr::memchr_iter(b'\n', &buf[..upto]).count() + 1);
            next.next();
        }
        newlines += memchr::memchr_iter(b'\n', buf).count();
        position += buf.len() as u64;
        let len = buf.len();
        reader.consume(len);
    }
    numbers.extend(next.map(|_| newlines + 1));
    numbers
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
    fn backwards_is_forwards_reversed_even_across_chunks() {
        let long = "x".repeat(CHUNK * 3 + 17);
        let text = format!("a\r\n\n{long}\nb\n  \nlast-without-newline");
        let (_dir, journal) = journal_with(text.as_bytes());
        let forwards = lines(Scan::forwards(&journal).unwrap());
        let mut backwards = lines(Scan::backwards(&journal).unwrap());
        backwards.reverse();
        assert_eq!(forwards, backwards);
        let texts: Vec<&str> = forwards.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(texts, ["a", long.as_str(), "b", "last-without-newline"]);
        assert_eq!(forwards[1].0, 4, "offsets point at the line's first byte");
    }
}
