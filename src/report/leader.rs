//! The leader's own report (`reflect report`), for a portfolio page or a mentor
//! conversation: levels per theme, the measures over the whole period and the two
//! recent windows, transfers, the months, the level × depth grid — and the entries'
//! texts only when the leader asks (`--with-text`).

use super::parts::{self, LevelRow};
use super::{Block, Cell, Report, Section, Table};
use crate::progress::render::{direction_label, fraction};
use crate::progress::summary::Summary;
use crate::progress::words::{self, label};
use crate::progress::Measures;
use crate::t;

/// One entry as the report shows it, with `--with-text`.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryText {
    /// "2026-11-02 · Trust · Network".
    pub heading: String,
    pub text: String,
}

/// The report of `summary`; `entries` (oldest first) only with `--with-text`.
/// `checkins` are the paragraphs of the leader's latest network check-in and what
/// changed since the one before (`checkin::words::progress_block`), empty when none.
pub fn build(summary: &Summary, checkins: Vec<String>, entries: Option<&[EntryText]>) -> Report {
    let words = parts::words();
    let names = summary.level_names();
    let totals = &summary.totals;
    let mut meta = Vec::new();
    if let (Some(first), Some(last)) = (summary.period.first, summary.period.last) {
        meta.push(t!(
            "report-leader-span",
            first = first.to_string(),
            last = last.to_string()
        ));
    }
    meta.push(t!(
        "report-leader-entries",
        count = totals.total,
        rated = totals.rated(),
        idea = totals.idea,
        unrated = totals.unrated
    ));
    let packs: Vec<String> = summary
        .packs
        .iter()
        .map(|p| match (&p.name, &p.version) {
            (Some(name), Some(version)) => format!("{name} ({version})"),
            (Some(name), None) => name.clone(),
            (None, _) => p.id.clone(),
        })
        .collect();
    if !packs.is_empty() {
        meta.push(t!("report-packs", packs = packs.join(", ")));
    }
    meta.push(t!(
        "report-generated",
        date = summary.generated_at.date_naive().to_string()
    ));

    let bars: Vec<LevelRow> = summary
        .themes
        .iter()
        .map(|t| (t.title.clone(), &t.row))
        .chain([(label::free(), &summary.free)])
        .filter(|(_, row)| row.total > 0)
        .map(|(title, row)| LevelRow {
            title,
            counts: [row.counts.school, row.counts.network, row.counts.system],
            idea: Some(row.idea),
            unrated: Some(row.unrated),
        })
        .collect();

    let mut sections = vec![
        Section {
            heading: t!("report-where"),
            blocks: vec![
                Block::Paragraph(t!("report-not-a-grade")),
                Block::Chart(parts::levels_chart(&bars, &names)),
            ],
        },
        Section {
            heading: t!("report-measures"),
            blocks: vec![
                Block::Table(measures_table(summary, &names)),
                Block::Paragraph(words::measures_caption(&names[1])),
            ],
        },
        Section {
            heading: t!("report-over-time"),
            blocks: vec![Block::Chart(parts::months_chart(
                &summary.months,
                &names[1],
                &words,
            ))],
        },
        Section {
            heading: t!("report-together"),
            blocks: vec![Block::Chart(parts::grid_chart(
                &summary.grid,
                &names,
                &summary.depth_names(),
            ))],
        },
    ];
    sections.extend(self::checkins(checkins));
    if let Some(entries) = entries {
        let mut blocks = vec![Block::Paragraph(t!("report-entries-note"))];
        for entry in entries {
            blocks.push(Block::Paragraph(entry.heading.clone()));
            for paragraph in entry.text.split("\n\n") {
                let paragraph = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
                if !paragraph.is_empty() {
                    blocks.push(Block::Paragraph(paragraph));
                }
            }
        }
        sections.push(Section {
            heading: t!("report-entries"),
            blocks,
        });
    }

    Report {
        title: t!("report-leader-title"),
        meta,
        sections,
        words,
    }
}

/// The progress measures table: whole period, the recent window, the one before.
fn measures_table(summary: &Summary, names: &[String; 3]) -> Table {
    let m = &summary.measures;
    let windows = [&m.whole, &m.recent.measures, &m.previous.measures];
    let header = vec![
        label::measure(),
        label::whole(),
        words::last_days(m.window_days),
        words::days_before(m.window_days),
    ];
    let row = |name: String, cell: &dyn Fn(&Measures) -> String| {
        let mut cells = vec![Cell::text(name)];
        cells.extend(windows.iter().map(|w| Cell::number(cell(w))));
        cells
    };
    let mut rows = vec![
        row(label::rated(), &|w| w.rated().to_string()),
        row(label::ideas(), &|w| w.idea.to_string()),
        row(label::unrated_entries(), &|w| w.unrated.to_string()),
        row(label::reach(), &|w| fraction(w.network_reach())),
        row(label::brought_in(), &|w| fraction(w.brought_into_school())),
        row(label::collaborative(), &|w| {
            fraction(w.collaborative_reach())
        }),
        row(label::without_depth(), &|w| w.without_depth().to_string()),
        row(label::transfers(), &|w| w.transferred().to_string()),
    ];
    for &direction in m.whole.transfers.keys() {
        rows.push(row(direction_label(direction, names, true), &|w| {
            w.transfers
                .get(&direction)
                .copied()
                .unwrap_or(0)
                .to_string()
        }));
    }
    Table {
        caption: None,
        header,
        rows,
    }
}

/// The leader's check-in section: the latest network check-in and what changed
/// since the one before (never its note), or nothing without a check-in.
fn checkins(paragraphs: Vec<String>) -> Option<Section> {
    (!paragraphs.is_empty()).then(|| Section {
        heading: t!("report-checkins"),
        blocks: paragraphs.into_iter().map(Block::Paragraph).collect(),
    })
}
