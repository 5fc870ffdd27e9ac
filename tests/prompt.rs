//! Integration tests: `reflect prompt`, today's suggested prompt for a shell greeting.

use std::fs;
use std::path::Path;

use crate::util::TestEnv;

/// The shipped default pack, read with a TOML reader independent of reflect's:
/// (theme id, theme title) in order, and (prompt id, theme id, question) in order.
struct Shipped {
    themes: Vec<(String, String)>,
    prompts: Vec<(String, String, String)>,
}

fn shipped_default() -> Shipped {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts/ncsl-networks.toml");
    let doc: toml_edit::DocumentMut = fs::read_to_string(path).unwrap().parse().unwrap();
    let text = |item: &toml_edit::Item| item.as_str().unwrap().to_string();
    Shipped {
        themes: doc["themes"]
            .as_array_of_tables()
            .unwrap()
            .iter()
            .map(|t| (text(&t["id"]), text(&t["title"])))
            .collect(),
        prompts: doc["prompts"]
            .as_array_of_tables()
            .unwrap()
            .iter()
            .map(|p| (text(&p["id"]), text(&p["theme"]), text(&p["question"])))
            .collect(),
    }
}

fn small_pack(env: &TestEnv) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/small.toml");
    env.file("small.toml", fs::read(fixture).unwrap());
}

/// The `PACK/PROMPT` of the hint line of `reflect prompt`.
fn suggested(output: &str) -> String {
    let hint = output.lines().last().unwrap();
    hint.rsplit_once("--prompt ").unwrap().1.to_string()
}

#[test]
fn prompt_prints_theme_question_and_how_to_answer() {
    let env = TestEnv::new();
    let shipped = shipped_default();
    // Nothing answered yet: the first prompt of some theme (themes are mixed).
    let prompt = suggested(&env.ok(&["prompt"]));
    let prompt = prompt.strip_prefix("ncsl-networks/").unwrap();
    let (prompt_id, theme_id, question) = shipped.prompts.iter().find(|p| p.0 == prompt).unwrap();
    let first_of_theme = shipped.prompts.iter().find(|p| &p.1 == theme_id).unwrap();
    assert_eq!(&first_of_theme.0, prompt_id);
    let (_, title) = shipped.themes.iter().find(|t| &t.0 == theme_id).unwrap();

    // The question is wrapped at 80 columns off a terminal (issue 13), between words.
    let out = env.ok(&["prompt"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], title.as_str());
    assert_eq!(
        lines[lines.len() - 1],
        format!("  reflect write --prompt ncsl-networks/{prompt_id}")
    );
    let body = &lines[1..lines.len() - 1];
    assert!(
        body.iter()
            .all(|l| l.starts_with("  ") && l.chars().count() <= 80),
        "{out}"
    );
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(words(&body.join(" ")), words(question));
}

