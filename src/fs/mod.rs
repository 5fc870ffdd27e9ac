//! Every file and folder reflect creates, and how it replaces one.
//!
//! - Private by construction: a folder reflect creates is mode 0700 and a file 0600,
//!   whatever the umask (the journal, drafts, the config and packs folders, installed
//!   packs, exports). A file that already exists keeps its permissions.
//! - [`write_atomically`]: a temp file in the same folder, fsync, rename, fsync the
//!   folder — readers see the old file or the new one, never half of one.
//! - [`Output`]: where a command's document goes (`-o FILE`, `-o -`, a device), never
//!   onto a [`Protected`] file (the journal and its side files, the config, packs).
//!
//! Only the journal's append path (`journal::write`) opens files for appending; it
//! uses [`private_options`] from here.

mod output;

pub use output::{Output, Protected};

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::t;

/// Mode of the folders reflect creates.
const DIR_MODE: u32 = 0o700;
/// Mode of the files reflect creates.
const FILE_MODE: u32 = 0o600;

/// Creates `dir` and its missing parents, each new folder with mode 0700 (set
/// explicitly, so the umask cannot widen or narrow it). Existing folders are left alone.
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent() {
        create_private_dir_all(parent)?;
    }
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, DIR_MODE);
    match builder.create(dir) {
        Ok(()) => set_mode(dir, DIR_MODE),
        // Another process made it meanwhile: fine, it is not ours to change.
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(err) => Err(err),
    }
}

/// Creates the folder that holds `path` (see [`create_private_dir_all`]).
pub fn create_parent_dir(path: &Path) -> io::Result<()> {
    match path.parent() {
        Some(dir) => create_private_dir_all(dir),
        None => Ok(()),
    }
}

/// Open options that create files with mode 0600 (the umask can only narrow it; a
/// file known to be new is then set to exactly 0600 by [`create_new_private`]).
pub fn private_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    options
}

/// Creates a new file (failing if `path` exists) with mode exactly 0600.
pub fn create_new_private(path: &Path) -> io::Result<File> {
    let file = private_options().write(true).create_new(true).open(path)?;
    set_file_mode(&file, FILE_MODE)?;
    Ok(file)
}

/// Writes `bytes` to `path` (created 0600, or truncated), then syncs it. For drafts:
/// small files that belong to the leader alone.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let existed = path.exists();
    let mut file = private_options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)?;
    if !existed {
        set_file_mode(&file, FILE_MODE)?;
    }
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn set_file_mode(file: &File, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_file_mode(_file: &File, _mode: u32) -> io::Result<()> {
    Ok(())
}

/// Makes a rename or a new file in `path`'s folder durable.
pub fn sync_dir_of(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir_of(path))?.sync_all()?;
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// The folder of `path` (`.` for a bare file name).
fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Replaces `path` with what `fill` writes, atomically: a temp file in the same
/// folder, fsync, rename over `path`, fsync the folder. A symlink at `path` is
/// followed (its target is replaced) and an existing file's permissions are kept;
/// a new file gets mode 0600. On any error the temp file is removed and `path` is
/// untouched.
pub fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let target = resolve_symlink(path);
    let dir = dir_of(&target).to_path_buf();
    let name = target
        .file_name()
        .with_context(|| t!("file-not-a-name", path = path.display().to_string()))?
        .to_string_lossy()
        .into_owned();
    let mut nonce = [0u8; 4];
    getrandom::fill(&mut nonce).map_err(io::Error::other)?;
    let nonce: String = nonce.iter().map(|b| format!("{b:02x}")).collect();
    let temp = dir.join(format!(".{name}.{}.{nonce}.tmp", std::process::id()));
    let file = create_new_private(&temp)
        .with_context(|| t!("file-cannot-create-temp", path = dir.display().to_string()))?;

    let result = (|| -> anyhow::Result<()> {
        let mut writer = BufWriter::with_capacity(1 << 16, file);
        fill(&mut writer)?;
        let file = writer
            .into_inner()
            .map_err(|err| err.into_error())
            .with_context(|| t!("file-cannot-write", path = temp.display().to_string()))?;
        if let Ok(metadata) = fs::metadata(&target) {
            file.set_permissions(metadata.permissions())
                .with_context(|| {
                    t!(
                        "file-cannot-set-permissions",
                        path = temp.display().to_string()
                    )
                })?;
        }
        file.sync_all()
            .with_context(|| t!("file-cannot-flush", path = temp.display().to_string()))?;
        drop(file);
        fs::rename(&temp, &target)
            .with_context(|| t!("file-cannot-replace", path = target.display().to_string()))?;
        sync_dir_of(&target)
            .with_context(|| t!("folder-cannot-sync", path = dir.display().to_string()))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Removes temp files left next to `target` by a [`write_atomically`] that was killed
/// mid-way. Only call when no rewrite of `target` can be running (under its lock).
pub fn remove_stale_temp_files(target: &Path) {
    let Some(name) = target.file_name() else {
        return;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir_of(target)) else {
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
pub fn resolve_symlink(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_folders_and_files_are_private() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("a/b");
        create_private_dir_all(&dir).unwrap();
        assert_eq!(mode(&root.path().join("a")), 0o700);
        assert_eq!(mode(&dir), 0o700);
        let file = dir.join("f");
        write_atomically(&file, |out| Ok(out.write_all(b"x")?)).unwrap();
        assert_eq!(mode(&file), 0o600);
        fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&file, |out| Ok(out.write_all(b"y")?)).unwrap();
        assert_eq!(mode(&file), 0o640, "an existing file keeps its mode");
        assert_eq!(fs::read(&file).unwrap(), b"y");
    }

    #[test]
    fn a_failed_fill_leaves_the_file_and_no_temp() {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("f");
        fs::write(&file, "old").unwrap();
        let err = write_atomically(&file, |_| anyhow::bail!("no")).unwrap_err();
        assert_eq!(err.to_string(), "no");
        assert_eq!(fs::read_to_string(&file).unwrap(), "old");
        assert_eq!(fs::read_dir(root.path()).unwrap().count(), 1);
    }
}
