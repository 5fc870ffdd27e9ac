//! Integration tests: managing packs as a trainer or leader does (issue 16, item 9):
//! what `packs list` shows, `packs remove`, `packs new --language` and a
//! `packs validate` that reports every problem in one run.

use std::fs;
use std::path::Path;

use crate::util::TestEnv;

fn small_pack() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/small.toml");
    fs::read_to_string(path).unwrap()
}

#[test]
fn packs_list_shows_id_name_language_version_prompts_and_origin() {
    let env = TestEnv::new();
    let listing = env.ok(&["packs", "list"]);
    let first: Vec<&str> = listing.lines().next().unwrap().split('\t').collect();
    // id, version, language, themes, prompts, origin, name (added last for scripts).
    assert_eq!(first.len(), 7, "{listing}");
    assert_eq!(first[0], "ncsl-networks");
    assert_eq!(first[1], "1.1.0");
    assert_eq!(first[2], "en");
    assert_eq!(first[5], "built in (ncsl-networks.toml)");
    assert_eq!(first[6], "Leading networks, leading the system");
    let prompts: usize = first[4].parse().unwrap();
    let shown = env.ok(&["packs", "show", "ncsl-networks"]);
    assert!(
        shown.contains(&format!(", {prompts} prompts:")),
        "the count matches `packs show`: {shown}"
    );
}

#[test]
fn packs_remove_deletes_an_installed_pack_and_never_a_built_in_one() {
    let env = TestEnv::new();
    env.file("small.toml", small_pack());
    env.ok(&["packs", "install", "small.toml"]);
    let installed = env.packs_dir().join("small.toml");
    assert!(installed.exists());

    let (out, err) = env.ok_with_messages(&["packs", "remove", "small"]);
    assert_eq!(out, format!("{}\n", installed.display()));
    assert_eq!(err, "removed the pack 'small'\n");
    assert!(!installed.exists());
    assert!(!env.ok(&["packs", "list"]).contains("small\t"));

    let err = env.fails(&["packs", "remove", "small"]);
    assert_eq!(
        err,
        "reflect: no installed pack has the id 'small' (see `reflect packs list`)\n"
    );
    let err = env.fails(&["packs", "remove", "ncsl-networks"]);
    assert!(
        err.starts_with("reflect: 'ncsl-networks' is a built-in pack: it comes with reflect and cannot be removed"),
        "{err}"
    );
    assert!(env.ok(&["packs", "list"]).starts_with("ncsl-networks\t"));
    let err = env.fails(&["--lang", "es", "packs", "remove", "ncsl-networks"]);
    assert!(
        err.starts_with("reflect: \"ncsl-networks\" es un pack incorporado"),
        "{err}"
    );
}

#[test]
fn packs_remove_of_an_installed_copy_of_a_built_in_pack_brings_the_built_in_back() {
    let env = TestEnv::new();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts/redes-mejoramiento.toml");
    let newer = fs::read_to_string(path)
        .unwrap()
        .replacen("version = \"", "version = \"9.", 1);
    env.file("redes.toml", newer);
    env.ok(&["packs", "install", "redes.toml"]);
    assert!(env
        .ok(&["packs", "list"])
        .contains("redes-mejoramiento\t9."));

    let output = env
        .cmd()
        .args(["packs", "remove", "redes-mejoramiento"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "removed the pack 'redes-mejoramiento'; the built-in pack with that id is used again\n"
    );
    let listing = env.ok(&["packs", "list"]);
    assert!(
        listing.contains("redes-mejoramiento\t1.1.0\tes\t"),
        "{listing}"
    );
}

#[test]
fn packs_remove_takes_away_a_broken_file_named_after_the_id() {
    let env = TestEnv::new();
    fs::create_dir_all(env.packs_dir()).unwrap();
    let broken = env.packs_dir().join("old.toml");
    fs::write(&broken, "format = 1\n[pack]\nid = \"old\"\n").unwrap();
    env.ok(&["packs", "remove", "old"]);
    assert!(!broken.exists());
}

#[test]
fn packs_new_takes_a_bcp47_tag_and_refuses_a_language_name() {
    let env = TestEnv::new();
    for name in ["english", "Spanish", "castellano"] {
        let err = env.usage_error(&["packs", "new", "--language", name]);
        assert!(
            err.contains(&format!("--language '{name}' is not a language tag")),
            "{err}"
        );
    }
    for tag in ["en", "es-CL", "zh-Hant-TW", "haw"] {
        let text = env.ok(&["packs", "new", "--language", tag]);
        assert!(text.contains(&format!("language = \"{tag}\"")));
    }
}

#[test]
fn the_scaffold_asks_open_questions_only() {
    let env = TestEnv::new();
    let text = env.ok(&["packs", "new"]);
    assert!(!text.contains("ladder"), "{text}");
    let questions: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with("question = "))
        .collect();
    assert_eq!(questions.len(), 2, "{text}");
    assert!(
        !text.contains("Did it stay inside your school"),
        "no closed question about where the practice sat"
    );
    assert!(
        !text.lines().any(|line| line.starts_with("level = ")),
        "no suggested level in the example prompts"
    );
}

#[test]
fn packs_validate_reports_a_duplicate_id_even_when_the_question_is_empty() {
    let env = TestEnv::new();
    let text = small_pack().replacen(
        "id = \"trust-second\"\ntheme = \"trust\"\nquestion = \"What broke trust the last time?\"",
        "id = \"trust-first\"\ntheme = \"trust\"\nquestion = \"\"",
        1,
    );
    assert_ne!(text, small_pack(), "the fixture changed");
    let file = env.file("dup.toml", text);
    let output = env
        .cmd()
        .args(["packs", "validate", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].ends_with("duplicate prompt id 'trust-first' (first defined on line 36)"),
        "{stdout}"
    );
    assert!(lines[1].ends_with("`question` is empty"), "{stdout}");
}
