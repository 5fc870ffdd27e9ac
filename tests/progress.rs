//! Integration tests: progress.
//!
//! Known journals produce known counts, stages and reach. Most journals here are
//! built by appending records in the journal's own line format, which lets a test
//! choose the moment an entry was written, back-date entries, and refer to packs
//! or themes that are not installed.

use serde_json::Value;

use crate::progress_measures::csv_maps;
use crate::util::{Record, TestEnv};

/// An `add` record about `date`, written that evening, at `level`, on `pack/theme`
/// (`None` for a free entry), with words and a tag that no summary may show.
pub fn add(id: &str, date: &str, level: &str, theme: Option<&str>) -> Record {
    let record = Record::add(
        id,
        date,
        &format!("SECRET-TEXT of {id}: the head of Ñuñoa said \"trust\", then a comma, here."),
    )
    .written(&format!("{date}T18:00:00+01:00"))
    .level(level)
    .tags(&["confidential-tag"]);
    match theme.map(|t| (t, t.split_once('/'))) {
        Some((_, Some((pack, theme)))) => record.pack(pack, "0.9.0").theme(theme),
        Some((theme, None)) => record.theme(theme),
        None => record,
    }
}

const NCSL: &str = "ncsl-networks";

fn t(theme: &str) -> String {
    format!("{NCSL}/{theme}")
}

/// The reference journal. "Today" is 2026-11-23 and the window 30 days, so the
/// recent window is 2026-10-25..=2026-11-23 and the previous one 2026-09-25..=2026-10-24.
///
/// | theme                   | school | network | system | latest  | stage            |
/// | complex-relationships   | 2      | 2       | 1      | system  | network          |
/// | honest-exchange         | 2      | 0       | 0      | school  | school           |
/// | professional-learning   | 5      | 1       | 0      | school  | emerging_network |
/// | innovation-hothouse     | 0      | 1       | 2      | system  | system           |
/// | (others)                | 0      | 0       | 0      | -       | not_started      |
/// | old-pack/legacy-theme   | 0      | 1       | 0      | network | network          |
/// | ncsl/retired-theme      | 1      | 0       | 0      | school  | school           |
/// | free                    | 1      | 1       | 0      | network | network          |
/// | totals                  | 11     | 6       | 3      | network |                  |
pub fn reference_journal(env: &TestEnv) {
    let cr = t("complex-relationships");
    let he = t("honest-exchange");
    let pl = t("professional-learning");
    let ih = t("innovation-hothouse");
    env.append_records(&[
        add("a1", "2026-09-10", "school", Some(&cr)),
        add("a2", "2026-10-01", "school", Some(&cr)),
        add("a3", "2026-10-15", "network", Some(&cr)),
        add("a4", "2026-11-02", "network", Some(&cr)),
        add("a5", "2026-11-20", "system", Some(&cr)),
        add("b1", "2026-10-05", "school", Some(&he)),
        // Written at network level, then revised down to school.
        add("b2", "2026-11-10", "network", Some(&he)),
        add("c2", "2026-10-20", "school", Some(&pl)),
        add("c3", "2026-10-30", "school", Some(&pl)),
        add("c4", "2026-11-05", "network", Some(&pl)),
        add("c5", "2026-11-12", "school", Some(&pl)),
        add("c6", "2026-11-18", "school", Some(&pl)),
        add("d1", "2026-11-15", "system", Some(&ih)),
        add("d2", "2026-11-19", "system", Some(&ih)).written("2026-11-19T20:00:00+01:00"),
        add("f1", "2026-10-10", "school", None),
        add("x1", "2026-10-12", "network", Some("old-pack/legacy-theme")),
        add("x2", "2026-09-26", "school", Some(&t("retired-theme"))),
        // Same day as d2 but written earlier: d2 stays the theme's latest.
        add("d3", "2026-11-19", "network", Some(&ih)).written("2026-11-19T08:00:00+01:00"),
        // Back-dated: written last, about the earliest day of its theme.
        add("c1", "2026-09-28", "school", Some(&pl)).written("2026-11-21T07:00:00+01:00"),
        add("f2", "2026-11-21", "network", None),
        add("b2", "2026-11-10", "network", Some(&he))
            .level("school")
            .edit("2026-11-21T12:00:00+01:00")
            .created("2026-11-10T18:00:00+01:00"),
        add("zz", "2026-11-01", "system", Some(&he)),
    ]);
    env.append_records(&[Record::delete("zz", "2026-11-22T10:00:00+01:00")]);
}

