//! Integration tests: completions and man page.
