//! Every sentence of a check-in, from `locales/*/checkin.ftl`, in the interface
//! language: the questions, one line per step, the answers as shown, the changes.

use super::{Answer, Answers, Change, Convener, Scale};
use crate::t;

/// The short name of a question (`purpose`, `propósito`), for answers and changes.
/// `question` is a scale id, `working_share`, `convener` or `stage`.
pub fn name(question: &str) -> String {
    match question {
        "purpose" => t!("checkin-scale-purpose"),
        "structure" => t!("checkin-scale-structure"),
        "processes" => t!("checkin-scale-processes"),
        "collaboration" => t!("checkin-scale-collaboration"),
        "reciprocity" => t!("checkin-scale-reciprocity"),
        "trust" => t!("checkin-scale-trust"),
        "focus" => t!("checkin-scale-focus"),
        "agenda" => t!("checkin-scale-agenda"),
        "working_share" => t!("checkin-scale-working_share"),
        "convener" => t!("checkin-scale-convener"),
        _ => t!("checkin-scale-stage"),
    }
}

/// The question asked for a scale.
pub fn question(scale: Scale) -> String {
    match scale {
        Scale::Purpose => t!("checkin-ask-purpose"),
        Scale::Structure => t!("checkin-ask-structure"),
        Scale::Processes => t!("checkin-ask-processes"),
        Scale::Collaboration => t!("checkin-ask-collaboration"),
        Scale::Reciprocity => t!("checkin-ask-reciprocity"),
        Scale::Trust => t!("checkin-ask-trust"),
        Scale::Focus => t!("checkin-ask-focus"),
        Scale::Agenda => t!("checkin-ask-agenda"),
    }
}

/// One step of a scale, described in one line.
pub fn step(scale: Scale, step: u8) -> String {
    match scale {
        Scale::Purpose => t!("checkin-step-purpose", step = step),
        Scale::Structure => t!("checkin-step-structure", step = step),
        Scale::Processes => t!("checkin-step-processes", step = step),
        Scale::Collaboration => t!("checkin-step-collaboration", step = step),
        Scale::Reciprocity => t!("checkin-step-reciprocity", step = step),
        Scale::Trust => t!("checkin-step-trust", step = step),
        Scale::Focus => t!("checkin-step-focus", step = step),
        Scale::Agenda => t!("checkin-step-agenda", step = step),
    }
}

/// The heading of the part a scale belongs to, when it starts one.
pub fn part_before(scale: Scale) -> Option<String> {
    match scale {
        Scale::Purpose => Some(t!("checkin-part-organising")),
        Scale::Collaboration => Some(t!("checkin-part-conditions")),
        Scale::Agenda => Some(t!("checkin-part-session")),
        _ => None,
    }
}

pub fn share_question() -> String {
    t!("checkin-ask-working_share")
}

/// One working share (0 to 100), described.
pub fn share_step(share: u8) -> String {
    t!("checkin-step-working_share", share = share)
}

pub fn convener_question() -> String {
    t!("checkin-ask-convener")
}

/// Who convenes, in Chilean usage (the Mineduc supervisor, the sostenedor or SLEP...).
pub fn convener(convener: Convener) -> String {
    t!("checkin-convener", convener = convener.id())
}

pub fn stage_question() -> String {
    t!("checkin-ask-stage")
}

pub fn note_question() -> String {
    t!("checkin-ask-note")
}

pub fn intro(network: &str) -> String {
    t!("checkin-intro", network = network)
}

/// The line asking for the answer: `hint` is `step`, `share` or `choice`.
pub fn hint(kind: &str, question: &str) -> String {
    match kind {
        "step" => t!("checkin-hint-step", question = question),
        "share" => t!("checkin-hint-share", question = question),
        _ => t!("checkin-hint-choice", question = question),
    }
}

pub fn not_a_choice(answer: &str) -> String {
    t!("checkin-not-a-choice", answer = answer)
}

pub fn dont_know() -> String {
    t!("checkin-dont-know")
}

pub fn saved(date: &str, answered: usize, unknown: usize) -> String {
    t!(
        "checkin-saved",
        date = date,
        answered = answered,
        unknown = unknown
    )
}

pub fn nothing_saved() -> String {
    t!("checkin-nothing")
}

pub fn needs_answers() -> String {
    t!("checkin-needs-answers")
}

pub fn needs_terminal() -> String {
    t!("checkin-needs-terminal")
}

pub fn bad_step(flag: &str, value: &str) -> String {
    t!("checkin-bad-step", flag = flag, value = value)
}

pub fn bad_share(flag: &str, value: &str) -> String {
    t!("checkin-bad-share", flag = flag, value = value)
}

pub fn bad_convener(flag: &str, value: &str) -> String {
    t!("checkin-bad-convener", flag = flag, value = value)
}

pub fn bad_stage(flag: &str, value: &str, pack: &str, choices: &str) -> String {
    t!(
        "checkin-bad-stage",
        flag = flag,
        value = value,
        pack = pack,
        choices = choices
    )
}

pub fn no_stages(flag: &str, pack: &str) -> String {
    t!("checkin-no-stages", flag = flag, pack = pack)
}

