//! Progress: how a leader's practice moves up the ladder, theme by theme and over
//! time, and the cohort view a trainer builds from participants' summaries.
//!
//! - `counts`: entries per level, the counter everything else is made of.
//! - `period`: ISO weeks, months and quarters for `--by` (the [`Period`] type).
//! - `stage`: a theme's stage and the rule behind it.
//! - `tally`: one streaming pass over the entries into bounded counters, and the
//!   reach windows.
//! - `summary`: the numbers every output shows, built from a tally, and the
//!   shareable JSON schema.
//! - `render`: tables (comfy-table), the reach lines, CSV.
//! - `read`: participants' summaries read from files, distrusted and checked.
//! - `cohort`: several summaries combined.
//!
//! Dependencies run one way, down this list: no module imports one below it.
//!
//! User documentation, including the JSON schema: `docs/progress.md`.

pub mod cohort;
pub mod counts;
pub mod period;
pub mod read;
pub mod render;
pub mod stage;
pub mod summary;
pub mod tally;

pub use cohort::Cohort;
pub use counts::Counts;
pub use period::Period;
pub use read::{read_summaries, Summaries};
pub use render::Style;
pub use stage::Stage;
pub use summary::{Scope, Summary};
pub use tally::{Tally, Windows};
