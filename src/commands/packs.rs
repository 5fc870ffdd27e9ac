//! `reflect packs`: list, show, validate, scaffold and install prompt packs.
//!
//! Pack text is untrusted: everything shown goes through [`crate::neutral`].

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context as _, Result};
use comfy_table::{presets, ContentArrangement, Table};

use super::{print_problems, Context};
use crate::cli::PacksCommand;
use crate::error::usage;
use crate::exit_codes;
use crate::fs::{create_new_private, create_private_dir_all, write_atomically};
use crate::neutral;
use crate::pack::{
    installed_pack_files, is_language_tag, is_valid_id, parse_pack_bytes, read_pack,
    read_pack_file, PackError, PackOrigin,
};
use crate::t;
use crate::terminal;

pub fn run(ctx: &Context, command: PacksCommand) -> Result<u8> {
    match command {
        PacksCommand::List => list(ctx),
        PacksCommand::Show { id } => show(ctx, id.as_deref()),
        PacksCommand::Validate { files } => validate(&files),
        PacksCommand::New {
            output,
            id,
            language,
        } => new(output.as_deref(), &id, &language),
        PacksCommand::Install { file, force } => install(ctx, &file, force),
        PacksCommand::Remove { id } => remove(ctx, &id),
    }
}

/// One field of a tab-separated line: no control characters, no tabs.
fn field(text: &str) -> String {
    neutral::plain_field(text).into_owned()
}

fn list(ctx: &Context) -> Result<u8> {
    let packs = ctx.packs()?;
    let default = packs.default_pack().map(|pack| pack.id.clone());
    let mut out = super::stdout();
    if ctx.unicode() {
        let mut table = Table::new();
        table
            .load_preset(presets::UTF8_HORIZONTAL_ONLY)
            .set_header([
                t!("packs-col-pack"),
                t!("packs-col-name"),
                t!("packs-col-language"),
                t!("packs-col-version"),
                t!("packs-col-prompts"),
                t!("packs-col-from"),
            ]);
        // Fit the terminal, unless it reports no sensible width (some pseudo-terminals).
        if table.width().is_some_and(|width| width >= 40) {
            table.set_content_arrangement(ContentArrangement::Dynamic);
        }
        for pack in packs.iter() {
            let mut id = field(&pack.id);
            if default.as_deref() == Some(pack.id.as_str()) {
                id.push(' ');
                id.push_str(&t!("packs-default"));
            }
            table.add_row([
                id,
                field(&pack.name),
                field(&pack.language),
                field(&pack.version),
                pack.prompts.len().to_string(),
                field(&pack.origin.to_string()),
            ]);
        }
        crate::progress::render::write_table(&mut out, &table)?;
    } else {
        // Columns only ever get added at the end, so scripts keep working.
        for pack in packs.iter() {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                field(&pack.id),
                field(&pack.version),
                field(&pack.language),
                pack.themes.len(),
                pack.prompts.len(),
                field(&pack.origin.to_string()),
                field(&pack.name),
            )?;
        }
    }
    out.flush()?;
    Ok(exit_codes::SUCCESS)
}

fn show(ctx: &Context, id: Option<&str>) -> Result<u8> {
    let pack = match id {
        Some(id) => {
            let packs = ctx.packs()?;
            packs.get(id).ok_or_else(|| {
                let known: Vec<&str> = packs.iter().map(|p| p.id.as_str()).collect();
                usage(t!(
                    "packs-unknown-id-loaded",
                    id = neutral::terminal_line(id).into_owned(),
                    loaded = known.join(", ")
                ))
            })?
        }
        None => ctx.chosen_pack()?,
    };
    let mut out = super::stdout();
    crate::pack::show::render(&mut out, pack)?;
    out.flush()?;
    Ok(exit_codes::SUCCESS)
}

