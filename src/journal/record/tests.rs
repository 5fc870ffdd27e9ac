use super::*;
use crate::entry::Level;

fn sample() -> Entry {
    Entry {
        id: EntryId::parse("k3f9a2c1mx").unwrap(),
        date: "2026-11-20".parse().unwrap(),
        written: DateTime::parse_from_rfc3339("2026-11-20T18:02:11+01:00").unwrap(),
        revised: None,
        level: Some(Placement::At(Level::Network)),
        depth: None,
        from: None,
        pack: Some("ncsl-networks".into()),
        pack_version: Some("1.0.0".into()),
        prompt: Some("trust-ladder".into()),
        theme: Some("trust".into()),
        tags: vec!["cohort".into()],
        text: "Line one\nline \"two\" {\"v\":1}".into(),
    }
}

#[test]
fn add_records_round_trip() {
    let entry = sample();
    let line = Record::add(&entry).to_line();
    assert_eq!(line.last(), Some(&b'\n'));
    assert_eq!(line.iter().filter(|&&b| b == b'\n').count(), 1);
    let back = Record::parse(&line[..line.len() - 1])
        .unwrap()
        .into_entry()
        .unwrap();
    assert_eq!(back, entry);
}

#[test]
fn new_vocabulary_needs_version_2_and_round_trips() {
    let rated = sample();
    assert!(String::from_utf8(Record::add(&rated).to_line())
        .unwrap()
        .starts_with("{\"v\":1,"));
    let mut unrated = sample();
    unrated.level = None;
    let mut idea = sample();
    idea.level = Some(Placement::Idea);
    let mut deep = sample();
    deep.level = Some(Placement::At(Level::School));
    deep.depth = Some(Depth::CoConstructing);
    deep.from = Some(Origin::Programme);
    for entry in [unrated, idea, deep] {
        let line = Record::add(&entry).to_line();
        let text = String::from_utf8(line.clone()).unwrap();
        assert!(text.starts_with("{\"v\":2,"), "{text}");
        if entry.level.is_none() {
            assert!(!text.contains("\"level\""), "{text}");
        }
        if entry.depth.is_some() {
            assert!(text.find("\"depth\"") < text.find("\"text\""), "{text}");
            assert!(text.contains("\"from\":\"programme\""), "{text}");
        }
        let line = &line[..line.len() - 1];
        assert_eq!(parse_flat(line, true), Some(Record::parse_with_serde(line)));
        assert!(quick_head(line).is_some());
        assert_eq!(Record::parse(line).unwrap().into_entry().unwrap(), entry);
    }
}

#[test]
fn edits_keep_the_creation_moment() {
    let entry = sample();
    let now = DateTime::parse_from_rfc3339("2026-11-22T09:00:00+01:00").unwrap();
    let line = Record::edit(&entry, now).to_line();
    let back = Record::parse(&line[..line.len() - 1])
        .unwrap()
        .into_entry()
        .unwrap();
    assert_eq!(back.written, entry.written);
    assert_eq!(back.revised, Some(now));
}

#[test]
fn quick_head_agrees_with_the_parser() {
    let entry = sample();
    let now = DateTime::parse_from_rfc3339("2026-11-22T09:00:00+01:00").unwrap();
    for record in [
        Record::add(&entry),
        Record::edit(&entry, now),
        Record::delete(&entry.id, now),
    ] {
        let line = record.to_line();
        let head = quick_head(&line).expect("canonical lines have a quick head");
        assert_eq!(head.op, record.op);
        assert_eq!(head.id, record.id.as_str());
        assert_eq!(head.date, record.date.map(|d| d.to_string()).as_deref());
    }
    assert_eq!(quick_head(b"{\"op\":\"add\",\"v\":1}"), None);
    assert_eq!(
        quick_head(b"{\"v\":1,\"op\":\"add\",\"id\":\"ab\"c\""),
        None
    );
}

