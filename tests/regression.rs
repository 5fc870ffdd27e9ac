//! Regression tests, one per numbered item of an issue, named `iISSUE_ITEM_...`
//! (ripgrep's `tests/regression.rs` style): each pins the behaviour the item asked for.

use std::fs;
use std::os::unix::fs::FileTypeExt;
use std::path::Path;

use crate::util::TestEnv;

// ---- issue 12.1: export -o can never overwrite what reflect depends on ----

#[test]
fn i12_01_export_output_refuses_the_journal_its_side_files_config_and_packs() {
    let env = TestEnv::new();
    env.write("Words that must survive.", &[]);
    let journal = fs::read(env.journal_path()).unwrap();
    env.file("config/config.toml", "# settings\n");
    let installed = env.file(
        "config/packs/small.toml",
        fs::read(fixture("packs/small.toml")).unwrap(),
    );
    let pack_file = env.file(
        "my-pack.toml",
        fs::read(fixture("packs/small.toml")).unwrap(),
    );
    std::os::unix::fs::symlink(env.journal_path(), env.root().join("link.md")).unwrap();
    fs::create_dir_all(env.root().join("elsewhere")).unwrap();

    let journal_abs = env.journal_path().display().to_string();
    let lock = format!("{journal_abs}.lock");
    let damaged = format!("{journal_abs}.damaged");
    let config = env.config_path().display().to_string();
    let installed = installed.display().to_string();
    let refused: [(&[&str], &str); 9] = [
        (&["export", "-o", &journal_abs], "the journal"),
        (
            &["export", "--format", "json", "-o", "data/journal.jsonl"],
            "the journal",
        ),
        (
            &["export", "-o", "elsewhere/../data/./journal.jsonl"],
            "the journal",
        ),
        (&["export", "-o", "link.md"], "the journal"),
        (&["export", "-o", &lock], "lock file"),
        (&["export", "-o", &damaged], "damaged-lines file"),
        (&["export", "-o", &config], "the config file"),
        (&["export", "-o", &installed], "an installed pack"),
        (
            &["--pack", "my-pack.toml", "export", "-o", "my-pack.toml"],
            "a pack file in use",
        ),
    ];
    for (args, what) in refused {
        let stderr = env.usage_error(args);
        assert!(
            stderr.contains("refusing to write to"),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains(what), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    assert_eq!(fs::read(env.journal_path()).unwrap(), journal);
    assert!(!Path::new(&damaged).exists());
    assert!(fs::symlink_metadata(env.root().join("link.md"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        fs::read_to_string(env.config_path()).unwrap(),
        "# settings\n"
    );
    assert_eq!(
        fs::read(&pack_file).unwrap(),
        fs::read(fixture("packs/small.toml")).unwrap()
    );
    assert!(env.ok(&["list"]).contains("Words that must survive."));
}

#[test]
fn i12_01_export_output_dash_is_stdout_and_devices_are_written_in_place() {
    let env = TestEnv::new();
    env.write("To standard output.", &[]);
    let stdout = env.ok(&["export", "-o", "-"]);
    assert!(stdout.contains("To standard output."), "{stdout}");
    assert!(!env.root().join("-").exists(), "no file named '-'");

    let stdout = env.ok(&["export", "--format", "json", "-o", "/dev/stdout"]);
    assert!(stdout.contains("To standard output."), "{stdout}");

    // A full device: the write error is an error, not a silent success.
    if Path::new("/dev/full").exists() {
        let stderr = env.fails(&["export", "-o", "/dev/full"]);
        assert!(stderr.contains("/dev/full"), "{stderr}");
        assert!(Path::new("/dev/full").exists());
    }

    // A FIFO is written in place, never replaced by a rename.
    let fifo = env.root().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|status| status.success()) {
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        env.ok(&["export", "-o", fifo.to_str().unwrap()]);
        assert!(reader.join().unwrap().contains("To standard output."));
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// An editor for `VISUAL`: a shell script in the test's folder that runs `body`
/// with the draft's path as `$1`.
fn editor_script(env: &TestEnv, body: &str) -> String {
    use std::os::unix::fs::PermissionsExt;
    let path = env.file("editor.sh", format!("#!/bin/sh\n{body}\n"));
    fs::set_permissions(&path, fs::Permissions::from_mode(0o700)).unwrap();
    path.display().to_string()
}

/// The drafts kept in the drafts folder.
fn drafts(env: &TestEnv) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = fs::read_dir(env.root().join("data/drafts"))
        .map(|dir| dir.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    found.sort();
    found
}

// ---- issue 12.2: a failed edit keeps the draft and says where ----

#[test]
fn i12_02_edit_keeps_the_draft_until_the_revision_is_saved() {
    let env = TestEnv::new();
    let id = env.write("Before the edit.", &[]);
    let visual = editor_script(&env, "sed -i 's/Before/After/' \"$1\"");
    // The journal cannot be written: its lock file is a folder.
    let lock = env.root().join("data/journal.jsonl.lock");
    fs::remove_file(&lock).unwrap();
    fs::create_dir(&lock).unwrap();

    let mut pty = env.pty_with_env(&["edit", &id], &[("VISUAL", &visual)]);
    let printed = pty.expect("kept at ");
    assert!(printed.contains("NOT saved"), "{printed}");
    let rest = pty.expect(".md");
    assert_eq!(pty.finish(), crate::util::FAILURE);
    let kept = rest.trim();
    let kept = Path::new(kept);
    assert!(kept.is_file(), "the printed path {kept:?} is the draft");
    assert!(fs::read_to_string(kept)
        .unwrap()
        .contains("After the edit."));
    assert_eq!(drafts(&env), [kept.to_path_buf()]);

    // Once the journal can be written again, the edit goes through and only the draft
    // of that run is removed; the kept one stays until the leader deletes it.
    fs::remove_dir(&lock).unwrap();
    let mut pty = env.pty_with_env(&["edit", &id], &[("VISUAL", &visual)]);
    pty.expect("Revised entry");
    assert_eq!(pty.finish(), 0);
    assert!(env.ok(&["show", &id]).contains("After the edit."));
    assert_eq!(drafts(&env), [kept.to_path_buf()]);
}

// ---- issue 12.3: edit removes only the template's lines ----

#[test]
fn i12_03_edit_keeps_the_leaders_own_comment_marker_lines() {
    let env = TestEnv::new();
    let text =
        "#| my own heading, typed by me\nFirst thought.\n#|\n#| Editing entry (a line of mine)";
    let id = env.write(text, &[]);
    let visual = editor_script(&env, "printf '\\n%s\\n' '#| added in the editor' >> \"$1\"");
    let mut pty = env.pty_with_env(&["edit", &id], &[("VISUAL", &visual)]);
    pty.expect("Revised entry");
    assert_eq!(pty.finish(), 0);
    let shown = env.ok(&["export", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(
        doc["entries"][0]["text"],
        format!("{text}\n#| added in the editor")
    );
    assert!(drafts(&env).is_empty(), "the draft is removed once saved");
}
