//! Pack validation: from the bytes of a file to a [`Pack`], or to every [`Problem`]
//! found, each with its `FILE:LINE:COLUMN`.
//!
//! A pack is untrusted input. The checks, in order:
//!
//! 1. size (at most [`MAX_PACK_BYTES`], refused before parsing) and UTF-8 (the first
//!    bad byte is reported);
//! 2. TOML syntax, and the `format` version (an unsupported format stops here: the
//!    rest of the file may follow rules this build does not know);
//! 3. the schema: unknown keys and wrongly typed values (serde stops at the first);
//! 4. every semantic rule at once: required keys, id syntax, duplicate ids, theme and
//!    level references, the number of levels, and no control characters, escape
//!    sequences or bidirectional-text overrides in any string.
//!
//! Messages never contain raw control characters: anything quoted from the file is
//! escaped (`\u{1b}`), so a problem can be printed on a terminal as is.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::schema::{LevelTable, PackFile, PackTable, PromptTable, Tables, Text, ThemeTable};
use super::{LevelName, Pack, PackOrigin, Prompt, Theme, FORMAT_VERSION};
use crate::config::line_column;
use crate::entry::Level;

/// The largest pack file accepted (1 MiB): far more than any real pack needs.
pub const MAX_PACK_BYTES: usize = 1 << 20;

/// One problem in a pack file, printed as `FILE:LINE:COLUMN: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl Problem {
    /// A problem at a 1-based line and column; the message is made safe to print.
    pub fn new(file: &str, line: usize, column: usize, message: &str) -> Problem {
        Problem {
            file: file.to_string(),
            line,
            column,
            message: escape_untrusted(message).into_owned(),
        }
    }
}

