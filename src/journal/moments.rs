//! Fast paths for the dates on every line of the journal; anything unusual goes to
//! chrono's parsers.

use std::cell::Cell;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{de::Error, Deserializer};

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// `YYYY-MM-DD`.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    parse_day_bytes(s.as_bytes())
}

/// [`parse_day`] of bytes as a line holds them.
pub fn parse_day_bytes(b: &[u8]) -> Option<NaiveDate> {
    parse_day_quick(b).or_else(|| std::str::from_utf8(b).ok()?.parse().ok())
}

/// [`parse_day`] for exactly `YYYY-MM-DD` (ASCII digits), without chrono's parser
/// (which takes more: leading whitespace, for one).
pub fn parse_day_quick(b: &[u8]) -> Option<NaiveDate> {
    let b: &[u8; 10] = b.try_into().ok()?;
    // Lines next to each other are mostly about the same day (and written on it):
    // the last day read on this thread is kept, with its ten bytes as the key (the
    // six bytes above them zero; the first key, all ones, matches no input).
    thread_local! {
        static LAST: Cell<(u128, NaiveDate)> = const { Cell::new((u128::MAX, NaiveDate::MIN)) };
    }
    let mut key = [0u8; 16];
    key[..10].copy_from_slice(b);
    let key = u128::from_le_bytes(key);
    let (last, day) = LAST.get();
    if last == key {
        return Some(day);
    }
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(&b[..4])?).ok()?;
    let day = NaiveDate::from_ymd_opt(year, digits(&b[5..7])?, digits(&b[8..10])?)?;
    LAST.set((key, day));
    Some(day)
}

/// RFC 3339: `YYYY-MM-DDTHH:MM:SS`, an optional fraction, then `Z` or `±HH:MM`, else
/// chrono's parser.
pub fn parse_moment(s: &str) -> Option<DateTime<FixedOffset>> {
    parse_moment_quick(s.as_bytes()).or_else(|| DateTime::parse_from_rfc3339(s).ok())
}

/// [`parse_moment`] for exactly `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)` in ASCII,
/// without chrono's parser.
pub fn parse_moment_quick(b: &[u8]) -> Option<DateTime<FixedOffset>> {
    if b.len() < 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let day = parse_day_quick(&b[..10])?;
    let (nano, rest) = match &b[19..] {
        [b'.', rest @ ..] => {
            let len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            if !(1..=9).contains(&len) {
                return None;
            }
            (
                digits(&rest[..len])? * 10u32.pow(9 - len as u32),
                &rest[len..],
            )
        }
        rest => (0, rest),
    };
    let time = NaiveTime::from_hms_nano_opt(
        digits(&b[11..13])?,
        digits(&b[14..16])?,
        digits(&b[17..19])?,
        nano,
    )?;
    let offset = match rest {
        b"Z" => FixedOffset::east_opt(0)?,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let seconds = (digits(&[*h1, *h2])? * 60 + digits(&[*m1, *m2])?) as i32 * 60;
            FixedOffset::east_opt(if *sign == b'-' { -seconds } else { seconds })?
        }
        _ => return None,
    };
    // A fixed offset: one moment for every local time, in range or not.
    let utc = NaiveDateTime::new(day, time).checked_sub_offset(offset)?;
    Some(DateTime::from_naive_utc_and_offset(utc, offset))
}

/// Reads a string without allocating (borrowed when it has no escapes) and
/// converts it with `parse`.
struct Parsed<F>(F, fn() -> String);

impl<'de, T, F: FnOnce(&str) -> Option<T>> serde::de::Visitor<'de> for Parsed<F> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&(self.1)())
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<T, E> {
        (self.0)(text).ok_or_else(|| {
            E::custom(crate::t!(
                "stored-bad-value",
                value = text.escape_default().to_string(),
                expected = (self.1)()
            ))
        })
    }
}

struct Optional<V>(V);

impl<'de, V: serde::de::Visitor<'de>> serde::de::Visitor<'de> for Optional<V> {
    type Value = Option<V::Value>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.0.expecting(f)
    }

    fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self.0).map(Some)
    }
}

pub fn day<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    d.deserialize_option(Optional(Parsed(parse_day, || {
        crate::t!("stored-expected-day")
    })))
}

pub fn moment<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
    d.deserialize_str(Parsed(parse_moment, || crate::t!("stored-expected-moment")))
}

pub fn optional_moment<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    d.deserialize_option(Optional(Parsed(parse_moment, || {
        crate::t!("stored-expected-moment")
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_bytes_that_are_no_day_are_refused_on_a_fresh_thread() {
        // The kept day's first key must not pass for any input, NULs included.
        std::thread::spawn(|| {
            assert_eq!(parse_day_quick(&[0; 10]), None);
            assert_eq!(parse_day_quick(&[0xff; 10]), None);
        })
        .join()
        .unwrap();
    }

    #[test]
    fn fast_paths_agree_with_chrono() {
        for s in [
            "2026-11-20T18:02:11+01:00",
            "2026-11-20T18:02:11Z",
            "2026-11-20T18:02:11-05:30",
            "2026-11-20T18:02:11.123+01:00",
            "2026-11-20t18:02:11+01:00",
        ] {
            assert_eq!(parse_moment(s), DateTime::parse_from_rfc3339(s).ok(), "{s}");
        }
        assert_eq!(parse_moment("2026-02-30T18:02:11+01:00"), None);
        assert_eq!(
            parse_day("2026-11-20"),
            NaiveDate::from_ymd_opt(2026, 11, 20)
        );
        assert_eq!(parse_day("2026-13-20"), None);
        // The quick forms take nothing chrono's parser adds (the canonical walk
        // relies on it: it looks only for the value's closing quote).
        for s in ["\t2026-11-20", " 2026-11-20", "2026-11-2\\"] {
            assert_eq!(parse_day_quick(s.as_bytes()), None, "{s:?}");
        }
        assert_eq!(parse_moment_quick(b" 2026-11-20T18:02:11Z"), None);
        assert_eq!(parse_moment_quick(b"2026-11-20T18:02:11.Z"), None);
    }

    proptest::proptest! {
        #[test]
        fn quick_moments_are_chronos(
            seconds in -30_000_000_000i64..250_000_000_000,
            nano in 0u32..1_000_000_000,
            digits in 0usize..10,
            offset in -86_399i32..86_400,
        ) {
            let Some(utc) = DateTime::from_timestamp(seconds, nano) else { return Ok(()) };
            let moment = utc.with_timezone(&FixedOffset::east_opt(offset / 60 * 60).unwrap());
            let text = moment.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
            // Fractions of any length from none to nine digits.
            let (head, tail) = text.split_at(19);
            let fraction = &tail[1..1 + digits];
            let offset = &tail[10..];
            let text = if digits == 0 { format!("{head}{offset}") } else { format!("{head}.{fraction}{offset}") };
            let chrono = DateTime::parse_from_rfc3339(&text).ok();
            proptest::prop_assert!(chrono.is_some());
            proptest::prop_assert_eq!(parse_moment_quick(text.as_bytes()), chrono, "{}", text);
        }
    }
}
