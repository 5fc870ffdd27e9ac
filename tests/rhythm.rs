//! Integration tests: `reflect stats` (the rhythm of writing) and `reflect tags`.

use serde_json::Value;

use crate::util::{Record, TestEnv};

/// A journal with a rhythm: weekly entries lately, a gap, an old streak, a theme
/// left quiet, tags on several levels, and a deleted entry that must not count.
fn journal() -> TestEnv {
    let env = TestEnv::new();
    let mut records = Vec::new();
    let days = [
        "2026-11-23",
        "2026-11-18",
        "2026-11-17",
        "2026-11-10",
        "2026-10-20",
        "2026-10-13",
        "2026-10-06",
        "2026-09-29",
        "2026-06-02",
        "2026-06-01",
    ];
    for (n, day) in days.iter().enumerate() {
        records.push(Record::add(&format!("day{n:07}"), day, "Words."));
    }
    records.push(
        Record::add("theme00001", "2026-09-15", "About relationships.")
            .pack("ncsl-networks", "1.1.0")
            .theme("complex-relationships")
            .tags(&["cohort", "visits"])
            .level("network"),
    );
    records.push(Record::add("tagged0001", "2026-11-20", "Tagged.").tags(&["cohort"]));
    records.push(
        Record::add("tagged0002", "2026-08-01", "Old tag.")
            .tags(&["budget"])
            .level("system"),
    );
    records.push(Record::add("gone000001", "2026-11-22", "Deleted.").tags(&["gone"]));
    records.push(Record::delete("gone000001", "2026-11-22T12:00:00+01:00"));
    env.append_records(&records);
    env
}

fn stats(env: &TestEnv, extra: &[&str]) -> String {
    let output = env
        .cmd()
        .env("TERM", "xterm-256color")
        .arg("stats")
        .args(extra)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn stats_shows_weeks_streaks_quiet_themes_and_a_calendar() {
    let env = journal();
    let text = stats(&env, &["--color", "always"]);
    insta::assert_snapshot!(text);
    assert!(
        text.contains("Weeks in a row with an entry: 3 now, 4 at most."),
        "{text}"
    );
    assert!(
        text.contains("█") && text.contains("░"),
        "Unicode blocks: {text}"
    );
}

#[test]
fn stats_is_ascii_with_color_never_or_a_dumb_terminal() {
    let env = journal();
    let never = stats(&env, &["--color", "never"]);
    assert!(never.is_ascii(), "{never}");
    assert!(never.contains('#'), "{never}");
    let dumb = env.cmd().env("TERM", "dumb").arg("stats").output().unwrap();
    let dumb = String::from_utf8(dumb.stdout).unwrap();
    assert_eq!(dumb, never);
    // In a pipe, `auto` decorates nothing, as `progress` does.
    assert_eq!(stats(&env, &[]), never);
    // NO_COLOR alone keeps Unicode on a terminal.
    let mut pty = env.pty_with_env(&["stats"], &[("TERM", "xterm"), ("NO_COLOR", "1")]);
    pty.expect("█");
    assert_eq!(pty.finish(), 0);
}

#[test]
fn stats_as_json_holds_the_same_figures() {
    let env = journal();
    let json: Value = serde_json::from_str(&stats(&env, &["--format", "json"])).unwrap();
    assert_eq!(json["today"], "2026-11-23");
    let weeks = json["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 12);
    assert_eq!(
        weeks[11],
        serde_json::json!({"week": "2026-11-23", "entries": 1})
    );
    assert_eq!(
        weeks[10],
        serde_json::json!({"week": "2026-11-16", "entries": 3})
    );
    assert_eq!(
        json["streaks"],
        serde_json::json!({"current": 3, "longest": 4})
    );
    assert_eq!(
        json["quiet_themes"],
        serde_json::json!([{"pack": "ncsl-networks", "theme": "complex-relationships", "last": "2026-09-15"}])
    );
    assert_eq!(json["calendar"]["from"], "2026-06-01");
    assert_eq!(json["calendar"]["days"]["2026-06-01"], 1);
    assert!(
        json["calendar"]["days"].get("2026-11-22").is_none(),
        "deleted entries do not count"
    );
    assert!(!json.to_string().contains("Words."), "no entry text");
}

#[test]
fn stats_on_an_empty_journal_is_all_zero() {
    let env = TestEnv::new();
    let json: Value = serde_json::from_str(&stats(&env, &["--format", "json"])).unwrap();
    assert_eq!(
        json["streaks"],
        serde_json::json!({"current": 0, "longest": 0})
    );
    let text = stats(&env, &[]);
    assert!(text.contains("0 now, 0 at most"), "{text}");
}

#[test]
fn tags_lists_counts_newest_use_and_levels() {
    let env = journal();
    env.append_records(&[
        Record::add("idea000001", "2026-11-21", "A plan.")
            .tags(&["cohort"])
            .level("idea"),
        Record::add("unrated001", "2026-09-16", "Not rated yet.")
            .tags(&["visits"])
            .unrated(),
    ]);
    let table = env.ok(&["tags"]);
    insta::assert_snapshot!(table);
    let first = table.lines().nth(1).unwrap();
    assert!(first.starts_with("cohort"), "most used first: {table}");
    assert!(
        !table.contains("gone"),
        "a deleted entry's tags are not in use: {table}"
    );

    let env = TestEnv::new();
    let output = env.cmd().arg("tags").output().unwrap();
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("No entry has a tag yet"));
}
