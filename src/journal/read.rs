//! Streaming readers. Memory stays flat however long the journal grows: lines are
//! read into one reused buffer, and the only per-entry state kept is for entries
//! that were revised or deleted (or, when the file is out of date order, a 16-byte
//! index entry for `by_date`).

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};

use chrono::NaiveDate;

use super::record::{quick_head, LineProblem, Op, Record};
use super::{Journal, JournalError, Result};
use crate::entry::{Entry, EntryId};
use crate::terminal;

/// A line that is not a readable record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// 1-based line number in the file.
    pub line: usize,
    /// Byte offset of the line's first byte.
    pub offset: u64,
    pub problem: LineProblem,
}

const CHUNK: usize = 1 << 16;

/// Raw lines of the journal, forwards or backwards, plus the damage seen on the way.
/// A missing journal reads as an empty one.
pub struct Scan {
    journal: Journal,
    direction: Direction,
    damage: Vec<(u64, Option<usize>, LineProblem)>,
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

fn open(journal: &Journal) -> Result<Option<File>> {
    match File::open(journal.path()) {
        Ok(file) => Ok(Some(file)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(JournalError::io("cannot open the journal", journal.path())(
            err,
        )),
    }
}

/// Strips a trailing `\r` (a file edited on Windows) and reports blank lines as `None`.
fn content(line: &[u8]) -> Option<&[u8]> {
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
            quiet: false,
        })
    }

    /// Keeps damage to itself instead of warning on stderr (for `check`).
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

    /// Warns on stderr about each damaged line seen so far (unless quiet).
    pub fn report_damage(&mut self) {
        if self.quiet || self.damage.is_empty() {
            return;
        }
        let path = self.journal.path().display().to_string();
        let mut damage = self.damage();
        damage.sort_by_key(|d| d.line);
        for d in damage.iter().take(Self::WARNINGS_SHOWN) {
            terminal::warn(&format!(
                "{path}:{}: skipped a damaged line: {} (run `reflect check`)",
                d.line, d.problem
            ));
        }
        if let (Some(more), Some(last)) = (
            damage.len().checked_sub(Self::WARNINGS_SHOWN),
            damage.last(),
        ) {
            if more > 0 {
                terminal::warn(&format!(
                    "{path}: skipped {more} more damaged lines, the last at line {} (`reflect check` lists them all)",
                    last.line
                ));
            }
        }
    }

    /// Damaged lines named one by one on stderr before the rest are summed up.
    const WARNINGS_SHOWN: usize = 20;
}

impl Drop for Scan {
    fn drop(&mut self) {
        self.report_damage();
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

/// What the latest record says about a revised or deleted entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Latest {
    /// The entry's content is the edit record at this offset.
    Revised(u64),
    Deleted,
}

/// Reads `op` and `id` cheaply, parsing only lines not in canonical form.
fn head_of(line: &[u8]) -> std::result::Result<(Op, EntryId, Option<NaiveDate>), LineProblem> {
    if let Some(head) = quick_head(line) {
        if let Some(id) = EntryId::parse(head.id) {
            let date = head.date.and_then(super::record::fast::parse_day);
            if head.op == Op::Delete || date.is_some() {
                return Ok((head.op, id, date));
            }
        }
    }
    let record = Record::parse(line)?;
    Ok((record.op, record.id, record.date))
}

/// The first pass of the forward readers: which entries were revised or deleted,
/// and whether the entries already come in date order.
struct Overlay {
    latest: HashMap<EntryId, Latest>,
    adds_in_date_order: bool,
}

fn overlay(journal: &Journal) -> Result<Overlay> {
    let mut scan = Scan::forwards(journal)?.quiet();
    let mut latest = HashMap::new();
    let mut previous_date: Option<NaiveDate> = None;
    let mut adds_in_date_order = true;
    while let Some((offset, line)) = scan.next_line()? {
        let Ok((op, id, date)) = head_of(line) else {
            continue;
        };
        match op {
            Op::Add => {
                if date < previous_date {
                    adds_in_date_order = false;
                }
                previous_date = date.max(previous_date);
            }
            Op::Edit => {
                latest.insert(id, Latest::Revised(offset));
            }
            Op::Delete => {
                latest.insert(id, Latest::Deleted);
            }
        }
    }
    Ok(Overlay {
        latest,
        adds_in_date_order,
    })
}

/// Reads single records by offset (the content of revised entries, or entries in
/// date order when the file is not).
struct RecordAt {
    reader: BufReader<File>,
    position: u64,
    buf: Vec<u8>,
}

impl RecordAt {
    fn new(journal: &Journal) -> Result<Option<RecordAt>> {
        // Small reads: a jump past the buffer throws it away.
        Ok(open(journal)?.map(|file| RecordAt {
            reader: BufReader::with_capacity(8 * 1024, file),
            position: 0,
            buf: Vec::new(),
        }))
    }

