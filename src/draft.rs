//! Drafts: the file an entry is composed in with `$VISUAL`/`$EDITOR`, kept (private,
//! 0600 in a 0700 folder) until the entry is safely in the journal, and the text
//! rules shared by every way of writing (comment lines of the template, clean ends).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context as _, Result};

/// Lines of the template starting with this are instructions, not the entry.
pub const COMMENT: &str = "#|";

/// A draft on disk, kept until the entry is safely in the journal.
pub struct Draft {
    pub path: PathBuf,
}

impl Draft {
    /// Writes `body` under `header` comment lines to a new private file in `dir`.
    pub fn create(dir: &Path, name: &str, header: &[String], body: &str) -> Result<Draft> {
        create_private_dir(dir)?;
        let path = dir.join(format!("{name}.md"));
        let mut text = String::new();
        for line in header {
            for part in line.lines() {
                text.push_str(COMMENT);
                if !part.is_empty() {
                    text.push(' ');
                    text.push_str(part);
                }
                text.push('\n');
            }
        }
        text.push('\n');
        text.push_str(body);
        crate::fs::write_private(&path, text.as_bytes())
            .with_context(|| format!("cannot write the draft {}", path.display()))?;
        Ok(Draft { path })
    }

    /// Saves text that could not be written to the journal, so it is not lost.
    pub fn rescue(dir: &Path, name: &str, text: &str) -> Option<PathBuf> {
        create_private_dir(dir).ok()?;
        let path = dir.join(format!("{name}.md"));
        crate::fs::write_private(&path, text.as_bytes()).ok()?;
        Some(path)
    }

    /// Opens the draft in the editor; a failing editor keeps the draft and says where.
    pub fn edit(&self, editor: &str) -> Result<()> {
        let status = editor_command(editor, &self.path)
            .status()
            .with_context(|| {
                format!(
                    "cannot start the editor '{editor}'; your draft is kept at {}",
                    self.path.display()
                )
            })?;
        if !status.success() {
            bail!(
                "the editor '{editor}' failed ({status}); your draft is kept at {}",
                self.path.display()
            );
        }
        Ok(())
    }

    /// The text of the draft without the comment lines, trimmed.
    pub fn text(&self) -> Result<String> {
        let raw = fs::read(&self.path)
            .with_context(|| format!("cannot read the draft {}", self.path.display()))?;
        let raw = String::from_utf8(raw).with_context(|| {
            format!(
                "the draft {} is not UTF-8 text; it is kept there",
                self.path.display()
            )
        })?;
        Ok(strip_comments(&raw))
    }

    pub fn discard(self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Removes template comment lines and surrounding blank space.
pub fn strip_comments(text: &str) -> String {
    let kept: Vec<&str> = text
        .lines()
        .filter(|line| !line.starts_with(COMMENT))
        .collect();
    clean_text(&kept.join("\n"))
}

/// Entry text as stored: trailing whitespace and leading blank lines removed, and
/// Windows line endings made plain.
pub fn clean_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let trimmed = text.trim_end();
    let leading_blank: usize = trimmed
        .split_inclusive('\n')
        .take_while(|line| line.trim().is_empty())
        .map(str::len)
        .sum();
    trimmed[leading_blank..].to_string()
}

/// The editor runs through the shell, like git does, so `EDITOR="code --wait"` works.
fn editor_command(editor: &str, path: &Path) -> Command {
    if cfg!(windows) {
        let mut parts = editor.split_whitespace();
        let mut command = Command::new(parts.next().unwrap_or("notepad"));
        command.args(parts).arg(path);
        command
    } else {
        let mut command = Command::new("/bin/sh");
        command
            .arg("-c")
            .arg(format!("{editor} \"$@\""))
            .arg(editor)
            .arg(path);
        command
    }
}

fn create_private_dir(dir: &Path) -> Result<()> {
    crate::fs::create_private_dir_all(dir)
        .with_context(|| format!("cannot create the folder {}", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_outer_blank_lines_are_removed() {
        let draft = "#| Question?\n#|\n\n\n  First line\n# A heading I wrote\n\nmore  \n\n";
        assert_eq!(
            strip_comments(draft),
            "  First line\n# A heading I wrote\n\nmore"
        );
    }

    #[test]
    fn only_comments_means_empty() {
        assert_eq!(strip_comments("#| a\n#| b\n\n   \n"), "");
    }
}
