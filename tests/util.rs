//! A fresh, isolated world for each test: HOME, XDG folders, config and journal all
//! live in a temp dir; every `REFLECT_*`, `NO_COLOR`, `VISUAL` and `EDITOR` from the
//! outside is removed; "now" is fixed.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The fixed "now" of every test: Monday 23 November 2026, 09:00 in UTC+1.
pub const NOW: &str = "2026-11-23T09:00:00+01:00";

pub struct TestEnv {
    dir: TempDir,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        let dir = tempfile::Builder::new()
            .prefix("reflect-test")
            .tempdir()
            .unwrap();
        fs::create_dir_all(dir.path().join("home")).unwrap();
        TestEnv { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The journal every command uses (via REFLECT_JOURNAL).
    pub fn journal_path(&self) -> PathBuf {
        self.root().join("data").join("journal.jsonl")
    }

    /// The config file every command uses (via REFLECT_CONFIG); it need not exist.
    pub fn config_path(&self) -> PathBuf {
        self.root().join("config").join("config.toml")
    }

    /// The packs folder that goes with the config file.
    pub fn packs_dir(&self) -> PathBuf {
        self.root().join("config").join("packs")
    }

    /// `reflect` with a clean environment pointing into the temp dir. No stdin
    /// (a test never hangs waiting for input).
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("reflect").unwrap();
        for (key, _) in std::env::vars_os() {
            let key = key.to_string_lossy().into_owned();
            if key.starts_with("REFLECT_")
                || key.starts_with("XDG_")
                || [
                    "NO_COLOR",
                    "VISUAL",
                    "EDITOR",
                    "HOME",
                    "CLICOLOR",
                    "CLICOLOR_FORCE",
                    "COLUMNS",
                ]
                .contains(&key.as_str())
            {
                cmd.env_remove(&key);
            }
        }
        let home = self.root().join("home");
        cmd.env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("REFLECT_JOURNAL", self.journal_path())
            .env("REFLECT_CONFIG", self.config_path())
            .env("REFLECT_NOW", NOW)
            .current_dir(self.root())
            .write_stdin("");
        cmd
    }

    /// Runs `reflect ARGS` and expects success.
    pub fn ok(&self, args: &[&str]) -> String {
        let output = self.cmd().args(args).output().unwrap();
        assert!(
            output.status.success(),
            "reflect {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// Runs `reflect ARGS`, expects failure, returns stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let output = self.cmd().args(args).output().unwrap();
        assert!(
            !output.status.success(),
            "reflect {args:?} should have failed"
        );
        String::from_utf8(output.stderr).unwrap()
    }

    /// Writes an entry with `reflect write -m TEXT EXTRA...` and returns its id.
    pub fn write(&self, text: &str, extra: &[&str]) -> String {
        let mut args = vec!["write", "-m", text];
        args.extend_from_slice(extra);
        self.ok(&args).trim().to_string()
    }

    /// The journal's raw lines.
    pub fn journal_lines(&self) -> Vec<String> {
        fs::read_to_string(self.journal_path())
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// Writes a file under the temp dir and returns its path.
    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root().join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, contents).unwrap();
        path
    }
}
