//! The Markdown report: headings, paragraphs and tables; each chart given as its
//! table under the chart's title.
//!
//! # Which Markdown
//!
//! The file is CommonMark, and its tables are pipe tables (`| a | b |` over a
//! `| --- | --: |` delimiter row), which CommonMark itself does not define but which
//! pandoc, markdown-it, GitHub, GitLab and pulldown-cmark read as tables. That is
//! still valid CommonMark, only less pretty under a strict reader: every table line
//! starts with `|`, which opens no block (no list, heading, quote, code or thematic
//! break; and a `|`-led delimiter row is no setext underline), so a strict reader
//! shows the table as a paragraph of its cells, separated by bars, with nothing
//! swallowed and nothing restyled. Every table is set off by blank lines.
//!
//! All text is data (names of groups and themes come from outside) and goes through
//! the project's Markdown escaping ([`crate::neutral::markdown`]), so that it creates
//! no structure: inside a cell `|` is written `\|`, which table readers take as a
//! literal bar.

use std::io::{self, Write};

use super::{Block, Cell, Report, Table};
use crate::neutral::markdown::{write_inline, write_line_start};

/// The whole document.
pub fn render(report: &Report) -> String {
    let mut out = Vec::new();
    write(&mut out, report).expect("writing to memory does not fail");
    String::from_utf8(out).expect("escaping keeps UTF-8")
}

fn write(out: &mut Vec<u8>, report: &Report) -> io::Result<()> {
    heading(out, 1, &report.title)?;
    let meta: Vec<&str> = report
        .meta
        .iter()
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
        .collect();
    for (i, line) in meta.iter().enumerate() {
        write_line_start(out, line)?;
        // A backslash before the line break is a hard break: one line each.
        out.write_all(if i + 1 < meta.len() { b"\\\n" } else { b"\n\n" })?;
    }
    for section in &report.sections {
        heading(out, 2, &section.heading)?;
        for block in &section.blocks {
            match block {
                Block::Paragraph(text) => paragraph(out, text)?,
                Block::Table(table) => {
                    if let Some(caption) = &table.caption {
                        heading(out, 3, caption)?;
                    }
                    self::table(out, table)?;
                }
                Block::Chart(chart) => {
                    heading(out, 3, &chart.title)?;
                    self::table(out, &chart.table)?;
                }
            }
        }
    }
    Ok(())
}

fn heading(out: &mut Vec<u8>, level: usize, text: &str) -> io::Result<()> {
    out.write_all(&b"######"[..level.clamp(1, 6)])?;
    out.write_all(b" ")?;
    write_inline(out, text.trim())?;
    out.write_all(b"\n\n")
}

fn paragraph(out: &mut Vec<u8>, text: &str) -> io::Result<()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(());
    }
    write_line_start(out, text)?;
    out.write_all(b"\n\n")
}

/// A pipe table; figures' columns aligned right. A table with no column is left out.
fn table(out: &mut Vec<u8>, table: &Table) -> io::Result<()> {
    let width = table.width();
    if width == 0 {
        return Ok(());
    }
    let header = (0..width).map(|i| table.header.get(i).map(String::as_str).unwrap_or(""));
    row(out, header)?;
    out.write_all(b"|")?;
    for i in 0..width {
        out.write_all(if table.is_numeric(i) {
            b" --: |"
        } else {
            b" --- |"
        })?;
    }
    out.write_all(b"\n")?;
    for cells in &table.rows {
        row(
            out,
            (0..width).map(|i| cells.get(i).map(Cell::as_str).unwrap_or("")),
        )?;
    }
    out.write_all(b"\n")
}

