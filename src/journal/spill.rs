//! Sorting in bounded memory, for the lists a reader keeps an item of per entry (the
//! order by date, the ids of every add).
//!
//! Up to [`CHUNK_BYTES`] of items are kept and sorted in memory. Past that, each full
//! chunk is sorted and written as a run to an unlinked temporary file, and the runs
//! are merged as they are read back, as sort(1) does: a journal of a million entries
//! is read in the few megabytes one of a hundred thousand takes, for 8–16 bytes an
//! entry written to and read back from the page cache. Where no temporary file can be
//! made or written, the items stay in memory (a read never fails for want of one).

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io;
use std::ops::Range;
use std::sync::Arc;

use super::snapshot::read_exact_at;
use super::{JournalError, Result};

/// Bytes of items a sorter keeps in memory before it writes them out. Debug builds
/// (the tests) spill after a few items, so that small journals take that path too.
const CHUNK_BYTES: usize = if cfg!(debug_assertions) { 256 } else { 1 << 20 };

/// Bytes read or written at a time.
const BLOCK_BYTES: usize = if cfg!(debug_assertions) {
    48
} else {
    64 * 1024
};

/// A fixed-size item, written little-endian.
pub(super) trait Item: Copy + Ord + Send + Sync + 'static {
    const SIZE: usize;
    fn put(self, out: &mut Vec<u8>);
    fn get(bytes: &[u8]) -> Self;
}

/// Integers as items.
macro_rules! integer_items {
    ($($int:ty),*) => {$(
        impl Item for $int {
            const SIZE: usize = std::mem::size_of::<$int>();
            fn put(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn get(bytes: &[u8]) -> $int {
                <$int>::from_le_bytes(bytes.try_into().expect("an item's bytes"))
            }
        }
    )*};
}

integer_items!(u64, u128);

/// The items `bytes` hold.
fn items<T: Item>(bytes: &[u8]) -> impl Iterator<Item = T> + '_ {
    bytes.chunks_exact(T::SIZE).map(T::get)
}

/// `count` items at byte `at` of `file`.
fn read_items<T: Item>(file: &File, at: u64, count: usize) -> io::Result<Vec<T>> {
    let mut bytes = vec![0; count * T::SIZE];
    read_exact_at(file, &mut bytes, at)?;
    Ok(items(&bytes).collect())
}

/// How many items of `T` a chunk holds.
fn chunk_items<T: Item>() -> usize {
    (CHUNK_BYTES / T::SIZE).max(2)
}

/// A failure of the temporary file, once items are in it.
fn scratch_error(source: io::Error) -> JournalError {
    JournalError::Io {
        action: "journal-io-scratch",
        path: std::env::temp_dir(),
        source,
    }
}

/// Items pushed in any order, taken back sorted (see the module's documentation).
pub(super) struct Sorter<T> {
    items: Vec<T>,
    /// How a chunk is sorted (its items in the order pushed).
    sort: fn(&mut Vec<T>),
    runs: Vec<Run>,
    /// The temporary file the runs are in, and its length.
    scratch: Option<(Arc<File>, u64)>,
    /// False once writing failed: the rest stays in memory.
    spilling: bool,
}

/// Sorted items in the temporary file: where they start, how many.
#[derive(Clone, Copy)]
struct Run {
    start: u64,
    count: usize,
}

impl<T: Item> Sorter<T> {
    pub(super) fn new(sort: fn(&mut Vec<T>)) -> Sorter<T> {
        Sorter {
            items: Vec::new(),
            sort,
            runs: Vec::new(),
            scratch: None,
            spilling: true,
        }
    }

    pub(super) fn push(&mut self, item: T) {
        if self.spilling && self.items.len() >= chunk_items::<T>() {
            self.spill();
        }
        self.items.push(item);
    }

    /// The items so far, when none were written out (in the order pushed until
    /// sorted through this).
    pub(super) fn in_memory(&mut self) -> Option<&mut Vec<T>> {
        self.runs.is_empty().then_some(&mut self.items)
    }

    /// [`Sorter::in_memory`], to look.
    pub(super) fn memory(&self) -> Option<&[T]> {
        self.runs.is_empty().then_some(&self.items[..])
    }

    /// Some items are in the temporary file.
    #[cfg(test)]
    fn spilled(&self) -> bool {
        !self.runs.is_empty()
    }