    fn read(
        &mut self,
        journal: &Journal,
        offset: u64,
    ) -> Result<std::result::Result<Record, LineProblem>> {
        let io_error = JournalError::io("cannot read", journal.path());
        let moved = offset as i64 - self.position as i64;
        self.reader.seek_relative(moved).map_err(io_error)?;
        self.buf.clear();
        let read = self
            .reader
            .read_until(b'\n', &mut self.buf)
            .map_err(JournalError::io("cannot read", journal.path()))?;
        self.position = offset + read as u64;
        let line = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
        Ok(Record::parse(content(line).unwrap_or(line)))
    }
}

/// Live entries (latest revision, retracted ones hidden), streamed from the journal.
///
/// Damaged lines are skipped and reported on stderr when the iterator is dropped.
pub struct Entries {
    journal: Journal,
    scan: Scan,
    mode: Mode,
    parse: fn(&[u8]) -> std::result::Result<Record, LineProblem>,
}

enum Mode {
    /// Reading backwards: the first record met for an id is its latest.
    NewestFirst {
        /// Ids whose latest record has been met: `Some(edit)` waits for its add,
        /// `None` means retracted.
        decided: HashMap<EntryId, Option<Record>>,
        /// Edits whose add was never found (damaged), emitted at the end.
        orphans: Option<std::vec::IntoIter<Record>>,
    },
    /// Reading forwards with the overlay from a first pass.
    OldestFirst {
        latest: HashMap<EntryId, Latest>,
        emitted: HashSet<EntryId>,
        records: Option<RecordAt>,
    },
    /// Reading through a sorted index of `(date, offset of the entry's content)`.
    Indexed {
        index: std::vec::IntoIter<(NaiveDate, u64)>,
        records: Option<RecordAt>,
    },
}

impl Entries {
    pub(super) fn newest_first(journal: &Journal) -> Result<Entries> {
        Ok(Entries {
            journal: journal.clone(),
            scan: Scan::backwards(journal)?,
            mode: Mode::NewestFirst {
                decided: HashMap::new(),
                orphans: None,
            },
            parse: Record::parse,
        })
    }

    pub(super) fn oldest_first(journal: &Journal) -> Result<Entries> {
        let overlay = overlay(journal)?;
        Self::forwards(journal, overlay.latest)
    }

    fn forwards(journal: &Journal, latest: HashMap<EntryId, Latest>) -> Result<Entries> {
        let records = if latest.is_empty() {
            None
        } else {
            RecordAt::new(journal)?
        };
        Ok(Entries {
            journal: journal.clone(),
            scan: Scan::forwards(journal)?,
            mode: Mode::OldestFirst {
                latest,
                emitted: HashSet::new(),
                records,
            },
            parse: Record::parse,
        })
    }

