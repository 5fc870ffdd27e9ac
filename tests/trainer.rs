//! Integration tests: the trainer's view (issue 17, items 2, 3, 4 and 6): `share`,
//! `cohort --by group` with medians per participant and the privacy rule, and the
//! Markdown and HTML reports (`reflect report`, `cohort --format markdown|html`).
//!
//! The cohort: "Red Norte" (3 participants, one of them prolific), "Red Sur" (3, its
//! name full of Markdown and HTML), "Red Chica" (2: never shown), each built from a
//! temp journal whose texts and tags must never reach a cohort output.
//!
//! `REFLECT_COHORT_EXAMPLE=docs/cohort-report.png` and
//! `REFLECT_LEADER_EXAMPLE=docs/leader-report.png` refresh the pictures in docs/.

use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag};
use serde_json::Value;

use crate::progress::add;
use crate::util::{Browser, Record, TestEnv};

const CR: &str = "ncsl-networks/complex-relationships";
const HE: &str = "ncsl-networks/honest-exchange";
/// A group name with HTML and Markdown in it: it must stay text everywhere.
const SUR: &str = "Red Sur <b>Costa</b> & [Los Ríos](http://e.x) | *2026*";

/// A participant's summary (their own temp journal), saved in the trainer's folder.
fn participant(trainer: &TestEnv, name: &str, group: Option<&str>, entries: &[Record]) -> String {
    let leader = TestEnv::new();
    leader.append_records(entries);
    let mut args = vec!["share"];
    if let Some(group) = group {
        args.extend(["--group", group]);
    }
    let path = trainer.file(name, leader.ok(&args));
    path.to_str().unwrap().to_string()
}

/// `n` entries at `level` in theme `theme`, ids `prefix0..`.
fn entries(prefix: &str, n: usize, level: &str, theme: Option<&str>) -> Vec<Record> {
    (0..n)
        .map(|i| {
            add(
                &format!("{prefix}{i}"),
                &format!("2026-{:02}-{:02}", 9 + i % 3, 1 + i % 27),
                level,
                theme,
            )
        })
        .collect()
}

/// The cohort's files: Norte n1 (10 network), n2 (1 school), n3 (1 network, 1
/// school); Sur s1..s3 (1 network, 1 school each); Chica c1, c2 (system).
fn cohort_files(trainer: &TestEnv) -> Vec<String> {
    let norte = Some("Red Norte");
    let both = |p: &str| {
        let mut e = entries(&format!("{p}n"), 1, "network", Some(CR));
        e.extend(entries(&format!("{p}s"), 1, "school", Some(HE)));
        e
    };
    vec![
        participant(
            trainer,
            "n1.json",
            norte,
            &entries("n1", 10, "network", Some(CR)),
        ),
        participant(trainer, "n2.json", norte, &entries("n2", 1, "school", None)),
        participant(trainer, "n3.json", norte, &both("n3")),
        participant(trainer, "s1.json", Some(SUR), &both("s1")),
        participant(trainer, "s2.json", Some(SUR), &both("s2")),
        participant(trainer, "s3.json", Some(SUR), &both("s3")),
        participant(
            trainer,
            "c1.json",
            Some("Red Chica"),
            &entries("c1", 2, "system", None),
        ),
        participant(
            trainer,
            "c2.json",
            Some("Red Chica"),
            &entries("c2", 3, "system", None),
        ),
    ]
}

fn cohort(trainer: &TestEnv, files: &[String], extra: &[&str]) -> String {
    let mut args = vec!["cohort"];
    args.extend_from_slice(extra);
    args.extend(files.iter().map(String::as_str));
    trainer.ok(&args)
}

fn group<'a>(c: &'a Value, name: &str) -> &'a Value {
    c["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == name)
        .unwrap_or_else(|| panic!("no group {name} in {c:#}"))
}

