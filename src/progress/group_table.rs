//! The measures of a group (or the whole cohort) as rows of words: the measure, all
//! entries pooled, the median per participant, and over how many participants.
//! The terminal table, the CSV and the reports are all made from these rows.

use std::io::{self, Write};

use comfy_table::{Cell, Table};

use super::groups::{Median, Spread};
use super::render::{self, csv_record, fraction, Style};
use super::words::{self, label};
use super::Cohort;
use crate::neutral;
use crate::t;

/// One measure of a [`Spread`], as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct SpreadRow {
    /// The measure's id in CSV (`network_reach`).
    pub id: &'static str,
    pub label: String,
    /// Pooled: a count, or "k of n (p%)".
    pub pooled: String,
    /// The median per participant: a count ("2", "2.5") or a percentage ("45%");
    /// "–" when no participant has a value.
    pub median: String,
    /// Participants the median is over.
    pub participants: u64,
    /// The raw figures for CSV: pooled count, pooled denominator (shares only), and
    /// the median (a share from 0 to 1, or a count).
    pub count: u64,
    pub of: Option<u64>,
    pub median_value: Option<f64>,
}

/// The column headings of a group's table.
pub fn header() -> [String; 4] {
    [
        label::measure(),
        t!("cohort-pooled"),
        t!("cohort-median"),
        t!("cohort-median-over"),
    ]
}

/// The rows of `spread`, in the order of the progress measures table.
pub fn rows(spread: &Spread) -> Vec<SpreadRow> {
    let pooled = &spread.pooled;
    let m = &spread.median;
    let count_row = |id, label: String, count: u64, median: Median| SpreadRow {
        id,
        label,
        pooled: count.to_string(),
        median: median.median.map_or_else(dash, words::decimal),
        participants: median.participants,
        count,
        of: None,
        median_value: median.median,
    };
    let share_row = |id, label: String, f: super::Fraction, median: Median| SpreadRow {
        id,
        label,
        pooled: fraction(f),
        median: median
            .median
            .map_or_else(dash, |share| words::percent(render::percent(share))),
        participants: median.participants,
        count: f.count,
        of: Some(f.of),
        median_value: median.median,
    };
    vec![
        count_row("rated", label::rated(), pooled.rated(), m.rated),
        count_row("idea", label::ideas(), pooled.idea, m.idea),
        count_row(
            "unrated",
            label::unrated_entries(),
            pooled.unrated,
            m.unrated,
        ),
        share_row(
            "network_reach",
            label::reach(),
            pooled.network_reach(),
            m.network_reach,
        ),
        share_row(
            "brought_into_school",
            label::brought_in(),
            pooled.brought_into_school(),
            m.brought_into_school,
        ),
        share_row(
            "collaborative_reach",
            label::collaborative(),
            pooled.collaborative_reach(),
            m.collaborative_reach,
        ),
        count_row(
            "without_depth",
            label::without_depth(),
            pooled.without_depth(),
            m.without_depth,
        ),
        count_row(
            "transfers",
            label::transfers(),
            pooled.transferred(),
            m.transfers,
        ),
    ]
}

fn dash() -> String {
    "–".to_string()
}

/// A group's name as a heading: "Red Norte (4 participants)", or "No group (3
/// participants)". The name is untrusted: callers neutralise it for their output.
pub fn group_heading(name: Option<&str>, participants: u64) -> String {
    match name {
        Some(name) => t!("cohort-group-heading", name = name, count = participants),
        None => t!("cohort-no-group-heading", count = participants),
    }
}

/// "Whole cohort (7 participants)".
pub fn whole_heading(participants: u64) -> String {
    t!("cohort-whole-heading", count = participants)
}

/// What the privacy rule left out, or `None` when it left out no one.
pub fn left_out_note(cohort: &Cohort) -> Option<String> {
    let left = cohort.left_out;
    (left.participants > 0).then(|| {
        t!(
            "cohort-left-out",
            count = left.participants,
            groups = left.groups,
            min = cohort.min_group
        )
    })
}

/// How the medians are made (under every grouped table).
pub fn medians_note() -> String {
    t!("cohort-medians-note")
}

/// The terminal table of one spread.
pub fn table(spread: &Spread, style: Style) -> Table {
    let mut table = render::table(style, header().to_vec(), &[1, 2, 3]);
    for row in rows(spread) {
        table.add_row(vec![
            Cell::new(row.label),
            Cell::new(row.pooled),
            Cell::new(row.median),
            Cell::new(row.participants),
        ]);
    }
    table
}

/// `cohort --by group` on a terminal: a table per group, then the whole cohort.
pub fn write_groups(out: &mut impl Write, cohort: &Cohort, style: Style) -> io::Result<()> {
    for group in &cohort.groups {
        let heading = group_heading(group.name.as_deref(), group.spread.participants);
        writeln!(out, "{}", neutral::terminal_line(&heading))?;
        writeln!(out)?;
        render::write_table(out, &table(&group.spread, style))?;
        writeln!(out)?;
    }
    writeln!(out, "{}", whole_heading(cohort.participants))?;
    writeln!(out)?;
    render::write_table(out, &table(&cohort.per_participant, style))?;
    writeln!(out)?;
    if let Some(note) = left_out_note(cohort) {
        writeln!(out, "{note}")?;
    }
    write!(out, "{}", words::wrap(&medians_note(), 80, ""))
}

/// `cohort --by group --format csv`: one record per group (then the whole cohort)
/// and measure; a last `left_out` record counts who the privacy rule left out.
pub fn write_csv(out: &mut impl Write, cohort: &Cohort) -> io::Result<()> {
    csv_record(
        out,
        &[
            "kind",
            "group",
            "participants",
            "measure",
            "pooled_count",
            "pooled_of",
            "median",
            "median_over",
        ],
    )?;
    let spreads = cohort
        .groups
        .iter()
        .map(|g| {
            let kind = if g.name.is_some() {
                "group"
            } else {
                "no_group"
            };
            (kind, g.name.clone().unwrap_or_default(), &g.spread)
        })
        .chain([("cohort", String::new(), &cohort.per_participant)]);
    for (kind, name, spread) in spreads {
        for row in rows(spread) {
            csv_record(
                out,
                &[
                    kind.to_string(),
                    name.clone(),
                    spread.participants.to_string(),
                    row.id.to_string(),
                    row.count.to_string(),
                    row.of.map(|n| n.to_string()).unwrap_or_default(),
                    row.median_value.map(|m| m.to_string()).unwrap_or_default(),
                    row.participants.to_string(),
                ],
            )?;
        }
    }
    csv_record(
        out,
        &[
            "left_out".to_string(),
            String::new(),
            cohort.left_out.participants.to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ],
    )
}
