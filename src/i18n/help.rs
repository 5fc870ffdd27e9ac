//! `--help` in the language in force: the clap `Command` built from `cli.rs` gets
//! its about and help texts from the catalogue (`help.ftl`) at run time.
//!
//! Ids: `help-<command path>` for a command's about (`help-reflect`,
//! `help-packs-show`), `help-<command path>-<arg id>` for an argument
//! (`help-list-since`), and `help-global-<arg id>` for arguments every command
//! has (`--journal`, `--lang`, `-h`, `-V`). Clap's own headings get a help
//! template and headings in the language. Clap still prints some fixed English
//! (`[default: ...]`, `[possible values: ...]`, parse errors); README lists this.

use clap::Command;

use super::{catalogue, lang, Lang};

/// The command line definition with help texts in the language in force.
pub fn localize(mut command: Command) -> Command {
    let lang = lang();
    if lang == Lang::En {
        return command; // `cli.rs` is the English text (a test keeps help.ftl equal)
    }
    command.build();
    map_commands(command, &|command, path| {
        localize_command(lang, command, path)
    })
}

/// Applies `change` to `command` and to every subcommand below it, each with its
/// path as the catalogue names it (`reflect`, `list`, `packs-show`).
pub fn map_commands(command: Command, change: &dyn Fn(Command, &str) -> Command) -> Command {
    map_at(command, "reflect", change)
}

fn map_at(command: Command, path: &str, change: &dyn Fn(Command, &str) -> Command) -> Command {
    let mut command = change(command, path);
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path == "reflect" {
            name.clone()
        } else {
            format!("{path}-{name}")
        };
        command = command.mut_subcommand(&name, |sub| map_at(sub, &sub_path, change));
    }
    command
}

fn localize_command(lang: Lang, mut command: Command, path: &str) -> Command {
    let text = |id: &str| catalogue::lookup(lang, id);
    if let Some(about) = text(&format!("help-{path}")) {
        command = command.about(about.clone()).long_about(None::<&str>);
    }
    let options = text("help-heading-options").unwrap_or_default();
    let arguments = text("help-heading-arguments").unwrap_or_default();
    command = command.mut_args(|arg| {
        let id = arg.get_id().to_string();
        let help =
            text(&format!("help-{path}-{id}")).or_else(|| text(&format!("help-global-{id}")));
        let arg = match help {
            Some(help) => arg.help(help).long_help(None::<&str>),
            None => arg,
        };
        if arg.get_help_heading().is_some() {
            arg
        } else if arg.is_positional() {
            arg.help_heading(arguments.clone())
        } else {
            arg.help_heading(options.clone())
        }
    });
    if let Some(template) = text("help-template") {
        command = command.help_template(template);
    }
    if let Some(heading) = text("help-heading-commands") {
        command = command.subcommand_help_heading(heading);
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    /// Every command and argument (except clap's `help` subcommand) has its text
    /// in the catalogue, and English from the catalogue is what `cli.rs` says.
    #[test]
    fn every_help_text_is_in_the_catalogue_and_english_matches_cli_rs() {
        let mut original = Cli::command();
        original.build();
        let mut missing = Vec::new();
        let mut differ = Vec::new();
        check(&original, "reflect", &mut missing, &mut differ);
        assert_eq!(
            missing,
            Vec::<String>::new(),
            "help texts missing from help.ftl"
        );
        assert_eq!(
            differ,
            Vec::<String>::new(),
            "en/help.ftl differs from cli.rs"
        );
    }

    fn check(command: &Command, path: &str, missing: &mut Vec<String>, differ: &mut Vec<String>) {
        if command.get_name() == "help" && path != "reflect" {
            return; // clap's own `help` subcommand
        }
        let mut compare = |id: String, original: Option<String>| {
            if original.as_deref().is_none_or(str::is_empty) {
                return; // no help text to translate
            }
            for lang in Lang::ALL {
                if catalogue::lookup(lang, &id).is_none() {
                    missing.push(format!("{}: {id}", lang.code()));
                }
            }
            let english = catalogue::lookup(Lang::En, &id);
            if let (Some(original), Some(english)) = (original.filter(|o| !o.is_empty()), english) {
                if original != english {
                    differ.push(format!("{id}: cli.rs {original:?} / help.ftl {english:?}"));
                }
            }
        };
        let about = command.get_long_about().or(command.get_about());
        compare(format!("help-{path}"), about.map(|s| s.to_string()));
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if arg.is_global_set() || ["help", "version"].contains(&id) {
                if path == "reflect" {
                    let help = arg.get_long_help().or(arg.get_help());
                    compare(format!("help-global-{id}"), help.map(|s| s.to_string()));
                }
                continue;
            }
            if path != "reflect" && is_propagated(id) {
                continue;
            }
            let help = arg.get_long_help().or(arg.get_help());
            compare(format!("help-{path}-{id}"), help.map(|s| s.to_string()));
        }
        for sub in command.get_subcommands() {
            let sub_path = if path == "reflect" {
                sub.get_name().to_string()
            } else {
                format!("{path}-{}", sub.get_name())
            };
            check(sub, &sub_path, missing, differ);
        }
    }

    fn is_propagated(id: &str) -> bool {
        let mut root = Cli::command();
        root.build();
        let global = root
            .get_arguments()
            .any(|arg| arg.get_id().as_str() == id && arg.is_global_set());
        global
    }
}