#[test]
fn cohort_by_group_shows_each_group_and_the_whole_without_the_small_one() {
    let trainer = TestEnv::new();
    let mut files = cohort_files(&trainer);
    // n1's file again, and a copy of it: still one participant.
    files.push(files[0].clone());
    let copy = trainer.file("copy.json", std::fs::read(&files[0]).unwrap());
    files.push(copy.to_str().unwrap().to_string());

    let c: Value = serde_json::from_str(&cohort(
        &trainer,
        &files,
        &["--format", "json", "--by", "group"],
    ))
    .unwrap();
    assert_eq!(c["participants"], 6, "{c:#}");
    assert_eq!(c["left_out"]["participants"], 2);
    assert_eq!(c["left_out"]["groups"], 1);
    let names: Vec<&str> = c["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    // By name.
    assert_eq!(names, ["Red Norte", SUR]);
    // The small group is out of the totals too: no system entry anywhere.
    assert_eq!(c["totals"]["counts"]["system"], 0, "{c:#}");
    assert_eq!(c["totals"]["total"], 10 + 1 + 2 + 6);

    // Per participant, then the median: n1's ten entries do not set Norte's reach.
    let norte = group(&c, "Red Norte");
    assert_eq!(norte["participants"], 3);
    assert_eq!(norte["pooled"]["network_reach"]["count"], 11);
    assert_eq!(norte["pooled"]["network_reach"]["of"], 13);
    assert_eq!(norte["median"]["network_reach"]["median"], 0.5);
    assert_eq!(norte["median"]["rated"]["median"], 2.0);
    let sur = group(&c, SUR);
    assert_eq!(sur["median"]["network_reach"]["median"], 0.5);
    assert_eq!(
        c["per_participant"]["median"]["network_reach"]["median"],
        0.5
    );
    assert_eq!(c["per_participant"]["pooled"]["network_reach"]["count"], 14);

    let table = cohort(&trainer, &files, &["--by", "group"]);
    assert!(
        table.contains("Group Red Norte (3 participants)"),
        "{table}"
    );
    assert!(
        table.contains(&format!("Group {SUR} (3 participants)")),
        "{table}"
    );
    assert!(table.contains("Whole cohort (6 participants)"), "{table}");
    assert!(table.contains("11 of 13"), "{table}");
    assert!(
        table.contains("2 participants of 1 group with fewer than 3 participants left out"),
        "{table}"
    );
    assert!(!table.contains("Chica"), "{table}");
    // Without --by group the totals are the same six participants.
    let plain = cohort(&trainer, &files, &[]);
    assert!(plain.contains("Cohort of 6 participants"), "{plain}");
    assert!(
        plain.contains("left out of every table and total"),
        "{plain}"
    );

    let csv = cohort(&trainer, &files, &["--by", "group", "--format", "csv"]);
    assert!(
        csv.contains("group,Red Norte,3,network_reach,11,13,0.5,3"),
        "{csv}"
    );
    assert!(csv.contains("cohort,,6,rated,19,,2,6"), "{csv}");
    assert!(csv.ends_with("left_out,,2,,,,,\n"), "{csv}");

    // A bigger threshold hides both groups; a smaller one is a usage error.
    let strict: Value = serde_json::from_str(&cohort(
        &trainer,
        &files,
        &["--format", "json", "--min-group", "4"],
    ))
    .unwrap();
    assert_eq!(strict["participants"], 0);
    assert_eq!(strict["left_out"]["participants"], 8);
    let mut args = vec!["cohort", "--min-group", "2"];
    args.extend(files.iter().map(String::as_str));
    let stderr = trainer.usage_error(&args);
    assert!(stderr.contains("--min-group"), "{stderr}");
}

#[test]
fn no_cohort_output_holds_a_text_a_tag_or_a_hidden_group() {
    let trainer = TestEnv::new();
    let files = cohort_files(&trainer);
    for by in [&[][..], &["--by", "group"][..]] {
        for format in ["table", "json", "csv", "markdown", "html"] {
            let mut extra = vec!["--format", format];
            extra.extend_from_slice(by);
            let out = cohort(&trainer, &files, &extra);
            for secret in ["SECRET-TEXT", "Ñuñoa", "confidential-tag", "Chica"] {
                assert!(!out.contains(secret), "{secret} in {format} {by:?}:\n{out}");
            }
        }
    }
}

#[test]
fn format_1_summaries_join_a_grouped_cohort_as_no_group() {
    let trainer = TestEnv::new();
    let mut files: Vec<String> = cohort_files(&trainer)[..3].to_vec();
    for day in ["2026-06-28", "2026-06-29", "2026-06-30"] {
        let old = crate::cohort::FORMAT_1.replace("2026-06-30", day);
        let path = trainer.file(&format!("old-{day}.json"), old);
        files.push(path.to_str().unwrap().to_string());
    }
    let c: Value = serde_json::from_str(&cohort(
        &trainer,
        &files,
        &["--format", "json", "--by", "group"],
    ))
    .unwrap();
    assert_eq!(c["participants"], 6);
    let old = c["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"].is_null())
        .unwrap();
    assert_eq!(old["participants"], 3);
    // Each format 1 summary: 2 of 4 at network or above.
    assert_eq!(old["median"]["network_reach"]["median"], 0.5);
    let table = cohort(&trainer, &files, &["--by", "group"]);
    assert!(table.contains("No group named (3 participants)"), "{table}");
}

