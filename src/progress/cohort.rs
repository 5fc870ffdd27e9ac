//! The cohort view: several participants' progress summaries combined for a trainer.
//!
//! Summaries hold counts only, so the cohort never sees anyone's words. Combining:
//!
//! - Themes are matched by pack id and theme id; the cohort shows the union, in the
//!   order first met (participants may use different packs or pack versions).
//! - Entries are summed per theme and level; a participant *reached* a level in a
//!   theme when they have at least one entry there at that level or above.
//! - Level names: those of the summaries when they all agree, else the canonical
//!   ones (school, network, system) with a note. Counts are always stored under the
//!   canonical ladder, so summaries made with differently named packs still add up.
//! - Measures over time: per month, summed over participants (a format 1 summary
//!   brings its counts per level only: no ideas, unrated entries, depths or
//!   transfers existed then).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::io::{self, Write};

use chrono::NaiveDate;
use comfy_table::{Cell, Table};
use serde::{Deserialize, Serialize};

use super::counts::Counts;
use super::groups::{partition, CohortGroup, LeftOut, Spread, MIN_GROUP};
use super::measures::Measures;
use super::period::Period;
use super::render::{self, csv_record, Style};
use super::summary::{
    canonical_level_names, display_names, grid_cells, grid_from_cells, series, GridCell, LevelInfo,
    PeriodRow, Row, Summary,
};
use super::words::{self, label};
use crate::entry::Level;
use crate::neutral;

/// The `format` of a cohort summary.
pub const FORMAT: &str = "reflect-cohort";
/// The cohort schema version this build writes.
pub const VERSION: u32 = 2;

/// How many packs a note names before "and N more".
const NOTE_PACKS: usize = 10;

/// A pack used by at least one participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortPack {
    pub id: String,
    pub name: Option<String>,
    /// Every version seen, sorted.
    pub versions: Vec<String>,
    /// How many participants' summaries include the pack.
    pub participants: u64,
}

/// A row of the cohort table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortRow {
    /// Pack and theme ids (both absent for the free-entry and total rows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    pub title: String,
    /// Entries per level, summed over participants.
    pub counts: Counts,
    pub total: u64,
    /// Participants with at least one entry at each level or above.
    pub reached: Counts,
}

impl CohortRow {
    fn new(pack: Option<String>, theme: Option<String>, title: String) -> CohortRow {
        CohortRow {
            pack,
            theme,
            title,
            counts: Counts::default(),
            total: 0,
            reached: Counts::default(),
        }
    }

    /// Adds a participant's row; `None` if a sum overflows.
    fn add(&mut self, row: &Row) -> Option<()> {
        self.counts = self.counts.checked_sum(&row.counts)?;
        self.total = self.counts.total();
        for level in Level::ALL {
            if row.counts.at_or_above(level) > 0 {
                self.reached.add(level, 1);
            }
        }
        Some(())
    }
}

/// A month of the cohort's reach over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CohortMonth {
    #[serde(flatten)]
    pub row: PeriodRow,
    /// Participants with entries that month.
    pub participants: u64,
}

/// The combined view, also the `reflect cohort --format json` document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cohort {
    /// Always `reflect-cohort`.
    pub format: String,
    pub version: u32,
    pub generated: NaiveDate,
    /// Number of summaries combined.
    pub participants: u64,
    pub levels: Vec<LevelInfo>,
    pub packs: Vec<CohortPack>,
    /// Earliest and latest day any participant's entries are about.
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    pub themes: Vec<CohortRow>,
    pub free: CohortRow,
    pub totals: CohortRow,
    /// Every participant's measures over their whole period, summed.
    pub measures: Measures,
    pub months: Vec<CohortMonth>,
    /// Rated entries per level and depth, summed (the cells of a summary's `grid`).
    pub grid: Vec<GridCell>,
    /// The measures pooled and per participant (medians), for the whole cohort.
    pub per_participant: Spread,
    /// The groups shown, by name (empty when no summary names a group).
    pub groups: Vec<CohortGroup>,
    /// The smallest group shown.
    pub min_group: u64,
    /// Participants of groups too small to show, left out of everything above.
    pub left_out: LeftOut,
}

