//! `--help` in Spanish: every subcommand's help is pinned by a snapshot, and none
//! of our own English phrases or clap's headings are left in it.

use clap::CommandFactory;
use reflect::cli::Cli;

use crate::util::TestEnv;

/// Every command path: `[]`, `["list"]`, `["packs", "show"]`...
fn command_paths() -> Vec<Vec<String>> {
    fn walk(command: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in command.get_subcommands() {
            let mut sub_path = path.clone();
            sub_path.push(sub.get_name().to_string());
            walk(sub, sub_path, out);
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), Vec::new(), &mut out);
    out
}

#[test]
fn every_subcommand_has_spanish_help() {
    let env = TestEnv::new();
    let paths = command_paths();
    assert!(paths.len() > 15, "{paths:?}");
    for path in paths {
        let mut args: Vec<&str> = vec!["--lang", "es"];
        args.extend(path.iter().map(String::as_str));
        args.push("--help");
        let help = env.ok(&args);
        let name = if path.is_empty() {
            "reflect".to_string()
        } else {
            path.join("-")
        };
        for english in [
            "Usage:",
            "Options:",
            "Arguments:",
            "Commands:",
            "Print help",
            "Only entries",
        ] {
            assert!(!help.contains(english), "{name}: {english:?} in\n{help}");
        }
        insta::assert_snapshot!(format!("help_es_{name}"), help);
    }
}

#[test]
fn spanish_help_follows_the_locale_too() {
    let env = TestEnv::new();
    let output = env
        .cmd()
        .env("LANG", "es_CL.UTF-8")
        .args(["write", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    assert!(help.starts_with("Escribe una entrada"), "{help}");
    assert!(help.contains("Uso: reflect write"), "{help}");
    // English stays as cli.rs says it.
    let english = env.ok(&["write", "--help"]);
    assert!(english.contains("Usage: reflect write"), "{english}");
    assert!(english.starts_with("Write an entry"), "{english}");
}
