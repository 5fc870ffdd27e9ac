//! Integration tests: shell completions and the man page, generated from the clap
//! definition.

use crate::util::TestEnv;

const SUBCOMMANDS: [&str; 8] = [
    "write",
    "list",
    "progress",
    "export",
    "import",
    "packs",
    "completions",
    "man",
];

#[test]
fn completions_for_every_shell_mention_the_subcommands() {
    let env = TestEnv::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = env.ok(&["completions", shell]);
        assert!(
            script.len() > 1000,
            "{shell}: a real script, not {script:?}"
        );
        for subcommand in SUBCOMMANDS {
            assert!(
                script.contains(subcommand),
                "{shell} completions lack {subcommand}"
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
fn man_prints_a_roff_page_with_the_subcommands() {
    let env = TestEnv::new();
    let page = env.ok(&["man"]);
    assert!(page.contains(".TH reflect 1"), "{page}");
    assert!(page.contains(".SH NAME"), "{page}");
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    for subcommand in SUBCOMMANDS {
        assert!(
            page.contains(&format!("reflect\\-{subcommand}(1)")),
            "the man page lacks {subcommand}"
        );
    }
}
