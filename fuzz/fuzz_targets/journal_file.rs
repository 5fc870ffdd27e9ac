//! A whole journal file: every reader and `check` must take any
//! bytes without panicking, and `check` must account for every non-blank line.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use reflect::journal::Journal;

/// One file per fuzzing process, rewritten for every input.
fn path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        // Memory-backed when there is one: the target writes a file per input.
        let shm = std::path::Path::new("/dev/shm");
        let base = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("reflect-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir.join("journal.jsonl")
    })
}

fuzz_target!(|bytes: &[u8]| {
    let path = path();
    std::fs::write(path, bytes).expect("write the journal");
    let journal = Journal::new(path);
    for entries in [
        journal.newest_first(),
        journal.oldest_first(),
        journal.by_date(),
    ] {
        let mut entries = entries.expect("a readable file opens");
        for entry in entries.by_ref() {
            entry.expect("reading a file that exists never fails");
        }
        entries.take_damage(); // no warnings on stderr for every input
    }
    let report = journal.check().expect("check reads any file");
    let non_blank = bytes
        .split(|&b| b == b'\n')
        .filter(|line| {
            !line
                .strip_suffix(b"\r")
                .unwrap_or(line)
                .iter()
                .all(u8::is_ascii_whitespace)
        })
        .count();
    assert_eq!(
        report.records + report.damage.len(),
        non_blank,
        "every line is a record or damage"
    );
});
