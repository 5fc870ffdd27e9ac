//! The date grammar, phrase by phrase, in both languages, with a fixed clock:
//! today is Monday 23 November 2026.

use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const TODAY: &str = "2026-11-23";

/// Expected spans: `YYYY-MM-DD` is a day, `YYYY-MM` a month, `YYYY` a year.
fn expected(s: &str) -> Span {
    match s.len() {
        10 => Span::day(d(s)),
        7 => Span::month(s[..4].parse().unwrap(), s[5..].parse().unwrap()).unwrap(),
        4 => Span::year(s.parse().unwrap()),
        _ => panic!("bad expectation {s}"),
    }
}

fn check_table(lang: Lang, table: &[(&str, &str)]) {
    let mut wrong = Vec::new();
    for (phrase, want) in table {
        match parse_span_in(lang, phrase, d(TODAY)) {
            Ok(span) if span == expected(want) => {}
            other => wrong.push(format!("{phrase:?}: want {want}, got {other:?}")),
        }
    }
    assert!(wrong.is_empty(), "{lang}:\n{}", wrong.join("\n"));
}

const ENGLISH: &[(&str, &str)] = &[
    ("today", "2026-11-23"),
    ("Today", "2026-11-23"),
    ("now", "2026-11-23"),
    ("yesterday", "2026-11-22"),
    ("tomorrow", "2026-11-24"),
    ("the day before yesterday", "2026-11-21"),
    ("the day after tomorrow", "2026-11-25"),
    ("3 days ago", "2026-11-20"),
    ("1 day ago", "2026-11-22"),
    ("a day ago", "2026-11-22"),
    ("a week ago", "2026-11-16"),
    ("1 week ago", "2026-11-16"),
    ("2 weeks ago", "2026-11-09"),
    ("three weeks ago", "2026-11-02"),
    ("a month ago", "2026-10-23"),
    ("6 months ago", "2026-05-23"),
    ("a year ago", "2025-11-23"),
    ("2 years ago", "2024-11-23"),
    ("in 3 days", "2026-11-26"),
    ("in a week", "2026-11-30"),
    ("last week", "2026-11-16"),
    ("last month", "2026-10-23"),
    ("last year", "2025-11-23"),
    ("next week", "2026-11-30"),
    ("monday", "2026-11-23"),
    ("Mon", "2026-11-23"),
    ("friday", "2026-11-20"),
    ("fri.", "2026-11-20"),
    ("sunday", "2026-11-22"),
    ("last monday", "2026-11-16"),
    ("last friday", "2026-11-20"),
    ("last sunday", "2026-11-22"),
    ("next monday", "2026-11-30"),
    ("next friday", "2026-11-27"),
    ("june 9 2013", "2013-06-09"),
    ("June 9, 2013", "2013-06-09"),
    ("23 July 2013", "2013-07-23"),
    ("23rd of July 2013", "2013-07-23"),
    ("Sep 06 1969", "1969-09-06"),
    ("Sept. 6, 1969", "1969-09-06"),
    ("Monday, June 9 2014", "2014-06-09"),
    ("May 1st 2020", "2020-05-01"),
    ("the 4th of july 2020", "2020-07-04"),
    ("feb 2013", "2013-02"),
    ("february 2012", "2012-02"),
    ("june 2013", "2013-06"),
    ("june", "2026-06"),
    ("november", "2026-11"),
    ("december", "2025-12"),
    ("jan", "2026-01"),
    ("2013", "2013"),
    ("june 9", "2026-06-09"),
    ("dec 25", "2025-12-25"),
    ("nov 23", "2026-11-23"),
    ("nov 24", "2025-11-24"),
    ("feb 29", "2024-02-29"),
    ("2026-11-20", "2026-11-20"),
    ("2026-02", "2026-02"),
    ("2026/11/20", "2026-11-20"),
    ("11/20/2026", "2026-11-20"),
    ("12/2/2026", "2026-12-02"),
    ("2/12/2026", "2026-02-12"),
    ("12/2", "2025-12-02"),
    ("11-20-2026", "2026-11-20"),
    // Spanish words are understood too; numbers keep the English order.
    ("ayer", "2026-11-22"),
    ("hace 3 días", "2026-11-20"),
];