/// Validates a pack file's raw bytes: size, UTF-8, then everything [`check_text`] does.
pub fn check_bytes(bytes: &[u8], file: &str, origin: PackOrigin) -> Result<Pack, Vec<Problem>> {
    if bytes.len() > MAX_PACK_BYTES {
        return Err(vec![too_large(file, bytes.len())]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => check_text(text, file, origin),
        Err(err) => {
            let valid = String::from_utf8_lossy(&bytes[..err.valid_up_to()]);
            let (line, column) = line_column(&valid, valid.len());
            Err(vec![Problem::new(
                file,
                line,
                column,
                "the file is not valid UTF-8 text (save it as UTF-8)",
            )])
        }
    }
}

/// Validates the text of a pack file and builds the [`Pack`].
pub fn check_text(text: &str, file: &str, origin: PackOrigin) -> Result<Pack, Vec<Problem>> {
    if text.len() > MAX_PACK_BYTES {
        return Err(vec![too_large(file, text.len())]);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let checker = Checker {
        text,
        file,
        problems: Vec::new(),
    };

    match toml::from_str::<PackFile>(text) {
        Ok(parsed) => {
            if let Some(problem) = parsed.format.as_ref().and_then(|f| checker.unsupported(f)) {
                return Err(vec![problem]);
            }
            checker.check(parsed, origin)
        }
        Err(err) => {
            // A newer format may bring keys this build does not know: say so rather
            // than report them as unknown.
            let probe = toml::from_str::<FormatProbe>(text).ok();
            let format = probe.as_ref().and_then(|probe| probe.format.as_ref());
            let problem = format
                .and_then(|f| checker.unsupported(f))
                .unwrap_or_else(|| checker.toml_problem(&err));
            Err(vec![problem])
        }
    }
}

/// Only the `format` key, read when the full schema could not be.
#[derive(Deserialize)]
struct FormatProbe {
    format: Option<Spanned<toml::Value>>,
}

fn too_large(file: &str, len: usize) -> Problem {
    let mib = len as f64 / (1024.0 * 1024.0);
    Problem::new(
        file,
        1,
        1,
        &format!("the file is too large ({mib:.1} MiB); a pack may be at most 1 MiB"),
    )
}

/// Whether an id (pack, theme, prompt, level) is well formed: 1 to 64 characters
/// a-z, 0-9, `-` or `_`, starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    (1..=64).contains(&bytes.len())
        && (bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit())
        && bytes
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Whether a language tag has the shape of BCP 47 (`en`, `es-CL`, `zh-Hant-TW`):
/// a 2 to 8 letter language subtag, then subtags of 1 to 8 letters or digits.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|part| {
            (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

const ID_RULE: &str =
    "use 1 to 64 characters a-z, 0-9, '-' or '_', starting with a letter or digit";

/// What is wrong with a character in a pack string, if anything: control characters
/// other than newline and tab, and the bidirectional overrides and isolates that can
/// make text read differently from what it is.
fn forbidden_char(c: char) -> Option<&'static str> {
    if c.is_control() && c != '\n' && c != '\t' {
        Some("a control character")
    } else if matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
        Some("a bidirectional-text override")
    } else {
        None
    }
}

/// Makes text safe to show inside a one-line message: control characters (newlines
/// included) and bidi overrides become `\u{..}` escapes.
pub fn escape_untrusted(text: &str) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() || forbidden_char(c).is_some();
    if !text.chars().any(bad) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if bad(c) {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// A value from the file, quoted for a message (shortened when long).
fn shown(value: &str) -> String {
    const MAX: usize = 40;
    if value.chars().count() > MAX {
        format!("'{}...'", value.chars().take(MAX).collect::<String>())
    } else {
        format!("'{value}'")
    }
}

/// The canonical ladder, used when a pack has no `[[levels]]`.
fn default_levels() -> [LevelName; 3] {
    let rung = |level: Level, name: &str, description: &str| LevelName {
        id: level.as_str().to_string(),
        name: name.to_string(),
        description: description.to_string(),
    };
    [
        rung(Level::School, "School", "Inside my own school."),
        rung(
            Level::Network,
            "Network",
            "With partner schools in the network.",
        ),
        rung(
            Level::System,
            "System",
            "The district, the territory, other agencies: the wider system.",
        ),
    ]
}

/// A required id or text that was found (and is not empty), with its position.
struct Found {
    value: String,
    at: usize,
}

/// Collects problems while walking a parsed file.
struct Checker<'a> {
    text: &'a str,
    file: &'a str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn problem_at(&self, offset: usize, message: &str) -> Problem {
        let (line, column) = line_column(self.text, offset);
        Problem::new(self.file, line, column, message)
    }

    fn report(&mut self, offset: usize, message: &str) {
        let problem = self.problem_at(offset, message);
        self.problems.push(problem);
    }

    /// The problem with a `format` value other than the one this build reads.
    fn unsupported(&self, format: &Spanned<toml::Value>) -> Option<Problem> {
        let message = match format.get_ref().as_integer() {
            Some(n) if n == i64::from(FORMAT_VERSION) => return None,
            Some(n) => format!(
                "unsupported pack format {n}: this version of reflect reads format {FORMAT_VERSION} (a newer reflect may read it)"
            ),
            None => format!("`format` must be the number {FORMAT_VERSION}"),
        };
        Some(self.problem_at(format.span().start, &message))
    }

    fn line_of(&self, offset: usize) -> usize {
        line_column(self.text, offset).0
    }

    fn toml_problem(&self, err: &toml::de::Error) -> Problem {
        let offset = err.span().map_or(0, |span| span.start);
        let message = err
            .message()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let at = self.text.get(offset..).and_then(|rest| rest.chars().next());
        let message = if let Some((c, why)) = at.and_then(|c| forbidden_char(c).map(|why| (c, why)))
        {
            // The parser's words for this ("invalid basic string") do not say what is wrong.
            format!(
                "the file contains {why} ({}); pack text may not contain control characters, escape sequences or bidi overrides",
                char_name(c)
            )
        } else if let Some(rest) = message.strip_prefix("unknown field") {
            format!("unknown key{rest}")
        } else if message == "duplicate key" {
            let key = err
                .span()
                .and_then(|span| self.text.get(span))
                .unwrap_or_default();
            format!("duplicate key `{key}`")
        } else {
            message
        };
        self.problem_at(offset, &message)
    }

    /// An optional string: its characters are checked, and CRLF line ends (from a
    /// file saved on Windows) become plain newlines.
    fn string(&mut self, value: Option<&Text>, key: &str) -> Option<String> {
        let value = value?;
        let text = value.get_ref().replace("\r\n", "\n");
        if let Some((c, why)) = text
            .chars()
            .find_map(|c| forbidden_char(c).map(|why| (c, why)))
        {
            let at = self.locate_forbidden(value.span());
            let name = char_name(c);
            self.report(
                at,
                &format!(
                    "`{key}` contains {why} ({name}); pack text may not contain control characters, escape sequences or bidi overrides"
                ),
            );
        }
        Some(text)
    }

    /// A required, non-empty string. `table` names the table for a missing key.
    fn required(
        &mut self,
        value: Option<&Text>,
        key: &str,
        table: &str,
        table_at: usize,
    ) -> Option<Found> {
        let Some(spanned) = value else {
            self.report(
                table_at,
                &format!("{table} is missing the required key `{key}`"),
            );
            return None;
        };
        let text = self.string(Some(spanned), key)?;
        if text.trim().is_empty() {
            self.report(spanned.span().start, &format!("`{key}` is empty"));
            return None;
        }
        Some(Found {
            value: text,
            at: spanned.span().start,
        })
    }

    /// A required string that must fit on one line (names and titles shown in tables).
    fn one_line(
        &mut self,
        value: Option<&Text>,
        key: &str,
        table: &str,
        table_at: usize,
    ) -> Option<Found> {
        let found = self.required(value, key, table, table_at)?;
        if found.value.contains('\n') {
            self.report(found.at, &format!("`{key}` must be on one line"));
            return None;
        }
        Some(Found {
            value: found.value.trim().to_string(),
            at: found.at,
        })
    }

    /// A required id with the id syntax.
    fn id(&mut self, value: Option<&Text>, table: &str, table_at: usize) -> Option<Found> {
        let Some(spanned) = value else {
            self.report(
                table_at,
                &format!("{table} is missing the required key `id`"),
            );
            return None;
        };
        let id = spanned.get_ref();
        if !is_valid_id(id) {
            self.report(
                spanned.span().start,
                &format!("{} is not a valid id: {ID_RULE}", shown(id)),
            );
            return None;
        }
        Some(Found {
            value: id.clone(),
            at: spanned.span().start,
        })
    }

    /// Reports the second and later uses of an id; `first` remembers where each was seen.
    fn unique(&mut self, found: &Found, kind: &str, first: &mut HashMap<String, usize>) -> bool {
        match first.get(&found.value) {
            Some(&line) => {
                self.report(
                    found.at,
                    &format!(
                        "duplicate {kind} id {} (first defined on line {line})",
                        shown(&found.value)
                    ),
                );
                false
            }
            None => {
                let line = self.line_of(found.at);
                first.insert(found.value.clone(), line);
                true
            }
        }
    }

    /// Where in the file the first forbidden character of a string value is: the
    /// character itself, or the escape (`\e`, `\x1b`, `\u202E`, ...) that produced it.
    /// Falls back to the start of the value.
    fn locate_forbidden(&self, span: Range<usize>) -> usize {
        let Some(raw) = self.text.get(span.clone()) else {
            return span.start;
        };
        let mut chars = raw.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n') {
                continue;
            }
            if forbidden_char(c).is_some() {
                return span.start + i;
            }
        }
        let mut chars = raw.char_indices();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                continue;
            }
            let rest = &raw[i + 1..];
            let hex = |len: usize| {
                rest.get(1..=len)
                    .and_then(|digits| u32::from_str_radix(digits, 16).ok())
                    .and_then(char::from_u32)
            };
            let decoded = match rest.chars().next() {
                Some('e') => Some('\u{1b}'),
                Some('b') => Some('\u{8}'),
                Some('f') => Some('\u{c}'),
                Some('x') => hex(2),
                Some('u') => hex(4),
                Some('U') => hex(8),
                _ => None,
            };
            if decoded.is_some_and(|c| forbidden_char(c).is_some()) {
                return span.start + i;
            }
            chars.next(); // the escaped character (so `\\e` is not read as `\e`)
        }
        span.start
    }

    fn check(mut self, file: PackFile, origin: PackOrigin) -> Result<Pack, Vec<Problem>> {
        // A present `format` is checked before the rest (see `check_text`).
        if file.format.is_none() {
            self.report(
                0,
                &format!("missing `format = {FORMAT_VERSION}` (the pack format version) at the top of the file"),
            );
        }
        let meta = match &file.pack {
            Some(table) => self.pack_table(table),
            None => {
                self.report(0, "missing the [pack] table (id, name, version, language)");
                None
            }
        };
        let levels = self.levels(file.levels.as_ref());
        let (themes, theme_ids) = self.themes(file.themes.as_ref());
        let prompts = self.prompts(file.prompts.as_ref(), &theme_ids, &levels);

        match (meta, levels.names) {
            (Some(meta), Some(levels)) if self.problems.is_empty() => Ok(Pack {
                id: meta.id,
                name: meta.name,
                version: meta.version,
                language: meta.language,
                description: meta.description,
                source: meta.source,
                author: meta.author,
                levels,
                themes,
                prompts,
                origin,
            }),
            _ => Err(self.problems),
        }
    }

    fn pack_table(&mut self, table: &Spanned<PackTable>) -> Option<Meta> {
        const TABLE: &str = "[pack]";
        let at = table.span().start;
        let pack = table.get_ref();
        let id = self.id(pack.id.as_ref(), TABLE, at);
        let name = self.one_line(pack.name.as_ref(), "name", TABLE, at);
        let version = self.one_line(pack.version.as_ref(), "version", TABLE, at);
        let language = self.one_line(pack.language.as_ref(), "language", TABLE, at);
        if let Some(language) = &language {
            if !is_language_tag(&language.value) {
                self.report(
                    language.at,
                    &format!(
                        "{} is not a language tag: use a BCP 47 tag such as en, es or es-CL",
                        shown(&language.value)
                    ),
                );
            }
        }
        let description = self.string(pack.description.as_ref(), "description");
        let source = self.string(pack.source.as_ref(), "source");
        let author = self.string(pack.author.as_ref(), "author");
        if let (Some(author), Some(spanned)) = (&author, &pack.author) {
            if author.contains('\n') {
                self.report(spanned.span().start, "`author` must be on one line");
            }
        }
        Some(Meta {
            id: id?.value,
            name: name?.value,
            version: version?.value,
            language: language?.value,
            description: description.unwrap_or_default().trim().to_string(),
            source: source.unwrap_or_default().trim().to_string(),
            author: author.unwrap_or_default().trim().to_string(),
        })
    }

    fn levels(&mut self, tables: Option<&Tables<LevelTable>>) -> Levels {
        let Some(tables) = tables else {
            return Levels {
                names: Some(default_levels()),
                ids: Vec::new(),
            };
        };
        const TABLE: &str = "[[levels]]";
        let count = tables.get_ref().len();
        let mut ok = true;
        if count != 3 {
            self.report(
                tables.span().start,
                &format!(
                    "a pack with [[levels]] must have exactly 3 of them (bottom rung first: they map onto school, network, system), not {count}"
                ),
            );
            ok = false;
        }
        let mut first = HashMap::new();
        // Words the user may type for a rung with --level: the canonical names, and
        // each level's id and name. One word must not name two rungs.
        let mut words: HashMap<String, (usize, usize)> = Level::ALL
            .iter()
            .map(|level| (level.as_str().to_string(), (level.rank(), 0)))
            .collect(); // word -> (rung, line; 0 for a canonical name)
        let mut names = Vec::new();
        let mut ids = Vec::new();
        for (rung, table) in tables.get_ref().iter().enumerate() {
            let at = table.span().start;
            let level = table.get_ref();
            let id = self.id(level.id.as_ref(), TABLE, at);
            let name = self.one_line(level.name.as_ref(), "name", TABLE, at);
            let description = self.string(level.description.as_ref(), "description");
            let mut id_is_new = true;
            if let Some(id) = &id {
                ids.push(id.value.clone());
                id_is_new = self.unique(id, "level", &mut first);
                ok &= id_is_new;
            }
            let to_check = [
                (id.as_ref().filter(|_| id_is_new), "id"),
                (name.as_ref(), "name"),
            ];
            for (found, what) in to_check {
                let Some(found) = found else { continue };
                let word = found.value.to_lowercase();
                let line = self.line_of(found.at);
                match words.get(&word) {
                    Some(&(other, other_line)) if other != rung => {
                        let whose = if other_line == 0 {
                            format!("the standard name of rung {}", other + 1)
                        } else {
                            format!("already used for rung {} (line {other_line})", other + 1)
                        };
                        self.report(
                            found.at,
                            &format!(
                                "level {what} {} would be ambiguous with --level: it is {whose}",
                                shown(&found.value)
                            ),
                        );
                        ok = false;
                    }
                    Some(_) => {}
                    None => {
                        words.insert(word, (rung, line));
                    }
                }
            }
            match (id, name) {
                (Some(id), Some(name)) => names.push(LevelName {
                    id: id.value,
                    name: name.value,
                    description: description.unwrap_or_default().trim().to_string(),
                }),
                _ => ok = false,
            }
        }
        let names = if ok { names.try_into().ok() } else { None };
        Levels { names, ids }
    }

    /// The valid themes, and every theme id written (valid or not).
    fn themes(&mut self, tables: Option<&Tables<ThemeTable>>) -> (Vec<Theme>, Vec<String>) {
        const TABLE: &str = "[[themes]]";
        let mut themes = Vec::new();
        let Some(tables) = tables.filter(|t| !t.get_ref().is_empty()) else {
            let at = tables.map_or(0, |t| t.span().start);
            self.report(
                at,
                "the pack has no themes: add at least one [[themes]] table",
            );
            return (themes, Vec::new());
        };
        let written = tables
            .get_ref()
            .iter()
            .filter_map(|table| table.get_ref().id.as_ref().map(|id| id.get_ref().clone()))
            .collect();
        let mut first = HashMap::new();
        for table in tables.get_ref() {
            let at = table.span().start;
            let theme = table.get_ref();
            let id = self.id(theme.id.as_ref(), TABLE, at);
            let title = self.one_line(theme.title.as_ref(), "title", TABLE, at);
            let summary = self.string(theme.summary.as_ref(), "summary");
            let Some(id) = id else { continue };
            if self.unique(&id, "theme", &mut first) {
                themes.push(Theme {
                    id: id.value,
                    title: title.map(|t| t.value).unwrap_or_default(),
                    summary: summary.unwrap_or_default().trim().to_string(),
                });
            }
        }
        (themes, written)
    }

    /// The valid prompts. `theme_ids` are the theme ids written in the file.
    fn prompts(
        &mut self,
        tables: Option<&Tables<PromptTable>>,
        theme_ids: &[String],
        levels: &Levels,
    ) -> Vec<Prompt> {
        const TABLE: &str = "[[prompts]]";
        let mut prompts = Vec::new();
        let Some(tables) = tables.filter(|t| !t.get_ref().is_empty()) else {
            let at = tables.map_or(0, |t| t.span().start);
            self.report(
                at,
                "the pack has no prompts: add at least one [[prompts]] table",
            );
            return prompts;
        };
        let mut first = HashMap::new();
        for table in tables.get_ref() {
            let at = table.span().start;
            let prompt = table.get_ref();
            let id = self.id(prompt.id.as_ref(), TABLE, at);
            let theme = self.required(prompt.theme.as_ref(), "theme", TABLE, at);
            if let Some(theme) = &theme {
                // With no themes at all, that problem is already reported.
                if !theme_ids.is_empty() && !theme_ids.contains(&theme.value) {
                    self.report(
                        theme.at,
                        &format!(
                            "no theme has the id {} (themes of this pack: {})",
                            shown(&theme.value),
                            theme_ids.join(", ")
                        ),
                    );
                }
            }
            let question = self.required(prompt.question.as_ref(), "question", TABLE, at);
            let context = self.string(prompt.context.as_ref(), "context");
            let level = prompt.level.as_ref().and_then(|spanned| {
                let word = self.string(Some(spanned), "level")?;
                let level = levels.resolve(&word);
                if level.is_none() {
                    self.report(
                        spanned.span().start,
                        &format!(
                            "unknown level {} (use one of: {})",
                            shown(&word),
                            levels.choices().join(", ")
                        ),
                    );
                }
                level
            });
            let (Some(id), Some(theme), Some(question)) = (id, theme, question) else {
                continue;
            };
            if self.unique(&id, "prompt", &mut first) {
                prompts.push(Prompt {
                    id: id.value,
                    theme: theme.value,
                    question: question.value.trim().to_string(),
                    context: context
                        .map(|c| c.trim().to_string())
                        .filter(|c| !c.is_empty()),
                    level,
                });
            }
        }
        prompts
    }
}