fn row<'a>(out: &mut Vec<u8>, cells: impl Iterator<Item = &'a str>) -> io::Result<()> {
    out.write_all(b"|")?;
    for cell in cells {
        out.write_all(b" ")?;
        write_inline(out, cell.trim())?;
        out.write_all(b" |")?;
    }
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    use super::*;
    use crate::report::{Chart, Section, Series, StackedBars, Words};

    const HOSTILE: [&str; 8] = [
        "<script>alert(1)</script>",
        "a | b",
        "*not emphasis* and `code` and [link](x)",
        "1. not a list",
        "- not a bullet",
        "---",
        "# not a heading",
        "    not code\nnor a second line",
    ];

    fn report(texts: &[&str]) -> Report {
        let table = Table {
            caption: Some(texts[0].to_owned()),
            header: texts.iter().map(|&t| t.to_owned()).collect(),
            rows: vec![
                texts.iter().map(|&t| Cell::text(t)).collect(),
                texts.iter().map(|_| Cell::number("3")).collect(),
            ],
        };
        let chart = Chart::stacked_bars(
            texts[1],
            StackedBars {
                category_heading: texts[2].to_owned(),
                categories: texts.iter().map(|&t| t.to_owned()).collect(),
                series: vec![Series {
                    label: texts[3].to_owned(),
                    values: vec![1; texts.len()],
                }],
            },
        );
        let mut blocks: Vec<Block> = texts
            .iter()
            .map(|&t| Block::Paragraph(t.to_owned()))
            .collect();
        blocks.extend([Block::Table(table), Block::Chart(chart)]);
        Report {
            title: texts[4].to_owned(),
            meta: texts.iter().map(|&t| t.to_owned()).collect(),
            sections: vec![Section {
                heading: texts[5].to_owned(),
                blocks,
            }],
            words: Words::english(),
        }
    }

    /// How a reader sees each text: newlines and tabs are spaces in data.
    fn flat(text: &str) -> String {
        text.trim().replace(['\n', '\t'], " ")
    }

    #[test]
    fn a_strict_commonmark_reader_sees_only_headings_and_paragraphs_of_plain_text() {
        let markdown = render(&report(&HOSTILE));
        for event in Parser::new_ext(&markdown, Options::empty()) {
            match event {
                Event::Start(Tag::Heading { .. } | Tag::Paragraph)
                | Event::End(TagEnd::Heading(_) | TagEnd::Paragraph)
                | Event::Text(_)
                | Event::SoftBreak
                | Event::HardBreak => {}
                other => panic!("{other:?} in\n{markdown}"),
            }
        }
    }

    #[test]
    fn table_readers_get_every_cell_back_as_it_was() {
        let report = report(&HOSTILE);
        let markdown = render(&report);
        let mut tables: Vec<Vec<String>> = Vec::new();
        let mut in_cell = false;
        for event in Parser::new_ext(&markdown, Options::ENABLE_TABLES) {
            match event {
                Event::Start(Tag::Table(_)) => tables.push(Vec::new()),
                Event::Start(Tag::TableCell) => {
                    in_cell = true;
                    tables.last_mut().unwrap().push(String::new());
                }
                Event::End(TagEnd::TableCell) => in_cell = false,
                Event::Text(text) if in_cell => tables
                    .last_mut()
                    .unwrap()
                    .last_mut()
                    .unwrap()
                    .push_str(&text),
                Event::Start(
                    Tag::List(_) | Tag::CodeBlock(_) | Tag::Emphasis | Tag::Link { .. },
                )
                | Event::Html(_)
                | Event::InlineHtml(_)
                | Event::Rule => panic!("{event:?} in\n{markdown}"),
                _ => {}
            }
        }
        let expected: Vec<Vec<String>> = report
            .tables()
            .map(|t| {
                t.header
                    .iter()
                    .map(|h| flat(h))
                    .chain(t.rows.iter().flatten().map(|c| flat(c.as_str())))
                    .collect()
            })
            .collect();
        assert_eq!(tables, expected, "\n{markdown}");
    }

    #[test]
    fn the_document_reads_in_order_with_one_meta_line_each() {
        let markdown = render(&report(&[
            "Title 1", "Chart", "Theme", "School", "Report", "Levels", "x", "y",
        ]));
        assert!(
            markdown.starts_with("# Report\n\nTitle 1\\\nChart\\\n"),
            "{markdown}"
        );
        assert!(markdown.contains("\n## Levels\n\n"), "{markdown}");
        assert!(
            markdown.contains("### Chart\n\n| Theme | School |\n| --- | --: |\n| Title 1 | 1 |\n"),
            "{markdown}"
        );
        assert!(markdown.ends_with("|\n\n"), "{markdown}");
    }
}
