//! Dates as people type them: `2026-11-20`, `today`, `yesterday`, `3 days ago`,
//! `last month`, `monday`. Always relative to a `today` passed in, so tests can fix it.
//!
//! Written by hand rather than with a natural-language date crate: the grammar is
//! small, and its meaning for `--since`/`--until` is ours to document exactly.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

/// The first and last years a date may have.
pub const MIN_YEAR: i32 = 1000;
pub const MAX_YEAR: i32 = 9999;

pub fn year_in_range(year: i64) -> bool {
    (i64::from(MIN_YEAR)..=i64::from(MAX_YEAR)).contains(&year)
}

/// Parses a day. Accepted forms (case-insensitive):
///
/// - `YYYY-MM-DD`
/// - `today`, `yesterday`
/// - `N day(s)|week(s)|month(s)|year(s) ago`
/// - `last week|month|year` (the same as `1 week ago`, ...)
/// - a weekday name (`monday`): the most recent such day, today included
pub fn parse_day(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let phrase = input.trim().to_lowercase();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let parsed = match words.as_slice() {
        [] => None,
        ["today"] | ["now"] => Some(today),
        ["yesterday"] => today.pred_opt(),
        ["last", unit] => shift_back(today, 1, unit),
        [count, unit, "ago"] => count
            .parse::<u32>()
            .ok()
            .and_then(|n| shift_back(today, n, unit)),
        [word] => NaiveDate::parse_from_str(word, "%Y-%m-%d")
            .ok()
            .or_else(|| weekday(word).map(|day| most_recent(today, day))),
        _ => None,
    };
    parsed.ok_or_else(|| {
        format!(
            "cannot read the date '{}' (try 2026-11-20, today, yesterday, '3 days ago', 'last month' or a weekday)",
            input.escape_default()
        )
    })
}

fn shift_back(today: NaiveDate, n: u32, unit: &str) -> Option<NaiveDate> {
    match unit.trim_end_matches('s') {
        "day" => today.checked_sub_signed(Duration::days(n.into())),
        "week" => today.checked_sub_signed(Duration::weeks(n.into())),
        "month" => today.checked_sub_months(Months::new(n)),
        "year" => today.checked_sub_months(Months::new(n.checked_mul(12)?)),
        _ => None,
    }
}

fn weekday(word: &str) -> Option<Weekday> {
    word.parse::<Weekday>().ok()
}

fn most_recent(today: NaiveDate, day: Weekday) -> NaiveDate {
    let back = (7 + today.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    today - Duration::days(back.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn phrases_are_relative_to_today() {
        let today = day("2026-11-23"); // a Monday
        assert_eq!(parse_day("2026-11-20", today).unwrap(), day("2026-11-20"));
        assert_eq!(parse_day("Yesterday", today).unwrap(), day("2026-11-22"));
        assert_eq!(parse_day("3 days ago", today).unwrap(), day("2026-11-20"));
        assert_eq!(parse_day("1 week ago", today).unwrap(), day("2026-11-16"));
        assert_eq!(parse_day("last month", today).unwrap(), day("2026-10-23"));
        assert_eq!(parse_day("2 years ago", today).unwrap(), day("2024-11-23"));
        assert_eq!(parse_day("monday", today).unwrap(), today);
        assert_eq!(parse_day("friday", today).unwrap(), day("2026-11-20"));
    }

    #[test]
    fn nonsense_is_an_error_naming_the_input() {
        let err = parse_day("next blue moon", day("2026-11-23")).unwrap_err();
        assert!(err.contains("next blue moon"));
        assert!(parse_day("2026-02-30", day("2026-11-23")).is_err());
    }
}
