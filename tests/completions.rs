//! Integration tests: shell completions and the man page, generated from the clap
//! definition. The list of subcommands comes from that definition too, so a new
//! subcommand is covered without touching this file.

use clap::CommandFactory;
use reflect::cli::Cli;

use crate::util::TestEnv;

/// Every subcommand, nested ones included, as its path of names (`["packs", "install"]`).
fn subcommands() -> Vec<Vec<String>> {
    fn walk(command: &clap::Command, path: &[String], out: &mut Vec<Vec<String>>) {
        for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
            let mut path = path.to_vec();
            path.push(sub.get_name().to_string());
            walk(sub, &path, out);
            out.push(path);
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), &[], &mut out);
    out
}

/// Whether `shell`'s script offers the subcommand at `path`, in the form clap_complete
/// generates for that shell.
fn offers(shell: &str, script: &str, path: &[String]) -> bool {
    let (parents, name) = path.split_at(path.len() - 1);
    let name = &name[0];
    match shell {
        "bash" => {
            let parent: String = parents.iter().map(|p| format!("__subcmd__{p}")).collect();
            script.contains(&format!("reflect{parent},{name})"))
        }
        "zsh" => script.contains(&format!("({name})")),
        "fish" => {
            let condition = match parents {
                [] => "__fish_reflect_needs_command\"".to_string(),
                _ => format!(
                    "__fish_reflect_using_subcommand {}; and not",
                    parents.join(" ")
                ),
            };
            let offer = format!(" -a \"{name}\"");
            script
                .lines()
                .any(|line| line.contains(&condition) && line.contains(&offer))
        }
        "powershell" | "elvish" => script.contains(&format!("'reflect;{}'", path.join(";"))),
        _ => unreachable!("{shell}"),
    }
}

#[test]
fn the_clap_definition_is_consistent() {
    Cli::command().debug_assert();
    let names: Vec<String> = subcommands().into_iter().map(|p| p.join(" ")).collect();
    // The walk really finds the definition's subcommands, nested ones too.
    assert!(names.len() > 16, "{names:?}");
    assert!(names.contains(&"packs install".to_string()), "{names:?}");
}

#[test]
fn completions_for_every_shell_mention_every_subcommand() {
    let env = TestEnv::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = env.ok(&["completions", shell]);
        assert!(
            script.len() > 1000,
            "{shell}: a real script, not {script:?}"
        );
        for path in subcommands() {
            assert!(
                offers(shell, &script, &path),
                "{shell} completions lack `{}`",
                path.join(" ")
            );
        }
        // Flags of the export command complete too.
        assert!(
            script.contains("group-by"),
            "{shell} completions lack --group-by"
        );
    }
}

#[test]
fn completions_for_an_unknown_shell_are_a_usage_error() {
    let env = TestEnv::new();
    let output = env.cmd().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}

#[test]
fn man_prints_a_roff_page_with_every_subcommand() {
    let env = TestEnv::new();
    let page = env.ok(&["man"]);
    assert!(page.contains(".TH reflect 1"), "{page}");
    assert!(page.contains(".SH NAME"), "{page}");
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    for path in subcommands().iter().filter(|p| p.len() == 1) {
        assert!(
            page.contains(&format!("reflect\\-{}(1)", path[0])),
            "the man page lacks {}",
            path[0]
        );
    }
}
