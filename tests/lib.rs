//! The integration suite: one crate, one file per feature, each test driving the
//! built `reflect` binary in a temp folder (see `util.rs`).

mod util;

mod checkin;
mod cohort;
mod completions;
mod conventions;
mod daily;
mod drafts;
mod exit_codes;
mod export;
mod groups;
mod help;
mod history;
mod import;
mod journal;
mod language;
mod list_order;
mod pack_management;
mod packs;
mod practice;
mod progress;
mod progress_measures;
mod prompt;
mod properties;
mod readme;
mod regression;
mod report_render;
mod rhythm;
mod spanish;
mod terminal;
mod torture;
mod trainer;
mod wrapping;
