//! The progress summary: the numbers behind every output of `reflect progress`, and
//! the versioned JSON document (`{"format":"reflect-progress","version":2,...}`) a
//! participant can share with a trainer.
//!
//! It holds counts only: never an entry's text, tags or id. The table and CSV are
//! rendered from the same value, so every format shows the same numbers. The schema
//! is documented in `docs/progress.md`; fields may be added within a version, never
//! removed or changed in meaning. Version 1 summaries are read by `super::legacy`.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::counts::Counts;
use super::measures::{Fraction, Grid, Measures};
use super::period::Period;
use super::tally::{RowTally, Tally};
use crate::entry::{Depth, Level, Origin};
use crate::neutral;
use crate::pack::{Pack, PackSet};

/// The `format` of a progress summary.
pub const FORMAT: &str = "reflect-progress";
/// The summary schema version this build writes (it reads 1 and 2).
pub const VERSION: u32 = 2;

/// A pack whose themes or entries are in the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackInfo {
    pub id: String,
    /// The pack's name, when it is installed.
    pub name: Option<String>,
    /// The installed version, or else the version stored with the latest entry.
    pub version: Option<String>,
    /// Whether the pack was loaded when the summary was made.
    pub installed: bool,
}

/// One rung of the ladder: its canonical id and the name shown for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelInfo {
    pub id: Level,
    pub name: String,
}

/// The days the summary covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Earliest and latest day an entry counted is about (null without entries).
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// The `--since` and `--until` filters, if given.
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

/// A row of the table: a theme, the free entries, or all entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// Rated entries per level.
    pub counts: Counts,
    /// Entries marked as an idea (not practice yet).
    pub idea: u64,
    /// Entries without a level.
    pub unrated: u64,
    /// Every entry of the row: rated, ideas and unrated.
    pub total: u64,
    /// The levels of the row's last five rated entries (by the day they are about,
    /// then when they were written), oldest first.
    pub last5: Vec<Level>,
}

impl Row {
    fn from_tally(tally: &RowTally) -> Row {
        Row {
            counts: tally.counts,
            idea: tally.idea,
            unrated: tally.unrated,
            total: tally.counts.total() + tally.idea + tally.unrated,
            last5: tally.last(),
        }
    }

    fn empty() -> Row {
        Row::from_tally(&RowTally::default())
    }

    /// Rated entries.
    pub fn rated(&self) -> u64 {
        self.counts.total()
    }
}

/// A theme's row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeRow {
    /// The pack id stored with the entries (null if they have none).
    pub pack: Option<String>,
    pub theme: String,
    /// The theme's title, or `pack/theme` when the pack or theme is not installed.
    pub title: String,
    /// Whether a loaded pack has this theme.
    pub installed: bool,
    #[serde(flatten)]
    pub row: Row,
}

/// A share rounded to 4 decimals.
pub fn round_share(share: f64) -> f64 {
    round(share, 4)
}

fn round(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

/// The measures of a window of days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowMeasures {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(flatten)]
    pub measures: Measures,
}

/// Recent minus previous share, in percentage points (1 decimal): null unless both
/// windows give a share (at least 10 entries in each).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Change {
    pub network_reach: Option<f64>,
    pub brought_into_school: Option<f64>,
    pub collaborative_reach: Option<f64>,
}

impl Change {
    pub fn between(recent: &Measures, previous: &Measures) -> Change {
        let points =
            |now: Fraction, before: Fraction| now.change_points(&before).map(|p| round(p, 1));
        Change {
            network_reach: points(recent.network_reach(), previous.network_reach()),
            brought_into_school: points(
                recent.brought_into_school(),
                previous.brought_into_school(),
            ),
            collaborative_reach: points(
                recent.collaborative_reach(),
                previous.collaborative_reach(),
            ),
        }
    }
}

/// The measures over the whole period, the recent window and the one before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WindowedMeasures {
    /// Length of the recent and previous windows, in days.
    pub window_days: u32,
    pub whole: Measures,
    pub recent: WindowMeasures,
    pub previous: WindowMeasures,
    pub change: Change,
}

/// One cell of the level × depth grid (`depth` null: no depth given).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridCell {
    pub level: Level,
    pub depth: Option<Depth>,
    pub count: u64,
}

/// The measures of one calendar period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodRow {
    /// `2026-W47`, `2026-11` or `2026-Q4`.
    pub period: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(flatten)]
    pub measures: Measures,
}

/// The `--by` series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// `week`, `month` or `quarter`.
    pub period: String,
    pub rows: Vec<PeriodRow>,
}

/// The most periods a series spells out, empty ones included: 96 years of weeks.
/// A longer span lists only the periods with entries.
pub const MAX_FILLED_PERIODS: usize = 5_000;

