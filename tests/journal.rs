//! Writing, reading, changing entries; the journal file itself.