    pub(super) fn by_date(journal: &Journal) -> Result<Entries> {
        let overlay = overlay(journal)?;
        if overlay.adds_in_date_order && overlay.latest.is_empty() {
            return Self::forwards(journal, overlay.latest);
        }
        // Out of date order (back-dated entries) or revised: sort a small index.
        let mut index = Vec::new();
        let mut emitted = HashSet::new();
        let mut scan = Scan::forwards(journal)?;
        let mut records = RecordAt::new(journal)?;
        while let Some((offset, line)) = scan.next_line()? {
            let (op, id, date) = match head_of(line) {
                Ok(head) => head,
                Err(problem) => {
                    scan.note_problem(offset, problem);
                    continue;
                }
            };
            let Some(date) = date else { continue };
            let position = match (op, overlay.latest.get(&id)) {
                (Op::Delete, _) | (_, Some(Latest::Deleted)) => continue,
                (Op::Add, None) => offset,
                (_, Some(Latest::Revised(at))) if emitted.insert(id) => *at,
                _ => continue,
            };
            let date = if position == offset {
                date
            } else {
                // The revision may have moved the entry to another day.
                match records
                    .as_mut()
                    .map(|r| r.read(journal, position))
                    .transpose()?
                {
                    Some(Ok(record)) => record.date.unwrap_or(date),
                    _ => date,
                }
            };
            index.push((date, position));
        }
        index.sort_by_key(|&(date, _)| date);
        Ok(Entries {
            journal: journal.clone(),
            scan: Scan::forwards(journal)?,
            mode: Mode::Indexed {
                index: index.into_iter(),
                records,
            },
            parse: Record::parse,
        })
    }

    #[cfg(test)]
    fn quiet_for_tests(mut self) -> Entries {
        self.scan.quiet = true;
        self
    }

    /// Leaves every entry's `text` empty: for readers that only count, this skips
    /// decoding the words (the bulk of each line).
    pub fn without_text(mut self) -> Entries {
        self.parse = Record::parse_without_text;
        self
    }

    /// Damage seen so far (the iterator still reports it on drop unless taken here).
    pub fn take_damage(&mut self) -> Vec<Damage> {
        self.scan.damage()
    }

    fn next_entry(&mut self) -> Result<Option<Entry>> {
        let journal = &self.journal;
        match &mut self.mode {
            Mode::NewestFirst { decided, orphans } => {
                if let Some(orphans) = orphans {
                    return Ok(orphans.next().and_then(Record::into_entry));
                }
                while let Some((offset, line)) = self.scan.next_line()? {
                    let record = match (self.parse)(line) {
                        Ok(record) => record,
                        Err(problem) => {
                            self.scan.note_problem(offset, problem);
                            continue;
                        }
                    };
                    match record.op {
                        Op::Add => match decided.remove(&record.id) {
                            None => return Ok(record.into_entry()),
                            Some(Some(revision)) => {
                                let mut entry = revision.into_entry();
                                if let Some(entry) = &mut entry {
                                    entry.written = record.written;
                                }
                                return Ok(entry);
                            }
                            // Retracted: keep the mark in case of duplicate adds.
                            Some(None) => {
                                decided.insert(record.id, None);
                            }
                        },
                        Op::Edit => {
                            decided.entry(record.id.clone()).or_insert(Some(record));
                        }
                        Op::Delete => {
                            decided.entry(record.id.clone()).or_insert(None);
                        }
                    }
                }
                let mut left: Vec<Record> = decided.drain().filter_map(|(_, r)| r).collect();
                left.sort_by_key(|record| std::cmp::Reverse(record.written));
                let mut left = left.into_iter();
                let next = left.next().and_then(Record::into_entry);
                *orphans = Some(left);
                Ok(next)
            }
            Mode::OldestFirst {
                latest,
                emitted,
                records,
            } => {
                while let Some((offset, line)) = self.scan.next_line()? {
                    let (op, id) =
                        match quick_head(line).and_then(|h| Some((h.op, EntryId::parse(h.id)?))) {
                            Some(head) => head,
                            None => match Record::parse(line) {
                                Ok(record) => (record.op, record.id),
                                Err(problem) => {
                                    self.scan.note_problem(offset, problem);
                                    continue;
                                }
                            },
                        };
                    let content_at = match (op, latest.get(&id)) {
                        (Op::Delete, _) | (_, Some(Latest::Deleted)) => continue,
                        (Op::Add, None) => offset,
                        (Op::Edit, None) => continue,
                        (_, Some(Latest::Revised(at))) => {
                            if !emitted.insert(id) {
                                continue;
                            }
                            *at
                        }
                    };
                    let parsed = if content_at == offset {
                        (self.parse)(line)
                    } else {
                        match records.as_mut() {
                            Some(records) => records.read(journal, content_at)?,
                            None => continue,
                        }
                    };
                    match parsed {
                        Ok(record) => {
                            if let Some(entry) = record.into_entry() {
                                return Ok(Some(entry));
                            }
                        }
                        Err(problem) => self.scan.note_problem(offset, problem),
                    }
                }
                Ok(None)
            }
            Mode::Indexed { index, records } => {
                let Some(records) = records else {
                    return Ok(None);
                };
                for (_, offset) in index.by_ref() {
                    match records.read(journal, offset)? {
                        Ok(record) => {
                            if let Some(entry) = record.into_entry() {
                                return Ok(Some(entry));
                            }
                        }
                        Err(problem) => self.scan.note_problem(offset, problem),
                    }
                }
                Ok(None)
            }
        }
    }
}

impl Iterator for Entries {
    type Item = Result<Entry>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_entry().transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::Level;
    use chrono::DateTime;

