//! Network check-ins: from time to time (after a network session) a leader rates
//! their network, each step of each scale described in one line.
//!
//! What is asked (the seeds' "organising a network" and "conditions for joint
//! action", plus what a session looked like):
//!
//! - organising the network, 1–4 each: [`Scale::Purpose`], [`Scale::Structure`],
//!   [`Scale::Processes`];
//! - conditions for joint action, 1–4 each: [`Scale::Collaboration`],
//!   [`Scale::Reciprocity`], [`Scale::Trust`], [`Scale::Focus`] (time spent on
//!   teaching and learning in schools);
//! - who sets the agenda, 1–4: [`Scale::Agenda`];
//! - the last session's share of time spent working together rather than informing:
//!   [`WORKING_SHARES`] (0, 25, 50, 75, 100 per cent);
//! - who convenes: a [`Convener`];
//! - the stage of development, only when the pack defines `[[stages]]`;
//! - a note, which never leaves the journal ([`Figures`] has no note).
//!
//! Each question may be skipped (absent) or answered "don't know"
//! ([`Answer::DontKnow`]). A change between two check-ins is a change, never called
//! progress: a network may rightly move either way.
//!
//! - `words`: every sentence of the check-in (questions, steps, changes).
//! - `ask`: the questions on a terminal.
//! - `cohort`: per group medians and ranges, under the five-participant rule.
//! - `json`: the figures in a shared summary, written and read back (never the note).
//!
//! The record format in the journal is `journal::checkins`'s; this module is the
//! domain, free of files and of the command line.

pub mod ask;
pub mod cohort;
pub mod json;
pub mod words;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// A 1–4 scale of the check-in, in the order asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    Purpose,
    Structure,
    Processes,
    Collaboration,
    Reciprocity,
    Trust,
    Focus,
    Agenda,
}

impl Scale {
    pub const ALL: [Scale; 8] = [
        Scale::Purpose,
        Scale::Structure,
        Scale::Processes,
        Scale::Collaboration,
        Scale::Reciprocity,
        Scale::Trust,
        Scale::Focus,
        Scale::Agenda,
    ];

    /// The lowest and highest step.
    pub const STEPS: std::ops::RangeInclusive<u8> = 1..=4;

    /// The id in the journal, in JSON and as a flag name (`--purpose`).
    pub fn id(self) -> &'static str {
        match self {
            Scale::Purpose => "purpose",
            Scale::Structure => "structure",
            Scale::Processes => "processes",
            Scale::Collaboration => "collaboration",
            Scale::Reciprocity => "reciprocity",
            Scale::Trust => "trust",
            Scale::Focus => "focus",
            Scale::Agenda => "agenda",
        }
    }

    pub fn from_id(id: &str) -> Option<Scale> {
        Scale::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// The shares of a session a leader may say were spent working together, in per cent.
pub const WORKING_SHARES: [u8; 5] = [0, 25, 50, 75, 100];

/// Who convenes the network (in Chile: the Mineduc supervisor, the sostenedor or
/// SLEP, or the school leaders by turns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Convener {
    Supervisor,
    Sostenedor,
    Directivos,
    Other,
}

impl Convener {
    pub const ALL: [Convener; 4] = [
        Convener::Supervisor,
        Convener::Sostenedor,
        Convener::Directivos,
        Convener::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Convener::Supervisor => "supervisor",
            Convener::Sostenedor => "sostenedor",
            Convener::Directivos => "directivos",
            Convener::Other => "other",
        }
    }

    pub fn from_id(id: &str) -> Option<Convener> {
        Convener::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// An answer to one question: a value, or "don't know". A skipped question has no
/// answer at all (`None` where an `Option<Answer<T>>` is kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer<T> {
    Given(T),
    DontKnow,
}

impl<T> Answer<T> {
    pub fn given(&self) -> Option<&T> {
        match self {
            Answer::Given(value) => Some(value),
            Answer::DontKnow => None,
        }
    }
}

