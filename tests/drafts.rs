//! Integration tests: drafts left by an editor that failed are listed, offered back
//! by the next `reflect write` on a terminal, and removed only once saved.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use serde_json::Value;

use crate::util::TestEnv;

/// An editor script: appends `line` to the file, then exits with `status`.
fn editor(env: &TestEnv, name: &str, line: &str, status: i32) -> String {
    let path = env.file(
        name,
        format!("#!/bin/sh\nprintf '%s\\n' '{line}' >> \"$1\"\nexit {status}\n"),
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.display().to_string()
}

fn drafts_dir(env: &TestEnv) -> PathBuf {
    env.journal_path().parent().unwrap().join("drafts")
}

/// `reflect write` whose editor fails: the draft stays.
fn leave_a_draft(env: &TestEnv) {
    let failing = editor(env, "failing.sh", "Half a thought.", 1);
    let args = [
        "write",
        "--free",
        "--level",
        "network",
        "--tag",
        "visits",
        "--date",
        "2026-11-20",
    ];
    let mut pty = env.pty_with_env(&args, &[("VISUAL", &failing)]);
    pty.expect("your draft is kept at");
    assert_eq!(pty.finish(), 1);
    assert!(env.journal_lines().is_empty());
}

#[test]
fn a_draft_left_by_a_failing_editor_is_listed_and_resumed() {
    let env = TestEnv::new();
    leave_a_draft(&env);
    let listed = env.ok(&["drafts"]);
    assert_eq!(listed.lines().count(), 1, "{listed}");
    assert!(listed.contains("\tHalf a thought.\t"), "{listed}");

    // Without a terminal, write never asks about drafts.
    env.ok(&["write", "-m", "Unrelated quick note."]);
    assert_eq!(env.ok(&["drafts"]), listed);

    let finishing = editor(&env, "finishing.sh", "And finished.", 0);
    let mut pty = env.pty_with_env(&["write"], &[("VISUAL", &finishing)]);
    pty.expect("did not become an entry: \"Half a thought.\"");
    pty.expect("[k] keep it for later: ");
    pty.send_line("x");
    pty.expect("type r, d or k.");
    pty.send_line("r");
    // The level came with the draft; what it left open is asked.
    pty.expect("Did it carry learning from somewhere else?");
    pty.send_line("");
    pty.expect("How deep did the joint work go?");
    pty.send_line("");
    pty.expect("Saved entry");
    assert_eq!(pty.finish(), 0);

    let json = env.ok(&["list", "--format", "json", "--tag", "visits"]);
    let entry: Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(entry["text"], "Half a thought.\nAnd finished.");
    assert_eq!(entry["level"], "network");
    assert_eq!(entry["date"], "2026-11-20");
    let left: Vec<_> = std::fs::read_dir(drafts_dir(&env)).unwrap().collect();
    assert!(
        left.is_empty(),
        "the draft and what was kept beside it are gone: {left:?}"
    );
    let output = env.cmd().arg("drafts").output().unwrap();
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("No drafts"));
}

#[test]
fn a_draft_can_be_kept_for_later_or_discarded() {
    let env = TestEnv::new();
    leave_a_draft(&env);
    let mut pty = env.pty(&["write"]);
    pty.expect("[k] keep it for later: ");
    pty.send_line("k");
    pty.expect("Draft kept at");
    // Then the usual prompt offer; quit it.
    pty.expect("[q] quit: ");
    pty.send_line("q");
    assert_eq!(pty.finish(), 0);
    assert_eq!(env.ok(&["drafts"]).lines().count(), 1);

    let mut pty = env.pty(&["write"]);
    pty.expect("[k] keep it for later: ");
    pty.send_line("d");
    pty.expect("Draft discarded.");
    pty.expect("[q] quit: ");
    pty.send_line("q");
    assert_eq!(pty.finish(), 0);
    assert!(env.ok(&["drafts"]).is_empty());
    assert!(env.journal_lines().is_empty());
}