    fn spill(&mut self) {
        (self.sort)(&mut self.items);
        match self.write_run() {
            Ok(run) => {
                self.runs.push(run);
                self.items.clear();
            }
            Err(_) => self.spilling = false,
        }
    }

    fn write_run(&mut self) -> io::Result<Run> {
        let (file, start) = match &self.scratch {
            Some((file, len)) => (file.clone(), *len),
            None => (Arc::new(tempfile::tempfile()?), 0),
        };
        let mut writer = BlockWriter::new(file.clone(), start);
        for &item in &self.items {
            writer.push(item)?;
        }
        let end = writer.finish()?;
        self.scratch = Some((file, end));
        Ok(Run {
            start,
            count: self.items.len(),
        })
    }

    /// The items in order: sorted in memory, or merged from the runs as they are
    /// read.
    pub(super) fn finish(mut self) -> Result<Sorted<T>> {
        (self.sort)(&mut self.items);
        let Some((file, _)) = self.scratch.take().filter(|_| !self.runs.is_empty()) else {
            return Ok(Sorted::Memory(self.items));
        };
        let mut cursors: Vec<Cursor<T>> = self
            .runs
            .iter()
            .map(|run| Cursor::file(file.clone(), *run, self.runs.len()))
            .collect();
        cursors.push(Cursor::memory(self.items));
        Merge::new(cursors).map(Sorted::Merged)
    }
}

impl<T: Item> Default for Sorter<T> {
    /// A sorter whose chunks are sorted by `sort_unstable`.
    fn default() -> Sorter<T> {
        Sorter::new(|items: &mut Vec<T>| items.sort_unstable())
    }
}

/// What a [`Sorter`] gives back.
pub(super) enum Sorted<T> {
    Memory(Vec<T>),
    Merged(Merge<T>),
}

impl<T: Item> Sorted<T> {
    /// Calls `each` with every item, in order.
    pub(super) fn each(self, mut each: impl FnMut(T) -> Result<()>) -> Result<()> {
        match self {
            Sorted::Memory(items) => items.into_iter().try_for_each(each),
            Sorted::Merged(mut merge) => {
                while let Some(item) = merge.next()? {
                    each(item)?;
                }
                Ok(())
            }
        }
    }

    /// Each item in order, turned into a key by `key`, as a [`KeyList`]: in memory
    /// if the items were, else in a temporary file of its own.
    pub(super) fn keys(self, mut key: impl FnMut(T) -> u64) -> Result<KeyList> {
        match self {
            Sorted::Memory(items) => Ok(KeyList::Memory(items.into_iter().map(key).collect())),
            merged => {
                let mut out = KeyWriter::new();
                merged.each(|item| out.push(key(item)))?;
                out.finish()
            }
        }
    }
}

impl Sorted<u128> {
    /// Items whose top 32 bits name a group, as [`Sorted::keys`] (each turned into
    /// its key by `key`), with each group's range of the list.
    pub(super) fn grouped(
        self,
        mut key: impl FnMut(u128) -> u64,
    ) -> Result<(KeyList, GroupRanges)> {
        let mut groups = GroupRanges::new();
        let keys = self.keys(|item| {
            let group = (item >> 96) as u32;
            match groups.last_mut() {
                Some((last, range)) if *last == group => range.end += 1,
                last => {
                    let at = last.map_or(0, |(_, range)| range.end);
                    groups.push((group, at..at + 1));
                }
            }
            key(item)
        })?;
        Ok((keys, groups))
    }
}

/// Each group and the range of its items.
pub(super) type GroupRanges = Vec<(u32, Range<usize>)>;

/// Runs read back in order, smallest item first.
pub(super) struct Merge<T> {
    cursors: Vec<Cursor<T>>,
    /// The next item of each run not yet done, and the run's place in `cursors`.
    heap: BinaryHeap<Reverse<(T, usize)>>,
}

impl<T: Item> Merge<T> {
    fn new(mut cursors: Vec<Cursor<T>>) -> Result<Merge<T>> {
        let mut heap = BinaryHeap::with_capacity(cursors.len());
        for (at, cursor) in cursors.iter_mut().enumerate() {
            if let Some(item) = cursor.next().map_err(scratch_error)? {
                heap.push(Reverse((item, at)));
            }
        }
        Ok(Merge { cursors, heap })
    }