/// Everything a check-in says except the note and the moment it was written: what
/// a summary may carry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answers {
    /// The 1–4 scales, in [`Scale::ALL`] order.
    pub scales: [Option<Answer<u8>>; 8],
    /// Per cent of the last session spent working together (one of [`WORKING_SHARES`]).
    pub working_share: Option<Answer<u8>>,
    pub convener: Option<Answer<Convener>>,
    /// A stage id of the pack's `[[stages]]`.
    pub stage: Option<Answer<String>>,
}

impl Answers {
    pub fn scale(&self, scale: Scale) -> Option<&Answer<u8>> {
        self.scales[scale as usize].as_ref()
    }

    pub fn set_scale(&mut self, scale: Scale, answer: Option<Answer<u8>>) {
        self.scales[scale as usize] = answer;
    }

    /// How many questions were answered (a "don't know" is an answer).
    pub fn answered(&self) -> usize {
        self.scales.iter().flatten().count()
            + usize::from(self.working_share.is_some())
            + usize::from(self.convener.is_some())
            + usize::from(self.stage.is_some())
    }

    /// How many answers are "don't know".
    pub fn dont_know(&self) -> usize {
        let unknown = |known: bool| usize::from(!known);
        self.scales
            .iter()
            .flatten()
            .map(|a| unknown(a.given().is_some()))
            .sum::<usize>()
            + self
                .working_share
                .as_ref()
                .map_or(0, |a| unknown(a.given().is_some()))
            + self
                .convener
                .as_ref()
                .map_or(0, |a| unknown(a.given().is_some()))
            + self
                .stage
                .as_ref()
                .map_or(0, |a| unknown(a.given().is_some()))
    }

    /// The ids of the questions answered "don't know", in the order asked.
    pub fn dont_know_ids(&self) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = Scale::ALL
            .into_iter()
            .filter(|s| matches!(self.scale(*s), Some(Answer::DontKnow)))
            .map(Scale::id)
            .collect();
        if matches!(self.working_share, Some(Answer::DontKnow)) {
            ids.push("working_share");
        }
        if matches!(self.convener, Some(Answer::DontKnow)) {
            ids.push("convener");
        }
        if matches!(self.stage, Some(Answer::DontKnow)) {
            ids.push("stage");
        }
        ids
    }
}

/// One check-in as the journal keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkin {
    /// The day the check-in is about (usually the day of the network session).
    pub date: NaiveDate,
    /// When it was written.
    pub written: DateTime<FixedOffset>,
    /// The pack whose words (and stages) were used.
    pub pack: Option<String>,
    pub answers: Answers,
    /// The leader's own words; kept in the journal only.
    pub note: Option<String>,
}

impl Checkin {
    /// The figures a summary may carry: everything but the note.
    pub fn figures(&self) -> Figures {
        Figures {
            date: self.date,
            pack: self.pack.clone(),
            answers: self.answers.clone(),
        }
    }
}

/// A check-in without its note: what leaves the journal (summaries, cohorts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub date: NaiveDate,
    pub pack: Option<String>,
    pub answers: Answers,
}

/// What changed in one question between two check-ins (`purpose 2 → 3`). Only
/// questions with a value both times are compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// A scale id, `working_share`, `convener` or `stage`.
    pub question: &'static str,
    pub from: String,
    pub to: String,
}

/// What changed from `before` to `after`, in the order asked.
pub fn changes(before: &Answers, after: &Answers) -> Vec<Change> {
    let mut found = Vec::new();
    let mut compare = |question: &'static str, from: Option<String>, to: Option<String>| {
        if let (Some(from), Some(to)) = (from, to) {
            if from != to {
                found.push(Change { question, from, to });
            }
        }
    };
    let number = |a: Option<&Answer<u8>>| a.and_then(Answer::given).map(u8::to_string);
    for scale in Scale::ALL {
        compare(
            scale.id(),
            number(before.scale(scale)),
            number(after.scale(scale)),
        );
    }
    compare(
        "working_share",
        number(before.working_share.as_ref()),
        number(after.working_share.as_ref()),
    );
    let convener = |a: &Option<Answer<Convener>>| {
        a.as_ref()
            .and_then(Answer::given)
            .map(|c| c.id().to_string())
    };
    compare(
        "convener",
        convener(&before.convener),
        convener(&after.convener),
    );
    let stage = |a: &Option<Answer<String>>| a.as_ref().and_then(Answer::given).cloned();
    compare("stage", stage(&before.stage), stage(&after.stage));
    found
}

