//! Calendar periods for `--by week|month|quarter`: ISO weeks (`2026-W47`), months
//! (`2026-11`) and quarters (`2026-Q4`), each identified by its first day so that
//! periods sort, step and label without any lookup table.

use chrono::{Datelike, Days, Months, NaiveDate};

/// A calendar period a series of counts is split into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// An ISO 8601 week, Monday to Sunday.
    Week,
    Month,
    Quarter,
}

impl Period {
    /// The first day of the period containing `date` (a Monday for weeks).
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        match self {
            Period::Week => {
                let back = u64::from(date.weekday().num_days_from_monday());
                date.checked_sub_days(Days::new(back)).unwrap_or(date)
            }
            Period::Month => date.with_day(1).unwrap_or(date),
            Period::Quarter => {
                let month = (date.month0() / 3) * 3 + 1;
                NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date)
            }
        }
    }

    /// The first day of the next period, given the first day of one (`None` past the
    /// end of the calendar).
    pub fn next(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Period::Week => start.checked_add_days(Days::new(7)),
            Period::Month => start.checked_add_months(Months::new(1)),
            Period::Quarter => start.checked_add_months(Months::new(3)),
        }
    }

    /// The last day of the period starting on `start`.
    pub fn end(self, start: NaiveDate) -> NaiveDate {
        self.next(start)
            .and_then(|next| next.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }

    /// `2026-W47`, `2026-11` or `2026-Q4` for the period starting on `start`.
    pub fn label(self, start: NaiveDate) -> String {
        match self {
            Period::Week => {
                let week = start.iso_week();
                format!("{}-W{:02}", week.year(), week.week())
            }
            Period::Month => format!("{}-{:02}", start.year(), start.month()),
            Period::Quarter => format!("{}-Q{}", start.year(), start.month0() / 3 + 1),
        }
    }

    /// The lowercase name used in JSON and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn weeks_follow_iso_8601() {
        // 2026-11-23 is a Monday in ISO week 48.
        assert_eq!(Period::Week.start_of(day("2026-11-29")), day("2026-11-23"));
        assert_eq!(Period::Week.label(day("2026-11-23")), "2026-W48");
        // 2027-01-01 is a Friday: it belongs to 2026-W53.
        let start = Period::Week.start_of(day("2027-01-01"));
        assert_eq!(start, day("2026-12-28"));
        assert_eq!(Period::Week.label(start), "2026-W53");
        assert_eq!(Period::Week.end(start), day("2027-01-03"));
    }

    #[test]
    fn months_and_quarters_step_by_the_calendar() {
        assert_eq!(Period::Month.start_of(day("2026-02-28")), day("2026-02-01"));
        assert_eq!(Period::Month.end(day("2026-02-01")), day("2026-02-28"));
        assert_eq!(Period::Month.label(day("2026-02-01")), "2026-02");
        assert_eq!(
            Period::Quarter.start_of(day("2026-11-23")),
            day("2026-10-01")
        );
        assert_eq!(Period::Quarter.label(day("2026-10-01")), "2026-Q4");
        assert_eq!(
            Period::Quarter.next(day("2026-10-01")),
            Some(day("2027-01-01"))
        );
        assert_eq!(Period::Quarter.end(day("2026-10-01")), day("2026-12-31"));
    }
}