proptest::proptest! {
    /// The fast path and serde_json agree on every record we write, and on lines
    /// damaged by cutting, splicing or flipping bytes.
    #[test]
    fn fast_path_agrees_with_serde(
        text in proptest::prelude::any::<String>(),
        tag in "[a-z\\u{e9}\"]{1,8}",
        cut in 0usize..400,
        flip in proptest::prelude::any::<(usize, u8)>(),
    ) {
        let mut entry = sample();
        entry.text = text;
        entry.tags = vec![tag];
        let line = Record::add(&entry).to_line();
        let line = &line[..line.len() - 1];
        proptest::prop_assert_eq!(parse_flat(line, true), Some(Record::parse_with_serde(line)));
        let mut damaged = line.to_vec();
        let at = flip.0 % damaged.len();
        damaged[at] = flip.1;
        for candidate in [&line[..cut.min(line.len())], &damaged[..]] {
            if let Some(fast) = parse_flat(candidate, true) {
                proptest::prop_assert_eq!(fast.ok(), Record::parse_with_serde(candidate).ok());
            }
        }
    }

    /// Canonical lines read the same by the walk along the line as by the
    /// general parser, with and without text, intact or damaged.
    #[test]
    fn canonical_reading_agrees_with_the_general_parser(
        text in "[a-zA-Z ,.;ñáéÑ東\\\\\"\n\t/\u{7f}]{0,80}",
        tags in proptest::collection::vec("[a-z\u{e9}\"\\\\]{1,6}", 0..3),
        fields in proptest::prelude::any::<(bool, bool, bool, bool, bool)>(),
        cut in 0usize..600,
        flip in proptest::prelude::any::<(usize, u8)>(),
    ) {
        let mut entry = sample();
        entry.text = text;
        entry.tags = tags;
        entry.level = fields.0.then_some(Placement::At(Level::System));
        entry.depth = fields.1.then_some(Depth::CoConstructing);
        entry.from = fields.2.then_some(Origin::Programme);
        if fields.3 {
            entry.pack = None;
            entry.pack_version = None;
            entry.theme = None;
        }
        let record = if fields.4 {
            Record::edit(&entry, entry.written)
        } else {
            Record::add(&entry)
        };
        let line = record.to_line();
        let line = &line[..line.len() - 1];
        let general = |line: &[u8], with_text: bool| {
            parse_flat(line, with_text).unwrap_or_else(|| Record::parse_with_serde(line))
        };
        if let Some(fast) = super::super::canonical::parse(line, true) {
            proptest::prop_assert_eq!(&fast, &general(line, true));
            proptest::prop_assert_eq!(fast.as_ref().ok(), Some(&record));
        }
        let mut damaged = line.to_vec();
        let at = flip.0 % damaged.len();
        damaged[at] = flip.1;
        for candidate in [line, &line[..cut.min(line.len())], &damaged[..]] {
            for with_text in [true, false] {
                if let Some(fast) = super::super::canonical::parse(candidate, with_text) {
                    let general = general(candidate, with_text);
                    proptest::prop_assert_eq!(fast.ok(), general.ok());
                }
            }
        }
    }
}

#[test]
fn canonical_lines_take_the_walk() {
    let line = Record::add(&sample()).to_line();
    let line = &line[..line.len() - 1];
    assert_eq!(
        super::super::canonical::parse(line, true),
        Some(Ok(Record::add(&sample())))
    );
    let delete = Record::delete(&sample().id, sample().written).to_line();
    assert_eq!(
        super::super::canonical::parse(&delete[..delete.len() - 1], true),
        None
    );
}

#[test]
fn damaged_lines_are_explained() {
    let line = Record::add(&sample()).to_line();
    let torn = &line[..line.len() / 2];
    assert!(matches!(
        Record::parse(torn),
        Err(LineProblem::Unreadable(_))
    ));
    assert!(Record::parse(b"garbage").is_err());
    assert!(Record::parse(
        b"{\"v\":1,\"op\":\"add\",\"id\":\"x\",\"written\":\"2026-11-20T18:02:11+01:00\"}"
    )
    .is_err());
    let newer = String::from_utf8(line)
        .unwrap()
        .replace("\"v\":1", "\"v\":9");
    assert_eq!(
        Record::parse(newer.trim_end().as_bytes()),
        Err(LineProblem::NewerVersion(9))
    );
}
