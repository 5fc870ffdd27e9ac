//! Integration tests: the daily loop of issue 16 — `reflect` alone, quick entries,
//! future days, tags added and removed one by one.

use crate::util::{Record, TestEnv};

#[test]
fn reflect_alone_without_a_terminal_prints_a_three_line_status() {
    let env = TestEnv::new();
    let empty = env.ok(&[]);
    let lines: Vec<&str> = empty.lines().collect();
    assert_eq!(lines.len(), 3, "{empty}");
    assert_eq!(lines[0], "entries: 0");
    assert_eq!(lines[1], "last entry: none");
    assert!(lines[2].starts_with("today's prompt: "), "{empty}");
    assert!(lines[2].len() > "today's prompt: ".len() + 10, "{empty}");
    let spanish = env.ok(&["--lang", "es"]);
    assert!(
        spanish.starts_with("entradas: 0\núltima entrada: ninguna\n"),
        "{spanish}"
    );

    env.append_records(&[
        Record::add("aaaa000001", "2026-11-20", "One."),
        Record::add("aaaa000002", "2026-11-02", "Back-dated, written later.")
            .written("2026-11-22T10:00:00+01:00"),
        Record::add("aaaa000003", "2026-11-21", "Deleted."),
        Record::delete("aaaa000003", "2026-11-22T11:00:00+01:00"),
    ]);
    let status = env.ok(&[]);
    let lines: Vec<&str> = status.lines().collect();
    assert_eq!(lines[0], "entries: 2");
    assert_eq!(lines[1], "last entry: 2026-11-20");
}

#[test]
fn reflect_alone_on_a_terminal_re_asks_until_a_listed_key_and_quits_with_0() {
    let env = TestEnv::new();
    let mut pty = env.pty(&[]);
    let offer = pty.expect("[q] quit: ");
    assert!(offer.contains("» "), "today's prompt is shown: {offer:?}");
    assert!(offer.contains("[w] write"), "{offer:?}");
    pty.send_line("x");
    pty.expect("'x' is not one of the choices; type w, l, p or q.");
    pty.expect("[q] quit: ");
    pty.send_line("q");
    assert_eq!(pty.finish(), 0);
    assert!(env.journal_lines().is_empty());
}

#[test]
fn reflect_alone_on_a_terminal_writes_an_answer_to_todays_prompt() {
    let env = TestEnv::new();
    let today = env.ok(&["prompt", "--short"]);
    let mut pty = env.pty(&[]);
    pty.expect("[q] quit: ");
    pty.send_line("w");
    pty.expect("End with Ctrl-D on an empty line");
    pty.send_line("Answered from the menu.");
    pty.end_input();
    // Enter at the level question: saved unrated, nothing more asked.
    pty.expect("Enter leaves it unrated: ");
    pty.send_line("");
    pty.expect("Saved entry");
    assert_eq!(pty.finish(), 0);
    let id = env.ok(&["list", "--format", "plain"]);
    let id = id.split('\t').next().unwrap();
    let shown = env.ok(&["show", id]);
    assert!(
        shown.contains(today.trim()),
        "the entry answers today's prompt {today:?}:\n{shown}"
    );
}

#[test]
fn reflect_alone_on_a_terminal_lists_entries() {
    let env = TestEnv::new();
    env.write("Listed from the menu.", &[]);
    let mut pty = env.pty(&[]);
    pty.expect("[q] quit: ");
    pty.send_line("l");
    pty.expect("Listed from the menu.");
    assert_eq!(pty.finish(), 0);
}

#[test]
fn the_prompt_menu_of_write_accepts_only_its_keys() {
    let env = TestEnv::new();
    let mut pty = env.pty(&["write"]);
    pty.expect("[q] quit: ");
    pty.send_line("maybe");
    pty.expect("'maybe' is not one of the choices; type Enter, s, f or q.");
    pty.expect("[q] quit: ");
    pty.send_line("q");
    pty.expect("Nothing written.");
    assert_eq!(pty.finish(), 0);
    assert!(env.journal_lines().is_empty());
}

