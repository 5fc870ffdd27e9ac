use super::*;
use crate::entry::Level;
use chrono::DateTime;

fn entry(id: &str, date: &str, text: &str) -> Entry {
    Entry {
        id: EntryId::parse(id).unwrap(),
        date: date.parse().unwrap(),
        written: DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap(),
        revised: None,
        level: Some(crate::entry::Placement::At(Level::School)),
        depth: None,
        from: None,
        pack: None,
        pack_version: None,
        prompt: None,
        theme: None,
        tags: Vec::new(),
        text: text.to_string(),
    }
}

fn journal_with(bytes: &[u8]) -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    std::fs::write(&path, bytes).unwrap();
    (dir, Journal::new(path))
}

#[test]
fn a_missing_journal_reads_as_empty() {
    let journal = Journal::new("/nonexistent/reflect/journal.jsonl");
    assert_eq!(journal.newest_first().unwrap().count(), 0);
    assert_eq!(journal.by_date().unwrap().count(), 0);
}

#[test]
fn all_readers_agree_on_the_live_entries() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::new(dir.path().join("j.jsonl"));
    let now = DateTime::parse_from_rfc3339("2026-11-24T09:00:00+01:00").unwrap();
    journal.add(&entry("aaaa", "2026-11-03", "a")).unwrap();
    journal
        .add(&entry("bbbb", "2026-11-01", "b (back-dated)"))
        .unwrap();
    journal.add(&entry("cccc", "2026-11-05", "c")).unwrap();
    let mut revised = entry("aaaa", "2026-11-06", "a, revised and moved");
    revised.level = Some(crate::entry::Placement::At(Level::System));
    journal.revise(&revised, now).unwrap();
    journal
        .retract(&EntryId::parse("cccc").unwrap(), now)
        .unwrap();

    let ids =
        |entries: Entries| -> Vec<String> { entries.map(|e| e.unwrap().id.to_string()).collect() };
    assert_eq!(ids(journal.newest_first().unwrap()), ["bbbb", "aaaa"]);
    assert_eq!(ids(journal.oldest_first().unwrap()), ["aaaa", "bbbb"]);
    assert_eq!(ids(journal.by_date().unwrap()), ["bbbb", "aaaa"]);
    for reader in [
        journal.newest_first(),
        journal.oldest_first(),
        journal.by_date(),
    ] {
        let a = reader
            .unwrap()
            .map(Result::unwrap)
            .find(|e| e.id.as_str() == "aaaa")
            .unwrap();
        assert_eq!(a.text, "a, revised and moved");
        assert_eq!(a.level, Some(crate::entry::Placement::At(Level::System)));
        assert_eq!(a.written.to_rfc3339(), "2026-11-23T09:00:00+01:00");
        assert_eq!(a.revised, Some(now));
    }
}

#[test]
fn damage_is_counted_by_line_in_both_directions() {
    let good = String::from_utf8(Record::add(&entry("aaaa", "2026-11-03", "a")).to_line()).unwrap();
    let other =
        String::from_utf8(Record::add(&entry("bbbb", "2026-11-04", "b")).to_line()).unwrap();
    let text = format!("{good}not json\n{other}");
    let (_dir, journal) = journal_with(text.as_bytes());
    let mut entries = journal.newest_first().unwrap();
    assert_eq!(entries.by_ref().count(), 2);
    let damage = entries.take_damage();
    assert_eq!(damage.first.len(), 1);
    assert_eq!(damage.first[0].line, 2);
    assert_eq!((damage.more, damage.last_line), (0, 2));
    let mut entries = journal.oldest_first().unwrap();
    assert_eq!(entries.by_ref().count(), 2);
    assert_eq!(entries.take_damage().first[0].line, 2);
}

#[test]
fn a_read_keeps_the_first_damaged_lines_whole_and_counts_the_rest() {
    let good = String::from_utf8(Record::add(&entry("aaaa", "2026-11-03", "a")).to_line()).unwrap();
    let damaged: String = (0..500).map(|n| format!("not json {n}\n")).collect();
    let (_dir, journal) = journal_with(format!("{damaged}{good}{damaged}").as_bytes());
    let collected = super::super::Collected::default();
    let journal = journal.with_report(std::sync::Arc::new(collected.clone()));
    let kept = super::super::damage_log::KEPT;
    let readers: [&dyn Fn() -> usize; 4] = [
        &|| journal.newest_first().unwrap().count(),
        &|| journal.oldest_first().unwrap().count(),
        &|| journal.by_date().unwrap().count(),
        &|| {
            let (count, _) = journal
                .fold_live_facts(|| 0, |n: &mut usize, _| *n += 1, |n, m| *n += m)
                .unwrap();
            count
        },
    ];
    for read in readers {
        assert_eq!(read(), 1);
        let lines: Vec<usize> = collected.damage().iter().map(|d| d.line).collect();
        assert_eq!(lines, (1..=kept).collect::<Vec<_>>(), "the first, whole");
        assert_eq!(collected.more(), 1000 - kept, "the rest, counted once each");
        collected.clear();
    }
}

#[test]
fn damage_goes_to_the_callers_report_once_reading_ends() {
    let good = String::from_utf8(Record::add(&entry("aaaa", "2026-11-03", "a")).to_line()).unwrap();
    let other =
        String::from_utf8(Record::add(&entry("bbbb", "2026-11-04", "b")).to_line()).unwrap();
    let text = format!("{good}not json\n{other}{{\n");
    let (_dir, journal) = journal_with(text.as_bytes());
    let collected = super::super::Collected::default();
    let journal = journal.with_report(std::sync::Arc::new(collected.clone()));
    for reader in [
        journal.newest_first(),
        journal.oldest_first(),
        journal.by_date(),
    ] {
        let mut entries = reader.unwrap();
        entries.next().unwrap().unwrap();
        assert!(collected.damage().is_empty(), "nothing reported mid-way");
        assert_eq!(entries.by_ref().count(), 1);
        let lines: Vec<usize> = collected.damage().iter().map(|d| d.line).collect();
        assert_eq!(lines, [2, 4]);
        entries.finish();
        assert_eq!(collected.damage().len(), 2, "reported once");
        collected.clear();
    }
    let mut entries = journal.newest_first().unwrap();
    entries.next();
    entries.finish();
    assert_eq!(
        collected.damage().len(),
        1,
        "a reader that stops early reports what it saw"
    );
}
