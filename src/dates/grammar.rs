//! The one date grammar: language-free tokens (see [`super::words`]) to a span of
//! days, relative to a `today` passed in.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use super::words::{Token, Unit};
use super::{year_in_range, Precision, Span};

/// Why tokens did not make a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Miss {
    /// No rule matches.
    NoRule,
    /// The rule matched but the day is not in the calendar (`2026-02-30`).
    NotADay,
    /// The date falls outside the accepted years; the year it would have.
    Year(i64),
    /// Counting took the date outside the accepted years.
    Range,
}

pub fn span(tokens: &[Token], today: NaiveDate) -> Result<Span, Miss> {
    use Token::*;
    let day = |d: Option<NaiveDate>| d.map(Span::day).ok_or(Miss::Range);
    match tokens {
        [Today] => Ok(Span::day(today)),
        [Yesterday] => day(today.checked_sub_signed(Duration::days(1))),
        [Tomorrow] => day(today.checked_add_signed(Duration::days(1))),
        [BeforeYesterday] | [Before, Yesterday] | [Unit(self::Unit::Day), Before, Yesterday] => {
            day(today.checked_sub_signed(Duration::days(2)))
        }
        // "pasado mañana", "the day after tomorrow"
        [Last, Tomorrow] | [Unit(self::Unit::Day), After, Tomorrow] => {
            day(today.checked_add_signed(Duration::days(2)))
        }
        // "3 days ago", "a week ago", "hace 3 días", "hace una semana"
        [n, Unit(unit), Ago] | [Ago, n, Unit(unit)] => {
            let n = count(n).ok_or(Miss::NoRule)?;
            day(shift(today, *unit, -i64::from(n)))
        }
        // "in 3 days", "dentro de una semana"
        [In, n, Unit(unit)] => {
            let n = count(n).ok_or(Miss::NoRule)?;
            day(shift(today, *unit, i64::from(n)))
        }
        // "last week", "la semana pasada", "el mes pasado": one unit back.
        [Last, Unit(unit)] | [Unit(unit), Last] => day(shift(today, *unit, -1)),
        [Next, Unit(unit)] | [Unit(unit), Next] => day(shift(today, *unit, 1)),
        // "monday", "el lunes": the most recent, today included.
        [Name {
            weekday: Some(w), ..
        }] => Ok(Span::day(weekday_back(today, *w, 0))),
        // "last monday", "el lunes pasado": strictly before today.
        [Last, Name {
            weekday: Some(w), ..
        }]
        | [Name {
            weekday: Some(w), ..
        }, Last] => Ok(Span::day(weekday_back(today, *w, 1))),
        // "next monday", "el próximo lunes", "el lunes que viene".
        [Next, Name {
            weekday: Some(w), ..
        }]
        | [Name {
            weekday: Some(w), ..
        }, Next] => Ok(Span::day(weekday_ahead(today, *w))),
        _ => calendar(tokens, today),
    }
}

/// Dates by the calendar: month names, day numbers, years, numeric dates. A
/// leading weekday ("Monday, June 9 2013") is allowed before a full day.
fn calendar(tokens: &[Token], today: NaiveDate) -> Result<Span, Miss> {
    use Token::*;
    if let [Name {
        weekday: Some(_), ..
    }, rest @ ..] = tokens
    {
        if !rest.is_empty() {
            if let Ok(span) = calendar(rest, today) {
                if span.precision == Precision::Day {
                    return Ok(span);
                }
            }
        }
    }
    match tokens {
        [Numeric { year, month, day }] => match (year, day) {
            (Some(y), Some(d)) => ymd(*y, *month, *d),
            (Some(y), None) => month_span(*y, *month),
            (None, Some(d)) => recent_day(today, *month, *d),
            (None, None) => Err(Miss::NoRule),
        },
        [y @ Number { .. }] => Ok(Span::year(year(y)?)),
        [m @ Name { .. }] => {
            let m = month(m)?;
            let year = if m <= today.month() {
                today.year()
            } else {
                today.year() - 1
            };
            month_span(i64::from(year), m)
        }
        // "june 2013", "junio de 2013", "feb 2013"
        [m, y] if month(m).is_ok() && year_like(y) => month_span(year(y)?, month(m)?),
        // "june 9", "9 de junio"
        [m, d] if month(m).is_ok() && day_number(d).is_some() => {
            recent_day(today, month(m)?, day_number(d).unwrap_or(0))
        }
        [d, m] if month(m).is_ok() && day_number(d).is_some() => {
            recent_day(today, month(m)?, day_number(d).unwrap_or(0))
        }
        // "june 9 2013", "Sep 06 1969", "23 July 2013", "23 de julio de 2013"
        [m, d, y] | [d, m, y] if month(m).is_ok() && day_number(d).is_some() => {
            ymd(year(y)?, month(m)?, day_number(d).unwrap_or(0))
        }
        _ => Err(Miss::NoRule),
    }
}

