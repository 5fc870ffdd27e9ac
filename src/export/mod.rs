//! Export: the journal as a Markdown document for people or a JSON file for scripts.
//!
//! Both stream: entries are read one at a time from the journal and written straight
//! into the output, so memory stays flat however long the journal is.
//!
//! - `markdown`: the CommonMark document (grouped by day, theme or level).
//! - `json`: the versioned `reflect-export` schema, which `reflect import` reads back.
//! - `text`: an entry's text, written so that every parser reads it the same way.
//! - `blocks`: what an entry's text means to CommonMark: what to escape, what to close.

mod blocks;
pub mod json;
pub mod markdown;
mod text;
