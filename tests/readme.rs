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

/// One reflect command of README, and the id README shows it printing first, when
/// it is a `write` in a console block (later commands name that entry by it).
#[derive(Debug)]
struct Command {
    args: Vec<String>,
    prints_id: Option<String>,
}

/// Whether `word` looks like an entry id (or a prefix of one) as README shows them.
fn is_id_like(word: &str) -> bool {
    (3..=10).contains(&word.len())
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
}

/// The arguments of each reflect command in README's fenced blocks, in order: a
/// trailing `# comment` and an output redirection (`> FILE`) are left out.
fn commands() -> Vec<Command> {
    let mut found: Vec<Command> = Vec::new();
    let mut after_write = false;
    for (info, line) in fenced(&readme(), &["sh", "console"]) {
        // In a console block, commands follow `$ `; the other lines are output.
        let line = match info.as_str() {
            "console" => match line.strip_prefix("$ ") {
                Some(command) => command,
                None => {
                    if after_write && is_id_like(line.trim()) {
                        found.last_mut().unwrap().prints_id = Some(line.trim().to_string());
                    }
                    after_write = false;
                    continue;
                }
            },
            _ => line.trim(),
        };
        after_write = false;
        let rest = if let Some(rest) = line.strip_prefix("reflect ") {
            rest
        } else if let Some(rest) = line.strip_prefix("cargo run --release -- ") {
            rest
        } else {
            continue;
        };
        let rest = rest.split(" # ").next().unwrap();
        let rest = rest.split(" > ").next().unwrap();
        let args = words(rest);
        after_write = info == "console" && args.first().is_some_and(|a| a == "write");
        found.push(Command {
            args,
            prints_id: None,
        });
    }
    found
}

#[test]
fn readme_commands_run_against_a_temp_journal() {
    let commands = commands();
    assert!(commands.len() >= 15, "{commands:?}");
    assert!(commands
        .iter()
        .any(|c| c.args.contains(&"--depth".to_string())));
    assert!(
        commands.iter().filter(|c| c.prints_id.is_some()).count() >= 2,
        "{commands:?}"
    );
    let env = TestEnv::new();
    // README's ids, as the run really printed them.
    let mut ids: Vec<(String, String)> = Vec::new();
    for command in &commands {
        let args: Vec<&str> = command
            .args
            .iter()
            .map(|arg| {
                ids.iter()
                    .find(|(shown, _)| is_id_like(arg) && shown.starts_with(arg.as_str()))
                    .map_or(arg.as_str(), |(_, real)| real.as_str())
            })
            .collect();
        let output = env.cmd().args(&args).output().unwrap();
        assert!(
            output.status.success(),
            "README's `reflect {}` failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        );
        if let Some(shown) = &command.prints_id {
            let real = String::from_utf8(output.stdout).unwrap().trim().to_string();
            ids.push((shown.clone(), real));
        }
    }
    // Each README write really wrote an entry.
    let writes = commands
        .iter()
        .map(|c| &c.args)
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
