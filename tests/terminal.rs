//! Integration tests: `reflect` on a terminal (a pseudo-terminal from `util::Pty`):
//! the questions and menus a person answers by typing.

use serde_json::Value;

use crate::util::TestEnv;

/// The question of a prompt offer: the line that starts with `»`.
fn question(offer: &str) -> String {
    offer
        .lines()
        .find_map(|line| line.trim().strip_prefix("» "))
        .unwrap_or_else(|| panic!("no question in {offer:?}"))
        .to_string()
}

#[test]
fn write_on_a_terminal_offers_prompts_asks_the_level_and_saves_the_entry() {
    let env = TestEnv::new();
    let mut pty = env.pty(&["write"]);

    // The least-answered prompt is offered; `s` skips to another one.
    let first = question(&pty.expect("[q] quit: "));
    pty.send_line("s");
    let second = question(&pty.expect("[q] quit: "));
    assert_ne!(first, second, "`s` offers another prompt");
    pty.send_line("");

    // Enter takes it; then the text, ended with Ctrl-D; then, the words safe, the
    // level (transfer and depth skipped with Enter).
    pty.expect("End with Ctrl-D on an empty line");
    pty.send_line("We walked the corridors of the partner school together.");
    pty.end_input();
    pty.expect("Where did this practice happen?");
    pty.expect("Enter leaves it unrated: ");
    pty.send_line("network");
    pty.expect("Did it carry learning from somewhere else?");
    pty.send_line("");
    pty.expect("How deep did the joint work go?");
    pty.send_line("");
    let saved = pty.expect("Saved entry");
    assert_eq!(pty.finish(), 0);

    let listed = env.ok(&["list", "--format", "json"]);
    let entries: Vec<Value> = listed
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(entries.len(), 1, "{listed}");
    let entry = &entries[0];
    assert_eq!(
        entry["text"],
        "We walked the corridors of the partner school together."
    );
    assert_eq!(entry["level"], "network");
    let id = entry["id"].as_str().unwrap();
    assert!(saved.contains(id), "the id is printed: {saved:?}");
    let shown = env.ok(&["show", id]);
    assert!(
        shown.contains(&format!("Prompt:  {second}")),
        "the entry answers the prompt that was taken, {second:?}:\n{shown}"
    );
}

#[test]
fn quitting_the_prompt_menu_writes_nothing() {
    let env = TestEnv::new();
    let mut pty = env.pty(&["write"]);
    pty.expect("[q] quit: ");
    pty.send_line("q");
    pty.expect("Nothing written.");
    assert_eq!(pty.finish(), 0);
    assert!(env.journal_lines().is_empty());
}
