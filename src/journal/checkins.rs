//! Check-in records: a second kind of line in the journal, beside the entries.
//!
//! ```text
//! {"v":2,"kind":"checkin","date":"2026-11-20","written":"2026-11-20T18:02:11-03:00","pack":"redes-mejoramiento","purpose":3,"trust":2,"working_share":50,"convener":"sostenedor","dont_know":["focus"],"note":"..."}
//! ```
//!
//! A check-in line has a `kind` and no `op`: it is never revised or retracted (a
//! later check-in says how things are now). Entry readers skip it without calling it
//! damage ([`super::record::LineProblem::NotAnEntry`]); `check` counts it, and
//! `check --repair` and `compact` keep it. Skipped questions are absent, "don't
//! know" answers are listed in `dont_know`, and the note is the leader's own words.
//!
//! Reading looks for the bytes `"kind":"checkin"` with a substring search over the
//! raw file (an entry's text cannot contain them unescaped), so it costs little more
//! than reading the file, and parses only the lines that hold them.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::moments as fast;
use super::record::{LineProblem, RECORD_VERSION};
use super::snapshot::{content_at, Snapshot};
use super::{Journal, Result};
use crate::checkin::{Answer, Answers, Checkin, Convener, Scale, WORKING_SHARES};
use crate::t;

/// The `kind` of a check-in line.
pub const KIND: &str = "checkin";

/// The record format version a check-in needs.
const VERSION: u32 = 2;

/// How a check-in line starts when this program wrote it.
const CANONICAL_START: &[u8] = b"{\"v\":2,\"kind\":\"";

/// The bytes every check-in line holds, however its keys are ordered.
const MARK: &[u8] = b"\"kind\":\"checkin\"";

/// A check-in line as stored, fields in the order written.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Line {
    v: u32,
    kind: String,
    #[serde(default, deserialize_with = "fast::day")]
    date: Option<NaiveDate>,
    #[serde(default, deserialize_with = "fast::optional_moment")]
    written: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pack: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    purpose: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    structure: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    processes: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    collaboration: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reciprocity: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    trust: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    focus: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    agenda: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    working_share: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    convener: Option<Convener>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    stage: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    dont_know: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

impl Line {
    fn scale_mut(&mut self, scale: Scale) -> &mut Option<u8> {
        match scale {
            Scale::Purpose => &mut self.purpose,
            Scale::Structure => &mut self.structure,
            Scale::Processes => &mut self.processes,
            Scale::Collaboration => &mut self.collaboration,
            Scale::Reciprocity => &mut self.reciprocity,
            Scale::Trust => &mut self.trust,
            Scale::Focus => &mut self.focus,
            Scale::Agenda => &mut self.agenda,
        }
    }

    fn of(checkin: &Checkin) -> Line {
        let answers = &checkin.answers;
        let mut line = Line {
            v: VERSION,
            kind: KIND.to_string(),
            date: Some(checkin.date),
            written: Some(checkin.written),
            pack: checkin.pack.clone(),
            working_share: answers
                .working_share
                .as_ref()
                .and_then(Answer::given)
                .copied(),
            convener: answers.convener.as_ref().and_then(Answer::given).copied(),
            stage: answers.stage.as_ref().and_then(Answer::given).cloned(),
            dont_know: answers
                .dont_know_ids()
                .into_iter()
                .map(str::to_string)
                .collect(),
            note: checkin.note.clone(),
            ..Line::default()
        };
        for scale in Scale::ALL {
            *line.scale_mut(scale) = answers.scale(scale).and_then(Answer::given).copied();
        }
        line
    }

