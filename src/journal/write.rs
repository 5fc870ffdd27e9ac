//! Writing: the side lock, appends, and atomic rewrites.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::{Journal, JournalError, Result};

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
            .map_err(JournalError::io("cannot open the lock file", &path))?;
        file.lock()
            .map_err(JournalError::io("cannot lock", &path))?;
        Ok(WriteLock { _file: file })
    }
}

/// Creates the journal's folder (and missing parents) with mode 0700 on Unix.
fn create_private_dir(journal_path: &Path) -> Result<()> {
    let Some(dir) = journal_path.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return Ok(());
    };
    if dir.is_dir() {
        return Ok(());
    }
    create_private_dir_all(dir).map_err(JournalError::io("cannot create the folder", dir))
}

/// Creates `dir` and missing parents, each new folder with mode 0700 on Unix.
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Open options that create files with mode 0600 on Unix.
fn private_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// Appends `bytes` (whole records, each ending in a newline) under the lock.
pub(super) fn append(journal: &Journal, bytes: &[u8]) -> Result<()> {
    let _lock = WriteLock::acquire(journal)?;
    let path = journal.path();
    let existed = path.exists();
    let mut file = private_options()
        .read(true)
        .append(true)
        .create(true)
        .open(path)
        .map_err(JournalError::io("cannot open the journal", path))?;
    let length = file
        .metadata()
        .map_err(JournalError::io("cannot read the size of", path))?
        .len();

    // A torn last line (a writer killed mid-write) must not swallow this record.
    let mut record = Vec::with_capacity(bytes.len() + 1);
    if length > 0 && last_byte(&mut file).map_err(JournalError::io("cannot read", path))? != b'\n' {
        record.push(b'\n');
    }
    record.extend_from_slice(bytes);

    if let Err(err) = file.write_all(&record) {
        // Take back a partial record (e.g. on a full disk) so no torn line is left.
        let _ = file.set_len(length);
        return Err(JournalError::Io {
            action: "the entry was NOT saved: cannot write to",
            path: path.to_path_buf(),
            source: err,
        });
    }
    file.sync_data().map_err(JournalError::io(
        "the entry may NOT be saved: the disk did not confirm the write to",
        path,
    ))?;
    if !existed {
        sync_dir_of(path).map_err(JournalError::io("cannot sync the folder of", path))?;
    }
    Ok(())
}

fn last_byte(file: &mut File) -> io::Result<u8> {
    let mut byte = [0u8; 1];
    file.seek(SeekFrom::End(-1))?;
    file.read_exact(&mut byte)?;
    Ok(byte[0])
}

/// Makes a rename or a new file in `path`'s folder durable.
fn sync_dir_of(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Replaces `path` with what `fill` writes, atomically: a temp file in the same
/// folder, fsync, rename over `path`, fsync the folder. A symlink at `path` is
/// followed (its target is replaced) and an existing file's permissions are kept;
/// a new file gets mode 0600 when `private` is set. On any error the temp file is
/// removed and `path` is untouched.
pub fn write_atomically(
    path: &Path,
    private: bool,
    fill: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use anyhow::Context as _;

    let target = resolve_symlink(path);
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .with_context(|| format!("{} is not a file name", path.display()))?
        .to_string_lossy()
        .into_owned();
    let mut nonce = [0u8; 4];
    getrandom::fill(&mut nonce).map_err(std::io::Error::other)?;
    let nonce: String = nonce.iter().map(|b| format!("{b:02x}")).collect();
    let temp = dir.join(format!(".{name}.{}.{nonce}.tmp", std::process::id()));
    let mut options = if private {
        private_options()
    } else {
        OpenOptions::new()
    };
    let file = options
        .write(true)
        .create_new(true)
        .open(&temp)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;

    let result = (|| -> anyhow::Result<()> {
        let mut writer = BufWriter::with_capacity(1 << 16, file);
        fill(&mut writer)?;
        let file = writer
            .into_inner()
            .map_err(|err| err.into_error())
            .with_context(|| format!("cannot write {}", temp.display()))?;
        if let Ok(metadata) = fs::metadata(&target) {
            file.set_permissions(metadata.permissions())
                .with_context(|| format!("cannot set the permissions of {}", temp.display()))?;
        }
        file.sync_all()
            .with_context(|| format!("cannot flush {} to disk", temp.display()))?;
        drop(file);
        fs::rename(&temp, &target)
            .with_context(|| format!("cannot replace {}", target.display()))?;
        sync_dir_of(&target).with_context(|| format!("cannot sync the folder {}", dir.display()))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Removes temp files left next to `target` by a rewrite that was killed mid-way.
/// Only call with the write lock held: then no rewrite of this journal is running.
pub(crate) fn remove_stale_temp_files(target: &Path) {
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if file_name.starts_with(&prefix) && file_name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The file a symlink finally points to (or `path` itself).
pub(crate) fn resolve_symlink(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}
