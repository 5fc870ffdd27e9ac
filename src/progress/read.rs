//! Reading participants' summaries for `reflect cohort`. They come from other people,
//! so nothing in them is trusted:
//!
//! - a summary must be a regular file (not a FIFO, a device or a folder) of at most
//!   [`MAX_SUMMARY_BYTES`];
//! - each file counts once: two paths to the same file (a symlink, `./x` and `x`), or
//!   two files with the same bytes, are one participant, with a warning;
//! - the JSON must be a summary of a version this reflect reads (1 or 2), with the
//!   canonical ladders, counts that add up without overflowing, and dates within the years
//!   [`MIN_YEAR`]..=[`MAX_YEAR`].
//!
//! Every error is one line naming the file.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Result};
use chrono::{Datelike, NaiveDate};

use super::legacy::SummaryV1;
use super::summary::{grid_from_cells, Summary, FORMAT, VERSION};
use crate::dates::{year_in_range, MAX_YEAR, MIN_YEAR};
use crate::entry::{Depth, Level};
use crate::t;

/// The largest summary file read. A real summary is a few kilobytes.
pub const MAX_SUMMARY_BYTES: u64 = 1 << 20;

/// The longest group name read from a summary, in characters.
pub const MAX_GROUP_CHARS: usize = 200;

/// Summaries read from files, each participant once, and warnings for the files
/// skipped or set aside.
#[derive(Debug, Default)]
pub struct Summaries {
    pub summaries: Vec<Summary>,
    /// The file each summary came from, in the same order.
    pub files: Vec<PathBuf>,
    pub warnings: Vec<String>,
}

/// Reads and checks the summaries at `paths`, in order, skipping (with a warning) a
/// file already read under another name or with the same content. A bad file stops
/// everything (a one-line error naming it), unless `skip_bad`: then it is left out
/// with a warning. Of several summaries of one participant only the latest (by
/// `generated_at`) is kept; the others are set aside with a warning.
pub fn read_summaries(paths: &[PathBuf], skip_bad: bool) -> Result<Summaries> {
    let mut read = Summaries::default();
    let mut by_file: HashMap<PathBuf, &Path> = HashMap::new();
    let mut by_content: HashMap<Vec<u8>, &Path> = HashMap::new();
    for path in paths {
        match read_one(path, &mut by_file, &mut by_content, &mut read.warnings) {
            Ok(Some(summary)) => {
                read.summaries.push(summary);
                read.files.push(path.clone());
            }
            Ok(None) => {}
            Err(err) if skip_bad => read
                .warnings
                .push(t!("summary-skipped", error = format!("{err:#}"))),
            Err(err) => return Err(err),
        }
    }
    keep_latest_per_participant(&mut read);
    Ok(read)
}

/// Keeps, of the summaries carrying the same participant id, the one generated
/// last (the first given, on a tie), in the order the files were given.
fn keep_latest_per_participant(read: &mut Summaries) {
    let mut latest: HashMap<&str, usize> = HashMap::new();
    for (i, summary) in read.summaries.iter().enumerate() {
        if let Some(id) = summary.participant.as_deref() {
            let kept = latest.entry(id).or_insert(i);
            if summary.generated_at > read.summaries[*kept].generated_at {
                *kept = i;
            }
        }
    }
    let keep: Vec<bool> = read
        .summaries
        .iter()
        .enumerate()
        .map(|(i, s)| s.participant.as_deref().is_none_or(|id| latest[id] == i))
        .collect();
    for (i, summary) in read.summaries.iter().enumerate() {
        if let Some(id) = summary.participant.as_deref().filter(|_| !keep[i]) {
            read.warnings.push(t!(
                "summary-set-aside",
                file = read.files[i].display().to_string(),
                latest = read.files[latest[id]].display().to_string()
            ));
        }
    }
    let mut flags = keep.iter();
    read.summaries.retain(|_| *flags.next().unwrap_or(&true));
    let mut flags = keep.iter();
    read.files.retain(|_| *flags.next().unwrap_or(&true));
}

