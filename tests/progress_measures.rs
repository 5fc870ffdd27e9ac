//! Integration tests: the measures of `reflect progress` (issue 14): the CSV
//! carrying the JSON's figures, percentages only over ten entries, the grid,
//! `--explain`, and ideas, unrated entries, depths and transfers.

use serde_json::Value;

use crate::progress::{add, counts, json, parse_csv, reference_journal, theme};
use crate::util::{Record, TestEnv};

/// CSV records as maps from column name to value.
pub fn csv_maps(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let records = parse_csv(text);
    let header = &records[0];
    records[1..]
        .iter()
        .map(|r| header.iter().cloned().zip(r.iter().cloned()).collect())
        .collect()
}

/// The JSON value a CSV cell stands for: a number, or null for an empty cell.
fn cell(row: &std::collections::HashMap<String, String>, column: &str) -> Value {
    match row[column].as_str() {
        "" => Value::Null,
        text => serde_json::from_str(text).unwrap_or_else(|_| panic!("{column}: {text}")),
    }
}

/// Checks that a CSV measures record holds the figures of a JSON measures object.
fn same_measures(row: &std::collections::HashMap<String, String>, m: &Value) {
    let pairs = [
        ("school", &m["counts"]["school"]),
        ("network", &m["counts"]["network"]),
        ("system", &m["counts"]["system"]),
        ("idea", &m["idea"]),
        ("unrated", &m["unrated"]),
        ("total", &m["entries"]),
        ("rated", &m["rated"]),
        ("network_or_above", &m["network_reach"]["count"]),
        ("network_reach_share", &m["network_reach"]["share"]),
        ("brought_in", &m["brought_into_school"]["count"]),
        ("brought_in_share", &m["brought_into_school"]["share"]),
        ("sharing_or_deeper", &m["collaborative_reach"]["count"]),
        ("with_depth", &m["collaborative_reach"]["of"]),
        ("without_depth", &m["collaborative_reach"]["without_depth"]),
        ("collaborative_share", &m["collaborative_reach"]["share"]),
    ];
    for (column, json) in pairs {
        assert_eq!(
            cell(row, column).as_f64(),
            json.as_f64(),
            "{column} in {row:?}"
        );
        assert_eq!(cell(row, column).is_null(), json.is_null(), "{column}");
    }
}

