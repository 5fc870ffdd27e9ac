//! Integration tests: `reflect checkin`, the leader's rating of their network (issue
//! 17, item 5): flags for scripts, the questions on a terminal, the record kind of its
//! own in the journal, and the readers that must not count it as an entry.

use serde_json::Value;

use crate::util::TestEnv;

/// The journal's check-in lines, parsed.
fn checkins(env: &TestEnv) -> Vec<Value> {
    env.journal_lines()
        .iter()
        .map(|line| serde_json::from_str::<Value>(line).unwrap())
        .filter(|record| record["kind"] == "checkin")
        .collect()
}

/// A pack (in English) whose trainer named the stages of a network.
const STAGES: &str = r#"format = 1

[pack]
id = "staged"
name = "A pack with stages"
version = "1.0.0"
language = "en"

[[stages]]
id = "forming"
name = "Forming"
description = "Schools meet and get to know one another."

[[stages]]
id = "working"
name = "Working together"

[[stages]]
id = "leading"
name = "Leading change"

[[themes]]
id = "trust"
title = "Trust"

[[prompts]]
id = "trust-1"
theme = "trust"
question = "Who do you trust?"
"#;

#[test]
fn a_check_in_through_flags_is_a_record_of_its_own_kind() {
    let env = TestEnv::new();
    env.write("We visited the partner school.", &["--level", "network"]);
    let output = env
        .cmd()
        .args([
            "checkin",
            "--purpose",
            "3",
            "--structure",
            "2",
            "--trust",
            "?",
            "--focus",
            "0",
            "--working-share",
            "75%",
            "--agenda",
            "1",
            "--convener",
            "Sostenedor",
            "--note",
            "The SLEP ran the whole session.",
            "--date",
            "yesterday",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(output.stdout.is_empty(), "data on stdout: none");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("Check-in saved for Nov 22, 2026: 7 answers (2 don't know)."),
        "{stderr}"
    );

    let lines = env.journal_lines();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[1].starts_with(r#"{"v":2,"kind":"checkin","date":"2026-11-22","written":"2026-11-23T09:00:00+01:00","pack":"ncsl-networks","purpose":3,"structure":2,"agenda":1,"working_share":75,"convener":"sostenedor","dont_know":["trust","focus"],"note":"The SLEP ran the whole session."}"#),
        "{}",
        lines[1]
    );
    let record = &checkins(&env)[0];
    assert!(record.get("op").is_none() && record.get("id").is_none());
    assert!(record.get("collaboration").is_none(), "skipped: absent");
}

#[test]
fn values_out_of_range_are_usage_errors_listing_the_valid_values() {
    let env = TestEnv::new();
    for (flag, value, listed) in [
        (
            "--purpose",
            "5",
            "use 1, 2, 3 or 4 (or ? or 0 for don't know)",
        ),
        ("--trust", "high", "use 1, 2, 3 or 4"),
        ("--agenda", "10", "use 1, 2, 3 or 4"),
        ("--focus", "2.5", "use 1, 2, 3 or 4"),
        ("--working-share", "30", "use 0, 25, 50, 75 or 100"),
        (
            "--convener",
            "mayor",
            "use supervisor, sostenedor, directivos or other",
        ),
    ] {
        let stderr = env.usage_error(&["checkin", flag, value]);
        assert!(
            stderr.starts_with(&format!(
                "reflect: {flag}: '{value}' is not a valid value; {listed}"
            )),
            "{stderr}"
        );
    }
    let stderr = env.usage_error(&["checkin", "--stage", "forming"]);
    assert!(
        stderr.contains("--stage: the pack 'ncsl-networks' defines no stages of development"),
        "{stderr}"
    );
    // In Spanish too.
    let stderr = env.usage_error(&["--lang", "es", "checkin", "--structure", "7"]);
    assert!(
        stderr.contains("--structure: '7' no es un valor válido; usa 1, 2, 3 o 4"),
        "{stderr}"
    );
    assert!(env.journal_lines().is_empty(), "nothing was written");
}

#[test]
fn without_a_terminal_and_without_answers_it_says_so_and_never_waits() {
    let env = TestEnv::new();
    let stderr = env.usage_error(&["checkin"]);
    assert!(
        stderr.contains(
            "checkin asks its questions on a terminal; without one, give the answers as flags"
        ),
        "{stderr}"
    );
    // A note or a date is not an answer.
    let stderr = env.usage_error(&["checkin", "--note", "hello", "--date", "yesterday"]);
    assert!(
        stderr.contains("a check-in needs at least one answer"),
        "{stderr}"
    );
    assert!(env.journal_lines().is_empty());
}

#[test]
fn check_ins_change_no_count_of_entries_and_their_notes_stay_in_the_journal() {
    let env = TestEnv::new();
    env.write("First entry.", &["--level", "school"]);
    env.ok(&["checkin", "--purpose", "2", "--note", "NOTE-ALPHA"]);
    env.write("Second entry.", &["--level", "network"]);
    env.ok(&[
        "checkin",
        "--purpose",
        "3",
        "--trust",
        "2",
        "--note",
        "NOTE-BETA",
    ]);
    env.write("Third entry.", &[]);
    assert_eq!(env.journal_lines().len(), 5);

    assert_eq!(env.ok(&["list", "--format", "plain"]).lines().count(), 3);
    assert_eq!(env.ok(&["list", "--format", "json"]).lines().count(), 3);
    let export: Value = serde_json::from_str(&env.ok(&["export", "--format", "json"])).unwrap();
    assert_eq!(export["entries"].as_array().unwrap().len(), 3);
    let summary: Value = serde_json::from_str(&env.ok(&["progress", "--format", "json"])).unwrap();
    assert_eq!(summary["totals"]["total"], 3, "{}", summary["totals"]);
    let status = env.ok(&[]);
    assert!(
        status.contains('3'),
        "the home status counts entries: {status}"
    );

    // No reader calls a check-in damage.
    let output = env.cmd().args(["list"]).output().unwrap();
    assert!(output.stderr.is_empty(), "{output:?}");
    assert!(env.ok(&["check"]).contains("ok (5 records)"));

    // Notes never leave the journal.
    for args in [
        &["export", "--format", "json"][..],
        &["export", "--format", "markdown"],
        &["list", "--format", "json"],
        &["progress", "--format", "json"],
        &["progress", "--format", "csv"],
        &["progress"],
        &["stats", "--format", "json"],
    ] {
        let out = env.ok(args);
        assert!(
            !out.contains("NOTE-ALPHA") && !out.contains("NOTE-BETA"),
            "{args:?}: {out}"
        );
    }
}

#[test]
fn compact_and_repair_keep_check_ins() {
    let env = TestEnv::new();
    let first = env.write("An entry to change.", &["--level", "school"]);
    env.ok(&["checkin", "--collaboration", "2", "--note", "kept"]);
    env.ok(&["edit", &first, "--level", "network"]);
    env.ok(&["checkin", "--collaboration", "3"]);
    env.append_raw("this line is damaged\n");

    // Repair moves only the damaged line aside.
    env.ok(&["check", "--repair"]);
    assert_eq!(checkins(&env).len(), 2);
    assert!(env.ok(&["check"]).contains("ok (4 records)"));

    // Compact drops the superseded revision and keeps both check-ins as they were.
    env.ok(&["compact"]);
    let lines = env.journal_lines();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    let kept = checkins(&env);
    assert_eq!(kept.len(), 2);
    assert_eq!(kept[0]["collaboration"], 2);
    assert_eq!(kept[0]["note"], "kept");
    assert_eq!(kept[1]["collaboration"], 3);
    assert!(env.ok(&["check"]).contains("ok (3 records)"));
}

#[test]
fn a_damaged_check_in_is_reported_by_check() {
    let env = TestEnv::new();
    env.write("An entry.", &[]);
    env.append_raw(concat!(
        r#"{"v":2,"kind":"checkin","date":"2026-11-20","written":"2026-11-20T10:00:00Z","purpose":9}"#,
        "\n"
    ));
    let out = env.fails(&["check"]);
    let stdout = env
        .cmd()
        .args(["check"])
        .output()
        .map(|o| String::from_utf8(o.stdout).unwrap())
        .unwrap();
    assert!(
        stdout.contains(":2: 'purpose' is 9, not 1 to 4"),
        "{stdout}{out}"
    );
}

#[test]
fn a_pack_with_stages_is_asked_for_one_and_checks_it() {
    let env = TestEnv::new();
    let pack = env.file("staged.toml", STAGES);
    let pack = pack.to_str().unwrap();
    env.ok(&["--pack", pack, "checkin", "--stage", "Working together"]);
    assert_eq!(checkins(&env)[0]["stage"], "working");
    assert_eq!(checkins(&env)[0]["pack"], "staged");
    let stderr = env.usage_error(&["--pack", pack, "checkin", "--stage", "storming"]);
    assert!(
        stderr.contains(
            "'storming' is not a stage of the pack 'staged'; use one of forming, working, leading"
        ),
        "{stderr}"
    );

    // On a terminal the stage is asked with the pack's names.
    let mut pty = env.pty(&["--pack", pack, "checkin"]);
    for _ in 0..10 {
        pty.expect("Enter skips): ");
        pty.send_line("");
    }
    let asked = pty.expect("Your answer for stage").replace("\r\n", "\n");
    assert!(
        asked.contains("Which stage of development is the network at?\n  1. Forming (forming): Schools meet and get to know one another.\n  2. Working together (working)\n  3. Leading change (leading)"),
        "{asked:?}"
    );
    pty.send_line("3");
    pty.expect("Enter skips): ");
    pty.send_line("");
    pty.expect("Check-in saved");
    assert_eq!(pty.finish(), 0);
    assert_eq!(checkins(&env)[1]["stage"], "leading");

    let shown = env.ok(&["--pack", pack, "packs", "show", "staged"]);
    assert!(
        shown.contains("Stages of a network, earliest first") && shown.contains("Leading change"),
        "{shown}"
    );
}

#[test]
fn on_a_terminal_each_step_is_described_and_enter_skips() {
    let env = TestEnv::new();
    let mut pty = env.pty(&["checkin"]);
    let intro = pty.expect("Your answer for purpose").replace("\r\n", "\n");
    assert!(
        intro.contains("Network check-in (Network):"),
        "the pack's name for the network: {intro:?}"
    );
    assert!(
        intro.contains("Organising the network\n\nShared purpose: what moves the schools to work together?\n  1. Set by the convener; members receive it\n  2. Discussed together, not yet agreed\n  3. Agreed by the members and written down\n  4. Owned by the members and guiding the network's decisions\n"),
        "{intro:?}"
    );
    pty.send_line("3"); // purpose
    pty.expect("Your answer for structure");
    pty.send_line(""); // structure: skipped
    pty.expect("Your answer for processes");
    pty.send_line("?"); // processes: don't know
    pty.expect("Your answer for collaboration");
    pty.send_line("9");
    pty.expect("'9' is not one of the choices; try again");
    pty.send_line("2"); // collaboration
    pty.expect("Your answer for reciprocity");
    pty.send_line("");
    pty.expect("Your answer for trust");
    pty.send_line("4");
    pty.expect("Your answer for focus");
    pty.send_line("");
    let share = pty
        .expect("Your answer for working together")
        .replace("\r\n", "\n");
    assert!(share.contains("   50%  About half\n"), "{share:?}");
    pty.send_line("75");
    pty.expect("Your answer for agenda");
    pty.send_line("");
    let convener = pty.expect("Your answer for convener").replace("\r\n", "\n");
    assert!(
        convener.contains("  1. The Mineduc supervisor (supervisor)\n  2. The sostenedor or SLEP"),
        "{convener:?}"
    );
    pty.send_line("3");
    pty.expect("kept in your journal only; Enter skips):");
    pty.send_line("Our convener listened for once.");
    pty.expect("Check-in saved for Nov 23, 2026: 6 answers (1 don't know).");
    assert_eq!(pty.finish(), 0);

    let record = &checkins(&env)[0];
    assert_eq!(record["purpose"], 3);
    assert!(record.get("structure").is_none());
    assert_eq!(record["dont_know"], serde_json::json!(["processes"]));
    assert_eq!(record["collaboration"], 2);
    assert_eq!(record["trust"], 4);
    assert_eq!(record["working_share"], 75);
    assert_eq!(record["convener"], "directivos");
    assert_eq!(record["note"], "Our convener listened for once.");
}

#[test]
fn on_a_terminal_in_spanish_with_the_spanish_pack() {
    let env = TestEnv::new();
    let mut pty = env.pty_with_env(&["checkin"], &[("LANG", "es_CL.UTF-8")]);
    let intro = pty
        .expect("Tu respuesta para propósito")
        .replace("\r\n", "\n");
    assert!(intro.contains("Estado de la red (Red):"), "{intro:?}");
    assert!(
        intro.contains("  1. Lo define quien convoca; los miembros lo reciben\n"),
        "{intro:?}"
    );
    pty.send_line("2");
    for _ in 0..6 {
        pty.expect("Enter la salta): ");
        pty.send_line("");
    }
    pty.expect("Tu respuesta para trabajo conjunto");
    pty.send_line("?");
    pty.expect("Tu respuesta para agenda");
    pty.send_line("4");
    let convener = pty
        .expect("Tu respuesta para convocatoria")
        .replace("\r\n", "\n");
    assert!(
        convener.contains("  1. La supervisora o el supervisor del Mineduc (supervisor)\n  2. El sostenedor o el SLEP (DAEM/DEM, corporación municipal) (sostenedor)\n  3. Los equipos directivos, por turnos (directivos)"),
        "{convener:?}"
    );
    pty.send_line("sostenedor");
    pty.expect("Enter la salta):");
    pty.send_line("");
    pty.expect("Estado de la red guardado para el 23 nov 2026: 4 respuestas (1 no sé).");
    assert_eq!(pty.finish(), 0);
    let record = &checkins(&env)[0];
    assert_eq!(record["pack"], "redes-mejoramiento");
    assert_eq!(record["purpose"], 2);
    assert_eq!(record["agenda"], 4);
    assert_eq!(record["convener"], "sostenedor");
    assert_eq!(record["dont_know"], serde_json::json!(["working_share"]));
    assert!(record.get("note").is_none());
}

#[test]
fn skipping_every_question_saves_nothing() {
    let env = TestEnv::new();
    let mut pty = env.pty(&["checkin"]);
    pty.expect("Your answer for purpose");
    pty.end_input();
    pty.expect("Nothing saved: a check-in needs at least one answer");
    assert_eq!(pty.finish(), 1);
    assert!(env.journal_lines().is_empty());
}

/// The check-in paragraphs at the end of `reflect progress` (from "Latest network
/// check-in" to the footer).
fn progress_checkin_block(env: &TestEnv) -> String {
    let table = env.ok(&["progress"]);
    let start = table
        .find("Latest network check-in")
        .unwrap_or_else(|| panic!("no check-in in {table}"));
    let end = table.find("What every column").unwrap_or(table.len());
    table[start..end].to_string()
}

#[test]
fn progress_shows_the_latest_check_in_and_what_changed_without_calling_it_progress() {
    let env = TestEnv::new();
    env.write("A network visit.", &["--level", "network"]);
    env.ok(&[
        "checkin",
        "--purpose",
        "2",
        "--trust",
        "3",
        "--working-share",
        "25",
        "--date",
        "2026-10-01",
        "--note",
        "NOTE-OLD",
    ]);
    let block = progress_checkin_block(&env);
    assert!(
        block.starts_with("Latest network check-in (Oct 1, 2026): purpose 2 · trust 3 · working together\n25%\n1 check-in so far."),
        "{block}"
    );
    assert!(
        !block.contains("Changed"),
        "one check-in: nothing to compare: {block}"
    );

    env.ok(&[
        "checkin",
        "--purpose",
        "3",
        "--trust",
        "?",
        "--working-share",
        "50",
        "--convener",
        "directivos",
        "--date",
        "2026-11-20",
        "--note",
        "NOTE-NEW",
    ]);
    let block = progress_checkin_block(&env);
    let flat = block.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.starts_with("Latest network check-in (Nov 20, 2026): purpose 3 · trust don't know · working together 50% · convener: The school leadership teams, by turns"),
        "{block}"
    );
    assert!(
        flat.contains(
            "Changed since the check-in of Oct 1, 2026: purpose 2 → 3, working together 25% → 50%."
        ),
        "trust has no value now, so it is not compared: {block}"
    );
    assert!(flat.contains("A change is not a score"), "{block}");
    assert!(flat.contains("2 check-ins so far."), "{block}");
    let lower = flat.to_lowercase();
    for word in ["progress", "improve", "better", "worse"] {
        assert!(
            !lower.contains(word),
            "a change is never called {word}: {block}"
        );
    }
    assert!(!block.contains("NOTE-"), "{block}");

    // The same in the shareable JSON, without the note.
    let text = env.ok(&["progress", "--format", "json"]);
    assert!(!text.contains("NOTE-"), "{text}");
    let summary: Value = serde_json::from_str(&text).unwrap();
    let check_in = &summary["check_in"];
    assert_eq!(check_in["date"], "2026-11-20");
    assert_eq!(check_in["purpose"], 3);
    assert_eq!(check_in["working_share"], 50);
    assert_eq!(check_in["convener"], "directivos");
    assert_eq!(check_in["dont_know"], serde_json::json!(["trust"]));
    assert_eq!(check_in["count"], 2);
    assert_eq!(check_in["changes_since"], "2026-10-01");
    assert_eq!(
        check_in["changes"],
        serde_json::json!([
            {"question": "purpose", "from": 2, "to": 3},
            {"question": "working_share", "from": 25, "to": 50}
        ])
    );
    assert!(check_in.get("note").is_none());

    // A window that ends before the second check-in shows the first one.
    let earlier: Value =
        serde_json::from_str(&env.ok(&["progress", "--format", "json", "--until", "2026-10-31"]))
            .unwrap();
    assert_eq!(earlier["check_in"]["purpose"], 2);
    assert_eq!(earlier["check_in"]["count"], 1);
}

