//! What a chart shows: small input structs of labels and numbers, one per kind of
//! chart, and [`Chart`], which pairs one with its title and the table that is its
//! text alternative.
//!
//! The table is derived from the same numbers when the chart is made, so the two can
//! never disagree; the Markdown renderer shows only the table.

use super::{Cell, Table, Words};

/// A chart, its title and its table.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    pub data: ChartData,
    /// The same figures as a table: the chart's text alternative.
    pub table: Table,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ChartData {
    StackedBars(StackedBars),
    Lines(LineSeries),
    HeatGrid(HeatGrid),
    RangeDots(RangeDots),
}

/// Counts per category split into series, as horizontal stacked bars: levels
/// (series) per theme (categories).
#[derive(Debug, Clone, PartialEq)]
pub struct StackedBars {
    /// The heading of the table's first column ("Theme").
    pub category_heading: String,
    pub categories: Vec<String>,
    /// Each series holds one value per category.
    pub series: Vec<Series>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub values: Vec<u64>,
}

/// Values over periods, one line per series: network reach and learning brought into
/// the school, per month.
#[derive(Debug, Clone, PartialEq)]
pub struct LineSeries {
    /// The heading of the table's first column ("Month").
    pub period_heading: String,
    pub periods: Vec<String>,
    pub lines: Vec<Line>,
    /// Written after each value ("%"), or empty.
    pub unit: String,
    /// The top of the scale (100 for shares); `None` fits it to the values.
    pub max: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub label: String,
    /// One per period; `None` where the period has no figure (too few entries).
    pub values: Vec<Option<f64>>,
}

/// Counts in a grid of rows × columns, shaded by size: level × depth.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatGrid {
    /// The heading of the table's first column ("Level \ depth").
    pub corner: String,
    pub rows: Vec<String>,
    pub cols: Vec<String>,
    /// `counts[row][col]`; missing cells count 0.
    pub counts: Vec<Vec<u64>>,
}

/// Medians and ranges on a small ordinal scale (check-in dimensions, 1–4), one block
/// of rows per group.
#[derive(Debug, Clone, PartialEq)]
pub struct RangeDots {
    pub headings: RangeHeadings,
    /// The scale's labels from its lowest value (1) up; their count is the scale's
    /// top.
    pub scale: Vec<String>,
    pub groups: Vec<RangeGroup>,
}

/// The headings of a range chart's table.
#[derive(Debug, Clone, PartialEq)]
pub struct RangeHeadings {
    pub group: String,
    pub row: String,
    pub median: String,
    pub range: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RangeGroup {
    pub label: String,
    pub rows: Vec<RangeRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RangeRow {
    pub label: String,
    /// `None` when the figure is held back (too few participants).
    pub span: Option<Span>,
}

/// A median and the lowest and highest answers, on the scale 1..=scale.len().
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub low: f64,
    pub median: f64,
    pub high: f64,
}

impl Chart {
    pub fn stacked_bars(title: impl Into<String>, data: StackedBars) -> Chart {
        let mut header = vec![data.category_heading.clone()];
        header.extend(data.series.iter().map(|s| s.label.clone()));
        let rows = data
            .categories
            .iter()
            .enumerate()
            .map(|(i, category)| {
                let mut row = vec![Cell::text(category)];
                row.extend(
                    data.series
                        .iter()
                        .map(|s| Cell::number(s.values.get(i).copied().unwrap_or(0).to_string())),
                );
                row
            })
            .collect();
        Chart::new(title, header, rows, ChartData::StackedBars(data))
    }

    pub fn lines(title: impl Into<String>, data: LineSeries, words: &Words) -> Chart {
        let mut header = vec![data.period_heading.clone()];
        header.extend(data.lines.iter().map(|l| l.label.clone()));
        let rows = data
            .periods
            .iter()
            .enumerate()
            .map(|(i, period)| {
                let mut row = vec![Cell::text(period)];
                row.extend(data.lines.iter().map(|line| {
                    Cell::number(match line.values.get(i).copied().flatten() {
                        Some(value) => format!("{}{}", words.number(value), data.unit),
                        None => "–".to_owned(),
                    })
                }));
                row
            })
            .collect();
        Chart::new(title, header, rows, ChartData::Lines(data))
    }

