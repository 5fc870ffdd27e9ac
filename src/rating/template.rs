//! The editor draft's optional `level:`, `from:` and `depth:` lines. They sit in a
//! block at the end of the draft (a block at the start works too); what is filled
//! there is taken out of the text and not asked again. A value that names no choice
//! is left to the questions, with a note.

use super::Rating;
use crate::neutral;
use crate::pack::{listed, Answer, Pack, PackSet, Question};
use crate::text::same_word;
use crate::words;

/// The comment lines explaining the fields, with each question's choices.
pub fn template_header(pack: &Pack) -> Vec<String> {
    let mut lines = vec![words::template_fields()];
    for question in Question::ALL {
        let choices = neutral::terminal_line(&listed(&pack.choices(question))).into_owned();
        lines.push(format!(
            "  {}: {choices}",
            words::template_key(question.key())
        ));
    }
    lines
}

/// The empty field lines the draft ends with, keyed in the interface language.
pub fn template_body() -> String {
    Question::ALL
        .iter()
        .map(|question| format!("{}: \n", words::template_key(question.key())))
        .collect()
}

/// What the field lines of a draft said.
#[derive(Debug, Default)]
pub struct TemplateFields {
    pub rating: Rating,
    /// One line per value that named no choice (for the person).
    pub notes: Vec<String>,
}

/// Splits the field lines off `text` (a draft without its comments) and reads them in
/// the words of `pack`, then of any loaded pack.
pub fn take_fields(text: &str, packs: &PackSet, pack: Option<&Pack>) -> (String, TemplateFields) {
    let lines: Vec<&str> = text.lines().collect();
    // A block is consecutive field lines, after any blank lines.
    let block = |lines: &mut dyn Iterator<Item = &&str>| {
        let mut blank = 0;
        let mut fields = 0;
        for line in lines {
            match (line.trim().is_empty(), field(line).is_some()) {
                (true, _) if fields == 0 => blank += 1,
                (false, true) => fields += 1,
                _ => break,
            }
        }
        if fields == 0 {
            0
        } else {
            blank + fields
        }
    };
    let start = block(&mut lines.iter());
    let end = lines.len() - block(&mut lines[start..].iter().rev());
    let mut fields = TemplateFields::default();
    let mut from = None;
    for line in lines[..start].iter().chain(&lines[end..]) {
        let Some((question, value)) = field(line) else {
            continue;
        };
        if value.is_empty() {
            continue;
        }
        match packs.answer(pack, question, value) {
            Ok(Answer::From(origin)) => from = Some(origin),
            Ok(answer) => fields.rating.set(answer),
            Err(_) => fields.notes.push(words::template_unknown(
                question.key(),
                &neutral::terminal_line(value),
            )),
        }
    }
    // A transfer the level rules out is dropped, and asked again if it can be.
    let mut with_from = fields.rating;
    with_from.from = from;
    match with_from.check() {
        Ok(()) => fields.rating = with_from,
        Err(why) => fields.notes.push(why),
    }
    let body = crate::draft::clean_text(&lines[start..end].join("\n"));
    (body, fields)
}

/// `key: value` with a known key (in any of its languages); the value trimmed.
fn field(line: &str) -> Option<(Question, &str)> {
    let (key, value) = line.split_once(':')?;
    let (name, _) = words::TEMPLATE_KEYS
        .iter()
        .find(|(_, names)| names.iter().any(|n| same_word(n, key)))?;
    Some((Question::from_key(name)?, value.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{Depth, Level, Origin, Placement};

    fn packs() -> PackSet {
        let loaded = crate::pack::load_packs(&Default::default()).expect("the shipped packs load");
        PackSet::new(loaded.packs)
    }

    #[test]
    fn filled_fields_are_taken_out_and_read() {
        let packs = packs();
        let draft =
            "level: red\n\nWe met.\nlevel: this line is text\n\nfrom: programme\ndepth: 3\n";
        let (text, fields) = take_fields(draft, &packs, None);
        assert_eq!(text, "We met.\nlevel: this line is text");
        assert_eq!(fields.rating.level, Some(Placement::At(Level::Network)));
        assert_eq!(fields.rating.from, Some(Origin::Programme));
        assert_eq!(fields.rating.depth, Some(Depth::Sharing));
        assert!(fields.notes.is_empty());
    }

    #[test]
    fn empty_and_unknown_fields_are_left_to_the_questions() {
        let packs = packs();
        let (text, fields) = take_fields(
            &format!(
                "Words.\n\n{}",
                template_body().replace("depth: ", "profundidad: galaxia")
            ),
            &packs,
            None,
        );
        assert_eq!(text, "Words.");
        assert!(fields.rating.is_empty());
        assert_eq!(fields.notes.len(), 1, "{:?}", fields.notes);
        let (_, fields) = take_fields("x\nlevel: school\nfrom: school", &packs, None);
        assert_eq!(fields.rating.from, None);
        assert_eq!(fields.notes.len(), 1);
    }
}
