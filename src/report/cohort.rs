//! The trainer's report (`reflect cohort --format markdown|html`): the cohort's
//! levels per theme, who reached each level, the measures pooled and per
//! participant (per group with `--by group`), the months, the level × depth grid.
//!
//! Built from a [`Cohort`] only, which holds counts: a cohort report never carries
//! an entry's text, a tag or a note, and groups under the privacy threshold are
//! already out of every figure (the report says how many were left out).

use super::parts::{self, LevelRow};
use super::{Block, Cell, Report, Section, Table};
use crate::checkin::cohort::GroupCheckins;
use crate::progress::{group_table, Cohort};
use crate::t;

/// The report of `cohort`; `by_group` adds a table per group; `checkins` are the
/// groups' check-in figures (already under the 5-participant rule).
pub fn build(cohort: &Cohort, by_group: bool, checkins: &[GroupCheckins]) -> Report {
    let words = parts::words();
    let names = cohort.level_names();
    let mut meta = vec![match (cohort.first, cohort.last) {
        (Some(first), Some(last)) => t!(
            "report-cohort-span",
            count = cohort.participants,
            first = first.to_string(),
            last = last.to_string()
        ),
        _ => t!("report-cohort-empty", count = cohort.participants),
    }];
    meta.push(t!("report-generated", date = cohort.generated.to_string()));
    if let Some(note) = group_table::left_out_note(cohort) {
        meta.push(note);
    }
    meta.push(t!("report-cohort-counts-only"));

    let rows: Vec<&crate::progress::cohort::CohortRow> = cohort
        .themes
        .iter()
        .chain([&cohort.free])
        .filter(|row| row.total > 0)
        .collect();
    let bars: Vec<LevelRow> = rows
        .iter()
        .map(|row| LevelRow {
            title: row.title.clone(),
            counts: [row.counts.school, row.counts.network, row.counts.system],
            idea: None,
            unrated: None,
        })
        .collect();
    let mut reached_header = vec![crate::progress::words::label::theme()];
    reached_header.extend(
        names
            .iter()
            .map(|n| crate::progress::words::reached_column(n)),
    );
    let reached = Table {
        caption: Some(t!("report-reached-caption")),
        header: reached_header,
        rows: rows
            .iter()
            .chain([&&cohort.totals])
            .map(|row| {
                let mut cells = vec![Cell::text(&row.title)];
                cells.extend(
                    [row.reached.school, row.reached.network, row.reached.system]
                        .map(|n| Cell::number(n.to_string())),
                );
                cells
            })
            .collect(),
    };

    let mut sections = vec![Section {
        heading: t!("report-where"),
        blocks: vec![
            Block::Paragraph(t!("report-not-a-grade")),
            Block::Chart(parts::levels_chart(&bars, &names)),
            Block::Table(reached),
        ],
    }];

    let mut measures = Vec::new();
    if by_group {
        for group in &cohort.groups {
            let heading =
                group_table::group_heading(group.name.as_deref(), group.spread.participants);
            measures.push(Block::Table(parts::spread_table(heading, &group.spread)));
        }
    }
    measures.push(Block::Table(parts::spread_table(
        group_table::whole_heading(cohort.participants),
        &cohort.per_participant,
    )));
    measures.push(Block::Paragraph(group_table::medians_note()));
    sections.push(Section {
        heading: if by_group {
            t!("report-groups")
        } else {
            t!("report-measures")
        },
        blocks: measures,
    });

    let months: Vec<_> = cohort.months.iter().map(|m| m.row.clone()).collect();
    sections.push(Section {
        heading: t!("report-over-time"),
        blocks: vec![Block::Chart(parts::months_chart(
            &months, &names[1], &words,
        ))],
    });
    sections.push(Section {
        heading: t!("report-together"),
        blocks: vec![Block::Chart(parts::grid_chart(
            &cohort.grid,
            &names,
            &crate::progress::summary::canonical_depth_names(),
        ))],
    });
    sections.extend(self::checkins(checkins, &words));

    Report {
        title: t!("report-cohort-title"),
        meta,
        sections,
        words,
    }
}

/// The check-in section of the cohort report: per group, the median and range of
/// each check-in answer as range dots ([`super::checkins::chart`]), groups held
/// back by the 5-participant rule not shown. Nothing when no summary has a check-in.
pub fn checkins(groups: &[GroupCheckins], words: &super::Words) -> Option<Section> {
    let chart = super::checkins::chart(groups, words)?;
    Some(Section {
        heading: t!("report-checkins"),
        blocks: vec![Block::Chart(chart)],
    })
}