/// Orders check-ins as "latest last": by the day they are about, then by when they
/// were written.
pub fn sort(checkins: &mut [Checkin]) {
    checkins.sort_by_key(|c| (c.date, c.written));
}

/// Why a typed value is not an answer; the caller words the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAValue;

/// Reads a 1–4 step: `1`..`4`, or `?` / `0` for "don't know".
pub fn parse_step(word: &str) -> Result<Answer<u8>, NotAValue> {
    let word = word.trim();
    if is_dont_know(word) || word == "0" {
        return Ok(Answer::DontKnow);
    }
    match word.parse::<u8>() {
        Ok(step) if Scale::STEPS.contains(&step) => Ok(Answer::Given(step)),
        _ => Err(NotAValue),
    }
}

/// Reads a working share: `0`, `25`, `50`, `75`, `100` (a `%` is allowed), or `?`.
pub fn parse_share(word: &str) -> Result<Answer<u8>, NotAValue> {
    let word = word.trim();
    if is_dont_know(word) {
        return Ok(Answer::DontKnow);
    }
    let number = word.strip_suffix('%').unwrap_or(word).trim();
    match number.parse::<u8>() {
        Ok(share) if WORKING_SHARES.contains(&share) => Ok(Answer::Given(share)),
        _ => Err(NotAValue),
    }
}

/// Reads a convener: its id in any case (`supervisor`, `sostenedor`, `directivos`,
/// `other`), or `?`.
pub fn parse_convener(word: &str) -> Result<Answer<Convener>, NotAValue> {
    let word = word.trim();
    if is_dont_know(word) {
        return Ok(Answer::DontKnow);
    }
    Convener::ALL
        .into_iter()
        .find(|c| crate::text::same_word(c.id(), word))
        .map(Answer::Given)
        .ok_or(NotAValue)
}

/// `?`: "don't know".
pub fn is_dont_know(word: &str) -> bool {
    word.trim() == "?"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_read_strictly() {
        assert_eq!(parse_step("3"), Ok(Answer::Given(3)));
        assert_eq!(parse_step(" ? "), Ok(Answer::DontKnow));
        assert_eq!(parse_step("0"), Ok(Answer::DontKnow));
        for bad in ["5", "-1", "2.5", "", "three"] {
            assert_eq!(parse_step(bad), Err(NotAValue), "{bad:?}");
        }
        assert_eq!(parse_share("75%"), Ok(Answer::Given(75)));
        assert_eq!(parse_share("0"), Ok(Answer::Given(0)));
        assert_eq!(parse_share("30"), Err(NotAValue));
        assert_eq!(
            parse_convener("Sostenedor"),
            Ok(Answer::Given(Convener::Sostenedor))
        );
        assert_eq!(parse_convener("mayor"), Err(NotAValue));
    }

    #[test]
    fn changes_compare_values_only() {
        let mut before = Answers::default();
        before.set_scale(Scale::Purpose, Some(Answer::Given(2)));
        before.set_scale(Scale::Trust, Some(Answer::Given(3)));
        before.set_scale(Scale::Focus, Some(Answer::Given(1)));
        before.working_share = Some(Answer::Given(25));
        let mut after = before.clone();
        after.set_scale(Scale::Purpose, Some(Answer::Given(3)));
        after.set_scale(Scale::Trust, Some(Answer::DontKnow));
        after.set_scale(Scale::Focus, None);
        after.working_share = Some(Answer::Given(50));
        let found = changes(&before, &after);
        let shown: Vec<String> = found
            .iter()
            .map(|c| format!("{} {} {}", c.question, c.from, c.to))
            .collect();
        assert_eq!(shown, ["purpose 2 3", "working_share 25 50"]);
        assert_eq!(after.answered(), 3);
        assert_eq!(after.dont_know(), 1);
        assert_eq!(after.dont_know_ids(), ["trust"]);
    }
}
