//! Writing: the side lock, appends, and atomic rewrites.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

use super::{Journal, JournalError, Result};
use crate::fs::{self, private_options, sync_dir_of};

/// An exclusive lock on the journal's side lock file, released on drop.
///
/// The lock lives on a file that is never renamed: `compact` and `check --repair`
/// replace the journal's inode, and a lock on the old inode would protect nothing.
pub(crate) struct WriteLock {
    _file: File,
}

impl WriteLock {
    pub(crate) fn acquire(journal: &Journal) -> Result<WriteLock> {
        create_private_dir(journal.path())?;
        let path = journal.lock_path();
        let file = private_options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(JournalError::io("journal-io-open-lock", &path))?;
        wait_for_lock(journal, &file, &path)?;
        Ok(WriteLock { _file: file })
    }
}

/// Takes the lock on `file`, waiting while another process holds it: after a moment
/// the journal's report hears that this one waits, and after the journal's lock
/// timeout it gives up.
fn wait_for_lock(journal: &Journal, file: &File, path: &Path) -> Result<()> {
    use std::fs::TryLockError;
    use std::time::{Duration, Instant};

    let started = Instant::now();
    let timeout = journal.lock_timeout;
    let say_after = (timeout / 2).min(Duration::from_secs(1));
    let mut said = false;
    let mut pause = Duration::from_millis(5);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(TryLockError::Error(err)) => {
                return Err(JournalError::io("journal-io-lock", path)(err));
            }
            Err(TryLockError::WouldBlock) => {}
        }
        let waited = started.elapsed();
        if waited >= timeout {
            return Err(JournalError::Locked {
                path: path.to_path_buf(),
                seconds: timeout.as_secs_f64(),
            });
        }
        if !said && waited >= say_after {
            journal.report().waiting_for_lock(path);
            said = true;
        }
        std::thread::sleep(pause.min(timeout - waited));
        pause = (pause * 2).min(Duration::from_millis(100));
    }
}

/// Creates the journal's folder (and missing parents) with mode 0700.
fn create_private_dir(journal_path: &Path) -> Result<()> {
    let Some(dir) = journal_path.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return Ok(());
    };
    if dir.is_dir() {
        return Ok(());
    }
    fs::create_private_dir_all(dir).map_err(JournalError::io("journal-io-create-folder", dir))
}

/// Appends `bytes` (whole records, each ending in a newline) under the lock.
pub(super) fn append(journal: &Journal, bytes: &[u8]) -> Result<()> {
    let lock = WriteLock::acquire(journal)?;
    append_locked(journal, &lock, bytes)
}

/// [`append`] for a caller that already holds the lock.
pub(super) fn append_locked(journal: &Journal, _lock: &WriteLock, bytes: &[u8]) -> Result<()> {
    let path = journal.path();
    let existed = path.exists();
    let mut file = private_options()
        .read(true)
        .append(true)
        .create(true)
        .open(path)
        .map_err(JournalError::io("journal-io-open-journal", path))?;
    let length = file
        .metadata()
        .map_err(JournalError::io("journal-io-size", path))?
        .len();

    // A torn last line (a writer killed mid-write) must not swallow this record.
    let mut record = Vec::with_capacity(bytes.len() + 1);
    if length > 0
        && last_byte(&mut file).map_err(JournalError::io("journal-io-read", path))? != b'\n'
    {
        record.push(b'\n');
    }
    record.extend_from_slice(bytes);

    if let Err(err) = file.write_all(&record) {
        // Take back a partial record (e.g. on a full disk) so no torn line is left.
        let _ = file.set_len(length);
        return Err(JournalError::Io {
            action: "journal-io-not-saved",
            path: path.to_path_buf(),
            source: err,
        });
    }
    file.sync_data()
        .map_err(JournalError::io("journal-io-not-confirmed", path))?;
    if !existed {
        sync_dir_of(path).map_err(JournalError::io("journal-io-sync-folder", path))?;
    }
    Ok(())
}

fn last_byte(file: &mut File) -> io::Result<u8> {
    let mut byte = [0u8; 1];
    file.seek(SeekFrom::End(-1))?;
    file.read_exact(&mut byte)?;
    Ok(byte[0])
}