/// One row per period from the first to the last period with entries, empty
/// periods in between included, unless that would be more than
/// [`MAX_FILLED_PERIODS`] rows: then only the periods with entries. `counts` is
/// keyed by each period's first day.
pub fn series(counts: &BTreeMap<NaiveDate, Measures>, period: Period) -> Vec<PeriodRow> {
    let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) else {
        return Vec::new();
    };
    let mut starts = vec![first];
    while let Some(next) = period.next(starts[starts.len() - 1]).filter(|&n| n <= last) {
        if starts.len() == MAX_FILLED_PERIODS {
            starts = counts.keys().copied().collect();
            break;
        }
        starts.push(next);
    }
    starts
        .into_iter()
        .map(|start| PeriodRow {
            period: period.label(start),
            from: start,
            to: period.end(start),
            measures: counts.get(&start).cloned().unwrap_or_default(),
        })
        .collect()
}

/// One rung of the depth ladder: its canonical id and the name shown for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepthInfo {
    pub id: Depth,
    pub name: String,
}

/// The whole summary (format 2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Always `reflect-progress`.
    pub format: String,
    /// The schema version, [`VERSION`] (a version 1 summary is converted on reading).
    pub version: u32,
    /// The moment the summary was made.
    pub generated_at: DateTime<FixedOffset>,
    /// The trainer's view: who shared the summary (a random id, see
    /// [`crate::participant`]), their group, and their latest network check-in.
    /// [`Summary::build`] leaves them empty; a summary meant to be shared gets them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_in: Option<serde_json::Value>,
    pub packs: Vec<PackInfo>,
    /// The ladder, bottom rung first, with the names the table shows.
    pub levels: Vec<LevelInfo>,
    /// The depths of joint work, shallowest first, with the names the table shows.
    pub depths: Vec<DepthInfo>,
    pub period: Span,
    pub themes: Vec<ThemeRow>,
    /// Entries without a theme.
    pub free: Row,
    /// All entries.
    pub totals: Row,
    pub measures: WindowedMeasures,
    /// Rated entries per level and depth (15 cells: levels bottom first, depths
    /// shallowest first, then no depth).
    pub grid: Vec<GridCell>,
    /// The measures per month, from the first month with entries to the last.
    pub months: Vec<PeriodRow>,
    /// The `--by` series, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Series>,
}

/// What a summary is about besides the entries: the packs and the filters.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    pub packs: &'a PackSet,
    /// Packs chosen with `--pack` (empty: the default view).
    pub selected: &'a [String],
    /// The pack used when none is named.
    pub default_pack: Option<&'a str>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Now.
    pub generated_at: DateTime<FixedOffset>,
}

impl Scope<'_> {
    /// The loaded packs whose themes get rows: the `--pack` packs, else the default
    /// pack plus every loaded pack with entries.
    fn packs_in_view(&self, tally: &Tally) -> Vec<&Pack> {
        if !self.selected.is_empty() {
            return self
                .selected
                .iter()
                .filter_map(|id| self.packs.get(id))
                .collect();
        }
        let default = self.default_pack.and_then(|id| self.packs.get(id));
        default
            .into_iter()
            .chain(self.packs.iter().filter(|p| {
                Some(p.id.as_str()) != self.default_pack && tally.has_themed_entries(&p.id)
            }))
            .collect()
    }
}

/// Level names for display: from `levels` (a summary may come from anyone, so
/// control characters are neutralised), canonical where missing.
pub fn display_names(levels: &[LevelInfo]) -> [String; 3] {
    let mut names = canonical_level_names();
    for level in levels {
        names[level.id.rank()] = neutral::terminal_line(&level.name).into_owned();
    }
    names
}

/// The depth ladder's names as shown when no pack names them.
pub fn canonical_depth_names() -> [String; 4] {
    super::words::depth_names()
}

/// Depth names for display, canonical where missing.
pub fn display_depth_names(depths: &[DepthInfo]) -> [String; 4] {
    let mut names = canonical_depth_names();
    for depth in depths {
        names[depth.id.rank()] = neutral::terminal_line(&depth.name).into_owned();
    }
    names
}

/// The ladder's names as shown when no single pack names them.
pub fn canonical_level_names() -> [String; 3] {
    super::words::level_names()
}

