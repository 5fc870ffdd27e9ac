//! Writing, reading and changing entries; the journal file itself.

use std::fs;
use std::thread;
use std::time::Duration;

use serde_json::Value;

use crate::util::{Record, TestEnv};

fn plain_list(env: &TestEnv, args: &[&str]) -> Vec<Vec<String>> {
    let mut full = vec!["list", "--format", "plain"];
    full.extend_from_slice(args);
    env.ok(&full)
        .lines()
        .map(|line| line.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn written_entries_list_newest_first_and_show_in_full() {
    let env = TestEnv::new();
    let first = env.write(
        "Met the cluster heads about shared purpose",
        &[
            "--level",
            "network",
            "--tag",
            "Cohort",
            "--date",
            "2026-11-20",
        ],
    );
    let second = env.write("Walked the corridors with my deputy", &[]);
    assert_eq!(first.len(), 10);
    assert_ne!(first, second);

    let rows = plain_list(&env, &[]);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][0], second);
    assert_eq!(rows[0][1], "2026-11-23", "the default day is today");
    assert_eq!(rows[0][2], "-", "no level is guessed: the entry is unrated");
    assert_eq!(rows[1][0], first);
    assert_eq!(rows[1][2], "network");

    let shown = env.ok(&["show", &first[..4]]);
    assert!(shown.contains("Met the cluster heads about shared purpose"));
    assert!(shown.contains("Friday 20 November 2026"));
    assert!(shown.contains("Tags:    cohort"));
}

#[test]
fn records_are_json_lines_with_a_format_version() {
    let env = TestEnv::new();
    let id = env.write(
        "Line one\nline \"two\"",
        &["--level", "system", "--tag", "a", "--tag", "b"],
    );
    let lines = env.journal_lines();
    assert_eq!(lines.len(), 1);
    let record: Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(record["v"], 1);
    assert_eq!(record["op"], "add");
    assert_eq!(record["id"], id.as_str());
    assert_eq!(record["date"], "2026-11-23");
    assert_eq!(record["written"], "2026-11-23T09:00:00+01:00");
    assert_eq!(record["level"], "system");
    assert_eq!(record["tags"], serde_json::json!(["a", "b"]));
    assert_eq!(record["text"], "Line one\nline \"two\"");
}

#[test]
fn an_ambiguous_prefix_names_the_candidates() {
    let env = TestEnv::new();
    env.append_records(&[
        Record::add("abc111", "2026-11-01", "one"),
        Record::add("abc222", "2026-11-02", "two"),
    ]);
    let err = env.fails(&["show", "abc"]);
    assert!(
        err.contains("'abc' names several entries: abc111, abc222"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
    assert!(env.ok(&["show", "ABC2"]).contains("two"));
    let err = env.fails(&["show", "zzz"]);
    assert!(err.contains("no entry matches 'zzz'"), "{err}");
}

#[test]
fn edit_appends_a_revision_and_readers_show_it() {
    let env = TestEnv::new();
    let id = env.write("First draft of my thinking", &["--date", "2026-11-20"]);
    env.ok(&["edit", &id, "-m", "Second thoughts", "--level", "network"]);

    let rows = plain_list(&env, &[]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][0], id);
    assert_eq!(rows[0][2], "network");
    assert_eq!(rows[0][4], "Second thoughts");
    let shown = env.ok(&["show", &id]);
    assert!(shown.contains("revised"));
    assert!(shown.contains("Written: 2026-11-23 09:00 +01:00"));

    // Nothing earlier is rewritten: the original is still in the file.
    let lines = env.journal_lines();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].contains("First draft of my thinking"));
    assert!(lines[1].contains("\"op\":\"edit\""));
}

#[test]
fn edit_keeps_an_entrys_place_in_the_list() {
    let env = TestEnv::new();
    let old = env.write("older", &[]);
    let new = env.write("newer", &[]);
    env.ok(&["edit", &old, "-m", "older, revised"]);
    let ids: Vec<String> = plain_list(&env, &[])
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(ids, [new, old]);
}