fn validate(files: &[PathBuf]) -> Result<u8> {
    let mut out = super::stdout();
    let mut status = exit_codes::SUCCESS;
    for path in files {
        match read_pack(path, PackOrigin::CommandLine(path.clone())) {
            Ok(pack) => {
                let (themes, prompts) = crate::pack::show::contents(&pack);
                writeln!(
                    out,
                    "{}",
                    t!(
                        "packs-validate-ok",
                        path = neutral::terminal_line(&path.display().to_string()).into_owned(),
                        themes = themes,
                        prompts = prompts
                    )
                )?;
                // Notes are for the person (stderr); stdout keeps one line per file
                // or problem.
                for note in &pack.notes {
                    terminal::note(&t!(
                        "packs-note",
                        where = format!("{}:{}:{}", note.file, note.line, note.column),
                        message = note.message.to_string()
                    ));
                }
            }
            Err(PackError::Invalid { problems, .. }) => {
                status = exit_codes::FAILURE;
                for problem in problems {
                    writeln!(out, "{}", neutral::terminal_line(&problem.to_string()))?;
                }
            }
            Err(err @ PackError::Unreadable { .. }) => {
                status = exit_codes::FAILURE;
                writeln!(out, "{}", neutral::terminal_line(&err.to_string()))?;
            }
        }
    }
    out.flush()?;
    Ok(status)
}

