//! The summary as one CSV table: every record has a `kind`, and each kind fills the
//! columns it needs (the others stay empty). The figures are those of the JSON
//! summary; text cells go through [`neutral::csv_text`] (no formulas, no controls).
//!
//! Kinds: `theme`, `free`, `total` (the table by theme); `window` (`whole`, `recent`,
//! `previous`), `month`, `period` (with `--by`): the measures, each followed by
//! `window_transfer`, `month_transfer` or `period_transfer` records (one per
//! direction); `grid`: a depth (or `none`) with its counts per level.

use std::io::{self, Write};

use super::measures::Measures;
use super::render::csv_record;
use super::summary::{grid_from_cells, PeriodRow, Row, Summary};
use crate::entry::{Depth, Level};
use crate::neutral;

/// The header, in order.
pub const COLUMNS: [&str; 27] = [
    "kind",
    "pack",
    "theme",
    "title",
    "window",
    "from",
    "to",
    "school",
    "network",
    "system",
    "idea",
    "unrated",
    "total",
    "last5",
    "rated",
    "network_or_above",
    "network_reach_share",
    "brought_in",
    "brought_in_share",
    "sharing_or_deeper",
    "with_depth",
    "without_depth",
    "collaborative_share",
    "transfer_from",
    "transfer_to",
    "depth",
    "count",
];

/// One record being filled by column name.
struct Record([String; 27]);

impl Record {
    fn new(kind: &str) -> Record {
        let mut record = Record(Default::default());
        record.set("kind", kind);
        record
    }

    fn set(&mut self, column: &str, value: impl ToString) -> &mut Record {
        let at = COLUMNS
            .iter()
            .position(|c| *c == column)
            .expect("a known column");
        self.0[at] = value.to_string();
        self
    }

    /// A text cell from outside reflect (titles, ids).
    fn text(&mut self, column: &str, value: &str) -> &mut Record {
        self.set(column, neutral::csv_text(value))
    }

    fn write(&self, out: &mut impl Write) -> io::Result<()> {
        csv_record(out, &self.0)
    }
}

fn share(share: Option<f64>) -> String {
    share
        .map(|s| super::summary::round_share(s).to_string())
        .unwrap_or_default()
}

fn row_record(kind: &str, row: &Row) -> Record {
    let mut record = Record::new(kind);
    for level in Level::ALL {
        record.set(level.as_str(), row.counts[level]);
    }
    record
        .set("idea", row.idea)
        .set("unrated", row.unrated)
        .set("total", row.total)
        .set(
            "last5",
            row.last5
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
    record
}

/// The records of one set of measures: the measures, then one per transfer direction.
fn measures_records(
    out: &mut impl Write,
    kind: &str,
    window: &str,
    span: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    m: &Measures,
) -> io::Result<()> {
    let mut record = Record::new(kind);
    record.text("window", window);
    if let Some((from, to)) = span {
        record.set("from", from).set("to", to);
    }
    for level in Level::ALL {
        record.set(level.as_str(), m.counts[level]);
    }
    let (reach, brought, collab) = (
        m.network_reach(),
        m.brought_into_school(),
        m.collaborative_reach(),
    );
    record
        .set("idea", m.idea)
        .set("unrated", m.unrated)
        .set("total", m.entries())
        .set("rated", m.rated())
        .set("network_or_above", reach.count)
        .set("network_reach_share", share(reach.share()))
        .set("brought_in", brought.count)
        .set("brought_in_share", share(brought.share()))
        .set("sharing_or_deeper", collab.count)
        .set("with_depth", collab.of)
        .set("without_depth", m.without_depth())
        .set("collaborative_share", share(collab.share()));
    record.write(out)?;
    for (&(from, to), &count) in &m.transfers {
        let mut record = Record::new(&format!("{kind}_transfer"));
        record.text("window", window);
        if let Some((start, end)) = span {
            record.set("from", start).set("to", end);
        }
        record
            .set("transfer_from", from)
            .set("transfer_to", to)
            .set("count", count)
            .write(out)?;
    }
    Ok(())
}

fn period_records(out: &mut impl Write, kind: &str, rows: &[PeriodRow]) -> io::Result<()> {
    for row in rows {
        measures_records(
            out,
            kind,
            &row.period,
            Some((row.from, row.to)),
            &row.measures,
        )?;
    }
    Ok(())
}

/// Writes the whole summary.
pub fn write(summary: &Summary, out: &mut impl Write) -> io::Result<()> {
    csv_record(out, &COLUMNS)?;
    for theme in &summary.themes {
        let mut record = row_record("theme", &theme.row);
        record
            .text("pack", theme.pack.as_deref().unwrap_or(""))
            .text("theme", &theme.theme)
            .text("title", &theme.title)
            .write(out)?;
    }
    row_record("free", &summary.free).write(out)?;
    row_record("total", &summary.totals).write(out)?;
    let m = &summary.measures;
    let span = match (summary.period.first, summary.period.last) {
        (Some(first), Some(last)) => Some((first, last)),
        _ => None,
    };
    measures_records(out, "window", "whole", span, &m.whole)?;
    for (name, window) in [("recent", &m.recent), ("previous", &m.previous)] {
        let span = Some((window.from, window.to));
        measures_records(out, "window", name, span, &window.measures)?;
    }
    period_records(out, "month", &summary.months)?;
    if let Some(series) = &summary.by {
        period_records(out, "period", &series.rows)?;
    }
    let grid = grid_from_cells(&summary.grid).unwrap_or_default();
    for depth in Depth::ALL.into_iter().map(Some).chain([None]) {
        let mut record = Record::new("grid");
        record.set("depth", depth.map_or("none", Depth::as_str));
        let mut total = 0;
        for level in Level::ALL {
            let n = grid.get(level, depth);
            total += n;
            record.set(level.as_str(), n);
        }
        record.set("total", total).write(out)?;
    }
    Ok(())
}