impl Cohort {
    /// Groups the summaries, applies the privacy rule (groups under `min_group`
    /// participants are left out, see [`super::groups`]) and combines the rest.
    pub fn build(
        summaries: Vec<Summary>,
        min_group: u64,
        generated: NaiveDate,
    ) -> Result<(Cohort, Vec<String>), String> {
        let parts = partition(summaries, min_group);
        let (mut cohort, notes) = Cohort::combine(&parts.kept, generated)?;
        cohort.min_group = min_group.max(MIN_GROUP);
        cohort.left_out = parts.left_out;
        for (name, members) in parts.groups {
            let spread = Spread::of(members.iter().map(|&i| &parts.kept[i]))
                .ok_or_else(|| overflow(name.as_deref().unwrap_or("no group")))?;
            cohort.groups.push(CohortGroup { name, spread });
        }
        Ok((cohort, notes))
    }

    /// Combines summaries (already checked by [`super::read_summaries`]). Returns the
    /// cohort and notes for the trainer (differences between the summaries), or an
    /// error when a sum of counts overflows. Linear in the size of the summaries.
    pub fn combine(
        summaries: &[Summary],
        generated: NaiveDate,
    ) -> Result<(Cohort, Vec<String>), String> {
        let mut notes = Vec::new();
        let names = match summaries.split_first() {
            Some((first, rest)) if rest.iter().all(|s| s.level_names() == first.level_names()) => {
                first.level_names()
            }
            Some(_) => {
                notes.push(
                    "the summaries name the levels differently; showing the canonical names"
                        .to_string(),
                );
                canonical_level_names()
            }
            None => canonical_level_names(),
        };

        let mut packs: Vec<CohortPack> = Vec::new();
        let mut pack_index: HashMap<Key<String>, usize> = HashMap::new();
        let mut versions: Vec<BTreeSet<String>> = Vec::new();
        let mut themes: Vec<CohortRow> = Vec::new();
        let mut index: HashMap<Key<(Option<String>, String)>, usize> = HashMap::new();
        let mut free = CohortRow::new(None, None, label::free());
        let mut totals = CohortRow::new(None, None, label::all());
        let mut months: BTreeMap<NaiveDate, (Measures, u64)> = BTreeMap::new();
        let mut measures = Measures::default();
        let mut grid = super::Grid::default();
        let (mut first, mut last) = (None::<NaiveDate>, None::<NaiveDate>);

        for summary in summaries {
            for info in &summary.packs {
                let at = *pack_index.entry(Key(info.id.clone())).or_insert_with(|| {
                    packs.push(CohortPack {
                        id: info.id.clone(),
                        name: None,
                        versions: Vec::new(),
                        participants: 0,
                    });
                    versions.push(BTreeSet::new());
                    packs.len() - 1
                });
                let pack = &mut packs[at];
                pack.participants += 1;
                if pack.name.is_none() {
                    pack.name.clone_from(&info.name);
                }
                if let Some(version) = &info.version {
                    versions[at].insert(version.clone());
                }
            }
            for theme in &summary.themes {
                let key = (theme.pack.clone(), theme.theme.clone());
                let at = *index.entry(Key(key)).or_insert_with(|| {
                    themes.push(CohortRow::new(
                        theme.pack.clone(),
                        Some(theme.theme.clone()),
                        theme.title.clone(),
                    ));
                    themes.len() - 1
                });
                // The first installed title wins over a `pack/theme` placeholder.
                if theme.installed && title_is_placeholder(&themes[at]) {
                    themes[at].title.clone_from(&theme.title);
                }
                themes[at]
                    .add(&theme.row)
                    .ok_or_else(|| overflow(&themes[at].title))?;
            }
            free.add(&summary.free)
                .ok_or_else(|| overflow("free entries"))?;
            totals
                .add(&summary.totals)
                .ok_or_else(|| overflow("all entries"))?;
            for month in &summary.months {
                let start = Period::Month.start_of(month.from);
                let slot = months.entry(start).or_default();
                slot.0
                    .checked_merge(&month.measures)
                    .ok_or_else(|| overflow(&month.period))?;
                if month.measures.entries() > 0 {
                    slot.1 += 1;
                }
            }
            measures
                .checked_merge(&summary.measures.whole)
                .ok_or_else(|| overflow("all entries"))?;
            if let Some(cells) = grid_from_cells(&summary.grid) {
                for (level, depth, count) in cells.cells() {
                    let sum = grid.get(level, depth).checked_add(count);
                    grid.set(level, depth, sum.ok_or_else(|| overflow("all entries"))?);
                }
            }
            first = earliest(first, summary.period.first);
            last = latest(last, summary.period.last);
        }

        for (pack, versions) in packs.iter_mut().zip(versions) {
            pack.versions = versions.into_iter().collect();
        }
        let participants = summaries.len() as u64;
        let partial: Vec<&CohortPack> = packs
            .iter()
            .filter(|p| p.participants < participants)
            .collect();
        if !partial.is_empty() {
            let mut named: Vec<String> = partial
                .iter()
                .take(NOTE_PACKS)
                .map(|p| format!("{} ({} of {participants})", p.id, p.participants))
                .collect();
            if partial.len() > NOTE_PACKS {
                named.push(format!("and {} more", partial.len() - NOTE_PACKS));
            }
            notes.push(format!(
                "not every participant used the same packs: {}; themes are shown for whoever has them",
                named.join(", ")
            ));
        }

        let counts: BTreeMap<NaiveDate, Measures> =
            months.iter().map(|(k, v)| (*k, v.0.clone())).collect();
        let months = series(&counts, Period::Month)
            .into_iter()
            .map(|row| CohortMonth {
                participants: months.get(&row.from).map_or(0, |m| m.1),
                row,
            })
            .collect();

        let per_participant = Spread::of(summaries).ok_or_else(|| overflow("all entries"))?;
        let cohort = Cohort {
            per_participant,
            groups: Vec::new(),
            grid: grid_cells(&grid),
            min_group: MIN_GROUP,
            left_out: LeftOut::default(),
            format: FORMAT.to_string(),
            version: VERSION,
            generated,
            participants,
            levels: Level::ALL
                .into_iter()
                .zip(names)
                .map(|(id, name)| LevelInfo { id, name })
                .collect(),
            packs,
            first,
            last,
            measures,
            themes,
            free,
            totals,
            months,
        };
        Ok((cohort, notes))
    }

