//! `check`, `check --repair` and `compact`: the only operations that read the whole
//! journal to change it. Both rewrites hold the write lock from the first read to
//! the rename, so no concurrent append can be lost.

use std::io::Write;
use std::path::PathBuf;

use super::entries::Entries;
use super::record::{LineProblem, Op, Record};
use super::report::Damage;
use super::revisions::RecordAt;
use super::scan::Scan;
use super::snapshot::Snapshot;
use super::write::WriteLock;
use super::{Journal, JournalError, Result};
use crate::fs::{private_options, remove_stale_temp_files, resolve_symlink, write_atomically};

/// What `reflect check` found.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    /// Readable records (adds, edits, deletes, check-ins).
    pub records: usize,
    /// Of which check-ins.
    pub checkins: usize,
    /// Damaged lines, in file order (records of a newer format included).
    pub damage: Vec<Damage>,
    /// The file ends without a newline (a write was cut short).
    pub torn_tail: bool,
}

#[derive(Debug, Clone)]
pub struct RepairReport {
    pub kept: usize,
    pub moved: usize,
    /// Records of a newer format, left in place (a newer reflect reads them).
    pub newer: usize,
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
    let snapshot = Snapshot::open(journal)?;
    let mut scan = Scan::forwards(journal, &snapshot)
        .quiet()
        .keeping_all_damage();
    let mut report = CheckReport::default();
    let mut last_end = 0u64;
    while let Some((offset, line)) = scan.next_line()? {
        last_end = offset + line.len() as u64;
        match Record::parse_without_text(line) {
            Ok(_) => report.records += 1,
            Err(LineProblem::NotAnEntry) => {
                report.records += 1;
                report.checkins += 1;
            }
            Err(problem) => scan.note_problem(offset, problem),
        }
    }
    report.damage = scan.damage().first;
    report.torn_tail = snapshot.len() > 0 && last_end == snapshot.len();
    Ok(report)
}

/// Whether `check --repair` moves the line aside: unreadable, not merely newer (a
/// check-in is kept).
fn to_move(line: &[u8]) -> bool {
    matches!(
        Record::parse_without_text(line),
        Err(LineProblem::Unreadable(_))
    )
}

pub(super) fn repair(journal: &Journal) -> Result<RepairReport> {
    let _lock = WriteLock::acquire(journal)?;
    remove_stale_temp_files(&resolve_symlink(journal.path()));
    let damaged_path = journal.damaged_path();
    let before = check(journal)?;
    let newer = before
        .damage
        .iter()
        .filter(|d| matches!(d.problem, LineProblem::NewerVersion(_)))
        .count();
    let moved = before.damage.len() - newer;
    if moved == 0 {
        return Ok(RepairReport {
            kept: before.records,
            moved: 0,
            newer,
            damaged_path,
        });
    }

    // First make the damaged lines safe in the side file, then drop them from the journal.
    let snapshot = Snapshot::open(journal)?;
    let mut bytes = Vec::new();
    {
        let mut scan = Scan::forwards(journal, &snapshot).quiet();
        while let Some((_, line)) = scan.next_line()? {
            if to_move(line) {
                bytes.extend_from_slice(line);
                bytes.push(b'\n');
            }
        }
    }
    let mut side = private_options()
        .append(true)
        .create(true)
        .open(&damaged_path)
        .map_err(JournalError::io("journal-io-open", &damaged_path))?;
    side.write_all(&bytes)
        .and_then(|_| side.sync_data())
        .map_err(JournalError::io("journal-io-write", &damaged_path))?;

    let mut kept = 0;
    let target = resolve_symlink(journal.path());
    write_atomically(&target, |out| {
        let mut scan = Scan::forwards(journal, &snapshot).quiet();
        while let Some((_, line)) = scan.next_line()? {
            if !to_move(line) {
                out.write_all(line)?;
                out.write_all(b"\n")?;
                kept += 1;
            }
        }
        Ok(())
    })
    .map_err(io_error(journal, "journal-io-rewrite"))?;
    Ok(RepairReport {
        kept: kept - newer,
        moved,
        newer,
        damaged_path,
    })
}

pub(super) fn compact(journal: &Journal) -> Result<CompactReport> {
    let _lock = WriteLock::acquire(journal)?;
    remove_stale_temp_files(&resolve_symlink(journal.path()));
    let before = check(journal)?;
    if let Some(first) = before.damage.first() {
        return Err(JournalError::Io {
            action: "journal-io-refuse-compact",
            path: journal.path().to_path_buf(),
            source: std::io::Error::other(crate::t!(
                "journal-compact-damaged",
                count = before.damage.len().to_string(),
                line = first.line.to_string()
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
    // Check-ins are kept as they are, each before the first entry written after it.
    let mut checkins = journal.checkins()?;
    checkins.sort_by_key(|c| c.written);
    let mut checkins = checkins.into_iter().peekable();
    write_atomically(&target, |out| {
        // Exactly what the readers show: the live entries, in the order they were written.
        let mut entries = Entries::records_oldest_first(journal)?.without_text();
        let mut raw = RecordAt::sequential(entries.snapshot(), None);
        while let Some((offset, record)) = entries.next_record()? {
            let line = raw.line(offset)?;
            let first_written = record.created.unwrap_or(record.written);
            while let Some(checkin) = checkins.next_if(|c| c.written < first_written) {
                out.write_all(&super::checkins::to_line(&checkin))?;
            }
            if record.op == Op::Add {
                // Kept byte for byte, fields this version does not know included.
                out.write_all(line)?;
                out.write_all(b"\n")?;
            } else {
                let mut add = Record::parse(line).map_err(|p| anyhow::anyhow!("{p}"))?;
                add.op = Op::Add;
                add.written = add.created.take().unwrap_or(add.written);
                out.write_all(&add.to_line())?;
            }
            entries_after += 1;
        }
        entries.finish();
        for checkin in checkins.by_ref() {
            out.write_all(&super::checkins::to_line(&checkin))?;
        }
        Ok(())
    })
    .map_err(io_error(journal, "journal-io-compact"))?;
    Ok(CompactReport {
        records_before: before.records,
        entries_after,
    })
}
