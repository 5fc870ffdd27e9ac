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
