//! The interface languages and how locale names map to them.

use std::fmt;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[repr(u8)]
pub enum Lang {
    #[default]
    En = 0,
    Es = 1,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// `en`, `es`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// Reads a language or locale name: `es`, `es_CL`, `es-CL.UTF-8`, `ES@euro`,
    /// `en_GB` ... (case-insensitive). `None` for a language we do not speak,
    /// including `C` and `POSIX`.
    pub fn from_locale(name: &str) -> Option<Lang> {
        let name = name.trim();
        let base = name.split(['.', '@']).next().unwrap_or("");
        let primary = base.split(['_', '-']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Lang::En),
            "es" | "spanish" | "español" | "espanol" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The locale chrono uses for month and day names.
    pub fn chrono_locale(self) -> chrono::Locale {
        match self {
            Lang::En => chrono::Locale::en_US,
            Lang::Es => chrono::Locale::es_CL,
        }
    }

    pub(crate) fn langid(self) -> unic_langid::LanguageIdentifier {
        self.code().parse().expect("a valid language tag")
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names_map_to_languages() {
        for name in [
            "es",
            "es_CL",
            "es-CL.UTF-8",
            "ES_cl.utf8",
            "es_ES@euro",
            "Español",
        ] {
            assert_eq!(Lang::from_locale(name), Some(Lang::Es), "{name}");
        }
        for name in ["en", "en_US.UTF-8", "en-GB", "EN"] {
            assert_eq!(Lang::from_locale(name), Some(Lang::En), "{name}");
        }
        for name in ["C", "POSIX", "C.UTF-8", "fr_FR.UTF-8", "", "esperanto"] {
            assert_eq!(Lang::from_locale(name), None, "{name}");
        }
    }
}
