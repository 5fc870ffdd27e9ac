//! Regression tests, one per numbered item of an issue, named `iISSUE_ITEM_...`
//! (ripgrep's `tests/regression.rs` style): each pins the behaviour the item asked for.

use std::fs;
use std::os::unix::fs::FileTypeExt;
use std::path::Path;

use crate::util::TestEnv;

// ---- issue 12.1: export -o can never overwrite what reflect depends on ----

#[test]
fn i12_01_export_output_refuses_the_journal_its_side_files_config_and_packs() {
    let env = TestEnv::new();
    env.write("Words that must survive.", &[]);
    let journal = fs::read(env.journal_path()).unwrap();
    env.file("config/config.toml", "# settings\n");
    let installed = env.file(
        "config/packs/small.toml",
        fs::read(fixture("packs/small.toml")).unwrap(),
    );
    let pack_file = env.file(
        "my-pack.toml",
        fs::read(fixture("packs/small.toml")).unwrap(),
    );
    std::os::unix::fs::symlink(env.journal_path(), env.root().join("link.md")).unwrap();
    fs::create_dir_all(env.root().join("elsewhere")).unwrap();

    let journal_abs = env.journal_path().display().to_string();
    let lock = format!("{journal_abs}.lock");
    let damaged = format!("{journal_abs}.damaged");
    let config = env.config_path().display().to_string();
    let installed = installed.display().to_string();
    let refused: [(&[&str], &str); 9] = [
        (&["export", "-o", &journal_abs], "the journal"),
        (
            &["export", "--format", "json", "-o", "data/journal.jsonl"],
            "the journal",
        ),
        (
            &["export", "-o", "elsewhere/../data/./journal.jsonl"],
            "the journal",
        ),
        (&["export", "-o", "link.md"], "the journal"),
        (&["export", "-o", &lock], "lock file"),
        (&["export", "-o", &damaged], "damaged-lines file"),
        (&["export", "-o", &config], "the config file"),
        (&["export", "-o", &installed], "an installed pack"),
        (
            &["--pack", "my-pack.toml", "export", "-o", "my-pack.toml"],
            "a pack file in use",
        ),
    ];
    for (args, what) in refused {
        let stderr = env.usage_error(args);
        assert!(
            stderr.contains("refusing to write to"),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains(what), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    assert_eq!(fs::read(env.journal_path()).unwrap(), journal);
    assert!(!Path::new(&damaged).exists());
    assert!(fs::symlink_metadata(env.root().join("link.md"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        fs::read_to_string(env.config_path()).unwrap(),
        "# settings\n"
    );
    assert_eq!(
        fs::read(&pack_file).unwrap(),
        fs::read(fixture("packs/small.toml")).unwrap()
    );
    assert!(env.ok(&["list"]).contains("Words that must survive."));
}

#[test]
fn i12_01_export_output_dash_is_stdout_and_devices_are_written_in_place() {
    let env = TestEnv::new();
    env.write("To standard output.", &[]);
    let stdout = env.ok(&["export", "-o", "-"]);
    assert!(stdout.contains("To standard output."), "{stdout}");
    assert!(!env.root().join("-").exists(), "no file named '-'");

    let stdout = env.ok(&["export", "--format", "json", "-o", "/dev/stdout"]);
    assert!(stdout.contains("To standard output."), "{stdout}");

    // A full device: the write error is an error, not a silent success.
    if Path::new("/dev/full").exists() {
        let stderr = env.fails(&["export", "-o", "/dev/full"]);
        assert!(stderr.contains("/dev/full"), "{stderr}");
        assert!(Path::new("/dev/full").exists());
    }

    // A FIFO is written in place, never replaced by a rename.
    let fifo = env.root().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|status| status.success()) {
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        env.ok(&["export", "-o", fifo.to_str().unwrap()]);
        assert!(reader.join().unwrap().contains("To standard output."));
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// An editor for `VISUAL`: a shell script in the test's folder that runs `body`
/// with the draft's path as `$1`.
fn editor_script(env: &TestEnv, body: &str) -> String {
    use std::os::unix::fs::PermissionsExt;
    let path = env.file("editor.sh", format!("#!/bin/sh\n{body}\n"));
    fs::set_permissions(&path, fs::Permissions::from_mode(0o700)).unwrap();
    path.display().to_string()
}

/// The drafts kept in the drafts folder.
fn drafts(env: &TestEnv) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = fs::read_dir(env.root().join("data/drafts"))
        .map(|dir| dir.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    found.sort();
    found
}

// ---- issue 12.2: a failed edit keeps the draft and says where ----

#[test]
fn i12_02_edit_keeps_the_draft_until_the_revision_is_saved() {
    let env = TestEnv::new();
    let id = env.write("Before the edit.", &[]);
    let visual = editor_script(&env, "sed -i 's/Before/After/' \"$1\"");
    // The journal cannot be written: its lock file is a folder.
    let lock = env.root().join("data/journal.jsonl.lock");
    fs::remove_file(&lock).unwrap();
    fs::create_dir(&lock).unwrap();

    let mut pty = env.pty_with_env(&["edit", &id], &[("VISUAL", &visual)]);
    let printed = pty.expect("kept at ");
    assert!(printed.contains("NOT saved"), "{printed}");
    let rest = pty.expect(".md");
    assert_eq!(pty.finish(), crate::util::FAILURE);
    let kept = rest.trim();
    let kept = Path::new(kept);
    assert!(kept.is_file(), "the printed path {kept:?} is the draft");
    assert!(fs::read_to_string(kept)
        .unwrap()
        .contains("After the edit."));
    assert_eq!(drafts(&env), [kept.to_path_buf()]);

    // Once the journal can be written again, the edit goes through and only the draft
    // of that run is removed; the kept one stays until the leader deletes it.
    fs::remove_dir(&lock).unwrap();
    let mut pty = env.pty_with_env(&["edit", &id], &[("VISUAL", &visual)]);
    pty.expect("Revised entry");
    assert_eq!(pty.finish(), 0);
    assert!(env.ok(&["show", &id]).contains("After the edit."));
    assert_eq!(drafts(&env), [kept.to_path_buf()]);
}

// ---- issue 12.3: edit removes only the template's lines ----

#[test]
fn i12_03_edit_keeps_the_leaders_own_comment_marker_lines() {
    let env = TestEnv::new();
    let text =
        "#| my own heading, typed by me\nFirst thought.\n#|\n#| Editing entry (a line of mine)";
    let id = env.write(text, &[]);
    let visual = editor_script(&env, "printf '\\n%s\\n' '#| added in the editor' >> \"$1\"");
    let mut pty = env.pty_with_env(&["edit", &id], &[("VISUAL", &visual)]);
    pty.expect("Revised entry");
    assert_eq!(pty.finish(), 0);
    let shown = env.ok(&["export", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(
        doc["entries"][0]["text"],
        format!("{text}\n#| added in the editor")
    );
    assert!(drafts(&env).is_empty(), "the draft is removed once saved");
}

// ---- issue 12.13 (packs): loading is linear in the pack's size; 4 MiB at most ----

/// A valid pack with `prompts` prompts spread over `prompts / 3` themes.
fn big_pack(prompts: usize) -> String {
    let themes = (prompts / 3).max(1);
    let mut text = String::from(
        "format = 1\n\n[pack]\nid = \"big\"\nname = \"Big\"\nversion = \"1.0.0\"\nlanguage = \"en\"\n\n",
    );
    for t in 0..themes {
        text += &format!("[[themes]]\nid = \"t{t}\"\ntitle = \"Theme {t}\"\n\n");
    }
    for p in 0..prompts {
        text += &format!(
            "[[prompts]]\nid = \"p{p}\"\ntheme = \"t{}\"\nquestion = \"Question {p}: what happened?\"\n\n",
            p % themes
        );
    }
    text
}

/// CPU time (user + system, in clock ticks) that `reflect ARGS` used: read from
/// `/proc/PID/stat` once it has exited and before it is reaped. Not wall-clock time,
/// so other tests running meanwhile do not change it.
fn cpu_ticks(env: &TestEnv, args: &[&str]) -> u64 {
    let mut child = env
        .std_cmd()
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stat = format!("/proc/{}/stat", child.id());
    let ticks = loop {
        // Fields after the command name in parentheses: state is the 1st, utime the
        // 12th and stime the 13th.
        let text = fs::read_to_string(&stat).unwrap_or_default();
        let fields: Vec<&str> = match text.rfind(')') {
            Some(end) => text[end + 2..].split(' ').collect(),
            None => Vec::new(),
        };
        if fields.len() > 12 && fields[0] == "Z" {
            break fields[11].parse::<u64>().unwrap_or(0) + fields[12].parse::<u64>().unwrap_or(0);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    assert!(child.wait().unwrap().success(), "reflect {args:?} failed");
    ticks
}

#[test]
fn i12_13_a_large_pack_costs_in_proportion_to_its_size() {
    let env = TestEnv::new();
    let small = env.file("small.toml", big_pack(600));
    let large = env.file("large.toml", big_pack(7_200));
    let (small, large) = (small.to_str().unwrap(), large.to_str().unwrap());
    let mut ratio = f64::MAX;
    // The best of two, so one slow run (a busy machine) does not decide. `prompt`
    // loads and checks the pack, then orders all its prompts.
    for _ in 0..2 {
        let a = cpu_ticks(&env, &["--pack", small, "prompt"]).max(1);
        let b = cpu_ticks(&env, &["--pack", large, "prompt"]).max(1);
        ratio = ratio.min(b as f64 / a as f64);
    }
    // 12 times the prompts: linear work costs about 12 times more, quadratic 144.
    assert!(
        ratio < 40.0,
        "12x the prompts cost {ratio:.0}x the CPU time"
    );
}

#[test]
fn i12_13_a_pack_over_4_mib_is_refused_with_a_clear_error() {
    let env = TestEnv::new();
    let mut text = big_pack(30);
    text += &format!("# {}\n", "x".repeat(4 << 20));
    let huge = env.file("huge.toml", text);
    let stderr = env.fails(&["--pack", huge.to_str().unwrap(), "prompt"]);
    assert!(
        stderr.contains("huge.toml:1:1: the file is too large: a pack may be at most 4 MiB"),
        "{stderr}"
    );
    // Under the cap (1.2 MiB, refused by the old 1 MiB cap), it loads.
    let large = env.file("large.toml", big_pack(12_000));
    assert!(fs::metadata(&large).unwrap().len() > 1 << 20);
    let shown = env.ok(&["--pack", large.to_str().unwrap(), "prompt", "--short"]);
    assert!(shown.starts_with("Question "), "{shown}");
}

// ---- issue 12.15: everything reflect creates is private, whatever the umask ----

/// Runs `reflect ARGS` under `umask 000` (through `sh`, which sets it and `exec`s the
/// binary with the test's environment) and returns its exit status and stderr.
fn run_with_umask_000(env: &TestEnv, args: &[&str]) -> (i32, String) {
    let base = env.std_cmd();
    let mut cmd = std::process::Command::new("/bin/sh");
    for (key, value) in base.get_envs() {
        match value {
            Some(value) => cmd.env(key, value),
            None => cmd.env_remove(key),
        };
    }
    cmd.current_dir(base.get_current_dir().unwrap())
        .arg("-c")
        .arg("umask 000; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_reflect"))
        .args(args)
        .stdin(std::process::Stdio::null());
    let output = cmd.output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path)
        .unwrap_or_else(|err| panic!("{}: {err}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn i12_15_every_folder_and_file_reflect_creates_is_private_under_umask_000() {
    let env = TestEnv::new();
    let ok = |args: &[&str]| {
        let (code, stderr) = run_with_umask_000(&env, args);
        assert_eq!(code, 0, "reflect {args:?}: {stderr}");
    };
    let pack = fixture("packs/small.toml");
    ok(&["write", "-m", "First words."]);
    ok(&["packs", "install", pack.to_str().unwrap()]);
    ok(&["export", "-o", "exported.md"]);
    ok(&["packs", "new", "--id", "mine", "-o", "new-pack.toml"]);
    env.append_raw("not a record\n");
    run_with_umask_000(&env, &["check", "--repair"]);
    // A write that cannot reach the journal (its lock is a folder) rescues the text.
    let lock = env.root().join("data/journal.jsonl.lock");
    assert_eq!(mode(&lock), 0o600, "the lock file");
    fs::remove_file(&lock).unwrap();
    fs::create_dir(&lock).unwrap();
    let (code, stderr) = run_with_umask_000(&env, &["write", "-m", "Rescued words."]);
    assert_ne!(code, 0);
    assert!(stderr.contains("kept at"), "{stderr}");
    fs::remove_dir(&lock).unwrap();

    let root = env.root();
    for dir in ["data", "data/drafts", "config", "config/packs"] {
        assert_eq!(mode(&root.join(dir)), 0o700, "{dir}");
    }
    let drafts: Vec<_> = fs::read_dir(root.join("data/drafts"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(drafts.len(), 1);
    let files = [
        root.join("data/journal.jsonl"),
        root.join("data/journal.jsonl.damaged"),
        root.join("config/packs/small.toml"),
        root.join("exported.md"),
        root.join("new-pack.toml"),
        drafts[0].path(),
    ];
    for file in files {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}

// ---- issue 12.16: text from other people never reaches a terminal or a spreadsheet raw ----

/// A journal line whose ids came from someone else's file: escape sequences, a bell,
/// bidi overrides and spreadsheet formulas.
fn hostile_line(id: &str) -> String {
    serde_json::json!({
        "v": 1, "op": "add", "id": id, "date": "2026-11-20",
        "written": "2026-11-20T18:00:00+01:00", "level": "network",
        "pack": "evil\u{1b}]0;pwned\u{7}pack", "pack_version": "1.0.0",
        "prompt": "@SUM(A1:A9)", "theme": "=HYPERLINK(\"http://x\",\"\u{202e}click\")",
        "tags": ["\u{2066}gat"], "text": "first line \u{1b}[31mred\u{9b}2J",
    })
    .to_string()
        + "\n"
}

/// No byte of `out` can drive a terminal or reorder text: no C0 control but newline
/// (and tab, the plain format's separator), no C1 control, no bidi control.
fn assert_inert(out: &str, what: &str) {
    for c in out.chars() {
        let control = c.is_control() && c != '\n' && c != '\t';
        let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{61C}');
        assert!(!control && !bidi, "{what}: raw {c:?} in {out:?}");
    }
}

/// No text cell of a CSV document starts like a formula.
fn assert_no_formula(csv: &str, what: &str) {
    for record in crate::progress::parse_csv(csv) {
        for cell in record {
            let number = cell.trim_start_matches(['-', '+']).parse::<f64>().is_ok();
            assert!(
                number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{what}: a formula cell {cell:?} in {csv}"
            );
        }
    }
}

#[test]
fn i12_16_untrusted_ids_reach_plain_and_csv_outputs_neutralised() {
    let env = TestEnv::new();
    env.append_raw(hostile_line("hostile1"));

    let plain = env.ok(&["list", "--format", "plain"]);
    assert_inert(&plain, "list --format plain");
    assert!(
        plain.contains("\\u{202e}click"),
        "bidi shown escaped: {plain}"
    );
    assert!(plain.contains("first line"), "{plain}");

    let csv = env.ok(&["progress", "--format", "csv"]);
    assert_inert(&csv, "progress --format csv");
    assert_no_formula(&csv, "progress --format csv");
    assert!(
        csv.contains("'=HYPERLINK"),
        "the formula is kept as text: {csv}"
    );

    // The trainer's side: three participants' summaries holding the same ids.
    let trainer = TestEnv::new();
    let mut files = Vec::new();
    for n in 1..=3 {
        let participant = TestEnv::new();
        participant.append_raw(hostile_line(&format!("hostile{n}")));
        // Participants differ (a summary seen twice counts once).
        for k in 0..n {
            participant.append_raw(
                serde_json::json!({
                    "v": 1, "op": "add", "id": format!("plain{k}"), "date": "2026-11-01",
                    "written": "2026-11-01T18:00:00+01:00", "level": "school", "text": "x",
                })
                .to_string()
                    + "\n",
            );
        }
        let summary = participant.ok(&["progress", "--format", "json"]);
        files.push(trainer.file(&format!("p{n}.json"), summary));
    }
    let mut args = vec!["cohort", "--format", "csv"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    let csv = trainer.ok(&args);
    assert_inert(&csv, "cohort --format csv");
    assert_no_formula(&csv, "cohort --format csv");
    assert!(
        csv.contains("'=HYPERLINK"),
        "the hostile theme is there, as text: {csv}"
    );
    let table = trainer.ok(&args[..1]
        .iter()
        .chain(&args[3..])
        .copied()
        .collect::<Vec<_>>());
    assert_inert(&table, "cohort table");
}

// ---- issue 12.17: every entry's text comes back out of a CommonMark parser whole ----

/// The top-level sections of an exported document: each level-3 heading's text with
/// the letters and digits of what a reader sees under it (text, code, raw HTML
/// source, link destinations), up to the next heading or the closing break.
fn entry_sections(markdown: &str) -> Vec<(String, String)> {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let mut sections: Vec<(String, String)> = Vec::new();
    let (mut in_h3, mut in_body) = (false, false);
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                in_h3 = level == HeadingLevel::H3;
                in_body = false;
                if in_h3 {
                    sections.push((String::new(), String::new()));
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                in_body = in_h3;
                in_h3 = false;
            }
            Event::Rule => in_body = false,
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if let Some((title, body)) = sections.last_mut() {
                    if in_h3 {
                        title.push_str(&t);
                    } else if in_body {
                        body.extend(t.chars().filter(|c| c.is_alphanumeric()));
                    }
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) if in_body => {
                if let Some((_, body)) = sections.last_mut() {
                    body.extend(dest_url.chars().filter(|c| c.is_alphanumeric()));
                }
            }
            _ => {}
        }
    }
    sections
}

#[test]
fn i12_17_markdown_export_keeps_every_entry_whole_under_its_own_heading() {
    let env = TestEnv::new();
    let texts = [
        "[x]: http://example.com/lost-link-definition",
        "Before\n[y]: <http://example.com/also>\nafter",
        "<x-y>",
        "A custom <x-y> tag and a </x-y> end, `<code>` kept.",
        "<!-->",
        "<?>",
        "Inline <!--> and <?> too.",
        "```\nan unclosed fence",
        "## 2026-12-31\n### A heading that looks like an entry\nUnderlined\n===",
        "The last entry.",
    ];
    for (day, text) in texts.iter().enumerate() {
        let date = format!("2026-11-{:02}", day + 1);
        env.write(text, &["--date", &date, "--level", "network"]);
    }
    let markdown = env.ok(&["export"]);
    let sections = entry_sections(&markdown);
    assert_eq!(
        sections.len(),
        texts.len(),
        "one heading per entry: {markdown}"
    );
    for (day, ((title, body), text)) in sections.iter().zip(texts).enumerate() {
        assert_eq!(
            title,
            &format!("2026-11-{:02} · Free entry · Network", day + 1)
        );
        let wanted: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
        let mut seen = body.chars();
        assert!(
            wanted.chars().all(|c| seen.any(|s| s == c)),
            "{text:?} came back as {body:?} in {markdown}"
        );
    }
    // What disappeared before is now shown as text, escaped.
    for escaped in [
        "\\[x]: http",
        "\\<x-y>",
        "\\<!-->",
        "\\<?>",
        "\\## 2026-12-31",
        "\\===",
    ] {
        assert!(markdown.contains(escaped), "{escaped} in {markdown}");
    }
    // An unclosed fence is closed right after its entry.
    assert!(
        markdown.contains("an unclosed fence\n```\n\n## 2026-11-09"),
        "{markdown}"
    );
}

// ---- issue 12.4–12.11 and 12.13 (the journal and import), and issue 15 (fast paths) ----

mod reader {
    use std::collections::BTreeMap;
    use std::fs::{self, File};
    use std::time::{Duration, Instant};

    use serde_json::Value;

    use crate::util::{Record, TestEnv, FAILURE};

    /// `id → text` of what `list` shows (every entry, as JSON lines).
    fn listed(env: &TestEnv) -> BTreeMap<String, String> {
        env.ok(&["list", "--format", "json"])
            .lines()
            .map(|line| {
                let entry: Value = serde_json::from_str(line).unwrap();
                (
                    entry["id"].as_str().unwrap().to_string(),
                    entry["text"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }

    /// `id → text` of what `export --format json` holds, checking no id comes twice.
    fn exported(env: &TestEnv) -> BTreeMap<String, String> {
        let doc: Value = serde_json::from_str(&env.ok(&["export", "--format", "json"])).unwrap();
        let entries = doc["entries"].as_array().unwrap();
        let map: BTreeMap<String, String> = entries
            .iter()
            .map(|e| {
                (
                    e["id"].as_str().unwrap().to_string(),
                    e["text"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(map.len(), entries.len(), "an entry exported twice");
        map
    }

    /// Past a few entries (a few dozen in a debug build) the readers sort their
    /// places in a temporary file; where none can be made they sort in memory, and
    /// every read says the same.
    #[test]
    fn i15_reads_without_a_temporary_folder_say_the_same() {
        let env = TestEnv::new();
        let mut records = Vec::new();
        for i in 0..240u32 {
            // Mostly in date order, every seventh back-dated.
            let day = if i % 7 == 6 { i / 3 } else { i };
            let date = format!("2025-{:02}-{:02}", 1 + day / 28 % 12, 1 + day % 28);
            let text = if i % 3 == 0 {
                "a valley walk"
            } else {
                "a network meeting"
            };
            let level = ["school", "network", "territory"][(i % 3) as usize];
            records.push(Record::add(&format!("e{i:03}"), &date, text).level(level));
        }
        for i in (0..240u32).step_by(11) {
            let edited = Record::add(&format!("e{i:03}"), "2025-06-01", "edited: valley");
            records.push(edited.edit("2025-12-01T09:00:00+01:00"));
        }
        for i in (5..240u32).step_by(13) {
            records.push(Record::delete(
                &format!("e{i:03}"),
                "2025-12-02T09:00:00+01:00",
            ));
        }
        env.append_records(&records);
        let missing = env.root().join("no-such-folder");
        for args in [
            &["list"][..],
            &["list", "-n", "5"],
            &["list", "--contains", "valley"],
            &["export", "--format", "json"],
            &["export", "--group-by", "level"],
            &["progress"],
        ] {
            let usual = env.ok(args);
            let output = env
                .cmd()
                .env("TMPDIR", &missing)
                .args(args)
                .output()
                .unwrap();
            assert!(
                output.status.success(),
                "{args:?} without a temporary folder"
            );
            assert_eq!(String::from_utf8(output.stdout).unwrap(), usual, "{args:?}");
        }
        assert!(!missing.exists());
    }

    fn progress_total(env: &TestEnv) -> u64 {
        let summary: Value =
            serde_json::from_str(&env.ok(&["progress", "--format", "json"])).unwrap();
        summary["totals"]["total"].as_u64().unwrap()
    }

    /// Added again after a delete, imported twice, revised after a duplicate add.
    fn readded_and_duplicated() -> Vec<Record> {
        vec![
            Record::add("aaaa", "2026-11-01", "first life"),
            Record::delete("aaaa", "2026-11-02T10:00:00+01:00"),
            Record::add("aaaa", "2026-11-03", "second life").written("2026-11-03T10:00:00+01:00"),
            Record::add("bbbb", "2026-11-04", "imported once"),
            Record::add("bbbb", "2026-11-04", "imported once"),
            Record::add("cccc", "2026-11-05", "twice, then revised"),
            Record::add("cccc", "2026-11-05", "twice, then revised"),
            Record::add("cccc", "2026-11-05", "revised")
                .created("2026-11-05T10:00:00+01:00")
                .edit("2026-11-06T10:00:00+01:00"),
            Record::add("dddd", "2026-11-07", "deleted for good"),
            Record::delete("dddd", "2026-11-08T10:00:00+01:00"),
        ]
    }

    #[test]
    fn i12_04_compact_keeps_exactly_what_readers_show() {
        let env = TestEnv::new();
        env.append_records(&readded_and_duplicated());
        let before = listed(&env);
        let expected: BTreeMap<String, String> = [
            ("aaaa", "second life"),
            ("bbbb", "imported once"),
            ("cccc", "revised"),
        ]
        .into_iter()
        .map(|(id, text)| (id.to_string(), text.to_string()))
        .collect();
        assert_eq!(before, expected);
        assert_eq!(exported(&env), before);

        env.ok(&["compact"]);
        assert_eq!(listed(&env), before, "compact keeps what list showed");
        assert_eq!(exported(&env), before);
        assert_eq!(env.journal_lines().len(), 3, "one add per live entry");
    }

    /// A record with fields this version does not know, of every JSON kind.
    const UNKNOWN: &str =
        r#""mood":{"a":[1,2.5,true,null]},"stance":3,"source":"a \"coach\"","x_flag":false"#;

    fn with_unknown_fields(record: &Record) -> String {
        let line = record.line();
        let at = line.find(",\"text\":").unwrap();
        format!("{},{UNKNOWN}{}", &line[..at], &line[at..])
    }

    #[test]
    fn i12_05_compact_and_edit_keep_unknown_fields_byte_for_byte() {
        let env = TestEnv::new();
        let kept = Record::add("aaaa", "2026-11-01", "kept as written");
        let edited = Record::add("bbbb", "2026-11-02", "to be edited");
        env.append_raw(format!(
            "{}\n{}\n",
            with_unknown_fields(&kept),
            with_unknown_fields(&edited)
        ));

        env.ok(&["edit", "bbbb", "-m", "edited by this version"]);
        let lines = env.journal_lines();
        assert!(
            lines[2].contains(UNKNOWN),
            "the revision carries them: {}",
            lines[2]
        );

        env.ok(&["compact"]);
        let lines = env.journal_lines();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0],
            with_unknown_fields(&kept),
            "an add is kept byte for byte"
        );
        assert!(lines[1].contains(UNKNOWN), "{}", lines[1]);
        assert!(lines[1].contains("\"op\":\"add\""), "{}", lines[1]);
        assert!(lines[1].contains("edited by this version"), "{}", lines[1]);
        assert!(!lines[1].contains("\"created\""), "{}", lines[1]);
        assert_eq!(listed(&env)["bbbb"], "edited by this version");
    }

    #[test]
    fn i12_05_check_repair_leaves_newer_records_in_place() {
        let env = TestEnv::new();
        let newer = Record::add("bbbb", "2026-11-02", "from a newer reflect")
            .line()
            .replace("\"v\":1", "\"v\":3");
        env.append_records(&[Record::add("aaaa", "2026-11-01", "today's")]);
        env.append_raw(format!("{newer}\nnot a record\n"));

        let out = env.ok(&["check", "--repair"]);
        assert!(out.contains("moved 1 damaged line(s)"), "{out}");
        assert!(out.contains("written by a newer reflect"), "{out}");
        let lines = env.journal_lines();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1], newer, "the newer record stays, byte for byte");
        let damaged =
            fs::read_to_string(env.journal_path().with_extension("jsonl.damaged")).unwrap();
        assert_eq!(damaged, "not a record\n");
        let out = env.cmd().arg("check").output().unwrap();
        assert_eq!(out.status.code(), Some(FAILURE));
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            stdout.contains(":2: record format 3 was written by a newer reflect"),
            "{stdout}"
        );
    }

    #[test]
    fn i12_06_a_byte_order_mark_at_the_start_is_accepted() {
        let env = TestEnv::new();
        env.append_raw(b"\xEF\xBB\xBF");
        env.append_records(&[
            Record::add("aaaa", "2026-11-01", "after the mark"),
            Record::add("bbbb", "2026-11-02", "second"),
        ]);
        let output = env
            .cmd()
            .args(["list", "--format", "json"])
            .output()
            .unwrap();
        assert!(
            output.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(listed(&env).len(), 2);
        assert_eq!(exported(&env).len(), 2);
        assert!(env.ok(&["show", "aaaa"]).contains("after the mark"));
        assert!(env.ok(&["check"]).contains("ok (2 records)"));
    }

    #[test]
    fn i12_07_every_reader_agrees_on_torn_changes_and_bad_bytes() {
        let env = TestEnv::new();
        let revised = Record::add("aaaa", "2026-11-01", "revised, then torn")
            .created("2026-11-01T10:00:00+01:00")
            .edit("2026-11-09T10:00:00+01:00");
        env.append_records(&[
            Record::add("aaaa", "2026-11-01", "a torn edit changes nothing"),
            Record::add("bbbb", "2026-11-02", "a torn delete changes nothing"),
            Record::add("cccc", "2026-11-03", "revised whole"),
            Record::add("cccc", "2026-11-03", "the revision")
                .created("2026-11-03T10:00:00+01:00")
                .edit("2026-11-09T10:00:00+01:00"),
        ]);
        env.append_raw(format!("{}\n", revised.cut_after("torn")));
        env.append_raw(format!(
            "{}\n",
            Record::delete("bbbb", "2026-11-09T10:00:00+01:00").cut_after("bbbb")
        ));
        // Not UTF-8 inside the text.
        let mut bad = Record::add("dddd", "2026-11-04", "latin1 XX")
            .line()
            .into_bytes();
        let at = bad.windows(2).position(|w| w == b"XX").unwrap();
        bad[at] = 0xE9;
        bad.push(b'\n');
        env.append_raw(&bad);

        let expected: BTreeMap<String, String> = [
            ("aaaa", "a torn edit changes nothing"),
            ("bbbb", "a torn delete changes nothing"),
            ("cccc", "the revision"),
        ]
        .into_iter()
        .map(|(id, text)| (id.to_string(), text.to_string()))
        .collect();
        assert_eq!(listed(&env), expected, "list");
        assert_eq!(exported(&env), expected, "export");
        assert_eq!(progress_total(&env), 3, "progress");
        for (id, text) in &expected {
            assert!(env.ok(&["show", id]).contains(text.as_str()), "show {id}");
        }
        env.fails(&["show", "dddd"]);

        env.ok(&["check", "--repair"]);
        env.ok(&["compact"]);
        assert_eq!(listed(&env), expected, "compact");
    }

    #[test]
    fn i12_08_export_during_compact_sees_every_entry_once() {
        let env = TestEnv::new();
        let count = 400;
        let mut records = Vec::new();
        for i in 0..count {
            records.push(Record::add(
                &format!("e{i:04}"),
                "2026-11-01",
                &format!("entry {i}"),
            ));
        }
        // Back-dated and revised entries: the export reads the file more than once.
        for i in (0..count).step_by(7) {
            records.push(
                Record::add(
                    &format!("e{i:04}"),
                    "2026-10-01",
                    &format!("entry {i}, revised"),
                )
                .created("2026-11-01T10:00:00+01:00")
                .edit("2026-11-02T10:00:00+01:00"),
            );
        }
        env.append_records(&records);
        let stop = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|scope| {
            let compacting = scope.spawn(|| {
                let mut rounds = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    // Each compact replaces the file (a new inode) by a rename.
                    let status = env.std_cmd().arg("compact").output().unwrap().status;
                    assert!(status.success());
                    rounds += 1;
                }
                rounds
            });
            for _ in 0..12 {
                let entries = exported(&env);
                assert_eq!(entries.len(), count, "entries missing");
            }
            stop.store(true, std::sync::atomic::Ordering::Relaxed);
            assert!(compacting.join().unwrap() > 0);
        });
    }

    #[test]
    fn i12_09_two_imports_at_once_add_each_entry_once() {
        let source = TestEnv::new();
        let records: Vec<Record> = (0..60)
            .map(|i| Record::add(&format!("i{i:03}"), "2026-11-01", &format!("imported {i}")))
            .collect();
        source.append_records(&records);
        let export = source.ok(&["export", "--format", "json"]);
        for _ in 0..3 {
            let env = TestEnv::new();
            let file = env.file("export.json", &export);
            let children: Vec<_> = (0..4)
                .map(|_| {
                    env.std_cmd()
                        .arg("import")
                        .arg(&file)
                        .stdin(std::process::Stdio::null())
                        .stderr(std::process::Stdio::piped())
                        .spawn()
                        .unwrap()
                })
                .collect();
            let mut added = 0;
            for child in children {
                let output = child.wait_with_output().unwrap();
                assert!(output.status.success());
                let stderr = String::from_utf8(output.stderr).unwrap();
                added += stderr
                    .split_whitespace()
                    .nth(1)
                    .and_then(|n| n.parse::<usize>().ok())
                    .unwrap();
            }
            assert_eq!(added, 60, "the imports together added each entry once");
            assert_eq!(env.journal_lines().len(), 60);
        }
    }

    #[test]
    fn i12_10_a_lock_held_elsewhere_is_waited_for_then_given_up() {
        let env = TestEnv::new();
        let id = env.write("before the lock", &[]);
        let lock_path = env.journal_path().with_extension("jsonl.lock");
        let lock = File::options()
            .read(true)
            .write(true)
            .open(&lock_path)
            .unwrap();
        lock.lock().unwrap();

        let started = Instant::now();
        let output = env
            .cmd()
            .env("REFLECT_LOCK_TIMEOUT", "1")
            .args(["write", "-m", "while locked"])
            .output()
            .unwrap();
        let waited = started.elapsed();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(FAILURE), "{stderr}");
        assert!(waited >= Duration::from_secs(1), "gave up after {waited:?}");
        let lock_name = lock_path.display().to_string();
        assert!(
            stderr.contains(&format!("waiting for {lock_name}")),
            "{stderr}"
        );
        assert!(stderr.contains("is locked by another process"), "{stderr}");
        assert!(
            stderr.lines().last().unwrap().starts_with("reflect: "),
            "{stderr}"
        );

        // The config file's setting, when the environment says nothing.
        env.file("config/config.toml", "lock_timeout = 1\n");
        let stderr = env.fails(&["delete", &id]);
        assert!(stderr.contains("gave up waiting after 1 s"), "{stderr}");

        drop(lock);
        env.write("after the lock", &[]);
        assert_eq!(listed(&env).len(), 2);
    }

    #[test]
    fn i12_11_years_outside_1000_to_9999_are_refused_in_the_journal_and_on_import() {
        let env = TestEnv::new();
        env.append_records(&[
            Record::add("aaaa", "2026-11-01", "fine"),
            Record::add("bbbb", "0999-12-31", "too early"),
            Record::add("cccc", "2026-11-02", "written too early")
                .written("0999-12-31T10:00:00+01:00"),
        ]);
        let output = env
            .cmd()
            .args(["list", "--format", "json"])
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains(
                "journal.jsonl:2: skipped a damaged line: the year 999 is outside 1000–9999"
            ),
            "{stderr}"
        );
        assert!(stderr.contains("journal.jsonl:3: skipped"), "{stderr}");
        assert_eq!(listed(&env).len(), 1);
        assert_eq!(progress_total(&env), 1);

        let before = env.journal_lines();
        let doc = r#"{"format":"reflect-export","version":1,"exported":"2026-11-23T09:00:00+01:00","filters":{},"entries":[
            {"id":"new1","date":"2026-11-20","written":"2026-11-20T18:00:00+01:00","level":"school","text":"fine"},
            {"id":"new2","date":"0500-11-20","written":"2026-11-20T18:00:00+01:00","level":"school","text":"year 500"}]}"#;
        let file = env.file("old.json", doc);
        let stderr = env.fails(&["import", file.to_str().unwrap()]);
        assert_eq!(
            stderr.trim_end(),
            format!(
                "reflect: {}: entries[1]: \"date\" has the year 500, outside 1000–9999",
                file.display()
            )
        );
        let jrnl = r#"{"entries":[{"title":"t","body":"","date":"0012-01-31","time":"09:00","tags":[],"starred":false}]}"#;
        let file = env.file("jrnl.json", jrnl);
        let stderr = env.fails(&["import", "--from", "jrnl", file.to_str().unwrap()]);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("the year 12"), "{stderr}");
        assert_eq!(env.journal_lines(), before, "nothing written");
    }

    #[test]
    fn i12_13_an_entry_with_100000_tags_imports() {
        let env = TestEnv::new();
        let tags: Vec<String> = (0..100_000).map(|i| format!("t{i}")).collect();
        let doc = serde_json::json!({
            "format": "reflect-export", "version": 1, "exported": "2026-11-23T09:00:00+01:00",
            "filters": {},
            "entries": [{"id": "many", "date": "2026-11-20", "written": "2026-11-20T18:00:00+01:00",
                          "level": "school", "tags": tags, "text": "tagged"}],
        });
        let file = env.file("many.json", doc.to_string());
        env.ok(&["import", file.to_str().unwrap()]);
        let entry: Value = serde_json::from_str(&env.ok(&["list", "--format", "json"])).unwrap();
        assert_eq!(entry["tags"].as_array().unwrap().len(), 100_000);
    }

    mod readers_agree {
        //! Property (issue 12): any sequence of add, re-add, duplicate import, edit,
        //! delete, torn write and compact leaves `list`, `export` and every other reader
        //! agreeing on what the journal holds, and a model of the one rule for revisions.

        use std::collections::BTreeMap;
        use std::io::Write;

        use chrono::{DateTime, FixedOffset};
        use proptest::prelude::*;
        use reflect::entry::{Entry, EntryId, Level, Placement};
        use reflect::filter::Filter;
        use reflect::journal::Journal;

        #[derive(Debug, Clone)]
        enum Change {
            /// Add (or add again) the entry with id number `n`.
            Add(u8, String),
            /// Import the same entry twice in one go.
            AddTwice(u8, String),
            Edit(u8, String),
            Delete(u8),
            /// A record cut short by a crash (an edit or a delete).
            Torn(u8, bool),
            Compact,
        }

        fn change() -> impl Strategy<Value = Change> {
            let id = 0u8..6;
            let text = "[a-zé\"\\\\ \n]{0,12}";
            prop_oneof![
                3 => (id.clone(), text).prop_map(|(n, t)| Change::Add(n, t)),
                1 => (id.clone(), text).prop_map(|(n, t)| Change::AddTwice(n, t)),
                2 => (id.clone(), text).prop_map(|(n, t)| Change::Edit(n, t)),
                1 => id.clone().prop_map(Change::Delete),
                1 => (id, any::<bool>()).prop_map(|(n, delete)| Change::Torn(n, delete)),
                1 => Just(Change::Compact),
            ]
        }

        fn moment(step: usize) -> DateTime<FixedOffset> {
            DateTime::parse_from_rfc3339("2026-11-01T09:00:00+01:00").unwrap()
                + chrono::Duration::minutes(step as i64)
        }

        fn entry(n: u8, text: &str, step: usize) -> Entry {
            Entry {
                id: EntryId::parse(&format!("id{n}")).unwrap(),
                date: moment(step).date_naive() - chrono::Days::new(u64::from(n) * 3),
                written: moment(step),
                revised: None,
                level: Some(Placement::At(Level::ALL[usize::from(n) % 3])),
                depth: None,
                from: None,
                pack: None,
                pack_version: None,
                prompt: None,
                theme: None,
                tags: vec![format!("t{n}")],
                text: text.to_string(),
            }
        }

        /// `id → text` of a reader's entries, checking no id comes twice.
        fn texts(entries: impl IntoIterator<Item = Entry>) -> BTreeMap<String, String> {
            let mut map = BTreeMap::new();
            for entry in entries {
                assert!(
                    map.insert(entry.id.to_string(), entry.text).is_none(),
                    "an entry twice"
                );
            }
            map
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

            #[test]
            fn i12_readers_agree_list_and_export_after_any_changes(changes in proptest::collection::vec(change(), 0..24)) {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("journal.jsonl");
                let journal = Journal::new(&path);
                // The model: the latest readable record of each id decides.
                let mut model: BTreeMap<String, Option<String>> = BTreeMap::new();
                for (step, change) in changes.into_iter().enumerate() {
                    match change {
                        Change::Add(n, text) => {
                            journal.add(&entry(n, &text, step)).unwrap();
                            model.insert(format!("id{n}"), Some(text));
                        }
                        Change::AddTwice(n, text) => {
                            let e = entry(n, &text, step);
                            journal.add_all(&[e.clone(), e]).unwrap();
                            model.insert(format!("id{n}"), Some(text));
                        }
                        Change::Edit(n, text) => {
                            journal.revise(&entry(n, &text, step), moment(step)).unwrap();
                            model.insert(format!("id{n}"), Some(text));
                        }
                        Change::Delete(n) => {
                            journal.retract(&EntryId::parse(&format!("id{n}")).unwrap(), moment(step)).unwrap();
                            model.insert(format!("id{n}"), None);
                        }
                        Change::Torn(n, delete) => {
                            let mut line = if delete {
                                format!("{{\"v\":1,\"op\":\"delete\",\"id\":\"id{n}\",\"writ")
                            } else {
                                format!("{{\"v\":1,\"op\":\"edit\",\"id\":\"id{n}\",\"date\":\"2026-11-01\",\"written\":\"2026-11-01T09:00:00+01:00\",\"level\":\"school\",\"text\":\"to")
                            };
                            line.push('\n');
                            std::fs::OpenOptions::new().create(true).append(true).open(&path).unwrap().write_all(line.as_bytes()).unwrap();
                        }
                        Change::Compact => {
                            if journal.check().unwrap().damage.is_empty() {
                                journal.compact().unwrap();
                            } else {
                                prop_assert!(journal.compact().is_err(), "compact refuses damage");
                            }
                        }
                    }
                }
                let expected: BTreeMap<String, String> = model.into_iter().filter_map(|(id, text)| Some((id, text?))).collect();
                let list = texts(journal.newest_first().unwrap().map(Result::unwrap));
                prop_assert_eq!(&list, &expected, "list (newest first)");
                prop_assert_eq!(&texts(journal.oldest_first().unwrap().map(Result::unwrap)), &expected, "oldest first");
                prop_assert_eq!(&texts(journal.by_date().unwrap().map(Result::unwrap)), &expected, "by date");
                prop_assert_eq!(journal.newest_first().unwrap().without_text().count(), expected.len(), "progress");

                let mut out = Vec::new();
                reflect::export::json::write(&mut out, &journal, &Filter::default(), moment(0)).unwrap();
                let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
                let exported = texts(doc["entries"].as_array().unwrap().iter().map(|e| serde_json::from_value::<Entry>(e.clone()).unwrap()));
                prop_assert_eq!(&exported, &expected, "export");
                for (id, text) in &expected {
                    prop_assert_eq!(&journal.find(id).unwrap().text, text, "find");
                }
            }
        }
    }

    mod fast_paths {
        //! Property (issue 15): the fast paths (heads read without the text, parsing on
        //! every core in units, the raw-byte search) give what the full parser gives,
        //! line by line, with the one rule for revisions applied naively.

        use std::collections::BTreeMap;

        use proptest::prelude::*;
        use reflect::journal::record::{Op, Record};
        use reflect::journal::{Journal, Needle};

        /// One line of a random journal: records of ids `x0`..`x5` (adds, edits,
        /// deletes), with escapes, multi-byte text, unknown fields, format 2, damage.
        fn line() -> impl Strategy<Value = Vec<u8>> {
            let id = (0u8..6).prop_map(|n| format!("x{n}"));
            let text = prop_oneof![
                "[a-zñé😀 /\"\\\\\n\t]{0,40}",
                Just("valley and more".to_string()),
                Just("a \"quoted\" VALLEY".to_string()),
            ];
            let day = (1u32..=28).prop_map(|d| format!("2026-11-{d:02}"));
            prop_oneof![
                4 => (id.clone(), day.clone(), text.clone(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(id, day, text, edit, extra, foreign)| {
                    let op = if edit { "edit" } else { "add" };
                    let created = if edit { ",\"created\":\"2026-11-01T09:00:00+01:00\"" } else { "" };
                    let extra = if extra { ",\"stance\":2,\"source\":{\"a\":[1.5,true]}" } else { "" };
                    let mut text = serde_json::to_string(&text).unwrap();
                    if foreign {
                        // Escapes another writer may choose and serde_json does not write.
                        text = text.replace('/', "\\/").replace('é', "\\u00e9");
                    }
                    format!("{{\"v\":1,\"op\":\"{op}\",\"id\":\"{id}\",\"date\":\"{day}\",\"written\":\"2026-11-02T09:00:00+01:00\"{created},\"level\":\"network\",\"pack\":\"p\",\"theme\":\"t\",\"tags\":[\"a\",\"ñ\"]{extra},\"text\":{text}}}").into_bytes()
                }),
                1 => id.clone().prop_map(|id| format!("{{\"v\":1,\"op\":\"delete\",\"id\":\"{id}\",\"written\":\"2026-11-03T09:00:00+01:00\"}}").into_bytes()),
                // Another field order (no fast head), and a newer format.
                1 => (id.clone(), text.clone()).prop_map(|(id, text)| format!("{{\"text\":{},\"level\":\"school\",\"written\":\"2026-11-02T09:00:00Z\",\"date\":\"2026-11-05\",\"id\":\"{id}\",\"op\":\"add\",\"v\":1}}", serde_json::to_string(&text).unwrap()).into_bytes()),
                // Format 2 (unrated, idea, depth, transfer), and a format 3 to come.
                1 => (id.clone(), any::<bool>()).prop_map(|(id, idea)| {
                    let level = if idea { ",\"level\":\"idea\"" } else { "" };
                    format!("{{\"v\":2,\"op\":\"add\",\"id\":\"{id}\",\"date\":\"2026-11-05\",\"written\":\"2026-11-02T09:00:00Z\"{level},\"depth\":\"sharing\",\"from\":\"programme\",\"text\":\"v2 valley\"}}").into_bytes()
                }),
                1 => id.clone().prop_map(|id| format!("{{\"v\":3,\"op\":\"add\",\"id\":\"{id}\",\"date\":\"2026-11-05\",\"written\":\"2026-11-02T09:00:00Z\",\"depth\":1,\"text\":\"v3\"}}").into_bytes()),
                // Damage: cut short, a byte that is not UTF-8, a lone surrogate.
                1 => (id.clone(), 10usize..80).prop_map(|(id, cut)| {
                    let line = format!("{{\"v\":1,\"op\":\"edit\",\"id\":\"{id}\",\"date\":\"2026-11-09\",\"written\":\"2026-11-04T09:00:00+01:00\",\"level\":\"system\",\"text\":\"torn\"}}");
                    line.as_bytes()[..cut.min(line.len() - 1)].to_vec()
                }),
                1 => id.clone().prop_map(|id| { let mut l = format!("{{\"v\":1,\"op\":\"add\",\"id\":\"{id}\",\"date\":\"2026-11-06\",\"written\":\"2026-11-02T09:00:00Z\",\"level\":\"school\",\"text\":\"bad X\"}}").into_bytes(); let at = l.len() - 3; l[at] = 0xFF; l }),
                1 => id.prop_map(|id| format!("{{\"v\":1,\"op\":\"add\",\"id\":\"{id}\",\"date\":\"2026-11-07\",\"written\":\"2026-11-02T09:00:00Z\",\"level\":\"school\",\"text\":\"\\ud800 lone\"}}").into_bytes()),
            ]
        }

        type Shown = BTreeMap<String, (String, String)>;

        /// `id → ("date level", text)` by the rule, from the full parser line by line.
        fn reference(lines: &[Vec<u8>]) -> Shown {
            let mut latest: BTreeMap<String, Option<Record>> = BTreeMap::new();
            for line in lines {
                if let Ok(record) = Record::parse(line) {
                    let id = record.id.to_string();
                    latest.insert(id, (record.op != Op::Delete).then_some(record));
                }
            }
            latest
                .into_iter()
                .filter_map(|(id, record)| {
                    let entry = record?.into_entry()?;
                    Some((
                        id,
                        (
                            format!(
                                "{} {:?} {:?} {:?}",
                                entry.date, entry.level, entry.depth, entry.from
                            ),
                            entry.text,
                        ),
                    ))
                })
                .collect()
        }

        fn seen(entries: impl Iterator<Item = reflect::entry::Entry>) -> Shown {
            let mut map = BTreeMap::new();
            for entry in entries {
                let shown = (
                    format!(
                        "{} {:?} {:?} {:?}",
                        entry.date, entry.level, entry.depth, entry.from
                    ),
                    entry.text,
                );
                assert!(map.insert(entry.id.to_string(), shown).is_none(), "twice");
            }
            map
        }

        /// The lines with each add's id made its own (`a0`, `a1`, …), the edits and
        /// deletes after it renamed to match: no id is added twice.
        fn own_ids(lines: &[Vec<u8>]) -> Vec<Vec<u8>> {
            let mut current: BTreeMap<String, String> = BTreeMap::new();
            lines
                .iter()
                .enumerate()
                .map(|(i, line)| {
                    let text = String::from_utf8_lossy(line);
                    let Some(id) = (0..6)
                        .map(|n| format!("\"id\":\"x{n}\""))
                        .find(|id| text.contains(id.as_str()))
                    else {
                        return line.clone();
                    };
                    let is_add = text.contains("\"op\":\"add\"");
                    if is_add {
                        current.insert(id.clone(), format!("\"id\":\"a{i}\""));
                    }
                    match current.get(&id) {
                        // Bytes that are not UTF-8 stay as they were: only the id moves.
                        Some(new) => {
                            let at = text.find(id.as_str()).unwrap();
                            let mut out = line[..at].to_vec();
                            out.extend_from_slice(new.as_bytes());
                            out.extend_from_slice(&line[at + id.len()..]);
                            out
                        }
                        None => line.clone(),
                    }
                })
                .collect()
        }

        /// Each group [`reflect::journal::Reading::grouped`] makes, read back by
        /// position, is the entries by date of that group; the lines set aside as
        /// refused show nothing. `sure`: the journal has no id added twice, so the
        /// pass must take it.
        fn grouped_as_by_date(journal: &Journal, sure: bool) -> Result<(), TestCaseError> {
            let group = |facts: &reflect::entry::Facts| {
                let key = format!(
                    "{:?} {:?} {:?} {}",
                    facts.date,
                    facts.level,
                    facts.depth,
                    facts.tags.iter().count()
                );
                key.len() as u32 % 3
            };
            let whole = |entry: &reflect::entry::EntryRef| -> String {
                format!(
                    "{} {} {:?} {:?}",
                    entry.id, entry.facts.date, entry.facts.level, entry.text
                )
            };
            let reading = journal.reading().unwrap();
            let Some(mut grouped) = reading.grouped(std::sync::Arc::new(group)).unwrap() else {
                prop_assert!(
                    !sure,
                    "a journal without ids added twice is grouped in one pass"
                );
                return Ok(());
            };
            let mut groups = std::mem::take(&mut grouped.groups);
            let refused = groups
                .remove(&reflect::journal::UNGROUPED)
                .unwrap_or_default();
            let numbers: Vec<u32> = groups.keys().copied().collect();
            let mut lists: Vec<_> = numbers.iter().map(|n| groups.remove(n).unwrap()).collect();
            lists.push(refused);
            let back: Vec<String> = reading
                .at_grouped(lists, grouped)
                .map(|entry| whole(&entry.unwrap().borrowed()))
                .collect();
            let by_date: Vec<reflect::entry::Entry> =
                reading.by_date().unwrap().map(Result::unwrap).collect();
            let wanted: Vec<String> = numbers
                .iter()
                .flat_map(|&n| by_date.iter().filter(move |e| group(&e.facts()) == n))
                .map(|entry| whole(&entry.borrowed()))
                .collect();
            prop_assert_eq!(back, wanted, "grouped");
            Ok(())
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

            #[test]
            fn i15_fast_paths_agree_with_the_full_parser(lines in proptest::collection::vec(line(), 0..120), pad in 0usize..3000) {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("journal.jsonl");
                let mut bytes = Vec::new();
                for (i, line) in lines.iter().enumerate() {
                    bytes.extend_from_slice(line);
                    bytes.push(b'\n');
                    if i == 0 {
                        // Long lines move unit boundaries around.
                        bytes.extend_from_slice(format!("{}\n", "x".repeat(pad)).as_bytes());
                    }
                }
                std::fs::write(&path, &bytes).unwrap();
                let mut all = lines.clone();
                all.insert(1.min(all.len()), "x".repeat(pad).into_bytes());
                let expected = reference(&all);
                let without_text: Shown = expected
                    .iter()
                    .map(|(id, (head, _))| (id.clone(), (head.clone(), String::new())))
                    .collect();
                let journal = Journal::new(&path);
                let read = |entries: reflect::journal::Entries| entries.map(Result::unwrap);
                prop_assert_eq!(&seen(read(journal.newest_first().unwrap())), &expected, "newest first");
                prop_assert_eq!(&seen(read(journal.oldest_first().unwrap())), &expected, "oldest first");
                prop_assert_eq!(&seen(read(journal.by_date().unwrap())), &expected, "by date");
                let mut by_date: Vec<_> = read(journal.by_date().unwrap()).collect();
                by_date.reverse();
                let newest_days: Vec<_> = read(journal.newest_days_first().unwrap()).collect();
                prop_assert_eq!(newest_days, by_date, "newest days first is by date reversed");
                prop_assert_eq!(&seen(read(journal.oldest_first().unwrap().without_text())), &without_text, "without text");
                prop_assert_eq!(&seen(read(journal.newest_first().unwrap().without_text())), &without_text, "newest, without text");
                let searched: Shown = expected
                    .iter()
                    .filter(|(_, (_, text))| text.to_lowercase().contains("valley"))
                    .map(|(id, shown)| (id.clone(), shown.clone()))
                    .collect();
                for entries in [journal.newest_first().unwrap(), journal.oldest_first().unwrap(), journal.by_date().unwrap()] {
                    let found: Shown = seen(read(entries.prefilter(Needle::new("valley", true))))
                        .into_iter()
                        .filter(|(_, (_, text))| text.to_lowercase().contains("valley"))
                        .collect();
                    prop_assert_eq!(&found, &searched, "search");
                }
                // The search decided while the date index is made (`list --contains`).
                for folded in [true, false] {
                    let keeps = |text: &str| if folded { text.to_lowercase().contains("valley") } else { text.contains("valley") };
                    let in_order = |entries: reflect::journal::Entries| -> Vec<String> {
                        read(entries).filter(|e| keeps(&e.text)).map(|e| e.id.to_string()).collect()
                    };
                    let searching = || journal.newest_days_first_searching(Needle::new("valley", folded)).unwrap();
                    prop_assert_eq!(in_order(searching()), in_order(journal.newest_days_first().unwrap()), "search order");
                    let found: Shown = seen(read(searching())).into_iter().filter(|(_, (_, text))| keeps(text)).collect();
                    let wanted: Shown = expected
                        .iter()
                        .filter(|(_, (_, text))| keeps(text))
                        .map(|(id, shown)| (id.clone(), shown.clone()))
                        .collect();
                    prop_assert_eq!(found, wanted, "search in the date index");
                }
                // Readers that only count see each entry's facts, read in place where
                // the line allows: the same facts, in the same order, as the entries'.
                let described = |facts: &reflect::entry::Facts| {
                    let tags: Vec<&str> = facts.tags.iter().collect();
                    format!("{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {tags:?}", facts.date, facts.written, facts.revised, facts.level, facts.depth, facts.from, facts.pack, facts.pack_version, facts.prompt, facts.theme)
                };
                let folded = |entries: reflect::journal::Entries| -> Vec<String> {
                    entries
                        .fold_facts(Vec::new, move |run: &mut Vec<String>, facts| run.push(described(facts)))
                        .flat_map(Result::unwrap)
                        .collect()
                };
                let one_by_one = |entries: reflect::journal::Entries| -> Vec<String> {
                    read(entries).map(|entry| described(&entry.facts())).collect()
                };
                prop_assert_eq!(folded(journal.oldest_first().unwrap()), one_by_one(journal.oldest_first().unwrap()), "facts, oldest first");
                prop_assert_eq!(folded(journal.by_date().unwrap()), one_by_one(journal.by_date().unwrap()), "facts, by date");
                let mapped: Vec<String> = journal.by_date().unwrap().filter_map_facts(move |facts| Some(described(facts))).map(Result::unwrap).collect();
                prop_assert_eq!(mapped, one_by_one(journal.by_date().unwrap()), "facts mapped, by date");
                // Readers that write entries out see them borrowed whole, the same and
                // in the same order; asked for JSON, a text held as serde_json writes
                // it comes as that JSON.
                let whole = move |entry: &reflect::entry::EntryRef| -> String {
                    let text = match entry.json {
                        Some(json) => {
                            let quoted = format!("\"{json}\"");
                            let text: String = serde_json::from_str(&quoted).unwrap();
                            assert_eq!(serde_json::to_string(&text).unwrap(), quoted, "as serde_json writes it");
                            text
                        }
                        None => entry.text.to_string(),
                    };
                    format!("{} {} {text:?}", entry.id, described(&entry.facts))
                };
                let borrowed = |entries: reflect::journal::Entries| -> Vec<String> {
                    entries
                        .fold_borrowed(Vec::new, move |run: &mut Vec<String>, entry| run.push(whole(entry)))
                        .flat_map(Result::unwrap)
                        .collect()
                };
                let owned: Vec<String> = read(journal.by_date().unwrap()).map(|entry| whole(&entry.borrowed())).collect();
                prop_assert_eq!(&borrowed(journal.by_date().unwrap()), &owned, "borrowed, by date");
                prop_assert_eq!(&borrowed(journal.by_date().unwrap().as_json()), &owned, "as JSON, by date");
                let reading = journal.reading().unwrap();
                let mut located = reading.by_date().unwrap();
                let mut spans = Vec::new();
                while let Some((span, _)) = located.next_spanned().unwrap() {
                    spans.push(span);
                }
                prop_assert_eq!(&seen(read(reading.at(vec![spans.into()]))), &expected, "by position");
                // Grouped in the pass that orders by date (`export --group-by`), here
                // and (that pass reads no journal with an id added twice) with every
                // add given an id of its own.
                grouped_as_by_date(&journal, false)?;
                let renamed = dir.path().join("renamed.jsonl");
                let mut bytes = Vec::new();
                for line in own_ids(&all) {
                    bytes.extend_from_slice(&line);
                    bytes.push(b'\n');
                }
                std::fs::write(&renamed, bytes).unwrap();
                grouped_as_by_date(&Journal::new(&renamed), true)?;
            }
        }
    }
}
