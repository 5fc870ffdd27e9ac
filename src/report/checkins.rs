//! The check-in chart of a cohort report: per group, each 1–4 answer's median as a
//! dot on its range, from [`crate::checkin::cohort`]'s figures (which already hold
//! back small groups and thin answers). The working share, on another scale, stays in
//! `reflect cohort`'s table. A held-back group shows its rows as "not shown".

use super::{Chart, RangeDots, RangeGroup, RangeHeadings, RangeRow, Span, Words};
use crate::checkin::cohort::GroupCheckins;
use crate::checkin::{words, Scale};
use crate::t;

/// The chart, or `None` when no summary held a check-in.
pub fn chart(groups: &[GroupCheckins], report_words: &Words) -> Option<Chart> {
    if groups.is_empty() {
        return None;
    }
    let groups = groups
        .iter()
        .map(|group| RangeGroup {
            label: group
                .group
                .clone()
                .unwrap_or_else(|| t!("checkin-cohort-no-group")),
            rows: Scale::ALL
                .iter()
                .map(|scale| {
                    let found = group
                        .answers
                        .iter()
                        .flatten()
                        .find(|a| a.question == scale.id());
                    let span = found.and_then(|a| match (a.low, a.median, a.high) {
                        (Some(low), Some(median), Some(high)) => Some(Span {
                            low: f64::from(low),
                            median,
                            high: f64::from(high),
                        }),
                        _ => None,
                    });
                    RangeRow {
                        label: words::name(scale.id()),
                        span,
                    }
                })
                .collect(),
        })
        .collect();
    let data = RangeDots {
        headings: RangeHeadings {
            group: t!("checkin-chart-group"),
            row: t!("checkin-chart-answer"),
            median: t!("checkin-chart-median"),
            range: t!("checkin-chart-range"),
        },
        scale: Scale::STEPS.map(|s| s.to_string()).collect(),
        groups,
    };
    Some(Chart::range_dots(
        t!("checkin-chart-title"),
        data,
        report_words,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkin::cohort::AnswerRange;

    #[test]
    fn held_back_groups_and_answers_draw_no_figure() {
        let shown = GroupCheckins {
            group: Some("Red Norte".into()),
            participants: 5,
            answers: Some(vec![AnswerRange {
                question: "purpose",
                answered: 5,
                median: Some(2.5),
                low: Some(1),
                high: Some(4),
            }]),
        };
        let hidden = GroupCheckins {
            group: Some("Red Sur".into()),
            participants: 2,
            answers: None,
        };
        let chart = chart(&[shown, hidden], &Words::english()).unwrap();
        let super::super::ChartData::RangeDots(data) = &chart.data else {
            panic!("a range chart: {chart:?}");
        };
        assert_eq!(data.groups[0].rows.len(), 8);
        assert_eq!(
            data.groups[0].rows[0].span,
            Some(Span {
                low: 1.0,
                median: 2.5,
                high: 4.0
            })
        );
        assert_eq!(data.groups[0].rows[1].span, None, "structure: no answers");
        assert!(data.groups[1].rows.iter().all(|r| r.span.is_none()));
        assert!(super::chart(&[], &Words::english()).is_none());
    }
}
