//! One consistent view of the journal for a whole read.
//!
//! A read opens the file once and keeps that descriptor to the end: every pass,
//! every jump to a revised entry and the numbering of damaged lines read through it,
//! with positioned reads, up to the length the file had when it was opened. So a
//! `compact` or `check --repair` that replaces the file mid-read (a rename) changes
//! nothing for the reader (it keeps the old inode), and appends made meanwhile are
//! not half-seen. The file is never mapped into memory: mapped pages would count
//! as resident, and memory must stay flat at any journal size.

use std::fs::File;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use super::{Journal, JournalError, Result};

/// The UTF-8 byte-order mark some Windows editors put at the start of a file.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The open journal and its length at opening. A missing journal is empty.
#[derive(Debug)]
pub(super) struct Snapshot {
    path: PathBuf,
    file: Option<File>,
    len: u64,
}

impl Snapshot {
    pub(super) fn open(journal: &Journal) -> Result<Arc<Snapshot>> {
        let path = journal.path().to_path_buf();
        let file = match File::open(&path) {
            Ok(file) => Some(file),
            Err(err) if err.kind() == io::ErrorKind::NotFound => None,
            Err(err) => return Err(JournalError::io("journal-io-open-journal", &path)(err)),
        };
        let len = match &file {
            Some(file) => file
                .metadata()
                .map_err(JournalError::io("journal-io-size", &path))?
                .len(),
            None => 0,
        };
        Ok(Arc::new(Snapshot { path, file, len }))
    }

    /// The length of the file when it was opened: reads stop there.
    pub(super) fn len(&self) -> u64 {
        self.len
    }

    /// Fills `buf` from `offset` (which, with `buf`, must lie within [`Snapshot::len`]).
    pub(super) fn read_at(&self, offset: u64, buf: &mut [u8]) -> Result<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        debug_assert!(offset + buf.len() as u64 <= self.len);
        read_exact_at(file, buf, offset).map_err(JournalError::io("journal-io-read", &self.path))
    }

    /// The line starting at `offset`, read into `buf` (without its newline; `None`
    /// for a blank line). For jumps to single records.
    pub(super) fn line_at<'b>(&self, offset: u64, buf: &'b mut Vec<u8>) -> Result<&'b [u8]> {
        buf.clear();
        let mut at = offset;
        let mut block = 4096usize;
        loop {
            let size = (block as u64).min(self.len.saturating_sub(at)) as usize;
            if size == 0 {
                break;
            }
            let start = buf.len();
            buf.resize(start + size, 0);
            self.read_at(at, &mut buf[start..])?;
            at += size as u64;
            if let Some(newline) = memchr::memchr(b'\n', &buf[start..]) {
                buf.truncate(start + newline);
                break;
            }
            block = (block * 2).min(1 << 24);
        }
        Ok(content_at(offset, buf))
    }
}

#[cfg(unix)]
pub(super) fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
pub(super) fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(())
}

/// A line's content: without a trailing `\r` (a file edited on Windows), without the
/// byte-order mark on the first line; empty for a blank line.
pub(super) fn content_at(offset: u64, line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let line = if offset == 0 {
        line.strip_prefix(BOM).unwrap_or(line)
    } else {
        line
    };
    if line.iter().all(u8::is_ascii_whitespace) {
        &[]
    } else {
        line
    }
}

/// 1-based numbers of the lines starting at the sorted `offsets`, in one pass that
/// counts newlines up to the last of them.
pub(super) fn line_numbers_at(snapshot: &Snapshot, offsets: &[u64]) -> Vec<usize> {
    let Some(&last) = offsets.last() else {
        return Vec::new();
    };
    let mut numbers = Vec::with_capacity(offsets.len());
    let mut next = offsets.iter().peekable();
    let (mut position, mut newlines) = (0u64, 0usize);
    let mut buf = vec![0u8; 1 << 20];
    while position < last.min(snapshot.len()) {
        let size = (buf.len() as u64).min(last - position) as usize;
        if snapshot.read_at(position, &mut buf[..size]).is_err() {
            break;
        }
        let block = &buf[..size];
        // Counted from one offset to the next: each byte once, however many of
        // the offsets (a journal of damaged lines) fall in one block.
        let mut counted = 0;
        while let Some(&&offset) = next.peek() {
            if offset > position + size as u64 {
                break;
            }
            let upto = (offset - position) as usize;
            newlines += memchr::memchr_iter(b'\n', &block[counted..upto]).count();
            counted = upto;
            numbers.push(newlines + 1);
            next.next();
        }
        newlines += memchr::memchr_iter(b'\n', &block[counted..]).count();
        position += size as u64;
    }
    numbers.extend(next.map(|_| newlines + 1));
    numbers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_are_counted_across_blocks_and_within_one() {
        // Lines of every length up to 3,000 bytes: about 4.5 MB, several read blocks.
        let mut bytes = Vec::new();
        let mut starts = Vec::new();
        for len in 0..3000 {
            starts.push(bytes.len() as u64);
            bytes.extend(std::iter::repeat_n(b'x', len));
            bytes.push(b'\n');
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        std::fs::write(&path, &bytes).unwrap();
        let snapshot = Snapshot::open(&Journal::new(path)).unwrap();
        // Many offsets in one block, a few far apart, and the same one twice.
        let picked: Vec<usize> = (0..200)
            .chain((200..3000).step_by(97))
            .chain([2999, 2999])
            .collect();
        let offsets: Vec<u64> = picked.iter().map(|&line| starts[line]).collect();
        let numbers = line_numbers_at(&snapshot, &offsets);
        let expected: Vec<usize> = picked.iter().map(|&line| line + 1).collect();
        assert_eq!(numbers, expected);
    }
}
