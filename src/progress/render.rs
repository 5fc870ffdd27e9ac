//! Turning a [`Summary`] into what people and spreadsheets read: comfy-table tables
//! that fit the terminal, the network-reach lines, and CSV.
//!
//! On a terminal the table takes the terminal's width; elsewhere (a pipe, a file) it
//! is 80 columns wide in plain ASCII, so the output is stable and diffable. Unicode
//! borders, bars and colour only when [`Style::fancy`].

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, Width,
};

use super::counts::Counts;
use super::stage::Stage;
use super::summary::{PeriodRow, Row, Share, Summary};
use crate::entry::Level;
use crate::neutral;

/// Width of a table that is not printed on a terminal.
pub const PLAIN_WIDTH: u16 = 80;

/// Width of the reach bar, in characters.
const BAR_WIDTH: usize = 10;

/// A header rule under the column names and nothing else: reads well in a pipe,
/// a pager or an e-mail, and leaves the width to the numbers and titles (full
/// borders cost a column per cell, too much at 80 columns).
const PLAIN_PRESET: &str = "     -             ";
/// The same layout with a Unicode rule, for terminals.
const FANCY_PRESET: &str = "     ─             ";

/// How output may look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Unicode borders and bars, and colour.
    pub fancy: bool,
    /// Standard output is a terminal (its width is used).
    pub terminal: bool,
}

/// A table with the house style: dynamic widths, numbers right-aligned.
pub fn table(style: Style, header: Vec<String>, numeric: &[usize]) -> Table {
    let mut table = Table::new();
    table.load_preset(if style.fancy {
        FANCY_PRESET
    } else {
        PLAIN_PRESET
    });
    if !style.terminal {
        table.force_no_tty().set_width(PLAIN_WIDTH);
    }
    table.set_content_arrangement(ContentArrangement::Dynamic);
    let header: Vec<Cell> = header
        .into_iter()
        .map(|name| {
            if style.fancy {
                Cell::new(name).add_attribute(Attribute::Bold)
            } else {
                Cell::new(name)
            }
        })
        .collect();
    table.set_header(header);
    for &index in numeric {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
}

/// Writes a table without trailing spaces.
pub fn write_table(out: &mut impl Write, table: &Table) -> io::Result<()> {
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// `40%`, or `-` without entries.
pub fn percent(share: &Share) -> String {
    share.share.map_or_else(
        || "-".to_string(),
        |s| format!("{}%", (s * 100.0).round() as i64),
    )
}

/// A bar `share` of [`BAR_WIDTH`] long: Unicode blocks (in eighths) when fancy,
/// `#` otherwise.
pub fn bar(share: Option<f64>, fancy: bool) -> String {
    let share = share.unwrap_or(0.0).clamp(0.0, 1.0);
    if fancy {
        const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
        let eighths = (share * (BAR_WIDTH * 8) as f64).round() as usize;
        let mut bar = "█".repeat(eighths / 8);
        bar.push_str(PARTS[eighths % 8]);
        bar
    } else {
        "#".repeat((share * BAR_WIDTH as f64).round() as usize)
    }
}

fn count_cells(counts: &Counts) -> impl Iterator<Item = Cell> + '_ {
    Level::ALL.into_iter().map(|level| Cell::new(counts[level]))
}

fn stage_cell(stage: Stage, names: &[String; 3], fancy: bool) -> Cell {
    let cell = Cell::new(stage.label(names));
    if !fancy {
        return cell;
    }
    match stage {
        Stage::NotStarted => cell.add_attribute(Attribute::Dim),
        Stage::School => cell,
        Stage::EmergingNetwork => cell.fg(Color::Yellow),
        Stage::Network => cell.fg(Color::Cyan),
        Stage::System => cell.fg(Color::Green),
    }
}

fn row_cells(label: Cell, row: &Row, names: &[String; 3], fancy: bool) -> Vec<Cell> {
    let latest = row
        .latest
        .map_or_else(|| "-".to_string(), |l| names[l.rank()].clone());
    let mut cells = vec![label];
    cells.extend(count_cells(&row.counts));
    cells.push(Cell::new(row.total));
    cells.push(Cell::new(latest));
    cells.push(stage_cell(row.stage, names, fancy));
    cells
}

/// The table by theme: a row per theme, free entries (when there are any), totals.
pub fn theme_table(summary: &Summary, style: Style) -> Table {
    let names = summary.level_names();
    let mut header = vec!["Theme".to_string()];
    header.extend(names.iter().cloned());
    header.extend([
        "Total".to_string(),
        "Latest".to_string(),
        "Stage".to_string(),
    ]);
    let mut table = table(style, header, &[1, 2, 3, 4]);
    for theme in &summary.themes {
        let title = Cell::new(neutral::terminal_line(&theme.title));
        table.add_row(row_cells(title, &theme.row, &names, style.fancy));
    }
    if summary.free.total > 0 {
        let label = Cell::new("Free entries (no prompt)");
        table.add_row(row_cells(label, &summary.free, &names, style.fancy));
    }
    let label = if style.fancy {
        Cell::new("All entries").add_attribute(Attribute::Bold)
    } else {
        Cell::new("All entries")
    };
    table.add_row(row_cells(label, &summary.totals, &names, style.fancy));
    keep_readable(
        &mut table,
        0,
        24,
        summary.themes.iter().map(|t| t.title.chars().count()),
    );
    table
}

/// Keeps column `index` (long titles) at least `min_width` characters wide on tables
/// of 80 columns or more, so titles wrap into a few lines rather than many: left to
/// itself, comfy-table squeezes the long column to give short ones slack.
pub fn keep_readable(
    table: &mut Table,
    index: usize,
    min_width: usize,
    lengths: impl Iterator<Item = usize>,
) {
    let longest = lengths.max().unwrap_or(0).min(min_width);
    if table.width().is_some_and(|w| w >= PLAIN_WIDTH) {
        if let Some(column) = table.column_mut(index) {
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
                longest as u16 + 2,
            )));
        }
    }
}

