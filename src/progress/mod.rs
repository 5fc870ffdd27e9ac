//! Progress: where a leader's practice happened, theme by theme and over time, and
//! the cohort view a trainer builds from participants' summaries.
//!
//! - `words`: every sentence of these views (from the message catalogue), and
//!   `--explain`.
//! - `counts`: rated entries per level, the counter rows are made of.
//! - `period`: ISO weeks, months and quarters for `--by` (the [`Period`] type).
//! - `measures`: the measures themselves ([`Measures`], over [`Observation`]s), pure.
//! - `tally`: one streaming pass over the entries into bounded counters and windows.
//! - `summary`: the numbers every output shows, built from a tally; the shareable
//!   JSON schema (format 2), with `measures_json` for how measures read and write.
//! - `legacy`: format 1 summaries, converted on reading.
//! - `render`: terminal tables and sparklines; `csv`: the one-table CSV.
//! - `read`: participants' summaries read from files, distrusted and checked.
//! - `groups`: a cohort's groups, the privacy rule, and medians per participant.
//! - `cohort`: several summaries combined; `group_table`: a group's measures as rows
//!   (terminal, CSV and reports).
//!
//! Dependencies run one way, down this list: no module imports one below it
//! (`measures_json` and `legacy` sit beside `summary`).
//!
//! User documentation, including the JSON schema: `docs/progress.md`.

pub mod cohort;
pub mod counts;
pub mod csv;
pub mod group_table;
pub mod groups;
pub mod legacy;
pub mod measures;
mod measures_json;
pub mod period;
pub mod read;
pub mod render;
pub mod summary;
pub mod tally;
pub mod words;

pub use cohort::Cohort;
pub use counts::Counts;
pub use measures::{Fraction, Grid, Measures, Observation, MIN_FOR_PERCENT};
pub use period::Period;
pub use read::{read_summaries, Summaries};
pub use render::Style;
pub use summary::{Scope, Summary};
pub use tally::{Tally, Windows};
