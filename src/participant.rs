//! Who shares a summary, without saying who: a random participant id, made once and
//! kept in the `participant` file of the data folder (beside the journal), and the
//! group (network) a leader names with `--group` or `group = …` in config.toml.
//!
//! The id is 16 lowercase hex digits (64 bits from the operating system's random
//! source, through `getrandom`, which reflect already uses for entry ids). It is
//! never a name and carries nothing of the journal; a trainer's `cohort` uses it to
//! count each participant once. Deleting the file gives the leader a new id.

use std::io::{self, Read};
use std::path::Path;

use anyhow::{anyhow, Context as _, Result};

use crate::t;

/// The name of the file in the data folder.
pub const FILE_NAME: &str = "participant";
/// Hex digits of an id reflect makes.
pub const ID_LEN: usize = 16;
/// The longest group name accepted, in characters.
pub const MAX_GROUP_CHARS: usize = 80;

/// The participant id kept at `path`, made (and saved, mode 0600) on first use.
pub fn id(path: &Path) -> Result<String> {
    let fail = |err: io::Error| anyhow!("{}: {err}", path.display());
    match read(path) {
        Ok(Some(id)) => return Ok(id),
        Ok(None) => {}
        Err(err) => return Err(err),
    }
    let mut bytes = [0u8; ID_LEN / 2];
    getrandom::fill(&mut bytes).map_err(|e| fail(io::Error::other(e)))?;
    let id: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    crate::fs::create_parent_dir(path).map_err(fail)?;
    match crate::fs::create_new_private(path) {
        Ok(mut file) => {
            io::Write::write_all(&mut file, format!("{id}\n").as_bytes()).map_err(fail)?;
            file.sync_all().map_err(fail)?;
            crate::fs::sync_dir_of(path).map_err(fail)?;
            Ok(id)
        }
        // Another run made it meanwhile: theirs is the id.
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => read(path)?.ok_or_else(|| {
            anyhow!(
                "{}",
                t!("participant-bad-file", path = path.display().to_string())
            )
        }),
        Err(err) => Err(fail(err)),
    }
}

/// The id in the file, `None` when there is no file.
fn read(path: &Path) -> Result<Option<String>> {
    let mut text = String::new();
    match std::fs::File::open(path) {
        Ok(file) => {
            file.take(256)
                .read_to_string(&mut text)
                .with_context(|| t!("file-cannot-read", path = path.display().to_string()))?;
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => {
            let path = path.display().to_string();
            return Err(anyhow!("{}: {err}", t!("file-cannot-read", path = path)));
        }
    }
    let id = text.trim();
    if !is_valid_id(id) {
        return Err(anyhow!(
            "{}",
            t!("participant-bad-file", path = path.display().to_string())
        ));
    }
    Ok(Some(id.to_string()))
}

/// Whether `id` could be a participant id: 1 to 64 ASCII letters and digits (reflect
/// makes 16 hex digits; a summary from elsewhere is held to this looser rule).
pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// A group name as given on the command line or in config.toml: trimmed, not empty,
/// at most [`MAX_GROUP_CHARS`] characters, no control characters. The error says why.
pub fn group(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("a group name cannot be empty".to_string());
    }
    if name.chars().count() > MAX_GROUP_CHARS {
        return Err(format!(
            "a group name has at most {MAX_GROUP_CHARS} characters"
        ));
    }
    if name
        .chars()
        .any(|c| c.is_control() || crate::neutral::is_bidi_control(c))
    {
        return Err("a group name cannot hold control characters".to_string());
    }
    Ok(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_is_made_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data").join(FILE_NAME);
        let first = id(&path).unwrap();
        assert_eq!(first.len(), ID_LEN);
        assert!(first.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(id(&path).unwrap(), first);
        let other = tempfile::tempdir().unwrap();
        assert_ne!(id(&other.path().join(FILE_NAME)).unwrap(), first);
    }

    #[test]
    fn a_damaged_file_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "not an id!\n").unwrap();
        let err = id(&path).unwrap_err().to_string();
        assert!(
            err.contains(FILE_NAME) && err.contains("not a participant id"),
            "{err}"
        );
    }

    #[test]
    fn group_names_are_checked() {
        assert_eq!(group("  Red Norte ").unwrap(), "Red Norte");
        assert!(group("").is_err());
        assert!(group("a\u{1b}[2J").is_err());
        assert!(group(&"x".repeat(81)).is_err());
    }
}
