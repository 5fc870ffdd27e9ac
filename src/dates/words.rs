//! The word tables of the date grammar, one per language, and the tokenizer that
//! turns a phrase into language-free tokens. Words are matched folded (without
//! case or accents), so `Miércoles`, `miercoles` and `mié.` are the same word.

use chrono::Weekday;

use crate::i18n::Lang;
use crate::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// What a word or number means to the grammar, whatever the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    Today,
    Yesterday,
    BeforeYesterday,
    Tomorrow,
    /// `ago` (after the amount) or `hace` (before it).
    Ago,
    /// `in` / `dentro de` / `en`: forward.
    In,
    /// `last`, `pasado`: one back.
    Last,
    /// `next`, `próximo`: one forward.
    Next,
    /// `before` / `antes` (in "the day before yesterday", "antes de ayer").
    Before,
    /// `after` (in "the day after tomorrow").
    After,
    Unit(Unit),
    /// A number written as a word: `a`, `one`, `una`, `tres`.
    Count(u32),
    /// A name that may be a month, a weekday or both (Spanish `mar`).
    Name {
        month: Option<u32>,
        weekday: Option<Weekday>,
    },
    /// Digits: `9`, `09`, `2013`, `9th`, `1º`.
    Number {
        value: u32,
        digits: usize,
    },
    /// `2026-12-02`, `2/12/2026`, `12/2`, `2026-12`: numbers in the order of the
    /// language, already placed as year, month and day.
    Numeric {
        year: Option<i64>,
        month: u32,
        day: Option<u32>,
    },
}

/// Which order numeric dates follow: month first in English, day first in Spanish.
fn day_first(lang: Lang) -> bool {
    match lang {
        Lang::En => false,
        Lang::Es => true,
    }
}

const MONTHS_EN: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const MONTHS_ES: &[(&str, u32)] = &[
    ("enero", 1),
    ("ene", 1),
    ("febrero", 2),
    ("feb", 2),
    ("marzo", 3),
    ("mar", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("may", 5),
    ("junio", 6),
    ("jun", 6),
    ("julio", 7),
    ("jul", 7),
    ("agosto", 8),
    ("ago", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("sept", 9),
    ("sep", 9),
    ("set", 9),
    ("octubre", 10),
    ("oct", 10),
    ("noviembre", 11),
    ("nov", 11),
    ("diciembre", 12),
    ("dic", 12),
];

const WEEKDAYS_EN: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("mon", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("tue", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("wed", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thu", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("fri", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sat", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("sun", Weekday::Sun),
];

const WEEKDAYS_ES: &[(&str, Weekday)] = &[
    ("lunes", Weekday::Mon),
    ("lun", Weekday::Mon),
    ("martes", Weekday::Tue),
    ("mar", Weekday::Tue),
    ("miercoles", Weekday::Wed),
    ("mie", Weekday::Wed),
    ("jueves", Weekday::Thu),
    ("jue", Weekday::Thu),
    ("viernes", Weekday::Fri),
    ("vie", Weekday::Fri),
    ("sabado", Weekday::Sat),
    ("sab", Weekday::Sat),
    ("domingo", Weekday::Sun),
    ("dom", Weekday::Sun),
];

/// Every other word of a language; fillers map to `None` and are skipped.
const WORDS_EN: &[(&str, Option<Token>)] = &[
    ("today", Some(Token::Today)),
    ("now", Some(Token::Today)),
    ("yesterday", Some(Token::Yesterday)),
    ("tomorrow", Some(Token::Tomorrow)),
    ("ago", Some(Token::Ago)),
    ("in", Some(Token::In)),
    ("last", Some(Token::Last)),
    ("previous", Some(Token::Last)),
    ("next", Some(Token::Next)),
    ("coming", Some(Token::Next)),
    ("before", Some(Token::Before)),
    ("after", Some(Token::After)),
    ("day", Some(Token::Unit(Unit::Day))),
    ("days", Some(Token::Unit(Unit::Day))),
    ("week", Some(Token::Unit(Unit::Week))),
    ("weeks", Some(Token::Unit(Unit::Week))),
    ("month", Some(Token::Unit(Unit::Month))),
    ("months", Some(Token::Unit(Unit::Month))),
    ("year", Some(Token::Unit(Unit::Year))),
    ("years", Some(Token::Unit(Unit::Year))),
    ("a", Some(Token::Count(1))),
    ("an", Some(Token::Count(1))),
    ("one", Some(Token::Count(1))),
    ("two", Some(Token::Count(2))),
    ("three", Some(Token::Count(3))),
    ("four", Some(Token::Count(4))),
    ("five", Some(Token::Count(5))),
    ("six", Some(Token::Count(6))),
    ("seven", Some(Token::Count(7))),
    ("eight", Some(Token::Count(8))),
    ("nine", Some(Token::Count(9))),
    ("ten", Some(Token::Count(10))),
    ("the", None),
    ("of", None),
    ("on", None),
];

const WORDS_ES: &[(&str, Option<Token>)] = &[
    ("hoy", Some(Token::Today)),
    ("ahora", Some(Token::Today)),
    ("ayer", Some(Token::Yesterday)),
    ("anteayer", Some(Token::BeforeYesterday)),
    ("antier", Some(Token::BeforeYesterday)),
    ("antes", Some(Token::Before)),
    ("manana", Some(Token::Tomorrow)),
    ("hace", Some(Token::Ago)),
    ("dentro", Some(Token::In)),
    ("en", None),
    ("pasado", Some(Token::Last)),
    ("pasada", Some(Token::Last)),
    ("anterior", Some(Token::Last)),
    ("proximo", Some(Token::Next)),
    ("proxima", Some(Token::Next)),
    ("siguiente", Some(Token::Next)),
    ("viene", Some(Token::Next)),
    ("dia", Some(Token::Unit(Unit::Day))),
    ("dias", Some(Token::Unit(Unit::Day))),
    ("semana", Some(Token::Unit(Unit::Week))),
    ("semanas", Some(Token::Unit(Unit::Week))),
    ("mes", Some(Token::Unit(Unit::Month))),
    ("meses", Some(Token::Unit(Unit::Month))),
    ("ano", Some(Token::Unit(Unit::Year))),
    ("anos", Some(Token::Unit(Unit::Year))),
    ("un", Some(Token::Count(1))),
    ("una", Some(Token::Count(1))),
    ("uno", Some(Token::Count(1))),
    ("dos", Some(Token::Count(2))),
    ("tres", Some(Token::Count(3))),
    ("cuatro", Some(Token::Count(4))),
    ("cinco", Some(Token::Count(5))),
    ("seis", Some(Token::Count(6))),
    ("siete", Some(Token::Count(7))),
    ("ocho", Some(Token::Count(8))),
    ("nueve", Some(Token::Count(9))),
    ("diez", Some(Token::Count(10))),
    ("de", None),
    ("del", None),
    ("el", None),
    ("la", None),
    ("los", None),
    ("las", None),
    ("que", None),
];

struct Tables {
    months: &'static [(&'static str, u32)],
    weekdays: &'static [(&'static str, Weekday)],
    words: &'static [(&'static str, Option<Token>)],
}

