//! Integration tests: `reflect history`, `reflect restore` and what `compact` says
//! about the revisions it drops.

use crate::util::{Record, TestEnv};

/// An entry written, edited twice (text, then tags and level), and deleted.
fn edited_and_deleted(env: &TestEnv) {
    let first = Record::add("hist000001", "2026-11-20", "We met the heads today.");
    env.append_records(&[
        first.clone(),
        first
            .clone()
            .text("We met the network heads today, at last.")
            .edit("2026-11-21T08:00:00+01:00")
            .created("2026-11-20T10:00:00+01:00"),
        first
            .clone()
            .text("We met the network heads today, at last.")
            .tags(&["cohort"])
            .level("network")
            .edit("2026-11-21T09:30:00+01:00")
            .created("2026-11-20T10:00:00+01:00"),
        Record::delete("hist000001", "2026-11-22T10:00:00+01:00"),
        Record::add("other00001", "2026-11-19", "Another entry."),
    ]);
}

#[test]
fn history_lists_revisions_with_a_word_diff() {
    let env = TestEnv::new();
    edited_and_deleted(&env);
    let history = env.ok(&["history", "hist"]);
    insta::assert_snapshot!(history);
    assert!(history.contains("{+network +}"), "{history}");
    assert!(history.contains("Revision 4 · deleted"), "{history}");
    let err = env.fails(&["history", "nothing"]);
    assert!(err.contains("no entry matches 'nothing'"), "{err}");
}

#[test]
fn restore_brings_back_a_deleted_entry_as_a_new_revision() {
    let env = TestEnv::new();
    edited_and_deleted(&env);
    assert!(env
        .fails(&["show", "hist000001"])
        .contains("no entry matches"));
    let before = env.journal_lines().len();
    let out = env.ok(&["restore", "hist"]);
    assert_eq!(out.trim(), "hist000001");
    assert_eq!(
        env.journal_lines().len(),
        before + 1,
        "appended, nothing rewritten"
    );
    let shown = env.ok(&["show", "hist000001"]);
    assert!(
        shown.contains("We met the network heads today, at last."),
        "{shown}"
    );
    assert!(
        shown.contains("cohort"),
        "the last revision with text: {shown}"
    );
    let history = env.ok(&["history", "hist000001"]);
    assert!(
        history.contains("Revision 5 · edited 2026-11-23 09:00 +01:00"),
        "{history}"
    );
}

#[test]
fn restore_brings_back_an_earlier_text() {
    let env = TestEnv::new();
    edited_and_deleted(&env);
    env.ok(&["restore", "hist", "--revision", "1"]);
    let shown = env.ok(&["show", "hist000001"]);
    assert!(shown.contains("We met the heads today."), "{shown}");
    // A live entry needs the revision named; the deletion has no text.
    let err = env.usage_error(&["restore", "hist"]);
    assert!(err.contains("--revision N"), "{err}");
    let err = env.usage_error(&["restore", "hist", "--revision", "4"]);
    assert!(err.contains("revision 4 is the deletion"), "{err}");
    let err = env.usage_error(&["restore", "hist", "--revision", "9"]);
    assert!(err.contains("there is no revision 9"), "{err}");
    let output = env
        .cmd()
        .args(["restore", "hist", "--revision", "5"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("nothing to restore"));
}

#[test]
fn compact_without_a_terminal_says_how_many_revisions_it_drops() {
    let env = TestEnv::new();
    edited_and_deleted(&env);
    let output = env.cmd().arg("compact").output().unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    // Three texts of the deleted entry; none of the live one.
    assert!(
        stderr.contains("Dropping 3 earlier revisions and deleted entries"),
        "{stderr}"
    );
    assert_eq!(env.journal_lines().len(), 1);
    // Nothing left to drop: nothing said.
    let again = env.cmd().arg("compact").output().unwrap();
    assert!(String::from_utf8(again.stderr).unwrap().is_empty());
}

#[test]
fn compact_on_a_terminal_asks_first() {
    let env = TestEnv::new();
    edited_and_deleted(&env);
    let lines = env.journal_lines();
    let mut pty = env.pty(&["compact"]);
    pty.expect("Compacting drops 3 earlier revisions");
    pty.expect("[y/N]: ");
    pty.send_line("maybe");
    pty.expect("type y, n or Enter.");
    pty.send_line("");
    pty.expect("Nothing compacted");
    assert_eq!(pty.finish(), 0);
    assert_eq!(env.journal_lines(), lines);

    let mut pty = env.pty(&["compact"]);
    pty.expect("[y/N]: ");
    pty.send_line("y");
    pty.expect("compacted to 1 entry");
    assert_eq!(pty.finish(), 0);
    assert_eq!(env.journal_lines().len(), 1);
}
