//! The progress summary: the numbers behind every output of `reflect progress`, and
//! the versioned JSON document (`{"format":"reflect-progress","version":1,...}`) a
//! participant can share with a trainer.
//!
//! It holds counts only: never an entry's text, tags or id. The table and CSV are
//! rendered from the same value, so every format shows the same numbers. The schema
//! is documented in `docs/progress.md`; fields may be added within a version, never
//! removed or changed in meaning.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::counts::Counts;
use super::period::Period;
use super::stage::Stage;
use super::tally::{LevelTally, Tally, Window};
use crate::entry::Level;
use crate::neutral;
use crate::pack::{Pack, PackSet};

/// The `format` of a progress summary.
pub const FORMAT: &str = "reflect-progress";
/// The summary schema version this build writes and reads.
pub const VERSION: u32 = 1;

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

/// Counts, latest level and stage of a theme, of the free entries, or of all entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub counts: Counts,
    pub total: u64,
    /// Level of the most recent entry (by day, then moment written).
    pub latest: Option<Level>,
    pub stage: Stage,
}

impl Row {
    fn from_tally(tally: &LevelTally) -> Row {
        Row {
            counts: tally.counts,
            total: tally.counts.total(),
            latest: tally.latest(),
            stage: tally.stage(),
        }
    }

    fn empty() -> Row {
        Row::from_tally(&LevelTally::default())
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

/// Network reach: the share of entries at network level or above.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Share {
    pub entries: u64,
    pub network_or_above: u64,
    /// `network_or_above / entries`, rounded to 4 decimals; null without entries.
    pub share: Option<f64>,
}

impl Share {
    pub fn of(counts: &Counts) -> Share {
        Share::new(counts.total(), counts.reaching_network())
    }

    pub fn new(entries: u64, network_or_above: u64) -> Share {
        Share {
            entries,
            network_or_above,
            share: exact_share(entries, network_or_above).map(|s| round(s, 4)),
        }
    }

    fn exact(&self) -> Option<f64> {
        exact_share(self.entries, self.network_or_above)
    }
}

fn exact_share(entries: u64, reaching: u64) -> Option<f64> {
    (entries > 0).then(|| reaching as f64 / entries as f64)
}

fn round(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

/// Reach within a window of days.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WindowShare {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(flatten)]
    pub share: Share,
}

impl WindowShare {
    fn new(window: Window, counts: &Counts) -> WindowShare {
        WindowShare {
            from: window.from,
            to: window.to,
            share: Share::of(counts),
        }
    }
}

/// Network reach overall, recently and before.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Reach {
    /// Length of the recent and previous windows, in days.
    pub window_days: u32,
    pub overall: Share,
    pub recent: WindowShare,
    pub previous: WindowShare,
    /// Recent minus previous share, in percentage points (1 decimal); null when a
    /// window has no entries.
    pub change_points: Option<f64>,
}

impl Reach {
    /// Change in percentage points between two shares.
    pub fn change(recent: &Share, previous: &Share) -> Option<f64> {
        Some(round((recent.exact()? - previous.exact()?) * 100.0, 1))
    }
}

/// Counts of one calendar period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodRow {
    /// `2026-W47`, `2026-11` or `2026-Q4`.
    pub period: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub counts: Counts,
    #[serde(flatten)]
    pub share: Share,
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
pub fn series(counts: &BTreeMap<NaiveDate, Counts>, period: Period) -> Vec<PeriodRow> {
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
        .map(|start| {
            let c = counts.get(&start).copied().unwrap_or_default();
            PeriodRow {
                period: period.label(start),
                from: start,
                to: period.end(start),
                counts: c,
                share: Share::of(&c),
            }
        })
        .collect()
}

/// The whole summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Always `reflect-progress`.
    pub format: String,
    /// The schema version, [`VERSION`].
    pub version: u32,
    /// The day the summary was made.
    pub generated: NaiveDate,
    pub packs: Vec<PackInfo>,
    /// The ladder, bottom rung first, with the names the table shows.
    pub levels: Vec<LevelInfo>,
    pub period: Span,
    pub themes: Vec<ThemeRow>,
    /// Entries without a theme.
    pub free: Row,
    /// All entries.
    pub totals: Row,
    pub reach: Reach,
    /// Counts per month, from the first month with entries to the last.
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
    /// Today.
    pub generated: NaiveDate,
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

/// The ladder's names as shown when no single pack names them.
pub fn canonical_level_names() -> [String; 3] {
    [
        "School".to_string(),
        "Network".to_string(),
        "System".to_string(),
    ]
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

        let overall = Share::of(&tally.all.counts);
        let recent = WindowShare::new(tally.windows.recent, &tally.recent);
        let previous = WindowShare::new(tally.windows.previous, &tally.previous);
        Summary {
            format: FORMAT.to_string(),
            version: VERSION,
            generated: scope.generated,
            packs,
            levels,
            period: Span {
                first: tally.first,
                last: tally.last,
                since: scope.since,
                until: scope.until,
            },
            themes,
            free: Row::from_tally(&tally.free),
            totals: Row::from_tally(&tally.all),
            reach: Reach {
                window_days: tally.windows.days,
                overall,
                change_points: Reach::change(&recent.share, &previous.share),
                recent,
                previous,
            },
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
}