/// A count: a number word or plain digits.
fn count(token: &Token) -> Option<u32> {
    match token {
        Token::Count(n) => Some(*n),
        Token::Number { value, .. } => Some(*value),
        _ => None,
    }
}

fn month(token: &Token) -> Result<u32, Miss> {
    match token {
        Token::Name { month: Some(m), .. } => Ok(*m),
        _ => Err(Miss::NoRule),
    }
}

/// A day of the month: one or two digits.
fn day_number(token: &Token) -> Option<u32> {
    match token {
        Token::Number { value, digits } if *digits <= 2 && (1..=31).contains(value) => Some(*value),
        _ => None,
    }
}

fn year_like(token: &Token) -> bool {
    matches!(token, Token::Number { digits, .. } if *digits >= 3)
}

/// A year: three or more digits (only four-digit years in range are accepted).
fn year(token: &Token) -> Result<i64, Miss> {
    match token {
        Token::Number { value, digits } if *digits >= 3 => {
            let year = i64::from(*value);
            if *digits == 4 && year_in_range(year) {
                Ok(year)
            } else {
                Err(Miss::Year(year))
            }
        }
        _ => Err(Miss::NoRule),
    }
}

fn ymd(year: i64, month: u32, day: u32) -> Result<Span, Miss> {
    if !year_in_range(year) {
        return Err(Miss::Year(year));
    }
    NaiveDate::from_ymd_opt(year as i32, month, day)
        .map(Span::day)
        .ok_or(Miss::NotADay)
}

fn month_span(year: i64, month: u32) -> Result<Span, Miss> {
    if !year_in_range(year) {
        return Err(Miss::Year(year));
    }
    Span::month(year as i32, month).ok_or(Miss::NotADay)
}

/// A day without a year: this year's if it has come, else last year's (going
/// further back for 29 February).
fn recent_day(today: NaiveDate, month: u32, day: u32) -> Result<Span, Miss> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(Miss::NotADay);
    }
    for year in (today.year() - 8..=today.year()).rev() {
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
            if date <= today {
                return Ok(Span::day(date));
            }
        }
    }
    Err(Miss::NotADay)
}

/// `today` moved by `n` units (negative: back).
fn shift(today: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    let months = |k: i64| -> Option<NaiveDate> {
        let m = Months::new(u32::try_from(k.unsigned_abs()).ok()?);
        if k < 0 {
            today.checked_sub_months(m)
        } else {
            today.checked_add_months(m)
        }
    };
    let date = match unit {
        Unit::Day => today.checked_add_signed(Duration::try_days(n)?),
        Unit::Week => today.checked_add_signed(Duration::try_weeks(n)?),
        Unit::Month => months(n),
        Unit::Year => months(n.checked_mul(12)?),
    }?;
    year_in_range(i64::from(date.year())).then_some(date)
}

/// The most recent `day` at least `min_back` days before today.
fn weekday_back(today: NaiveDate, day: Weekday, min_back: u32) -> NaiveDate {
    let back = (7 + today.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    let back = if back < min_back { back + 7 } else { back };
    today - Duration::days(back.into())
}

/// The next `day` strictly after today.
fn weekday_ahead(today: NaiveDate, day: Weekday) -> NaiveDate {
    let ahead = (7 + day.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
    let ahead = if ahead == 0 { 7 } else { ahead };
    today + Duration::days(ahead.into())
}
