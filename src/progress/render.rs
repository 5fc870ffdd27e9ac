//! Turning a [`Summary`] into what people read on a terminal: comfy-table tables
//! that fit it (themes, measures, grid, periods), sparklines, and the CSV quoting
//! the CSV writers share.
//!
//! On a terminal the table takes the terminal's width; elsewhere (a pipe, a file) it
//! is 80 columns wide in plain ASCII, so the output is stable and diffable. Unicode
//! borders, bars and colour only when [`Style::fancy`].

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use comfy_table::{
    Attribute, Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width,
};

use chrono::NaiveDate;

use super::measures::{Direction, Fraction, Measures};
use super::summary::{grid_from_cells, PeriodRow, Row, Series, Summary};
use super::words::{self, label};
use crate::entry::{Depth, Level, Origin};
use crate::neutral;
use crate::terminal::width::Stream;

/// Width of a table that is not printed on a terminal.
pub const PLAIN_WIDTH: u16 = 80;

/// A header rule under the column names and nothing else: reads well in a pipe,
/// a pager or an e-mail, and leaves the width to the numbers and titles (full
/// borders cost a column per cell, too much at 80 columns).
const PLAIN_PRESET: &str = "     -             ";
/// The same layout with a Unicode rule, for terminals.
const FANCY_PRESET: &str = "     ─             ";

/// How output may look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Colour and bold.
    pub fancy: bool,
    /// Unicode rules, arrows and sparklines (a terminal, without `--color never`
    /// or `TERM=dumb`); ASCII otherwise.
    pub unicode: bool,
    /// Standard output is a terminal (its width is used).
    pub terminal: bool,
}

impl Style {
    /// The style for standard output: `no_color` from `NO_COLOR`/`--color never`,
    /// `ascii` from `--color never`/`TERM=dumb`.
    pub fn for_stdout(no_color: bool, ascii: bool, terminal: bool) -> Style {
        Style {
            fancy: terminal && !no_color,
            unicode: terminal && !ascii,
            terminal,
        }
    }
}