/// Each answered question as `name value` (`purpose 3`, `trust don't know`,
/// `working together 50%`), in the order asked. `stage_name` shows a stage id in
/// the pack's words.
pub fn answers(answers: &Answers, stage_name: &dyn Fn(&str) -> String) -> Vec<String> {
    fn shown<T>(answer: &Answer<T>, value: impl Fn(&T) -> String) -> String {
        match answer {
            Answer::Given(v) => value(v),
            Answer::DontKnow => dont_know(),
        }
    }
    let mut lines = Vec::new();
    for scale in Scale::ALL {
        if let Some(answer) = answers.scale(scale) {
            lines.push(format!(
                "{} {}",
                name(scale.id()),
                shown(answer, u8::to_string)
            ));
        }
    }
    if let Some(answer) = &answers.working_share {
        let value = shown(answer, |s| t!("checkin-share-value", share = *s));
        lines.push(format!("{} {value}", name("working_share")));
    }
    if let Some(answer) = &answers.convener {
        lines.push(format!(
            "{}: {}",
            name("convener"),
            shown(answer, |c| convener(*c))
        ));
    }
    if let Some(answer) = &answers.stage {
        lines.push(format!(
            "{}: {}",
            name("stage"),
            shown(answer, |s| stage_name(s))
        ));
    }
    lines
}

pub fn latest(date: &str) -> String {
    t!("checkin-latest", date = date)
}

pub fn changes_since(date: &str) -> String {
    t!("checkin-changes", date = date)
}

pub fn no_changes_since(date: &str) -> String {
    t!("checkin-no-changes", date = date)
}

/// `purpose 2 → 3`; a convener or stage shows its id.
pub fn change(change: &Change) -> String {
    let (from, to) = if change.question == "working_share" {
        (
            t!("checkin-share-value", share = change.from.as_str()),
            t!("checkin-share-value", share = change.to.as_str()),
        )
    } else {
        (change.from.clone(), change.to.clone())
    };
    t!(
        "checkin-change",
        question = name(change.question),
        from = from,
        to = to
    )
}

pub fn changes_caption() -> String {
    t!("checkin-changes-caption")
}

pub fn count(count: usize) -> String {
    t!("checkin-count", count = count)
}

/// The start menu's line when a check-in is due.
pub fn offer(days: Option<i64>) -> String {
    match days {
        Some(days) => t!("checkin-offer", days = days),
        None => t!("checkin-offer-first"),
    }
}

/// What `reflect progress` says about check-ins, one paragraph a string: the latest
/// check-in's answers and, from two on, what changed since the one before (never
/// called progress). `checkins` is in order, latest last; empty gives nothing.
pub fn progress_block(
    checkins: &[super::Checkin],
    stage_name: &dyn Fn(&str) -> String,
) -> Vec<String> {
    let Some((latest, before)) = checkins.split_last() else {
        return Vec::new();
    };
    let day = |d: chrono::NaiveDate| crate::dates::display_day(d);
    let mut block = vec![format!(
        "{} {}",
        self::latest(&day(latest.date)),
        answers(&latest.answers, stage_name).join(" · ")
    )];
    if let Some(previous) = before.last() {
        let found = super::changes(&previous.answers, &latest.answers);
        if found.is_empty() {
            block.push(no_changes_since(&day(previous.date)));
        } else {
            let listed: Vec<String> = found.iter().map(change).collect();
            block.push(format!(
                "{} {}.",
                changes_since(&day(previous.date)),
                listed.join(", ")
            ));
            block.push(changes_caption());
        }
    }
    block.push(count(checkins.len()));
    block
}

/// The check-in part of `reflect cohort`: a title, then per group its name and one
/// line per answer (median and range, or held back); nothing without check-ins. Group names are untrusted and
/// neutralised for the terminal.
pub fn cohort_lines(groups: &[super::cohort::GroupCheckins]) -> Vec<String> {
    use super::cohort::MIN_PARTICIPANTS as MIN;
    if groups.is_empty() {
        return Vec::new(); // no summary holds a check-in: nothing to say
    }
    let mut lines = vec![t!("checkin-cohort-title", min = MIN)];
    for group in groups {
        lines.push(String::new());
        let name = match &group.group {
            Some(name) => crate::neutral::terminal_line(name).into_owned(),
            None => t!("checkin-cohort-no-group"),
        };
        let Some(answers) = &group.answers else {
            lines.push(t!(
                "checkin-cohort-held-back",
                group = name,
                count = group.participants,
                min = MIN
            ));
            continue;
        };
        lines.push(t!(
            "checkin-cohort-group",
            group = name,
            count = group.participants
        ));
        let names: Vec<String> = answers.iter().map(|a| self::name(a.question)).collect();
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
        for (answer, label) in answers.iter().zip(names) {
            let shown = |value: f64| {
                let text = if value.fract() == 0.0 {
                    format!("{value:.0}")
                } else {
                    let text = format!("{value:.1}");
                    match crate::i18n::lang() {
                        crate::i18n::Lang::Es => text.replace('.', ","),
                        _ => text,
                    }
                };
                if answer.question == "working_share" {
                    t!("checkin-share-value", share = text)
                } else {
                    text
                }
            };
            let figure = match (answer.median, answer.low, answer.high) {
                (Some(median), Some(low), Some(high)) => t!(
                    "checkin-cohort-row",
                    median = shown(median),
                    low = shown(f64::from(low)),
                    high = shown(f64::from(high)),
                    answered = answer.answered
                ),
                _ => t!(
                    "checkin-cohort-row-held",
                    answered = answer.answered,
                    min = MIN
                ),
            };
            let pad = width - label.chars().count();
            lines.push(format!("  {label}{}  {figure}", " ".repeat(pad)));
        }
    }
    lines
}