/// `[pack]`, checked.
struct Meta {
    id: String,
    name: String,
    version: String,
    language: String,
    description: String,
    source: String,
    author: String,
}

/// `[[levels]]`, checked: the names if valid, and every id written (so that a prompt
/// using one is not reported again when the levels themselves are wrong).
struct Levels {
    names: Option<[LevelName; 3]>,
    ids: Vec<String>,
}

impl Levels {
    /// A prompt's `level`: an id of this pack's levels, or a canonical name.
    fn resolve(&self, word: &str) -> Option<Level> {
        if let Some(names) = &self.names {
            if let Some(rung) = names.iter().position(|name| name.id == word) {
                return Level::ALL.get(rung).copied();
            }
        } else if self.ids.iter().any(|id| id == word) {
            return Some(Level::School); // unusable anyway: the pack has problems
        }
        Level::ALL.into_iter().find(|level| level.as_str() == word)
    }

    fn choices(&self) -> Vec<String> {
        let mut choices: Vec<String> = match &self.names {
            Some(names) => names.iter().map(|name| name.id.clone()).collect(),
            None => self.ids.clone(),
        };
        for level in Level::ALL {
            if !choices.iter().any(|c| c == level.as_str()) {
                choices.push(level.as_str().to_string());
            }
        }
        choices
    }
}

