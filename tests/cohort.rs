//! Integration tests: cohort.