    fn into_checkin(mut self) -> std::result::Result<Checkin, String> {
        if self.v > RECORD_VERSION {
            return Err(LineProblem::NewerVersion(self.v).to_string());
        }
        if self.kind != KIND {
            return Err(t!(
                "checkin-line-unknown-kind",
                kind = self.kind.escape_default().to_string()
            ));
        }
        let date = self
            .date
            .ok_or_else(|| t!("checkin-line-no-field", field = "date"))?;
        let written = self
            .written
            .ok_or_else(|| t!("checkin-line-no-field", field = "written"))?;
        let unknown: BTreeSet<String> = self.dont_know.drain(..).collect();
        // A question is answered with a value, or listed in `dont_know`, or skipped.
        fn answer<T>(
            unknown: &BTreeSet<String>,
            id: &str,
            value: Option<std::result::Result<T, String>>,
        ) -> std::result::Result<Option<Answer<T>>, String> {
            let dont_know = unknown.contains(id);
            match value {
                Some(_) if dont_know => Err(t!("checkin-line-value-and-dont-know", id = id)),
                Some(value) => value.map(|v| Some(Answer::Given(v))),
                None => Ok(dont_know.then_some(Answer::DontKnow)),
            }
        }
        let mut answers = Answers::default();
        for scale in Scale::ALL {
            let value = self.scale_mut(scale).map(|step| {
                if Scale::STEPS.contains(&step) {
                    Ok(step)
                } else {
                    Err(t!(
                        "checkin-line-bad-step",
                        id = scale.id(),
                        step = step.to_string()
                    ))
                }
            });
            answers.set_scale(scale, answer(&unknown, scale.id(), value)?);
        }
        let share = self.working_share.map(|share| {
            if WORKING_SHARES.contains(&share) {
                Ok(share)
            } else {
                Err(t!("checkin-line-bad-share", share = share.to_string()))
            }
        });
        answers.working_share = answer(&unknown, "working_share", share)?;
        answers.convener = answer(&unknown, "convener", self.convener.map(Ok))?;
        let stage = self.stage.take().map(|stage| {
            if crate::pack::is_valid_id(&stage) {
                Ok(stage)
            } else {
                Err(t!(
                    "checkin-line-bad-stage",
                    stage = stage.escape_default().to_string()
                ))
            }
        });
        answers.stage = answer(&unknown, "stage", stage)?;
        let known = |id: &String| {
            Scale::from_id(id).is_some()
                || ["working_share", "convener", "stage"].contains(&id.as_str())
        };
        if let Some(other) = unknown.iter().find(|id| !known(id)) {
            return Err(t!(
                "checkin-line-unknown-question",
                id = other.escape_default().to_string()
            ));
        }
        Ok(Checkin {
            date,
            written,
            pack: self.pack,
            answers,
            note: self.note,
        })
    }
}

/// The line (with its newline) that stores `checkin`.
pub fn to_line(checkin: &Checkin) -> Vec<u8> {
    let mut line = serde_json::to_vec(&Line::of(checkin)).expect("a check-in always serializes");
    line.push(b'\n');
    line
}

/// Reads a check-in line.
pub fn parse(line: &[u8]) -> std::result::Result<Checkin, LineProblem> {
    let parsed: Line = serde_json::from_slice(line).map_err(|err| {
        LineProblem::Unreadable(t!("checkin-line-unreadable", error = err.to_string()))
    })?;
    if parsed.v > RECORD_VERSION {
        return Err(LineProblem::NewerVersion(parsed.v));
    }
    parsed.into_checkin().map_err(LineProblem::Unreadable)
}

/// What an entry reader should make of a line that holds a `kind`: `None` for an
/// entry line (no `kind` key in the canonical place), else the problem to note:
/// [`LineProblem::NotAnEntry`] for a good check-in, or why it is damaged. Only the
/// canonical start is looked at here; [`kind_of_unusual`] handles the rest.
pub(super) fn other_kind(line: &[u8]) -> Option<LineProblem> {
    if !line.starts_with(CANONICAL_START) {
        return None;
    }
    Some(match parse(line) {
        Ok(_) => LineProblem::NotAnEntry,
        Err(problem) => problem,
    })
}

/// For a line that is not a readable entry: whether it is a check-in written in an
/// unusual way (keys reordered by a tool). `None` when it does not say it is one.
pub(super) fn kind_of_unusual(line: &[u8]) -> Option<LineProblem> {
    #[derive(Deserialize)]
    struct Probe {
        kind: Option<serde_json::Value>,
    }
    let probe: Probe = serde_json::from_slice(line).ok()?;
    probe.kind?;
    Some(match parse(line) {
        Ok(_) => LineProblem::NotAnEntry,
        Err(problem) => problem,
    })
}

impl Journal {
    /// Appends a check-in (under the write lock, one write, synced).
    pub fn add_checkin(&self, checkin: &Checkin) -> Result<()> {
        super::write::append(self, &to_line(checkin))
    }

    /// Every readable check-in, in file order. Damaged check-in lines are left to
    /// the entry readers and `check` to report.
    pub fn checkins(&self) -> Result<Vec<Checkin>> {
        in_snapshot(&*Snapshot::open(self)?)
    }
}

