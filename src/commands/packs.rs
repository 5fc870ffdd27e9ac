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
    read_pack_file, LevelName, Pack, PackError, PackOrigin,
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

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
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
            .set_header(["Pack", "Name", "Language", "Version", "Prompts", "From"]);
        // Fit the terminal, unless it reports no sensible width (some pseudo-terminals).
        if table.width().is_some_and(|width| width >= 40) {
            table.set_content_arrangement(ContentArrangement::Dynamic);
        }
        for pack in packs.iter() {
            let mut id = field(&pack.id);
            if default.as_deref() == Some(pack.id.as_str()) {
                id.push_str(" (default)");
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
        writeln!(out, "{table}")?;
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
                usage(format!(
                    "no loaded pack has the id '{}' (loaded: {})",
                    neutral::terminal_line(id),
                    known.join(", ")
                ))
            })?
        }
        None => ctx.chosen_pack()?,
    };
    let mut out = super::stdout();
    render_pack(&mut out, pack)?;
    out.flush()?;
    Ok(exit_codes::SUCCESS)
}

/// Width at which long lines of pack text are wrapped in `packs show`.
const WRAP: usize = 88;

/// Writes untrusted, possibly multi-line text, each line indented and long lines
/// wrapped at word boundaries.
fn write_block(out: &mut impl Write, indent: &str, text: &str) -> io::Result<()> {
    let width = WRAP.saturating_sub(indent.len()).max(20);
    for line in neutral::terminal(text).lines() {
        let mut current = String::new();
        for word in line.split_whitespace() {
            if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
                writeln!(out, "{indent}{current}")?;
                current.clear();
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        if current.is_empty() {
            writeln!(out)?;
        } else {
            writeln!(out, "{indent}{current}")?;
        }
    }
    Ok(())
}

/// `packs show`: metadata, levels, depths, then each theme with its prompts.
fn render_pack(out: &mut impl Write, pack: &Pack) -> io::Result<()> {
    let line = |text: &str| neutral::terminal_line(text).into_owned();
    writeln!(out, "{}", line(&pack.name))?;
    writeln!(out, "  id:       {}", line(&pack.id))?;
    writeln!(out, "  version:  {}", line(&pack.version))?;
    writeln!(out, "  language: {}", line(&pack.language))?;
    if !pack.author.is_empty() {
        writeln!(out, "  author:   {}", line(&pack.author))?;
    }
    writeln!(out, "  from:     {}", line(&pack.origin.to_string()))?;
    if !pack.source.is_empty() {
        writeln!(out, "  source:")?;
        write_block(out, "    ", &pack.source)?;
    }
    if !pack.description.is_empty() {
        writeln!(out)?;
        write_block(out, "", &pack.description)?;
    }

    writeln!(out)?;
    write_rungs(
        out,
        "Levels, bottom rung first (type the id with --level):",
        &pack.levels,
    )?;
    writeln!(out)?;
    write_rungs(out, &crate::t!("packs-depths"), &pack.depths)?;
    writeln!(out)?;
    writeln!(
        out,
        "{}, {}:",
        plural(pack.themes.len(), "theme"),
        plural(pack.prompts.len(), "prompt")
    )?;
    for theme in &pack.themes {
        writeln!(out)?;
        writeln!(out, "Theme {}: {}", line(&theme.id), line(&theme.title))?;
        if !theme.summary.is_empty() {
            write_block(out, "  ", &theme.summary)?;
        }
        for prompt in pack.prompts.iter().filter(|p| p.theme == theme.id) {
            writeln!(out)?;
            writeln!(out, "  Prompt {}", line(&prompt.id))?;
            if let Some(context) = &prompt.context {
                write_block(out, "    ", context)?;
            }
            write_block(out, "    > ", &prompt.question)?;
        }
    }
    Ok(())
}

/// A ladder's rungs in aligned columns: id, name, description, then any aliases.
fn write_rungs(out: &mut impl Write, title: &str, rungs: &[LevelName]) -> io::Result<()> {
    let line = |text: &str| neutral::terminal_line(text).into_owned();
    writeln!(out, "{title}")?;
    let id_width = rungs
        .iter()
        .map(|l| l.id.chars().count())
        .max()
        .unwrap_or(0);
    let name_width = rungs
        .iter()
        .map(|l| l.name.chars().count())
        .max()
        .unwrap_or(0);
    for rung in rungs {
        let mut text = format!(
            "  {:id_width$}  {:name_width$}  {}",
            line(&rung.id),
            line(&rung.name),
            line(&rung.description)
        );
        if !rung.aliases.is_empty() {
            text = format!(
                "{} (also: {})",
                text.trim_end(),
                line(&rung.aliases.join(", "))
            );
        }
        writeln!(out, "{}", text.trim_end())?;
    }
    Ok(())
}

fn validate(files: &[PathBuf]) -> Result<u8> {
    let mut out = super::stdout();
    let mut status = exit_codes::SUCCESS;
    for path in files {
        match read_pack(path, PackOrigin::CommandLine(path.clone())) {
            Ok(pack) => {
                writeln!(
                    out,
                    "{}: ok ({}, {})",
                    neutral::terminal_line(&path.display().to_string()),
                    plural(pack.themes.len(), "theme"),
                    plural(pack.prompts.len(), "prompt")
                )?;
                // Notes are for the person (stderr); stdout keeps one line per file
                // or problem.
                for note in &pack.notes {
                    terminal::note(&format!(
                        "{}:{}:{}: note: {}",
                        note.file, note.line, note.column, note.message
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
        return Err(usage(format!(
            "--id '{}' is not a valid pack id: use 1 to 64 characters a-z, 0-9, '-' or '_', starting with a letter or digit",
            neutral::terminal_line(id)
        )));
    }
    if !is_language_tag(language) {
        return Err(usage(format!(
            "--language '{}' is not a language tag: use a BCP 47 tag such as en, es or es-CL",
            neutral::terminal_line(language)
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
                io::ErrorKind::AlreadyExists => anyhow!(
                    "{} already exists; choose another --output or move it away first",
                    path.display()
                ),
                _ => anyhow!(err).context(format!("cannot create {}", path.display())),
            })?;
            file.write_all(text.as_bytes())
                .and_then(|()| file.sync_all())
                .with_context(|| format!("cannot write {}", path.display()))?;
            let shown = path.display();
            terminal::note(&format!(
                "wrote {shown}: edit it, check it with `reflect packs validate {shown}`, try it with `reflect --pack {shown} prompt`, then install it with `reflect packs install {shown}` or hand it out"
            ));
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

fn scaffold(id: &str, language: &str) -> String {
    SCAFFOLD.replace("{id}", id).replace("{language}", language)
}

fn install(ctx: &Context, file: &Path, force: bool) -> Result<u8> {
    let label = file.display().to_string();
    // The bytes validated are the bytes installed, as they are (comments and all).
    let bytes = read_pack_file(file)?;
    let pack = match parse_pack_bytes(&bytes, &label, PackOrigin::CommandLine(file.to_path_buf())) {
        Ok(pack) => pack,
        Err(problems) => {
            print_problems(&problems);
            bail!(
                "{label} was not installed: it has {} (listed above)",
                plural(problems.len(), "problem")
            );
        }
    };

    let dir = &ctx.config.packs_dir.path;
    let target = dir.join(format!("{}.toml", pack.id));
    let installed = installed_pack_files(dir)
        .with_context(|| format!("cannot read the packs folder {}", dir.display()))?;
    let same_id: Vec<PathBuf> = installed
        .into_iter()
        .filter(|path| {
            read_pack(path, PackOrigin::Installed(path.clone()))
                .is_ok_and(|other| other.id == pack.id)
        })
        .collect();
    let destination = match same_id.first() {
        Some(existing) if !force => bail!(
            "a pack with the id '{}' is already installed: {}; use --force to replace it",
            pack.id,
            existing.display()
        ),
        Some(existing) => existing.clone(),
        None if target.exists() && !force => bail!(
            "{} already exists (it does not hold a valid pack '{}'); use --force to replace it",
            target.display(),
            pack.id
        ),
        None => {
            if let Ok(other) = read_pack(&target, PackOrigin::Installed(target.clone())) {
                bail!(
                    "{} holds the pack '{}'; move it away to install '{}'",
                    target.display(),
                    other.id,
                    pack.id
                );
            }
            target
        }
    };

    create_private_dir_all(dir)
        .with_context(|| format!("cannot create the packs folder {}", dir.display()))?;
    write_atomically(&destination, |out| {
        out.write_all(&bytes)?;
        Ok(())
    })
    .with_context(|| format!("cannot install the pack as {}", destination.display()))?;

    let mut out = super::stdout();
    writeln!(
        out,
        "{}",
        neutral::terminal_line(&destination.display().to_string())
    )?;
    out.flush()?;
    let builtin = is_builtin(&pack.id);
    terminal::note(&format!(
        "installed the pack '{}' (version {}){}; see it with `reflect packs show {}`",
        pack.id,
        pack.version,
        if builtin {
            ", which takes precedence over the built-in pack with that id"
        } else {
            ""
        },
        pack.id
    ));
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
        .with_context(|| format!("cannot read the packs folder {}", dir.display()))?;
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
        std::fs::remove_file(path).with_context(|| format!("cannot remove {}", path.display()))?;
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
    fn long_lines_are_wrapped_and_sanitized() {
        let mut out = Vec::new();
        let text = format!("{} \u{1b}[2J end", "word ".repeat(30));
        write_block(&mut out, "  ", &text).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.lines().all(|l| l.chars().count() <= WRAP));
        assert!(!out.contains('\u{1b}'));
        assert_eq!(out.lines().count(), 2);
    }
}
