//! Property tests on the library: arbitrary journal bytes never panic a reader, any
//! entry written reads back equal from all three readers, random add/revise/retract
//! sequences match a simple in-memory model, and arbitrary text never panics the
//! pack parser. Case counts are modest so the suite stays fast.

use std::fs;
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;
use std::sync::Arc;

use reflect::entry::{Depth, Entry, EntryId, Facts, Level, Origin, Placement};
use reflect::journal::record::{quick_head, Record};
use reflect::journal::{Collected, Journal};

use crate::util::{Record as RawRecord, NOW};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // A failing case is minimised; keep that bounded on the shared 2 cores.
        max_shrink_iters: 2048,
        // Failures are printed with their minimal input; nothing is written into the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A level (or idea, or none: unrated), a depth and a transfer: every record
/// version the journal holds.
fn level() -> impl Strategy<Value = (Option<Placement>, Option<Depth>, Option<Origin>)> {
    let level = prop_oneof![
        Just(Level::School),
        Just(Level::Network),
        Just(Level::System)
    ];
    let placement = prop_oneof![
        3 => level.clone().prop_map(|l| Some(Placement::At(l))),
        1 => Just(Some(Placement::Idea)),
        1 => Just(None),
    ];
    let depth = proptest::option::of(proptest::sample::select(Depth::ALL.to_vec()));
    let from = proptest::option::of(prop_oneof![
        level.prop_map(Origin::Level),
        Just(Origin::Programme)
    ]);
    (placement, depth, from)
}

/// Mostly ordinary days, sometimes far-off years (records carry years 1000 to 9999
/// only: issue 12.11).
fn date() -> impl Strategy<Value = NaiveDate> {
    let ordinary = (1990i32..2100, 1u32..=12, 1u32..=28);
    let far = (1000i32..=9999, 1u32..=12, 1u32..=31);
    prop_oneof![9 => ordinary, 1 => far].prop_map(|(y, m, d)| {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::from_ymd_opt(y, m, 1).unwrap())
    })
}

/// Any instant from 1970 to 2096, with nanoseconds, at any whole-minute UTC offset.
fn moment() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (
        0i64..4_000_000_000,
        prop_oneof![Just(0u32), 0u32..1_000_000_000],
        -14 * 60..=14 * 60i32,
    )
        .prop_map(|(secs, nanos, minutes)| {
            let offset = FixedOffset::east_opt(minutes * 60).unwrap();
            offset.timestamp_opt(secs, nanos).unwrap()
        })
}

/// Text a person or an import might produce, including quotes, backslashes,
/// control characters, line and paragraph separators and things that look like JSON.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~\n\r\t\"\\\\{}ñé🌱\u{2028}\u{0}\u{1b}]{0,300}",
        Just("{\"v\":1,\"op\":\"delete\",\"id\":\"x\"}\n".to_string()),
    ]
}

fn optional_name() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof!["[a-z][a-z0-9-]{0,20}", any::<String>()])
}

/// An entry with the given id; every field arbitrary.
fn entry(id: EntryId) -> impl Strategy<Value = Entry> {
    (
        date(),
        moment(),
        level(),
        optional_name(),
        optional_name(),
        optional_name(),
        optional_name(),
        vec(prop_oneof!["[a-z0-9-]{1,12}", any::<String>()], 0..4),
        text(),
    )
        .prop_map(
            move |(
                date,
                written,
                (level, depth, from),
                pack,
                pack_version,
                prompt,
                theme,
                tags,
                text,
            )| Entry {
                id: id.clone(),
                date,
                written,
                revised: None,
                level,
                depth,
                from,
                pack,
                pack_version,
                prompt,
                theme,
                tags,
                text,
            },
        )
}

/// `count` entries with distinct ids.
fn entries(count: std::ops::Range<usize>) -> impl Strategy<Value = Vec<Entry>> {
    count.prop_flat_map(|n| {
        (0..n)
            .map(|i| entry(EntryId::from_u64(0x1234_5678 + i as u64 * 7919)))
            .collect::<Vec<_>>()
    })
}

/// Entries compared exactly: `DateTime`'s `==` ignores the UTC offset, `Debug` does not.
fn exact(entries: &[Entry]) -> Vec<String> {
    entries.iter().map(|e| format!("{e:?}")).collect()
}

struct Read {
    oldest: Vec<Entry>,
    newest: Vec<Entry>,
    by_date: Vec<Entry>,
}

fn read_all(path: &Path) -> Read {
    let journal = Journal::new(path);
    let collect = |entries: reflect::journal::Entries| {
        entries.map(|e| e.expect("readable")).collect::<Vec<_>>()
    };
    Read {
        oldest: collect(journal.oldest_first().unwrap()),
        newest: collect(journal.newest_first().unwrap()),
        by_date: collect(journal.by_date().unwrap()),
    }
}

