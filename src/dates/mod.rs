//! Dates as people type them, in English and Spanish, and dates as people read them.
//!
//! One grammar ([`grammar`]) over language-free tokens; each language only brings
//! a word table ([`words`]) and its order for numeric dates (month first in
//! English, day first in Spanish; ISO `2026-12-02` in every language). A phrase is
//! read with the words of the language in force, then with the other language's.
//!
//! A phrase means a [`Span`] of days: a day (`yesterday`, `23 de julio de 2013`),
//! a month (`june 2013`, `junio`) or a year (`2013`). Filters take a span's first
//! day for `--since`, its last for `--until`, all of it for `--on`; `--date` needs
//! a day. Everything is relative to a `today` passed in, so tests fix it.
//!
//! Years outside [`MIN_YEAR`]..=[`MAX_YEAR`] are refused here and, through
//! [`check_year`], at every other door (imports, journal lines).

mod grammar;
mod words;

use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use crate::i18n::{self, Lang};
use crate::t;

/// The first and last years a date may have.
pub const MIN_YEAR: i32 = 1000;
pub const MAX_YEAR: i32 = 9999;

pub fn year_in_range(year: i64) -> bool {
    (i64::from(MIN_YEAR)..=i64::from(MAX_YEAR)).contains(&year)
}