/// A table with the house style: dynamic widths, numbers right-aligned.
pub fn table(style: Style, header: Vec<String>, numeric: &[usize]) -> Table {
    let mut table = Table::new();
    table.load_preset(if style.unicode {
        FANCY_PRESET
    } else {
        PLAIN_PRESET
    });
    // The whole terminal (or COLUMNS), 80 columns off one.
    let width = match style.terminal {
        true => crate::terminal::width::table_columns(Stream::Stdout),
        false => crate::terminal::width::columns(Stream::Stdout).unwrap_or(PLAIN_WIDTH.into()),
    };
    table
        .force_no_tty()
        .set_width(u16::try_from(width).unwrap_or(u16::MAX));
    if style.fancy {
        // `--color always` in a pipe: bold even though stdout is not a terminal.
        table.enforce_styling();
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

/// A share as a whole percentage.
pub fn percent(share: f64) -> i64 {
    (share * 100.0).round() as i64
}

/// "k of n", with "(p%)" when the fraction is over enough entries.
pub fn fraction(f: Fraction) -> String {
    words::k_of_n(f.count, f.of, f.share().map(percent))
}

/// The change column: an arrow for the direction and the points, or nothing.
pub fn change(points: Option<f64>, unicode: bool) -> String {
    let Some(points) = points else {
        return String::new();
    };
    let points = points.round() as i64;
    let arrow = match (points.signum(), unicode) {
        (1, true) => "↑",
        (-1, true) => "↓",
        (_, true) => "→",
        (1, false) => "^",
        (-1, false) => "v",
        (_, false) => "=",
    };
    words::points(arrow, points)
}

/// Short labels for the "Last 5" column: the shortest prefixes of at least three
/// characters that tell the ladder's names apart ("Sch", "Net", "Sys").
pub fn short_labels(names: &[String; 3]) -> [String; 3] {
    let prefix = |name: &str, n: usize| name.chars().take(n).collect::<String>();
    let longest = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    for n in 3..longest {
        let labels = names.clone().map(|name| prefix(&name, n));
        if labels[0] != labels[1] && labels[1] != labels[2] && labels[0] != labels[2] {
            return labels;
        }
    }
    names.clone()
}

fn last5(levels: &[Level], short: &[String; 3]) -> String {
    if levels.is_empty() {
        return "-".to_string();
    }
    levels
        .iter()
        .map(|l| short[l.rank()].as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Which optional columns the theme table has: Idea and Unrated only when any.
#[derive(Debug, Clone, Copy)]
struct Optional {
    idea: bool,
    unrated: bool,
}

fn row_cells(label: Cell, row: &Row, short: &[String; 3], optional: Optional) -> Vec<Cell> {
    let mut cells = vec![label];
    cells.extend(
        Level::ALL
            .into_iter()
            .map(|level| Cell::new(row.counts[level])),
    );
    if optional.idea {
        cells.push(Cell::new(row.idea));
    }
    if optional.unrated {
        cells.push(Cell::new(row.unrated));
    }
    cells.push(Cell::new(row.total));
    cells.push(Cell::new(last5(&row.last5, short)));
    cells
}

/// The table by theme: a row per theme, free entries (when there are any), totals.
pub fn theme_table(summary: &Summary, style: Style) -> Table {
    let names = summary.level_names();
    let short = short_labels(&names);
    let optional = Optional {
        idea: summary.totals.idea > 0,
        unrated: summary.totals.unrated > 0,
    };
    let mut header = vec![label::theme().to_string()];
    header.extend(names.iter().cloned());
    if optional.idea {
        header.push(label::idea().to_string());
    }
    if optional.unrated {
        header.push(label::unrated().to_string());
    }
    header.extend([label::total().to_string(), label::last5().to_string()]);
    let numeric: Vec<usize> = (1..header.len() - 1).collect();
    let header_widths: Vec<usize> = header[..header.len() - 1]
        .iter()
        .map(|h| h.chars().count())
        .collect();
    let mut table = table(style, header, &numeric);
    for theme in &summary.themes {
        let title = Cell::new(neutral::terminal_line(&theme.title));
        table.add_row(row_cells(title, &theme.row, &short, optional));
    }
    if summary.free.total > 0 {
        let label = Cell::new(label::free());
        table.add_row(row_cells(label, &summary.free, &short, optional));
    }
    let all = if style.fancy {
        Cell::new(label::all()).add_attribute(Attribute::Bold)
    } else {
        Cell::new(label::all())
    };
    table.add_row(row_cells(all, &summary.totals, &short, optional));
    // Each optional column leaves titles a little less room.
    let title_width = 24 - 3 * (usize::from(optional.idea) + usize::from(optional.unrated));
    keep_readable(
        &mut table,
        0,
        title_width,
        summary.themes.iter().map(|t| t.title.chars().count()),
    );
    // Numbers and their headers stay whole; titles and the last five wrap instead.
    for (index, name) in header_widths.into_iter().enumerate().skip(1) {
        keep_readable(&mut table, index, 16, [name].into_iter());
    }
    table
}

/// The measures for the whole period and the two windows, with the change.
pub fn measures_table(summary: &Summary, style: Style) -> Table {
    let m = &summary.measures;
    let span = |from: NaiveDate, to: NaiveDate| format!("{from}\n{to}");
    let whole_span = match (summary.period.first, summary.period.last) {
        (Some(first), Some(last)) => span(first, last),
        _ => String::new(),
    };
    let header = vec![
        label::measure().to_string(),
        format!("{}\n{whole_span}", label::whole()),
        format!(
            "{}\n{}",
            words::last_days(m.window_days),
            span(m.recent.from, m.recent.to)
        ),
        format!(
            "{}\n{}",
            words::days_before(m.window_days),
            span(m.previous.from, m.previous.to)
        ),
        label::change().to_string(),
    ];
    let mut table = table(style, header, &[]);
    let windows = [&m.whole, &m.recent.measures, &m.previous.measures];
    let mut widths = [0usize; 4];
    let mut row = |name: String, cell: &dyn Fn(&Measures) -> String, change: String| {
        let mut texts: Vec<String> = windows.iter().map(|w| cell(w)).collect();
        texts.push(change);
        for (width, text) in widths.iter_mut().zip(&texts) {
            *width = (*width).max(text.chars().count());
        }
        let mut cells = vec![Cell::new(name)];
        cells.extend(texts.into_iter().map(Cell::new));
        table.add_row(cells);
    };
    row(label::rated(), &|w| w.rated().to_string(), String::new());
    if m.whole.idea > 0 {
        row(label::ideas(), &|w| w.idea.to_string(), String::new());
    }
    if m.whole.unrated > 0 {
        row(
            label::unrated_entries(),
            &|w| w.unrated.to_string(),
            String::new(),
        );
    }
    let fancy = style.unicode;
    row(
        label::reach(),
        &|w| fraction(w.network_reach()),
        change(m.change.network_reach, fancy),
    );
    row(
        label::brought_in(),
        &|w| fraction(w.brought_into_school()),
        change(m.change.brought_into_school, fancy),
    );
    row(
        label::collaborative(),
        &|w| fraction(w.collaborative_reach()),
        change(m.change.collaborative_reach, fancy),
    );
    row(
        label::without_depth(),
        &|w| w.without_depth().to_string(),
        String::new(),
    );
    let directions: Vec<Direction> = m.whole.transfers.keys().copied().collect();
    if directions.is_empty() {
        let none = label::none();
        row(label::transfers(), &|_| none.clone(), String::new());
    } else {
        row(
            label::transfers(),
            &|w| w.transferred().to_string(),
            String::new(),
        );
    }
    let names = summary.level_names();
    for direction in directions {
        let name = direction_label(direction, &names, fancy);
        row(
            name,
            &|w| {
                w.transfers
                    .get(&direction)
                    .copied()
                    .unwrap_or(0)
                    .to_string()
            },
            String::new(),
        );
    }
    // The figures stay on one line; the measures' names wrap instead.
    for (index, width) in widths.into_iter().enumerate() {
        keep_readable(&mut table, index + 1, 16, [width].into_iter());
    }
    table
}

/// "Network → School" (ASCII `->` when not fancy).
pub fn direction_label((from, to): Direction, names: &[String; 3], fancy: bool) -> String {
    let from = match from {
        Origin::Level(level) => names[level.rank()].clone(),
        Origin::Programme => label::programme(),
    };
    let arrow = if fancy { "→" } else { "->" };
    format!("{from} {arrow} {}", names[to.rank()])
}

/// The level × depth grid (`--grid`).
pub fn grid_table(summary: &Summary, style: Style) -> Table {
    let names = summary.level_names();
    let depths = summary.depth_names();
    let mut header = vec![label::level().to_string()];
    header.extend(depths.iter().cloned());
    header.extend([label::no_depth().to_string(), label::total().to_string()]);
    let mut table = table(style, header, &[1, 2, 3, 4, 5, 6]);
    let grid = grid_from_cells(&summary.grid).unwrap_or_default();
    for level in Level::ALL {
        let mut cells = vec![Cell::new(&names[level.rank()])];
        let counts: Vec<u64> = Depth::ALL
            .into_iter()
            .map(Some)
            .chain([None])
            .map(|depth| grid.get(level, depth))
            .collect();
        cells.extend(counts.iter().map(Cell::new));
        cells.push(Cell::new(counts.iter().sum::<u64>()));
        table.add_row(cells);
    }
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

/// The table over time: a row per period, its counts and measures (Idea and
/// Unrated only when any; transfers per period are in the sparklines, the JSON and
/// the CSV). `extra` adds a trailing column (the cohort's participants per period).
pub fn period_table(
    rows: &[PeriodRow],
    names: &[String; 3],
    style: Style,
    extra: Option<(&str, &[u64])>,
) -> Table {
    let idea = rows.iter().any(|r| r.measures.idea > 0);
    let unrated = rows.iter().any(|r| r.measures.unrated > 0);
    let mut header = vec![label::period()];
    header.extend(names.iter().cloned());
    let mut numeric = vec![1, 2, 3];
    for (shown, name) in [(idea, label::idea()), (unrated, label::unrated())] {
        if shown {
            numeric.push(header.len());
            header.push(name);
        }
    }
    header.extend([
        label::period_reach(),
        label::period_brought_in(),
        label::period_collaborative(),
    ]);
    if let Some((name, _)) = extra {
        numeric.push(header.len());
        header.push(name.to_string());
    }
    let lines: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let m = &row.measures;
            let mut cells = vec![row.period.clone()];
            cells.extend(Level::ALL.map(|l| m.counts[l].to_string()));
            if idea {
                cells.push(m.idea.to_string());
            }
            if unrated {
                cells.push(m.unrated.to_string());
            }
            cells.extend([
                fraction(m.network_reach()),
                fraction(m.brought_into_school()),
                fraction(m.collaborative_reach()),
            ]);
            if let Some((_, values)) = extra {
                cells.push(values.get(index).copied().unwrap_or(0).to_string());
            }
            cells
        })
        .collect();
    // Figures and level names stay whole; headers wrap between words when that
    // fits the width, else inside words too.
    let mut cells_only: Vec<usize> = vec![0; header.len()];
    for (bound, name) in cells_only[1..].iter_mut().zip(names) {
        *bound = name.chars().count();
    }
    for line in &lines {
        for (bound, cell) in cells_only.iter_mut().zip(line) {
            *bound = (*bound).max(cell.chars().count());
        }
    }
    let with_words: Vec<usize> = header
        .iter()
        .zip(&cells_only)
        .map(|(h, cells)| {
            let word = h.split_whitespace().map(|w| w.chars().count()).max();
            word.unwrap_or(0).max(*cells)
        })
        .collect();
    let fits =
        |bounds: &[usize]| bounds.iter().map(|b| b + 2).sum::<usize>() <= usize::from(PLAIN_WIDTH);
    let (bounds, kept) = if fits(&with_words) {
        (with_words, header.len())
    } else if fits(&cells_only) {
        (cells_only, header.len())
    } else {
        (cells_only, 4)
    };
    let mut table = table(style, header, &numeric);
    for (index, width) in bounds.into_iter().enumerate().take(kept) {
        keep_readable(&mut table, index, 16, [width].into_iter());
    }
    for line in lines {
        table.add_row(line);
    }
    table
}

/// One sparkline: a mark per value, scaled to the largest. Unicode eighths when
/// fancy, an ASCII ramp otherwise; an empty period is the lowest mark.
pub fn sparkline(values: &[u64], fancy: bool) -> String {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    const RAMP: [char; 8] = ['_', '.', ',', ':', '-', '=', '+', '#'];
    let marks = if fancy { BLOCKS } else { RAMP };
    let top = values.iter().copied().max().unwrap_or(0).max(1);
    values
        .iter()
        .map(|&v| {
            let step = if v == 0 {
                0
            } else {
                // 1..=7 for anything above zero, so a single entry still shows.
                ((v as f64 / top as f64) * 7.0).ceil() as usize
            };
            marks[step.min(7)]
        })
        .collect()
}

/// The `--by` sparklines: one line per measure, with its total over the periods.
pub fn trends_text(series: &Series, whole: &Measures, fancy: bool) -> String {
    let rows = &series.rows;
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return String::new();
    };
    let lines: [(String, Vec<u64>, String); 5] = [
        (
            label::trend_rated(),
            rows.iter().map(|r| r.measures.rated()).collect(),
            whole.rated().to_string(),
        ),
        (
            label::trend_reach(),
            rows.iter()
                .map(|r| r.measures.network_reach().count)
                .collect(),
            fraction(whole.network_reach()),
        ),
        (
            label::trend_brought_in(),
            rows.iter().map(|r| r.measures.brought_in).collect(),
            fraction(whole.brought_into_school()),
        ),
        (
            label::trend_collaborative(),
            rows.iter().map(|r| r.measures.collaborative).collect(),
            fraction(whole.collaborative_reach()),
        ),
        (
            label::trend_transfers(),
            rows.iter().map(|r| r.measures.transferred()).collect(),
            whole.transferred().to_string(),
        ),
    ];
    let mut text = words::trends_caption(&series.period, &first.period, &last.period);
    text.push('\n');
    let width = lines.iter().map(|l| l.0.chars().count()).max().unwrap_or(0);
    for (name, values, total) in lines {
        let _ = writeln!(
            text,
            "  {name:<width$}  {}  {total}",
            sparkline(&values, fancy)
        );
    }
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

/// Writes one CSV record. Every cell is neutralised first ([`neutral::csv_cell`]:
/// no control characters, bidi controls shown escaped, a `'` before text that a
/// spreadsheet would run as a formula), then quoted.
pub fn csv_record<S: AsRef<str>>(out: &mut impl Write, fields: &[S]) -> io::Result<()> {
    let mut first = true;
    for field in fields {
        if !first {
            out.write_all(b",")?;
        }
        first = false;
        out.write_all(csv_field(&neutral::csv_cell(field.as_ref())).as_bytes())?;
    }
    out.write_all(b"\n")
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
    fn sparklines_scale_to_the_largest_value() {
        assert_eq!(sparkline(&[0, 1, 4, 8], true), "▁▂▅█");
        assert_eq!(sparkline(&[0, 1, 4, 8], false), "_.-#");
        assert_eq!(sparkline(&[], false), "");
    }

    #[test]
    fn short_labels_tell_levels_apart() {
        let names = |a: &str, b: &str, c: &str| [a.to_string(), b.to_string(), c.to_string()];
        assert_eq!(
            short_labels(&names("School", "Network", "System")),
            names("Sch", "Net", "Sys")
        );
        assert_eq!(
            short_labels(&names("Establecimiento", "Red", "Territorio")),
            names("Est", "Red", "Ter")
        );
        assert_eq!(
            short_labels(&names("Class", "Clan", "Clade")),
            names("Clas", "Clan", "Clad")
        );
    }

    #[test]
    fn changes_show_an_arrow_only_with_points() {
        assert_eq!(change(None, true), "");
        assert_eq!(change(Some(12.4), true), "↑ +12 pts");
        assert_eq!(change(Some(-3.0), false), "v -3 pts");
    }
}