/// Every readable check-in of `snapshot`, in file order, found by a search of the raw
/// bytes.
pub(super) fn in_snapshot(snapshot: &Snapshot) -> Result<Vec<Checkin>> {
    let finder = memchr::memmem::Finder::new(MARK);
    let mut found = Vec::new();
    // `buf[..len]` holds unread bytes starting at file offset `at`, on a line start.
    let mut buf = vec![0u8; 1 << 18];
    let (mut len, mut at, mut read_to) = (0usize, 0u64, 0u64);
    while at < snapshot.len() {
        if len == buf.len() {
            buf.resize(buf.len() * 2, 0); // a line longer than the buffer
        }
        let want = ((buf.len() - len) as u64).min(snapshot.len() - read_to) as usize;
        snapshot.read_at(read_to, &mut buf[len..len + want])?;
        len += want;
        read_to += want as u64;
        let at_end = read_to == snapshot.len();
        // Whole lines only, unless the file ended.
        let complete = match memchr::memrchr(b'\n', &buf[..len]) {
            _ if at_end => len,
            Some(newline) => newline + 1,
            None => continue,
        };
        let mut from = 0;
        while let Some(hit) = finder.find(&buf[from..complete]) {
            let hit = from + hit;
            let start = memchr::memrchr(b'\n', &buf[..hit]).map_or(0, |n| n + 1);
            let end = memchr::memchr(b'\n', &buf[hit..complete]).map_or(complete, |n| hit + n);
            let line = content_at(at + start as u64, &buf[start..end]);
            if let Ok(checkin) = parse(line) {
                found.push(checkin);
            }
            from = end;
        }
        buf.copy_within(complete..len, 0);
        len -= complete;
        at += complete as u64;
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Checkin {
        let mut answers = Answers::default();
        answers.set_scale(Scale::Purpose, Some(Answer::Given(3)));
        answers.set_scale(Scale::Trust, Some(Answer::DontKnow));
        answers.working_share = Some(Answer::Given(50));
        answers.convener = Some(Answer::Given(Convener::Sostenedor));
        Checkin {
            date: "2026-11-20".parse().unwrap(),
            written: DateTime::parse_from_rfc3339("2026-11-20T18:02:11-03:00").unwrap(),
            pack: Some("redes-mejoramiento".into()),
            answers,
            note: Some("La red \"Norte\" {\"kind\":\"checkin\"}".into()),
        }
    }

    #[test]
    fn lines_round_trip_in_the_canonical_shape() {
        let checkin = sample();
        let line = to_line(&checkin);
        let text = String::from_utf8(line.clone()).unwrap();
        assert!(
            text.starts_with("{\"v\":2,\"kind\":\"checkin\",\"date\":\"2026-11-20\",\"written\":"),
            "{text}"
        );
        assert!(text.contains("\"dont_know\":[\"trust\"]"), "{text}");
        assert_eq!(parse(&line[..line.len() - 1]).unwrap(), checkin);
        assert_eq!(
            other_kind(&line[..line.len() - 1]),
            Some(LineProblem::NotAnEntry)
        );
    }

    #[test]
    fn bad_check_ins_are_damage() {
        let line = String::from_utf8(to_line(&sample())).unwrap();
        for (from, to) in [
            ("\"purpose\":3", "\"purpose\":7"),
            ("\"working_share\":50", "\"working_share\":40"),
            ("\"dont_know\":[\"trust\"]", "\"dont_know\":[\"purpose\"]"),
            ("\"dont_know\":[\"trust\"]", "\"dont_know\":[\"mood\"]"),
            ("\"kind\":\"checkin\"", "\"kind\":\"goal\""),
        ] {
            let bad = line.replace(from, to);
            assert!(
                matches!(
                    other_kind(bad.trim_end().as_bytes()),
                    Some(LineProblem::Unreadable(_))
                ),
                "{bad}"
            );
        }
        let newer = line
            .replace("\"v\":2", "\"v\":3")
            .replace("{\"v\":3", "{\"v\":2");
        assert!(other_kind(newer.trim_end().as_bytes()).is_some());
        let entry = b"{\"v\":1,\"op\":\"add\",\"id\":\"x\"}";
        assert_eq!(other_kind(entry), None);
        assert_eq!(kind_of_unusual(entry), None);
        let reordered = "{\"kind\":\"checkin\",\"v\":2,\"written\":\"2026-11-20T18:02:11Z\",\"date\":\"2026-11-20\",\"focus\":1}";
        assert_eq!(
            kind_of_unusual(reordered.as_bytes()),
            Some(LineProblem::NotAnEntry)
        );
    }

    #[test]
    fn the_reader_finds_check_ins_across_buffer_edges() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::new(dir.path().join("journal.jsonl"));
        let mut bytes = Vec::new();
        let filler = format!(
            "{{\"v\":1,\"op\":\"add\",\"id\":\"a\",\"date\":\"2026-11-20\",\"written\":\"2026-11-20T18:02:11Z\",\"level\":\"school\",\"text\":\"{}\"}}\n",
            "x".repeat(1000)
        );
        let mut expected = Vec::new();
        for n in 0..600 {
            bytes.extend_from_slice(filler.as_bytes());
            if n % 97 == 0 {
                let mut checkin = sample();
                checkin.note = Some(format!("note {n}"));
                bytes.extend_from_slice(&to_line(&checkin));
                expected.push(checkin);
            }
        }
        // The last one without a newline.
        let mut last = sample();
        last.note = None;
        let line = to_line(&last);
        bytes.extend_from_slice(&line[..line.len() - 1]);
        expected.push(last);
        std::fs::write(journal.path(), bytes).unwrap();
        assert_eq!(journal.checkins().unwrap(), expected);
    }
}