/// The text a CommonMark parser (with pipe tables) reads in `markdown`, and whether
/// it met raw HTML; the number of tables and of headings.
fn parse(markdown: &str) -> (String, bool, usize, usize) {
    let mut text = String::new();
    let (mut html, mut tables, mut headings) = (false, 0, 0);
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::End(_) | Event::SoftBreak | Event::HardBreak => text.push('\n'),
            Event::Html(_) | Event::InlineHtml(_) => html = true,
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(Tag::Heading { .. }) => headings += 1,
            Event::Start(Tag::Link { .. }) => html = true,
            _ => {}
        }
    }
    (text, html, tables, headings)
}

#[test]
fn the_cohort_markdown_report_is_commonmark_with_every_table() {
    let trainer = TestEnv::new();
    let files = cohort_files(&trainer);
    let markdown = cohort(&trainer, &files, &["--by", "group", "--format", "markdown"]);
    let (text, html, tables, headings) = parse(&markdown);
    assert!(!html, "raw HTML or a link made it through:\n{markdown}");
    // Levels, reached, Norte, Sur, whole cohort, months, grid.
    assert_eq!(tables, 7, "{markdown}");
    assert!(headings >= 10, "{markdown}");
    assert!(
        text.contains(&format!("Group {SUR} (3 participants)")),
        "{text}"
    );
    assert!(text.contains("Median per participant"), "{text}");
    assert!(text.contains("left out of every table and total"), "{text}");

    let spanish = cohort(
        &trainer,
        &files,
        &["--lang", "es", "--by", "group", "--format", "markdown"],
    );
    let (text, ..) = parse(&spanish);
    assert!(text.contains("Informe de la cohorte"), "{text}");
    assert!(text.contains("Grupo Red Norte (3 participantes)"), "{text}");
    assert!(text.contains("Mediana por participante"), "{text}");
}