    pub fn heat_grid(title: impl Into<String>, data: HeatGrid) -> Chart {
        let mut header = vec![data.corner.clone()];
        header.extend(data.cols.iter().cloned());
        let rows = data
            .rows
            .iter()
            .enumerate()
            .map(|(r, label)| {
                let mut row = vec![Cell::text(label)];
                row.extend(
                    (0..data.cols.len()).map(|c| Cell::number(data.count(r, c).to_string())),
                );
                row
            })
            .collect();
        Chart::new(title, header, rows, ChartData::HeatGrid(data))
    }

    pub fn range_dots(title: impl Into<String>, data: RangeDots, words: &Words) -> Chart {
        let h = &data.headings;
        let header = vec![
            h.group.clone(),
            h.row.clone(),
            h.median.clone(),
            h.range.clone(),
        ];
        let rows = data
            .groups
            .iter()
            .flat_map(|group| {
                group.rows.iter().map(|row| {
                    let (median, range) = match row.span {
                        Some(span) => (
                            Cell::number(words.number(span.median)),
                            Cell::number(format!(
                                "{}–{}",
                                words.number(span.low),
                                words.number(span.high)
                            )),
                        ),
                        None => (Cell::text(&words.not_shown), Cell::text(&words.not_shown)),
                    };
                    vec![
                        Cell::text(&group.label),
                        Cell::text(&row.label),
                        median,
                        range,
                    ]
                })
            })
            .collect();
        Chart::new(title, header, rows, ChartData::RangeDots(data))
    }

    fn new(
        title: impl Into<String>,
        header: Vec<String>,
        rows: Vec<Vec<Cell>>,
        data: ChartData,
    ) -> Chart {
        Chart {
            title: title.into(),
            data,
            table: Table {
                caption: None,
                header,
                rows,
            },
        }
    }
}

impl HeatGrid {
    /// The count at `row`, `col`, 0 where the grid has no cell.
    pub fn count(&self, row: usize, col: usize) -> u64 {
        self.counts
            .get(row)
            .and_then(|r| r.get(col))
            .copied()
            .unwrap_or(0)
    }
}

impl StackedBars {
    /// The value of `series` for `category`, 0 where the series has none.
    pub fn value(&self, series: usize, category: usize) -> u64 {
        self.series
            .get(series)
            .and_then(|s| s.values.get(category))
            .copied()
            .unwrap_or(0)
    }

    /// The bar's length: all series added up for `category`.
    pub fn total(&self, category: usize) -> u64 {
        (0..self.series.len())
            .map(|s| self.value(s, category))
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_charts_table_holds_its_figures() {
        let chart = Chart::stacked_bars(
            "Levels per theme",
            StackedBars {
                category_heading: "Theme".into(),
                categories: vec!["Trust".into(), "Purpose".into()],
                series: vec![
                    Series {
                        label: "School".into(),
                        values: vec![3, 1],
                    },
                    Series {
                        label: "Network".into(),
                        values: vec![2],
                    },
                ],
            },
        );
        assert_eq!(chart.table.header, ["Theme", "School", "Network"]);
        let second: Vec<&str> = chart.table.rows[1].iter().map(Cell::as_str).collect();
        assert_eq!(second, ["Purpose", "1", "0"]);
    }

    #[test]
    fn a_held_back_range_reads_not_shown_in_the_table() {
        let words = Words::english();
        let chart = Chart::range_dots(
            "Check-ins",
            RangeDots {
                headings: RangeHeadings {
                    group: "Group".into(),
                    row: "Dimension".into(),
                    median: "Median".into(),
                    range: "Range".into(),
                },
                scale: vec!["1".into(), "2".into(), "3".into(), "4".into()],
                groups: vec![RangeGroup {
                    label: "Red Norte".into(),
                    rows: vec![
                        RangeRow {
                            label: "Trust".into(),
                            span: Some(Span {
                                low: 2.0,
                                median: 2.5,
                                high: 4.0,
                            }),
                        },
                        RangeRow {
                            label: "Purpose".into(),
                            span: None,
                        },
                    ],
                }],
            },
            &words,
        );
        let rows: Vec<Vec<&str>> = chart
            .table
            .rows
            .iter()
            .map(|r| r.iter().map(Cell::as_str).collect())
            .collect();
        assert_eq!(rows[0], ["Red Norte", "Trust", "2.5", "2–4"]);
        assert_eq!(rows[1], ["Red Norte", "Purpose", "not shown", "not shown"]);
    }
}