#[test]
fn write_takes_the_text_as_a_positional_argument() {
    let env = TestEnv::new();
    let id = env.ok(&["write", "A thought between two meetings.", "--tag", "quick"]);
    let id = id.trim();
    let shown = env.ok(&["show", id]);
    assert!(shown.contains("A thought between two meetings."), "{shown}");
    assert!(shown.contains("quick"), "{shown}");
    let stderr = env.usage_error(&["write", "one", "-m", "two"]);
    assert!(stderr.contains("cannot be used with"), "{stderr}");
}

#[test]
fn write_names_the_prompt_of_a_theme_before_writing() {
    let env = TestEnv::new();
    let theme_prompt = env.ok(&["prompt", "--theme", "complex-relationships", "--short"]);
    let output = env
        .cmd()
        .args([
            "write",
            "--theme",
            "complex-relationships",
            "Relationships grow slowly.",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    // The question is wrapped at 80 columns off a terminal (issue 13): its lines
    // follow "» " indented by two spaces.
    let start = stderr
        .find("» ")
        .unwrap_or_else(|| panic!("no question on stderr: {stderr}"));
    let question: Vec<&str> = stderr[start + "» ".len()..]
        .lines()
        .take_while(|line| !line.is_empty())
        .map(str::trim)
        .collect();
    assert_eq!(question.join(" "), theme_prompt.trim());
    assert!(stderr.find("» ").unwrap() < stderr.find("Saved entry").unwrap());

    let by_id = env
        .cmd()
        .args(["write", "--prompt", "relationships-ladder", "-m", "x"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(by_id.stderr).unwrap();
    assert!(stderr.contains("» "), "a chosen prompt is named: {stderr}");
}

#[test]
fn write_and_edit_refuse_a_day_after_today_unless_allowed() {
    let env = TestEnv::new();
    // Today is 2026-11-23 in every test.
    let stderr = env.usage_error(&["write", "-m", "Tomorrow's plan.", "--date", "2026-11-24"]);
    assert!(
        stderr.contains("--date: \"2026-11-24\" is after today (2026-11-23)"),
        "{stderr}"
    );
    assert!(stderr.contains("--allow-future"), "{stderr}");
    assert!(env.journal_lines().is_empty());

    env.ok(&["write", "-m", "Today is fine.", "--date", "2026-11-23"]);
    let id = env.write(
        "Planned ahead.",
        &["--date", "2026-12-01", "--allow-future"],
    );
    let shown = env.ok(&["show", &id]);
    assert!(shown.contains("1 December 2026"), "{shown}");

    let stderr = env.usage_error(&["edit", &id, "--date", "2027-01-01"]);
    assert!(stderr.contains("is after today"), "{stderr}");
    env.ok(&["edit", &id, "--date", "2027-01-01", "--allow-future"]);
    // Filters accept any day.
    let listed = env.ok(&["list", "--since", "2026-12-15", "--format", "plain"]);
    assert!(listed.contains(&id), "{listed}");
}

#[test]
fn edit_adds_and_removes_single_tags_and_tag_replaces_them_all() {
    let env = TestEnv::new();
    let id = env.write("Tags one by one.", &["--tag", "a", "--tag", "b"]);
    let tags = |env: &TestEnv| -> String {
        let json = env.ok(&["list", "--format", "json"]);
        let value: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
        value["tags"].to_string()
    };
    env.ok(&["edit", &id, "--add-tag", "C", "--add-tag", "a"]);
    assert_eq!(tags(&env), r#"["a","b","c"]"#);
    env.ok(&["edit", &id, "--remove-tag", "#b"]);
    assert_eq!(tags(&env), r#"["a","c"]"#);
    env.ok(&["edit", &id, "--tag", "z"]);
    assert_eq!(tags(&env), r#"["z"]"#);
    let stderr = env.usage_error(&["edit", &id, "--tag", "x", "--add-tag", "y"]);
    assert!(stderr.contains("cannot be used with"), "{stderr}");
    let stderr = env.usage_error(&["edit", &id, "--add-tag", "two words"]);
    assert!(stderr.contains("--add-tag: "), "{stderr}");
}
