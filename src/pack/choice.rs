//! Which packs a run loads, which one is the default and which ones the command line
//! selects: the one place that decides.
//!
//! - **Loaded**: the built-in packs, the packs folder, then `--pack FILE` arguments
//!   (precedence in [`super::load`]).
//! - **Default** ([`default_pack`]): the pack used when none is named: the config
//!   file's `default_pack`, else the built-in pack in the interface language
//!   (Spanish → `redes-mejoramiento`), else the built-in default.
//! - **Selected**: the packs named with `--pack` (by id, or loaded from a file), in
//!   the order given; the first of them is the pack a command uses ([`PackChoice::chosen`]).

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Result};

use super::load::{load_packs, Loaded, PackSources};
use super::{Pack, PackOrigin, PackSet};
use crate::error::usage;
use crate::i18n::Lang;
use crate::{neutral, t};

/// What the command line and the config file say about packs.
#[derive(Debug, Clone, Default)]
pub struct PackRequest {
    /// The user's packs folder.
    pub packs_dir: Option<PathBuf>,
    /// `--pack` values that name files, in order.
    pub files: Vec<PathBuf>,
    /// `--pack` values that name pack ids, in order.
    pub ids: Vec<String>,
    /// The config file's `default_pack`.
    pub default_pack: Option<String>,
    /// The interface language, which picks the built-in default pack.
    pub lang: Lang,
}

impl PackRequest {
    /// Sorts `--pack` values into files and ids: anything that looks like a path
    /// (`.toml`, a separator, an existing file) is a file.
    pub fn with_pack_args(mut self, values: &[String]) -> PackRequest {
        for value in values {
            let is_file = value.ends_with(".toml")
                || value.contains('/')
                || value.contains(std::path::MAIN_SEPARATOR)
                || Path::new(value).is_file();
            if is_file {
                self.files.push(PathBuf::from(value));
            } else {
                self.ids.push(value.clone());
            }
        }
        self
    }

    /// Whether `--pack` was given at all.
    pub fn names_packs(&self) -> bool {
        !self.files.is_empty() || !self.ids.is_empty()
    }
}

/// The packs of a run and the choice among them.
#[derive(Debug, Clone)]
pub struct PackChoice {
    packs: PackSet,
    /// Pack ids named with `--pack ID` (checked when first asked for).
    ids: Vec<String>,
}

impl PackChoice {
    /// Loads the packs. Returns warnings for the user (broken or duplicate packs in
    /// the folder, an unknown `default_pack`); a `--pack` file that cannot be read or
    /// is invalid is an error.
    pub fn load(request: &PackRequest) -> Result<(PackChoice, Vec<String>)> {
        let Loaded {
            mut packs,
            mut warnings,
            embedded_default,
            embedded,
        } = load_packs(&PackSources {
            packs_dir: request.packs_dir.clone(),
            files: request.files.clone(),
        })?;
        // The configured default comes first, so that lists show it first.
        let built_in = built_in_default(request.lang, &embedded, embedded_default.as_deref());
        let configured = configured_default(
            request.default_pack.as_deref(),
            built_in,
            &packs,
            &mut warnings,
        );
        if let Some(at) = configured {
            let pack = packs.remove(at);
            packs.insert(0, pack);
        }
        let default = default_pack(&packs);
        Ok((
            PackChoice {
                packs: PackSet::with_default(packs, default),
                ids: request.ids.clone(),
            },
            warnings,
        ))
    }

    pub fn packs(&self) -> &PackSet {
        &self.packs
    }

    /// Ids of the packs chosen with `--pack` (by id, or loaded from a file), in order.
    /// Empty when none was named; an id no loaded pack has is an error.
    pub fn selected(&self) -> Result<Vec<String>> {
        let mut ids = Vec::new();
        for id in &self.ids {
            if self.packs.get(id).is_none() {
                return Err(usage(t!(
                    "packs-unknown-id-loaded",
                    id = neutral::terminal_line(id).into_owned(),
                    loaded = self.packs.ids().join(", ")
                )));
            }
            ids.push(id.clone());
        }
        for pack in self.packs.iter() {
            if matches!(pack.origin, PackOrigin::CommandLine(_)) && !ids.contains(&pack.id) {
                ids.push(pack.id.clone());
            }
        }
        Ok(ids)
    }

    /// The pack a command uses when none is named otherwise: the first selected one,
    /// else the default pack.
    pub fn chosen(&self) -> Result<&Pack> {
        if let Some(id) = self.selected()?.first() {
            return self.packs.get(id).ok_or_else(|| {
                anyhow!(t!(
                    "packs-unknown-id",
                    id = neutral::terminal_line(id).into_owned()
                ))
            });
        }
        self.packs
            .default_pack()
            .ok_or_else(|| anyhow!(t!("packs-none-loaded")))
    }
}

/// The default pack, the one used when none is named: the first `--pack` file, else
/// the first pack (which [`configured_default`] made the config's choice or the
/// built-in default).
fn default_pack(packs: &[Pack]) -> Option<usize> {
    packs
        .iter()
        .position(|p| matches!(p.origin, PackOrigin::CommandLine(_)))
        .or(if packs.is_empty() { None } else { Some(0) })
}

/// The built-in pack written in the interface language, else the built-in default.
fn built_in_default<'a>(
    lang: Lang,
    embedded: &'a [(String, String)],
    embedded_default: Option<&'a str>,
) -> Option<&'a str> {
    embedded
        .iter()
        .find(|(language, _)| Lang::from_locale(language) == Some(lang))
        .map(|(_, id)| id.as_str())
        .filter(|_| lang != Lang::default())
        .or(embedded_default)
}

/// Where the configured default is among `packs`: the config file's `default_pack`
/// when it is loaded (a warning otherwise), else the built-in default (`built_in`,
/// the id of the embedded default pack, which an installed copy may have replaced).
fn configured_default(
    from_config: Option<&str>,
    built_in: Option<&str>,
    packs: &[Pack],
    warnings: &mut Vec<String>,
) -> Option<usize> {
    let position = |id: &str| packs.iter().position(|pack| pack.id == id);
    match from_config {
        Some(id) if position(id).is_some() => position(id),
        Some(id) => {
            let none = t!("packs-none");
            warnings.push(t!(
                "packs-default-not-loaded",
                id = id,
                using = built_in
                    .or(packs.first().map(|p| p.id.as_str()))
                    .unwrap_or(&none)
            ));
            built_in.and_then(position)
        }
        None => built_in.and_then(position),
    }
}
