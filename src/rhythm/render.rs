//! The rhythm as text: a bar per week, the streaks, quiet themes, and a calendar heat
//! map (a column per week, a row per weekday). Unicode blocks, or plain ASCII when
//! asked (`--color never`, `TERM=dumb`).

use chrono::{Datelike, Duration};

use super::{Rhythm, CALENDAR_WEEKS, CHART_WEEKS, QUIET_WEEKS};
use crate::t;

/// The widest a weekly bar gets.
const BAR_WIDTH: usize = 24;

/// Shades of a calendar day by entry count: 0, 1, 2, 3, 4 or more.
const UNICODE_SHADES: [char; 5] = ['·', '░', '▒', '▓', '█'];
const ASCII_SHADES: [char; 5] = ['.', '-', '+', '*', '#'];

/// The whole `reflect stats` text. `title(pack, theme)` names a theme.
pub fn text(rhythm: &Rhythm, ascii: bool, title: &dyn Fn(&str, &str) -> String) -> String {
    let mut out = String::new();
    weekly_chart(&mut out, rhythm, ascii);
    out.push('\n');
    out.push_str(&t!(
        "stats-streaks",
        current = rhythm.streaks.current,
        longest = rhythm.streaks.longest
    ));
    out.push_str("\n\n");
    quiet_themes(&mut out, rhythm, title);
    out.push('\n');
    calendar(&mut out, rhythm, ascii);
    out
}

fn weekly_chart(out: &mut String, rhythm: &Rhythm, ascii: bool) {
    out.push_str(&t!("stats-weeks-heading", weeks = CHART_WEEKS));
    out.push('\n');
    let most = rhythm.weeks.iter().map(|w| w.entries).max().unwrap_or(0);
    let block = if ascii { '#' } else { '█' };
    for week in &rhythm.weeks {
        let width = if most <= BAR_WIDTH {
            week.entries
        } else {
            // At least one mark for a week with any entry.
            (week.entries * BAR_WIDTH).div_ceil(most)
        };
        let bar: String = std::iter::repeat_n(block, width).collect();
        out.push_str(&format!(
            "  {}  {bar:<BAR_WIDTH$}  {}\n",
            week.week, week.entries
        ));
    }
}

fn quiet_themes(out: &mut String, rhythm: &Rhythm, title: &dyn Fn(&str, &str) -> String) {
    if rhythm.quiet_themes.is_empty() {
        out.push_str(&t!("stats-no-quiet-themes", weeks = QUIET_WEEKS));
        out.push('\n');
        return;
    }
    out.push_str(&t!("stats-quiet-heading", weeks = QUIET_WEEKS));
    out.push('\n');
    for quiet in &rhythm.quiet_themes {
        out.push_str("  ");
        out.push_str(&t!(
            "stats-quiet-theme",
            theme = title(&quiet.pack, &quiet.theme),
            last = quiet.last.to_string()
        ));
        out.push('\n');
    }
}

fn calendar(out: &mut String, rhythm: &Rhythm, ascii: bool) {
    let calendar = &rhythm.calendar;
    out.push_str(&t!(
        "stats-calendar-heading",
        from = calendar.from.to_string(),
        to = calendar.to.to_string()
    ));
    out.push('\n');
    let shades = if ascii { ASCII_SHADES } else { UNICODE_SHADES };
    let labels = [
        t!("stats-weekday-mon"),
        String::new(),
        t!("stats-weekday-wed"),
        String::new(),
        t!("stats-weekday-fri"),
        String::new(),
        t!("stats-weekday-sun"),
    ];
    let label_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    for (weekday, label) in labels.iter().enumerate() {
        let mut row = format!("  {label:<label_width$} ");
        for column in 0..CALENDAR_WEEKS {
            let day = calendar.from + Duration::weeks(column) + Duration::days(weekday as i64);
            if day > calendar.to {
                break;
            }
            let count = calendar.days.get(&day).copied().unwrap_or(0);
            row.push(shades[count.min(shades.len() - 1)]);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    let legend: Vec<String> = shades
        .iter()
        .enumerate()
        .map(|(count, shade)| match count {
            4 => format!("{shade} 4+"),
            _ => format!("{shade} {count}"),
        })
        .collect();
    out.push_str(&format!("  {:label_width$} {}\n", "", legend.join("  ")));
    debug_assert_eq!(calendar.from.weekday(), chrono::Weekday::Mon);
}

#[cfg(test)]
mod tests {
    use super::super::Mark;
    use super::*;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_heat_map_has_a_row_per_weekday_and_shades_by_count() {
        let marks = ["2026-11-23", "2026-11-23", "2026-11-22", "2026-06-01"]
            .iter()
            .map(|day| Mark {
                day: d(day),
                theme: None,
            });
        let rhythm = Rhythm::new(marks, d("2026-11-23"));
        let mut out = String::new();
        calendar(&mut out, &rhythm, false);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 9, "{out}");
        // Monday row: 1 on the first column, 2 today (the last column).
        assert!(lines[1].starts_with("  Mon ░"), "{out}");
        assert!(lines[1].ends_with('▒'), "{out}");
        assert_eq!(
            lines[1].chars().filter(|c| "·░▒▓█".contains(*c)).count(),
            26
        );
        // Sunday row: the current week's Sunday has not come.
        assert!(lines[7].ends_with('░'), "{out}");
        assert_eq!(
            lines[7].chars().filter(|c| "·░▒▓█".contains(*c)).count(),
            25
        );
        let mut ascii = String::new();
        calendar(&mut ascii, &rhythm, true);
        assert!(ascii.is_ascii(), "{ascii}");
    }

    #[test]
    fn bars_scale_down_past_the_width() {
        let marks = (0..48).map(|_| Mark {
            day: d("2026-11-23"),
            theme: None,
        });
        let rhythm = Rhythm::new(
            marks.chain([Mark {
                day: d("2026-11-16"),
                theme: None,
            }]),
            d("2026-11-23"),
        );
        let mut out = String::new();
        weekly_chart(&mut out, &rhythm, true);
        let last = out.lines().last().unwrap();
        assert_eq!(last.matches('#').count(), BAR_WIDTH, "{out}");
        let before = out.lines().nth(CHART_WEEKS - 1).unwrap();
        assert_eq!(before.matches('#').count(), 1, "{out}");
    }
}
