//! `check`, `check --repair` and `compact`: the only operations that read the whole
//! journal to change it. Both rewrites hold the write lock from the first read to
//! the rename, so no concurrent append can be lost.

use std::io::Write;
use std::path::PathBuf;

use super::record::{Op, Record};
use super::report::Damage;
use super::scan::Scan;
use super::write::WriteLock;
use super::{Journal, JournalError, Result};
use crate::fs::{private_options, remove_stale_temp_files, resolve_symlink, write_atomically};

/// What `reflect check` found.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    /// Readable records (adds, edits, deletes).
    pub records: usize,
    /// Damaged lines, in file order.
    pub damage: Vec<Damage>,
    /// The file ends without a newline (a write was cut short).
    pub torn_tail: bool,
}

#[derive(Debug, Clone)]
pub struct RepairReport {
    pub kept: usize,
    pub moved: usize,
    pub damaged_path: PathBuf,
}

#[derive(Debug, Clone)]
pub struct CompactReport {
    pub records_before: usize,
    pub entries_after: usize,
}

fn io_error<'a>(
    journal: &'a Journal,
    action: &'static str,
) -> impl FnOnce(anyhow::Error) -> JournalError + 'a {
    move |err| JournalError::Io {
        action,
        path: journal.path().to_path_buf(),
        source: std::io::Error::other(format!("{err:#}")),
    }
}

pub(super) fn check(journal: &Journal) -> Result<CheckReport> {
    let mut scan = Scan::forwards(journal)?.quiet();
    let mut report = CheckReport::default();
    let mut last_end = 0u64;
    while let Some((offset, line)) = scan.next_line()? {
        last_end = offset + line.len() as u64;
        match Record::parse(line) {
            Ok(_) => report.records += 1,
            Err(problem) => scan.note_problem(offset, problem),
        }
    }
    report.damage = scan.damage();
    let length = std::fs::metadata(journal.path())
        .map(|m| m.len())
        .unwrap_or(0);
    report.torn_tail = length > 0 && last_end == length;
    Ok(report)
}

pub(super) fn repair(journal: &Journal) -> Result<RepairReport> {
    let _lock = WriteLock::acquire(journal)?;
    remove_stale_temp_files(&resolve_symlink(journal.path()));
    let damaged_path = journal.damaged_path();
    let mut bad_lines: Vec<Vec<u8>> = Vec::new();
    {
        let mut scan = Scan::forwards(journal)?.quiet();
        while let Some((_, line)) = scan.next_line()? {
            if Record::parse(line).is_err() {
                bad_lines.push(line.to_vec());
            }
        }
    }
    if bad_lines.is_empty() {
        return Ok(RepairReport {
            kept: check(journal)?.records,
            moved: 0,
            damaged_path,
        });
    }

    // First make the damaged lines safe in the side file, then drop them from the journal.
    let mut side = private_options()
        .append(true)
        .create(true)
        .open(&damaged_path)
        .map_err(JournalError::io("cannot open", &damaged_path))?;
    let mut bytes = Vec::new();
    for line in &bad_lines {
        bytes.extend_from_slice(line);
        bytes.push(b'\n');
    }
    side.write_all(&bytes)
        .and_then(|_| side.sync_data())
        .map_err(JournalError::io("cannot write", &damaged_path))?;

    let mut kept = 0;
    let target = resolve_symlink(journal.path());
    write_atomically(&target, |out| {
        let mut scan = Scan::forwards(journal)?.quiet();
        while let Some((_, line)) = scan.next_line()? {
            if Record::parse(line).is_ok() {
                out.write_all(line)?;
                out.write_all(b"\n")?;
                kept += 1;
            }
        }
        Ok(())
    })
    .map_err(io_error(journal, "cannot rewrite"))?;
    Ok(RepairReport {
        kept,
        moved: bad_lines.len(),
        damaged_path,
    })
}

pub(super) fn compact(journal: &Journal) -> Result<CompactReport> {
    let _lock = WriteLock::acquire(journal)?;
    remove_stale_temp_files(&resolve_symlink(journal.path()));
    let before = check(journal)?;
    if let Some(first) = before.damage.first() {
        return Err(JournalError::Io {
            action: "refusing to compact",
            path: journal.path().to_path_buf(),
            source: std::io::Error::other(format!(
                "{} damaged line(s), the first at line {}; run `reflect check --repair` first so nothing is lost",
                before.damage.len(),
                first.line
            )),
        });
    }
    if !journal.exists() {
        return Ok(CompactReport {
            records_before: 0,
            entries_after: 0,
        });
    }
    let mut entries_after = 0;
    let target = resolve_symlink(journal.path());
    write_atomically(&target, |out| {
        for entry in journal.oldest_first()? {
            let mut entry = entry?;
            entry.revised = None;
            let record = Record::add(&entry);
            debug_assert_eq!(record.op, Op::Add);
            out.write_all(&record.to_line())?;
            entries_after += 1;
        }
        Ok(())
    })
    .map_err(io_error(journal, "cannot compact"))?;
    Ok(CompactReport {
        records_before: before.records,
        entries_after,
    })
}