/// The table over time: a row per period with entries, counts, reach and a bar.
/// `extra` adds trailing columns (the cohort's participants per period).
pub fn period_table(
    rows: &[PeriodRow],
    names: &[String; 3],
    style: Style,
    extra: Option<(&str, &[u64])>,
) -> Table {
    let mut header = vec!["Period".to_string(), "Entries".to_string()];
    header.extend(names.iter().cloned());
    header.extend(["Reach".to_string(), String::new()]);
    let mut numeric = vec![1, 2, 3, 4, 5];
    if let Some((name, _)) = extra {
        header.push(name.to_string());
        numeric.push(7);
    }
    let mut table = table(style, header, &numeric);
    for (index, row) in rows.iter().enumerate() {
        let mut cells = vec![Cell::new(&row.period), Cell::new(row.share.entries)];
        cells.extend(count_cells(&row.counts));
        cells.push(Cell::new(percent(&row.share)));
        cells.push(Cell::new(bar(row.share.share, style.fancy)));
        if let Some((_, values)) = extra {
            cells.push(Cell::new(values.get(index).copied().unwrap_or(0)));
        }
        table.add_row(cells);
    }
    table
}

/// The lines under the table: network reach overall, recently and before.
pub fn reach_text(summary: &Summary) -> String {
    let names = summary.level_names();
    let reach = &summary.reach;
    let mut text = format!(
        "Network reach: share of entries at {} level or above\n",
        names[1]
    );
    let mut line = |label: &str, from: Option<String>, share: &Share| {
        let days = from.unwrap_or_default();
        let amount = if share.entries == 0 {
            "no entries".to_string()
        } else {
            format!(
                "{:>4}  ({} of {})",
                percent(share),
                share.network_or_above,
                share.entries
            )
        };
        let _ = writeln!(text, "  {label:<16}{days:<26}{amount}");
    };
    let span = |from: chrono::NaiveDate, to: chrono::NaiveDate| Some(format!("{from} to {to}"));
    let overall_span = match (summary.period.first, summary.period.last) {
        (Some(first), Some(last)) => span(first, last),
        _ => None,
    };
    line("whole period", overall_span, &reach.overall);
    let days = reach.window_days;
    let unit = if days == 1 { "day" } else { "days" };
    line(
        &format!("last {days} {unit}"),
        span(reach.recent.from, reach.recent.to),
        &reach.recent.share,
    );
    line(
        &format!("{days} {unit} before"),
        span(reach.previous.from, reach.previous.to),
        &reach.previous.share,
    );
    let change = match reach.change_points {
        Some(points) => {
            let points = points.round() as i64;
            format!("{points:+} percentage points")
        }
        None => "n/a (a window has no entries)".to_string(),
    };
    let _ = writeln!(text, "  {:<16}{change}", "change");
    text
}