#[test]
fn csv_has_the_same_figures_as_json() {
    let autumn = TestEnv::new();
    an_autumn(&autumn);
    let env = TestEnv::new();
    reference_journal(&env);
    for (env, by) in [(&env, None), (&env, Some("week")), (&autumn, Some("month"))] {
        let mut args = vec![];
        if let Some(by) = by {
            args = vec!["--by", by];
        }
        let s = json(env, &args);
        let mut csv_args = vec!["progress", "--format", "csv"];
        csv_args.extend(&args);
        let rows = csv_maps(&env.ok(&csv_args));
        let mut checked = 0;
        for row in &rows {
            let kind = row["kind"].as_str();
            let json_row = match kind {
                "theme" => theme(&s, &row["pack"], &row["theme"]),
                "free" => &s["free"],
                "total" => &s["totals"],
                _ => continue,
            };
            checked += 1;
            if kind == "theme" {
                assert_eq!(row["title"], json_row["title"].as_str().unwrap());
            }
            let (a, b, c, d) = counts(json_row);
            let numbers = ["school", "network", "system", "total"].map(|k| cell(row, k));
            assert_eq!(numbers, [a, b, c, d].map(Value::from));
            let last5: Vec<&str> = json_row["last5"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap())
                .collect();
            assert_eq!(row["last5"], last5.join(" "));
        }
        let windows = &s["measures"];
        for row in rows.iter().filter(|r| r["kind"] == "window") {
            same_measures(row, &windows[&row["window"]]);
            checked += 1;
        }
        let series = |key: &str| -> Vec<Value> {
            match key {
                "month" => s["months"].as_array().unwrap().clone(),
                _ => s["by"]["rows"].as_array().cloned().unwrap_or_default(),
            }
        };
        for kind in ["month", "period"] {
            let json_rows = series(kind);
            let csv_rows: Vec<_> = rows.iter().filter(|r| r["kind"] == kind).collect();
            assert_eq!(csv_rows.len(), json_rows.len(), "{kind}");
            for (row, m) in csv_rows.iter().zip(&json_rows) {
                assert_eq!(row["window"], m["period"].as_str().unwrap());
                assert_eq!(row["from"], m["from"].as_str().unwrap());
                same_measures(row, m);
                checked += 1;
            }
        }
        for kind in ["window", "month", "period"] {
            let transfers: Vec<_> = rows
                .iter()
                .filter(|r| r["kind"] == format!("{kind}_transfer"))
                .collect();
            for row in &transfers {
                let m = match kind {
                    "window" => windows[&row["window"]].clone(),
                    _ => series(kind)
                        .into_iter()
                        .find(|m| m["period"] == row["window"].as_str())
                        .unwrap(),
                };
                let json_transfer = m["transfers"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|t| t["from"] == row["transfer_from"] && t["to"] == row["transfer_to"])
                    .cloned()
                    .unwrap_or_else(|| panic!("{row:?} not in {m}"));
                assert_eq!(cell(row, "count"), json_transfer["count"]);
                checked += 1;
            }
        }
        let grid: Vec<_> = rows.iter().filter(|r| r["kind"] == "grid").collect();
        assert_eq!(grid.len(), 5);
        for row in grid {
            for level in ["school", "network", "system"] {
                let json_cell = s["grid"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|c| {
                        c["level"] == level && c["depth"].as_str().unwrap_or("none") == row["depth"]
                    })
                    .unwrap();
                assert_eq!(cell(row, level), json_cell["count"]);
            }
            checked += 1;
        }
        assert_eq!(checked, rows.len(), "every CSV record is checked");
    }
    // Without --by there are no period rows; the totals are the reference journal's.
    let rows = csv_maps(&env.ok(&["progress", "--format", "csv"]));
    let total = rows.iter().find(|r| r["kind"] == "total").unwrap();
    assert_eq!(
        ["school", "network", "system", "total"].map(|k| total[k].as_str()),
        ["11", "6", "3", "20"]
    );
    assert!(rows.iter().all(|r| r["kind"] != "period"));
}

/// `n` entries about consecutive days of November, every other one at network level.
fn alternating(env: &TestEnv, n: usize) {
    let records: Vec<Record> = (0..n)
        .map(|i| {
            let level = if i % 2 == 0 { "network" } else { "school" };
            add(
                &format!("e{i}"),
                &format!("2026-11-{:02}", i + 1),
                level,
                None,
            )
        })
        .collect();
    env.append_records(&records);
}

#[test]
fn percentages_only_over_ten_entries() {
    let env = TestEnv::new();
    alternating(&env, 9);
    let table = env.ok(&["progress"]);
    assert!(table.contains("5 of 9"), "{table}");
    assert!(!table.contains('%'), "{table}");
    assert_eq!(
        json(&env, &[])["measures"]["whole"]["network_reach"]["share"],
        Value::Null
    );

    let env = TestEnv::new();
    alternating(&env, 10);
    let table = env.ok(&["progress"]);
    assert!(table.contains("5 of 10 (50%)"), "{table}");
    assert_eq!(
        json(&env, &[])["measures"]["whole"]["network_reach"]["share"],
        0.5
    );
    // The window before is empty: no change, so no arrow.
    let change = table
        .lines()
        .find(|l| l.trim_start().starts_with("Network reach"))
        .unwrap();
    assert!(!change.contains("pts"), "{change}");
}