/// `U+001B (ESC)` style name of a character for messages.
fn char_name(c: char) -> String {
    let short = match c {
        '\u{0}' => Some("NUL"),
        '\u{7}' => Some("BEL"),
        '\u{8}' => Some("BS"),
        '\u{c}' => Some("FF"),
        '\r' => Some("CR"),
        '\u{1b}' => Some("ESC"),
        '\u{7f}' => Some("DEL"),
        '\u{9b}' => Some("CSI"),
        _ => None,
    };
    match short {
        Some(short) => format!("U+{:04X} {short}", c as u32),
        None => format!("U+{:04X}", c as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const GOOD: &str = r#"format = 1

[pack]
id = "tiny"
name = "Tiny pack"
version = "1.0.0"
language = "en"

[[themes]]
id = "trust"
title = "Trust"

[[prompts]]
id = "trust-1"
theme = "trust"
question = "Who do you trust?"
level = "network"
"#;

    fn check(text: &str) -> Result<Pack, Vec<Problem>> {
        check_text(text, "p.toml", PackOrigin::Embedded("p.toml"))
    }

    fn problems(text: &str) -> Vec<String> {
        match check(text) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_good_pack_is_read_with_the_default_ladder() {
        let pack = check(GOOD).unwrap();
        assert_eq!(pack.id, "tiny");
        assert_eq!(pack.levels[1].id, "network");
        assert_eq!(pack.prompts[0].level, Some(Level::Network));
        assert_eq!(pack.themes[0].title, "Trust");
    }

    #[test]
    fn ids_follow_the_rules() {
        assert!(is_valid_id("a"));
        assert!(is_valid_id("9-lives_2"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("-a"));
        assert!(!is_valid_id("Trust"));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id(&"a".repeat(65)));
        assert!(is_language_tag("es-CL"));
        assert!(!is_language_tag("e"));
        assert!(!is_language_tag("en_GB"));
    }

    #[test]
    fn all_semantic_problems_are_reported_at_once() {
        let text = GOOD.replace("id = \"trust-1\"", "id = \"Trust 1\"").replace("question = \"Who do you trust?\"", "question = \"  \"")
            + "\n[[prompts]]\nid = \"p2\"\ntheme = \"nope\"\nquestion = \"q\"\nlevel = \"galaxy\"\n";
        let found = problems(&text);
        assert_eq!(found.len(), 4, "{found:#?}");
        assert!(
            found[0].starts_with("p.toml:14:6: 'Trust 1' is not a valid id"),
            "{found:#?}"
        );
        assert!(
            found[1].starts_with("p.toml:16:12: `question` is empty"),
            "{found:#?}"
        );
        assert!(
            found[2].starts_with("p.toml:21:9: no theme has the id 'nope'"),
            "{found:#?}"
        );
        assert!(
            found[3].starts_with("p.toml:23:9: unknown level 'galaxy'"),
            "{found:#?}"
        );
    }

    #[test]
    fn escapes_are_located_and_never_echoed_raw() {
        let text = GOOD.replace("Who do you trust?", "Who \\u001b]0;x\\u0007 trusts?");
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0]
                .starts_with("p.toml:16:17: `question` contains a control character (U+001B ESC)"),
            "{found:#?}"
        );

        let text = GOOD.replace("Tiny pack", "Tiny \u{202E}kcap");
        let found = problems(&text);
        assert!(
            found[0]
                .starts_with("p.toml:5:14: `name` contains a bidirectional-text override (U+202E)"),
            "{found:#?}"
        );

        let text = GOOD.replace("title = \"Trust\"", "\"\\e[31m\" = \"Trust\"");
        let found = problems(&text);
        assert!(
            found[0].starts_with("p.toml:11:1: unknown key `\\u{1b}[31m`"),
            "{found:#?}"
        );
        assert!(!found[0].contains('\u{1b}'));
    }

    #[test]
    fn windows_line_ends_are_fine() {
        let text = GOOD.replace('\n', "\r\n").replace(
            "question = \"Who do you trust?\"",
            "question = \"\"\"\r\nWho do\r\nyou trust?\"\"\"",
        );
        let pack = check(&text).unwrap();
        assert_eq!(pack.prompts[0].question, "Who do\nyou trust?");
    }

    #[test]
    fn non_utf8_reports_the_first_bad_byte() {
        let mut bytes = GOOD.as_bytes().to_vec();
        let at = GOOD.find("Trust\"").unwrap() + 2;
        bytes[at] = 0xff;
        let found = check_bytes(&bytes, "p.toml", PackOrigin::Embedded("p.toml")).unwrap_err();
        assert_eq!((found[0].line, found[0].column), (11, 12));
    }

    #[test]
    fn an_unsupported_format_stops_early() {
        let found = problems(&GOOD.replace("format = 1", "format = 2\nnew_key = true"));
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("p.toml:1:10: unsupported pack format 2"));
    }

    /// Fragments that, shuffled, make files that are often valid TOML and exercise
    /// the semantic checks, not only the TOML parser.
    fn tomlish() -> impl Strategy<Value = String> {
        let value = prop_oneof![
            Just("\"x\"".to_string()),
            Just("\"\"".to_string()),
            Just("\"\\e[2J\"".to_string()),
            Just("\"a\\u202Eb\"".to_string()),
            Just("\"network\"".to_string()),
            Just("\"\"\"\r\nmulti\r\nline\"\"\"".to_string()),
            "[a-z\u{1b}\u{202e}\r\n ]{0,8}".prop_map(|s| format!("{s:?}")),
            Just("3".to_string()),
        ];
        let line = prop_oneof![
            Just("format = 1".to_string()),
            Just("[pack]".to_string()),
            Just("[[levels]]".to_string()),
            Just("[[themes]]".to_string()),
            Just("[[prompts]]".to_string()),
            (
                prop::sample::select(vec![
                    "id", "name", "version", "language", "title", "theme", "question", "level",
                    "context",
                ]),
                value
            )
                .prop_map(|(key, value)| format!("{key} = {value}")),
            ".{0,12}",
        ];
        prop::collection::vec(line, 0..40).prop_map(|lines| lines.join("\n"))
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
            let _ = check_bytes(&bytes, "f", PackOrigin::Embedded("f"));
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
            let _ = check(&text);
        }

        #[test]
        fn tomlish_text_never_panics_and_problems_are_printable(text in tomlish()) {
            if let Err(found) = check(&text) {
                prop_assert!(!found.is_empty());
                for problem in found {
                    prop_assert!(problem.line >= 1 && problem.column >= 1);
                    prop_assert!(!problem.message.chars().any(|c| c.is_control()));
                }
            }
        }
    }
}
