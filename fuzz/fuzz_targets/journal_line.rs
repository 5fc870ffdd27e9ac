//! One journal line: the full parser, the text-less parser and the fast path must
//! never panic, and whenever two of them read a line they agree. The parser's own
//! fast date paths are checked against chrono's RFC 3339 parser.

#![no_main]

use chrono::{DateTime, NaiveDate};
use libfuzzer_sys::fuzz_target;
use reflect::journal::record::{quick_head, Record};

fuzz_target!(|line: &[u8]| {
    let parsed = Record::parse(line);
    let light = Record::parse_without_text(line);
    let head = quick_head(line);

    if let (Some(head), Ok(record)) = (head, &parsed) {
        assert_eq!(head.op, record.op, "quick_head and parse disagree on op");
        // Ids are case-insensitive: the parser lowercases them, readers lowercase
        // quick_head's raw id with `EntryId::parse`.
        assert!(
            head.id.eq_ignore_ascii_case(record.id.as_str()),
            "quick_head and parse disagree on id: {} vs {}",
            head.id,
            record.id
        );
        if let Some(date) = head.date {
            // Readers use the fast path's date only when it parses as a day.
            if let Ok(day) = date.parse::<NaiveDate>() {
                assert_eq!(
                    Some(day),
                    record.date,
                    "quick_head and parse disagree on the date"
                );
            }
        }
    }

    match (&parsed, &light) {
        (Ok(full), Ok(light)) => {
            let mut without_text = full.clone();
            without_text.text = full.text.as_ref().map(|_| String::new());
            assert_eq!(
                &without_text, light,
                "parse_without_text differs from parse"
            );
        }
        (Ok(_), Err(problem)) => {
            panic!("parse reads the line, parse_without_text does not: {problem}")
        }
        // Skipping the text may accept a line whose text is not a valid string value.
        (Err(_), _) => {}
    }

    if let Ok(record) = parsed {
        // Dates and moments read exactly as chrono reads them (offset included).
        if let Ok(serde_json::Value::Object(fields)) =
            serde_json::from_slice::<serde_json::Value>(line)
        {
            if let Some(serde_json::Value::String(written)) = fields.get("written") {
                if let Ok(moment) = DateTime::parse_from_rfc3339(written) {
                    assert_eq!(record.written, moment);
                    assert_eq!(record.written.offset(), moment.offset());
                }
            }
            if let Some(serde_json::Value::String(date)) = fields.get("date") {
                if let Ok(day) = date.parse::<NaiveDate>() {
                    assert_eq!(record.date, Some(day));
                }
            }
        }
        // A record that parses writes back as one line that parses to the same record.
        let again = record.to_line();
        assert_eq!(again.iter().filter(|&&b| b == b'\n').count(), 1);
        assert_eq!(
            Record::parse(&again[..again.len() - 1]).as_ref(),
            Ok(&record)
        );
        let _ = record.into_entry();
    }
});