impl Summary {
    /// Builds the summary from a finished tally.
    pub fn build(mut tally: Tally, scope: &Scope) -> Summary {
        let in_view = scope.packs_in_view(&tally);
        let names = match in_view.as_slice() {
            [pack] => Level::ALL.map(|level| pack.level_name(level).name.clone()),
            _ => canonical_level_names(),
        };
        let levels = Level::ALL
            .into_iter()
            .zip(names)
            .map(|(id, name)| LevelInfo { id, name })
            .collect();

        let mut themes = Vec::new();
        let mut packs = Vec::new();
        for pack in &in_view {
            packs.push(PackInfo {
                id: pack.id.clone(),
                name: Some(pack.name.clone()),
                version: Some(pack.version.clone()),
                installed: true,
            });
            let mut found = tally.packs.get_mut(&pack.id);
            for theme in &pack.themes {
                let counted = found.as_mut().and_then(|p| p.themes.take(&theme.id));
                themes.push(ThemeRow {
                    pack: Some(pack.id.clone()),
                    theme: theme.id.clone(),
                    title: theme.title.clone(),
                    installed: true,
                    row: counted.as_ref().map_or_else(Row::empty, Row::from_tally),
                });
            }
        }

        // Entries whose pack or theme is not installed: counted under their stored ids.
        let mut unknown = Vec::new();
        let loaded: HashSet<&str> = in_view.iter().map(|p| p.id.as_str()).collect();
        for (pack_id, pack) in tally.packs.iter() {
            if !loaded.contains(pack_id) && !pack_id.is_empty() {
                packs.push(PackInfo {
                    id: pack_id.to_string(),
                    name: None,
                    version: pack.version().map(str::to_string),
                    installed: false,
                });
            }
            for (theme_id, counted) in pack.themes.iter() {
                unknown.push(ThemeRow {
                    pack: (!pack_id.is_empty()).then(|| pack_id.to_string()),
                    theme: theme_id.to_string(),
                    title: if pack_id.is_empty() {
                        theme_id.to_string()
                    } else {
                        format!("{pack_id}/{theme_id}")
                    },
                    installed: false,
                    row: Row::from_tally(counted),
                });
            }
        }
        unknown.sort_by(|a, b| (&a.pack, &a.theme).cmp(&(&b.pack, &b.theme)));
        themes.extend(unknown);
        packs[in_view.len()..].sort_by(|a, b| a.id.cmp(&b.id));

        let recent = WindowMeasures {
            from: tally.windows.recent.from,
            to: tally.windows.recent.to,
            measures: tally.recent,
        };
        let previous = WindowMeasures {
            from: tally.windows.previous.from,
            to: tally.windows.previous.to,
            measures: tally.previous,
        };
        Summary {
            format: FORMAT.to_string(),
            version: VERSION,
            generated_at: scope.generated_at,
            participant: None,
            group: None,
            check_in: None,
            packs,
            levels,
            depths: Depth::ALL
                .into_iter()
                .zip(canonical_depth_names())
                .map(|(id, name)| DepthInfo { id, name })
                .collect(),
            period: Span {
                first: tally.first,
                last: tally.last,
                since: scope.since,
                until: scope.until,
            },
            themes,
            free: Row::from_tally(&tally.free),
            totals: Row::from_tally(&tally.all),
            measures: WindowedMeasures {
                window_days: tally.windows.days,
                whole: tally.whole,
                change: Change::between(&recent.measures, &previous.measures),
                recent,
                previous,
            },
            grid: grid_cells(&tally.grid),
            months: series(&tally.months, Period::Month),
            by: tally.by.map(|by| Series {
                period: by.as_str().to_string(),
                rows: series(&tally.periods, by),
            }),
        }
    }

    /// The ladder's names, bottom rung first, safe to show on a terminal.
    pub fn level_names(&self) -> [String; 3] {
        display_names(&self.levels)
    }

    /// The depth ladder's names, shallowest first, safe to show on a terminal.
    pub fn depth_names(&self) -> [String; 4] {
        display_depth_names(&self.depths)
    }
}

/// The grid as cells, in the order [`Grid::cells`] gives.
pub fn grid_cells(grid: &Grid) -> Vec<GridCell> {
    grid.cells()
        .map(|(level, depth, count)| GridCell {
            level,
            depth,
            count,
        })
        .collect()
}

/// The grid back from its cells (a summary read from a file): `None` when a cell
/// is missing, repeated or out of order.
pub fn grid_from_cells(cells: &[GridCell]) -> Option<Grid> {
    let mut grid = Grid::default();
    let expected: Vec<(Level, Option<Depth>)> =
        Grid::default().cells().map(|(l, d, _)| (l, d)).collect();
    if cells.len() != expected.len() {
        return None;
    }
    for (cell, (level, depth)) in cells.iter().zip(expected) {
        if (cell.level, cell.depth) != (level, depth) {
            return None;
        }
        grid.set(level, depth, cell.count);
    }
    Some(grid)
}

/// A transfer as the JSON shows it: `{"from": …, "to": …, "count": …}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transfer {
    pub from: Origin,
    pub to: Level,
    pub count: u64,
}