#[test]
fn delete_hides_an_entry_until_compact_removes_it() {
    let env = TestEnv::new();
    let keep = env.write("keep me", &[]);
    let gone = env.write("a regrettable sentence", &[]);
    env.ok(&["delete", &gone]);

    let rows = plain_list(&env, &[]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][0], keep);
    assert!(env.fails(&["show", &gone]).contains("no entry matches"));
    assert!(fs::read_to_string(env.journal_path())
        .unwrap()
        .contains("a regrettable sentence"));

    let out = env.ok(&["compact"]);
    assert!(out.contains("3 record(s) compacted to 1 entry"), "{out}");
    let text = fs::read_to_string(env.journal_path()).unwrap();
    assert!(!text.contains("a regrettable sentence"));
    assert_eq!(plain_list(&env, &[])[0][0], keep);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(env.journal_path())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "compact keeps the journal private");
    }
}

#[test]
fn compact_keeps_the_latest_revision() {
    let env = TestEnv::new();
    let id = env.write("v1", &["--level", "school"]);
    env.ok(&["edit", &id, "-m", "v2", "--level", "system"]);
    env.ok(&["compact"]);
    let lines = env.journal_lines();
    assert_eq!(lines.len(), 1);
    let record: Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(record["text"], "v2");
    assert_eq!(record["level"], "system");
    assert_eq!(record["id"], id.as_str());
}

#[test]
fn parallel_writers_never_lose_or_interleave_entries() {
    let env = TestEnv::new();
    thread::scope(|scope| {
        for writer in 0..8 {
            let env = &env;
            scope.spawn(move || {
                for n in 0..50 {
                    env.write(
                        &format!("writer {writer} entry {n}"),
                        &["--tag", &format!("w{writer}")],
                    );
                }
            });
        }
    });
    let lines = env.journal_lines();
    assert_eq!(lines.len(), 400);
    for line in &lines {
        serde_json::from_str::<Value>(line).expect("every line is a whole record");
    }
    let rows = plain_list(&env, &[]);
    assert_eq!(rows.len(), 400);
    for writer in 0..8 {
        for n in 0..50 {
            let text = format!("writer {writer} entry {n}");
            assert_eq!(rows.iter().filter(|r| r[4] == text).count(), 1, "{text}");
        }
    }
    assert!(env.ok(&["check"]).contains("ok (400 records)"));
}

#[test]
fn damaged_lines_are_reported_skipped_and_repaired() {
    let env = TestEnv::new();
    env.append_records(&[Record::add("good01", "2026-11-01", "first good")]);
    env.append_raw("this is not json\n");
    env.append_records(&[Record::add("good02", "2026-11-02", "second good")]);
    // A write cut short.
    env.append_raw(Record::add("torn01", "2026-11-03", "torn").cut_after("\"da"));

    let (listed, stderr) = env.ok_with_messages(&["list", "--format", "plain"]);
    assert!(
        stderr.contains("journal.jsonl:2: skipped a damaged line"),
        "{stderr}"
    );
    assert!(
        stderr.contains("journal.jsonl:4: skipped a damaged line"),
        "{stderr}"
    );
    assert_eq!(listed.lines().count(), 2);

    let output = env.cmd().arg("check").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        report.contains("journal.jsonl:2: not valid JSON"),
        "{report}"
    );
    assert!(
        report.contains("journal.jsonl:4: the line ends early"),
        "{report}"
    );

    // The next write does not glue itself to the torn line.
    let id = env.write("written after the damage", &[]);
    assert_eq!(plain_list(&env, &[])[0][0], id);

    let out = env.ok(&["check", "--repair"]);
    assert!(out.contains("moved 2 damaged line(s)"), "{out}");
    assert!(out.contains("kept 3 good record(s)"), "{out}");
    let side = fs::read_to_string(env.root().join("data/journal.jsonl.damaged")).unwrap();
    assert!(side.contains("this is not json"));
    assert!(side.contains("torn01"));
    assert!(env.ok(&["check"]).contains("ok (3 records)"));
    assert_eq!(plain_list(&env, &[]).len(), 3);
}

