//! How `reflect packs show` prints a pack: metadata, levels, depths, then each theme
//! with its prompts, in the interface language (the pack's own words as they are).
//! Pack text is untrusted: everything goes through [`crate::neutral`].

use std::io::{self, Write};

use super::{LevelName, Pack};
use crate::terminal::width;
use crate::{neutral, t};

/// Width at which long lines of pack text are wrapped in `packs show`.
pub const WRAP: usize = 88;

/// Writes untrusted, possibly multi-line text, each line indented and long lines
/// wrapped at word boundaries.
fn write_block(out: &mut impl Write, indent: &str, text: &str) -> io::Result<()> {
    // At most WRAP columns, narrower on a narrower terminal (or COLUMNS).
    let width = width::columns(width::Stream::Stdout)
        .unwrap_or(WRAP)
        .min(WRAP);
    for line in neutral::terminal(text).lines() {
        let flowing = line.split_whitespace().collect::<Vec<_>>().join(" ");
        write!(out, "{}", width::wrap(&flowing, width, indent))?;
        if flowing.is_empty() {
            writeln!(out)?;
        }
    }
    Ok(())
}

/// `N themes, M prompts` in the interface language.
pub fn contents(pack: &Pack) -> (String, String) {
    (
        t!("packs-themes-count", count = pack.themes.len()),
        t!("packs-prompts-count", count = pack.prompts.len()),
    )
}

/// `packs show`: metadata, levels, depths, then each theme with its prompts.
pub fn render(out: &mut impl Write, pack: &Pack) -> io::Result<()> {
    let line = |text: &str| neutral::terminal_line(text).into_owned();
    writeln!(out, "{}", line(&pack.name))?;
    let mut fields = vec![
        (t!("packs-field-id"), line(&pack.id)),
        (t!("packs-field-version"), line(&pack.version)),
        (t!("packs-field-language"), line(&pack.language)),
    ];
    if !pack.author.is_empty() {
        fields.push((t!("packs-field-author"), line(&pack.author)));
    }
    fields.push((t!("packs-field-from"), line(&pack.origin.to_string())));
    let width = fields
        .iter()
        .map(|(label, _)| label.chars().count() + 1)
        .max()
        .unwrap_or(0);
    for (label, value) in &fields {
        writeln!(out, "  {:width$} {value}", format!("{label}:"))?;
    }
    if !pack.source.is_empty() {
        writeln!(out, "  {}:", t!("packs-field-source"))?;
        write_block(out, "    ", &pack.source)?;
    }
    if !pack.description.is_empty() {
        writeln!(out)?;
        write_block(out, "", &pack.description)?;
    }

    writeln!(out)?;
    write_rungs(out, &t!("packs-levels"), &pack.levels)?;
    writeln!(out)?;
    write_rungs(out, &t!("packs-depths"), &pack.depths)?;
    writeln!(out)?;
    if !pack.stages.is_empty() {
        write_rungs(out, &t!("packs-stages"), &pack.stages)?;
        writeln!(out)?;
    }
    let (themes, prompts) = contents(pack);
    writeln!(
        out,
        "{}",
        t!("packs-contents", themes = themes, prompts = prompts)
    )?;
    for theme in &pack.themes {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            t!(
                "packs-theme",
                id = line(&theme.id),
                title = line(&theme.title)
            )
        )?;
        if !theme.summary.is_empty() {
            write_block(out, "  ", &theme.summary)?;
        }
        for prompt in pack.prompts.iter().filter(|p| p.theme == theme.id) {
            writeln!(out)?;
            writeln!(out, "  {}", t!("packs-prompt", id = line(&prompt.id)))?;
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
            let aliases = line(&rung.aliases.join(", "));
            text = format!(
                "{} ({})",
                text.trim_end(),
                t!("packs-also", aliases = aliases)
            );
        }
        writeln!(out, "{}", text.trim_end())?;
    }
    Ok(())
}
#[cfg(test)]
mod tests {
    use super::*;

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
