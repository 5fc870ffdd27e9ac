//! Integration tests: the conventions of a Rust CLI (issue 16, item 8): `--color`,
//! `NO_COLOR` and `TERM=dumb`; the examples at the end of every `--help`; a man page
//! per command; `reflect config` with a broken config file.

use std::fs;

use clap::CommandFactory;
use reflect::cli::Cli;

use crate::util::{Record, TestEnv};

const ESC: char = '\u{1b}';

/// A journal with a few entries, so tables have rows.
fn journal() -> TestEnv {
    let env = TestEnv::new();
    env.write("Visited the partner school.", &["--level", "network"]);
    env.write("Staff meeting on attendance.", &["--level", "school"]);
    env
}

fn stdout(env: &TestEnv, vars: &[(&str, &str)], args: &[&str]) -> String {
    let output = env
        .cmd()
        .envs(vars.iter().copied())
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn color_always_colours_and_decorates_even_in_a_pipe() {
    let env = journal();
    let always = stdout(
        &env,
        &[("NO_COLOR", "1")],
        &["--color", "always", "progress"],
    );
    assert!(always.contains(ESC), "bold headings: {always:?}");
    assert!(always.contains('─'), "a Unicode rule: {always}");
    let table = stdout(
        &env,
        &[],
        &["--color", "always", "list", "--format", "table"],
    );
    assert!(table.contains('─'), "{table}");

    for args in [
        &["progress"][..],
        &["--color", "auto", "progress"],
        &["--color", "never", "progress"],
    ] {
        let plain = stdout(&env, &[], args);
        assert!(!plain.contains(ESC), "{args:?}: {plain:?}");
        assert!(plain.is_ascii(), "{args:?}: {plain}");
    }
}

#[test]
fn an_unknown_color_value_is_a_usage_error() {
    let env = TestEnv::new();
    let err = env.usage_error(&["--color", "sometimes", "list"]);
    assert!(err.contains("always"), "the choices are listed: {err}");
}

/// What `reflect progress` prints on a terminal with these variables and flags.
fn on_a_terminal(env: &TestEnv, vars: &[(&str, &str)], flags: &[&str]) -> String {
    let mut args = flags.to_vec();
    args.push("progress");
    let mut pty = env.pty_with_env(&args, vars);
    let seen = pty.expect("All entries");
    assert_eq!(pty.finish(), 0);
    seen
}

#[test]
fn on_a_terminal_no_color_keeps_unicode_while_never_and_dumb_are_plain_ascii() {
    let env = journal();
    let xterm = ("TERM", "xterm-256color");
    let auto = on_a_terminal(&env, &[xterm], &[]);
    assert!(auto.contains(ESC) && auto.contains('─'), "{auto:?}");

    let no_color = on_a_terminal(&env, &[xterm, ("NO_COLOR", "1")], &[]);
    assert!(!no_color.contains(ESC), "no colour: {no_color:?}");
    assert!(no_color.contains('─'), "Unicode stays: {no_color:?}");

    for (vars, flags) in [
        (&[xterm][..], &["--color", "never"][..]),
        (&[("TERM", "dumb")][..], &[][..]),
    ] {
        let plain = on_a_terminal(&env, vars, flags);
        assert!(!plain.contains(ESC), "{vars:?} {flags:?}: {plain:?}");
        assert!(plain.is_ascii(), "{vars:?} {flags:?}: {plain:?}");
    }
}

/// Every command path (`write`, `packs show`), from the clap definition.
fn command_paths() -> Vec<Vec<String>> {
    fn walk(command: &clap::Command, path: Vec<String>, paths: &mut Vec<Vec<String>>) {
        for sub in command.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            let mut sub_path = path.clone();
            sub_path.push(sub.get_name().to_string());
            paths.push(sub_path.clone());
            walk(sub, sub_path, paths);
        }
    }
    let mut paths = Vec::new();
    walk(&Cli::command(), Vec::new(), &mut paths);
    paths
}

/// The part of a `--help` from its examples heading on.
fn examples_of(help: &str, heading: &str) -> String {
    let at = help
        .find(heading)
        .unwrap_or_else(|| panic!("no {heading:?} in:\n{help}"));
    help[at..].to_string()
}

#[test]
fn every_help_ends_with_examples() {
    let env = TestEnv::new();
    for path in command_paths() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let help = env.ok(&args);
        let examples = examples_of(&help, "Examples:");
        let commands = examples
            .lines()
            .filter(|l| l.trim_start().starts_with("reflect"))
            .count();
        assert!((2..=3).contains(&commands), "{path:?}: {examples}");
        insta::assert_snapshot!(format!("help-examples-{}", path.join("-")), examples);
    }
    let top = env.ok(&["--help"]);
    insta::assert_snapshot!("help-examples-reflect", examples_of(&top, "Examples:"));
}

