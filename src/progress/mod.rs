//! Progress: how a leader's practice moves up the ladder, theme by theme and over
//! time, and the cohort view a trainer builds from participants' summaries.
//!
//! - `tally`: one streaming pass over the entries into bounded counters.
//! - `stage`: a theme's stage and the rule behind it.
//! - `period`: ISO weeks, months and quarters for `--by`.
//! - `summary`: the numbers every output shows, and the shareable JSON schema.
//! - `render`: tables (comfy-table), the reach lines, CSV.
//! - `cohort`: several summaries combined.
//!
//! User documentation, including the JSON schema: `docs/progress.md`.

pub mod cohort;
mod period;
pub mod render;
pub mod stage;
pub mod summary;
pub mod tally;

pub use cohort::{read_summary, Cohort};
pub use render::Style;
pub use stage::Stage;
pub use summary::{Counts, Scope, Summary};
pub use tally::{Tally, Windows};