const SPANISH: &[(&str, &str)] = &[
    ("hoy", "2026-11-23"),
    ("Hoy", "2026-11-23"),
    ("ahora", "2026-11-23"),
    ("ayer", "2026-11-22"),
    ("anteayer", "2026-11-21"),
    ("antier", "2026-11-21"),
    ("antes de ayer", "2026-11-21"),
    ("mañana", "2026-11-24"),
    ("manana", "2026-11-24"),
    ("MAÑANA", "2026-11-24"),
    ("pasado mañana", "2026-11-25"),
    ("hace 3 días", "2026-11-20"),
    ("hace 3 dias", "2026-11-20"),
    ("hace un día", "2026-11-22"),
    ("hace una semana", "2026-11-16"),
    ("hace 2 semanas", "2026-11-09"),
    ("hace tres semanas", "2026-11-02"),
    ("hace un mes", "2026-10-23"),
    ("hace 3 meses", "2026-08-23"),
    ("hace un año", "2025-11-23"),
    ("hace 2 años", "2024-11-23"),
    ("dentro de 3 días", "2026-11-26"),
    ("la semana pasada", "2026-11-16"),
    ("el mes pasado", "2026-10-23"),
    ("el año pasado", "2025-11-23"),
    ("la próxima semana", "2026-11-30"),
    ("la semana que viene", "2026-11-30"),
    ("lunes", "2026-11-23"),
    ("el lunes", "2026-11-23"),
    ("lun", "2026-11-23"),
    ("lun.", "2026-11-23"),
    ("el lunes pasado", "2026-11-16"),
    ("el viernes", "2026-11-20"),
    ("viernes pasado", "2026-11-20"),
    ("vie", "2026-11-20"),
    ("miércoles", "2026-11-18"),
    ("miercoles", "2026-11-18"),
    ("mié", "2026-11-18"),
    ("sábado", "2026-11-21"),
    ("el domingo", "2026-11-22"),
    ("mar", "2026-11-17"),
    ("el próximo lunes", "2026-11-30"),
    ("el lunes que viene", "2026-11-30"),
    ("23 de julio de 2013", "2013-07-23"),
    ("23 de julio del 2013", "2013-07-23"),
    ("23 julio 2013", "2013-07-23"),
    ("1º de julio de 2020", "2020-07-01"),
    ("lunes 9 de junio de 2014", "2014-06-09"),
    ("23 de marzo de 2013", "2013-03-23"),
    ("23 mar 2013", "2013-03-23"),
    ("junio de 2013", "2013-06"),
    ("junio 2013", "2013-06"),
    ("feb 2013", "2013-02"),
    ("enero", "2026-01"),
    ("diciembre", "2025-12"),
    ("septiembre", "2026-09"),
    ("setiembre", "2026-09"),
    ("2013", "2013"),
    ("9 de junio", "2026-06-09"),
    ("25 de diciembre", "2025-12-25"),
    ("2/12/2026", "2026-12-02"),
    ("02/12/2026", "2026-12-02"),
    ("2-12-2026", "2026-12-02"),
    ("2.12.2026", "2026-12-02"),
    ("20/11/2026", "2026-11-20"),
    ("2/12", "2025-12-02"),
    ("2026-12-02", "2026-12-02"),
    ("2026-11", "2026-11"),
    // English words are understood too; numbers keep the Spanish order.
    ("yesterday", "2026-11-22"),
    ("3 days ago", "2026-11-20"),
];

#[test]
fn english_phrases() {
    assert!(ENGLISH.len() >= 50);
    check_table(Lang::En, ENGLISH);
}

#[test]
fn spanish_phrases() {
    assert!(SPANISH.len() >= 50);
    check_table(Lang::Es, SPANISH);
}

#[test]
fn jrnl_phrases_from_the_issue_read_in_english() {
    let today = d(TODAY);
    let day = |p: &str| parse_day_in(Lang::En, p, today).unwrap();
    assert_eq!(day("june 9 2013"), d("2013-06-09"));
    assert_eq!(day("23 July 2013"), d("2013-07-23"));
    assert_eq!(day("Sep 06 1969"), d("1969-09-06"));
    assert_eq!(day("last monday"), d("2026-11-16"));
    assert_eq!(day("a week ago"), d("2026-11-16"));
    assert_eq!(day("3 days ago"), d("2026-11-20"));
    let feb = parse_span_in(Lang::En, "feb 2013", today).unwrap();
    assert_eq!((feb.first, feb.last), (d("2013-02-01"), d("2013-02-28")));
    let june = parse_span_in(Lang::En, "june", today).unwrap();
    assert_eq!((june.first, june.last), (d("2026-06-01"), d("2026-06-30")));
}

#[test]
fn numeric_dates_follow_the_language() {
    let today = d(TODAY);
    assert_eq!(
        parse_day_in(Lang::En, "2/12/2026", today).unwrap(),
        d("2026-02-12")
    );
    assert_eq!(
        parse_day_in(Lang::Es, "2/12/2026", today).unwrap(),
        d("2026-12-02")
    );
    assert_eq!(
        parse_day_in(Lang::En, "2026-12-02", today).unwrap(),
        d("2026-12-02")
    );
    assert_eq!(
        parse_day_in(Lang::Es, "2026-12-02", today).unwrap(),
        d("2026-12-02")
    );
    // Valid only month first: still refused in Spanish, never guessed.
    assert_eq!(
        parse_day_in(Lang::Es, "11/20/2026", today),
        Err(DateError::NotADay("11/20/2026".into()))
    );
}