    fn entry(id: &str, date: &str, text: &str) -> Entry {
        Entry {
            id: EntryId::parse(id).unwrap(),
            date: date.parse().unwrap(),
            written: DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap(),
            revised: None,
            level: Level::School,
            pack: None,
            pack_version: None,
            prompt: None,
            theme: None,
            tags: Vec::new(),
            text: text.to_string(),
        }
    }

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

    #[test]
    fn a_missing_journal_reads_as_empty() {
        let journal = Journal::new("/nonexistent/reflect/journal.jsonl");
        assert_eq!(journal.newest_first().unwrap().count(), 0);
        assert_eq!(journal.by_date().unwrap().count(), 0);
    }

    #[test]
    fn all_readers_agree_on_the_live_entries() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::new(dir.path().join("j.jsonl"));
        let now = DateTime::parse_from_rfc3339("2026-11-24T09:00:00+01:00").unwrap();
        journal.add(&entry("aaaa", "2026-11-03", "a")).unwrap();
        journal
            .add(&entry("bbbb", "2026-11-01", "b (back-dated)"))
            .unwrap();
        journal.add(&entry("cccc", "2026-11-05", "c")).unwrap();
        let mut revised = entry("aaaa", "2026-11-06", "a, revised and moved");
        revised.level = Level::System;
        journal.revise(&revised, now).unwrap();
        journal
            .retract(&EntryId::parse("cccc").unwrap(), now)
            .unwrap();

        let ids = |entries: Entries| -> Vec<String> {
            entries.map(|e| e.unwrap().id.to_string()).collect()
        };
        assert_eq!(ids(journal.newest_first().unwrap()), ["bbbb", "aaaa"]);
        assert_eq!(ids(journal.oldest_first().unwrap()), ["aaaa", "bbbb"]);
        assert_eq!(ids(journal.by_date().unwrap()), ["bbbb", "aaaa"]);
        for reader in [
            journal.newest_first(),
            journal.oldest_first(),
            journal.by_date(),
        ] {
            let a = reader
                .unwrap()
                .map(Result::unwrap)
                .find(|e| e.id.as_str() == "aaaa")
                .unwrap();
            assert_eq!(a.text, "a, revised and moved");
            assert_eq!(a.level, Level::System);
            assert_eq!(a.written.to_rfc3339(), "2026-11-23T09:00:00+01:00");
            assert_eq!(a.revised, Some(now));
        }
    }

    #[test]
    fn damage_is_counted_by_line_in_both_directions() {
        let good =
            String::from_utf8(Record::add(&entry("aaaa", "2026-11-03", "a")).to_line()).unwrap();
        let text = format!("{good}not json\n{good}");
        let (_dir, journal) = journal_with(text.as_bytes());
        let mut entries = journal.newest_first().unwrap().quiet_for_tests();
        assert_eq!(entries.by_ref().count(), 2);
        let damage = entries.take_damage();
        assert_eq!(damage.len(), 1);
        assert_eq!(damage[0].line, 2);
        let mut entries = journal.oldest_first().unwrap().quiet_for_tests();
        assert_eq!(entries.by_ref().count(), 2);
        assert_eq!(entries.take_damage()[0].line, 2);
    }
}