/// What every reader must return for `live` (in the order the entries were added).
fn assert_reads(path: &Path, live: &[Entry]) -> Result<(), TestCaseError> {
    let read = read_all(path);
    prop_assert_eq!(exact(&read.oldest), exact(live), "oldest_first");
    let mut reversed = live.to_vec();
    reversed.reverse();
    prop_assert_eq!(exact(&read.newest), exact(&reversed), "newest_first");
    let mut by_date = live.to_vec();
    by_date.sort_by_key(|e| e.date); // stable: same day keeps the writing order
    prop_assert_eq!(exact(&read.by_date), exact(&by_date), "by_date");
    Ok(())
}

/// An entry's facts as text (tags as a list: read in place they are raw JSON).
fn shown_facts(facts: &Facts) -> String {
    let tags: Vec<&str> = facts.tags.iter().collect();
    format!(
        "{} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {tags:?}",
        facts.date,
        facts.written,
        facts.revised,
        facts.level,
        facts.depth,
        facts.from,
        facts.pack,
        facts.pack_version,
        facts.prompt,
        facts.theme
    )
}

/// The one-pass fold from the end (`Journal::fold_live_facts`) sees the live
/// entries' facts the forward reader folds, whatever their order, with the same
/// check-ins and the same damage reported.
fn assert_live_facts_agree(path: &Path) -> Result<(), TestCaseError> {
    let collected = Collected::default();
    let journal = Journal::new(path).with_report(Arc::new(collected.clone()));
    let (mut folded, checkins) = journal
        .fold_live_facts(
            Vec::new,
            |all: &mut Vec<String>, facts| all.push(shown_facts(facts)),
            |all, part| all.extend(part),
        )
        .unwrap();
    let folded_damage = collected.damage();
    collected.clear();
    // The forward rule's facts, as progress read them before (in runs, in order).
    let mut runs = journal
        .oldest_first()
        .unwrap()
        .fold_facts(Vec::new, |all, facts| all.push(shown_facts(facts)));
    let mut forward: Vec<String> = runs.by_ref().flat_map(Result::unwrap).collect();
    let forward_checkins = runs.checkins().unwrap();
    drop(runs);
    folded.sort();
    forward.sort();
    prop_assert_eq!(folded, forward, "live facts");
    prop_assert_eq!(checkins, forward_checkins, "check-ins");
    prop_assert_eq!(folded_damage, collected.damage(), "damage");
    Ok(())
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn written_entries_read_back_equal(entries in entries(0..24), batch in 0usize..24) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let journal = Journal::new(&path);
        // Some one by one, the rest in one `add_all` (as import does).
        let batch = batch.min(entries.len());
        for entry in &entries[..batch] {
            journal.add(entry).unwrap();
        }
        journal.add_all(&entries[batch..]).unwrap();
        assert_reads(&path, &entries)?;
        for entry in &entries {
            let found = journal.find(entry.id.as_str()).unwrap();
            prop_assert_eq!(format!("{found:?}"), format!("{entry:?}"));
        }
        let report = journal.check().unwrap();
        prop_assert_eq!(report.records, entries.len());
        prop_assert!(report.damage.is_empty());
    }
}

#[derive(Debug, Clone)]
enum Change {
    Add(Entry),
    /// Revise the n-th live entry: new text, level, day and tags.
    Revise(
        Index,
        String,
        (Option<Placement>, Option<Depth>, Option<Origin>),
        NaiveDate,
        Vec<String>,
        DateTime<FixedOffset>,
    ),
    Retract(Index, DateTime<FixedOffset>),
}

