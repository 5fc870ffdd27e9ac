//! Where a command's document goes: standard output, a device or FIFO written in
//! place, or a file replaced atomically — never a file reflect depends on.
//!
//! `-o -` is standard output. A path that is a character device, a FIFO or a socket
//! (`/dev/stdout`, `/dev/full`, a named pipe), or any path under `/dev/` or `/proc/`,
//! is opened and written in place: renaming a temp file over it would replace the
//! device node (or fail), and a write error there is an error like any other. Any
//! other path is replaced atomically ([`super::write_atomically`]).
//!
//! Before anything is written, the path is checked against the [`Protected`] files
//! (the journal, its lock and damaged-lines files, the config file, the packs in
//! use): the same file reached through a symlink, a hard link, `..` or a relative
//! path is refused too.

use std::fs::{self, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::error::usage;
use crate::t;

/// Files an output must never replace, each with what it is ("the journal").
#[derive(Debug, Clone, Default)]
pub struct Protected {
    files: Vec<(&'static str, PathBuf)>,
}

impl Protected {
    pub fn new() -> Protected {
        Protected::default()
    }

    /// Protects `path` (which need not exist yet), described as `what`.
    pub fn add(&mut self, what: &'static str, path: impl Into<PathBuf>) -> &mut Protected {
        self.files.push((what, path.into()));
        self
    }

    /// The protected file `target` is, if any: the same inode, or the same place
    /// once symlinks, `.`/`..` and the working folder are resolved.
    fn find(&self, target: &Path) -> Option<&(&'static str, PathBuf)> {
        let target_place = place(target);
        let target_id = file_id(target);
        self.files.iter().find(|(_, path)| {
            (target_id.is_some() && file_id(path) == target_id)
                || (target_place.is_some() && place(path) == target_place)
        })
    }
}

/// Where a document goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    Stdout,
    Path(PathBuf),
}

impl Output {
    /// `None` and `-` are standard output; anything else is a path.
    pub fn from_arg(path: Option<&Path>) -> Output {
        match path {
            None => Output::Stdout,
            Some(path) if path.as_os_str() == "-" => Output::Stdout,
            Some(path) => Output::Path(path.to_path_buf()),
        }
    }

    /// Writes what `fill` writes to this output, refusing a protected file.
    pub fn write(
        &self,
        protected: &Protected,
        fill: impl FnOnce(&mut dyn Write) -> Result<()>,
    ) -> Result<()> {
        let path = match self {
            Output::Stdout => {
                let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
                fill(&mut out)?;
                return Ok(out.flush()?);
            }
            Output::Path(path) => path,
        };
        if let Some((what, file)) = protected.find(path) {
            // `what` is a message id (see `Context::protected_files`).
            return Err(usage(t!(
                "output-refused",
                path = path.display().to_string(),
                what = crate::i18n::message(what, None),
                file = file.display().to_string()
            )));
        }
        if is_in_place(path) {
            write_in_place(path, fill)
                .with_context(|| t!("file-cannot-write-to", path = path.display().to_string()))
        } else {
            super::write_atomically(path, fill)
                .with_context(|| t!("file-cannot-write-to", path = path.display().to_string()))
        }
    }
}

/// Whether `path` must be written where it is: a device, FIFO or socket, or a path
/// under `/dev/` or `/proc/` (`/dev/stdout` may lead to a regular file the shell opened).
fn is_in_place(path: &Path) -> bool {
    if path.starts_with("/dev") || path.starts_with("/proc") {
        return true;
    }
    fs::metadata(path).is_ok_and(|meta| !meta.is_file() && !meta.is_dir())
}

fn write_in_place(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let file = OpenOptions::new().write(true).open(path)?;
    let mut out = BufWriter::with_capacity(1 << 16, file);
    fill(&mut out)?;
    let file = out.into_inner().map_err(|err| err.into_error())?;
    // A regular file behind /dev/stdout is flushed like any other output; a device
    // or pipe cannot be synced, and that is not an error.
    if file.metadata().is_ok_and(|meta| meta.is_file()) {
        file.sync_all()?;
    }
    Ok(())
}

/// Device and inode of an existing file (following symlinks).
#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).ok().map(|meta| (meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(_path: &Path) -> Option<(u64, u64)> {
    None
}

/// Where `path` is once resolved: the file a symlink chain leads to, in its folder
/// made canonical (the file itself need not exist). `None` if the folder does not exist.
fn place(path: &Path) -> Option<PathBuf> {
    let path = super::resolve_symlink(path);
    let path = if path.is_absolute() {
        path
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    let name = path.file_name()?;
    let dir = fs::canonicalize(path.parent()?).ok()?;
    Some(dir.join(name))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn dash_is_stdout() {
        assert_eq!(Output::from_arg(Some(Path::new("-"))), Output::Stdout);
        assert_eq!(Output::from_arg(None), Output::Stdout);
        assert_eq!(
            Output::from_arg(Some(Path::new("./-"))),
            Output::Path(PathBuf::from("./-"))
        );
    }

    #[test]
    fn protected_files_are_found_by_any_name() {
        let root = tempfile::tempdir().unwrap();
        let journal = root.path().join("journal.jsonl");
        fs::write(&journal, "x").unwrap();
        let mut protected = Protected::new();
        protected
            .add("the journal", &journal)
            .add("the lock", root.path().join("journal.jsonl.lock"));
        std::os::unix::fs::symlink(&journal, root.path().join("link")).unwrap();
        fs::hard_link(&journal, root.path().join("hard")).unwrap();
        fs::create_dir(root.path().join("sub")).unwrap();
        for name in [
            "journal.jsonl",
            "link",
            "hard",
            "sub/../journal.jsonl",
            "journal.jsonl.lock",
        ] {
            assert!(protected.find(&root.path().join(name)).is_some(), "{name}");
        }
        assert!(protected.find(&root.path().join("other.md")).is_none());
    }
}
