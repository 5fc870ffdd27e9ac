//! Integration tests: progress.