#[test]
fn help_examples_follow_the_language() {
    let env = TestEnv::new();
    let help = env.ok(&["--lang", "es", "write", "--help"]);
    let examples = examples_of(&help, "Ejemplos:");
    assert!(
        examples.contains("# Anotar una idea en una línea"),
        "{examples}"
    );
    assert!(
        examples.contains("reflect write --prompt ncsl-networks/"),
        "{examples}"
    );
}

#[test]
fn man_prints_the_top_page_and_dir_writes_one_page_per_command() {
    let env = TestEnv::new();
    let top = env.ok(&["man"]);
    assert!(top.contains(".TH reflect 1"), "{top}");
    assert!(
        top.contains("reflect\\-write"),
        "it names the command pages: {top}"
    );

    let dir = env.root().join("man1");
    let output = env
        .cmd()
        .args(["man", "--dir", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(output.stdout.is_empty(), "messages go to stderr");
    let paths = command_paths();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr,
        format!("wrote {} man pages to {}\n", paths.len() + 1, dir.display())
    );
    assert_eq!(fs::read_to_string(dir.join("reflect.1")).unwrap(), top);
    for path in paths {
        let name = format!("reflect-{}", path.join("-"));
        let page = fs::read_to_string(dir.join(format!("{name}.1")))
            .unwrap_or_else(|err| panic!("{name}.1: {err}"));
        assert!(
            page.starts_with(".ie \\n(.g .ds Aq") && page.contains(&format!(".TH {name} 1")),
            "{name}: {page}"
        );
        let usage = format!("\\fBreflect {}\\fR", path.join(" ")).replace('-', "\\-");
        assert!(page.contains(&usage), "{name}: synopsis {usage}:\n{page}");
        assert!(page.contains(".SH \"EXAMPLES\""), "{name}: {page}");
        assert!(
            page.contains("\\fBreflect\\fR(1)"),
            "{name} sends back to reflect(1)"
        );
    }
}

#[test]
fn config_prints_the_paths_even_when_the_config_file_is_broken() {
    let env = TestEnv::new();
    env.file("config/config.toml", "journal = \"x\"\ncolour = true\n");
    let output = env.cmd().arg("config").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stdout.contains(&format!("config file:  {}", env.config_path().display())),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("journal:      {}", env.journal_path().display())),
        "{stdout}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("reflect: "), "{stderr}");
    assert!(stderr.contains("config.toml:2:1:"), "{stderr}");
    assert!(
        stderr
            .trim_end()
            .ends_with("(the paths above leave out its settings)"),
        "{stderr}"
    );
    // Every other command still stops at the broken file.
    let err = env.fails(&["list"]);
    assert!(err.contains("config.toml:2:1:"), "{err}");
}

/// A journal of `n` entries, written straight into the file.
fn big_journal(n: usize) -> TestEnv {
    let env = TestEnv::new();
    let records: Vec<Record> = (0..n)
        .map(|i| {
            let day = format!("2026-{:02}-{:02}", 1 + i % 11, 1 + i % 28);
            Record::add(
                &format!("e{i:06}"),
                &day,
                &"Words about the network. ".repeat(8),
            )
        })
        .collect();
    env.append_records(&records);
    env
}

#[test]
fn long_work_draws_no_progress_bar_when_stderr_is_not_a_terminal() {
    let env = big_journal(3000);
    let export = env.ok(&["export", "--format", "json"]);
    let file = env.file("backup.json", &export);
    let run = |args: &[&str]| -> String {
        let output = env
            .cmd()
            .env("REFLECT_PROGRESS_AFTER_MS", "0")
            .env("TERM", "xterm-256color")
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    assert_eq!(
        run(&["import", file.to_str().unwrap()]),
        "imported 0 entries, skipped 3000 already in the journal\n"
    );
    assert_eq!(run(&["check", "--repair"]), "");
    assert_eq!(run(&["compact"]), "");
}

#[test]
fn long_work_draws_a_progress_bar_on_a_terminal() {
    let env = big_journal(20000);
    let mut pty = env.pty_with_env(
        &["check", "--repair"],
        &[
            ("REFLECT_PROGRESS_AFTER_MS", "0"),
            ("TERM", "xterm-256color"),
        ],
    );
    pty.expect("Checking and repairing the journal");
    pty.expect("20000 records");
    assert_eq!(pty.finish(), 0);
}