fn changes() -> impl Strategy<Value = Vec<Change>> {
    vec(
        prop_oneof![
            3 => any::<u32>().prop_flat_map(|n| entry(EntryId::from_u64(n as u64 + 1))).prop_map(Change::Add),
            2 => (any::<Index>(), text(), level(), date(), vec("[a-z]{1,6}", 0..3), moment())
                .prop_map(|(i, text, level, date, tags, now)| Change::Revise(i, text, level, date, tags, now)),
            1 => (any::<Index>(), moment()).prop_map(|(i, now)| Change::Retract(i, now)),
        ],
        0..40,
    )
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn add_revise_retract_match_a_simple_model(changes in changes(), junk in vec((any::<Index>(), line()), 0..6)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let journal = Journal::new(&path);
        // The model: every entry ever added, in order; `None` once retracted.
        let mut model: Vec<Option<Entry>> = Vec::new();
        for change in changes {
            let live: Vec<usize> = (0..model.len()).filter(|&i| model[i].is_some()).collect();
            match change {
                Change::Add(entry) => {
                    if model.iter().flatten().any(|e| e.id == entry.id) || journal.known_ids().unwrap().contains(&entry.id) {
                        continue; // ids are never reused
                    }
                    journal.add(&entry).unwrap();
                    model.push(Some(entry));
                }
                Change::Revise(index, text, level, date, tags, now) if !live.is_empty() => {
                    let slot = live[index.index(live.len())];
                    let mut entry = model[slot].clone().unwrap();
                    (entry.text, entry.date, entry.tags) = (text, date, tags);
                    (entry.level, entry.depth, entry.from) = level;
                    journal.revise(&entry, now).unwrap();
                    entry.revised = Some(now);
                    model[slot] = Some(entry);
                }
                Change::Retract(index, now) if !live.is_empty() => {
                    let slot = live[index.index(live.len())];
                    journal.retract(&model[slot].as_ref().unwrap().id, now).unwrap();
                    model[slot] = None;
                }
                _ => {}
            }
        }
        let live: Vec<Entry> = model.into_iter().flatten().collect();
        assert_reads(&path, &live)?;
        assert_live_facts_agree(&path)?;
        let revised = fs::read(&path).unwrap_or_default();

        // Compacting keeps the same live entries (without revision marks), and
        // changes nothing a second time.
        journal.compact().unwrap();
        let mut compacted = live.clone();
        for entry in &mut compacted {
            entry.revised = None;
        }
        assert_reads(&path, &compacted)?;
        let once = fs::read(&path).unwrap_or_default();
        journal.compact().unwrap();
        prop_assert_eq!(fs::read(&path).unwrap_or_default(), once);

        // Damaged and foreign lines among the records change nothing the two
        // readers disagree on.
        let mut lines: Vec<Vec<u8>> = revised
            .split(|&b| b == b'\n')
            .map(<[u8]>::to_vec)
            .collect();
        for (at, line) in &junk {
            lines.insert(at.index(lines.len() + 1), line.clone());
        }
        let junky = dir.path().join("junk.jsonl");
        fs::write(&junky, lines.join(&b'\n')).unwrap();
        assert_live_facts_agree(&junky)?;
    }
}

/// One line of a damaged or hand-made journal.
fn line() -> impl Strategy<Value = Vec<u8>> {
    let record = any::<u64>()
        .prop_flat_map(|n| entry(EntryId::from_u64(n % 64)))
        .prop_map(|e| Record::add(&e).to_line())
        .boxed();
    prop_oneof![
        // A whole record, or one cut short, or with a byte changed.
        2 => record.clone().prop_map(|mut l| { l.pop(); l }),
        2 => (record.clone(), any::<Index>()).prop_map(|(l, i)| l[..i.index(l.len())].to_vec()),
        1 => (record, any::<Index>(), any::<u8>()).prop_map(|(mut l, i, b)| { let at = i.index(l.len()); l[at] = b; l.pop(); l }),
        // Edits and deletes of ids that may or may not exist.
        1 => (0u64..64, date()).prop_map(|(n, d)| {
            RawRecord::add(EntryId::from_u64(n).as_str(), &d.to_string(), "edited")
                .level("system")
                .edit(NOW)
                .line()
                .into_bytes()
        }),
        1 => (0u64..64).prop_map(|n| RawRecord::delete(EntryId::from_u64(n).as_str(), NOW).line().into_bytes()),
        // Look-alikes of the fast path's prefix, JSON of other shapes, and noise.
        1 => "\\{\"v\":1,\"op\":\"(add|edit|delete)\",\"id\":\"[a-z0-9\"]{0,12}\",\"date\":\"[0-9-]{0,12}\"?[,}]{0,2}".prop_map(String::into_bytes),
        1 => Just(b"{\"v\":9,\"op\":\"add\"}".to_vec()),
        1 => Just(b"[1,2,3]".to_vec()),
        1 => Just(b"   \t ".to_vec()),
        1 => vec(any::<u8>(), 0..200),
    ]
}

/// A whole file: lines joined by `\n` or `\r\n`, sometimes without a final newline.
fn journal_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        1 => vec(any::<u8>(), 0..4096),
        3 => (vec((line(), prop::bool::weighted(0.1)), 0..30), prop::bool::ANY).prop_map(|(lines, end)| {
            let mut bytes = Vec::new();
            for (line, crlf) in lines {
                bytes.extend(line);
                bytes.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
            }
            if !end {
                bytes.pop();
            }
            bytes
        }),
    ]
}