/// Refuses a date whose year is outside [`MIN_YEAR`]..=[`MAX_YEAR`].
pub fn check_year(date: NaiveDate) -> Result<NaiveDate, DateError> {
    if year_in_range(i64::from(date.year())) {
        Ok(date)
    } else {
        Err(DateError::Year {
            input: date.to_string(),
            year: i64::from(date.year()),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// The days a date phrase means, first and last included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub precision: Precision,
}

impl Span {
    pub fn day(day: NaiveDate) -> Span {
        Span {
            first: day,
            last: day,
            precision: Precision::Day,
        }
    }

    /// A calendar month; `None` for a month number outside 1–12.
    pub fn month(year: i32, month: u32) -> Option<Span> {
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let last = first
            .checked_add_months(chrono::Months::new(1))?
            .pred_opt()?;
        Some(Span {
            first,
            last,
            precision: Precision::Month,
        })
    }

    pub fn year(year: i64) -> Span {
        let year = year as i32;
        Span {
            first: NaiveDate::from_ymd_opt(year, 1, 1).expect("year in range"),
            last: NaiveDate::from_ymd_opt(year, 12, 31).expect("year in range"),
            precision: Precision::Year,
        }
    }
}

/// A date that could not be read or is not allowed. Its text quotes the input as
/// typed and is worded in the language in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// No rule of the grammar reads it.
    Unreadable(String),
    /// It names a day the calendar lacks (`2026-02-30`).
    NotADay(String),
    /// Its year is outside the accepted years.
    Year { input: String, year: i64 },
    /// Counting from today leaves the accepted years (`5000 years ago`).
    Range(String),
    /// A month or a year where a day is needed (`--date june`).
    NeedsDay(String),
    /// A day after today where only past days are allowed.
    Future { input: String, today: NaiveDate },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            DateError::Unreadable(input) => t!("date-unreadable", input = input.as_str()),
            DateError::NotADay(input) => t!("date-not-a-day", input = input.as_str()),
            DateError::Year { input, year } => t!(
                "date-year-out-of-range",
                input = input.as_str(),
                year = year.to_string(),
                min = MIN_YEAR.to_string(),
                max = MAX_YEAR.to_string()
            ),
            DateError::Range(input) => t!(
                "date-out-of-range",
                input = input.as_str(),
                min = MIN_YEAR.to_string(),
                max = MAX_YEAR.to_string()
            ),
            DateError::NeedsDay(input) => t!("date-needs-day", input = input.as_str()),
            DateError::Future { input, today } => t!(
                "date-future",
                input = input.as_str(),
                today = today.to_string()
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for DateError {}

/// Reads a date phrase as a span of days, in the language in force.
pub fn parse_span(input: &str, today: NaiveDate) -> Result<Span, DateError> {
    parse_span_in(i18n::lang(), input, today)
}

/// Reads a date phrase with the words of `lang` first, then the other language's;
/// numeric dates always follow `lang`'s order.
pub fn parse_span_in(lang: Lang, input: &str, today: NaiveDate) -> Result<Span, DateError> {
    let mut first_miss = None;
    let others = Lang::ALL.into_iter().filter(|l| *l != lang);
    for words in std::iter::once(lang).chain(others) {
        let miss = match words::tokenize(input, words, lang) {
            Ok(tokens) if !tokens.is_empty() => match grammar::span(&tokens, today) {
                Ok(span) => return Ok(span),
                Err(miss) => miss,
            },
            Ok(_) => grammar::Miss::NoRule,
            Err(words::TokenError::Unknown) => grammar::Miss::NoRule,
            Err(words::TokenError::Year(year)) => grammar::Miss::Year(year),
        };
        // The language in force explains the failure, unless only the other
        // language got as far as a specific complaint.
        if first_miss.is_none() || first_miss == Some(grammar::Miss::NoRule) {
            first_miss = Some(miss);
        }
    }
    let input = input.trim().to_string();
    Err(match first_miss.unwrap_or(grammar::Miss::NoRule) {
        grammar::Miss::NoRule => DateError::Unreadable(input),
        grammar::Miss::NotADay => DateError::NotADay(input),
        grammar::Miss::Year(year) => DateError::Year { input, year },
        grammar::Miss::Range => DateError::Range(input),
    })
}

/// Reads a phrase that must name one day (`--date`): a month or a year alone is
/// refused with a hint.
pub fn parse_day(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    parse_day_in(i18n::lang(), input, today)
}

pub fn parse_day_in(lang: Lang, input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let span = parse_span_in(lang, input, today)?;
    if span.precision == Precision::Day {
        Ok(span.first)
    } else {
        Err(DateError::NeedsDay(input.trim().to_string()))
    }
}

/// Refuses a day after today (for `write` and `edit` without `--allow-future`).
pub fn refuse_future(
    day: NaiveDate,
    input: &str,
    today: NaiveDate,
) -> Result<NaiveDate, DateError> {
    if day > today {
        Err(DateError::Future {
            input: input.trim().to_string(),
            today,
        })
    } else {
        Ok(day)
    }
}

/// Appends `day` as `NaiveDate`'s `Display` writes it (`2026-12-02`), without the
/// formatting machinery: for outputs that write a date per entry.
pub fn write_iso_day(out: &mut Vec<u8>, day: NaiveDate) {
    let year = day.year();
    if !(0..=9999).contains(&year) {
        out.extend_from_slice(day.to_string().as_bytes());
        return;
    }
    let [y0, y1, y2, y3] = digits(year.unsigned_abs());
    let [m0, m1] = digits(day.month());
    let [d0, d1] = digits(day.day());
    out.extend_from_slice(&[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1]);
}

/// The last `N` decimal digits of `n`, zero-padded (a fixed width: the divisions
/// become multiplications).
fn digits<const N: usize>(mut n: u32) -> [u8; N] {
    let mut out = [b'0'; N];
    for digit in out.iter_mut().rev() {
        *digit = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out
}

/// Appends `moment` as chrono's `serde` writes it (RFC 3339: `2026-12-02T09:30:00+01:00`,
/// fractions of a second only when present, `Z` for UTC), without the formatting
/// machinery: exports write one or two per entry.
pub fn write_moment(out: &mut Vec<u8>, moment: &DateTime<FixedOffset>) {
    use chrono::Timelike;
    let local = moment.naive_local();
    let nano = local.nanosecond();
    if !(0..=9999).contains(&local.year()) || nano >= 1_000_000_000 {
        // Far years and leap seconds: chrono's own writer.
        let text = moment.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
        out.extend_from_slice(text.as_bytes());
        return;
    }
    write_iso_day(out, local.date());
    let [h0, h1] = digits(local.hour());
    let [m0, m1] = digits(local.minute());
    let [s0, s1] = digits(local.second());
    out.extend_from_slice(&[b'T', h0, h1, b':', m0, m1, b':', s0, s1]);
    if nano != 0 {
        out.push(b'.');
        if nano.is_multiple_of(1_000_000) {
            out.extend_from_slice(&digits::<3>(nano / 1_000_000));
        } else if nano.is_multiple_of(1_000) {
            out.extend_from_slice(&digits::<6>(nano / 1_000));
        } else {
            out.extend_from_slice(&digits::<9>(nano));
        }
    }
    let offset = moment.offset().local_minus_utc();
    if offset == 0 {
        out.push(b'Z');
        return;
    }
    let sign = if offset < 0 { b'-' } else { b'+' };
    // Seconds of an offset round to the nearest minute, as chrono does.
    let minutes = (offset.unsigned_abs() + 30) / 60;
    let [h0, h1] = digits(minutes / 60);
    let [m0, m1] = digits(minutes % 60);
    out.extend_from_slice(&[sign, h0, h1, b':', m0, m1]);
}

/// A day for prose, in the language in force: `Dec 2, 2026` / `2 dic 2026`.
/// Tables, JSON, CSV and Markdown headings use ISO (`NaiveDate`'s `Display`).
pub fn display_day(day: NaiveDate) -> String {
    display_day_in(i18n::lang(), day)
}

pub fn display_day_in(lang: Lang, day: NaiveDate) -> String {
    let format = match lang {
        Lang::En => "%b %-d, %Y",
        Lang::Es => "%-d %b %Y",
    };
    day.format_localized(format, lang.chrono_locale())
        .to_string()
}

/// A day in full for prose: `Monday 23 November 2026` / `lunes 23 de noviembre de 2026`.
pub fn display_long_day(day: NaiveDate) -> String {
    display_long_day_in(i18n::lang(), day)
}

pub fn display_long_day_in(lang: Lang, day: NaiveDate) -> String {
    let format = match lang {
        Lang::En => "%A %-d %B %Y",
        Lang::Es => "%A %-d de %B de %Y",
    };
    day.format_localized(format, lang.chrono_locale())
        .to_string()
}

/// A month for prose: `December 2026` / `diciembre de 2026`.
pub fn display_month_in(lang: Lang, day: NaiveDate) -> String {
    let format = match lang {
        Lang::En => "%B %Y",
        Lang::Es => "%B de %Y",
    };
    day.format_localized(format, lang.chrono_locale())
        .to_string()
}

#[cfg(test)]
mod tests;