/// Quotes a CSV field when needed (RFC 4180): fields containing a comma, a quote or
/// a line break are wrapped in quotes, with quotes doubled.
pub fn csv_field(field: &str) -> Cow<'_, str> {
    if field.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(field)
    }
}

/// Writes one CSV record.
pub fn csv_record<S: AsRef<str>>(out: &mut impl Write, fields: &[S]) -> io::Result<()> {
    let mut first = true;
    for field in fields {
        if !first {
            out.write_all(b",")?;
        }
        first = false;
        out.write_all(csv_field(field.as_ref()).as_bytes())?;
    }
    out.write_all(b"\n")
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn row_fields(row: &Row) -> Vec<String> {
    let mut fields: Vec<String> = Level::ALL
        .iter()
        .map(|l| row.counts[*l].to_string())
        .collect();
    fields.push(row.total.to_string());
    fields.push(opt(row.latest.map(Level::as_str)));
    fields.push(row.stage.as_str().to_string());
    fields
}

/// The theme view as CSV: a row per theme, then `free` and `total` rows.
pub fn themes_csv(summary: &Summary, out: &mut impl Write) -> io::Result<()> {
    csv_record(
        out,
        &[
            "kind", "pack", "theme", "title", "school", "network", "system", "total", "latest",
            "stage",
        ],
    )?;
    for theme in &summary.themes {
        let mut fields = vec![
            "theme".to_string(),
            opt(theme.pack.as_deref()),
            theme.theme.clone(),
            theme.title.clone(),
        ];
        fields.extend(row_fields(&theme.row));
        csv_record(out, &fields)?;
    }
    for (kind, title, row) in [
        ("free", "Free entries", &summary.free),
        ("total", "All entries", &summary.totals),
    ] {
        let mut fields = vec![
            kind.to_string(),
            String::new(),
            String::new(),
            title.to_string(),
        ];
        fields.extend(row_fields(row));
        csv_record(out, &fields)?;
    }
    Ok(())
}

/// A period series as CSV.
pub fn periods_csv(rows: &[PeriodRow], out: &mut impl Write) -> io::Result<()> {
    csv_record(
        out,
        &[
            "period",
            "from",
            "to",
            "school",
            "network",
            "system",
            "total",
            "network_or_above",
            "share",
        ],
    )?;
    for row in rows {
        let mut fields = vec![row.period.clone(), row.from.to_string(), row.to.to_string()];
        fields.extend(Level::ALL.iter().map(|l| row.counts[*l].to_string()));
        fields.push(row.share.entries.to_string());
        fields.push(row.share.network_or_above.to_string());
        fields.push(opt(row.share.share));
        csv_record(out, &fields)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("Trust, reciprocity"), "\"Trust, reciprocity\"");
        assert_eq!(csv_field("the \"hothouse\""), "\"the \"\"hothouse\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn bars_scale_with_the_share() {
        assert_eq!(bar(Some(0.5), false), "#####");
        assert_eq!(bar(None, false), "");
        assert_eq!(bar(Some(1.0), true), "█".repeat(10));
        assert_eq!(bar(Some(0.25), true), "██▌");
    }
}
