//! Drafts: the file an entry is composed in with `$VISUAL`/`$EDITOR`, kept (private,
//! 0600 in a 0700 folder) until the entry is safely in the journal, and the text
//! rules shared by every way of writing (comment lines of the template, clean ends).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context as _, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::time::SystemTime;

use crate::entry::{Depth, EntryId, Origin, Placement};
use crate::t;

/// Lines of the template starting with this are instructions, not the entry.
pub const COMMENT: &str = "#|";

/// A draft on disk, kept until the entry is safely in the journal.
pub struct Draft {
    pub path: PathBuf,
    /// The comment lines the template added, exactly as written to the file.
    template: Vec<String>,
}

/// What a new entry's draft is for, kept apart (`drafts-meta/NAME.json`) so that a draft
/// left behind can be resumed as the entry it was meant to be.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftMeta {
    /// The id the entry gets when it is saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<EntryId>,
    /// `PACK/PROMPT` of the answered prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The rating given with flags (the draft's own field lines add to it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Placement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Origin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth: Option<Depth>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The template's comment lines, to strip them again on resuming.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub template: Vec<String>,
}

/// A draft left behind: an editor that failed or was closed, or a write that did
/// not reach the journal.
pub struct Pending {
    pub draft: Draft,
    /// What it is for, when that was kept (not for rescued text).
    pub meta: Option<DraftMeta>,
    pub modified: Option<SystemTime>,
    /// Its text, template lines aside.
    pub text: String,
}

/// Drafts of entries being edited (`edit-ID.md`) are not new entries to resume.
const EDIT_PREFIX: &str = "edit-";

/// The drafts of new entries left in `dir`, newest first.
pub fn pending(dir: &Path) -> Result<Vec<Pending>> {
    let listing = match fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => {
            return Err(err)
                .with_context(|| t!("draft-cannot-read-folder", path = dir.display().to_string()))
        }
    };
    let mut found = Vec::new();
    for item in listing {
        let path = item?.path();
        let is_draft = path.extension().is_some_and(|e| e == "md")
            && path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with(EDIT_PREFIX));
        if !is_draft {
            continue;
        }
        let mut draft = Draft {
            path,
            template: Vec::new(),
        };
        let meta = draft.meta();
        if let Some(meta) = &meta {
            draft.template = meta.template.clone();
        }
        let text = draft.text().unwrap_or_default();
        let modified = fs::metadata(&draft.path).and_then(|m| m.modified()).ok();
        found.push(Pending {
            draft,
            meta,
            modified,
            text,
        });
    }
    found.sort_by(|a, b| {
        b.modified
            .cmp(&a.modified)
            .then_with(|| a.draft.path.cmp(&b.draft.path))
    });
    Ok(found)
}

impl Draft {
    /// A draft already on disk, with no template known (only clean-up and reading).
    pub fn at(path: PathBuf) -> Draft {
        Draft {
            path,
            template: Vec::new(),
        }
    }

    /// Writes `body` under `header` comment lines to a new private file in `dir`,
    /// named `NAME.md` (or `NAME-2.md`, ... when a kept draft already has the name).
    pub fn create(dir: &Path, name: &str, header: &[String], body: &str) -> Result<Draft> {
        create_private_dir(dir)?;
        let template: Vec<String> = header
            .iter()
            .flat_map(|line| line.lines())
            .map(|part| {
                if part.is_empty() {
                    COMMENT.to_string()
                } else {
                    format!("{COMMENT} {part}")
                }
            })
            .collect();
        let mut text = String::new();
        for line in &template {
            text.push_str(line);
            text.push('\n');
        }
        text.push('\n');
        text.push_str(body);
        let (path, mut file) = create_unique(dir, name)?;
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .with_context(|| t!("draft-cannot-write", path = path.display().to_string()))?;
        Ok(Draft { path, template })
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
                t!(
                    "draft-editor-cannot-start",
                    editor = editor,
                    path = self.path.display().to_string()
                )
            })?;
        if !status.success() {
            bail!(t!(
                "draft-editor-failed",
                editor = editor,
                status = status.to_string(),
                path = self.path.display().to_string()
            ));
        }
        Ok(())
    }

    /// The text of the draft without the comment lines, trimmed.
    pub fn text(&self) -> Result<String> {
        let raw = fs::read(&self.path)
            .with_context(|| t!("draft-cannot-read", path = self.path.display().to_string()))?;
        let raw = String::from_utf8(raw)
            .with_context(|| t!("draft-not-utf8", path = self.path.display().to_string()))?;
        Ok(strip_template(&raw, &self.template))
    }

    /// Where the draft's [`DraftMeta`] is kept: `drafts-meta/NAME.json` beside the
    /// drafts folder, so the drafts folder holds only what the person wrote.
    fn meta_path(&self) -> PathBuf {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let name = dir.file_name().map(|n| n.to_string_lossy().into_owned());
        let meta_dir = dir.with_file_name(format!("{}-meta", name.as_deref().unwrap_or("drafts")));
        let stem = self.path.file_stem().unwrap_or_default();
        meta_dir.join(stem).with_extension("json")
    }

    /// Keeps what the draft is for beside it (with the template, to strip it again).
    pub fn save_meta(&self, meta: &DraftMeta) -> Result<()> {
        let meta = DraftMeta {
            template: self.template.clone(),
            ..meta.clone()
        };
        let json = serde_json::to_vec(&meta)?;
        let path = self.meta_path();
        if let Some(dir) = path.parent() {
            create_private_dir(dir)?;
        }
        crate::fs::write_private(&path, &json)
            .with_context(|| t!("file-cannot-write", path = path.display().to_string()))
    }

    /// What the draft is for, if that was kept and is readable.
    pub fn meta(&self) -> Option<DraftMeta> {
        let bytes = fs::read(self.meta_path()).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Removes the draft (and what is kept beside it).
    pub fn discard(self) {
        let _ = fs::remove_file(self.meta_path());
        let _ = fs::remove_file(&self.path);
    }
}

