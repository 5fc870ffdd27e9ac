//! `reflect`: a reflective journal for school leaders.
//!
//! The binary (`src/main.rs`) only parses arguments and reports errors; everything
//! else lives in this library, one module per concept:
//!
//! - [`entry`]: what a journal entry is (`Entry`, `EntryId`, `Level`).
//! - [`journal`]: the append-only JSON Lines file — the only code that touches it.
//! - [`pack`]: prompt packs (TOML), their validation and loading.
//! - [`progress`]: the progress table and the cohort view built from it.
//! - [`export`] / [`import`]: Markdown and JSON out, our JSON and jrnl's in.
//! - [`error`] / [`exit_codes`]: which failure exits with which status.
//! - [`commands`]: one thin file per subcommand, wiring the above to the terminal.

pub mod cli;
pub mod commands;
pub mod config;
pub mod dates;
pub mod entry;
pub mod error;
pub mod exit_codes;
pub mod export;
pub mod filter;
pub mod import;
pub mod journal;
pub mod pack;
pub mod progress;
pub mod terminal;