/// One file: `None` when it was already read under another name or as a copy.
fn read_one<'a>(
    path: &'a Path,
    by_file: &mut HashMap<PathBuf, &'a Path>,
    by_content: &mut HashMap<Vec<u8>, &'a Path>,
    warnings: &mut Vec<String>,
) -> Result<Option<Summary>> {
    {
        let fail = |problem: String| anyhow!("{}", located(path, &problem));
        let canonical = fs::canonicalize(path).map_err(|err| fail(cannot_read(&err)))?;
        if let Some(first) = by_file.get(&canonical) {
            warnings.push(t!(
                "summary-given-twice",
                file = path.display().to_string(),
                first = first.display().to_string()
            ));
            return Ok(None);
        }
        by_file.insert(canonical, path);
        let bytes = read_capped(path, MAX_SUMMARY_BYTES).map_err(fail)?;
        if let Some(first) = by_content.get(&bytes) {
            warnings.push(t!(
                "summary-same-content",
                file = path.display().to_string(),
                first = first.display().to_string()
            ));
            return Ok(None);
        }
        let text = std::str::from_utf8(&bytes).map_err(|_| fail(t!("summary-not-utf8")))?;
        let summary = Summary::from_json(text).map_err(fail)?;
        by_content.insert(bytes, path);
        Ok(Some(summary))
    }
}

/// `path: problem`, or `path:LINE:COLUMN: ...` when the problem starts with a position.
fn located(path: &Path, problem: &str) -> String {
    let separator = if problem.starts_with(|c: char| c.is_ascii_digit()) {
        ":"
    } else {
        ": "
    };
    format!("{}{separator}{problem}", path.display())
}

fn cannot_read(err: &std::io::Error) -> String {
    t!("summary-cannot-read", error = err.to_string())
}

/// The bytes of the regular file at `path`, refusing other kinds of file and files
/// over `limit` bytes without reading more than `limit + 1` bytes.
fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    // Checked before opening: opening a FIFO would wait for a writer.
    let metadata = fs::metadata(path).map_err(|err| cannot_read(&err))?;
    check_kind(&metadata)?;
    let file = File::open(path).map_err(|err| cannot_read(&err))?;
    // Checked again on what was opened, in case the path changed in between.
    let metadata = file.metadata().map_err(|err| cannot_read(&err))?;
    check_kind(&metadata)?;
    let too_large = || t!("summary-too-large", mib = (limit >> 20).to_string());
    if metadata.len() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| cannot_read(&err))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

fn check_kind(metadata: &fs::Metadata) -> Result<(), String> {
    if metadata.is_file() {
        return Ok(());
    }
    let kind = if metadata.is_dir() {
        t!("summary-kind-folder")
    } else {
        special_kind(metadata.file_type())
    };
    Err(t!("summary-not-regular", kind = kind))
}

#[cfg(unix)]
fn special_kind(kind: fs::FileType) -> String {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        t!("summary-kind-fifo")
    } else if kind.is_char_device() || kind.is_block_device() {
        t!("summary-kind-device")
    } else if kind.is_socket() {
        t!("summary-kind-socket")
    } else {
        t!("summary-kind-special")
    }
}

#[cfg(not(unix))]
fn special_kind(_: fs::FileType) -> String {
    t!("summary-kind-special")
}