#[test]
fn a_month_or_year_is_not_a_day() {
    let today = d(TODAY);
    for phrase in ["june", "junio de 2013", "2013", "2026-11"] {
        assert_eq!(
            parse_day_in(Lang::Es, phrase, today),
            Err(DateError::NeedsDay(phrase.into()))
        );
    }
    let err = parse_day_in(Lang::En, "june", today)
        .unwrap_err()
        .to_string();
    assert!(err.contains("\"june\"") && err.contains("--on"), "{err}");
}

#[test]
fn years_outside_the_range_are_refused() {
    let today = d(TODAY);
    let year = |p: &str| match parse_span_in(Lang::En, p, today) {
        Err(DateError::Year { year, .. }) => year,
        other => panic!("{p}: {other:?}"),
    };
    assert_eq!(year("0000-01-01"), 0);
    assert_eq!(year("99999-01-01"), 99999);
    assert_eq!(year("june 99999"), 99999);
    assert_eq!(year("0999"), 999);
    assert_eq!(year("2/12/26"), 26);
    assert!(matches!(
        parse_span_in(Lang::En, "5000 years ago", today),
        Err(DateError::Range(_))
    ));
    assert!(parse_span_in(Lang::En, "9999-12-31", today).is_ok());
    assert!(parse_span_in(Lang::En, "1000-01-01", today).is_ok());
    assert!(check_year(d("0999-12-31")).is_err());
    assert!(check_year(d("1000-01-01")).is_ok());
    let err = check_year(d("0999-12-31")).unwrap_err().to_string();
    assert!(err.contains("999") && err.contains("1000–9999"), "{err}");
}

#[test]
fn errors_quote_the_input_as_typed() {
    let today = d(TODAY);
    let err = parse_span_in(Lang::Es, " mañana por la tarde ", today).unwrap_err();
    assert_eq!(err, DateError::Unreadable("mañana por la tarde".into()));
    let text = err.to_string();
    assert!(text.contains("\"mañana por la tarde\""), "{text}");
    assert!(!text.contains("\\u"), "{text}");
    assert_eq!(
        parse_span_in(Lang::En, "2026-02-30", today),
        Err(DateError::NotADay("2026-02-30".into()))
    );
    assert!(parse_span_in(Lang::En, "next blue moon", today).is_err());
    assert!(parse_span_in(Lang::En, "", today).is_err());
    assert!(parse_span_in(Lang::En, "32 july 2013", today).is_err());
    assert!(parse_span_in(Lang::En, "99999999999 days ago", today).is_err());
}

#[test]
fn future_days_are_refused_only_on_request() {
    let today = d(TODAY);
    let tomorrow = parse_day_in(Lang::Es, "mañana", today).unwrap();
    assert_eq!(tomorrow, d("2026-11-24"));
    assert!(matches!(
        refuse_future(tomorrow, "mañana", today),
        Err(DateError::Future { .. })
    ));
    assert_eq!(refuse_future(today, "hoy", today), Ok(today));
}

#[test]
fn days_display_in_the_language() {
    assert_eq!(display_day_in(Lang::En, d("2026-12-02")), "Dec 2, 2026");
    assert_eq!(display_day_in(Lang::Es, d("2026-12-02")), "2 dic 2026");
    assert_eq!(display_month_in(Lang::En, d("2026-12-02")), "December 2026");
    assert_eq!(
        display_month_in(Lang::Es, d("2026-12-02")),
        "diciembre de 2026"
    );
}

#[test]
fn iso_days_are_written_as_chrono_displays_them() {
    let mut day = NaiveDate::from_ymd_opt(-2, 12, 25).unwrap();
    for step in [1, 2, 9, 31, 367, 3_650, 36_500, 365_000] {
        let mut out = Vec::new();
        write_iso_day(&mut out, day);
        assert_eq!(String::from_utf8(out).unwrap(), day.to_string());
        day = day.checked_add_days(chrono::Days::new(step)).unwrap();
    }
    let mut out = Vec::new();
    write_iso_day(&mut out, NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap());
    assert_eq!(out, b"+10000-01-01");
}

use proptest::strategy::Strategy as _;

proptest::proptest! {
    #[test]
    fn moments_are_written_as_chrono_serializes_them(
        seconds in -40_000_000_000i64..300_000_000_000,
        nano in proptest::prop_oneof![
            proptest::prelude::Just(0u32),
            (0u32..1000).prop_map(|ms| ms * 1_000_000),
            (0u32..1_000_000).prop_map(|us| us * 1_000),
            0u32..2_000_000_000,
        ],
        offset in proptest::prop_oneof![proptest::prelude::Just(0i32), -86_399i32..86_400],
    ) {
        let offset = FixedOffset::east_opt(offset).unwrap();
        let Some(utc) = chrono::DateTime::from_timestamp(seconds, nano) else {
            return Ok(());
        };
        let moment = utc.with_timezone(&offset);
        let mut out = Vec::new();
        write_moment(&mut out, &moment);
        let expected = serde_json::to_string(&moment).unwrap();
        proptest::prop_assert_eq!(format!("\"{}\"", String::from_utf8(out).unwrap()), expected);
    }
}
