//! Check-in figures in JSON, for `progress --format json` (a summary a participant may
//! share) and for `cohort`, which reads them back from other people's files. The
//! figures never include the note.
//!
//! ```json
//! "check_in": {"date": "2026-11-22", "pack": "ncsl-networks", "purpose": 3, "trust": 2,
//!   "working_share": 50, "convener": "sostenedor", "dont_know": ["focus"], "count": 2,
//!   "changes_since": "2026-10-01", "changes": [{"question": "purpose", "from": 2, "to": 3}]}
//! ```

use serde_json::{json, Map, Value};

use super::{changes, Answer, Answers, Checkin, Convener, Figures, Scale, WORKING_SHARES};
use crate::t;

/// The `check_in` member of a summary: the latest check-in's figures, how many there
/// are, and what changed since the one before. `None` without check-ins.
/// `checkins` must be in order, latest last (see [`super::sort`]).
pub fn summary(checkins: &[Checkin]) -> Option<Value> {
    let (latest, before) = checkins.split_last()?;
    let mut value = figures(&latest.figures());
    value.insert("count".into(), json!(checkins.len()));
    if let Some(previous) = before.last() {
        value.insert("changes_since".into(), json!(previous.date.to_string()));
        let found: Vec<Value> = changes(&previous.answers, &latest.answers)
            .into_iter()
            .map(|change| {
                let number = |s: &str| s.parse::<u64>().map_or_else(|_| json!(s), |n| json!(n));
                json!({"question": change.question, "from": number(&change.from), "to": number(&change.to)})
            })
            .collect();
        value.insert("changes".into(), Value::Array(found));
    }
    Some(Value::Object(value))
}

/// The figures as a JSON object: the journal record's field names, without `v`,
/// `kind`, `written` or `note`.
pub fn figures(figures: &Figures) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("date".into(), json!(figures.date.to_string()));
    if let Some(pack) = &figures.pack {
        map.insert("pack".into(), json!(pack));
    }
    let answers = &figures.answers;
    for scale in Scale::ALL {
        if let Some(Answer::Given(step)) = answers.scale(scale) {
            map.insert(scale.id().into(), json!(step));
        }
    }
    if let Some(Answer::Given(share)) = &answers.working_share {
        map.insert("working_share".into(), json!(share));
    }
    if let Some(Answer::Given(convener)) = &answers.convener {
        map.insert("convener".into(), json!(convener.id()));
    }
    if let Some(Answer::Given(stage)) = &answers.stage {
        map.insert("stage".into(), json!(stage));
    }
    let unknown = answers.dont_know_ids();
    if !unknown.is_empty() {
        map.insert("dont_know".into(), json!(unknown));
    }
    map
}

/// Reads the figures of a summary's `check_in` (from someone else's file: every value
/// is checked). Members other than the figures (`count`, `changes`...) are ignored.
pub fn read_figures(value: &Value) -> Result<Figures, String> {
    let object = value
        .as_object()
        .ok_or_else(|| t!("checkin-summary-not-object"))?;
    let date = object
        .get("date")
        .and_then(Value::as_str)
        .and_then(|d| d.parse().ok())
        .ok_or_else(|| t!("checkin-summary-no-date"))?;
    let pack = match object.get("pack") {
        None | Some(Value::Null) => None,
        Some(Value::String(pack)) if crate::pack::is_valid_id(pack) => Some(pack.clone()),
        Some(_) => return Err(t!("checkin-summary-bad-pack")),
    };
    let unknown: Vec<&str> = match object.get("dont_know") {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .ok_or_else(|| t!("checkin-summary-dont-know-item"))
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(t!("checkin-summary-dont-know-list")),
    };
    let small = |key: &str, valid: &dyn Fn(u64) -> bool| -> Result<Option<Answer<u8>>, String> {
        match object.get(key) {
            None | Some(Value::Null) => Ok(unknown.contains(&key).then_some(Answer::DontKnow)),
            Some(v) => match v.as_u64().filter(|n| valid(*n)) {
                Some(n) => Ok(Some(Answer::Given(n as u8))),
                None => Err(t!(
                    "checkin-summary-out-of-range",
                    key = key,
                    value = v.to_string()
                )),
            },
        }
    };
    let mut answers = Answers::default();
    for scale in Scale::ALL {
        let answer = small(scale.id(), &|n| (1..=4).contains(&n))?;
        answers.set_scale(scale, answer);
    }
    answers.working_share = small("working_share", &|n| {
        WORKING_SHARES.iter().any(|s| u64::from(*s) == n)
    })?;
    answers.convener = match object.get("convener") {
        None | Some(Value::Null) => unknown.contains(&"convener").then_some(Answer::DontKnow),
        Some(v) => Some(Answer::Given(
            v.as_str()
                .and_then(Convener::from_id)
                .ok_or_else(|| t!("checkin-summary-bad-convener", value = v.to_string()))?,
        )),
    };
    answers.stage = match object.get("stage") {
        None | Some(Value::Null) => unknown.contains(&"stage").then_some(Answer::DontKnow),
        Some(Value::String(s)) if crate::pack::is_valid_id(s) => Some(Answer::Given(s.clone())),
        Some(v) => return Err(t!("checkin-summary-bad-stage", value = v.to_string())),
    };
    Ok(Figures {
        date,
        pack,
        answers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn checkin(date: &str, purpose: u8, note: &str) -> Checkin {
        let mut answers = Answers::default();
        answers.set_scale(Scale::Purpose, Some(Answer::Given(purpose)));
        answers.set_scale(Scale::Trust, Some(Answer::DontKnow));
        answers.convener = Some(Answer::Given(Convener::Directivos));
        Checkin {
            date: date.parse().unwrap(),
            written: DateTime::parse_from_rfc3339("2026-11-20T18:00:00Z").unwrap(),
            pack: Some("ncsl-networks".into()),
            answers,
            note: Some(note.into()),
        }
    }

    #[test]
    fn the_summary_has_figures_changes_and_no_note() {
        let all = [
            checkin("2026-10-01", 2, "SECRET-1"),
            checkin("2026-11-20", 3, "SECRET-2"),
        ];
        let value = summary(&all).unwrap();
        let text = value.to_string();
        assert!(!text.contains("SECRET"), "{text}");
        assert_eq!(value["purpose"], 3);
        assert_eq!(value["count"], 2);
        assert_eq!(value["dont_know"], json!(["trust"]));
        assert_eq!(
            value["changes"],
            json!([{"question": "purpose", "from": 2, "to": 3}])
        );
        assert_eq!(read_figures(&value).unwrap(), all[1].figures());
        assert!(summary(&[]).is_none());
        let mut bad = value.clone();
        bad["purpose"] = json!(7);
        assert!(read_figures(&bad).is_err());
        bad["purpose"] = json!("3");
        assert!(read_figures(&bad).is_err());
    }
}