pub fn json(env: &TestEnv, args: &[&str]) -> Value {
    let mut all = vec!["progress", "--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&env.ok(&all)).unwrap()
}

pub fn theme<'a>(summary: &'a Value, pack: &str, id: &str) -> &'a Value {
    summary["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["pack"] == pack && t["theme"] == id)
        .unwrap_or_else(|| panic!("no row for {pack}/{id} in {summary:#}"))
}

/// (school, network, system, total).
pub type Four = (u64, u64, u64, u64);

pub fn counts(row: &Value) -> Four {
    let c = &row["counts"];
    (
        c["school"].as_u64().unwrap(),
        c["network"].as_u64().unwrap(),
        c["system"].as_u64().unwrap(),
        row["total"].as_u64().unwrap(),
    )
}

#[test]
fn json_counts_and_the_last_five_levels() {
    let env = TestEnv::new();
    reference_journal(&env);
    let s = json(&env, &[]);
    assert_eq!(s["format"], "reflect-progress");
    assert_eq!(s["version"], 2);
    assert!(
        s["generated_at"]
            .as_str()
            .unwrap()
            .starts_with("2026-11-23T"),
        "{}",
        s["generated_at"]
    );
    // The trainer's view (issue 17): a random participant id; no group unless named.
    let id = s["participant"].as_str().unwrap();
    assert!(
        id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{id}"
    );
    assert!(s.get("group").is_none());

    let expect = [
        (
            "complex-relationships",
            (2, 2, 1, 5),
            &["school", "school", "network", "network", "system"][..],
        ),
        ("honest-exchange", (2, 0, 0, 2), &["school", "school"]),
        // Six entries, the back-dated c1 the oldest by day: the last five leave it out.
        (
            "professional-learning",
            (5, 1, 0, 6),
            &["school", "school", "network", "school", "school"],
        ),
        // d3 and d2 are about the same day; d2 was written later.
        (
            "innovation-hothouse",
            (0, 1, 2, 3),
            &["system", "network", "system"],
        ),
    ];
    for (id, expected, last5) in expect {
        let row = theme(&s, NCSL, id);
        assert_eq!(counts(row), expected, "{id}");
        assert_eq!(row["last5"], serde_json::json!(last5), "{id}");
        assert_eq!(row["installed"], true, "{id}");
        assert!(row.get("stage").is_none() && row.get("latest").is_none());
    }
    let untouched = theme(&s, NCSL, "system-transformation");
    assert_eq!(counts(untouched), (0, 0, 0, 0));
    assert_eq!(untouched["last5"], serde_json::json!([]));

    // Entries of a pack or theme that is not installed are counted under their ids.
    let legacy = theme(&s, "old-pack", "legacy-theme");
    assert_eq!(counts(legacy), (0, 1, 0, 1));
    assert_eq!(legacy["title"], "old-pack/legacy-theme");
    assert_eq!(legacy["installed"], false);
    let retired = theme(&s, NCSL, "retired-theme");
    assert_eq!(counts(retired), (1, 0, 0, 1));
    assert_eq!(retired["installed"], false);

    assert_eq!(counts(&s["free"]), (1, 1, 0, 2));
    assert_eq!(s["free"]["last5"], serde_json::json!(["school", "network"]));
    assert_eq!(counts(&s["totals"]), (11, 6, 3, 20));
    assert_eq!(s["period"]["first"], "2026-09-10");
    assert_eq!(s["period"]["last"], "2026-11-21");

    let packs = s["packs"].as_array().unwrap();
    let old = packs.iter().find(|p| p["id"] == "old-pack").unwrap();
    assert_eq!(old["installed"], false);
    assert_eq!(old["version"], "0.9.0");
    let ncsl = packs.iter().find(|p| p["id"] == NCSL).unwrap();
    assert_eq!(ncsl["installed"], true);
    let levels: Vec<&str> = s["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["school", "network", "system"]);
}

#[test]
fn json_reach_overall_recent_previous_and_change() {
    let env = TestEnv::new();
    reference_journal(&env);
    let s = json(&env, &[]);
    let m = &s["measures"];
    let reach = |window: &str| &m[window]["network_reach"];
    assert_eq!(m["window_days"], 30);
    assert_eq!(m["whole"]["rated"], 20);
    assert_eq!(
        *reach("whole"),
        serde_json::json!({"count": 9, "of": 20, "share": 0.45})
    );
    assert_eq!(m["recent"]["from"], "2026-10-25");
    assert_eq!(m["recent"]["to"], "2026-11-23");
    assert_eq!(
        *reach("recent"),
        serde_json::json!({"count": 7, "of": 11, "share": 0.6364})
    );
    assert_eq!(m["previous"]["from"], "2026-09-25");
    assert_eq!(m["previous"]["to"], "2026-10-24");
    // 8 rated entries: no percentage, so no change either.
    assert_eq!(
        *reach("previous"),
        serde_json::json!({"count": 2, "of": 8, "share": null})
    );
    assert_eq!(m["change"]["network_reach"], Value::Null);

    // The month series is always there.
    let months: Vec<(&str, Four)> = s["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let c = &m["counts"];
            let n = |l: &str| c[l].as_u64().unwrap();
            (
                m["period"].as_str().unwrap(),
                (
                    n("school"),
                    n("network"),
                    n("system"),
                    m["rated"].as_u64().unwrap(),
                ),
            )
        })
        .collect();
    assert_eq!(
        months,
        [
            ("2026-09", (3, 0, 0, 3)),
            ("2026-10", (5, 2, 0, 7)),
            ("2026-11", (3, 4, 3, 10))
        ]
    );
}

