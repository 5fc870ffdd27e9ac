//! Integration tests: cohort.
//!
//! Three participants each run `reflect progress --format json`; the trainer runs
//! `reflect cohort` over the three files.

use std::path::PathBuf;

use serde_json::Value;

use crate::progress::{add, parse_csv};
use crate::util::{Record, TestEnv};

/// A participant's summary, written into the trainer's folder as `name`.
fn summary_of(trainer: &TestEnv, name: &str, entries: Vec<Record>, extra: &[&str]) -> PathBuf {
    let participant = TestEnv::new();
    participant.append_records(&entries);
    let mut args = vec!["progress", "--format", "json"];
    args.extend_from_slice(extra);
    trainer.file(name, participant.ok(&args))
}

const CR: &str = "ncsl-networks/complex-relationships";
const HE: &str = "ncsl-networks/honest-exchange";
const PL: &str = "ncsl-networks/professional-learning";

/// | participant | entries                                                                   |
/// | p1          | CR school 10-05, CR network 11-02, HE school 11-03                        |
/// | p2          | CR system 11-10, free network 09-15                                       |
/// | p3          | PL school 11-12, PL school 11-13, old-pack/legacy-theme network 10-20     |
fn three_summaries(trainer: &TestEnv) -> Vec<String> {
    let p1 = summary_of(
        trainer,
        "p1.json",
        vec![
            add("p1a", "2026-10-05", "school", Some(CR)),
            add("p1b", "2026-11-02", "network", Some(CR)),
            add("p1c", "2026-11-03", "school", Some(HE)),
        ],
        &[],
    );
    let p2 = summary_of(
        trainer,
        "p2.json",
        vec![
            add("p2a", "2026-11-10", "system", Some(CR)),
            add("p2b", "2026-09-15", "network", None),
        ],
        &[],
    );
    let p3 = summary_of(
        trainer,
        "p3.json",
        vec![
            add("p3a", "2026-11-12", "school", Some(PL)),
            add("p3b", "2026-11-13", "school", Some(PL)),
            add(
                "p3c",
                "2026-10-20",
                "network",
                Some("old-pack/legacy-theme"),
            ),
        ],
        &[],
    );
    [p1, p2, p3]
        .iter()
        .map(|p| p.to_str().unwrap().to_string())
        .collect()
}

fn cohort_json(env: &TestEnv, files: &[String]) -> Value {
    let mut args = vec!["cohort", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    serde_json::from_str(&env.ok(&args)).unwrap()
}

fn row<'a>(cohort: &'a Value, theme: &str) -> &'a Value {
    cohort["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["theme"] == theme)
        .unwrap_or_else(|| panic!("no row for {theme}"))
}

/// (school, network, system, total) and participants reaching (school, network, system).
fn numbers(row: &Value) -> ([u64; 4], [u64; 3]) {
    let n = |v: &Value, l: &str| v[l].as_u64().unwrap();
    let c = &row["counts"];
    let r = &row["reached"];
    (
        [
            n(c, "school"),
            n(c, "network"),
            n(c, "system"),
            row["total"].as_u64().unwrap(),
        ],
        [n(r, "school"), n(r, "network"), n(r, "system")],
    )
}