/// Lines as the readers count them: split on `\n`, `\r` stripped, blank ones skipped.
fn non_blank_lines(bytes: &[u8]) -> usize {
    let mut lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    if bytes.last() == Some(&b'\n') {
        lines.pop();
    }
    lines
        .into_iter()
        .filter(|l| {
            !l.strip_suffix(b"\r")
                .unwrap_or(l)
                .iter()
                .all(u8::is_ascii_whitespace)
        })
        .count()
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_journal_bytes_never_panic_a_reader(bytes in journal_bytes()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        fs::write(&path, &bytes).unwrap();
        let journal = Journal::new(&path);
        for entries in [journal.newest_first(), journal.oldest_first(), journal.by_date()] {
            let mut entries = entries.unwrap();
            for entry in entries.by_ref() {
                entry.unwrap();
            }
            entries.take_damage(); // keep the test output quiet
        }
        assert_live_facts_agree(&path)?;
        let report = journal.check().unwrap();
        prop_assert_eq!(report.records + report.damage.len(), non_blank_lines(&bytes), "every line is a record or damage");
        let lines_seen: Vec<usize> = report.damage.iter().map(|d| d.line).collect();
        prop_assert!(lines_seen.windows(2).all(|w| w[0] < w[1]), "damage is reported in file order: {:?}", lines_seen);
        let _ = journal.find("0");
        let _ = journal.known_ids().unwrap();
    }

    #[test]
    fn the_fast_paths_agree_with_the_full_parser(line in line()) {
        let parsed = Record::parse(&line);
        if let (Some(head), Ok(record)) = (quick_head(&line), &parsed) {
            prop_assert_eq!(head.op, record.op);
            prop_assert!(head.id.eq_ignore_ascii_case(record.id.as_str()), "{} vs {}", head.id, record.id);
            // The head's date as the readers take it (chrono's parser, which also
            // takes a month or day padded with a space, is the fallback).
            if let Some(date) = head.date.and_then(|d| d.parse::<NaiveDate>().ok()) {
                prop_assert_eq!(Some(date), record.date);
            }
        }
        if let Ok(record) = parsed {
            let mut without_text = record.clone();
            without_text.text = record.text.as_ref().map(|_| String::new());
            prop_assert_eq!(Record::parse_without_text(&line), Ok(without_text));
        }
    }
}

/// Real pack text, cut and mutated, plus TOML-shaped fragments.
fn pack_text() -> impl Strategy<Value = String> {
    let real = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/prompts/ncsl-networks.toml"
    ))
    .unwrap_or_default();
    let fragment = prop_oneof![
        Just("[pack]\n".to_string()),
        Just("[[themes]]\n".to_string()),
        Just("[[prompts]]\n".to_string()),
        Just("[[levels]]\n".to_string()),
        Just("[levels]\n".to_string()),
        Just("format = 1\n".to_string()),
        Just("format = 99\n".to_string()),
        "(id|name|version|language|theme|question|context|level|title|summary|author|source|description|bogus) = \"[a-z \\\\\u{1b}\u{202e}\"]{0,12}\"?\n",
        "(id|theme|level) = (1|true|\\[\\]|\\{\\}|'x')\n",
        any::<String>(),
    ];
    prop_oneof![
        2 => (Just(real.clone()), any::<Index>(), any::<Index>(), any::<String>()).prop_map(|(real, cut, at, insert)| {
            let cut = floor_char(&real, cut.index(real.len() + 1));
            let mut text = real[..cut].to_string();
            let at = floor_char(&text, at.index(text.len() + 1));
            text.insert_str(at, &insert);
            text
        }),
        2 => vec(fragment, 0..30).prop_map(|parts| parts.concat()),
        1 => any::<String>(),
    ]
}

fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_text_never_panics_the_pack_parser(text in pack_text()) {
        use reflect::pack::{parse_pack, PackOrigin};
        match parse_pack(&text, "x.toml", PackOrigin::Embedded("x")) {
            Ok(pack) => prop_assert!(!pack.id.is_empty()),
            Err(problems) => {
                prop_assert!(!problems.is_empty(), "a rejected pack names at least one problem");
                for problem in problems {
                    let shown = problem.to_string();
                    prop_assert!(shown.starts_with("x.toml:"), "{}", shown);
                    prop_assert!(problem.line >= 1 && problem.column >= 1, "{}", shown);
                    prop_assert!(!shown.chars().any(|c| c.is_control()), "no raw control characters: {:?}", shown);
                }
            }
        }
    }
}

/// Ids are case-insensitive everywhere (`EntryId::parse` lowercases), so an entry whose
/// id was written in capitals (by hand, or by another tool) can still be found.
#[test]
fn ids_written_in_capitals_can_be_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    fs::write(
        &path,
        RawRecord::add("ABC123", "2026-11-20", "upper")
            .written("2026-11-20T18:02:11+01:00")
            .level("network")
            .line(),
    )
    .unwrap();
    let journal = Journal::new(&path);
    assert_eq!(journal.oldest_first().unwrap().count(), 1);
    let found = journal
        .find("abc")
        .expect("the entry is found by a lowercase prefix");
    assert_eq!(found.text, "upper");
}