fn new(output: Option<&Path>, id: &str, language: &str) -> Result<u8> {
    if !is_valid_id(id) {
        return Err(usage(t!(
            "packs-new-bad-id",
            id = neutral::terminal_line(id).into_owned()
        )));
    }
    if !is_language_tag(language) {
        return Err(usage(t!(
            "packs-new-bad-language",
            language = neutral::terminal_line(language).into_owned()
        )));
    }
    let text = scaffold(id, language);
    match output {
        None => {
            let mut out = super::stdout();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
        Some(path) => {
            let mut file = create_new_private(path).map_err(|err| match err.kind() {
                io::ErrorKind::AlreadyExists => {
                    anyhow!(t!("packs-new-exists", path = path.display().to_string()))
                }
                _ => anyhow!(err)
                    .context(t!("file-cannot-create", path = path.display().to_string())),
            })?;
            file.write_all(text.as_bytes())
                .and_then(|()| file.sync_all())
                .with_context(|| t!("file-cannot-write", path = path.display().to_string()))?;
            terminal::note(&t!("packs-new-wrote", path = path.display().to_string()));
        }
    }
    Ok(exit_codes::SUCCESS)
}

/// The commented scaffold written by `packs new`; `{id}` and `{language}` are filled
/// in. It validates as is (a unit test checks).
const SCAFFOLD: &str = r#"# A prompt pack for `reflect` (pack format 1). The format is documented in
# docs/prompt-packs.md of the reflect sources.
#
#   reflect packs validate FILE      checks the pack: every problem as FILE:LINE:COLUMN
#   reflect --pack FILE prompt       shows the question reflect would suggest from it
#   reflect --pack FILE write        writes an entry with one of its prompts
#   reflect packs install FILE       copies it into your packs folder for everyday use
#
# Any text may span several lines inside """triple quotes""". Control characters and
# terminal escape sequences are not allowed anywhere. Unknown keys are errors.
#
# Ids (of the pack, levels, themes and prompts) are 1 to 64 characters a-z, 0-9, '-'
# or '_', starting with a letter or digit. Journal entries store them: once people
# answer your prompts, keep the ids when you publish a new version.

# format (required): the version of this file format. Only 1 exists.
format = 1

[pack]
# id (required): the pack's id. `reflect write --prompt {id}/PROMPT` uses it.
id = "{id}"
# name (required): shown by `reflect packs list` and `reflect packs show`.
name = "My reflection prompts"
# version (required): raise it whenever you change the pack (semantic versioning
# recommended). Each journal entry records the version of the pack it answered.
version = "0.1.0"
# language (required): the language of the pack, a BCP 47 tag (en, es, es-CL, ...).
language = "{language}"
# description (optional): what the pack is for, and for whom.
description = "Questions for school leaders working in a network of schools."
# source (optional): credit for the material the prompts are built on.
source = "Written for this course by its trainers."
# author (optional): who wrote the pack.
author = "Your name"

# Optional: your names for the three levels of practice. Without [[levels]] the
# levels are school, network and system. With them, there must be exactly three,
# bottom rung first: they map in order onto school -> network -> system.
#   id           required; what a leader types with --level (same rules as other ids)
#   name         required; the label shown in tables
#   description  optional
#   aliases      optional; other words accepted for it, e.g. aliases = ["high school"]
#
# [[levels]]
# id = "school"
# name = "School"
# description = "Inside my own school."
#
# [[levels]]
# id = "network"
# name = "Network"
# description = "With partner schools in the network."
#
# [[levels]]
# id = "system"
# name = "System"
# description = "The district, other agencies, the wider system."

# Optional: your names for the four depths of joint work, shallowest first (they
# map in order onto informing -> coordinating -> sharing -> co-constructing). Same
# keys as [[levels]]; without [[depths]] the standard names are used.
#
# [[depths]]
# id = "informing"
# name = "Informing"
# description = "We shared information."
#
# [[depths]]
# id = "coordinating"
# name = "Coordinating"
# description = "We aligned what each of us does."
#
# [[depths]]
# id = "sharing"
# name = "Sharing resources"
# description = "We shared resources: people, time, materials."
#
# [[depths]]
# id = "co-constructing"
# name = "Co-constructing"
# description = "We created new practice together and share responsibility for it."

# Themes group the prompts: at least one.
#   id       required, unique within the pack
#   title    required, one line
#   summary  optional
[[themes]]
id = "collaboration"
title = "Collaboration between schools"
summary = "How the schools of the network learn from one another."

# Prompts are the questions: at least one. Ask open questions (what, how, whose,
# what next): reflect itself asks at which level each entry's practice sat, so a
# prompt need not ask whether it stayed in the school or reached the system.
#   id        required, unique within the pack
#   theme     required: the id of one of the themes above
#   question  required
#   context   optional: a paragraph shown before the question
#   level     ignored (older packs suggested a level here): the leader says the
#             level of every entry, so ask open questions, not "school or network?"
[[prompts]]
id = "collaboration-last-exchange"
theme = "collaboration"
context = """
Collaboration grows from small, concrete exchanges between schools: a visit,
a shared lesson plan, an honest conversation about what did not work."""
question = "What did you last learn from another school in the network, and what did you do with it?"

[[prompts]]
id = "collaboration-what-changed"
theme = "collaboration"
question = """
Think of one piece of work you led with another school this month. What changed
because of it, for whom, and what would you do differently next time?"""
"#;

/// [`SCAFFOLD`] with its comments and examples in Spanish.
const SCAFFOLD_ES: &str = include_str!("scaffold.es.toml");

/// The scaffold in the language in force, `{id}` and `{language}` filled in.
fn scaffold(id: &str, language: &str) -> String {
    let text = match crate::i18n::lang() {
        crate::i18n::Lang::En => SCAFFOLD,
        crate::i18n::Lang::Es => SCAFFOLD_ES,
    };
    text.replace("{id}", id).replace("{language}", language)
}

fn install(ctx: &Context, file: &Path, force: bool) -> Result<u8> {
    let label = file.display().to_string();
    // The bytes validated are the bytes installed, as they are (comments and all).
    let bytes = read_pack_file(file)?;
    let pack = match parse_pack_bytes(&bytes, &label, PackOrigin::CommandLine(file.to_path_buf())) {
        Ok(pack) => pack,
        Err(problems) => {
            print_problems(&problems);
            bail!(t!(
                "packs-not-installed",
                label = label.as_str(),
                problems = t!("packs-problems-count", count = problems.len())
            ));
        }
    };

    let dir = &ctx.config.packs_dir.path;
    let target = dir.join(format!("{}.toml", pack.id));
    let installed = installed_pack_files(dir)
        .with_context(|| t!("packs-cannot-read-folder", path = dir.display().to_string()))?;
    let same_id: Vec<PathBuf> = installed
        .into_iter()
        .filter(|path| {
            read_pack(path, PackOrigin::Installed(path.clone()))
                .is_ok_and(|other| other.id == pack.id)
        })
        .collect();
    let destination = match same_id.first() {
        Some(existing) if !force => bail!(t!(
            "packs-already-installed",
            id = pack.id.as_str(),
            path = existing.display().to_string()
        )),
        Some(existing) => existing.clone(),
        None if target.exists() && !force => bail!(t!(
            "packs-target-exists",
            path = target.display().to_string(),
            id = pack.id.as_str()
        )),
        None => {
            if let Ok(other) = read_pack(&target, PackOrigin::Installed(target.clone())) {
                bail!(t!(
                    "packs-target-holds",
                    path = target.display().to_string(),
                    other = other.id.as_str(),
                    id = pack.id.as_str()
                ));
            }
            target
        }
    };

    create_private_dir_all(dir).with_context(|| {
        t!(
            "packs-cannot-create-folder",
            path = dir.display().to_string()
        )
    })?;
    write_atomically(&destination, |out| {
        out.write_all(&bytes)?;
        Ok(())
    })
    .with_context(|| {
        t!(
            "packs-cannot-install",
            path = destination.display().to_string()
        )
    })?;

    let mut out = super::stdout();
    writeln!(
        out,
        "{}",
        neutral::terminal_line(&destination.display().to_string())
    )?;
    out.flush()?;
    let builtin = is_builtin(&pack.id);
    let id = if builtin {
        "packs-installed-over-builtin"
    } else {
        "packs-installed"
    };
    let mut args = crate::i18n::Args::new();
    args.set("id", pack.id.as_str());
    args.set("version", pack.version.as_str());
    terminal::note(&crate::i18n::message(id, Some(&args)));
    Ok(exit_codes::SUCCESS)
}

/// Whether a pack with this id is compiled into reflect.
fn is_builtin(id: &str) -> bool {
    crate::pack::EMBEDDED_PACKS.iter().any(|(_, text)| {
        crate::pack::parse_pack(text, "", PackOrigin::Embedded("")).is_ok_and(|p| p.id == id)
    })
}

/// `packs remove ID`: deletes the installed file(s) holding the pack `id` (a broken
/// file counts when it is named `ID.toml`). Built-in packs cannot be removed.
fn remove(ctx: &Context, id: &str) -> Result<u8> {
    let dir = &ctx.config.packs_dir.path;
    let shown_id = neutral::terminal_line(id);
    let installed = installed_pack_files(dir)
        .with_context(|| t!("packs-cannot-read-folder", path = dir.display().to_string()))?;
    let file_name = format!("{id}.toml");
    let matching: Vec<PathBuf> = installed
        .into_iter()
        .filter(
            |path| match read_pack(path, PackOrigin::Installed(path.clone())) {
                Ok(pack) => pack.id == id,
                Err(_) => path
                    .file_name()
                    .is_some_and(|name| name == file_name.as_str()),
            },
        )
        .collect();
    let builtin = is_builtin(id);
    if matching.is_empty() {
        if builtin {
            bail!(t!("packs-remove-builtin", id = shown_id));
        }
        bail!(t!("packs-remove-unknown", id = shown_id));
    }
    let mut out = super::stdout();
    for path in &matching {
        std::fs::remove_file(path)
            .with_context(|| t!("file-cannot-remove", path = path.display().to_string()))?;
        writeln!(
            out,
            "{}",
            neutral::terminal_line(&path.display().to_string())
        )?;
    }
    out.flush()?;
    terminal::note(&if builtin {
        t!("packs-removed-builtin-back", id = shown_id.as_ref())
    } else {
        t!("packs-removed", id = shown_id.as_ref())
    });
    if !builtin && ctx.config.default_pack.as_deref() == Some(id) {
        terminal::warn(&t!(
            "packs-remove-default",
            id = shown_id.as_ref(),
            file = ctx.config.config_file.path.display().to_string()
        ));
    }
    Ok(exit_codes::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::parse_pack;

    #[test]
    fn the_scaffold_validates_for_any_valid_id_and_language() {
        for (id, language) in [("my-pack", "en"), ("redes_2", "es-CL")] {
            let text = scaffold(id, language);
            let pack = parse_pack(&text, "new.toml", PackOrigin::Embedded("new.toml"))
                .unwrap_or_else(|problems| panic!("{problems:#?}"));
            assert_eq!(pack.id, id);
            assert_eq!(pack.language, language);
        }
    }

    #[test]
    fn the_spanish_scaffold_validates_and_has_the_same_keys() {
        for (id, language) in [("my-pack", "en"), ("redes_2", "es-CL")] {
            let text = SCAFFOLD_ES
                .replace("{id}", id)
                .replace("{language}", language);
            let keys = |text: &str| -> Vec<String> {
                text.lines()
                    .filter_map(|l| l.trim_start_matches("# ").split_once(" = "))
                    .map(|(key, _)| key.to_string())
                    .filter(|key| key.bytes().all(|b| b.is_ascii_lowercase()))
                    .collect()
            };
            assert_eq!(keys(&text), keys(&scaffold(id, language)));
            let pack = parse_pack(&text, "new.toml", PackOrigin::Embedded("new.toml"))
                .unwrap_or_else(|problems| panic!("{problems:#?}"));
            assert_eq!(pack.id, id);
            assert_eq!(pack.language, language);
        }
    }
}
