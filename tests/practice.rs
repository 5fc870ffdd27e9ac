//! Integration tests: the leader says the level (issue 14): unrated entries, `idea`,
//! depth and transfer (`--depth`, `--from`), the questions on a terminal, the editor
//! template's fields, `reflect rate`, re-rating with `edit`, and bad values.

use serde_json::Value;

use crate::util::TestEnv;

const ES: &str = "redes-mejoramiento";

/// The live entries as `list --format json` gives them, newest first.
fn entries(env: &TestEnv) -> Vec<Value> {
    env.ok(&["list", "--format", "json"])
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn only_entry(env: &TestEnv) -> Value {
    let mut all = entries(env);
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

#[test]
fn an_entry_written_without_a_terminal_or_level_is_unrated() {
    let env = TestEnv::new();
    // A prompt that suggests a level (the fixture's trust-first suggests `red`) does
    // not give it either, nor does a theme.
    let pack = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/packs/small.toml"
    );
    for extra in [
        &[][..],
        &["--pack", pack, "--prompt", "trust-first"],
        &["--pack", pack, "--theme", "purpose"],
    ] {
        let mut args = vec!["write", "-m", "We met."];
        args.extend_from_slice(extra);
        let output = env.cmd().args(&args).output().unwrap();
        assert!(output.status.success());
        let id = String::from_utf8(output.stdout).unwrap().trim().to_string();
        let stderr = String::from_utf8(output.stderr).unwrap();
        // (A prompt given with --prompt or --theme is shown first.)
        assert_eq!(
            stderr.lines().last().unwrap_or_default().to_string() + "\n",
            format!("Saved entry {id} (2026-11-23), not rated: rate it with `reflect rate` or `reflect edit {id} --level LEVEL`.\n")
        );
    }
    for entry in entries(&env) {
        assert_eq!(entry.get("level"), None, "{entry}");
    }
    // On disk: version 2 records without a `level` field.
    for line in env.journal_lines() {
        assert!(line.starts_with("{\"v\":2,"), "{line}");
        assert!(!line.contains("\"level\""), "{line}");
    }
    let plain = env.ok(&["list", "--format", "plain"]);
    assert!(
        plain.lines().all(|l| l.split('\t').nth(2) == Some("-")),
        "{plain}"
    );
}

#[test]
fn idea_depth_and_transfer_are_stored_as_canonical_ids_and_round_trip() {
    let env = TestEnv::new();
    let idea = env.write("A plan for next term.", &["--level", "idea"]);
    let rated = env.write(
        "We built the reading plan with two other schools.",
        &[
            "--pack",
            ES,
            "--level",
            "Establecimiento",
            "--from",
            "RED",
            "--depth",
            "coconstruir",
        ],
    );
    let programme = env.write(
        "From the course.",
        &["--level", "network", "--from", "programme", "--depth", "1"],
    );
    let by_id = |all: &[Value], id: &str| all.iter().find(|e| e["id"] == id).unwrap().clone();
    let all = entries(&env);
    assert_eq!(by_id(&all, &idea)["level"], "idea");
    let r = by_id(&all, &rated);
    assert_eq!(
        (&r["level"], &r["from"], &r["depth"]),
        (
            &"school".into(),
            &"network".into(),
            &"co-constructing".into()
        )
    );
    let p = by_id(&all, &programme);
    assert_eq!(
        (&p["from"], &p["depth"]),
        (&"programme".into(), &"informing".into())
    );
    let shown = env.ok(&["show", &rated]);
    // A free entry has no pack: its values show as canonical ids.
    assert!(
        shown.contains("  school\nFrom:    network\nDepth:   co-constructing"),
        "{shown}"
    );
    assert!(env.ok(&["show", &idea]).contains("  idea\n"));

    // Export, then import into an empty journal: the same entries.
    let export = env.ok(&["export", "--format", "json"]);
    let other = TestEnv::new();
    let file = other.file("export.json", &export);
    other.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(entries(&other), entries(&env));
    assert!(
        export.contains("\"level\":\"school\",\"depth\":\"co-constructing\",\"from\":\"network\""),
        "{export}"
    );
}

#[test]
fn bad_levels_depths_and_transfers_are_usage_errors_and_write_nothing() {
    let env = TestEnv::new();
    let err = env.usage_error(&["write", "-m", "x", "--level", "galaxy"]);
    assert_eq!(
        err,
        "reflect: --level: unknown level 'galaxy': use one of school (School), network (Network), system (System), idea (not practice yet: a plan or an idea)\n"
    );
    let err = env.usage_error(&["--pack", ES, "write", "-m", "x", "--depth", "hondo"]);
    assert!(
        err.contains("unknown depth 'hondo': use one of informarnos (Nos informamos), coordinarnos (Nos coordinamos), compartir-recursos (Compartimos recursos), construir-juntos (Construimos juntos)"),
        "{err}"
    );
    let err = env.usage_error(&["write", "-m", "x", "--level", "school", "--from", "galaxy"]);
    assert!(
        err.contains("--from: unknown from 'galaxy': use one of school (School)"),
        "{err}"
    );
    assert!(err.contains("programme (the programme"), "{err}");
    let err = env.usage_error(&["write", "-m", "x", "--level", "school", "--from", "school"]);
    assert!(err.contains("the entry is at that level already"), "{err}");
    let err = env.usage_error(&["write", "-m", "x", "--from", "network"]);
    assert!(err.contains("--from needs the entry's level"), "{err}");
    let err = env.usage_error(&["write", "-m", "x", "--level", "idea", "--from", "network"]);
    assert!(err.contains("--from needs the entry's level"), "{err}");
    assert!(env.journal_lines().is_empty());
}

#[test]
fn edit_rerates_without_touching_the_text() {
    let env = TestEnv::new();
    let id = env.write("Line one.\nLine two.", &[]);
    env.ok(&[
        "edit", &id, "--level", "network", "--from", "school", "--depth", "sharing",
    ]);
    let entry = only_entry(&env);
    assert_eq!(entry["text"], "Line one.\nLine two.");
    assert_eq!(
        (&entry["level"], &entry["from"], &entry["depth"]),
        (&"network".into(), &"school".into(), &"sharing".into())
    );
    assert_eq!(env.journal_lines().len(), 2, "an appended revision");

    // The stored transfer must still come from elsewhere.
    let err = env.usage_error(&["edit", &id, "--level", "school"]);
    assert!(err.contains("add --from none or another --from"), "{err}");
    env.ok(&["edit", &id, "--depth", "none", "--from", "none"]);
    let entry = only_entry(&env);
    assert_eq!((entry.get("from"), entry.get("depth")), (None, None));
    assert_eq!(entry["level"], "network");
    env.usage_error(&["edit", &id, "--depth", "deepest"]);
    assert_eq!(env.journal_lines().len(), 3);
}

#[test]
fn the_level_question_takes_a_label_of_the_pack() {
    // In Spanish, with the Spanish pack: the level is the "ámbito".
    let env = TestEnv::new();
    let mut pty = env.pty_with_env(
        &["--pack", ES, "write", "-m", "Visitamos el liceo vecino."],
        &[("REFLECT_LANG", "es")],
    );
    let asked = pty
        .expect("Enter la deja sin ámbito: ")
        .replace("\r\n", "\n");
    assert!(
        asked.contains(
            "¿En qué ámbito ocurrió esta práctica?\n  1. Establecimiento (escuela)\n  2. Red\n  3. Territorio\n  4. todavía no es práctica: un plan o una idea (idea)"
        ),
        "{asked:?}"
    );
    pty.send_line("escuela");
    // Transfer: the entry's own level is not offered.
    let from = pty.expect("Enter la salta: ");
    assert!(
        from.contains("¿Trajo aprendizajes de otro lugar?")
            && from.contains("1. Red")
            && from.contains("2. Territorio")
            && from.contains("3. el programa"),
        "{from:?}"
    );
    pty.send_line("");
    pty.expect("¿Qué tan profundo fue el trabajo conjunto?");
    pty.send_line("compartimos RECURSOS");
    pty.expect("Entrada ");
    assert_eq!(pty.finish(), 0);
    let entry = only_entry(&env);
    assert_eq!(
        (&entry["level"], entry.get("from"), &entry["depth"]),
        (&"school".into(), None, &"sharing".into())
    );
}

#[test]
fn the_level_question_takes_a_number_and_asks_again_after_a_wrong_answer() {
    let env = TestEnv::new();
    let mut pty = env.pty(&["write", "-m", "District meeting."]);
    pty.expect("Enter leaves it unrated: ");
    pty.send_line("planet");
    pty.expect("'planet' is not one of the choices; try again");
    pty.send_line("3");
    pty.expect("Did it carry learning from somewhere else?");
    pty.send_line("programme");
    pty.expect("How deep did the joint work go?");
    pty.send_line("");
    pty.expect("Saved entry");
    assert_eq!(pty.finish(), 0);
    let entry = only_entry(&env);
    assert_eq!(
        (&entry["level"], &entry["from"], entry.get("depth")),
        (&"system".into(), &"programme".into(), None)
    );
}

#[test]
fn enter_at_the_level_question_ends_the_questions() {
    let env = TestEnv::new();
    let mut pty = env.pty(&["write", "-m", "Not sure yet."]);
    pty.expect("Enter leaves it unrated: ");
    pty.send_line("");
    let rest = pty.expect("Saved entry");
    assert!(
        !rest.contains("Did it carry") && !rest.contains("How deep"),
        "{rest:?}"
    );
    assert_eq!(pty.finish(), 0);
    assert_eq!(only_entry(&env).get("level"), None);
}

#[test]
fn the_config_chooses_which_questions_a_terminal_asks() {
    let env = TestEnv::new();
    env.file("config/config.toml", "ask = [\"depth\"]\n");
    let mut pty = env.pty(&["write", "-m", "Shared the timetable."]);
    let asked = pty.expect("Enter skips: ");
    assert!(
        asked.contains("How deep did the joint work go?") && !asked.contains("Where did"),
        "{asked:?}"
    );
    pty.send_line("coordinating");
    pty.expect("Saved entry");
    assert_eq!(pty.finish(), 0);
    let entry = only_entry(&env);
    assert_eq!(
        (entry.get("level"), &entry["depth"]),
        (None, &"coordinating".into())
    );

    env.file("config/config.toml", "ask = [\"level\", \"depht\"]\n");
    let err = env.fails(&["list"]);
    assert!(
        err.contains("config.toml:1:17: `ask` lists 'depht', which is not a question"),
        "{err}"
    );
}

/// An editor that puts `text` above the draft and fills the template's lines
/// (`sed` expressions such as `s/^level: $/level: liceo/`).
fn editor(env: &TestEnv, text: &str, fill: &str) -> String {
    let script = env.file(
        "editor.sh",
        format!("f=\"$1\"\n{{ printf '%s\\n' '{text}'; cat \"$f\"; }} > \"$f.new\" && mv \"$f.new\" \"$f\"\nsed -i '{fill}' \"$f\"\n"),
    );
    format!("sh {}", script.display())
}

#[test]
fn the_template_fields_are_read_and_not_asked_again() {
    let env = TestEnv::new();
    // Without a terminal (--edit): the fields are all there is.
    let edit = editor(
        &env,
        "Visitamos el liceo vecino.",
        "s/^level: $/level: liceo/; s/^depth: $/profundidad: Construimos juntos/",
    );
    let output = env
        .cmd()
        .env("EDITOR", &edit)
        .args(["--pack", ES, "write", "--edit"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let entry = only_entry(&env);
    assert_eq!(entry["text"], "Visitamos el liceo vecino.");
    assert_eq!(
        (&entry["level"], &entry["depth"]),
        (&"school".into(), &"co-constructing".into())
    );

    // On a terminal: the filled level is not asked; transfer and depth are.
    let env = TestEnv::new();
    let edit = editor(&env, "Met the network.", "s/^level: $/level: 2/");
    let mut pty = env.pty_with_env(&["write", "--free"], &[("EDITOR", &edit)]);
    let asked = pty.expect("Enter skips: ");
    assert!(
        asked.contains("Did it carry learning") && !asked.contains("Where did"),
        "{asked:?}"
    );
    pty.send_line("1");
    pty.expect("How deep did the joint work go?");
    pty.send_line("");
    pty.expect("Saved entry");
    assert_eq!(pty.finish(), 0);
    let entry = only_entry(&env);
    assert_eq!(
        (&entry["level"], &entry["from"], &entry["text"]),
        (
            &"network".into(),
            &"school".into(),
            &"Met the network.".into()
        )
    );
}

#[test]
fn rate_walks_the_unrated_entries_newest_first() {
    let env = TestEnv::new();
    let rated = env.write("Already rated.", &["--level", "school"]);
    let older = env.write("Older, unrated.", &["--date", "2026-11-01"]);
    let newer = env.write("Newer, unrated.", &[]);

    // Without a terminal: the ids, newest written first, and how many.
    let output = env.cmd().arg("rate").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!("{newer}\n{older}\n")
    );
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .starts_with("2 entries are not rated yet"));

    // The write menu and the start menu say so too.
    for args in [&["write"][..], &[]] {
        let mut pty = env.pty(args);
        pty.expect("2 entries are not rated yet (`reflect rate`).");
        pty.expect("[q] quit: ");
        pty.send_line("q");
        assert_eq!(pty.finish(), 0);
    }

    let mut pty = env.pty(&["rate"]);
    let first = pty.expect("Enter leaves it unrated: ");
    assert!(
        first.contains("Entry 1 of 2") && first.contains("Newer, unrated."),
        "{first:?}"
    );
    pty.send_line("network");
    pty.expect("Did it carry learning");
    pty.send_line("");
    pty.expect("How deep");
    pty.send_line("4");
    let second = pty.expect("Enter leaves it unrated: ");
    assert!(
        second.contains("Entry 2 of 2") && second.contains("Older, unrated."),
        "{second:?}"
    );
    pty.send_line("q");
    pty.expect("Rated 1; 1 not rated yet.");
    assert_eq!(pty.finish(), 0);

    let all = entries(&env);
    let get = |id: &str| all.iter().find(|e| e["id"] == id).unwrap().clone();
    assert_eq!(
        (&get(&newer)["level"], &get(&newer)["depth"]),
        (&"network".into(), &"co-constructing".into())
    );
    assert_eq!(get(&newer)["text"], "Newer, unrated.");
    assert_eq!(get(&older).get("level"), None);
    assert_eq!(get(&rated)["level"], "school");
    let output = env.cmd().arg("rate").output().unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!("{older}\n")
    );
}

#[test]
fn the_saved_message_names_a_free_entrys_level_in_the_default_packs_words() {
    let env = TestEnv::new();
    for (lang, level, label) in [("en", "network", "Network"), ("es", "red", "Red")] {
        let output = env
            .cmd()
            .args([
                "--lang",
                lang,
                "write",
                "-m",
                "Met the heads.",
                "--level",
                level,
            ])
            .output()
            .unwrap();
        assert!(output.status.success());
        let id = String::from_utf8(output.stdout).unwrap().trim().to_string();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains(&id), "{lang}: {stderr}");
        assert!(stderr.contains(&format!(" ({label}, ")), "{lang}: {stderr}");
    }
}
