//! Exit statuses, one table for every command (the same table is in README.md):
//!
//! | code | meaning |
//! | --- | --- |
//! | 0 | success (also: nothing matched a filter; the reader of our output closed the pipe) |
//! | 1 | an error: a bad input file (journal, pack, progress summary, export, config), an id that matches no entry, an empty entry, damaged lines found by `check`, an invalid pack found by `packs validate` |
//! | 2 | usage: the command line is wrong, including a flag value that cannot be used (an unknown level, theme, prompt or pack id, an unreadable date, an invalid tag) |
//!
//! Which error gets which status is decided by `error::exit_code`.

/// Everything went as asked.
pub const SUCCESS: u8 = 0;
/// Something failed: an error was printed on stderr. Also used by `reflect check`
/// when the journal has damaged lines, and by `packs validate` for an invalid pack.
pub const FAILURE: u8 = 1;
/// The command line itself was wrong: clap's parse errors, and a flag value that
/// cannot be used (an unknown level, theme, prompt or pack id, an unreadable date).
pub const USAGE: u8 = 2;
