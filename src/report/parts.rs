//! Pieces both reports are made of, from the figures of [`crate::progress`]: the
//! words of the renderers, the levels-per-theme bars, the monthly lines, the level ×
//! depth grid and a group's measures table. Every string comes from the message
//! catalogue (`report.ftl`, `progress.ftl`, `cohort.ftl`), in the interface language.

use super::{Cell, Chart, HeatGrid, Line, LineSeries, Series, StackedBars, Table, Words};
use crate::entry::{Depth, Level};
use crate::progress::group_table;
use crate::progress::groups::Spread;
use crate::progress::summary::{grid_from_cells, GridCell, PeriodRow};
use crate::progress::words::label;
use crate::t;

/// The renderers' own words, in the interface language.
pub fn words() -> Words {
    Words {
        no_data: t!("report-no-data"),
        not_shown: t!("report-not-shown"),
        decimal_separator: t!("cohort-decimal-separator").chars().next().unwrap_or('.'),
    }
}

/// One bar of the levels chart: a theme's title and its counts per series.
pub struct LevelRow {
    pub title: String,
    pub counts: [u64; 3],
    /// Ideas and unrated entries (a leader's report; a cohort has neither).
    pub idea: Option<u64>,
    pub unrated: Option<u64>,
}

/// Stacked bars: entries per level for each theme.
pub fn levels_chart(rows: &[LevelRow], names: &[String; 3]) -> Chart {
    let mut series: Vec<Series> = names
        .iter()
        .enumerate()
        .map(|(i, name)| Series {
            label: name.clone(),
            values: rows.iter().map(|r| r.counts[i]).collect(),
        })
        .collect();
    if rows.iter().any(|r| r.idea.is_some()) {
        series.push(Series {
            label: label::idea(),
            values: rows.iter().map(|r| r.idea.unwrap_or(0)).collect(),
        });
        series.push(Series {
            label: label::unrated(),
            values: rows.iter().map(|r| r.unrated.unwrap_or(0)).collect(),
        });
    }
    Chart::stacked_bars(
        t!("report-levels-chart"),
        StackedBars {
            category_heading: label::theme(),
            categories: rows.iter().map(|r| r.title.clone()).collect(),
            series,
        },
    )
}

/// Lines per month: entries at network level or above, and school entries that
/// brought learning in (counts: a month rarely has the 10 entries a share needs).
pub fn months_chart(months: &[PeriodRow], network: &str, words: &Words) -> Chart {
    let count = |f: fn(&PeriodRow) -> u64| months.iter().map(|m| Some(f(m) as f64)).collect();
    Chart::lines(
        t!("report-months-chart"),
        LineSeries {
            period_heading: t!("report-month"),
            periods: months.iter().map(|m| m.period.clone()).collect(),
            lines: vec![
                Line {
                    label: t!("report-line-reach", network = network),
                    values: count(|m| m.measures.network_reach().count),
                },
                Line {
                    label: t!("report-line-brought-in"),
                    values: count(|m| m.measures.brought_into_school().count),
                },
            ],
            unit: String::new(),
            max: None,
        },
        words,
    )
}

/// The level × depth grid, levels as rows.
pub fn grid_chart(cells: &[GridCell], levels: &[String; 3], depths: &[String; 4]) -> Chart {
    let grid = grid_from_cells(cells).unwrap_or_default();
    let mut cols: Vec<String> = depths.to_vec();
    cols.push(label::no_depth());
    let counts = Level::ALL
        .iter()
        .map(|&level| {
            Depth::ALL
                .into_iter()
                .map(Some)
                .chain([None])
                .map(|depth| grid.get(level, depth))
                .collect()
        })
        .collect();
    Chart::heat_grid(
        t!("report-grid-chart"),
        HeatGrid {
            corner: t!("report-grid-corner"),
            rows: levels.to_vec(),
            cols,
            counts,
        },
    )
}

/// A group's (or the cohort's) measures: pooled, median per participant, over how many.
pub fn spread_table(caption: String, spread: &Spread) -> Table {
    Table {
        caption: Some(caption),
        header: group_table::header().to_vec(),
        rows: group_table::rows(spread)
            .into_iter()
            .map(|row| {
                vec![
                    Cell::text(row.label),
                    Cell::number(row.pooled),
                    Cell::number(row.median),
                    Cell::number(row.participants.to_string()),
                ]
            })
            .collect(),
    }
}