#[test]
fn compact_refuses_to_drop_damaged_lines() {
    let env = TestEnv::new();
    env.append_records(&[Record::add("good01", "2026-11-01", "first good")]);
    env.append_raw("garbage\n");
    let err = env.fails(&["compact"]);
    assert!(err.contains("check --repair"), "{err}");
    assert!(fs::read_to_string(env.journal_path())
        .unwrap()
        .contains("garbage"));
}

#[test]
fn a_failing_editor_keeps_the_draft() {
    let env = TestEnv::new();
    let output = env
        .cmd()
        .env("EDITOR", "false")
        .args(["write", "--edit", "--level", "network"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("your draft is kept at"), "{stderr}");
    let drafts: Vec<_> = fs::read_dir(env.root().join("data/drafts"))
        .unwrap()
        .collect();
    assert_eq!(drafts.len(), 1);
    assert!(!env.journal_path().exists(), "nothing is written");
}

#[cfg(unix)]
#[test]
fn text_from_the_editor_is_saved_without_the_template() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    let editor = env.file(
        "fake-editor.sh",
        "#!/bin/sh\nprintf 'Written in the editor\\n# a heading of mine\\n' >> \"$1\"\n",
    );
    fs::set_permissions(&editor, fs::Permissions::from_mode(0o755)).unwrap();
    let output = env
        .cmd()
        .env("VISUAL", &editor)
        .args(["write", "--edit"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let id = String::from_utf8(output.stdout).unwrap().trim().to_string();
    let shown = env.ok(&["show", &id]);
    assert!(
        shown.ends_with("Written in the editor\n# a heading of mine\n"),
        "{shown}"
    );
    let leftover = fs::read_dir(env.root().join("data/drafts"))
        .unwrap()
        .count();
    assert_eq!(leftover, 0, "the draft is removed once saved");
}

#[test]
fn empty_text_writes_nothing() {
    let env = TestEnv::new();
    let output = env.cmd().args(["write", "-m", "  \n\t "]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("the entry is empty"));
    assert!(!env.journal_path().exists());
}

#[test]
fn without_a_terminal_or_text_write_fails_at_once() {
    let env = TestEnv::new();
    let output = env
        .cmd()
        .arg("write")
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(!env.journal_path().exists());
}

#[test]
fn text_on_stdin_is_an_entry() {
    let env = TestEnv::new();
    let output = env
        .cmd()
        .args(["write", "--level", "network"])
        .write_stdin("From a pipe\r\nsecond line\r\n")
        .output()
        .unwrap();
    assert!(output.status.success());
    let id = String::from_utf8(output.stdout).unwrap().trim().to_string();
    assert!(env
        .ok(&["show", &id])
        .ends_with("From a pipe\nsecond line\n"));
}

#[cfg(unix)]
#[test]
fn the_journal_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.write("private words", &[]);
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&env.journal_path()), 0o600);
    assert_eq!(mode(env.journal_path().parent().unwrap()), 0o700);
}

