//! The embedded Fluent files and one bundle per language, built on first use.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use super::Lang;

/// Named arguments of a message.
pub type Args<'a> = FluentArgs<'a>;

/// Lists each area once; its English and Spanish files are embedded side by side.
macro_rules! areas {
    ($($area:literal),+ $(,)?) => {
        &[$((
            $area,
            include_str!(concat!("../../locales/en/", $area, ".ftl")),
            include_str!(concat!("../../locales/es/", $area, ".ftl")),
        )),+]
    };
}

/// `(area, English text, Spanish text)` of every `.ftl` file, one per area.
pub const EMBEDDED: &[(&str, &str, &str)] = areas![
    "busy", "checkin", "cohort", "common", "config", "daily", "check", "dates", "entries",
    "errors", "examples", "export", "help", "files", "import", "journal", "packs", "practice",
    "progress", "report", "share", "validate", "write"
];

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| build(lang))
}

fn build(lang: Lang) -> Bundle {
    let mut bundle = Bundle::new_concurrent(vec![lang.langid()]);
    bundle.set_use_isolating(false);
    for (area, en, es) in EMBEDDED {
        let text = match lang {
            Lang::En => en,
            Lang::Es => es,
        };
        // The catalogue test parses every file strictly; here a broken entry is
        // skipped rather than taking the program down.
        let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(res, _)| res);
        if let Err(errors) = bundle.add_resource(resource) {
            debug_assert!(false, "{}/{area}.ftl: {errors:?}", lang.code());
        }
    }
    bundle
}

/// Formats a message, or `None` when the catalogue has no such id.
pub fn lookup(lang: Lang, id: &str) -> Option<String> {
    bundle(lang).has_message(id).then(|| format(lang, id, None))
}

/// Formats a message; an unknown id comes back as the id itself.
pub fn format(lang: Lang, id: &str, args: Option<&Args>) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}