    pub(super) fn next(&mut self) -> Result<Option<T>> {
        let Some(Reverse((item, at))) = self.heap.pop() else {
            return Ok(None);
        };
        if let Some(next) = self.cursors[at].next().map_err(scratch_error)? {
            self.heap.push(Reverse((next, at)));
        }
        Ok(Some(item))
    }
}

/// One run being read: a block of it at a time.
struct Cursor<T> {
    file: Option<Arc<File>>,
    next: u64,
    left: usize,
    block: Vec<T>,
    at: usize,
    /// Items read at a time.
    block_items: usize,
}

impl<T: Item> Cursor<T> {
    /// A run in the file, read in blocks that together stay near [`CHUNK_BYTES`].
    fn file(file: Arc<File>, run: Run, runs: usize) -> Cursor<T> {
        let block_items =
            (CHUNK_BYTES / runs.max(1)).clamp(BLOCK_BYTES, 16 * BLOCK_BYTES) / T::SIZE;
        Cursor {
            file: Some(file),
            next: run.start,
            left: run.count,
            block: Vec::new(),
            at: 0,
            block_items: block_items.max(1),
        }
    }

    fn memory(items: Vec<T>) -> Cursor<T> {
        Cursor {
            file: None,
            next: 0,
            left: 0,
            block: items,
            at: 0,
            block_items: 0,
        }
    }

    fn next(&mut self) -> io::Result<Option<T>> {
        if self.at == self.block.len() {
            let Some(file) = self.file.as_ref().filter(|_| self.left > 0) else {
                return Ok(None);
            };
            let count = self.block_items.min(self.left);
            self.block = read_items(file, self.next, count)?;
            self.next += (count * T::SIZE) as u64;
            self.left -= count;
            self.at = 0;
        }
        let item = self.block[self.at];
        self.at += 1;
        Ok(Some(item))
    }
}

/// Items written in blocks from `at` on.
struct BlockWriter {
    file: Arc<File>,
    at: u64,
    buffer: Vec<u8>,
}

impl BlockWriter {
    fn new(file: Arc<File>, at: u64) -> BlockWriter {
        BlockWriter {
            file,
            at,
            buffer: Vec::with_capacity(BLOCK_BYTES),
        }
    }

    fn push<T: Item>(&mut self, item: T) -> io::Result<()> {
        item.put(&mut self.buffer);
        if self.buffer.len() >= BLOCK_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        write_all_at(&self.file, &self.buffer, self.at)?;
        self.at += self.buffer.len() as u64;
        self.buffer.clear();
        Ok(())
    }

    /// Writes what is left; where the items end.
    fn finish(mut self) -> io::Result<u64> {
        self.flush()?;
        Ok(self.at)
    }
}

/// Sorted keys (an index, the ids of every add), in memory or in a temporary file;
/// read a slice at a time by the threads that parse.
#[derive(Debug)]
pub(super) enum KeyList {
    Memory(Vec<u64>),
    File { file: Arc<File>, count: usize },
}

impl Default for KeyList {
    fn default() -> KeyList {
        KeyList::Memory(Vec::new())
    }
}

impl KeyList {
    pub(super) fn len(&self) -> usize {
        match self {
            KeyList::Memory(keys) => keys.len(),
            KeyList::File { count, .. } => *count,
        }
    }

    /// The keys `from..to`.
    pub(super) fn slice(&self, from: usize, to: usize) -> Result<Cow<'_, [u64]>> {
        match self {
            KeyList::Memory(keys) => Ok(Cow::Borrowed(&keys[from..to])),
            KeyList::File { file, .. } => read_items(file, from as u64 * 8, to - from)
                .map(Cow::Owned)
                .map_err(scratch_error),
        }
    }

    /// Whether the list (sorted) holds `key`.
    pub(super) fn contains(&self, key: u64) -> Result<bool> {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            match self.slice(middle, middle + 1)?[0].cmp(&key) {
                std::cmp::Ordering::Equal => return Ok(true),
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
            }
        }
        Ok(false)
    }
}

/// Keys gathered into a [`KeyList`] in a temporary file (in memory if none can be
/// made, or once writing fails: a full disk, say).
pub(super) struct KeyWriter {
    file: Option<BlockWriter>,
    memory: Vec<u64>,
    count: usize,
}

