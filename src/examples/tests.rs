//! The examples are real: one set per command, each line parses with the clap
//! definition, the pack, theme and prompt ids exist, and every comment is in the
//! catalogue in both languages.

use clap::{CommandFactory, Parser};

use super::*;
use crate::cli::Cli;
use crate::i18n::{message_in, Lang};
use crate::pack::{parse_pack, Pack, PackOrigin, EMBEDDED_PACKS};

/// Every command path of the clap definition (`reflect`, `write`, `packs-show`...),
/// without clap's own `help`.
fn command_paths() -> Vec<String> {
    fn walk(command: &Command, path: &str, paths: &mut Vec<String>) {
        paths.push(path.to_string());
        for sub in command.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            let sub_path = if path == "reflect" {
                sub.get_name().to_string()
            } else {
                format!("{path}-{}", sub.get_name())
            };
            walk(sub, &sub_path, paths);
        }
    }
    let mut paths = Vec::new();
    walk(&Cli::command(), "reflect", &mut paths);
    paths
}

/// Splits a shell line into the argument lists of its `reflect` commands: words,
/// with "double quotes" kept together; `|` starts another command, `> FILE` and
/// `VAR=value` prefixes are left out.
fn reflect_commands(line: &str) -> Vec<Vec<String>> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut in_word = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                in_word = true;
            }
            ' ' if !quoted => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            _ => {
                word.push(c);
                in_word = true;
            }
        }
    }
    assert!(!quoted, "unbalanced quotes in {line:?}");
    if in_word {
        words.push(word);
    }
    let mut commands = Vec::new();
    for segment in words.split(|w| w == "|") {
        let mut args = Vec::new();
        let mut skip = false;
        for w in segment {
            if skip {
                skip = false;
            } else if w == ">" {
                skip = true;
            } else if args.is_empty() && w.contains('=') {
                continue;
            } else {
                args.push(w.clone());
            }
        }
        if args.first().is_some_and(|w| w == "reflect") {
            commands.push(args);
        }
    }
    commands
}

fn shipped_packs() -> Vec<Pack> {
    EMBEDDED_PACKS
        .iter()
        .map(|(name, text)| parse_pack(text, name, PackOrigin::Embedded(name)).unwrap())
        .collect()
}

#[test]
fn every_command_has_two_or_three_examples_and_no_example_is_orphaned() {
    let paths = command_paths();
    let mut missing = Vec::new();
    for path in &paths {
        let count = of(path).len();
        if !(2..=3).contains(&count) {
            missing.push(format!("{path} ({count})"));
        }
    }
    assert!(
        missing.is_empty(),
        "these commands need two or three examples in src/examples.rs (and their comments in locales/*/examples.ftl): {missing:?}"
    );
    for (path, _) in EXAMPLES {
        assert!(paths.contains(&path.to_string()), "no command {path}");
    }
}

#[test]
fn every_example_parses_and_names_real_ids() {
    let packs = shipped_packs();
    let pack = |id: &str| packs.iter().find(|p| p.id == id);
    let default = &packs[0];
    for (path, lines) in EXAMPLES {
        for line in *lines {
            let commands = reflect_commands(line);
            assert!(!commands.is_empty(), "{path}: {line:?} runs no reflect");
            for args in commands {
                if let Err(err) = Cli::try_parse_from(&args) {
                    panic!("{path}: {line:?} does not parse: {err}");
                }
                let mut chosen = default;
                for pair in args.windows(2) {
                    let value = pair[1].as_str();
                    match pair[0].as_str() {
                        "--pack" if !value.ends_with(".toml") => {
                            chosen = pack(value)
                                .unwrap_or_else(|| panic!("{line:?}: no shipped pack {value}"));
                        }
                        "--prompt" => {
                            let (id, prompt) = value.split_once('/').unwrap();
                            let found = pack(id).and_then(|p| p.prompt(prompt));
                            assert!(found.is_some(), "{line:?}: no prompt {value}");
                        }
                        "--theme" => {
                            assert!(chosen.theme(value).is_some(), "{line:?}: no theme {value}");
                        }
                        "show" if args.contains(&"packs".to_string()) => {
                            assert!(pack(value).is_some(), "{line:?}: no pack {value}");
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

#[test]
fn every_comment_is_in_the_catalogue_in_both_languages() {
    for lang in Lang::ALL {
        assert_ne!(
            message_in(lang, "examples-heading", None),
            "examples-heading"
        );
        for (path, lines) in EXAMPLES {
            for index in 0..lines.len() {
                let id = comment_id(path, index);
                let comment = message_in(lang, &id, None);
                assert_ne!(comment, id, "{}: {id} is missing", lang.code());
                assert!(!comment.contains('\n'), "{id}: one line");
            }
        }
    }
}

#[test]
fn the_help_of_each_command_ends_with_its_examples() {
    let mut command = attach(Cli::command());
    let help = command
        .find_subcommand_mut("write")
        .unwrap()
        .render_help()
        .to_string();
    let last = of("write").last().unwrap();
    assert!(help.trim_end().ends_with(last), "{help}");
    assert!(help.contains("Examples:"), "{help}");
}

#[test]
fn the_splitter_keeps_quotes_and_leaves_out_redirections() {
    assert_eq!(
        reflect_commands("reflect write \"a b\" > x.txt | reflect list"),
        [vec!["reflect", "write", "a b"], vec!["reflect", "list"]]
    );
    assert_eq!(reflect_commands("man -l -"), Vec::<Vec<String>>::new());
}