impl Summary {
    /// Reads a summary written by `reflect progress --format json`, checking its
    /// format, version, ladder, arithmetic and dates. Errors are one line, starting
    /// with `LINE:COLUMN: ` for JSON syntax errors.
    pub fn from_json(text: &str) -> Result<Summary, String> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|err| {
            let message = err.to_string();
            let suffix = format!(" at line {} column {}", err.line(), err.column());
            let message = message.strip_suffix(&suffix).unwrap_or(&message);
            format!(
                "{}:{}: {}",
                err.line(),
                err.column(),
                t!("summary-not-json", message = message)
            )
        })?;
        let format = value
            .get("format")
            .ok_or_else(|| t!("summary-not-a-summary"))?;
        if format.as_str() != Some(FORMAT) {
            return Err(t!(
                "summary-wrong-format",
                found = format.to_string(),
                expected = FORMAT
            ));
        }
        let summary = match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(1) => {
                let old: SummaryV1 = serde_json::from_value(value).map_err(invalid)?;
                old.check()?;
                old.into_current()
            }
            Some(v) if v == u64::from(VERSION) => serde_json::from_value(value).map_err(invalid)?,
            Some(v) if v > u64::from(VERSION) => {
                return Err(t!(
                    "summary-newer",
                    version = v.to_string(),
                    reads = VERSION.to_string()
                ))
            }
            _ => return Err(t!("summary-no-version", reads = VERSION.to_string())),
        };
        summary.check()?;
        summary.check_who()?;
        if let Some(check_in) = &summary.check_in {
            crate::checkin::json::read_figures(check_in)?;
        }
        Ok(summary)
    }

    /// The participant id and group come from anyone: an id is letters and digits,
    /// a group name is of a bounded length (its characters are neutralised where shown).
    fn check_who(&self) -> Result<(), String> {
        if let Some(id) = &self.participant {
            if !crate::participant::is_valid_id(id) {
                return Err(t!("summary-bad-participant"));
            }
        }
        if let Some(group) = &self.group {
            if group.trim().is_empty() || group.chars().count() > MAX_GROUP_CHARS {
                return Err(t!("summary-bad-group", max = MAX_GROUP_CHARS.to_string()));
            }
        }
        Ok(())
    }

    /// Checks what the schema cannot: the ladders, that rows and measures add up
    /// (without overflowing), and that every date is within the accepted years.
    fn check(&self) -> Result<(), String> {
        let ids: Vec<Level> = self.levels.iter().map(|l| l.id).collect();
        if ids != Level::ALL {
            let found = format!("{:?}", ids.iter().map(|l| l.as_str()).collect::<Vec<_>>());
            return Err(t!("summary-bad-ladder", found = found));
        }
        let depths: Vec<Depth> = self.depths.iter().map(|d| d.id).collect();
        if depths != Depth::ALL {
            return Err(t!("summary-bad-depths"));
        }
        let rows = self
            .themes
            .iter()
            .map(|t| (t.title.clone(), &t.row))
            .chain([
                (t!("summary-row-free"), &self.free),
                (t!("summary-row-totals"), &self.totals),
            ]);
        for (name, row) in rows {
            let total = row
                .counts
                .checked_total()
                .and_then(|n| n.checked_add(row.idea))
                .and_then(|n| n.checked_add(row.unrated));
            if total != Some(row.total) || row.last5.len() > 5 {
                return Err(t!("summary-row-not-adding-up", row = name));
            }
        }
        let whole = &self.measures.whole;
        if (whole.counts, whole.idea, whole.unrated)
            != (self.totals.counts, self.totals.idea, self.totals.unrated)
        {
            return Err(t!("summary-measures-not-totals"));
        }
        let grid = grid_from_cells(&self.grid).ok_or_else(|| t!("summary-grid-shape"))?;
        let adds_up = Level::ALL.into_iter().all(|level| {
            Depth::ALL
                .into_iter()
                .map(Some)
                .chain([None])
                .try_fold(0u64, |sum, depth| sum.checked_add(grid.get(level, depth)))
                == Some(whole.counts[level])
        });
        if !adds_up {
            return Err(t!("summary-grid-not-adding-up"));
        }
        self.check_dates()
    }

    /// Every date of the summary is within [`MIN_YEAR`]..=[`MAX_YEAR`]: beyond them
    /// a month series would be unbounded.
    fn check_dates(&self) -> Result<(), String> {
        let span = &self.period;
        let windows = &self.measures;
        let periods = self
            .months
            .iter()
            .chain(self.by.iter().flat_map(|by| &by.rows));
        let (from_name, to_name) = (
            t!("summary-field-period-from"),
            t!("summary-field-period-to"),
        );
        let dates = [
            ("generated_at", Some(self.generated_at.date_naive())),
            ("period.first", span.first),
            ("period.last", span.last),
            ("period.since", span.since),
            ("period.until", span.until),
            ("measures.recent.from", Some(windows.recent.from)),
            ("measures.recent.to", Some(windows.recent.to)),
            ("measures.previous.from", Some(windows.previous.from)),
            ("measures.previous.to", Some(windows.previous.to)),
        ]
        .into_iter()
        .chain(periods.flat_map(|row| {
            [
                (from_name.as_str(), Some(row.from)),
                (to_name.as_str(), Some(row.to)),
            ]
        }));
        for (field, date) in dates {
            if let Some(date) = date.filter(|d| !year_in_range(i64::from(d.year()))) {
                return Err(out_of_range(field, date));
            }
        }
        Ok(())
    }
}

fn out_of_range(field: &str, date: NaiveDate) -> String {
    t!(
        "summary-date-out-of-range",
        date = date.to_string(),
        field = field,
        min = MIN_YEAR.to_string(),
        max = MAX_YEAR.to_string()
    )
}

fn invalid(err: serde_json::Error) -> String {
    t!("summary-invalid", error = err.to_string())
}