fn tables(lang: Lang) -> Tables {
    match lang {
        Lang::En => Tables {
            months: MONTHS_EN,
            weekdays: WEEKDAYS_EN,
            words: WORDS_EN,
        },
        Lang::Es => Tables {
            months: MONTHS_ES,
            weekdays: WEEKDAYS_ES,
            words: WORDS_ES,
        },
    }
}

/// Why a phrase could not be tokenized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenError {
    /// A word or number the grammar does not know.
    Unknown,
    /// A year outside the accepted range, as written.
    Year(i64),
}

/// Splits a phrase into tokens with the words of `words` and the numeric order
/// of `numbers` (the language in force).
pub fn tokenize(phrase: &str, words: Lang, numbers: Lang) -> Result<Vec<Token>, TokenError> {
    let folded = fold(phrase);
    let tables = tables(words);
    let mut tokens = Vec::new();
    for raw in folded.split(|c: char| c.is_whitespace() || c == ',') {
        let word = raw.trim_end_matches('.');
        if word.is_empty() {
            continue;
        }
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            tokens.push(number(word, day_first(numbers))?);
            continue;
        }
        let month = lookup(tables.months, word);
        let weekday = lookup(tables.weekdays, word);
        if month.is_some() || weekday.is_some() {
            tokens.push(Token::Name { month, weekday });
        } else {
            match lookup(tables.words, word) {
                Some(Some(token)) => tokens.push(token),
                Some(None) => {}
                None => return Err(TokenError::Unknown),
            }
        }
    }
    Ok(tokens)
}

fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// `9`, `09th`, `1º`, `2013`, `2026-12-02`, `2/12/2026`, `12/2`, `2026-12`.
fn number(word: &str, day_first: bool) -> Result<Token, TokenError> {
    if word.contains(['-', '/', '.']) {
        return numeric_date(word, day_first);
    }
    let digits = word.trim_end_matches(|c: char| !c.is_ascii_digit());
    let suffix = &word[digits.len()..];
    let ordinal = [
        "", "st", "nd", "rd", "th", "º", "°", "ª", "o", "a", "ro", "er", "do", "to",
    ];
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !ordinal.contains(&suffix) {
        return Err(TokenError::Unknown);
    }
    let value = digits.parse::<u32>().map_err(|_| TokenError::Unknown)?;
    Ok(Token::Number {
        value,
        digits: digits.len(),
    })
}

fn numeric_date(word: &str, day_first: bool) -> Result<Token, TokenError> {
    let parts: Vec<&str> = word.split(['-', '/', '.']).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 9)
    {
        return Err(TokenError::Unknown);
    }
    let n = |i: usize| parts[i].parse::<u32>().map_err(|_| TokenError::Unknown);
    let year = |i: usize| -> Result<i64, TokenError> {
        let year = i64::from(n(i)?);
        if parts[i].len() == 4 && super::year_in_range(year) {
            Ok(year)
        } else {
            Err(TokenError::Year(year))
        }
    };
    // Year first (ISO): 2026-12-02, 2026-12, 2026/12/02.
    if parts[0].len() >= 3 {
        return match parts.len() {
            2 => Ok(Token::Numeric {
                year: Some(year(0)?),
                month: n(1)?,
                day: None,
            }),
            3 => Ok(Token::Numeric {
                year: Some(year(0)?),
                month: n(1)?,
                day: Some(n(2)?),
            }),
            _ => Err(TokenError::Unknown),
        };
    }
    let (day, month) = if day_first {
        (n(0)?, n(1)?)
    } else {
        (n(1)?, n(0)?)
    };
    match parts.len() {
        2 => Ok(Token::Numeric {
            year: None,
            month,
            day: Some(day),
        }),
        3 => Ok(Token::Numeric {
            year: Some(year(2)?),
            month,
            day: Some(day),
        }),
        _ => Err(TokenError::Unknown),
    }
}
