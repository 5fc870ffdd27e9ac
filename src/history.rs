//! What changed between two revisions of an entry: the fields (day, level, tags,
//! prompt) and a word-level diff of the text, in git's `--word-diff=plain` markers
//! (`[-removed-]{+added+}`), readable without colour.

use std::time::Instant;

use similar::{ChangeTag, TextDiff};

use crate::entry::Entry;

/// One changed field: its name and the values before and after, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

/// The fields that differ between `old` and `new` (the text aside).
pub fn field_changes(old: &Entry, new: &Entry) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    let mut compare = |field: &'static str, before: String, after: String| {
        if before != after {
            let shown = |value: String| if value.is_empty() { "-".into() } else { value };
            let (before, after) = (shown(before), shown(after));
            changes.push(FieldChange {
                field,
                before,
                after,
            });
        }
    };
    compare("date", old.date.to_string(), new.date.to_string());
    let id = |value: Option<&'static str>| value.unwrap_or_default().to_string();
    compare(
        "level",
        id(old.level.map(|l| l.as_str())),
        id(new.level.map(|l| l.as_str())),
    );
    compare(
        "from",
        id(old.from.map(|f| f.as_str())),
        id(new.from.map(|f| f.as_str())),
    );
    compare(
        "depth",
        id(old.depth.map(|d| d.as_str())),
        id(new.depth.map(|d| d.as_str())),
    );
    compare("tags", old.tags.join(", "), new.tags.join(", "));
    let prompt = |e: &Entry| match (&e.pack, &e.prompt) {
        (Some(pack), Some(prompt)) => format!("{pack}/{prompt}"),
        _ => String::new(),
    };
    compare("prompt", prompt(old), prompt(new));
    changes
}

/// The text of `new` with the words removed from `old` as `[-...-]` and the words
/// added as `{+...+}`. `None` when the texts are the same.
///
/// Finding the fewest changes takes time that grows with the texts' lengths times
/// the number of changes (quadratic for two long, unrelated texts): past `deadline`
/// the diff settles for more, longer changes, still exact, in time linear in the
/// texts.
pub fn word_diff(old: &str, new: &str, deadline: Instant) -> Option<String> {
    if old == new {
        return None;
    }
    let diff = TextDiff::configure()
        .deadline(deadline)
        .diff_words(old, new);
    let mut out = String::new();
    let mut open: Option<ChangeTag> = None;
    for change in diff.iter_all_changes() {
        let tag = change.tag();
        let value = change.value();
        // Whitespace between two changed runs of the same kind stays inside them.
        if open != Some(tag) {
            close(&mut out, open);
            open = None;
            if tag != ChangeTag::Equal {
                out.push_str(if tag == ChangeTag::Delete { "[-" } else { "{+" });
                open = Some(tag);
            }
        }
        out.push_str(value);
    }
    close(&mut out, open);
    Some(out)
}

fn close(out: &mut String, open: Option<ChangeTag>) {
    match open {
        Some(ChangeTag::Delete) => out.push_str("-]"),
        Some(ChangeTag::Insert) => out.push_str("+}"),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn later() -> Instant {
        Instant::now() + Duration::from_secs(60)
    }

    /// One side of a diff: the text with the `keep` marks' words and without the
    /// `drop` marks' words (each mark an opening and a closing pair of bytes).
    fn side(diff: &str, keep: (&str, &str), drop: (&str, &str)) -> String {
        let (mut rest, mut out) = (diff, String::new());
        while let Some(at) = rest.find(['[', '{']) {
            out.push_str(&rest[..at]);
            rest = &rest[at..];
            if let Some(inner) = rest.strip_prefix(keep.0) {
                let end = inner.find(keep.1).unwrap();
                out.push_str(&inner[..end]);
                rest = &inner[end + 2..];
            } else if let Some(inner) = rest.strip_prefix(drop.0) {
                rest = &inner[inner.find(drop.1).unwrap() + 2..];
            } else {
                out.push_str(&rest[..1]);
                rest = &rest[1..];
            }
        }
        out + rest
    }

    #[test]
    fn past_its_deadline_a_diff_is_coarser_but_exact() {
        let old: String = (0..1200).map(|i| format!("w{} ", i * 7 % 500)).collect();
        let new: String = (0..1200).map(|i| format!("w{} ", i * 13 % 500)).collect();
        for deadline in [later(), Instant::now()] {
            let diff = word_diff(&old, &new, deadline).unwrap();
            let (removed, added) = (("[-", "-]"), ("{+", "+}"));
            assert_eq!(side(&diff, removed, added), old);
            assert_eq!(side(&diff, added, removed), new);
        }
    }

    #[test]
    fn changed_words_are_marked() {
        assert_eq!(
            word_diff(
                "We met the heads today.",
                "We met the network heads today.",
                later()
            )
            .unwrap(),
            "We met the {+network +}heads today."
        );
        assert_eq!(
            word_diff("a quick plan", "a slow plan", later()).unwrap(),
            "a [-quick-]{+slow+} plan"
        );
        assert_eq!(word_diff("same", "same", later()), None);
    }

    #[test]
    fn fields_that_differ_are_listed() {
        let old: Entry = serde_json::from_str(
            r#"{"id":"a","date":"2026-11-20","written":"2026-11-20T10:00:00+01:00","level":"school","tags":["x"],"text":"t"}"#,
        )
        .unwrap();
        let mut new = old.clone();
        new.tags.push("y".into());
        let changes = field_changes(&old, &new);
        assert_eq!(
            changes,
            vec![FieldChange {
                field: "tags",
                before: "x".into(),
                after: "x, y".into()
            }]
        );
    }
}
