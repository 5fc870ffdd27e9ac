//! Exit statuses, documented in one place (and in README.md).

/// Everything went as asked.
pub const SUCCESS: u8 = 0;
/// Something failed: an error was printed on stderr. Also used by `reflect check`
/// when the journal has damaged lines, and by `packs validate` for an invalid pack.
pub const FAILURE: u8 = 1;
/// The command line itself was wrong (clap's usage errors).
pub const USAGE: u8 = 2;
