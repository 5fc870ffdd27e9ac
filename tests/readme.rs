//! Integration tests: README's examples stay real. Every `reflect ...` command in a
//! fenced block of README.md (`$ reflect ...` in a console block, `reflect ...` or
//! `cargo run --release -- ...` in a sh block) runs, in order, against one temp journal
//! and succeeds; every prompt and theme id in its JSON examples exists.

use std::fs;

use crate::util::TestEnv;

fn readme() -> String {
    fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

/// The lines inside fenced code blocks of `info` (```sh, ```console, ...), each with
/// its block's info string.
fn fenced(text: &str, infos: &[&str]) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    let mut inside: Option<String> = None;
    for line in text.lines() {
        if let Some(info) = line.strip_prefix("```") {
            inside = match inside {
                Some(_) => None,
                None => Some(info.trim().to_string()),
            };
            continue;
        }
        if let Some(info) = inside.as_ref().filter(|i| infos.contains(&i.as_str())) {
            lines.push((info.clone(), line.to_string()));
        }
    }
    lines
}

/// Shell words: spaces split, double and single quotes group; no expansions.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (None, '"' | '\'') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => words.extend(word.take()),
            (_, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

/// The arguments of each reflect command in README's fenced blocks, in order: a
/// trailing `# comment` and an output redirection (`> FILE`) are left out.
fn commands() -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for (info, line) in fenced(&readme(), &["sh", "console"]) {
        // In a console block, commands follow `$ `; the other lines are output.
        let line = match info.as_str() {
            "console" => match line.strip_prefix("$ ") {
                Some(command) => command,
                None => continue,
            },
            _ => line.trim(),
        };
        let rest = if let Some(rest) = line.strip_prefix("reflect ") {
            rest
        } else if let Some(rest) = line.strip_prefix("cargo run --release -- ") {
            rest
        } else {
            continue;
        };
        let rest = rest.split(" # ").next().unwrap();
        let rest = rest.split(" > ").next().unwrap();
        found.push(words(rest));
    }
    found
}

#[test]
fn readme_commands_run_against_a_temp_journal() {
    let commands = commands();
    assert!(commands.len() >= 15, "{commands:?}");
    assert!(commands.iter().any(|c| c.contains(&"--depth".to_string())));
    let env = TestEnv::new();
    for args in &commands {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = env.cmd().args(&args).output().unwrap();
        assert!(
            output.status.success(),
            "README's `reflect {}` failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    // Each README write really wrote an entry.
    let writes = commands
        .iter()
        .filter(|c| c[0] == "write" && !c.contains(&"--help".to_string()));
    let listed = env.ok(&["list", "--format", "plain"]);
    assert_eq!(listed.lines().count(), writes.count(), "{listed}");
}

#[test]
fn readme_json_examples_name_real_prompts_and_themes() {
    let env = TestEnv::new();
    let shown = env.ok(&["packs", "show", "ncsl-networks"])
        + &env.ok(&["packs", "show", "redes-mejoramiento"]);
    let text = readme();
    let mut checked = 0;
    for (_, line) in fenced(&text, &["json"]) {
        for (key, shown_as) in [("\"prompt\":\"", "Prompt "), ("\"theme\":\"", "Theme ")] {
            for (at, _) in line.match_indices(key) {
                let rest = &line[at + key.len()..];
                let id = &rest[..rest.find('"').unwrap()];
                let listed = format!("{shown_as}{id}");
                assert!(
                    shown.lines().any(|l| l.trim_start().starts_with(&listed)),
                    "README names the {} '{id}', which no shipped pack has",
                    shown_as.trim()
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 4, "only {checked} ids checked");
}
