//! Loading packs: the shipped packs compiled into the binary, every `*.toml` in the
//! user's packs folder, and `--pack FILE` arguments.
//!
//! **Precedence.** Packs are identified by their `[pack] id`. When two sources give
//! the same id, a `--pack` file beats an installed pack, which beats a built-in one:
//! a trainer can hand out a newer version of a shipped pack. Two files in the packs
//! folder (or two `--pack` files) with the same id are a mistake: the first one (in
//! file-name order) is used and a warning names both.
//!
//! **Damage.** A broken pack in the folder is skipped with a warning naming the file
//! and the first problem's line and column, so the leader keeps journaling with the
//! others. A broken `--pack` file is an error: the user asked for that pack.
//!
//! Loading reads the pack files and nothing else: a pack has no way to name other
//! files, and is never written to.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::validate::{check_bytes, check_text, MAX_PACK_BYTES};
use super::{Pack, PackOrigin, Problem};

/// The shipped packs compiled into the binary: (file name under `prompts/`, contents).
/// The default pack comes first.
pub const EMBEDDED_PACKS: &[(&str, &str)] = &[
    (
        EMBEDDED_DEFAULT,
        include_str!("../../prompts/ncsl-networks.toml"),
    ),
    (
        "redes-mejoramiento.toml",
        include_str!("../../prompts/redes-mejoramiento.toml"),
    ),
];

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

/// The packs loaded, in precedence order (see the module docs).
#[derive(Debug)]
pub struct Loaded {
    pub packs: Vec<Pack>,
    /// Broken or duplicate packs in the folder, for the user.
    pub warnings: Vec<String>,
    /// The id of the embedded default pack (an installed copy may have replaced it).
    pub embedded_default: Option<String>,
    /// `(language, id)` of every embedded pack, in order.
    pub embedded: Vec<(String, String)>,
}

/// Why a pack file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("{}", crate::t!("pack-unreadable", file = file.as_str(), error = error.to_string()))]
    Unreadable { file: String, error: io::Error },
    /// One or more problems, in file order (never empty).
    #[error("{}", summary(.file, .problems))]
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
}

fn summary(file: &str, problems: &[Problem]) -> String {
    match problems {
        [] => crate::t!("pack-not-valid", file = file),
        [one] => one.to_string(),
        [first, rest @ ..] => crate::t!(
            "pack-more-problems",
            first = first.to_string(),
            more = rest.len().to_string()
        ),
    }
}

/// Parses and validates one pack. `file` names the source in problems.
pub fn parse_pack(text: &str, file: &str, origin: PackOrigin) -> Result<Pack, Vec<Problem>> {
    check_text(text, file, origin)
}

/// Like [`parse_pack`] for raw bytes: a file that is too large or not UTF-8 is a problem.
pub fn parse_pack_bytes(
    bytes: &[u8],
    file: &str,
    origin: PackOrigin,
) -> Result<Pack, Vec<Problem>> {
    check_bytes(bytes, file, origin)
}

/// Reads and validates a pack file. Problems name the file as `path` displays.
/// At most [`MAX_PACK_BYTES`] + 1 bytes are read: a larger file is refused unparsed.
pub fn read_pack(path: &Path, origin: PackOrigin) -> Result<Pack, PackError> {
    let bytes = read_pack_file(path)?;
    let file = path.display().to_string();
    check_bytes(&bytes, &file, origin).map_err(|problems| PackError::Invalid { file, problems })
}

/// The bytes of a pack file, for [`parse_pack_bytes`]. Reads at most
/// [`MAX_PACK_BYTES`] + 1 bytes, so a huge file costs nothing and is still refused.
pub fn read_pack_file(path: &Path) -> Result<Vec<u8>, PackError> {
    let read = || -> io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        File::open(path)?
            .take(MAX_PACK_BYTES as u64 + 1)
            .read_to_end(&mut bytes)?;
        Ok(bytes)
    };
    read().map_err(|error| PackError::Unreadable {
        file: path.display().to_string(),
        error,
    })
}

