//! The examples every `--help` and man page ends with, kept in one place.
//!
//! Each command (by its path: `write`, `packs-show`; `reflect` for the top level)
//! has two or three examples. The command lines are code (they use real ids of the
//! shipped packs, and a unit test parses each one with the clap definition); the
//! comment above each is a message of the catalogue, `example-<path>-<n>`
//! (`locales/*/examples.ftl`), so it reads in the language in force.

use clap::Command;

use crate::t;

/// `(command path, command lines)`, in the order of `reflect --help`.
pub const EXAMPLES: &[(&str, &[&str])] = &[
    (
        "reflect",
        &[
            "reflect",
            "reflect write \"Agreed a shared agenda with the other two heads.\"",
            "reflect list -n 5",
        ],
    ),
    (
        "write",
        &[
            "reflect write \"Agreed a shared agenda with the other two heads.\"",
            "reflect write --prompt ncsl-networks/exchange-fresh-eyes --level network",
            "reflect write --theme honest-exchange --date yesterday --edit",
        ],
    ),
    (
        "prompt",
        &[
            "reflect prompt",
            "reflect prompt --theme professional-learning --short",
            "reflect --pack redes-mejoramiento prompt",
        ],
    ),
    (
        "list",
        &[
            "reflect list -n 10",
            "reflect list --level network --level system --since \"3 weeks ago\"",
            "reflect list --sort written --format json",
        ],
    ),
    ("show", &["reflect show 7k2m9", "reflect show 7k"]),
    (
        "tags",
        &["reflect tags", "reflect --pack redes-mejoramiento tags"],
    ),
    (
        "stats",
        &[
            "reflect stats",
            "reflect stats --format json",
            "reflect stats --color never",
        ],
    ),
    ("rate", &["reflect rate", "reflect rate | head -n 5"]),
    (
        "checkin",
        &[
            "reflect checkin",
            "reflect checkin --purpose 3 --trust 2 --focus ? --working-share 50 --convener sostenedor",
            "reflect checkin --collaboration 2 --agenda 1 --date yesterday --note \"Only the SLEP spoke.\"",
        ],
    ),
    (
        "edit",
        &[
            "reflect edit 7k2m9",
            "reflect edit 7k2m9 --add-tag trust --remove-tag draft",
            "reflect edit 7k2m9 --level system --date 2026-11-20",
        ],
    ),
    (
        "delete",
        &[
            "reflect list --contains \"budget meeting\"",
            "reflect delete 7k2m9",
        ],
    ),
    ("history", &["reflect history 7k2m9", "reflect history 7k"]),
    ("drafts", &["reflect drafts", "reflect write"]),
    (
        "restore",
        &[
            "reflect restore 7k2m9",
            "reflect history 7k2m9",
            "reflect restore 7k2m9 --revision 2",
        ],
    ),
    (
        "progress",
        &[
            "reflect progress",
            "reflect progress --by month --since 2026-01-01",
            "reflect progress --format json > summary.json",
        ],
    ),
    (
        "share",
        &[
            "reflect share -o summary.json",
            "reflect share --group \"Red Norte\" -o summary.json",
        ],
    ),
    (
        "report",
        &[
            "reflect report --format html -o report.html",
            "reflect report --since 2026-03-01 --with-text -o portfolio.md",
        ],
    ),
    (
        "cohort",
        &[
            "reflect cohort ana.json ben.json carla.json",
            "reflect cohort summaries/*.json --by group",
            "reflect cohort summaries/*.json --by group --format html -o cohort.html",
        ],
    ),
    (
        "export",
        &[
            "reflect export --since 2026-09-01 --output term.md",
            "reflect export --group-by theme --theme honest-exchange",
            "reflect export --format json --output backup.json",
        ],
    ),
    (
        "import",
        &[
            "reflect import jrnl-export.json",
            "reflect import backup.json",
            "reflect export --format json | reflect --journal other.jsonl import -",
        ],
    ),
    (
        "packs",
        &[
            "reflect packs list",
            "reflect packs show redes-mejoramiento",
            "reflect packs new --id my-course --language es-CL --output my-course.toml",
        ],
    ),
    (
        "packs-list",
        &["reflect packs list", "reflect packs list | cut -f 1,7"],
    ),
    (
        "packs-show",
        &[
            "reflect packs show",
            "reflect packs show redes-mejoramiento",
        ],
    ),
    (
        "packs-validate",
        &[
            "reflect packs validate my-course.toml",
            "reflect packs validate course/*.toml",
        ],
    ),
    (
        "packs-new",
        &[
            "reflect packs new --id my-course --language es-CL --output my-course.toml",
            "reflect --pack my-course.toml prompt",
        ],
    ),
    (
        "packs-install",
        &[
            "reflect packs install my-course.toml",
            "reflect packs install my-course.toml --force",
        ],
    ),
    (
        "packs-remove",
        &["reflect packs remove my-course", "reflect packs list"],
    ),
    ("check", &["reflect check", "reflect check --repair"]),
    (
        "compact",
        &[
            "reflect compact",
            "reflect --journal old-journal.jsonl compact",
        ],
    ),
    (
        "config",
        &["reflect config", "reflect --journal work.jsonl config"],
    ),
    (
        "completions",
        &[
            "reflect completions bash > ~/.local/share/bash-completion/completions/reflect",
            "reflect completions zsh > ~/.zfunc/_reflect",
            "reflect completions fish > ~/.config/fish/completions/reflect.fish",
        ],
    ),
    (
        "man",
        &[
            "reflect man | man -l -",
            "reflect man --dir ~/.local/share/man/man1",
        ],
    ),
];

/// The examples of the command at `path`.
pub fn of(path: &str) -> &'static [&'static str] {
    EXAMPLES
        .iter()
        .find(|(p, _)| *p == path)
        .map_or(&[], |(_, lines)| lines)
}

/// The message id of the comment above example `index` (from 0) of `path`.
pub fn comment_id(path: &str, index: usize) -> String {
    format!("example-{path}-{}", index + 1)
}

/// The examples of `path` as text: a heading, then each example's comment and
/// command, indented, with a blank line between examples.
pub fn text(path: &str) -> Option<String> {
    let lines = of(path);
    if lines.is_empty() {
        return None;
    }
    let mut text = t!("examples-heading");
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            text.push('\n');
        }
        text.push_str(&format!("\n  # {}\n  {line}", t!(&comment_id(path, index))));
    }
    Some(text)
}

/// The command line definition with each command's examples after its help.
pub fn attach(command: Command) -> Command {
    crate::i18n::help::map_commands(command, &|command, path| match text(path) {
        Some(text) => command.after_help(text),
        None => command,
    })
}

#[cfg(test)]
mod tests;
