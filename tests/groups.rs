//! Integration tests: participants and groups in shared summaries (issue 17, item 1),
//! and a trainer's cohort that counts each participant once.

use std::path::PathBuf;

use serde_json::Value;

use crate::progress::add;
use crate::util::{Record, TestEnv};

const CR: &str = "ncsl-networks/complex-relationships";

/// `progress --format json` of `env` at the moment `now`, with `extra` flags.
fn summary_at(env: &TestEnv, now: &str, extra: &[&str]) -> Value {
    let output = env
        .cmd()
        .env("REFLECT_NOW", now)
        .args(["progress", "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_participant_id_is_made_once_and_kept_in_the_data_folder() {
    let env = TestEnv::new();
    env.append_records(&[add("a1", "2026-11-02", "school", Some(CR))]);
    let first = summary_at(&env, "2026-11-23T09:00:00+01:00", &[]);
    let id = first["participant"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 16, "{id}");
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
    let file = env.journal_path().with_file_name("participant");
    assert_eq!(std::fs::read_to_string(&file).unwrap().trim(), id);
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");

    let again = summary_at(&env, "2026-11-24T09:00:00+01:00", &[]);
    assert_eq!(again["participant"], id.as_str());
    assert!(again.get("group").is_none(), "{again:#}");
    let other = TestEnv::new();
    assert_ne!(
        summary_at(&other, "2026-11-23T09:00:00+01:00", &[])["participant"],
        id.as_str()
    );
    // The table needs no id: it makes none.
    let fresh = TestEnv::new();
    fresh.ok(&["progress"]);
    assert!(!fresh.journal_path().with_file_name("participant").exists());
}

#[test]
fn the_group_comes_from_the_flag_else_the_config_file() {
    let env = TestEnv::new();
    env.append_records(&[add("a1", "2026-11-02", "school", Some(CR))]);
    std::fs::create_dir_all(env.config_path().parent().unwrap()).unwrap();
    std::fs::write(env.config_path(), "group = \"Red Norte\"\n").unwrap();
    let now = "2026-11-23T09:00:00+01:00";
    assert_eq!(summary_at(&env, now, &[])["group"], "Red Norte");
    assert_eq!(
        summary_at(&env, now, &["--group", "  Red Sur "])["group"],
        "Red Sur"
    );
    for bad in ["", "   ", "a\u{1b}[2Jb"] {
        let stderr = env.usage_error(&["progress", "--format", "json", "--group", bad]);
        assert!(stderr.contains("group"), "{stderr}");
    }
    std::fs::write(env.config_path(), "group = \"\"\n").unwrap();
    let stderr = env.fails(&["progress", "--format", "json"]);
    assert!(
        stderr.contains("config.toml") && stderr.contains("group"),
        "{stderr}"
    );
}

/// Writes `summary` into the trainer's folder as `name`.
fn save(trainer: &TestEnv, name: &str, summary: &Value) -> PathBuf {
    trainer.file(name, serde_json::to_string_pretty(summary).unwrap())
}

#[test]
fn cohort_keeps_the_latest_summary_of_each_participant() {
    let trainer = TestEnv::new();
    let leader = TestEnv::new();
    leader.append_records(&[add("a1", "2026-11-02", "school", Some(CR))]);
    let early = save(
        &trainer,
        "early.json",
        &summary_at(&leader, "2026-11-10T09:00:00+01:00", &[]),
    );
    leader.append_records(&[add("a2", "2026-11-20", "network", Some(CR))]);
    let late = save(
        &trainer,
        "late.json",
        &summary_at(&leader, "2026-11-23T09:00:00+01:00", &[]),
    );
    // The same summary written again by hand (other bytes, same participant and moment).
    let reformatted: Value =
        serde_json::from_str(&std::fs::read_to_string(&late).unwrap()).unwrap();
    let copy = trainer.file("copy.json", serde_json::to_string(&reformatted).unwrap());
    let other = TestEnv::new();
    other.append_records(&[Record::add("b1", "2026-11-03", "x").level("system")]);
    let others = save(
        &trainer,
        "other.json",
        &summary_at(&other, "2026-11-01T09:00:00+01:00", &[]),
    );

    let output = trainer
        .cmd()
        .args(["cohort", "--format", "json"])
        .args([&late, &early, &others, &copy])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{stderr}");
    let c: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(c["participants"], 2);
    // The late summary's counts: one school and one network entry.
    assert_eq!(c["totals"]["counts"]["network"], 1, "{c:#}");
    assert_eq!(c["totals"]["counts"]["school"], 1, "{c:#}");
    assert_eq!(c["totals"]["counts"]["system"], 1, "{c:#}");
    assert!(
        stderr.contains("set aside") && stderr.contains("early.json"),
        "{stderr}"
    );
    assert!(
        stderr.contains("set aside") && stderr.contains("copy.json"),
        "{stderr}"
    );
    assert!(!stderr.contains("other.json"), "{stderr}");
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
}

#[test]
fn skip_bad_goes_on_and_says_what_it_skipped() {
    let trainer = TestEnv::new();
    let leader = TestEnv::new();
    leader.append_records(&[add("a1", "2026-11-02", "school", Some(CR))]);
    let good = save(
        &trainer,
        "good.json",
        &summary_at(&leader, "2026-11-10T09:00:00+01:00", &[]),
    );
    let mut future = summary_at(&TestEnv::new(), "2026-11-10T09:00:00+01:00", &[]);
    future["version"] = 9.into();
    let future = save(&trainer, "future.json", &future);
    let broken = trainer.file("broken.json", "{\"format\": \"reflect-progress\",");
    let mut huge = std::fs::read(&good).unwrap();
    huge.resize((1 << 20) + 1, b' ');
    let huge = trainer.file("huge.json", huge);

    for bad in [&future, &broken, &huge] {
        let stderr = trainer.fails(&["cohort", good.to_str().unwrap(), bad.to_str().unwrap()]);
        assert!(stderr.starts_with("reflect: "), "{stderr}");
        assert!(stderr.contains(bad.to_str().unwrap()), "{stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    }

    let output = trainer
        .cmd()
        .args(["cohort", "--format", "json", "--skip-bad"])
        .args([&future, &good, &broken, &huge])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{stderr}");
    let c: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(c["participants"], 1);
    for (name, why) in [
        ("future.json", "newer reflect"),
        ("broken.json", "not valid JSON"),
        ("huge.json", "larger than 1 MiB"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not named in {stderr}"));
        assert!(line.contains("skipped") && line.contains(why), "{line}");
    }
}

#[test]
fn a_bad_participant_or_group_in_a_summary_is_refused() {
    let trainer = TestEnv::new();
    let leader = TestEnv::new();
    let summary = summary_at(&leader, "2026-11-10T09:00:00+01:00", &["--group", "Red"]);
    let mut bad_id = summary.clone();
    bad_id["participant"] = "../../etc".into();
    let mut long_group = summary.clone();
    long_group["group"] = "x".repeat(201).into();
    for (name, value, why) in [
        ("id.json", bad_id, "participant id"),
        ("group.json", long_group, "group name"),
    ] {
        let path = save(&trainer, name, &value);
        let stderr = trainer.fails(&["cohort", path.to_str().unwrap()]);
        assert!(stderr.contains(name) && stderr.contains(why), "{stderr}");
    }
}