/// Text as `--dump-dom` serialises it.
fn serialised(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Renders `html` in the browser: a non-trivial screenshot (saved to the file named
/// by `example`, when set), an A4 PDF, and the DOM, which must hold `charts` charts,
/// `tables` tables and no script.
fn rendered(browser: &Browser, html: &Path, charts: usize, tables: usize, example: &str) -> String {
    let png = browser.screenshot(html, 1200, 1600);
    assert!(png.len() > 30_000, "a screenshot of {} bytes", png.len());
    if let Some(target) = std::env::var_os(example) {
        std::fs::write(target, browser.screenshot(html, 1200, 2600)).unwrap();
    }
    let pdf = browser.pdf(html);
    assert!(
        pdf.starts_with(b"%PDF-") && pdf.len() > 10_000,
        "a PDF of {} bytes",
        pdf.len()
    );
    let dom = browser.dom(html);
    assert!(!dom.contains("<script"), "{dom}");
    assert_eq!(dom.matches("<svg").count(), charts, "{dom}");
    assert_eq!(dom.matches("<table").count(), tables, "{dom}");
    dom
}

#[test]
fn the_cohort_html_report_renders_in_a_browser() {
    let trainer = TestEnv::new();
    let files = cohort_files(&trainer);
    let html = trainer.root().join("cohort.html");
    cohort(
        &trainer,
        &files,
        &[
            "--by",
            "group",
            "--format",
            "html",
            "-o",
            html.to_str().unwrap(),
        ],
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(!page.contains("<b>Sur"), "the group name is escaped");
    let Some(browser) = Browser::find("the_cohort_html_report_renders_in_a_browser") else {
        return;
    };
    // Charts: levels, months, grid; tables: theirs and reached, Norte, Sur, whole.
    let dom = rendered(&browser, &html, 3, 7, "REFLECT_COHORT_EXAMPLE");
    assert!(
        dom.contains(&serialised(&format!("Group {SUR} (3 participants)"))),
        "{dom}"
    );
    assert!(!dom.contains("<b>"), "{dom}");
    for title in [
        "Entries per level, theme by theme",
        "Network reach and learning brought into the school, per month",
        "Level × depth of joint work",
    ] {
        assert!(
            dom.contains(&format!("<title>{title}</title>")),
            "{title} in {dom}"
        );
    }
    assert!(dom.contains(">11 of 13 (85%)<"), "{dom}");
}

/// A leader's journal from August to November: 28 entries over four themes, every
/// level, ideas and unrated entries, depths and transfers, a secret in every text.
fn leader_journal(env: &TestEnv) {
    const THEMES: [&str; 4] = [
        CR,
        HE,
        "ncsl-networks/professional-learning",
        "ncsl-networks/innovation-hothouse",
    ];
    const LEVELS: [&str; 7] = [
        "school", "network", "school", "system", "network", "network", "idea",
    ];
    const DEPTHS: [&str; 4] = ["informing", "coordinating", "sharing", "co-constructing"];
    let start = chrono::NaiveDate::from_ymd_opt(2026, 8, 3).unwrap();
    let records: Vec<Record> = (0..28)
        .map(|i| {
            let date = (start + chrono::Days::new(4 * i as u64)).to_string();
            let level = LEVELS[i % LEVELS.len()];
            let mut record = add(&format!("e{i}"), &date, level, Some(THEMES[i % 4]));
            if i % 9 == 8 {
                return record.unrated();
            }
            if level != "idea" && i % 5 != 4 {
                record = record.depth(DEPTHS[(i / 2) % 4]);
            }
            match (level, i % 3) {
                ("school", 0) => record.from("network"),
                ("network", 1) => record.from("programme"),
                ("system", _) => record.from("network"),
                _ => record,
            }
        })
        .collect();
    env.append_records(&records);
}

#[test]
fn the_leader_report_holds_texts_only_with_with_text() {
    let env = TestEnv::new();
    leader_journal(&env);
    let plain = env.ok(&["report"]);
    assert!(!plain.contains("SECRET-TEXT"), "{plain}");
    let (text, html, tables, _) = parse(&plain);
    assert!(!html, "{plain}");
    // Measures; levels, months and grid as tables.
    assert_eq!(tables, 4, "{plain}");
    assert!(text.contains("Reflective practice"), "{text}");
    assert!(text.contains("28 entries: "), "{text}");

    let with_text = env.ok(&["report", "--with-text", "--since", "2026-11-01"]);
    let (text, ..) = parse(&with_text);
    // Every fourth day from 3 August: e23 (3 November) to e27 (19 November).
    assert!(text.contains("SECRET-TEXT of e23"), "{text}");
    assert!(text.contains("SECRET-TEXT of e27"), "{text}");
    assert!(!text.contains("SECRET-TEXT of e22"), "{text}");
    assert!(text.contains("2026-11-19 · "), "{text}");

    let spanish = env.ok(&["report", "--lang", "es"]);
    assert!(spanish.contains("Práctica reflexiva"), "{spanish}");
    assert!(spanish.contains("Cómo se trabajó en conjunto"), "{spanish}");
}

#[test]
fn the_leader_html_report_renders_in_a_browser() {
    let env = TestEnv::new();
    leader_journal(&env);
    let html = env.root().join("report.html");
    env.ok(&["report", "--format", "html", "-o", html.to_str().unwrap()]);
    let Some(browser) = Browser::find("the_leader_html_report_renders_in_a_browser") else {
        return;
    };
    let dom = rendered(&browser, &html, 3, 4, "REFLECT_LEADER_EXAMPLE");
    assert!(dom.contains("<html lang=\"en\">"), "{dom}");
    assert!(!dom.contains("SECRET-TEXT"), "{dom}");
}

#[test]
fn reports_refuse_to_overwrite_the_journal() {
    let env = TestEnv::new();
    leader_journal(&env);
    let journal = env.journal_path();
    let stderr = env.usage_error(&["report", "-o", journal.to_str().unwrap()]);
    assert!(stderr.contains("refusing to write"), "{stderr}");
}

/// The summary `share` wrote, read back.
fn read(path: &PathBuf) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn share_on_a_terminal_shows_what_the_file_holds_and_asks() {
    let env = TestEnv::new();
    leader_journal(&env);
    let out = env.root().join("summary.json");
    let args = ["share", "-o", out.to_str().unwrap(), "--group", "Red Norte"];

    let mut pty = env.pty(&args);
    let shown = pty.expect("Write it? [y/N]: ");
    // Notes wrap at the terminal's width: compare the words.
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        shown.contains("Complex relationships and shared values: 2 School, 2 Network, 1 System, 1 ideas, 1 not rated"),
        "{shown}"
    );
    assert!(shown.contains("group: Red Norte"), "{shown}");
    assert!(shown.contains("network check-ins: none"), "{shown}");
    assert!(shown.contains("participant id: "), "{shown}");
    assert!(!shown.contains("SECRET"), "{shown}");
    pty.send_line("n");
    pty.expect("Nothing was written.");
    assert_eq!(pty.finish(), 0);
    assert!(!out.exists());

    let mut pty = env.pty(&args);
    pty.expect("Write it? [y/N]: ");
    pty.send_line("y");
    pty.expect("Wrote the summary to");
    assert_eq!(pty.finish(), 0);
    let summary = read(&out);
    assert_eq!(summary["group"], "Red Norte");
    let id = std::fs::read_to_string(env.journal_path().with_file_name("participant")).unwrap();
    assert_eq!(summary["participant"], id.trim());
    assert!(!std::fs::read_to_string(&out).unwrap().contains("SECRET"));
}

#[test]
fn share_without_a_terminal_writes_without_asking() {
    let env = TestEnv::new();
    leader_journal(&env);
    let out = env.root().join("summary.json");
    let output = env
        .cmd()
        .args(["share", "-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("Write it?"), "{stderr}");
    assert_eq!(read(&out)["format"], "reflect-progress");
    // To stdout, the same document (the participant id is kept).
    let again: Value = serde_json::from_str(&env.ok(&["share"])).unwrap();
    assert_eq!(again["participant"], read(&out)["participant"]);
}

/// A group whose name is a spreadsheet formula and whose five participants each
/// left a check-in note: the name is guarded in CSV and stays text elsewhere, and no
/// note or entry text reaches any cohort output.
#[test]
fn check_in_notes_never_leave_the_journal_and_a_formula_group_is_guarded_in_csv() {
    const FORMULA: &str = "=HYPERLINK(\"http://e.x\",\"Red\")";
    let trainer = TestEnv::new();
    let files: Vec<String> = (0..5)
        .map(|n| {
            let leader = TestEnv::new();
            leader.append_records(&entries(&format!("f{n}"), 2, "network", Some(CR)));
            leader.ok(&[
                "checkin",
                "--purpose",
                "3",
                "--trust",
                &(1 + n % 4).to_string(),
                "--note",
                &format!("NOTE-SECRET-{n}"),
            ]);
            let summary = leader.ok(&["share", "--group", FORMULA]);
            let path = trainer.file(&format!("f{n}.json"), summary);
            path.to_str().unwrap().to_string()
        })
        .collect();
    for by in [&[][..], &["--by", "group"][..]] {
        for format in ["table", "json", "csv", "markdown", "html"] {
            let mut extra = vec!["--format", format];
            extra.extend_from_slice(by);
            let out = cohort(&trainer, &files, &extra);
            assert!(
                !out.contains("NOTE-SECRET"),
                "a note in {format} {by:?}:\n{out}"
            );
            assert!(
                !out.contains("SECRET-TEXT"),
                "entry text in {format} {by:?}:\n{out}"
            );
            if format == "csv" {
                for line in out.lines() {
                    for cell in line.split(',') {
                        let cell = cell.trim_start_matches('"');
                        assert!(
                            !cell.starts_with(['=', '+', '@']),
                            "a CSV cell starts a formula: {line}"
                        );
                    }
                }
            }
        }
    }
    let csv = cohort(&trainer, &files, &["--format", "csv", "--by", "group"]);
    assert!(
        csv.contains("'=HYPERLINK"),
        "the group is named, guarded: {csv}"
    );
}

#[test]
fn the_leader_report_shows_the_latest_check_in_and_what_changed_never_the_note() {
    let env = TestEnv::new();
    leader_journal(&env);
    let plain = env.ok(&["report"]);
    assert!(!plain.contains("Network check-ins"), "none yet: {plain}");
    for (day, purpose, note) in [
        ("2026-10-01", "2", "NOTE-ONE"),
        ("2026-11-01", "3", "NOTE-TWO"),
    ] {
        env.ok(&[
            "checkin",
            "--date",
            day,
            "--purpose",
            purpose,
            "--trust",
            "2",
            "--note",
            note,
        ]);
    }
    for format in ["markdown", "html"] {
        let report = env.ok(&["report", "--format", format]);
        assert!(report.contains("Network check-ins"), "{report}");
        assert!(report.contains("purpose 2 → 3"), "{report}");
        assert!(
            !report.contains("NOTE-"),
            "a note in the {format} report: {report}"
        );
    }
    let (text, html, ..) = parse(&env.ok(&["report"]));
    assert!(!html);
    assert!(text.contains("purpose 3"), "{text}");
}