#[test]
fn windows_end_at_until_and_follow_window() {
    let env = TestEnv::new();
    reference_journal(&env);
    let s = json(&env, &["--until", "2026-10-31", "--window", "14"]);
    let m = &s["measures"];
    assert_eq!(s["period"]["until"], "2026-10-31");
    assert_eq!(m["window_days"], 14);
    // 2026-10-18..=2026-10-31: c2 (school), c3 (school).
    assert_eq!(
        (m["recent"]["from"].as_str(), m["recent"]["rated"].as_u64()),
        (Some("2026-10-18"), Some(2))
    );
    assert_eq!(m["recent"]["network_reach"]["count"], 0);
    // 2026-10-04..=2026-10-17: b1, f1, x1, a3.
    assert_eq!(m["previous"]["rated"], 4);
    assert_eq!(m["previous"]["network_reach"]["count"], 2);
    assert_eq!(m["change"]["network_reach"], Value::Null);
    assert_eq!(counts(&s["totals"]).3, 10);
}

#[test]
fn json_never_contains_text_tags_or_ids() {
    let env = TestEnv::new();
    reference_journal(&env);
    let text = env.ok(&["progress", "--format", "json", "--by", "week"]);
    for secret in [
        "SECRET-TEXT",
        "Ñuñoa",
        "confidential-tag",
        "\"a1\"",
        "\"c1\"",
        "\"zz\"",
    ] {
        assert!(!text.contains(secret), "the summary leaks {secret}: {text}");
    }
    let csv = env.ok(&["progress", "--format", "csv"]);
    assert!(!csv.contains("SECRET-TEXT") && !csv.contains("confidential-tag"));
}

#[test]
fn the_table_by_theme() {
    let env = TestEnv::new();
    reference_journal(&env);
    let table = env.ok(&["progress"]);
    insta::assert_snapshot!(table);
}

#[test]
fn the_table_fits_80_columns_and_is_plain_ascii_in_a_pipe() {
    let env = TestEnv::new();
    reference_journal(&env);
    for args in [&["progress"][..], &["progress", "--by", "week"]] {
        let out = env.ok(args);
        for line in out.lines() {
            assert!(line.chars().count() <= 80, "too wide: {line:?}");
            assert!(line.is_ascii(), "not ASCII: {line:?}");
        }
        assert!(!out.contains('\x1b'));
    }
}

/// Splits CSV text into records of fields (RFC 4180 quoting).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "CSV does not end with a newline"
    );
    records
}

