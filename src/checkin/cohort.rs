//! Check-ins across a cohort: per group, the median and the range of each answer.
//!
//! Privacy: a group's figures are shown only when at least [`MIN_PARTICIPANTS`] of its
//! participants shared a check-in, and each answer only when at least that many gave
//! it a value; otherwise the figure is held back, so no one's answers can be read
//! off a small group. There is no total across groups: it would let a hidden group
//! be worked out by subtraction. Notes never reach a summary, so none is here.

use serde::Serialize;

use super::{Figures, Scale};

/// The fewest participants (and answers) behind any check-in figure shown.
pub const MIN_PARTICIPANTS: usize = 5;

/// One group's check-in figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupCheckins {
    /// The group's name (`None`: participants who gave no group).
    pub group: Option<String>,
    /// Participants of the group who shared a check-in.
    pub participants: usize,
    /// The figures, or `None` when the group is held back (too few participants).
    pub answers: Option<Vec<AnswerRange>>,
}

/// The spread of one answer within a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerRange {
    /// A scale id, or `working_share`.
    pub question: &'static str,
    /// How many gave it a value.
    pub answered: usize,
    /// `None` (held back) when fewer than [`MIN_PARTICIPANTS`] gave a value.
    pub median: Option<f64>,
    pub low: Option<u8>,
    pub high: Option<u8>,
}

/// The questions summarised, in the order asked: the 1–4 scales, then the share.
pub fn questions() -> Vec<&'static str> {
    Scale::ALL
        .iter()
        .map(|s| s.id())
        .chain(["working_share"])
        .collect()
}

/// Per group (in the order groups are first met, the unnamed group last), the
/// figures of the participants' latest check-ins. `participants` holds each
/// participant's group and check-in figures, once per participant.
pub fn by_group(participants: &[(Option<String>, Figures)]) -> Vec<GroupCheckins> {
    let mut groups: Vec<Option<String>> = Vec::new();
    for (group, _) in participants {
        if !groups.contains(group) {
            groups.push(group.clone());
        }
    }
    groups.sort_by_key(Option::is_none);
    groups
        .into_iter()
        .map(|group| {
            let members: Vec<&Figures> = participants
                .iter()
                .filter(|(g, _)| *g == group)
                .map(|(_, f)| f)
                .collect();
            let shown = members.len() >= MIN_PARTICIPANTS;
            GroupCheckins {
                group,
                participants: members.len(),
                answers: shown.then(|| {
                    questions()
                        .into_iter()
                        .map(|question| range(question, &members))
                        .collect()
                }),
            }
        })
        .collect()
}

fn range(question: &'static str, members: &[&Figures]) -> AnswerRange {
    let mut values: Vec<u8> = members
        .iter()
        .filter_map(|f| match Scale::from_id(question) {
            Some(scale) => f.answers.scale(scale).and_then(|a| a.given()).copied(),
            None => f
                .answers
                .working_share
                .as_ref()
                .and_then(|a| a.given())
                .copied(),
        })
        .collect();
    values.sort_unstable();
    let answered = values.len();
    if answered < MIN_PARTICIPANTS {
        return AnswerRange {
            question,
            answered,
            median: None,
            low: None,
            high: None,
        };
    }
    let middle = answered / 2;
    let median = if answered % 2 == 1 {
        f64::from(values[middle])
    } else {
        (f64::from(values[middle - 1]) + f64::from(values[middle])) / 2.0
    };
    AnswerRange {
        question,
        answered,
        median: Some(median),
        low: values.first().copied(),
        high: values.last().copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Answer, Answers};
    use super::*;

    fn figures(purpose: Option<u8>, share: u8) -> Figures {
        let mut answers = Answers::default();
        answers.set_scale(Scale::Purpose, purpose.map(Answer::Given));
        answers.working_share = Some(Answer::Given(share));
        Figures {
            date: "2026-11-20".parse().unwrap(),
            pack: None,
            answers,
        }
    }

    #[test]
    fn medians_and_ranges_only_from_five() {
        let north = Some("Norte".to_string());
        let mut all: Vec<(Option<String>, Figures)> = [1, 2, 3, 4, 4, 2]
            .into_iter()
            .map(|p| (north.clone(), figures(Some(p), 50)))
            .collect();
        all.push((Some("Sur".into()), figures(Some(1), 0)));
        all.push((None, figures(None, 100)));
        let groups = by_group(&all);
        assert_eq!(groups.len(), 3);
        assert_eq!(groups[2].group, None, "the unnamed group comes last");
        let rows = groups[0].answers.as_ref().unwrap();
        assert_eq!(rows[0].question, "purpose");
        assert_eq!(rows[0].median, Some(2.5));
        assert_eq!((rows[0].low, rows[0].high), (Some(1), Some(4)));
        assert_eq!(rows[1].answered, 0);
        assert_eq!(rows[1].median, None, "structure: no one answered");
        assert_eq!(rows[8].median, Some(50.0));
        assert_eq!(groups[1].participants, 1);
        assert!(groups[1].answers.is_none(), "one participant: held back");
    }
}