#[test]
fn short_prints_only_the_question_on_one_line() {
    let env = TestEnv::new();
    small_pack(&env);
    let first = env.ok(&["--pack", "small.toml", "prompt", "--short"]);
    assert!(
        [
            "Whom do you trust in the network, and why?\n",
            "What is the network for?\n"
        ]
        .contains(&first.as_str()),
        "{first}"
    );
    let out = env.ok(&["prompt", "--short"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(!out.trim().is_empty());
}

#[test]
fn a_pack_file_given_with_pack_is_suggested_from() {
    let env = TestEnv::new();
    small_pack(&env);
    let trust = "Trust\n  Whom do you trust in the network, and why?\n  reflect --pack small.toml write --prompt small/trust-first\n";
    let purpose = "Shared purpose\n  What is the network for?\n  reflect --pack small.toml write --prompt small/purpose-first\n";
    let first = env.ok(&["--pack", "small.toml", "prompt"]);
    assert!(first == trust || first == purpose, "{first}");

    // Answering it moves the suggestion on to the other theme.
    env.write(
        "Mostly the head of the school next door.",
        &["--pack", "small.toml", "--prompt", &suggested(&first)],
    );
    let next = env.ok(&["--pack", "small.toml", "prompt"]);
    assert_eq!(next, if first == trust { purpose } else { trust });
}

#[test]
fn prompt_rotates_through_themes_as_entries_are_written() {
    let env = TestEnv::new();
    let shipped = shipped_default();
    let theme_of = |prompt: &str| {
        let id = prompt.strip_prefix("ncsl-networks/").unwrap();
        shipped
            .prompts
            .iter()
            .find(|p| p.0 == id)
            .unwrap()
            .1
            .clone()
    };

    let mut seen = Vec::new();
    for round in 0..=shipped.themes.len() {
        let prompt = suggested(&env.ok(&["prompt"]));
        assert!(
            !seen.contains(&prompt),
            "round {round}: {prompt} suggested again too soon"
        );
        env.write(&format!("Answer {round}."), &["--prompt", &prompt]);
        seen.push(prompt);
    }

    // One prompt from each theme, every theme once, mixed: not the pack's order...
    let themes: Vec<String> = seen.iter().map(|p| theme_of(p)).collect();
    let expected: Vec<String> = shipped.themes.iter().map(|t| t.0.clone()).collect();
    let mut first_round = themes[..expected.len()].to_vec();
    assert_ne!(
        first_round, expected,
        "the first round follows the pack's order"
    );
    first_round.sort();
    let mut sorted = expected.clone();
    sorted.sort();
    assert_eq!(first_round, sorted);
    // ...then a second prompt of some theme.
    let next = seen[expected.len()].strip_prefix("ncsl-networks/").unwrap();
    let theme = &themes[expected.len()];
    let of_theme: Vec<&str> = shipped
        .prompts
        .iter()
        .filter(|p| &p.1 == theme)
        .map(|p| p.0.as_str())
        .collect();
    assert_eq!(of_theme[1], next);
}

#[test]
fn free_entries_and_other_packs_do_not_change_the_suggestion() {
    let env = TestEnv::new();
    let before = env.ok(&["prompt"]);
    env.write("A free entry.", &["--free"]);
    env.write(
        "In Spanish.",
        &["--prompt", "redes-mejoramiento/proposito-para-que"],
    );
    assert_eq!(env.ok(&["prompt"]), before);
}

#[test]
fn theme_limits_the_suggestion() {
    let env = TestEnv::new();
    let shipped = shipped_default();
    let (theme_id, title) = &shipped.themes[2];
    let out = env.ok(&["prompt", "--theme", theme_id]);
    assert!(out.starts_with(&format!("{title}\n")), "{out}");
    let prompt = suggested(&out);
    let id = prompt.strip_prefix("ncsl-networks/").unwrap();
    assert!(shipped
        .prompts
        .iter()
        .any(|p| p.0 == id && &p.1 == theme_id));

    // A theme of another pack is found too, and named PACK/THEME.
    let out = env.ok(&[
        "prompt",
        "--theme",
        "redes-mejoramiento/proposito-compartido",
    ]);
    assert!(suggested(&out).starts_with("redes-mejoramiento/"), "{out}");

    let err = env.usage_error(&["prompt", "--theme", "no-such-theme"]);
    assert!(
        err.contains("--theme: no loaded pack has a theme 'no-such-theme'"),
        "{err}"
    );
}

#[test]
fn a_pack_named_by_id_is_used() {
    let env = TestEnv::new();
    let out = env.ok(&["--pack", "redes-mejoramiento", "prompt"]);
    assert!(suggested(&out).starts_with("redes-mejoramiento/"), "{out}");
    let err = env.usage_error(&["--pack", "nope", "prompt"]);
    assert!(err.contains("no loaded pack has the id 'nope'"), "{err}");
}

#[test]
fn prompt_reads_nothing_but_the_journal_and_packs() {
    // No journal yet, no config, no packs folder: still a suggestion, nothing created.
    let env = TestEnv::new();
    env.ok(&["prompt"]);
    assert!(!env.journal_path().exists());
    assert!(!env.packs_dir().exists());
}
