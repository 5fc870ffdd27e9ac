//! How regularly a leader writes: entries per week, streaks of weeks with an entry,
//! themes left quiet, and a calendar of days. Pure: everything is computed from the
//! entries' days and a `today` passed in, so tests fix it. Weeks start on Monday.
//! [`render`] draws the text chart and the heat map.

pub mod render;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

/// How many weeks the weekly chart shows.
pub const CHART_WEEKS: usize = 12;
/// A theme is quiet when its last entry is this many weeks old or older.
pub const QUIET_WEEKS: i64 = 8;
/// How many weeks the calendar heat map covers (about six months).
pub const CALENDAR_WEEKS: i64 = 26;

/// What one entry tells the rhythm: its day and, when it answers a prompt, its theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub day: NaiveDate,
    /// `(pack id, theme id)` of an answered prompt.
    pub theme: Option<(String, String)>,
}

/// Entries in one week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Week {
    /// The Monday the week starts on.
    pub week: NaiveDate,
    pub entries: usize,
}

/// Consecutive weeks with at least one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Streaks {
    /// Ending this week, or last week when this week has no entry yet (the week is
    /// not over).
    pub current: usize,
    pub longest: usize,
}

/// A theme with no entry for [`QUIET_WEEKS`] weeks or more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuietTheme {
    pub pack: String,
    pub theme: String,
    /// The day of its latest entry.
    pub last: NaiveDate,
}

/// Entries per day over the calendar's weeks (days with none are left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Calendar {
    /// The Monday of the first column.
    pub from: NaiveDate,
    /// Today: the last day shown.
    pub to: NaiveDate,
    pub days: BTreeMap<NaiveDate, usize>,
}

/// Everything `reflect stats` shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rhythm {
    pub today: NaiveDate,
    /// The last [`CHART_WEEKS`] weeks, oldest first, this week last.
    pub weeks: Vec<Week>,
    pub streaks: Streaks,
    /// Oldest last entry first.
    pub quiet_themes: Vec<QuietTheme>,
    pub calendar: Calendar,
}

/// The Monday of `day`'s week.
pub fn week_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(day.weekday().num_days_from_monday().into())
}

impl Rhythm {
    /// Computes the rhythm of `marks` as seen on `today`. Days after today (entries
    /// written with `--allow-future`) are left out: they have not happened.
    pub fn new(marks: impl IntoIterator<Item = Mark>, today: NaiveDate) -> Rhythm {
        let this_week = week_of(today);
        let mut per_week: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        let mut per_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        let mut theme_last: BTreeMap<(String, String), NaiveDate> = BTreeMap::new();
        let from = this_week - Duration::weeks(CALENDAR_WEEKS - 1);
        for mark in marks {
            if mark.day > today {
                continue;
            }
            *per_week.entry(week_of(mark.day)).or_default() += 1;
            if mark.day >= from {
                *per_day.entry(mark.day).or_default() += 1;
            }
            if let Some(theme) = mark.theme {
                let last = theme_last.entry(theme).or_insert(mark.day);
                *last = (*last).max(mark.day);
            }
        }

        let weeks = (0..CHART_WEEKS as i64)
            .rev()
            .map(|back| {
                let week = this_week - Duration::weeks(back);
                Week {
                    week,
                    entries: per_week.get(&week).copied().unwrap_or(0),
                }
            })
            .collect();

        let quiet_since = today - Duration::weeks(QUIET_WEEKS);
        let mut quiet_themes: Vec<QuietTheme> = theme_last
            .into_iter()
            .filter(|(_, last)| *last <= quiet_since)
            .map(|((pack, theme), last)| QuietTheme { pack, theme, last })
            .collect();
        quiet_themes.sort_by(|a, b| (a.last, &a.pack, &a.theme).cmp(&(b.last, &b.pack, &b.theme)));

        Rhythm {
            today,
            weeks,
            streaks: streaks(&per_week.keys().copied().collect(), this_week),
            quiet_themes,
            calendar: Calendar {
                from,
                to: today,
                days: per_day,
            },
        }
    }
}