    /// The ladder's names, bottom rung first, safe to show on a terminal.
    pub fn level_names(&self) -> [String; 3] {
        display_names(&self.levels)
    }

    /// The cohort table: entries per theme and level, and participants reaching each level.
    pub fn table(&self, style: Style) -> Table {
        let names = self.level_names();
        let mut header = vec![label::theme()];
        header.extend(names.iter().cloned());
        header.push(label::total());
        header.extend(names.iter().map(|name| words::reached_column(name)));
        let mut table = render::table(style, header, &[1, 2, 3, 4, 5, 6, 7]);
        let rows = self
            .themes
            .iter()
            .chain((self.free.total > 0).then_some(&self.free))
            .chain([&self.totals]);
        for row in rows {
            let mut cells = vec![Cell::new(neutral::terminal_line(&row.title))];
            cells.extend(Level::ALL.map(|l| Cell::new(row.counts[l])));
            cells.push(Cell::new(row.total));
            cells.extend(Level::ALL.map(|l| Cell::new(row.reached[l])));
            table.add_row(cells);
        }
        table
    }

    /// The measures over time, with the participants active each month.
    pub fn months_table(&self, style: Style) -> Table {
        let rows: Vec<PeriodRow> = self.months.iter().map(|m| m.row.clone()).collect();
        let active: Vec<u64> = self.months.iter().map(|m| m.participants).collect();
        render::period_table(
            &rows,
            &self.level_names(),
            style,
            Some((&label::participants(), &active)),
        )
    }

    /// The cohort as CSV: a row per theme, then `free` and `total` rows.
    pub fn write_csv(&self, out: &mut impl Write) -> io::Result<()> {
        csv_record(
            out,
            &[
                "kind",
                "pack",
                "theme",
                "title",
                "school",
                "network",
                "system",
                "total",
                "reached_school",
                "reached_network",
                "reached_system",
                "participants",
            ],
        )?;
        let rows = self
            .themes
            .iter()
            .map(|row| ("theme", row))
            .chain([("free", &self.free), ("total", &self.totals)]);
        for (kind, row) in rows {
            let mut fields = vec![
                kind.to_string(),
                row.pack.clone().unwrap_or_default(),
                row.theme.clone().unwrap_or_default(),
                row.title.clone(),
            ];
            fields.extend(Level::ALL.map(|l| row.counts[l].to_string()));
            fields.push(row.total.to_string());
            fields.extend(Level::ALL.map(|l| row.reached[l].to_string()));
            fields.push(self.participants.to_string());
            csv_record(out, &fields)?;
        }
        Ok(())
    }
}

/// A key of the cohort's lookup tables (pack ids; pack and theme ids). Tests count
/// its comparisons to pin that combining does one per lookup, not one per key known.
#[derive(Debug)]
struct Key<T>(T);

impl<T: Hash> Hash for Key<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl<T: PartialEq> PartialEq for Key<T> {
    fn eq(&self, other: &Self) -> bool {
        #[cfg(test)]
        tests::COMPARISONS.with(|n| n.set(n.get() + 1));
        self.0 == other.0
    }
}