#[test]
fn cohort_sums_counts_and_counts_participants_per_level() {
    let env = TestEnv::new();
    let files = three_summaries(&env);
    let c = cohort_json(&env, &files);
    assert_eq!(c["format"], "reflect-cohort");
    assert_eq!(c["version"], 2);
    assert_eq!(c["participants"], 3);
    assert_eq!(
        numbers(row(&c, "complex-relationships")),
        ([1, 1, 1, 3], [2, 2, 1])
    );
    assert_eq!(
        numbers(row(&c, "honest-exchange")),
        ([1, 0, 0, 1], [1, 0, 0])
    );
    assert_eq!(
        numbers(row(&c, "professional-learning")),
        ([2, 0, 0, 2], [1, 0, 0])
    );
    assert_eq!(numbers(row(&c, "legacy-theme")), ([0, 1, 0, 1], [1, 1, 0]));
    assert_eq!(
        numbers(row(&c, "system-transformation")),
        ([0, 0, 0, 0], [0, 0, 0])
    );
    assert_eq!(numbers(&c["free"]), ([0, 1, 0, 1], [1, 1, 0]));
    assert_eq!(numbers(&c["totals"]), ([4, 3, 1, 8], [3, 3, 1]));
    // 8 rated entries: "4 of 8", no percentage.
    assert_eq!(
        c["measures"]["network_reach"],
        serde_json::json!({"count": 4, "of": 8, "share": null})
    );
    assert_eq!(c["first"], "2026-09-15");
    assert_eq!(c["last"], "2026-11-13");

    let months: Vec<(&str, u64, u64, u64)> = c["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["period"].as_str().unwrap(),
                m["rated"].as_u64().unwrap(),
                m["network_reach"]["count"].as_u64().unwrap(),
                m["participants"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        months,
        [
            ("2026-09", 1, 1, 1),
            ("2026-10", 2, 1, 2),
            ("2026-11", 5, 2, 3)
        ]
    );
}

#[test]
fn the_cohort_table() {
    let env = TestEnv::new();
    let files = three_summaries(&env);
    let mut args = vec!["cohort"];
    args.extend(files.iter().map(String::as_str));
    let table = env.ok(&args).replace(env.root().to_str().unwrap(), "[TMP]");
    insta::assert_snapshot!(table);
}

#[test]
fn cohort_csv_has_the_same_numbers() {
    let env = TestEnv::new();
    let files = three_summaries(&env);
    let mut args = vec!["cohort", "--format", "csv"];
    args.extend(files.iter().map(String::as_str));
    let csv = parse_csv(&env.ok(&args));
    assert_eq!(csv[0][..4], ["kind", "pack", "theme", "title"]);
    let cr = csv
        .iter()
        .find(|r| r[2] == "complex-relationships")
        .unwrap();
    assert_eq!(cr[4..], ["1", "1", "1", "3", "2", "2", "1", "3"]);
    let total = csv.iter().find(|r| r[0] == "total").unwrap();
    assert_eq!(total[4..], ["4", "3", "1", "8", "3", "3", "1", "3"]);
}

#[test]
fn cohort_output_holds_no_entry_text() {
    let env = TestEnv::new();
    let files = three_summaries(&env);
    for format in ["table", "json", "csv"] {
        let mut args = vec!["cohort", "--format", format];
        args.extend(files.iter().map(String::as_str));
        let out = env.ok(&args);
        assert!(
            !out.contains("SECRET-TEXT") && !out.contains("confidential-tag"),
            "{out}"
        );
    }
}

#[test]
fn different_level_names_still_add_up() {
    let env = TestEnv::new();
    let spanish = summary_of(
        &env,
        "es.json",
        vec![add(
            "e1",
            "2026-11-02",
            "network",
            Some("redes-mejoramiento/proposito-compartido"),
        )],
        &["--pack", "redes-mejoramiento"],
    );
    let files = three_summaries(&env);
    let mut all = files.clone();
    all.push(spanish.to_str().unwrap().to_string());
    let mut args = vec!["cohort", "--format", "json"];
    args.extend(all.iter().map(String::as_str));
    let output = env.cmd().args(&args).output().unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("name the levels differently"), "{stderr}");
    assert!(
        stderr.contains("not every participant used the same packs"),
        "{stderr}"
    );
    let c: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(c["participants"], 4);
    assert_eq!(numbers(&c["totals"]), ([4, 4, 1, 9], [4, 4, 1]));
    assert_eq!(
        numbers(row(&c, "proposito-compartido")),
        ([0, 1, 0, 1], [1, 1, 0])
    );
    let names: Vec<&str> = c["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["School", "Network", "System"]);
}

#[test]
fn bad_summaries_are_named_in_a_one_line_error() {
    let env = TestEnv::new();
    let good = three_summaries(&env).remove(0);
    let good_text = std::fs::read_to_string(&good).unwrap();
    let cases = [
        (
            "syntax.json",
            "{\n  \"format\": \"reflect-progress\",\n  \"version\": 1,\n  oops\n}".to_string(),
            "syntax.json:4:3: not valid JSON",
        ),
        (
            "export.json",
            "[{\"id\": \"abc\"}]".to_string(),
            "export.json: not a progress summary",
        ),
        (
            "other.json",
            "{\"format\": \"reflect-cohort\", \"version\": 1}".to_string(),
            "its \"format\" is \"reflect-cohort\"",
        ),
        (
            "future.json",
            good_text.replacen("\"version\": 2", "\"version\": 7", 1),
            "newer reflect",
        ),
        (
            "partial.json",
            "{\"format\": \"reflect-progress\", \"version\": 1, \"themes\": []}".to_string(),
            "missing field",
        ),
        (
            "forged.json",
            good_text.replacen("\"total\": 2", "\"total\": 99", 1),
            "do not add up",
        ),
    ];
    for (name, contents, expected) in cases {
        let path = env.file(name, contents);
        let stderr = env.fails(&["cohort", &good, path.to_str().unwrap()]);
        assert!(stderr.starts_with("reflect: "), "{stderr}");
        assert!(stderr.contains(name), "{name}: {stderr}");
        assert!(
            stderr.contains(expected),
            "{name}: expected {expected:?} in {stderr}"
        );
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    }
    let stderr = env.fails(&["cohort", "missing.json"]);
    assert!(stderr.contains("missing.json"), "{stderr}");
}

#[test]
fn hostile_text_in_a_summary_cannot_drive_the_terminal() {
    let env = TestEnv::new();
    let good = three_summaries(&env).remove(0);
    let hostile = std::fs::read_to_string(&good)
        .unwrap()
        .replace(
            "Complex relationships and shared values",
            "Evil\\u001b]0;pwned\\u0007 title",
        )
        .replace("\"name\": \"School\"", "\"name\": \"Sch\\u001b[2Jool\"");
    let path = env.file("hostile.json", hostile);
    let out = env.ok(&["cohort", path.to_str().unwrap()]);
    assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
    assert!(out.contains("Evil"), "{out}");
}

#[test]
fn a_file_given_twice_is_counted_once() {
    let env = TestEnv::new();
    let files = three_summaries(&env);
    let output = env
        .cmd()
        .args([
            "cohort", "--format", "json", &files[0], &files[1], &files[0],
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("more than once"), "{stderr}");
    let c: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(c["participants"], 2);
}

/// A summary of `participant`'s journal (two entries), changed by `edit`, written
/// into the trainer's folder as `name`.
fn edited_summary(trainer: &TestEnv, name: &str, edit: impl FnOnce(&mut Value)) -> String {
    let participant = TestEnv::new();
    participant.write("First", &["--date", "2026-10-05", "--level", "school"]);
    participant.write("Second", &["--date", "2026-11-02", "--level", "school"]);
    let mut summary: Value =
        serde_json::from_str(&participant.ok(&["progress", "--format", "json"])).unwrap();
    edit(&mut summary);
    let path = trainer.file(name, serde_json::to_string_pretty(&summary).unwrap());
    path.to_str().unwrap().to_string()
}

/// Runs `reflect ARGS`, expects exit status 1 (a bad input file) with a one-line
/// error, and returns it.
fn bad_input(env: &TestEnv, args: &[&str]) -> String {
    let output = env
        .cmd()
        .args(args)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
    assert!(stderr.starts_with("reflect: "), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    stderr
}

#[test]
fn cohort_refuses_dates_outside_years_1000_to_9999() {
    let env = TestEnv::new();
    let good = edited_summary(&env, "good.json", |_| {});
    let year_zero = edited_summary(&env, "zero.json", |s| {
        s["months"][0]["from"] = "0000-01-01".into();
    });
    let far = edited_summary(&env, "far.json", |s| {
        s["period"]["last"] = "+99999-01-01".into();
    });
    let generated = edited_summary(&env, "generated.json", |s| {
        s["generated_at"] = "0999-12-31T10:00:00+00:00".into();
    });
    for (bad, date) in [
        (&year_zero, "0000-01-01"),
        (&far, "+99999-01-01"),
        (&generated, "0999-12-31"),
    ] {
        let stderr = bad_input(&env, &["cohort", &good, bad]);
        assert!(stderr.contains(bad.as_str()), "{stderr}");
        assert!(stderr.contains(date), "{stderr}");
        assert!(stderr.contains("outside the years 1000–9999"), "{stderr}");
    }
}

#[test]
fn cohort_month_range_is_bounded() {
    let env = TestEnv::new();
    let month = |s: &mut Value, from: &str, to: &str, period: &str| {
        let mut row = s["months"][0].clone();
        row["from"] = from.into();
        row["to"] = to.into();
        row["period"] = period.into();
        s["months"] = Value::Array(vec![row]);
    };
    let oldest = edited_summary(&env, "oldest.json", |s| {
        month(s, "1000-01-01", "1000-01-31", "1000-01")
    });
    let latest = edited_summary(&env, "latest.json", |s| {
        month(s, "9999-12-01", "9999-12-31", "9999-12")
    });
    let c = cohort_json(&env, &[oldest, latest]);
    // 107,988 months lie between: too many to spell out, so only those with entries.
    let months: Vec<&str> = c["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["period"].as_str().unwrap())
        .collect();
    assert_eq!(months, ["1000-01", "9999-12"]);
    assert_eq!(c["months"][0]["entries"], 1);
    assert_eq!(c["months"][1]["participants"], 1);
}

#[test]
fn cohort_refuses_a_fifo_a_device_a_folder_and_a_huge_file() {
    let env = TestEnv::new();
    let good = edited_summary(&env, "good.json", |_| {});
    let fifo = env.root().join("fifo.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let folder = env.root().join("folder.json");
    std::fs::create_dir(&folder).unwrap();
    // Valid JSON all the way (spaces), one byte over the limit.
    let mut huge = std::fs::read(&good).unwrap();
    huge.resize((1 << 20) + 1, b' ');
    let huge = env.file("huge.json", huge);
    for (bad, expected) in [
        (fifo.as_path(), "not a regular file (a FIFO)"),
        (
            std::path::Path::new("/dev/zero"),
            "not a regular file (a device)",
        ),
        (folder.as_path(), "not a regular file (a folder)"),
        (huge.as_path(), "larger than 1 MiB"),
    ] {
        let bad = bad.to_str().unwrap();
        let stderr = bad_input(&env, &["cohort", &good, bad]);
        assert!(stderr.contains(bad), "{stderr}");
        assert!(stderr.contains(expected), "{expected:?} in {stderr}");
    }
    // Exactly at the limit is still read.
    let mut full = std::fs::read(&good).unwrap();
    full.resize(1 << 20, b' ');
    let full = env.file("full.json", full);
    let c = cohort_json(&env, &[full.to_str().unwrap().to_string()]);
    assert_eq!(c["participants"], 1);
}

#[test]
fn cohort_reports_overflowing_counts() {
    let env = TestEnv::new();
    let half = 1u64 << 63;
    let big = |s: &mut Value, day: &str| {
        s["generated_at"] = format!("{day}T10:00:00+00:00").into();
        s["free"]["counts"]["school"] = half.into();
        s["free"]["total"] = half.into();
    };
    let one = edited_summary(&env, "one.json", |s| big(s, "2026-11-20"));
    let two = edited_summary(&env, "two.json", |s| big(s, "2026-11-21"));
    let stderr = bad_input(&env, &["cohort", &one, &two]);
    assert!(stderr.contains("more than reflect can count"), "{stderr}");
    // Within one summary, counts whose total overflows do not add up.
    let wraps = edited_summary(&env, "wraps.json", |s| {
        s["free"]["counts"]["school"] = u64::MAX.into();
        s["free"]["counts"]["network"] = 1.into();
        s["free"]["total"] = 0.into();
    });
    let stderr = bad_input(&env, &["cohort", &wraps]);
    assert!(stderr.contains("do not add up"), "{stderr}");
}

#[test]
fn cohort_counts_each_summary_once_by_any_name_or_copy() {
    let env = TestEnv::new();
    let files = three_summaries(&env);
    let p1 = PathBuf::from(&files[0]);
    let link = env.root().join("link.json");
    std::os::unix::fs::symlink(&p1, &link).unwrap();
    let copy = env.file("copy.json", std::fs::read(&p1).unwrap());
    let output = env
        .cmd()
        .args(["cohort", "--format", "json", "p1.json", "./p1.json"])
        .arg(&files[1])
        .arg(&link)
        .arg(&copy)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{stderr}");
    let c: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(c["participants"], 2);
    assert!(
        stderr.contains("./p1.json names a file given more than once (p1.json)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("link.json names a file given more than once"),
        "{stderr}"
    );
    assert!(
        stderr.contains("copy.json has the same content as p1.json"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 3, "{stderr}");
}

/// A summary as reflect wrote it before issue 14 (format 1): every entry had a
/// level, and rows carried "latest" and "stage".
pub const FORMAT_1: &str = r#"{
  "format": "reflect-progress",
  "version": 1,
  "generated": "2026-06-30",
  "packs": [{"id": "ncsl-networks", "name": "Leading networks", "version": "1.0.0", "installed": true}],
  "levels": [{"id": "school", "name": "School"}, {"id": "network", "name": "Network"}, {"id": "system", "name": "System"}],
  "period": {"first": "2026-05-04", "last": "2026-06-20", "since": null, "until": null},
  "themes": [
    {"pack": "ncsl-networks", "theme": "complex-relationships", "title": "Complex relationships and shared values",
     "installed": true, "counts": {"school": 2, "network": 1, "system": 0}, "total": 3, "latest": "network", "stage": "emerging_network"}
  ],
  "free": {"counts": {"school": 0, "network": 0, "system": 1}, "total": 1, "latest": "system", "stage": "system"},
  "totals": {"counts": {"school": 2, "network": 1, "system": 1}, "total": 4, "latest": "system", "stage": "system"},
  "reach": {
    "window_days": 30,
    "overall": {"entries": 4, "network_or_above": 2, "share": 0.5},
    "recent": {"from": "2026-06-01", "to": "2026-06-30", "entries": 2, "network_or_above": 1, "share": 0.5},
    "previous": {"from": "2026-05-02", "to": "2026-05-31", "entries": 2, "network_or_above": 1, "share": 0.5},
    "change_points": 0.0
  },
  "months": [
    {"period": "2026-05", "from": "2026-05-01", "to": "2026-05-31", "counts": {"school": 1, "network": 1, "system": 0}, "entries": 2, "network_or_above": 1, "share": 0.5},
    {"period": "2026-06", "from": "2026-06-01", "to": "2026-06-30", "counts": {"school": 1, "network": 0, "system": 1}, "entries": 2, "network_or_above": 1, "share": 0.5}
  ]
}"#;

#[test]
fn cohort_reads_a_format_1_summary_beside_format_2() {
    let env = TestEnv::new();
    let old = env.file("old.json", FORMAT_1);
    let new = summary_of(
        &env,
        "new.json",
        vec![
            add("n1", "2026-06-10", "network", Some(CR)),
            add("n2", "2026-11-02", "school", None),
        ],
        &[],
    );
    let files = [
        old.to_str().unwrap().to_string(),
        new.to_str().unwrap().to_string(),
    ];
    let c = cohort_json(&env, &files);
    assert_eq!(c["participants"], 2);
    assert_eq!(
        numbers(row(&c, "complex-relationships")),
        ([2, 2, 0, 4], [2, 2, 0])
    );
    assert_eq!(numbers(&c["totals"]), ([3, 2, 1, 6], [2, 2, 1]));
    assert_eq!(c["measures"]["network_reach"]["count"], 3);
    let june = c["months"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["period"] == "2026-06")
        .unwrap();
    assert_eq!(
        (june["rated"].as_u64(), june["participants"].as_u64()),
        (Some(3), Some(2))
    );

    // Format 1 is checked as before: a row that does not add up is refused.
    let forged = env.file(
        "forged.json",
        FORMAT_1.replacen("\"total\": 3", "\"total\": 30", 1),
    );
    let stderr = env.fails(&["cohort", forged.to_str().unwrap()]);
    assert!(
        stderr.contains("forged.json") && stderr.contains("do not add up"),
        "{stderr}"
    );
}
