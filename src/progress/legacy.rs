//! Summaries of format version 1 (reflect before issue 14), read so that
//! `reflect cohort` still combines them. Version 1 had no ideas, unrated entries,
//! depths or transfers (every entry had a level), so those read as zero; its
//! "latest" and "stage" are dropped.

use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use super::counts::Counts;
use super::measures::{Grid, Measures};
use super::summary::{
    canonical_depth_names, grid_cells, Change, DepthInfo, LevelInfo, PackInfo, PeriodRow, Row,
    Series, Span, Summary, ThemeRow, WindowMeasures, WindowedMeasures, FORMAT, VERSION,
};
use crate::entry::Depth;

#[derive(Debug, Deserialize)]
struct RowV1 {
    counts: Counts,
    total: u64,
}

#[derive(Debug, Deserialize)]
struct ThemeRowV1 {
    pack: Option<String>,
    theme: String,
    title: String,
    installed: bool,
    #[serde(flatten)]
    row: RowV1,
}

#[derive(Debug, Deserialize)]
struct ShareV1 {
    entries: u64,
    network_or_above: u64,
}

#[derive(Debug, Deserialize)]
struct WindowV1 {
    from: NaiveDate,
    to: NaiveDate,
    #[serde(flatten)]
    share: ShareV1,
}

#[derive(Debug, Deserialize)]
struct ReachV1 {
    window_days: u32,
    overall: ShareV1,
    recent: WindowV1,
    previous: WindowV1,
}

#[derive(Debug, Deserialize)]
struct PeriodRowV1 {
    period: String,
    from: NaiveDate,
    to: NaiveDate,
    counts: Counts,
    #[serde(flatten)]
    share: ShareV1,
}

#[derive(Debug, Deserialize)]
struct SeriesV1 {
    period: String,
    rows: Vec<PeriodRowV1>,
}

/// A version 1 summary, the fields reflect still uses.
#[derive(Debug, Deserialize)]
pub struct SummaryV1 {
    generated: NaiveDate,
    packs: Vec<PackInfo>,
    levels: Vec<LevelInfo>,
    period: Span,
    themes: Vec<ThemeRowV1>,
    free: RowV1,
    totals: RowV1,
    reach: ReachV1,
    months: Vec<PeriodRowV1>,
    #[serde(default)]
    by: Option<SeriesV1>,
}

fn rated(counts: Counts) -> Measures {
    Measures {
        counts,
        ..Measures::default()
    }
}

fn row(row: &RowV1) -> Row {
    Row {
        counts: row.counts,
        idea: 0,
        unrated: 0,
        total: row.total,
        last5: Vec::new(),
    }
}

fn period(row: PeriodRowV1) -> PeriodRow {
    PeriodRow {
        period: row.period,
        from: row.from,
        to: row.to,
        measures: rated(row.counts),
    }
}

impl SummaryV1 {
    /// Checks what version 1 could get wrong: rows and months that do not add up,
    /// reach counting more entries than there are. (The ladder and dates are
    /// checked on the converted summary.)
    pub fn check(&self) -> Result<(), String> {
        let rows = self
            .themes
            .iter()
            .map(|t| (t.title.clone(), &t.row))
            .chain([
                (crate::t!("summary-row-free"), &self.free),
                (crate::t!("summary-row-totals"), &self.totals),
            ]);
        for (name, row) in rows {
            if row.counts.checked_total() != Some(row.total) {
                return Err(crate::t!("summary-row-not-adding-up", row = name));
            }
        }
        let reach = &self.reach;
        let shares = [&reach.overall, &reach.recent.share, &reach.previous.share]
            .into_iter()
            .chain(self.months.iter().map(|m| &m.share));
        if shares.into_iter().any(|s| s.network_or_above > s.entries) {
            return Err(crate::t!("summary-v1-reach"));
        }
        if let Some(month) = self
            .months
            .iter()
            .find(|m| m.counts.checked_total() != Some(m.share.entries))
        {
            return Err(crate::t!("summary-v1-month", month = month.period.as_str()));
        }
        Ok(())
    }

    /// The same numbers as a version 2 summary. Without window counts per level,
    /// the windows count their entries at school or network level only as far as
    /// network reach needs.
    pub fn into_current(self) -> Summary {
        let window = |w: WindowV1| {
            let mut counts = Counts::default();
            counts.add(crate::entry::Level::Network, w.share.network_or_above);
            counts.add(
                crate::entry::Level::School,
                w.share.entries - w.share.network_or_above,
            );
            WindowMeasures {
                from: w.from,
                to: w.to,
                measures: rated(counts),
            }
        };
        let mut grid = Grid::default();
        for level in crate::entry::Level::ALL {
            grid.set(level, None, self.totals.counts[level]);
        }
        let (recent, previous) = (window(self.reach.recent), window(self.reach.previous));
        Summary {
            format: FORMAT.to_string(),
            version: VERSION,
            generated_at: self
                .generated
                .and_time(NaiveTime::MIN)
                .and_utc()
                .fixed_offset(),
            participant: None,
            group: None,
            check_in: None,
            packs: self.packs,
            levels: self.levels,
            depths: Depth::ALL
                .into_iter()
                .zip(canonical_depth_names())
                .map(|(id, name)| DepthInfo { id, name })
                .collect(),
            period: self.period,
            themes: self
                .themes
                .into_iter()
                .map(|t| ThemeRow {
                    row: row(&t.row),
                    pack: t.pack,
                    theme: t.theme,
                    title: t.title,
                    installed: t.installed,
                })
                .collect(),
            free: row(&self.free),
            totals: row(&self.totals),
            measures: WindowedMeasures {
                window_days: self.reach.window_days,
                whole: rated(self.totals.counts),
                change: Change::between(&recent.measures, &previous.measures),
                recent,
                previous,
            },
            grid: grid_cells(&grid),
            months: self.months.into_iter().map(period).collect(),
            by: self.by.map(|by| Series {
                period: by.period,
                rows: by.rows.into_iter().map(period).collect(),
            }),
        }
    }
}