#[test]
fn journal_location_follows_flag_then_env_then_config_then_default() {
    let env = TestEnv::new();
    let config_line = |cmd: &mut assert_cmd::Command| {
        let out = cmd.arg("config").output().unwrap();
        let out = String::from_utf8(out.stdout).unwrap();
        out.lines().next().unwrap().to_string()
    };

    let default = config_line(env.cmd().env_remove("REFLECT_JOURNAL"));
    assert!(
        default.contains("home/.local/share/reflect/journal.jsonl"),
        "{default}"
    );
    assert!(default.ends_with("(default)"), "{default}");

    env.file("config/config.toml", "journal = \"from-config.jsonl\"\n");
    let from_config = config_line(env.cmd().env_remove("REFLECT_JOURNAL"));
    assert!(
        from_config.contains("config/from-config.jsonl"),
        "{from_config}"
    );
    assert!(from_config.ends_with("(config file)"), "{from_config}");

    let from_env = config_line(&mut env.cmd());
    assert!(from_env.contains("data/journal.jsonl"), "{from_env}");
    assert!(
        from_env.ends_with("(environment (REFLECT_JOURNAL))"),
        "{from_env}"
    );

    let from_flag = config_line(env.cmd().args(["--journal", "flag.jsonl"]));
    assert!(
        from_flag.contains("flag.jsonl  (command line)"),
        "{from_flag}"
    );

    // And the config file's journal is really used.
    env.cmd()
        .env_remove("REFLECT_JOURNAL")
        .args(["write", "-m", "via config"])
        .assert()
        .success();
    assert!(
        fs::read_to_string(env.root().join("config/from-config.jsonl"))
            .unwrap()
            .contains("via config")
    );
}

#[test]
fn a_broken_config_file_is_one_clear_line() {
    let env = TestEnv::new();
    env.file("config/config.toml", "journal = \"x\"\ncolour = true\n");
    let err = env.fails(&["list"]);
    assert!(err.starts_with("reflect: "), "{err}");
    assert!(err.contains("config.toml:2:1:"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn dates_can_be_written_as_phrases() {
    let env = TestEnv::new();
    env.write("a", &["--date", "yesterday"]);
    env.write("b", &["--date", "3 days ago"]);
    env.write("c", &["--date", "2026-10-01"]);
    let dates: Vec<String> = plain_list(&env, &["--sort", "written"])
        .into_iter()
        .map(|r| r[1].clone())
        .collect();
    assert_eq!(dates, ["2026-10-01", "2026-11-20", "2026-11-22"]);
    let err = env.usage_error(&["write", "-m", "x", "--date", "the day after never"]);
    assert!(
        err.contains("cannot read the date \"the day after never\""),
        "{err}"
    );
}

#[test]
fn list_filters_combine() {
    let env = TestEnv::new();
    env.write(
        "school thing about Timetables",
        &["--date", "2026-09-10", "--tag", "ops"],
    );
    env.write(
        "network visit",
        &[
            "--date",
            "2026-11-02",
            "--level",
            "network",
            "--tag",
            "visits",
        ],
    );
    env.write(
        "district meeting",
        &[
            "--date",
            "2026-11-21",
            "--level",
            "system",
            "--tag",
            "visits",
        ],
    );

    let texts = |args: &[&str]| -> Vec<String> {
        plain_list(&env, args)
            .into_iter()
            .map(|r| r[4].clone())
            .collect()
    };
    assert_eq!(
        texts(&["--since", "last month"]),
        ["district meeting", "network visit"]
    );
    assert_eq!(
        texts(&["--until", "2026-11-02"]),
        ["network visit", "school thing about Timetables"]
    );
    assert_eq!(
        texts(&["--level", "network", "--level", "system"]),
        ["district meeting", "network visit"]
    );
    assert_eq!(
        texts(&["--tag", "visits", "--level", "system"]),
        ["district meeting"]
    );
    assert_eq!(
        texts(&["--contains", "TIMETABLES"]),
        ["school thing about Timetables"]
    );
    assert_eq!(texts(&["-n", "1"]), ["district meeting"]);
    assert!(env
        .usage_error(&["list", "--level", "galaxy"])
        .contains("unknown level 'galaxy'"));
}

#[test]
fn list_json_lines_carry_every_field() {
    let env = TestEnv::new();
    let id = env.write("json me", &["--tag", "x"]);
    let out = env.ok(&["list", "--format", "json"]);
    let entry: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(entry["id"], id.as_str());
    assert_eq!(entry["text"], "json me");
    assert_eq!(entry["tags"], serde_json::json!(["x"]));
}

#[test]
fn an_empty_journal_lists_nothing_and_says_so() {
    let env = TestEnv::new();
    let output = env.cmd().arg("list").output().unwrap();
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("No entries yet"));
}
