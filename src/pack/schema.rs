//! The TOML shape of a pack (to be completed with the pack module).