#[test]
fn progress_without_entries_still_shows_the_check_in() {
    let env = TestEnv::new();
    env.ok(&["checkin", "--collaboration", "2"]);
    let output = env.cmd().args(["progress"]).output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("Latest network check-in (Nov 23, 2026): collaboration 2\n"),
        "{stdout}"
    );
    let summary: Value = serde_json::from_str(&env.ok(&["progress", "--format", "json"])).unwrap();
    assert_eq!(summary["check_in"]["collaboration"], 2);
    assert_eq!(summary["totals"]["total"], 0);
}

#[test]
fn the_start_menu_offers_a_check_in_when_none_is_recent() {
    let env = TestEnv::new();
    env.write("A first entry.", &[]);

    // None yet: offered; `c` starts it.
    let mut pty = env.pty(&[]);
    let menu = pty.expect("[q] quit: ");
    assert!(
        menu.contains("You have not rated your network yet."),
        "{menu:?}"
    );
    assert!(menu.contains("[c] check-in"), "{menu:?}");
    pty.send_line("c");
    pty.expect("Your answer for purpose");
    pty.send_line("4");
    pty.end_input();
    pty.expect("Check-in saved for Nov 23, 2026: 1 answer.");
    assert_eq!(pty.finish(), 0);
    assert_eq!(checkins(&env).len(), 1);

    // Today's check-in is recent: not offered.
    let mut pty = env.pty(&[]);
    let menu = pty.expect("[q] quit: ");
    assert!(!menu.contains("[c]"), "{menu:?}");
    pty.send_line("q");
    assert_eq!(pty.finish(), 0);

    // Only an old one (53 days before "now"): offered again.
    let old = TestEnv::new();
    old.write("An entry.", &[]);
    old.ok(&["checkin", "--trust", "2", "--date", "2026-10-01"]);
    let mut pty = old.pty(&[]);
    let menu = pty.expect("[q] quit: ");
    assert!(
        menu.contains("Your last network check-in was 53 days ago."),
        "{menu:?}"
    );
    assert!(menu.contains("[c] check-in"), "{menu:?}");
    pty.send_line("q");
    assert_eq!(pty.finish(), 0);

    // 28 days is not yet more than four weeks.
    let recent = TestEnv::new();
    recent.write("An entry.", &[]);
    recent.ok(&["checkin", "--trust", "2", "--date", "2026-10-26"]);
    let mut pty = recent.pty(&[]);
    let menu = pty.expect("[q] quit: ");
    assert!(!menu.contains("[c]"), "{menu:?}");
    pty.send_line("q");
    assert_eq!(pty.finish(), 0);
}