#[test]
fn by_month_includes_empty_months_between() {
    let env = TestEnv::new();
    env.write(
        "July, at school",
        &["--date", "2026-07-03", "--level", "school"],
    );
    env.write(
        "July, with the network",
        &["--date", "2026-07-20", "--level", "network"],
    );
    env.write(
        "September, system",
        &["--date", "2026-09-02", "--level", "system"],
    );
    env.write(
        "September, school",
        &["--date", "2026-09-30", "--level", "school"],
    );

    let s = json(&env, &["--by", "month"]);
    assert_eq!(s["by"]["period"], "month");
    let rows = s["by"]["rows"].as_array().unwrap();
    let got: Vec<(&str, u64, u64)> = rows
        .iter()
        .map(|r| {
            (
                r["period"].as_str().unwrap(),
                r["rated"].as_u64().unwrap(),
                r["network_reach"]["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [("2026-07", 2, 1), ("2026-08", 0, 0), ("2026-09", 2, 1)]
    );
    assert_eq!(rows[1]["network_reach"]["share"], Value::Null);
    assert_eq!(rows[0]["from"], "2026-07-01");
    assert_eq!(rows[0]["to"], "2026-07-31");

    let table = env.ok(&["progress", "--by", "month"]);
    let lines: Vec<&str> = table.lines().collect();
    let row = |period: &str| {
        lines
            .iter()
            .find(|l| l.trim_start().starts_with(period))
            .unwrap_or_else(|| panic!("no {period} row in\n{table}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Period, school, network, system, network reach, into school, collaborative
    // reach: "k of n" alone, under 10 entries.
    assert_eq!(row("2026-07"), "2026-07 1 1 0 1 of 2 0 of 1 0 of 0");
    assert_eq!(row("2026-08"), "2026-08 0 0 0 0 of 0 0 of 0 0 of 0");
    assert_eq!(row("2026-09"), "2026-09 1 0 1 1 of 2 0 of 1 0 of 0");
    assert!(!table.contains('%'), "{table}");
    // One sparkline per measure, ASCII in a pipe: a mark per month.
    let rated = lines
        .iter()
        .find(|l| l.trim_start().starts_with("Rated entries"))
        .unwrap_or_else(|| panic!("no sparkline in\n{table}"));
    assert_eq!(rated.split_whitespace().nth(2), Some("#_#"), "{rated}");

    let csv = csv_maps(&env.ok(&["progress", "--by", "month", "--format", "csv"]));
    let periods: Vec<_> = csv.iter().filter(|r| r["kind"] == "period").collect();
    assert_eq!(periods.len(), 3);
    assert_eq!(
        [
            periods[1]["window"].as_str(),
            &periods[1]["from"],
            &periods[1]["to"],
            &periods[1]["rated"],
            &periods[1]["network_reach_share"]
        ],
        ["2026-08", "2026-08-01", "2026-08-31", "0", ""]
    );
}

#[test]
fn by_week_and_quarter_label_periods() {
    let env = TestEnv::new();
    reference_journal(&env);
    let s = json(&env, &["--by", "week"]);
    let rows = s["by"]["rows"].as_array().unwrap();
    assert_eq!(rows.first().unwrap()["period"], "2026-W37");
    assert_eq!(rows.last().unwrap()["period"], "2026-W47");
    assert_eq!(rows.len(), 11);
    let total: u64 = rows.iter().map(|r| r["rated"].as_u64().unwrap()).sum();
    assert_eq!(total, 20);

    let s = json(&env, &["--by", "quarter"]);
    let periods: Vec<&str> = s["by"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, ["2026-Q3", "2026-Q4"]);
}

#[test]
fn filters_narrow_the_counts() {
    let env = TestEnv::new();
    reference_journal(&env);
    let s = json(&env, &["--since", "2026-11-01"]);
    assert_eq!(counts(&s["totals"]), (3, 4, 3, 10));
    assert_eq!(s["period"]["since"], "2026-11-01");
    let s = json(&env, &["--theme", "professional-learning"]);
    assert_eq!(counts(&s["totals"]), (5, 1, 0, 6));
    let s = json(&env, &["--tag", "nothing-has-this"]);
    assert_eq!(counts(&s["totals"]), (0, 0, 0, 0));
}

#[test]
fn an_empty_journal_gets_a_helpful_message_not_an_empty_table() {
    let env = TestEnv::new();
    let output = env.cmd().arg("progress").output().unwrap();
    assert!(output.status.success());
    assert!(
        output.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("No entries yet") && stderr.contains("reflect write"),
        "{stderr}"
    );

    let s = json(&env, &[]);
    assert_eq!(counts(&s["totals"]), (0, 0, 0, 0));
    assert_eq!(s["reach"]["overall"]["share"], Value::Null);
    assert_eq!(s["reach"]["change_points"], Value::Null);
    assert_eq!(s["months"], serde_json::json!([]));
    assert_eq!(s["period"]["first"], Value::Null);
}

#[test]
fn nothing_matching_says_so() {
    let env = TestEnv::new();
    reference_journal(&env);
    let (out, stderr) = env.ok_with_messages(&["progress", "--since", "2026-11-22"]);
    assert!(out.is_empty());
    assert!(stderr.contains("No entries match"), "{stderr}");
}

#[test]
fn the_spanish_pack_names_its_levels() {
    let env = TestEnv::new();
    env.append_records(&[
        add(
            "s1",
            "2026-11-02",
            "school",
            Some("redes-mejoramiento/proposito-compartido"),
        ),
        add(
            "s2",
            "2026-11-09",
            "network",
            Some("redes-mejoramiento/proposito-compartido"),
        ),
    ]);
    let table = env.ok(&["progress", "--pack", "redes-mejoramiento"]);
    // At 80 columns a long level name wraps inside its column ("Estableci" / "miento").
    let header = table.lines().next().unwrap();
    for name in ["Establecimiento", "Red", "Territorio"] {
        let start: String = name.chars().take(8).collect();
        assert!(header.contains(&start), "{header}");
    }
    let by_month = env.ok(&["progress", "--pack", "redes-mejoramiento", "--by", "month"]);
    let header = by_month.lines().next().unwrap();
    for name in ["Establecimiento", "Red", "Territorio"] {
        assert!(header.contains(name), "{header}");
    }
    assert!(table.contains("Red level or above"), "{table}");
    let row = table
        .lines()
        .find(|l| l.contains("Lenguaje de red"))
        .unwrap();
    // The last five with the pack's short labels.
    assert!(row.trim_end().ends_with(" Est Red"), "{row}");

    let s = json(&env, &["--pack", "redes-mejoramiento"]);
    let names: Vec<&str> = s["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Establecimiento", "Red", "Territorio"]);
    assert_eq!(s["packs"].as_array().unwrap().len(), 1);
    assert_eq!(
        theme(&s, "redes-mejoramiento", "proposito-compartido")["last5"],
        serde_json::json!(["school", "network"])
    );
}

#[test]
fn a_pack_file_with_awkward_titles_round_trips_through_csv() {
    let env = TestEnv::new();
    let pack = env.file(
        "awkward.toml",
        r#"format = 1

[pack]
id = "awkward"
name = "Awkward"
version = "2.1.0"
language = "en"
description = "Titles that need CSV quoting."
source = "Tests."
author = "Tests"

[[themes]]
id = "commas"
title = "Trust, reciprocity and \"hothouses\""
summary = "A title with a comma and quotes."

[[prompts]]
id = "commas-1"
theme = "commas"
question = "What happened?"
"#,
    );
    let pack = pack.to_str().unwrap();
    env.append_records(&[add("q1", "2026-11-02", "system", Some("awkward/commas"))]);
    let csv = csv_maps(&env.ok(&["progress", "--pack", pack, "--format", "csv"]));
    let row = &csv[0];
    assert_eq!(
        ["kind", "pack", "theme", "title", "school", "network", "system", "total"]
            .map(|k| row[k].as_str()),
        [
            "theme",
            "awkward",
            "commas",
            "Trust, reciprocity and \"hothouses\"",
            "0",
            "0",
            "1",
            "1"
        ]
    );
    let s = json(&env, &["--pack", pack]);
    assert_eq!(s["packs"][0]["version"], "2.1.0");
}

#[test]
fn progress_periods_are_bounded_over_a_long_span() {
    let env = TestEnv::new();
    env.write("Long ago", &["--date", "1000-01-06", "--level", "school"]);
    env.write("Lately", &["--date", "2026-11-20", "--level", "school"]);
    let rows = |by: &str| -> Vec<String> {
        let summary: serde_json::Value =
            serde_json::from_str(&env.ok(&["progress", "--by", by, "--format", "json"])).unwrap();
        let rows = summary["by"]["rows"].as_array().unwrap();
        let entries: u64 = rows.iter().map(|r| r["entries"].as_u64().unwrap()).sum();
        assert_eq!(entries, 2);
        rows.iter()
            .map(|r| r["period"].as_str().unwrap().to_string())
            .collect()
    };
    // 53,540 weeks and 12,323 months lie between: only the periods with entries.
    assert_eq!(rows("week"), ["1000-W02", "2026-W47"]);
    assert_eq!(rows("month"), ["1000-01", "2026-11"]);
    // 4,108 quarters are few enough to spell out, empty ones included.
    let quarters = rows("quarter");
    assert_eq!(quarters.len(), 4_108);
    assert_eq!(quarters[..2], ["1000-Q1", "1000-Q2"]);
    assert_eq!(quarters.last().unwrap(), "2026-Q4");
    // The table is as bounded as the JSON.
    let table = env.ok(&["progress", "--by", "week"]);
    assert!(table.lines().count() < 20, "{table}");
}