/// Streaks over the set of weeks (Mondays) that have an entry.
fn streaks(weeks: &BTreeSet<NaiveDate>, this_week: NaiveDate) -> Streaks {
    let mut longest = 0;
    let mut run = 0;
    let mut previous: Option<NaiveDate> = None;
    for &week in weeks {
        run = match previous {
            Some(before) if week - before == Duration::weeks(1) => run + 1,
            _ => 1,
        };
        longest = longest.max(run);
        previous = Some(week);
    }
    let mut week = if weeks.contains(&this_week) {
        this_week
    } else {
        this_week - Duration::weeks(1)
    };
    let mut current = 0;
    while weeks.contains(&week) {
        current += 1;
        week -= Duration::weeks(1);
    }
    Streaks { current, longest }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn marks(days: &[&str]) -> Vec<Mark> {
        days.iter()
            .map(|day| Mark {
                day: d(day),
                theme: None,
            })
            .collect()
    }

    // Monday 23 November 2026.
    const TODAY: &str = "2026-11-23";

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_of(d("2026-11-29")), d("2026-11-23"));
        assert_eq!(week_of(d("2026-11-23")), d("2026-11-23"));
        assert_eq!(week_of(d("2026-11-22")), d("2026-11-16"));
    }

    #[test]
    fn the_chart_counts_the_last_twelve_weeks() {
        let rhythm = Rhythm::new(
            marks(&[
                "2026-11-23",
                "2026-11-22",
                "2026-11-16",
                "2026-09-06",
                "2026-09-07",
            ]),
            d(TODAY),
        );
        assert_eq!(rhythm.weeks.len(), CHART_WEEKS);
        assert_eq!(rhythm.weeks[0].week, d("2026-09-07"));
        assert_eq!(rhythm.weeks[0].entries, 1, "2026-09-06 is the week before");
        assert_eq!(rhythm.weeks[10].entries, 2);
        assert_eq!(rhythm.weeks[11].week, d(TODAY));
        assert_eq!(rhythm.weeks[11].entries, 1);
    }

    #[test]
    fn the_current_streak_does_not_break_before_the_week_is_over() {
        // Weeks of 9, 16 November, none yet this week.
        let rhythm = Rhythm::new(marks(&["2026-11-10", "2026-11-20"]), d(TODAY));
        assert_eq!(
            rhythm.streaks,
            Streaks {
                current: 2,
                longest: 2
            }
        );
        // A gap of one week ends it.
        let rhythm = Rhythm::new(marks(&["2026-11-10", "2026-11-01"]), d(TODAY));
        assert_eq!(rhythm.streaks.current, 0);
    }

    #[test]
    fn the_longest_streak_may_be_long_ago() {
        let rhythm = Rhythm::new(
            marks(&[
                "2025-01-06",
                "2025-01-13",
                "2025-01-20",
                "2025-01-21",
                "2025-01-27",
                "2026-11-23",
            ]),
            d(TODAY),
        );
        assert_eq!(
            rhythm.streaks,
            Streaks {
                current: 1,
                longest: 4
            }
        );
        assert_eq!(
            Rhythm::new(vec![], d(TODAY)).streaks,
            Streaks {
                current: 0,
                longest: 0
            }
        );
    }

    #[test]
    fn future_days_are_left_out() {
        let rhythm = Rhythm::new(marks(&["2026-11-30", "2026-11-24"]), d(TODAY));
        assert_eq!(rhythm.streaks.longest, 0);
        assert!(rhythm.calendar.days.is_empty());
    }

    #[test]
    fn a_theme_is_quiet_after_eight_weeks() {
        let mark = |day: &str, theme: &str| Mark {
            day: d(day),
            theme: Some(("pack".into(), theme.into())),
        };
        let rhythm = Rhythm::new(
            vec![
                mark("2026-09-28", "trust"),    // exactly 8 weeks ago: quiet
                mark("2026-09-29", "conflict"), // 8 weeks less a day: not quiet
                mark("2026-05-01", "vision"),
                mark("2026-04-01", "vision"),
                mark("2026-03-01", "data"),
                mark("2026-11-20", "data"),
            ],
            d(TODAY),
        );
        let quiet: Vec<(&str, NaiveDate)> = rhythm
            .quiet_themes
            .iter()
            .map(|q| (q.theme.as_str(), q.last))
            .collect();
        assert_eq!(
            quiet,
            vec![("vision", d("2026-05-01")), ("trust", d("2026-09-28"))]
        );
    }

    #[test]
    fn the_calendar_covers_twenty_six_weeks_up_to_today() {
        let rhythm = Rhythm::new(
            marks(&["2026-05-31", "2026-06-01", "2026-06-01", "2026-11-23"]),
            d(TODAY),
        );
        assert_eq!(rhythm.calendar.from, d("2026-06-01"));
        assert_eq!(rhythm.calendar.to, d(TODAY));
        let days: Vec<_> = rhythm.calendar.days.into_iter().collect();
        assert_eq!(days, vec![(d("2026-06-01"), 2), (d(TODAY), 1)]);
    }
}