/// A participant's shared summary (`progress --format json --group GROUP`) after one
/// entry and, when `purpose` is given, a check-in with a note naming the participant.
fn shared_summary(trainer: &TestEnv, name: &str, group: &str, checkin: Option<(u8, u8)>) -> String {
    let participant = TestEnv::new();
    participant.write(&format!("TEXT-{name}"), &["--level", "network"]);
    if let Some((purpose, trust)) = checkin {
        participant.ok(&[
            "checkin",
            "--purpose",
            &purpose.to_string(),
            "--trust",
            &trust.to_string(),
            "--working-share",
            "50",
            "--note",
            &format!("NOTE-{name}"),
        ]);
    }
    let summary = participant.ok(&["progress", "--format", "json", "--group", group]);
    assert!(
        !summary.contains("NOTE-") && !summary.contains("TEXT-"),
        "{summary}"
    );
    trainer
        .file(&format!("{name}.json"), summary)
        .to_str()
        .unwrap()
        .to_string()
}

#[test]
fn cohort_shows_check_in_medians_per_group_only_from_five_participants() {
    let trainer = TestEnv::new();
    let mut files = Vec::new();
    // Red Norte: five participants with a check-in, one without.
    for (at, (purpose, trust)) in [(1, 2), (2, 2), (3, 3), (4, 4), (4, 1)]
        .into_iter()
        .enumerate()
    {
        files.push(shared_summary(
            &trainer,
            &format!("n{at}"),
            "Red Norte",
            Some((purpose, trust)),
        ));
    }
    files.push(shared_summary(&trainer, "n5", "Red Norte", None));
    // Red Sur: four participants with a check-in: held back.
    for at in 0..4 {
        files.push(shared_summary(
            &trainer,
            &format!("s{at}"),
            "Red Sur",
            Some((4, 4)),
        ));
    }
    let mut args = vec!["cohort"];
    args.extend(files.iter().map(String::as_str));
    let table = trainer.ok(&args);
    let start = table.find("Network check-ins by group").expect(&table);
    let part = &table[start..];
    assert!(
        part.contains("Red Norte (5 participants with a check-in)\n  purpose           median 3, range 1 to 4 (5 answers)\n  structure         held back (0 answers; at least 5 are needed)\n"),
        "{part}"
    );
    assert!(
        part.contains("  trust             median 2, range 1 to 4 (5 answers)\n"),
        "{part}"
    );
    assert!(
        part.contains("  working together  median 50%, range 50% to 50% (5 answers)\n"),
        "{part}"
    );
    assert!(
        part.contains("Red Sur: held back (4 participants with a check-in; at least 5 are needed)"),
        "{part}"
    );
    assert!(!part.contains("Red Sur ("), "no figure of Red Sur: {part}");

    let json: Value = serde_json::from_str(
        &trainer.ok(&[
            &["cohort", "--format", "json"][..],
            &files.iter().map(String::as_str).collect::<Vec<_>>(),
        ]
        .concat()),
    )
    .unwrap();
    let groups = json["check_ins"].as_array().unwrap();
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0]["group"], "Red Norte");
    assert_eq!(groups[0]["participants"], 5);
    assert_eq!(groups[0]["answers"][0]["question"], "purpose");
    assert_eq!(groups[0]["answers"][0]["median"], 3.0);
    assert_eq!(groups[0]["answers"][0]["low"], 1);
    assert_eq!(groups[1]["group"], "Red Sur");
    assert!(groups[1]["answers"].is_null(), "{}", groups[1]);

    // No cohort output carries a note or an entry's text.
    for format in ["table", "json", "csv"] {
        let mut args = vec!["cohort", "--format", format];
        args.extend(files.iter().map(String::as_str));
        let out = trainer.ok(&args);
        assert!(
            !out.contains("NOTE-") && !out.contains("TEXT-"),
            "{format}: {out}"
        );
    }
}

#[test]
fn a_summary_with_a_bad_check_in_is_a_bad_file() {
    let trainer = TestEnv::new();
    let good = shared_summary(&trainer, "p0", "Red", Some((2, 2)));
    let text = std::fs::read_to_string(&good)
        .unwrap()
        .replace("\"purpose\": 2", "\"purpose\": 9");
    let bad = trainer.file("bad.json", text);
    let stderr = trainer.fails(&["cohort", bad.to_str().unwrap()]);
    assert!(
        stderr.contains("bad.json") && stderr.contains("'purpose'"),
        "{stderr}"
    );
}
