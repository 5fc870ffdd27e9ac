//! Loading packs (to be completed with the pack module).

use std::path::PathBuf;

use super::{Pack, PackOrigin, PackSet, Problem};

/// The shipped packs compiled into the binary: (file name under `prompts/`, contents).
pub const EMBEDDED_PACKS: &[(&str, &str)] = &[];

/// File name of the embedded default pack.
pub const EMBEDDED_DEFAULT: &str = "ncsl-networks.toml";

/// Where to look for packs besides the embedded ones.
#[derive(Debug, Clone, Default)]
pub struct PackSources {
    /// The user's packs folder (every `*.toml` in it).
    pub packs_dir: Option<PathBuf>,
    /// `--pack FILE` arguments.
    pub files: Vec<PathBuf>,
}

/// Parses and validates one pack. `file` names the source in problems.
pub fn parse_pack(_text: &str, _file: &str, _origin: PackOrigin) -> Result<Pack, Vec<Problem>> {
    unimplemented!("pack parsing")
}

/// Loads the embedded packs, the packs folder and `--pack` files. A broken pack in the
/// folder is skipped with a warning (returned); a broken `--pack` file is an error.
pub fn load_packs(_sources: &PackSources) -> anyhow::Result<(PackSet, Vec<String>)> {
    Ok((PackSet::default(), Vec::new()))
}