impl KeyWriter {
    pub(super) fn new() -> KeyWriter {
        let file = tempfile::tempfile()
            .ok()
            .map(|file| BlockWriter::new(Arc::new(file), 0));
        KeyWriter::to(file)
    }

    fn to(file: Option<BlockWriter>) -> KeyWriter {
        KeyWriter {
            file,
            memory: Vec::new(),
            count: 0,
        }
    }

    pub(super) fn push(&mut self, key: u64) -> Result<()> {
        match &mut self.file {
            Some(writer) => {
                if writer.push(key).is_err() {
                    self.back_to_memory()?;
                }
            }
            None => self.memory.push(key),
        }
        self.count += 1;
        Ok(())
    }

    /// Takes the keys written so far (and those waiting to be) back into memory.
    fn back_to_memory(&mut self) -> Result<()> {
        let Some(writer) = self.file.take() else {
            return Ok(());
        };
        let written = writer.at as usize / 8;
        self.memory = read_items(&writer.file, 0, written).map_err(scratch_error)?;
        self.memory.extend(items::<u64>(&writer.buffer));
        Ok(())
    }

    pub(super) fn finish(mut self) -> Result<KeyList> {
        if let Some(writer) = &mut self.file {
            if writer.flush().is_err() {
                self.back_to_memory()?;
            }
        }
        Ok(match self.file {
            Some(writer) => KeyList::File {
                file: writer.file,
                count: self.count,
            },
            None => KeyList::Memory(self.memory),
        })
    }
}

#[cfg(unix)]
fn write_all_at(file: &File, buf: &[u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, buf, offset)
}

#[cfg(windows)]
fn write_all_at(file: &File, mut buf: &[u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_write(buf, offset) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => {
                buf = &buf[n..];
                offset += n as u64;
            }
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted<T: Item + Into<u128>>(sorter: Sorter<T>) -> Vec<u64> {
        sorter
            .finish()
            .unwrap()
            .keys(|item| item.into() as u64)
            .and_then(|list| Ok(list.slice(0, list.len())?.into_owned()))
            .unwrap()
    }

    proptest::proptest! {
        /// Whatever the count and order, the items come back sorted, from memory
        /// or merged from any number of runs.
        #[test]
        fn items_come_back_sorted(items in proptest::collection::vec(0u64..5000, 0..400)) {
            let mut sorter = Sorter::new(|items: &mut Vec<u64>| items.sort_unstable());
            for &item in &items {
                sorter.push(item);
            }
            let spilled = sorter.spilled();
            proptest::prop_assert_eq!(spilled, items.len() > chunk_items::<u64>());
            let mut expected = items.clone();
            expected.sort_unstable();
            proptest::prop_assert_eq!(sorted(sorter), expected);
        }
    }

    #[test]
    fn keys_that_cannot_be_written_stay_in_memory() {
        // A file that cannot be written (opened to read only), as a full disk.
        let file = tempfile::NamedTempFile::new().unwrap();
        let read_only = File::open(file.path()).unwrap();
        let mut keys = KeyWriter::to(Some(BlockWriter::new(Arc::new(read_only), 0)));
        for key in 0..100 {
            keys.push(key).unwrap();
        }
        let list = keys.finish().unwrap();
        assert!(matches!(list, KeyList::Memory(_)));
        assert_eq!(
            &list.slice(0, list.len()).unwrap()[..],
            &(0..100).collect::<Vec<u64>>()[..]
        );
    }

    #[test]
    fn a_spilled_list_is_searched_in_its_file() {
        let mut sorter = Sorter::new(|items: &mut Vec<u128>| items.sort_unstable());
        for item in (0..300u128).rev() {
            sorter.push(item * 3);
        }
        assert!(sorter.spilled());
        let list = sorter.finish().unwrap().keys(|item| item as u64).unwrap();
        assert!(matches!(list, KeyList::File { count: 300, .. }));
        assert!(list.contains(0).unwrap());
        assert!(list.contains(897).unwrap());
        assert!(!list.contains(898).unwrap());
        assert!(!list.contains(1).unwrap());
        assert_eq!(&list.slice(10, 13).unwrap()[..], &[30, 33, 36]);
    }
}
