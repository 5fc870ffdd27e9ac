//! Reports people read in a meeting: one document model, one renderer per format.
//!
//! The caller (the `report` and `cohort` commands) turns the measures of
//! [`crate::progress`] into a [`Report`] once: a title, a few meta lines, and
//! sections of paragraphs, tables and charts. Every string in it is final (already
//! translated, numbers already formatted), so the renderers know nothing of
//! languages, packs or journals and never compute a figure:
//!
//! - [`markdown::render`]: CommonMark, each chart given as its table;
//! - [`html::render`]: one self-contained HTML file, the charts drawn as inline SVG by
//!   the pure functions of [`svg`], each with its table beside it.
//!
//! The two documents are built in [`leader`] (`reflect report`) and [`cohort`]
//! (`reflect cohort --format markdown|html`), from pieces in `parts`; those three
//! read [`crate::progress`], the renderers do not.
//!
//! Text from outside (group names, theme titles from packs) is untrusted: the HTML
//! renderer escapes it through `maud`, the Markdown renderer through the project's
//! Markdown escaping.

pub mod chart;
pub mod checkins;
pub mod cohort;
pub mod html;
pub mod leader;
pub mod markdown;
mod parts;
pub mod svg;

pub use chart::{
    Chart, ChartData, HeatGrid, Line, LineSeries, RangeDots, RangeGroup, RangeHeadings, RangeRow,
    Series, Span, StackedBars,
};

/// A whole document.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub title: String,
    /// Lines under the title: period, when it was generated, the pack, who is counted.
    pub meta: Vec<String>,
    pub sections: Vec<Section>,
    /// The few words the renderers need of their own.
    pub words: Words,
}

/// Words a renderer or chart writes by itself, in the interface language.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    /// A chart with nothing to draw (no entries in the period, say).
    pub no_data: String,
    /// A figure held back (a group under the privacy threshold).
    pub not_shown: String,
    /// `.` in English, `,` in Spanish: used where the model formats a decimal.
    pub decimal_separator: char,
}

impl Words {
    /// The English words, for tests and as a fallback.
    pub fn english() -> Words {
        Words {
            no_data: "No data for this period yet.".to_owned(),
            not_shown: "not shown".to_owned(),
            decimal_separator: '.',
        }
    }

    /// A number with at most one decimal, the decimal written with this language's
    /// separator: `3`, `2.5` (`2,5` in Spanish).
    pub fn number(&self, value: f64) -> String {
        let rounded = (value * 10.0).round() / 10.0;
        let text = if rounded.fract() == 0.0 {
            format!("{rounded:.0}")
        } else {
            format!("{rounded:.1}")
        };
        text.replace('.', &self.decimal_separator.to_string())
    }
}

/// One part of the document under its own heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// What a section holds, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(String),
    Table(Table),
    Chart(Chart),
}

/// A table of figures: a header row and body rows. The first column names the row.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Shown above the table when there is one (a chart's table has none: the chart's
    /// title names it).
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// One body cell: figures are aligned to the right, text to the left.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A figure, already formatted ("12", "42%", "3 of 7").
    Number(String),
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    pub fn number(shown: impl Into<String>) -> Cell {
        Cell::Number(shown.into())
    }

    pub fn as_str(&self) -> &str {
        match self {
            Cell::Text(text) | Cell::Number(text) => text,
        }
    }
}

impl Table {
    /// Whether column `index` holds figures: every body cell in it is a number (a
    /// missing cell does not count against it). The header's first column never does.
    pub fn is_numeric(&self, index: usize) -> bool {
        index > 0
            && self.rows.iter().any(|row| row.get(index).is_some())
            && self
                .rows
                .iter()
                .all(|row| matches!(row.get(index), None | Some(Cell::Number(_))))
    }

    /// How many columns the table has: the longest of the header and the rows.
    pub fn width(&self) -> usize {
        self.rows
            .iter()
            .map(Vec::len)
            .chain([self.header.len()])
            .max()
            .unwrap_or(0)
    }
}

impl Report {
    /// Every table of the document, charts' tables included, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks().filter_map(|block| match block {
            Block::Table(table) => Some(table),
            Block::Chart(chart) => Some(&chart.table),
            Block::Paragraph(_) => None,
        })
    }

    /// Every chart of the document, in order.
    pub fn charts(&self) -> impl Iterator<Item = &Chart> {
        self.blocks().filter_map(|block| match block {
            Block::Chart(chart) => Some(chart),
            _ => None,
        })
    }

    fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.sections.iter().flat_map(|section| &section.blocks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_the_languages_decimal_separator() {
        let mut words = Words::english();
        assert_eq!(words.number(3.0), "3");
        assert_eq!(words.number(2.5), "2.5");
        assert_eq!(words.number(2.25), "2.3");
        words.decimal_separator = ',';
        assert_eq!(words.number(2.5), "2,5");
    }

    #[test]
    fn a_column_is_numeric_only_when_every_cell_is_a_figure() {
        let table = Table {
            caption: None,
            header: vec!["Theme".into(), "School".into(), "Note".into()],
            rows: vec![
                vec![Cell::text("A"), Cell::number("1"), Cell::text("x")],
                vec![Cell::text("B"), Cell::number("2"), Cell::number("3")],
                vec![Cell::text("C")],
            ],
        };
        assert!(!table.is_numeric(0));
        assert!(table.is_numeric(1));
        assert!(!table.is_numeric(2));
        assert!(!table.is_numeric(3));
        assert_eq!(table.width(), 3);
    }
}