#[test]
fn the_grid_counts_levels_by_depth() {
    let env = TestEnv::new();
    reference_journal(&env);
    let grid = env.ok(&["progress", "--grid"]);
    let row = |level: &str| -> Vec<String> {
        grid.lines()
            .find(|l| l.trim_start().starts_with(level))
            .unwrap_or_else(|| panic!("no {level} row in\n{grid}"))
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    let header = grid.lines().next().unwrap();
    for depth in [
        "Informing",
        "Coordinating",
        "Sharing",
        "Co-constructing",
        "No depth",
    ] {
        assert!(header.contains(depth), "{header}");
    }
    // Reference entries record no depth: every one is in the last column.
    assert_eq!(row("School"), ["School", "0", "0", "0", "0", "11", "11"]);
    assert_eq!(row("Network"), ["Network", "0", "0", "0", "0", "6", "6"]);
    assert_eq!(row("System"), ["System", "0", "0", "0", "0", "3", "3"]);
    assert!(grid.contains("reflect progress --explain"), "{grid}");
    let s = json(&env, &[]);
    let cells = s["grid"].as_array().unwrap();
    assert_eq!(cells.len(), 15);
    let none_school = cells
        .iter()
        .find(|c| c["level"] == "school" && c["depth"].is_null())
        .unwrap();
    assert_eq!(none_school["count"], 11);
    env.usage_error(&["progress", "--grid", "--by", "month"]);
}

#[test]
fn explain_says_what_every_column_and_measure_means() {
    let env = TestEnv::new();
    let text = env.ok(&["progress", "--explain"]);
    for name in [
        "Theme",
        "Idea",
        "Unrated",
        "Total",
        "Last 5",
        "Network reach",
        "Learning brought into the school",
        "Collaborative reach",
        "Transfers",
        "--grid",
        "--by",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(name)),
            "no entry for {name} in\n{text}"
        );
    }
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("first sign of transfer"), "{flat}");
    assert!(flat.contains("mixes the themes"), "{flat}");
    assert!(!flat.to_lowercase().contains("better"), "{flat}");
    // In the interface language.
    let es = env.ok(&["--lang", "es", "progress", "--explain"]);
    let es = es.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(es.starts_with("Qué muestra reflect progress"), "{es}");
    assert!(es.contains("primera señal de transferencia"), "{es}");
    assert!(es.contains("mezcla los temas"), "{es}");
    // The tables point to it.
    reference_journal(&env);
    let table = env.ok(&["progress"]);
    assert!(
        table.trim_end().ends_with("reflect progress --explain"),
        "{table}"
    );
}

