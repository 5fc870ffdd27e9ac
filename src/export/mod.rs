//! Export: the journal as a Markdown document for people or a JSON file for scripts.
//!
//! Both stream: entries are read one at a time from the journal and written straight
//! into the output, so memory stays flat however long the journal is.
//!
//! - `markdown`: the CommonMark document (grouped by day, theme or level).
//! - `json`: the versioned `reflect-export` schema, which `reflect import` reads back.
//! - `blocks`: what an entry's text leaves open in CommonMark, so it can be closed.

mod blocks;
pub mod json;
pub mod markdown;