/// Removes the lines the template added (each once, as written) and surrounding
/// blank space. Every other line is the leader's and is kept, even one that starts
/// with [`COMMENT`].
pub fn strip_template(text: &str, template: &[String]) -> String {
    let mut left: Vec<&str> = template.iter().map(String::as_str).collect();
    let kept: Vec<&str> = text
        .lines()
        .filter(|line| {
            let line = line.strip_suffix('\r').unwrap_or(line);
            match left.iter().position(|t| *t == line) {
                Some(at) => {
                    left.remove(at);
                    false
                }
                None => true,
            }
        })
        .collect();
    clean_text(&kept.join("\n"))
}

/// Removes the template's comment block at the top of a draft whose template is not
/// known (the leading [`COMMENT`] lines) and surrounding blank space. Comment-like
/// lines after the leader's first own line are the leader's and are kept.
pub fn strip_comments(text: &str) -> String {
    let mut lines = text.lines().peekable();
    while lines.next_if(|line| line.starts_with(COMMENT)).is_some() {}
    clean_text(&lines.collect::<Vec<_>>().join("\n"))
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

/// A new private file `NAME.md` in `dir`, or `NAME-2.md`, ... if taken.
fn create_unique(dir: &Path, name: &str) -> Result<(PathBuf, fs::File)> {
    for n in 1.. {
        let path = match n {
            1 => dir.join(format!("{name}.md")),
            n => dir.join(format!("{name}-{n}.md")),
        };
        match crate::fs::create_new_private(&path) {
            Ok(file) => return Ok((path, file)),
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => {}
            Err(err) => {
                return Err(err)
                    .with_context(|| t!("draft-cannot-create", path = path.display().to_string()))
            }
        }
    }
    unreachable!("the loop returns")
}

fn create_private_dir(dir: &Path) -> Result<()> {
    crate::fs::create_private_dir_all(dir)
        .with_context(|| t!("folder-cannot-create", path = dir.display().to_string()))
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
    fn only_the_template_lines_are_removed() {
        let template = vec!["#| Editing entry x".to_string(), "#|".to_string()];
        let draft = "#| Editing entry x\n#|\n\nMy text\n#| my own line\n#|\n";
        assert_eq!(
            strip_template(draft, &template),
            "My text\n#| my own line\n#|"
        );
        assert_eq!(strip_comments(draft), "My text\n#| my own line\n#|");
    }

    #[test]
    fn only_comments_means_empty() {
        assert_eq!(strip_comments("#| a\n#| b\n\n   \n"), "");
    }

    #[test]
    fn pending_drafts_carry_their_meta_and_skip_edits() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("drafts");
        let dir = dir.as_path();
        let header = vec!["Question: why?".to_string()];
        let draft = Draft::create(dir, "abc", &header, "Begun.").unwrap();
        let meta = DraftMeta {
            level: Some(Placement::At(crate::entry::Level::Network)),
            ..DraftMeta::default()
        };
        draft.save_meta(&meta).unwrap();
        Draft::create(dir, "edit-xyz", &header, "Editing.").unwrap();
        let found = pending(dir).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "Begun.", "the template is stripped");
        let kept = found[0].meta.clone().unwrap();
        assert_eq!(
            kept.level,
            Some(Placement::At(crate::entry::Level::Network))
        );
        assert_eq!(kept.template, vec!["#| Question: why?".to_string()]);
        let Pending { draft, .. } = found.into_iter().next().unwrap();
        draft.discard();
        assert!(pending(dir).unwrap().is_empty());
        assert_eq!(
            std::fs::read_dir(dir).unwrap().count(),
            1,
            "only the edit draft"
        );
    }
}
