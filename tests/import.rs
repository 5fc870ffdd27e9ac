//! Integration tests: `reflect import` — jrnl's JSON export, our own, and bad files.
//! (The round trip of our own export is in `export.rs`.)

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::util::TestEnv;

fn jrnl_fixture(env: &TestEnv) -> String {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jrnl/export.json");
    let path = env.file("jrnl.json", fs::read(fixture).unwrap());
    path.to_str().unwrap().to_string()
}

/// The journal's entries, through our own JSON export.
fn entries(env: &TestEnv) -> Vec<Value> {
    let doc: Value = serde_json::from_str(&env.ok(&["export", "--format", "json"])).unwrap();
    doc["entries"].as_array().unwrap().clone()
}

/// Runs `reflect import ARGS`, expects success, returns stderr.
fn import(env: &TestEnv, args: &[&str]) -> String {
    let output = env.cmd().arg("import").args(args).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{stderr}");
    assert!(output.stdout.is_empty(), "messages go to stderr");
    stderr
}

#[test]
fn a_jrnl_export_becomes_free_entries_with_dates_tags_and_text() {
    let env = TestEnv::new();
    let file = jrnl_fixture(&env);
    let stderr = import(&env, &["--from", "jrnl", &file]);
    assert_eq!(
        stderr,
        "imported 3 entries, skipped 0 already in the journal\n"
    );

    let entries = entries(&env);
    assert_eq!(entries.len(), 3);
    let [visit, short, district] = [&entries[0], &entries[1], &entries[2]];

    assert_eq!(visit["date"], "2024-03-05");
    // jrnl keeps no UTC offset: the local one ("now" is +01:00 in the tests) is used.
    assert_eq!(visit["written"], "2024-03-05T17:45:00+01:00");
    assert_eq!(visit.get("level"), None, "jrnl entries come in unrated");
    assert_eq!(visit["tags"], serde_json::json!(["network", "trust"]));
    assert_eq!(
        visit["text"],
        "Visited the school in Ñuñoa today.\n\nWe compared how each school runs its data meetings.\nThe heads want to meet monthly. @network @trust\n\nNext step: agree a shared agenda."
    );
    for field in ["pack", "prompt", "theme", "revised"] {
        assert!(visit.get(field).is_none(), "a free entry has no {field}");
    }

    assert_eq!(short["text"], "Short one.", "no blank line without a body");
    assert_eq!(short["tags"], serde_json::json!(["starred"]));
    assert_eq!(short["written"], "2024-03-07T08:10:00+01:00");

    assert_eq!(district["date"], "2024-04-01");
    assert_eq!(district["tags"], serde_json::json!(["network", "café"]));
    assert_eq!(
        district["text"],
        "District meeting — notes\n\nThree schools presented:\n\n- literacy\n- attendance\n\n@network @café 💡"
    );

    // The imported entries answer to the filters like any other.
    let tagged = env.ok(&["export", "--format", "json", "--tag", "café"]);
    assert_eq!(
        serde_json::from_str::<Value>(&tagged).unwrap()["entries"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn importing_the_same_jrnl_export_twice_adds_nothing() {
    let env = TestEnv::new();
    let file = jrnl_fixture(&env);
    import(&env, &["--from", "jrnl", &file]);
    let lines = env.journal_lines();

    let stderr = import(&env, &["--from", "jrnl", &file]);
    assert_eq!(
        stderr,
        "imported 0 entries, skipped 3 already in the journal\n"
    );
    assert_eq!(env.journal_lines(), lines);

    // The ids come from the content, so they are the same in another journal.
    let other = TestEnv::new();
    import(&other, &["--from", "jrnl", &jrnl_fixture(&other)]);
    let ids = |env: &TestEnv| {
        entries(env)
            .iter()
            .map(|e| e["id"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&env), ids(&other));
}

#[test]
fn a_jrnl_export_can_come_from_stdin() {
    let env = TestEnv::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jrnl/export.json");
    let output = env
        .cmd()
        .args(["import", "--from", "jrnl", "-"])
        .write_stdin(fs::read(fixture).unwrap())
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "imported 3 entries, skipped 0 already in the journal\n"
    );
}

#[test]
fn a_tag_reflect_cannot_store_is_dropped_with_a_warning() {
    let env = TestEnv::new();
    let file = env.file(
        "odd.json",
        r#"{"tags": {}, "entries": [{"title": "Odd tags.", "body": "", "date": "2024-01-02", "time": "10:00", "tags": ["@ok", "@a,b"], "starred": false}]}"#,
    );
    let stderr = import(&env, &["--from", "jrnl", file.to_str().unwrap()]);
    let mut lines = stderr.lines();
    let warning = lines.next().unwrap();
    assert!(
        warning.starts_with("reflect: warning: ")
            && warning.contains("odd.json: entries[0]: dropped the tag \"@a,b\""),
        "{stderr}"
    );
    assert_eq!(
        lines.next(),
        Some("imported 1 entry, skipped 0 already in the journal")
    );
    assert_eq!(entries(&env)[0]["tags"], serde_json::json!(["ok"]));
}

#[test]
fn malformed_files_give_one_line_errors_naming_the_file() {
    let env = TestEnv::new();
    let cases: [(&str, &str, &str, &str); 7] = [
        ("syntax.json", "reflect", "{\n  \"format\": \"reflect-export\",\n  \"version\": 1\n  \"entries\": []\n}", "syntax.json:4:3: not valid JSON: expected `,` or `}`"),
        ("cut.json", "jrnl", "{\"entries\": [", "cut.json:1:13: not valid JSON: EOF while parsing"),
        ("jrnl.json", "reflect", r#"{"tags": {}, "entries": [{"title": "t", "body": "", "date": "2024-01-01", "time": "09:00", "tags": [], "starred": false}]}"#, "jrnl.json: not a reflect export: no \"format\": \"reflect-export\" (it looks like jrnl's export: use --from jrnl)"),
        ("ours.json", "jrnl", r#"{"format": "reflect-export", "version": 1, "entries": []}"#, "ours.json: this is a reflect export, not jrnl's: use --from reflect"),
        ("newer.json", "reflect", r#"{"format": "reflect-export", "version": 7, "entries": []}"#, "newer.json: export format version 7 was written by a newer reflect"),
        ("date.json", "jrnl", r#"{"entries": [{"title": "a", "date": "2024-01-01"}, {"title": "b", "date": "yesterday"}]}"#, "date.json: entries[1]: \"date\" must be YYYY-MM-DD, not \"yesterday\""),
        ("notitle.json", "jrnl", r#"{"entries": [{"body": "b", "date": "2024-01-01"}]}"#, "notitle.json: entries[0]: \"title\" is missing"),
    ];
    for (name, from, contents, expected) in cases {
        let path = env.file(name, contents);
        let stderr = env.fails(&["import", "--from", from, path.to_str().unwrap()]);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        let path = path.display().to_string();
        assert!(stderr.starts_with(&format!("reflect: {path}")), "{stderr}");
        assert!(
            stderr.contains(expected),
            "expected {expected:?} in {stderr}"
        );
    }
    let missing = env.fails(&["import", "no-such-file.json"]);
    assert!(
        missing.starts_with("reflect: cannot read no-such-file.json: "),
        "{missing}"
    );
    assert!(!env.journal_path().exists(), "nothing was written");
}

#[test]
fn one_bad_entry_stops_the_whole_import() {
    let env = TestEnv::new();
    let good = r#"{"id": "aaaa000001", "date": "2026-11-20", "written": "2026-11-20T18:00:00+01:00", "level": "network", "tags": [], "text": "Good."}"#;
    let bad = r#"{"id": "aaaa000002", "date": "2026-11-21", "written": "2026-11-21T18:00:00+01:00", "level": "galaxy", "tags": [], "text": "Bad level."}"#;
    let file = env.file(
        "export.json",
        format!(r#"{{"format": "reflect-export", "version": 1, "exported": "2026-11-23T09:00:00+01:00", "filters": {{}}, "entries": [{good}, {bad}]}}"#),
    );
    let stderr = env.fails(&["import", file.to_str().unwrap()]);
    assert!(
        stderr.contains(
            "export.json: entries[1]: \"level\" must be school, network, system or idea, not \"galaxy\""
        ),
        "{stderr}"
    );
    assert!(
        env.journal_lines().is_empty(),
        "not even the good entry was written"
    );

    let empty_text = good.replace("Good.", "  ");
    let file = env.file(
        "empty.json",
        format!(r#"{{"format": "reflect-export", "version": 1, "entries": [{empty_text}]}}"#),
    );
    let stderr = env.fails(&["import", file.to_str().unwrap()]);
    assert!(
        stderr.contains("empty.json: entries[0]: \"text\" is empty"),
        "{stderr}"
    );
}

#[test]
fn a_jrnl_export_is_recognised_without_from() {
    let env = TestEnv::new();
    let file = jrnl_fixture(&env);
    let stderr = import(&env, &[&file]);
    assert_eq!(
        stderr,
        format!(
            "{file}: a jrnl export (jrnl --export json)\nimported 3 entries, skipped 0 already in the journal\n"
        )
    );
    assert_eq!(entries(&env).len(), 3);
    let again = import(&env, &[&file]);
    assert!(
        again.ends_with("imported 0 entries, skipped 3 already in the journal\n"),
        "{again}"
    );
    assert_eq!(entries(&env).len(), 3);

    // jrnl's export of an empty journal is recognised too.
    let empty = env.file("empty.json", r#"{"tags": {}, "entries": []}"#);
    let stderr = import(&env, &[empty.to_str().unwrap()]);
    assert!(stderr.contains("a jrnl export"), "{stderr}");
    assert!(stderr.ends_with("imported 0 entries, skipped 0 already in the journal\n"));
}

#[test]
fn our_own_export_is_recognised_and_counted() {
    let source = TestEnv::new();
    source.write("One.", &[]);
    source.write("Two.", &["--date", "yesterday"]);
    let export = source.ok(&["export", "--format", "json"]);
    let env = TestEnv::new();
    env.write("Already here.", &[]);
    let file = env.file("ours.json", &export);
    let file = file.to_str().unwrap();
    let stderr = import(&env, &[file]);
    assert_eq!(
        stderr, "imported 2 entries, skipped 0 already in the journal\n",
        "our own format goes unsaid"
    );
    let stderr = import(&env, &[file]);
    assert!(
        stderr.ends_with("imported 0 entries, skipped 2 already in the journal\n"),
        "{stderr}"
    );
    assert_eq!(entries(&env).len(), 3);

    let stderr = env
        .cmd()
        .args(["--lang", "es", "import", file])
        .output()
        .unwrap()
        .stderr;
    assert!(String::from_utf8(stderr)
        .unwrap()
        .ends_with("se importaron 0 entradas, se omitieron 2 que ya estaban en el diario\n"));
}

#[test]
fn a_document_of_neither_shape_is_refused_naming_both() {
    let env = TestEnv::new();
    let file = env.file("other.json", r#"{"notes": []}"#);
    let err = env.fails(&["import", file.to_str().unwrap()]);
    assert_eq!(
        err,
        format!(
            "reflect: {}: neither a reflect export (no \"format\": \"reflect-export\") nor a jrnl export (no \"entries\" with a \"title\"); reflect reads `reflect export --format json` and `jrnl --export json`\n",
            file.display()
        )
    );
    assert!(env.journal_lines().is_empty());
}

#[test]
fn an_export_of_version_1_still_imports_and_a_newer_one_is_refused() {
    let env = TestEnv::new();
    let entry = r#"{"id":"old0000001","date":"2025-05-02","written":"2025-05-02T18:00:00-04:00","level":"network","tags":[],"text":"Written by an older reflect."}"#;
    let v1 = format!(
        r#"{{"format":"reflect-export","version":1,"exported":"2025-06-01T09:00:00-04:00","filters":{{}},"entries":[{entry}]}}"#
    );
    let file = env.file("old.json", &v1);
    import(&env, &[file.to_str().unwrap()]);
    let imported = entries(&env);
    assert_eq!(imported.len(), 1);
    assert_eq!(imported[0]["level"], "network");
    assert_eq!(imported[0]["text"], "Written by an older reflect.");

    let newer = env.file("newer.json", v1.replace("\"version\":1", "\"version\":3"));
    let stderr = env.fails(&["import", newer.to_str().unwrap()]);
    assert!(stderr.contains("newer reflect"), "{stderr}");
    assert_eq!(entries(&env).len(), 1);
}
