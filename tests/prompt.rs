//! Integration tests: prompt.