/// The pack files of a packs folder: every regular `*.toml` file (not hidden), sorted
/// by name. A missing folder has none.
pub fn installed_pack_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(err),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let is_pack = path.extension().is_some_and(|ext| ext == "toml")
            && !path
                .file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with('.'))
            // Following symlinks; never a FIFO or device (reading one could block).
            && fs::metadata(&path).is_ok_and(|meta| meta.is_file());
        if is_pack {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Loads the embedded packs, the packs folder and `--pack` files (see the module
/// docs for precedence; which pack is the default is [`super::PackChoice`]'s call).
/// A `--pack` file that cannot be read or is invalid is an error ([`PackError`]).
pub fn load_packs(sources: &PackSources) -> anyhow::Result<Loaded> {
    let mut packs: Vec<Pack> = Vec::new();
    let mut warnings = Vec::new();

    let mut embedded_default = None;
    let mut embedded = Vec::new();
    for &(name, text) in EMBEDDED_PACKS {
        match parse_pack(text, &format!("prompts/{name}"), PackOrigin::Embedded(name)) {
            Ok(pack) => {
                embedded.push((pack.language.clone(), pack.id.clone()));
                if name == EMBEDDED_DEFAULT {
                    embedded_default = Some(pack.id.clone());
                }
                replace(&mut packs, pack);
            }
            Err(problems) => warnings.push(crate::t!(
                "pack-builtin-damaged",
                name = name,
                problem = summary(name, &problems)
            )),
        }
    }

    if let Some(dir) = &sources.packs_dir {
        let files = installed_pack_files(dir).unwrap_or_else(|err| {
            warnings.push(crate::t!(
                "pack-folder-unreadable",
                path = dir.display().to_string(),
                error = err.to_string()
            ));
            Vec::new()
        });
        for path in files {
            match read_pack(&path, PackOrigin::Installed(path.clone())) {
                Ok(pack) => add_unless_taken(&mut packs, pack, &mut warnings),
                Err(err) => warnings.push(crate::t!("pack-skipped", error = err.to_string())),
            }
        }
    }

    for path in &sources.files {
        let pack = read_pack(path, PackOrigin::CommandLine(path.clone()))?;
        add_unless_taken(&mut packs, pack, &mut warnings);
    }

    Ok(Loaded {
        packs,
        warnings,
        embedded_default,
        embedded,
    })
}

/// Adds a pack, replacing any earlier one with the same id (which has lower
/// precedence). The new pack goes last, so `--pack` files keep their order.
fn replace(packs: &mut Vec<Pack>, pack: Pack) {
    packs.retain(|existing| existing.id != pack.id);
    packs.push(pack);
}

/// Adds `pack`, replacing a pack with the same id from a weaker source — unless a
/// pack of the same kind of source (two installed files, or two `--pack` files)
/// already has its id: then the first one stays and a warning names both files.
fn add_unless_taken(packs: &mut Vec<Pack>, pack: Pack, warnings: &mut Vec<String>) {
    let kind = std::mem::discriminant(&pack.origin);
    let taken = packs
        .iter()
        .filter(|existing| {
            existing.id == pack.id && std::mem::discriminant(&existing.origin) == kind
        })
        .find_map(|existing| match &existing.origin {
            PackOrigin::Installed(path) | PackOrigin::CommandLine(path) => {
                Some(path.display().to_string())
            }
            PackOrigin::Embedded(_) => None,
        });
    match (taken, &pack.origin) {
        (Some(first), PackOrigin::Installed(path) | PackOrigin::CommandLine(path)) => warnings
            .push(crate::t!(
                "pack-id-taken",
                path = path.display().to_string(),
                id = pack.id.as_str(),
                first = first
            )),
        _ => replace(packs, pack),
    }
}
