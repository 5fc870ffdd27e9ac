//! `reflect`: a reflective journal for school leaders.
//!
//! The binary (`src/main.rs`) only parses arguments and reports errors; everything
//! else lives in this library, one module per concept:
//!
//! - [`entry`]: what a journal entry is (`Entry`, `EntryId`, `Level`).
//! - [`checkin`]: network check-ins (the leader rates their network), the domain.
//! - [`journal`]: the append-only JSON Lines file — the only code that touches it.
//! - [`pack`]: prompt packs (TOML), their validation and loading.
//! - [`rating`]: what the leader says about an entry (level, transfer, depth):
//!   the rules, the terminal questions, the editor template's lines.
//! - [`words`]: the sentences of rating, kept together for the i18n sweep.
//! - [`participant`]: the random participant id and the group of shared summaries.
//! - [`progress`]: the progress table and the cohort view built from it.
//! - [`export`] / [`import`]: Markdown and JSON out, our JSON and jrnl's in.
//! - [`report`]: reports for a meeting (document model, Markdown, HTML with SVG charts).
//! - [`error`] / [`exit_codes`]: which failure exits with which status.
//! - [`fs`]: private folders and files, atomic replacement.
//! - [`neutral`]: untrusted text made safe for each output (terminal, CSV, Markdown).
//! - [`position`]: line and column of a byte offset, for `FILE:LINE:COL` messages.
//! - [`bytes`]: the bytes a JSON string must escape, found a window at a time.
//! - [`draft`]: drafts kept until an entry is saved.
//! - [`rhythm`] / [`tags`]: how regularly one writes, and the tags in use.
//! - [`history`]: what changed between two revisions of an entry.
//! - [`examples`] / [`man`]: the examples ending every `--help`, and the man pages.
//! - [`busy`]: the progress bar of long work, on a terminal only.
//! - [`terminal`]: whether we are on one, asking, and the error/warning/note lines.
//! - [`i18n`]: every sentence a person reads, English and Spanish (Fluent).
//! - [`dates`]: date phrases in both languages, and dates for display.
//! - [`commands`]: one thin file per subcommand, wiring the above to the terminal.

pub mod busy;
pub mod bytes;
pub mod checkin;
pub mod cli;
pub mod commands;
pub mod config;
pub mod dates;
pub mod draft;
pub mod entry;
pub mod error;
pub mod examples;
pub mod exit_codes;
pub mod export;
pub mod filter;
pub mod fs;
pub mod history;
pub mod i18n;
pub mod import;
pub mod journal;
pub mod man;
pub mod neutral;
pub mod pack;
pub mod participant;
pub mod position;
pub mod progress;
pub mod rating;
pub mod report;
pub mod rhythm;
pub mod tags;
pub mod terminal;
pub mod text;
pub mod words;