#[test]
fn unrated_and_idea_entries_are_counted_apart() {
    let env = TestEnv::new();
    env.write("At school.", &["--date", "2026-11-02", "--level", "school"]);
    env.write(
        "Also at school.",
        &["--date", "2026-11-03", "--level", "school"],
    );
    env.write(
        "With the network.",
        &["--date", "2026-11-04", "--level", "network"],
    );
    env.write(
        "A plan for next term.",
        &["--date", "2026-11-05", "--level", "idea"],
    );
    // No terminal, no --level: saved unrated.
    env.write("Not rated yet.", &["--date", "2026-11-06"]);

    let table = env.ok(&["progress"]);
    let header = table.lines().next().unwrap();
    assert!(
        header.contains("Idea") && header.contains("Unrated"),
        "{header}"
    );
    let all: Vec<&str> = table
        .lines()
        .find(|l| l.trim_start().starts_with("All entries"))
        .unwrap()
        .split_whitespace()
        .collect();
    // School, Network, System, Idea, Unrated, Total, then the last five rated.
    assert_eq!(all[2..8], ["2", "1", "0", "1", "1", "5"], "{table}");
    assert_eq!(all[8..], ["Sch", "Sch", "Net"], "{table}");
    // Reach is over the three rated entries only.
    let reach = table
        .lines()
        .find(|l| l.trim_start().starts_with("Network reach"))
        .unwrap();
    assert!(reach.contains("1 of 3"), "{reach}");

    let s = json(&env, &[]);
    let whole = &s["measures"]["whole"];
    assert_eq!(
        [
            &whole["entries"],
            &whole["rated"],
            &whole["idea"],
            &whole["unrated"]
        ],
        [5, 3, 1, 1]
    );
    assert_eq!(whole["network_reach"]["of"], 3);
    assert_eq!(s["totals"]["idea"], 1);
    assert_eq!(s["totals"]["unrated"], 1);
    // The idea counts in neither the grid nor the last five.
    let in_grid: u64 = s["grid"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .sum();
    assert_eq!(in_grid, 3);
    assert_eq!(s["free"]["last5"].as_array().unwrap().len(), 3);

    // Without ideas or unrated entries, no such columns.
    let rated_only = env.ok(&["progress", "--level", "school"]);
    let header = rated_only.lines().next().unwrap();
    assert!(
        !header.contains("Idea") && !header.contains("Unrated"),
        "{header}"
    );
}

#[test]
fn depth_and_transfer_measures() {
    let env = TestEnv::new();
    let entry = |day: &str, level: &str, extra: &[&str]| {
        let mut args = vec!["--date", day, "--level", level];
        args.extend_from_slice(extra);
        env.write(&format!("{level} on {day}"), &args);
    };
    entry("2026-11-02", "school", &["--from", "network"]);
    entry(
        "2026-11-03",
        "school",
        &["--from", "programme", "--depth", "informing"],
    );
    entry("2026-11-04", "school", &[]);
    entry(
        "2026-11-05",
        "network",
        &["--depth", "sharing", "--from", "school"],
    );
    entry("2026-11-06", "system", &["--depth", "co-constructing"]);
    entry("2026-11-07", "network", &["--depth", "coordinating"]);

    let s = json(&env, &[]);
    let whole = &s["measures"]["whole"];
    assert_eq!(
        whole["brought_into_school"],
        serde_json::json!({"count": 2, "of": 3, "share": null})
    );
    assert_eq!(
        whole["collaborative_reach"],
        serde_json::json!({"count": 2, "of": 4, "share": null, "without_depth": 2})
    );
    assert_eq!(
        whole["transfers"],
        serde_json::json!([
            {"from": "school", "to": "network", "count": 1},
            {"from": "network", "to": "school", "count": 1},
            {"from": "programme", "to": "school", "count": 1}
        ])
    );
    let cell = |level: &str, depth: Value| {
        s["grid"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["level"] == level && c["depth"] == depth)
            .unwrap()["count"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(cell("network", "sharing".into()), 1);
    assert_eq!(cell("school", Value::Null), 2);

    let table = env.ok(&["progress"]);
    let line = |start: &str| {
        table
            .lines()
            .find(|l| l.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("no {start} in\n{table}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(line("Learning brought into").contains("2 of 3"), "{table}");
    assert!(line("Collaborative reach").contains("2 of 4"), "{table}");
    // All transfers, then one row per direction: whole period, last 30 days, before.
    assert!(line("Transfers").ends_with("3 3 0"), "{table}");
    assert!(line("Network -> School").ends_with("1 1 0"), "{table}");
    assert!(line("Programme -> School").ends_with("1 1 0"), "{table}");

    let grid = env.ok(&["progress", "--grid"]);
    let network: Vec<&str> = grid
        .lines()
        .find(|l| l.trim_start().starts_with("Network"))
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(network, ["Network", "0", "1", "1", "0", "0", "2"], "{grid}");
}

/// A leader's autumn: rated entries at every level, an idea, an unrated entry,
/// depths and transfers, enough entries in each window for percentages.
fn an_autumn(env: &TestEnv) {
    let mut records = Vec::new();
    let levels = [
        "school", "network", "school", "system", "network", "school", "network",
    ];
    let themes = [
        "ncsl-networks/complex-relationships",
        "ncsl-networks/honest-exchange",
        "ncsl-networks/professional-learning",
    ];
    let start = chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    // 40 entries, one every other day from 1 September to 18 November.
    for i in 0..40u64 {
        let day = (start + chrono::Days::new(2 * i)).to_string();
        let level = levels[i as usize % levels.len()];
        let mut record = add(
            &format!("r{i:02}"),
            &day,
            level,
            Some(themes[i as usize % 3]),
        );
        if i % 3 == 0 {
            record =
                record.depth(["informing", "sharing", "co-constructing"][(i / 3) as usize % 3]);
        }
        if level == "school" && i % 4 == 2 {
            record = record.from(if i % 8 == 2 { "network" } else { "programme" });
        }
        if level == "network" && i % 5 == 1 {
            record = record.from("school");
        }
        records.push(record);
    }
    records.push(add("idea1", "2026-11-10", "idea", Some(themes[0])));
    records.push(add("unr1", "2026-11-12", "school", Some(themes[1])).unrated());
    env.append_records(&records);
}

#[test]
fn the_table_with_ideas_unrated_depths_and_transfers() {
    let env = TestEnv::new();
    an_autumn(&env);
    let table = env.ok(&["progress", "--pack", "ncsl-networks"]);
    insta::assert_snapshot!(table);
}
