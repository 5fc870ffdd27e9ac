//! Torture: concurrent writers, writers and `compact` killed with SIGKILL at random
//! moments, and a full disk. Each test checks what a person would: every entry whose
//! `write` reported success is in the journal, intact, and the journal still reads.
//!
//! Delays come from a seeded PRNG, so a run is repeatable in what it tries; the
//! assertions hold whatever the scheduler does, so the tests are not flaky.

use std::collections::{HashMap, HashSet};
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate};
use reflect::entry::{Entry, EntryId, Level, Placement};
use reflect::journal::record::Record;
use reflect::journal::Journal;

use crate::util::{TestEnv, NOW};

/// `reflect` as a plain child process (so it can be killed), isolated like
/// `TestEnv::cmd`, writing to `journal`.
fn reflect(env: &TestEnv, journal: &Path) -> Command {
    let mut cmd = env.std_cmd();
    cmd.env("REFLECT_JOURNAL", journal)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn run(env: &TestEnv, journal: &Path, args: &[&str]) -> Output {
    reflect(env, journal)
        .args(args)
        .output()
        .expect("reflect runs")
}

fn run_ok(env: &TestEnv, journal: &Path, args: &[&str]) -> String {
    let output = run(env, journal, args);
    assert!(
        output.status.success(),
        "reflect {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// SplitMix64: a tiny seeded generator for delays (no `rand` needed).
struct Prng(u64);

impl Prng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..=max`.
    fn below(&mut self, max: Duration) -> Duration {
        let nanos = max.as_nanos().max(1) as u64;
        Duration::from_nanos(self.next() % (nanos + 1))
    }
}

/// Reads every live entry with all three readers and checks they agree; returns
/// them by id. Panics on any reader error.
fn live_entries(path: &Path) -> HashMap<String, Entry> {
    let journal = Journal::new(path);
    let oldest: Vec<Entry> = journal
        .oldest_first()
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut newest: Vec<Entry> = journal
        .newest_first()
        .unwrap()
        .map(Result::unwrap)
        .collect();
    newest.reverse();
    assert_eq!(oldest, newest, "newest_first is oldest_first reversed");
    let by_date: HashSet<String> = journal
        .by_date()
        .unwrap()
        .map(|e| e.unwrap().id.to_string())
        .collect();
    let by_id: HashMap<String, Entry> = oldest.into_iter().map(|e| (e.id.to_string(), e)).collect();
    assert_eq!(
        by_id.len(),
        by_date.len(),
        "ids are unique and by_date sees the same entries"
    );
    assert!(by_date.iter().all(|id| by_id.contains_key(id)));
    by_id
}

/// The journal's non-blank lines that are not readable records.
fn damaged_lines(path: &Path) -> Vec<String> {
    let bytes = fs::read(path).unwrap_or_default();
    bytes
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty() && Record::parse(line).is_err())
        .map(|line| String::from_utf8_lossy(line).into_owned())
        .collect()
}

/// Asserts that the journal holds exactly `expected` (id → text), every line is a
/// record, and `reflect check` agrees.
fn assert_exactly(env: &TestEnv, expected: &HashMap<String, String>) {
    let path = env.journal_path();
    assert_eq!(
        damaged_lines(&path),
        Vec::<String>::new(),
        "no damaged or interleaved line"
    );
    let live = live_entries(&path);
    assert_eq!(
        live.len(),
        expected.len(),
        "every append is there exactly once"
    );
    for (id, text) in expected {
        let entry = live
            .get(id)
            .unwrap_or_else(|| panic!("entry {id} is missing"));
        assert_eq!(&entry.text, text, "entry {id} is intact");
    }
    let check = run_ok(env, &path, &["check"]);
    assert!(
        check.contains(&format!("ok ({} records)", expected.len())),
        "{check}"
    );
}

/// `writers` threads, each running `appends` `reflect write -m` processes one after
/// the other. Returns id → text of every (successful) write.
fn concurrent_writes(env: &TestEnv, writers: usize, appends: usize) -> HashMap<String, String> {
    let path = env.journal_path();
    let results: Vec<Vec<(String, String)>> = thread::scope(|scope| {
        let handles: Vec<_> = (0..writers)
            .map(|writer| {
                let path = &path;
                scope.spawn(move || {
                    let levels = ["school", "network", "system"];
                    (0..appends)
                        .map(|i| {
                            let text = format!(
                                "Writer {writer}, append {i}: the heads met about \"shared purpose\".\nSecond line, ünïcode {writer}-{i}."
                            );
                            let tag = format!("w{writer}");
                            let id = run_ok(env, path, &["write", "-m", &text, "--level", levels[i % 3], "--tag", &tag]);
                            (id.trim().to_string(), text)
                        })
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("writer thread"))
            .collect()
    });
    let mut all = HashMap::new();
    for (id, text) in results.into_iter().flatten() {
        assert!(
            all.insert(id.clone(), text).is_none(),
            "id {id} was given twice"
        );
    }
    all
}

/// How many `reflect write` runs each of the eight concurrent writers makes: 50 by
/// default (400 entries, so `cargo test` stays quick), or `REFLECT_TORTURE_ROUNDS`
/// (200 is the full run, 1,600 entries: `REFLECT_TORTURE_ROUNDS=200 cargo test torture`).
fn appends_per_writer() -> usize {
    match std::env::var("REFLECT_TORTURE_ROUNDS") {
        Ok(value) => value
            .parse()
            .expect("REFLECT_TORTURE_ROUNDS is a whole number"),
        Err(_) => 50,
    }
}

#[test]
fn eight_concurrent_writers_keep_every_entry() {
    let env = TestEnv::new();
    let appends = appends_per_writer();
    let written = concurrent_writes(&env, 8, appends);
    assert_eq!(written.len(), 8 * appends);
    assert_exactly(&env, &written);
}

#[test]
fn concurrent_writers_survive_compact_and_repair_running_alongside() {
    let env = TestEnv::new();
    let path = env.journal_path();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let done = AtomicBool::new(false);
    let (written, rewrites) = thread::scope(|scope| {
        let rewriter = scope.spawn(|| {
            let mut rewrites = 0;
            while !done.load(Ordering::SeqCst) {
                // A damaged line (appended whole, as another program might), so that
                // every repair really rewrites the journal.
                let mut file = OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&path)
                    .unwrap();
                file.write_all(b"{\"v\":1,\"op\":\"add\" damaged by the torture test}\n")
                    .unwrap();
                drop(file);
                let repaired = run_ok(&env, &path, &["check", "--repair"]);
                assert!(repaired.contains("moved"), "{repaired}");
                run_ok(&env, &path, &["compact"]);
                rewrites += 1;
            }
            rewrites
        });
        let written = concurrent_writes(&env, 8, appends_per_writer());
        done.store(true, Ordering::SeqCst);
        (written, rewriter.join().expect("rewriter thread"))
    });
    assert!(
        rewrites > 0,
        "compact and repair ran while the writers wrote"
    );
    eprintln!(
        "{rewrites} rounds of check --repair + compact ran during the {} appends",
        written.len()
    );
    run_ok(&env, &path, &["check", "--repair"]);
    assert_exactly(&env, &written);
    let damaged = fs::read_to_string(Journal::new(&path).damaged_path()).unwrap();
    assert!(
        damaged
            .lines()
            .all(|l| l.contains("damaged by the torture test")),
        "only our damage was moved aside"
    );
}

/// Median wall time of a few uninterrupted `reflect ARGS` runs.
fn median_run(env: &TestEnv, journal: &Path, args: &[&str], runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            run_ok(env, journal, args);
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// What a killed writer left at the end of the journal (`appended`: the bytes since
/// it started): its whole record, part of it (the kernel stops a `write` half-way
/// through when SIGKILL arrives between two pages of it: a torn line, like a power
/// cut), or nothing.
enum Left {
    Record,
    Torn(String),
    Nothing,
}

fn left_by_writer(appended: &[u8]) -> Left {
    // The writer starts with a newline when the file ended in a torn line.
    let line = appended.strip_prefix(b"\n").unwrap_or(appended);
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    if line.is_empty() {
        Left::Nothing
    } else if Record::parse(line).is_ok() {
        Left::Record
    } else {
        Left::Torn(String::from_utf8_lossy(line).into_owned())
    }
}

#[test]
fn writers_killed_at_random_moments_never_lose_a_completed_entry() {
    // 400 by default; `REFLECT_CRASH_ROUNDS` for longer hunts.
    let rounds: usize = std::env::var("REFLECT_CRASH_ROUNDS").ok().map_or(400, |n| {
        n.parse().expect("REFLECT_CRASH_ROUNDS is a whole number")
    });
    let env = TestEnv::new();
    let path = env.journal_path();
    let mut rng = Prng(0x5eed_0001);
    let full_run = median_run(&env, &path, &["write", "-m", "calibration"], 5);
    let mut max_delay = full_run;
    let mut completed: Vec<String> = vec!["calibration".into(); 5];
    let mut attempted: HashSet<String> = completed.iter().cloned().collect();
    let mut torn: Vec<String> = Vec::new();
    let (mut killed_before_saving, mut killed_after_saving, mut killed_mid_write) = (0, 0, 0);
    let mut recently_saved = 0;
    let length = |path: &Path| fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    for round in 0..rounds {
        if round % 60 == 30 {
            // A power cut mid-write: half a record, no newline (on a line of its own
            // if a killed writer left one torn already).
            let line = crate::util::Record::add(&format!("torn{round}"), "2026-11-23", "cut short")
                .written(NOW)
                .cut_after("cut sho");
            let ends_a_line = fs::read(&path).unwrap().last() == Some(&b'\n');
            let mut file = OpenOptions::new().append(true).open(&path).unwrap();
            let newline = if ends_a_line { "" } else { "\n" };
            file.write_all(format!("{newline}{line}").as_bytes())
                .unwrap();
            torn.push(line);
        }
        // Every tenth entry is long (~100 KB: many pages in one `write`), so some
        // kills land inside the write itself.
        let repeat = if round % 10 == 5 { 2700 } else { 8 };
        let text = format!(
            "Crash round {round}: {}",
            "reflection on trust in the network. "
                .repeat(repeat)
                .trim_end()
        );
        attempted.insert(text.clone());
        let before = length(&path);
        let mut child = reflect(&env, &path)
            .args(["write", "-m", &text, "--level", "network"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Even rounds: anywhere in the writer's life or after it (many complete).
        // Odd rounds: aimed at the moment of saving (see below).
        let aimed = round % 2 == 1;
        thread::sleep(rng.below(if aimed {
            max_delay
        } else {
            full_run.mul_f64(3.0)
        }));
        let _ = child.kill(); // SIGKILL; fails harmlessly if it already exited
        let status = child.wait().unwrap();
        // Whether the file grew is not enough: a writer killed inside its `write`
        // may leave part of its record (counted as torn, not as saved).
        let appended = fs::read(&path).unwrap_or_default();
        let left = left_by_writer(appended.get(before as usize..).unwrap_or_default());
        let saved = !matches!(left, Left::Nothing);
        if status.success() {
            completed.push(text);
        } else {
            match left {
                Left::Record => killed_after_saving += 1,
                Left::Torn(line) => {
                    killed_mid_write += 1;
                    torn.push(line);
                }
                Left::Nothing => killed_before_saving += 1,
            }
        }
        // Aim the kills at the moment of saving, whatever the machine's speed: about
        // half the aimed writers should die before their entry reaches the file.
        recently_saved += usize::from(aimed && saved);
        if round % 20 == 19 {
            if recently_saved > 7 {
                max_delay = max_delay.mul_f64(0.7);
            } else if recently_saved < 3 {
                max_delay = max_delay.mul_f64(1.4);
            }
            recently_saved = 0;
        }
    }
    eprintln!(
        "crash torture: {rounds} rounds: {} completed, {killed_after_saving} killed after saving, \
         {killed_mid_write} killed mid-write, {killed_before_saving} killed before saving, \
         {} torn lines in all",
        completed.len() - 5,
        torn.len()
    );
    assert!(
        killed_before_saving + killed_after_saving + killed_mid_write > 0,
        "some writers were killed"
    );

    // The journal reads, and holds every completed entry, intact.
    run_ok(&env, &path, &["list", "-n", "10"]);
    let check_entries = |when: &str| {
        let live = live_entries(&path);
        let texts: Vec<&str> = live.values().map(|e| e.text.as_str()).collect();
        for text in &completed {
            assert!(
                texts.contains(&text.as_str()),
                "{when}: a completed entry is missing: {text:.40}"
            );
        }
        for text in &texts {
            assert!(
                attempted.contains(*text),
                "{when}: an entry nobody wrote: {text:.60}"
            );
        }
    };
    check_entries("before repair");
    assert_eq!(
        live_entries(&path).len(),
        completed.len() + killed_after_saving,
        "the entries in the file are those that completed or were saved before the kill"
    );
    // A torn line never swallows the next record: the damage is exactly what was torn.
    assert_eq!(
        damaged_lines(&path),
        torn,
        "only the torn writes are damaged"
    );

    let check = run(&env, &path, &["check"]);
    if torn.is_empty() {
        assert!(check.status.success());
    } else {
        assert!(!check.status.success(), "check reports the torn lines");
        run_ok(&env, &path, &["check", "--repair"]);
        run_ok(&env, &path, &["check"]);
        assert!(damaged_lines(&path).is_empty());
    }
    check_entries("after repair");

    // The next write works and reads back.
    let id = run_ok(
        &env,
        &path,
        &["write", "-m", "After the storm", "--level", "system"],
    );
    let shown = run_ok(&env, &path, &["show", id.trim()]);
    assert!(shown.contains("After the storm"), "{shown}");
}

/// A journal of `count` entries written straight to the file, with some revised
/// and some retracted so that compacting changes it.
fn big_journal(path: &Path, count: usize) -> Vec<u8> {
    let written = DateTime::parse_from_rfc3339("2024-01-08T18:00:00+01:00").unwrap();
    let start = NaiveDate::from_ymd_opt(2024, 1, 8).unwrap();
    let mut bytes = Vec::new();
    for i in 0..count {
        let entry = Entry {
            id: EntryId::from_u64(i as u64 + 1),
            date: start + chrono::Days::new((i / 20) as u64),
            written,
            revised: None,
            level: Some(Placement::At(Level::ALL[i % 3])),
            depth: None,
            from: None,
            pack: Some("ncsl-networks".into()),
            pack_version: Some("1.0.0".into()),
            prompt: Some(format!("prompt-{}", i % 24)),
            theme: Some(format!("theme-{}", i % 8)),
            tags: vec![format!("t{}", i % 5)],
            text: format!("Entry {i}: we visited the partner school and talked about\nwhat we would change on Monday."),
        };
        bytes.extend(Record::add(&entry).to_line());
        if i % 40 == 7 {
            let mut revised = entry.clone();
            revised.text.push_str(" (revised)");
            bytes.extend(Record::edit(&revised, written + chrono::Duration::hours(1)).to_line());
        }
        if i % 55 == 11 {
            bytes.extend(Record::delete(&entry.id, written + chrono::Duration::hours(2)).to_line());
        }
    }
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, &bytes).unwrap();
    bytes
}

/// Files in the journal's folder other than the journal and its lock: temp files
/// left by a killed rewrite.
fn leftovers(path: &Path) -> Vec<PathBuf> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let lock = format!("{name}.lock");
    fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let file = p.file_name().unwrap().to_string_lossy();
            file != name && file != lock && file != "drafts"
        })
        .collect()
}

#[test]
fn compact_killed_midway_leaves_the_old_or_the_new_journal() {
    const ENTRIES: usize = 5000;
    const ROUNDS: usize = 24;
    let env = TestEnv::new();
    let path = env.journal_path();

    // The compacted content, from one uninterrupted run on a copy.
    let reference = env.root().join("reference").join("journal.jsonl");
    let old = big_journal(&reference, ENTRIES);
    let start = Instant::now();
    run_ok(&env, &reference, &["compact"]);
    let compact_time = start.elapsed();
    let new = fs::read(&reference).unwrap();
    assert_ne!(old, new, "compacting this journal changes it");
    let old_live = {
        big_journal(&path, ENTRIES);
        live_entries(&path)
    };
    let mut new_live = live_entries(&reference);
    for entry in new_live.values_mut() {
        entry.revised = None;
    }
    let mut old_cleared = old_live.clone();
    for entry in old_cleared.values_mut() {
        entry.revised = None;
    }
    assert_eq!(
        old_cleared, new_live,
        "old and new hold the same live entries"
    );

    let mut rng = Prng(0x5eed_0002);
    let (mut saw_old, mut saw_new, mut temp_files) = (0, 0, 0);
    let mut max_delay = compact_time.mul_f64(1.2);
    for round in 0..ROUNDS {
        // Keep killing both before and after the rename, however loaded the machine is.
        if round % 6 == 5 {
            if saw_new * 6 < round {
                max_delay = max_delay.mul_f64(1.6);
            } else if saw_old * 6 < round {
                max_delay = max_delay.mul_f64(0.6);
            }
        }
        fs::write(&path, &old).unwrap();
        let mut child = reflect(&env, &path)
            .arg("compact")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        thread::sleep(rng.below(max_delay));
        let _ = child.kill();
        let finished = child.wait().unwrap().success();
        let now = fs::read(&path).unwrap();
        if now == old {
            assert!(
                !finished,
                "round {round}: compact reported success but the journal is unchanged"
            );
            saw_old += 1;
        } else {
            assert!(
                now == new,
                "round {round}: the journal is neither the old nor the compacted file"
            );
            saw_new += 1;
        }
        // Temp files are never the journal, and are the only thing left behind.
        for leftover in leftovers(&path) {
            let file = leftover.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                file.starts_with(".journal.jsonl.") && file.ends_with(".tmp"),
                "unexpected file {file}"
            );
            temp_files += 1;
            fs::remove_file(&leftover).unwrap();
        }
    }
    eprintln!(
        "compact killed {ROUNDS} times (a full compact takes {compact_time:?}): {saw_old} old, {saw_new} new, {temp_files} temp files left behind"
    );
    // Whatever happened, the journal reads the same and can still be compacted.
    fs::write(&path, &old).unwrap();
    run_ok(&env, &path, &["check"]);
    run_ok(&env, &path, &["compact"]);
    assert_eq!(fs::read(&path).unwrap(), new);
}

/// A tmpfs mounted for one test, unmounted on drop (even when the test fails).
struct TinyDisk {
    dir: PathBuf,
}

impl TinyDisk {
    fn mount(dir: PathBuf, size: &str) -> Option<TinyDisk> {
        fs::create_dir_all(&dir).ok()?;
        let status = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok()?;
        status.success().then_some(TinyDisk { dir })
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.dir).status();
    }
}

#[test]
fn a_full_disk_fails_the_write_cleanly_and_keeps_every_earlier_entry() {
    let env = TestEnv::new();
    let Some(disk) = TinyDisk::mount(env.root().join("tiny"), "64k") else {
        eprintln!(
            "skipped: cannot mount a tmpfs here (needs root); the full-disk test did not run"
        );
        return;
    };
    let path = disk.dir.join("journal.jsonl");
    let mut saved = HashMap::new();
    let failure = (0..200)
        .find_map(|i| {
            let text = format!(
                "Entry {i} on a small disk. {}",
                "We shared our data honestly. ".repeat(60).trim_end()
            );
            let output = run(&env, &path, &["write", "-m", &text]);
            if output.status.success() {
                saved.insert(
                    String::from_utf8(output.stdout).unwrap().trim().to_string(),
                    text,
                );
                None
            } else {
                Some(output)
            }
        })
        .expect("a 64 KiB disk fills up within 200 entries of 1.7 KB");
    assert!(!saved.is_empty(), "some entries fit before the disk filled");

    let stderr = String::from_utf8(failure.stderr).unwrap();
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "one line of error: {stderr}"
    );
    assert!(stderr.starts_with("reflect: "), "{stderr}");
    assert!(
        stderr.contains(&path.display().to_string()),
        "the error names the journal: {stderr}"
    );
    assert!(
        stderr.contains("NOT saved"),
        "the error says the entry was not saved: {stderr}"
    );
    assert!(
        failure.stdout.is_empty(),
        "no id printed for an entry that was not saved"
    );

    assert_eq!(
        damaged_lines(&path),
        Vec::<String>::new(),
        "no torn line left behind"
    );
    let live = live_entries(&path);
    assert_eq!(live.len(), saved.len());
    for (id, text) in &saved {
        assert_eq!(&live[id].text, text, "earlier entry {id} is intact");
    }
    let check = run_ok(&env, &path, &["check"]);
    assert!(
        check.contains(&format!("ok ({} records)", saved.len())),
        "{check}"
    );
    eprintln!(
        "full disk: {} entries fitted; then: {}",
        saved.len(),
        stderr.trim_end()
    );
}

/// A journal mangled by another program (every line damaged) still lists, and every
/// damaged line is named by its number. (Regression: numbering the lines met reading
/// backwards used to re-read the file once per damaged line.)
#[test]
fn a_journal_full_of_damaged_lines_is_numbered_in_one_pass() {
    let env = TestEnv::new();
    let path = env.journal_path();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let line = format!("{}\n", "not a record ".repeat(15));
    fs::write(&path, line.repeat(20_000)).unwrap();
    let output = run(&env, &path, &["list", "-n", "10"]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.matches("skipped a damaged line").count(),
        20,
        "{stderr}"
    );
    for number in [1, 2, 20] {
        assert!(
            stderr.contains(&format!("journal.jsonl:{number}: skipped")),
            "line {number}"
        );
    }
    assert!(
        stderr.contains("skipped 19980 more damaged lines, the last at line 20000"),
        "{stderr}"
    );
}
