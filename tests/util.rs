//! The one way in for integration tests: a fresh, isolated world for each test.
//!
//! - [`TestEnv`]: HOME, XDG folders, config and journal all live in a temp dir; every
//!   `REFLECT_*`, `NO_COLOR`, `VISUAL`, `EDITOR` and locale variable from the outside
//!   is removed; "now" is fixed. `ok`, `fails` and `usage_error` run the binary and
//!   check its exit status against the table in `src/exit_codes.rs`.
//! - [`Record`]: raw journal lines, for journals a test builds by hand.
//! - [`Pty`]: the binary on a pseudo-terminal, for questions, menus and the editor.
//! - [`Browser`]: headless Chromium, for HTML reports: screenshot, PDF, DOM.

#![allow(dead_code)]

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{ControlCode, Eof, Expect, Regex};
use tempfile::TempDir;

/// The fixed "now" of every test: Monday 23 November 2026, 09:00 in UTC+1.
pub const NOW: &str = "2026-11-23T09:00:00+01:00";

/// Exit statuses, as documented in `src/exit_codes.rs` and README.md.
pub const FAILURE: i32 = 1;
pub const USAGE: i32 = 2;

/// Variables removed from every run: they would make a test depend on the machine.
const REMOVED: [&str; 10] = [
    "NO_COLOR",
    "VISUAL",
    "EDITOR",
    "HOME",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "COLUMNS",
    "LANG",
    "LANGUAGE",
    "LC_ALL",
];

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

    /// The built `reflect` with a clean environment pointing into the temp dir: no
    /// `REFLECT_*`, `XDG_*`, colour, editor or locale variable from outside (`LANG`,
    /// `LANGUAGE`, `LC_*` are removed and none is set).
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_reflect"));
        for (key, _) in std::env::vars_os() {
            let key = key.to_string_lossy().into_owned();
            if key.starts_with("REFLECT_")
                || key.starts_with("XDG_")
                || key.starts_with("LC_")
                || REMOVED.contains(&key.as_str())
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
            .current_dir(self.root());
        cmd
    }

    /// [`TestEnv::std_cmd`] for `assert_cmd`, with an empty stdin (a test never hangs
    /// waiting for input).
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::from_std(self.std_cmd());
        cmd.write_stdin("");
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

    /// Runs `reflect ARGS`, expects success, returns stdout and stderr (the warnings
    /// and notes a successful run prints).
    pub fn ok_with_messages(&self, args: &[&str]) -> (String, String) {
        let output = self.cmd().args(args).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(output.status.success(), "reflect {args:?} failed: {stderr}");
        (String::from_utf8(output.stdout).unwrap(), stderr)
    }

    /// Runs `reflect ARGS`, expects it to exit with `code`, returns stderr.
    pub fn fails_with(&self, code: i32, args: &[&str]) -> String {
        let output = self.cmd().args(args).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(
            output.status.code(),
            Some(code),
            "reflect {args:?} should have exited with {code}; stderr: {stderr}"
        );
        stderr
    }

    /// Runs `reflect ARGS`, expects an error (exit 1), returns stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        self.fails_with(FAILURE, args)
    }

    /// Runs `reflect ARGS`, expects a usage error (exit 2), returns stderr.
    pub fn usage_error(&self, args: &[&str]) -> String {
        self.fails_with(USAGE, args)
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

    /// Appends bytes to the journal as they are, as a damaged or hand-made file would
    /// have them (creating it if needed).
    pub fn append_raw(&self, bytes: impl AsRef<[u8]>) {
        let path = self.journal_path();
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .unwrap();
        file.write_all(bytes.as_ref()).unwrap();
    }

    /// Appends records to the journal, one line each.
    pub fn append_records(&self, records: &[Record]) {
        let lines: String = records.iter().map(|r| r.line() + "\n").collect();
        self.append_raw(lines);
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

    /// Starts `reflect ARGS` on a pseudo-terminal (stdin, stdout and stderr are all
    /// the terminal), with the environment of [`TestEnv::cmd`].
    pub fn pty(&self, args: &[&str]) -> Pty {
        self.pty_with_env(args, &[])
    }

    /// [`TestEnv::pty`] with extra environment variables (`VISUAL` for the editor).
    pub fn pty_with_env(&self, args: &[&str], vars: &[(&str, &str)]) -> Pty {
        let mut cmd = self.std_cmd();
        cmd.args(args);
        cmd.envs(vars.iter().copied());
        let mut session = OsSession::spawn(cmd).expect("reflect starts on a pseudo-terminal");
        session.set_expect_timeout(Some(Pty::TIMEOUT));
        Pty {
            session,
            args: args.join(" "),
        }
    }
}

/// One raw journal line, written in the canonical field order of
/// `src/journal/record.rs` (so the reader's fast path sees it as `reflect` writes it).
/// Optional fields are left out until set; `tags` only when there are some.
#[derive(Clone, Debug)]
pub struct Record {
    op: &'static str,
    id: String,
    date: Option<String>,
    written: String,
    created: Option<String>,
    level: Option<String>,
    depth: Option<String>,
    from: Option<String>,
    pack: Option<(String, String)>,
    theme: Option<String>,
    tags: Vec<String>,
    text: Option<String>,
}

impl Record {
    /// An `add` of entry `id` about `date`, written at 10:00 that day, at `school`
    /// level, with the text `text`.
    pub fn add(id: &str, date: &str, text: &str) -> Record {
        Record {
            op: "add",
            id: id.to_string(),
            date: Some(date.to_string()),
            written: format!("{date}T10:00:00+01:00"),
            created: None,
            level: Some("school".to_string()),
            depth: None,
            from: None,
            pack: None,
            theme: None,
            tags: Vec::new(),
            text: Some(text.to_string()),
        }
    }

    /// The same fields as an `edit` record (a revision written at `moment`).
    pub fn edit(mut self, moment: &str) -> Record {
        self.op = "edit";
        self.written = moment.to_string();
        self
    }

    /// A retraction of entry `id`, written at `moment`.
    pub fn delete(id: &str, moment: &str) -> Record {
        Record {
            op: "delete",
            id: id.to_string(),
            date: None,
            written: moment.to_string(),
            created: None,
            level: None,
            depth: None,
            from: None,
            pack: None,
            theme: None,
            tags: Vec::new(),
            text: None,
        }
    }

    pub fn written(mut self, moment: &str) -> Record {
        self.written = moment.to_string();
        self
    }

    /// When the entry was first written (edit records carry it).
    pub fn created(mut self, moment: &str) -> Record {
        self.created = Some(moment.to_string());
        self
    }

    pub fn level(mut self, level: &str) -> Record {
        self.level = Some(level.to_string());
        self
    }

    /// No level: an unrated entry (a version 2 record).
    pub fn unrated(mut self) -> Record {
        self.level = None;
        self
    }

    /// The depth of joint work, a canonical id (a version 2 record).
    pub fn depth(mut self, depth: &str) -> Record {
        self.depth = Some(depth.to_string());
        self
    }

    /// Where the learning came from, a level id or `programme` (a version 2 record).
    pub fn from(mut self, origin: &str) -> Record {
        self.from = Some(origin.to_string());
        self
    }

    pub fn pack(mut self, id: &str, version: &str) -> Record {
        self.pack = Some((id.to_string(), version.to_string()));
        self
    }

    pub fn theme(mut self, theme: &str) -> Record {
        self.theme = Some(theme.to_string());
        self
    }

    pub fn tags(mut self, tags: &[&str]) -> Record {
        self.tags = tags.iter().map(|t| t.to_string()).collect();
        self
    }

    pub fn text(mut self, text: &str) -> Record {
        self.text = Some(text.to_string());
        self
    }

    /// The JSON line, without its newline.
    pub fn line(&self) -> String {
        let json = |s: &str| serde_json::to_string(s).unwrap();
        // Version 2 for what version 1 cannot say: unrated, idea, depth, transfer.
        let v2 = self.op != "delete"
            && (self.level.as_deref().is_none_or(|l| l == "idea")
                || self.depth.is_some()
                || self.from.is_some());
        let v = if v2 { 2 } else { 1 };
        let mut line = format!(
            "{{\"v\":{v},\"op\":\"{}\",\"id\":{}",
            self.op,
            json(&self.id)
        );
        if let Some(date) = &self.date {
            line += &format!(",\"date\":{}", json(date));
        }
        line += &format!(",\"written\":{}", json(&self.written));
        if let Some(created) = &self.created {
            line += &format!(",\"created\":{}", json(created));
        }
        if let Some(level) = &self.level {
            line += &format!(",\"level\":{}", json(level));
        }
        if let Some(depth) = &self.depth {
            line += &format!(",\"depth\":{}", json(depth));
        }
        if let Some(from) = &self.from {
            line += &format!(",\"from\":{}", json(from));
        }
        if let Some((pack, version)) = &self.pack {
            line += &format!(
                ",\"pack\":{},\"pack_version\":{}",
                json(pack),
                json(version)
            );
        }
        if let Some(theme) = &self.theme {
            line += &format!(",\"theme\":{}", json(theme));
        }
        if !self.tags.is_empty() {
            line += &format!(",\"tags\":{}", serde_json::to_string(&self.tags).unwrap());
        }
        if let Some(text) = &self.text {
            line += &format!(",\"text\":{}", json(text));
        }
        line + "}"
    }

    /// The line cut short just after the first `text` in it, with no newline: a
    /// write interrupted by a crash or a power cut.
    pub fn cut_after(&self, text: &str) -> String {
        let line = self.line();
        let end = line.find(text).expect("the cut is inside the line") + text.len();
        line[..end].to_string()
    }
}

/// `reflect` running on a pseudo-terminal, from [`TestEnv::pty`]. What it prints on
/// stdout and stderr arrives mixed, as a person sees it; the terminal does not echo
/// what is sent. Every wait gives up after [`Pty::TIMEOUT`] and the test fails with
/// what was seen, so a test never hangs; dropping a `Pty` kills the process.
pub struct Pty {
    session: OsSession,
    args: String,
}

impl Pty {
    /// How long any one `expect` or `finish` waits.
    pub const TIMEOUT: Duration = Duration::from_secs(10);

    /// Waits until `text` is printed; returns everything printed since the previous
    /// `expect` up to and including `text`.
    pub fn expect(&mut self, text: &str) -> String {
        match self.session.expect(text) {
            Ok(found) => String::from_utf8_lossy(found.as_bytes()).into_owned(),
            Err(err) => {
                let seen = self.pending();
                panic!(
                    "reflect {}: {text:?} never came ({err}); printed meanwhile: {seen:?}",
                    self.args
                )
            }
        }
    }

    /// Types `line` and Enter.
    pub fn send_line(&mut self, line: &str) {
        self.session.send_line(line).unwrap();
    }

    /// Types `keys` as they are (no Enter).
    pub fn send(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
    }

    /// Ctrl-D: the end of typed input (on an empty line).
    pub fn end_input(&mut self) {
        self.session.send(ControlCode::EndOfTransmission).unwrap();
    }

    /// Waits for the process to end (reading what it still prints) and returns its
    /// exit status, failing the test if it is still running after the timeout or was
    /// killed by a signal.
    pub fn finish(mut self) -> i32 {
        let deadline = Instant::now() + Self::TIMEOUT;
        if let Err(err) = self.session.expect(Eof) {
            let seen = self.pending();
            panic!(
                "reflect {} did not end ({err}); printed meanwhile: {seen:?}",
                self.args
            );
        }
        loop {
            match self.session.get_process().status() {
                Ok(WaitStatus::Exited(_, code)) => return code,
                Ok(WaitStatus::StillAlive) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                other => panic!("reflect {} did not exit normally: {other:?}", self.args),
            }
        }
    }

    /// What has been printed but not yet matched (for failure messages).
    fn pending(&mut self) -> String {
        match self.session.check(Regex("(?s).+")) {
            Ok(seen) => String::from_utf8_lossy(seen.as_bytes()).into_owned(),
            Err(err) => format!("({err})"),
        }
    }
}

/// Headless Chromium, for tests that look at an HTML file the way a reader's browser
/// does. Each call is one launch with a fresh profile in a temp dir, no network
/// services, and a time limit.
///
/// [`Browser::find`] looks for Debian's `chromium` (`.ci/run` installs it). When it is
/// missing, a test fails if `CI` is set and otherwise says on stderr that it skipped
/// the browser (written past the test harness's capture, so it is seen).
pub struct Browser {
    program: PathBuf,
}

impl Browser {
    /// How long one launch may take before it is killed and the test fails.
    const LIMIT: Duration = Duration::from_secs(90);

    /// The browser, or `None` after a note on stderr (a failure when `CI` is set).
    pub fn find(test: &str) -> Option<Browser> {
        let found = ["chromium", "chromium-browser"].iter().find_map(|name| {
            std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
                .map(|dir| dir.join(name))
                .find(|path| path.is_file())
        });
        match found {
            Some(program) => Some(Browser { program }),
            None if std::env::var_os("CI").is_some() => {
                panic!("{test}: CI is set but chromium is not installed (.ci/run installs it)")
            }
            None => {
                let note = format!(
                    "note: {test}: SKIPPED the browser checks: chromium is not installed \
                     (apt-get install -y chromium); with CI set this fails instead\n"
                );
                std::io::stderr().write_all(note.as_bytes()).unwrap();
                None
            }
        }
    }

    /// A screenshot of `html` as a `width`×`height` window, as PNG bytes.
    pub fn screenshot(&self, html: &Path, width: u32, height: u32) -> Vec<u8> {
        let dir = TempDir::new().unwrap();
        let png = dir.path().join("page.png");
        self.run(&[
            format!("--screenshot={}", png.display()),
            format!("--window-size={width},{height}"),
            "--hide-scrollbars".to_owned(),
            file_url(html),
        ]);
        fs::read(&png).unwrap_or_else(|e| panic!("no screenshot of {}: {e}", html.display()))
    }

    /// `html` printed to PDF (the page size its print stylesheet asks for), as bytes.
    pub fn pdf(&self, html: &Path) -> Vec<u8> {
        let dir = TempDir::new().unwrap();
        let pdf = dir.path().join("page.pdf");
        self.run(&[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".to_owned(),
            file_url(html),
        ]);
        fs::read(&pdf).unwrap_or_else(|e| panic!("no PDF of {}: {e}", html.display()))
    }

    /// The document as the browser built it (`--dump-dom`): what it parsed, not what
    /// the file says.
    pub fn dom(&self, html: &Path) -> String {
        let stdout = self.run(&["--dump-dom".to_owned(), file_url(html)]);
        String::from_utf8(stdout).unwrap()
    }

    /// One launch; returns its stdout, fails the test on an error or the time limit.
    fn run(&self, args: &[String]) -> Vec<u8> {
        let profile = TempDir::new().unwrap();
        let output = tempfile::tempfile().unwrap();
        let errors = tempfile::tempfile().unwrap();
        let mut child = std::process::Command::new(&self.program)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(args)
            .stdin(std::process::Stdio::null())
            .stdout(output.try_clone().unwrap())
            .stderr(errors.try_clone().unwrap())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", self.program.display()));
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > Self::LIMIT {
                child.kill().ok();
                child.wait().ok();
                panic!("chromium {args:?} took over {:?}", Self::LIMIT);
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let read = |mut file: fs::File| {
            use std::io::{Read, Seek};
            let mut bytes = Vec::new();
            file.seek(std::io::SeekFrom::Start(0)).unwrap();
            file.read_to_end(&mut bytes).unwrap();
            bytes
        };
        assert!(
            status.success(),
            "chromium {args:?}: {status}\n{}",
            String::from_utf8_lossy(&read(errors))
        );
        read(output)
    }
}

/// `file://` and the absolute path, with the characters a URL would misread encoded.
fn file_url(path: &Path) -> String {
    let path = path.canonicalize().unwrap().display().to_string();
    let mut url = String::from("file://");
    for c in path.chars() {
        match c {
            '%' | ' ' | '#' | '?' => url.push_str(&format!("%{:02X}", c as u32)),
            c => url.push(c),
        }
    }
    url
}