impl<T: Eq> Eq for Key<T> {}

fn overflow(row: &str) -> String {
    format!("the summaries' counts of '{row}' add up to more than reflect can count")
}

/// Whether a row's title is still the `pack/theme` placeholder of an uninstalled theme.
fn title_is_placeholder(row: &CohortRow) -> bool {
    let id = match (&row.pack, &row.theme) {
        (Some(pack), Some(theme)) => format!("{pack}/{theme}"),
        (None, Some(theme)) => theme.clone(),
        _ => return false,
    };
    row.title == id
}

fn earliest(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn latest(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    a.max(b)
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use serde_json::json;

    use super::*;

    thread_local! {
        /// Comparisons of [`Key`]s made on this thread.
        pub(super) static COMPARISONS: Cell<u64> = const { Cell::new(0) };
    }

    /// A summary with `n` packs, each with one theme and one entry.
    fn summary(n: usize) -> Summary {
        let row = |n: usize| json!({"counts": {"school": n, "network": 0, "system": 0}, "total": n, "latest": null, "stage": "school"});
        let share = |n: usize| json!({"entries": n, "network_or_above": 0, "share": null});
        let window = |from: &str, to: &str| json!({"from": from, "to": to, "entries": 0, "network_or_above": 0, "share": null});
        let text = json!({
            "format": "reflect-progress",
            "version": 1,
            "generated": "2026-11-23",
            "packs": (0..n).map(|i| json!({"id": format!("p{i}"), "name": null, "version": format!("1.{i}"), "installed": false})).collect::<Vec<_>>(),
            "levels": [{"id": "school", "name": "School"}, {"id": "network", "name": "Network"}, {"id": "system", "name": "System"}],
            "period": {"first": null, "last": null, "since": null, "until": null},
            "themes": (0..n).map(|i| {
                let mut theme = row(1);
                theme["pack"] = json!(format!("p{i}"));
                theme["theme"] = json!(format!("t{i}"));
                theme["title"] = json!(format!("p{i}/t{i}"));
                theme["installed"] = json!(false);
                theme
            }).collect::<Vec<_>>(),
            "free": row(0),
            "totals": row(n),
            "reach": {"window_days": 30, "overall": share(n), "recent": window("2026-10-25", "2026-11-23"), "previous": window("2026-09-25", "2026-10-24"), "change_points": null},
            "months": [],
        });
        Summary::from_json(&text.to_string()).unwrap()
    }

    /// Key comparisons made combining two summaries of `n` packs and themes each.
    fn comparisons(n: usize) -> u64 {
        let summaries = [summary(n), summary(n)];
        COMPARISONS.with(|c| c.set(0));
        let (cohort, _) = Cohort::combine(&summaries, "2026-11-23".parse().unwrap()).unwrap();
        assert_eq!(cohort.packs.len(), n);
        assert!(cohort.packs.iter().all(|p| p.participants == 2));
        assert_eq!(cohort.totals.total, 2 * n as u64);
        assert_eq!(cohort.measures.rated(), 2 * n as u64);
        COMPARISONS.with(Cell::get)
    }

    #[test]
    fn cohort_of_many_packs_is_linear() {
        let (small, large) = (comparisons(200), comparisons(4_000));
        // One lookup per pack and per theme of each summary, half of them hits: about
        // 2n comparisons. A scan per lookup would make 20 times the packs cost 400 times.
        assert!(
            large <= 4 * 2 * 4_000,
            "{large} comparisons for 4,000 packs"
        );
        assert!(
            large < 40 * small.max(1),
            "{small} for 200 packs, {large} for 4,000"
        );
    }

    #[test]
    fn the_note_on_partial_packs_stays_one_short_line() {
        let summaries = [summary(50), summary(1)];
        let (_, notes) = Cohort::combine(&summaries, "2026-11-23".parse().unwrap()).unwrap();
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].contains("p1 (1 of 2), p2 (1 of 2)"),
            "{}",
            notes[0]
        );
        assert!(
            notes[0].contains("p10 (1 of 2), and 39 more;"),
            "{}",
            notes[0]
        );
        assert!(!notes[0].contains("p11 "), "{}", notes[0]);
    }

    #[test]
    fn overflowing_sums_are_an_error() {
        let mut one = summary(1);
        one.totals.counts.school = u64::MAX;
        one.totals.total = u64::MAX;
        let err = Cohort::combine(&[one.clone(), one], "2026-11-23".parse().unwrap()).unwrap_err();
        assert!(err.contains("more than reflect can count"), "{err}");
    }
}
