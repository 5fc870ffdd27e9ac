//! Man pages, generated from the clap definition (`clap_mangen`): `reflect.1` and
//! one page per command (`reflect-write.1`, `reflect-packs-show.1`, ...), each
//! ending with the command's examples ([`crate::examples`]) and a SEE ALSO section
//! naming the related pages.

use std::io;

use clap::Command;

use crate::examples;
use crate::t;

/// One page: its file name (`reflect-write.1`) and its roff text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub file_name: String,
    pub roff: String,
}

/// The top page (`reflect.1`) of the command line definition `command`.
pub fn top_page(command: Command) -> io::Result<Page> {
    let command = prepared(command);
    let subpages: Vec<String> = visible_subcommands(&command).map(page_name).collect();
    page(&command, "reflect", &subpages)
}

/// Every page: the top one, then each command's (depth first, in `--help` order).
pub fn all_pages(command: Command) -> io::Result<Vec<Page>> {
    let command = prepared(command);
    let mut pages = Vec::new();
    walk(&command, "reflect", None, &mut pages)?;
    Ok(pages)
}

/// Built once, without clap's `help` subcommand, so that each subcommand knows
/// its full name (`reflect-packs-show`) and usage (`reflect packs show`).
fn prepared(command: Command) -> Command {
    let mut command = command.disable_help_subcommand(true);
    command.build();
    command
}

fn visible_subcommands(command: &Command) -> impl Iterator<Item = &Command> {
    command.get_subcommands().filter(|sub| !sub.is_hide_set())
}

/// `reflect-write` for the subcommand `write` of `reflect`.
fn page_name(command: &Command) -> String {
    command
        .get_display_name()
        .unwrap_or_else(|| command.get_name())
        .to_string()
}

fn walk(
    command: &Command,
    path: &str,
    parent: Option<&str>,
    pages: &mut Vec<Page>,
) -> io::Result<()> {
    let mut related: Vec<String> = parent.into_iter().map(str::to_string).collect();
    if parent.is_some_and(|p| p != "reflect") {
        related.push("reflect".to_string());
    }
    related.extend(visible_subcommands(command).map(page_name));
    pages.push(page(command, path, &related)?);
    let name = page_name(command);
    for sub in visible_subcommands(command) {
        let sub_path = if path == "reflect" {
            sub.get_name().to_string()
        } else {
            format!("{path}-{}", sub.get_name())
        };
        walk(sub, &sub_path, Some(&name), pages)?;
    }
    Ok(())
}

/// The page of `command` (at examples path `path`), with SEE ALSO naming `related`.
fn page(command: &Command, path: &str, related: &[String]) -> io::Result<Page> {
    let man = clap_mangen::Man::new(command.clone());
    let file_name = man.get_filename();
    let mut roff = Vec::new();
    man.render(&mut roff)?;
    let roff = String::from_utf8(roff).map_err(io::Error::other)?;
    let mut extra = examples_section(path);
    if !related.is_empty() {
        let names: Vec<String> = related
            .iter()
            .map(|name| format!("\\fB{}\\fR(1)", escape(name)))
            .collect();
        extra.push_str(&format!(
            ".SH \"{}\"\n{}\n",
            t!("man-see-also"),
            names.join(", ")
        ));
    }
    // Before VERSION (and AUTHORS), where man pages keep their examples.
    let roff = match roff.find("\n.SH VERSION") {
        Some(at) => format!("{}\n{extra}{}", &roff[..at], &roff[at + 1..]),
        None => format!("{roff}{extra}"),
    };
    Ok(Page { file_name, roff })
}

/// `.SH EXAMPLES`: each example's comment, then its command line unfilled.
fn examples_section(path: &str) -> String {
    let lines = examples::of(path);
    if lines.is_empty() {
        return String::new();
    }
    let heading = t!("examples-heading");
    let heading = heading.trim_end_matches(':').to_uppercase();
    let mut roff = format!(".SH \"{heading}\"\n");
    for (index, line) in lines.iter().enumerate() {
        let comment = t!(&examples::comment_id(path, index));
        roff.push_str(&format!(
            ".PP\n{}\n.RS 4\n.nf\n\\fB{}\\fR\n.fi\n.RE\n",
            escape(&comment),
            escape(line)
        ));
    }
    roff
}

/// Text made safe for a roff text line: backslashes and hyphens escaped, and a
/// leading `.` or `'` kept from reading as a request.
fn escape(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    #[test]
    fn there_is_a_page_per_command_with_its_examples() {
        let pages = all_pages(Cli::command()).unwrap();
        let names: Vec<&str> = pages.iter().map(|p| p.file_name.as_str()).collect();
        assert_eq!(names[0], "reflect.1");
        assert!(names.contains(&"reflect-write.1"), "{names:?}");
        assert!(names.contains(&"reflect-packs-show.1"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("help")), "{names:?}");
        let write = pages
            .iter()
            .find(|p| p.file_name == "reflect-write.1")
            .unwrap();
        assert!(write.roff.contains(".SH \"EXAMPLES\""), "{}", write.roff);
        assert!(write
            .roff
            .contains("\\fBreflect write \\-\\-prompt ncsl\\-networks/"));
        assert!(write.roff.contains("\\fBreflect\\fR(1)"));
    }

    #[test]
    fn roff_requests_cannot_be_smuggled_in() {
        assert_eq!(escape(".SH x"), "\\&.SH x");
        assert_eq!(escape("a\\b-c"), "a\\eb\\-c");
    }
}
