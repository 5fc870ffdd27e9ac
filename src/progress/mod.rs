//! The progress table (placeholder until issue 4 lands).
