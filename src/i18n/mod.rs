//! Every sentence a person reads, in English and Spanish.
//!
//! The words live in Fluent files (`locales/<lang>/<area>.ftl`), embedded in the
//! binary; code asks for a message by id with named arguments:
//!
//! ```
//! use reflect::t;
//! let line = t!("config-language", lang = "es", source = "LANG");
//! ```
//!
//! The language in force is process-wide (set once at start-up with [`set_lang`]),
//! because errors are worded deep in the library. It defaults to English, so unit
//! tests that never set it read English.
//!
//! Placeables are not wrapped in Unicode bidi isolation marks: output goes to a
//! terminal or a file, where U+2068/U+2069 would be stray bytes.

mod catalogue;
pub mod help;
mod lang;

use std::sync::atomic::{AtomicU8, Ordering};

pub use catalogue::{Args, EMBEDDED};
pub use fluent_bundle::FluentValue;
pub use lang::Lang;

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language of every later message.
pub fn set_lang(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language in force (English until [`set_lang`] is called).
pub fn lang() -> Lang {
    Lang::ALL
        .into_iter()
        .find(|l| *l as u8 == CURRENT.load(Ordering::Relaxed))
        .unwrap_or(Lang::En)
}

/// The message `id` in the language in force. An unknown id comes back as itself
/// (the catalogue test makes sure none is).
pub fn message(id: &str, args: Option<&Args>) -> String {
    catalogue::format(lang(), id, args)
}

/// The message `id` in a given language.
pub fn message_in(lang: Lang, id: &str, args: Option<&Args>) -> String {
    catalogue::format(lang, id, args)
}

/// Converts an argument of [`t!`] (strings and numbers).
pub fn arg<'a, T: Into<FluentValue<'a>>>(value: T) -> FluentValue<'a> {
    value.into()
}

/// Input a person typed (or a file holds), quoted for a message: English keeps
/// Rust's quoting (`"a\"b"`, as tests pin it); Spanish quotes it as typed, between
/// straight double quotes, not escaped (control characters excepted).
pub fn typed(text: &str) -> String {
    match lang() {
        Lang::En => format!("{text:?}"),
        Lang::Es => format!("\"{}\"", crate::neutral::escaped(text)),
    }
}

/// Looks up a message in the language in force: `t!("id")` or
/// `t!("id", name = value, ...)`, where each value is a string or a number
/// (use `.to_string()` for anything else).
#[macro_export]
macro_rules! t {
    ($id:expr) => {
        $crate::i18n::message($id, None)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $( args.set(stringify!($name), $crate::i18n::arg($value)); )+
        $crate::i18n::message($id, Some(&args))
    }};
}

#[cfg(test)]
mod tests;
