//! What a journal entry is: the leader's words plus where they stand on the ladder.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// The rungs of the ladder a leader's practice climbs, in order.
///
/// Packs may rename them (`escuela`, `red`, `territorio`), but the journal always
/// stores these canonical names so entries from different packs can be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Inside my own school.
    School,
    /// With partner schools in the network.
    Network,
    /// District, territory, other agencies: the wider system.
    System,
}

impl Level {
    /// All levels, bottom rung first.
    pub const ALL: [Level; 3] = [Level::School, Level::Network, Level::System];

    /// The canonical name stored in the journal.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::School => "school",
            Level::Network => "network",
            Level::System => "system",
        }
    }

    /// Position on the ladder: 0 for school, 1 for network, 2 for system.
    pub fn rank(self) -> usize {
        self as usize
    }

    /// Whether practice at this level reaches beyond the leader's own school.
    pub fn reaches_network(self) -> bool {
        self >= Level::Network
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = String;

    /// A canonical id in any case, or the rung's number (1 school … 3 system).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let ids = Level::ALL.map(|level| [level.as_str()]);
        let choices: Vec<(Level, &[&str])> = Level::ALL
            .into_iter()
            .zip(&ids)
            .map(|(level, ids)| (level, &ids[..]))
            .collect();
        crate::text::pick(s, &choices)
            .ok_or_else(|| crate::t!("error-unknown-level", input = s.trim()))
    }
}

/// Where the leader placed an entry: on the ladder, or "not practice yet".
///
/// An entry with no `Placement` at all is *unrated*: the leader has not said, and
/// nothing guesses for them. Stored as the level's canonical id, or `idea`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Placement {
    /// A plan or an idea, not practice yet: counted apart from rated entries.
    Idea,
    /// Practice that happened at this level.
    At(Level),
}

impl Placement {
    /// The id stored in the journal: `idea`, `school`, `network` or `system`.
    pub fn as_str(self) -> &'static str {
        match self {
            Placement::Idea => "idea",
            Placement::At(level) => level.as_str(),
        }
    }

    /// The level, if this is rated practice (not an idea).
    pub fn level(self) -> Option<Level> {
        match self {
            Placement::Idea => None,
            Placement::At(level) => Some(level),
        }
    }

    /// Reads a canonical id (`idea` or a level id).
    pub fn from_id(id: &str) -> Option<Placement> {
        match id {
            "idea" => Some(Placement::Idea),
            other => Level::from_id(other).map(Placement::At),
        }
    }
}

impl Level {
    /// Reads a canonical id, exactly as stored (`school`, `network`, `system`).
    pub fn from_id(id: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.as_str() == id)
    }
}

/// How deep the joint work of an entry went: an ordered ladder loosely adapted
/// from Himmelman's collaboration continuum. Deeper is not always warranted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Depth {
    /// We shared information.
    Informing,
    /// We aligned what each of us does.
    Coordinating,
    /// We shared resources: people, time, materials.
    Sharing,
    /// We created new practice together and share responsibility for it.
    CoConstructing,
}

impl Depth {
    /// All depths, shallowest first.
    pub const ALL: [Depth; 4] = [
        Depth::Informing,
        Depth::Coordinating,
        Depth::Sharing,
        Depth::CoConstructing,
    ];

    /// The canonical id stored in the journal.
    pub fn as_str(self) -> &'static str {
        match self {
            Depth::Informing => "informing",
            Depth::Coordinating => "coordinating",
            Depth::Sharing => "sharing",
            Depth::CoConstructing => "co-constructing",
        }
    }

    /// Position on the ladder: 0 for informing … 3 for co-constructing.
    pub fn rank(self) -> usize {
        self as usize
    }

    /// Reads a canonical id, exactly as stored.
    pub fn from_id(id: &str) -> Option<Depth> {
        Depth::ALL.into_iter().find(|depth| depth.as_str() == id)
    }

    /// Reads a depth as a person answers: the canonical id or one of `labels`
    /// (the pack's words for each depth, shallowest first) in any case, with or
    /// without accents, or the number (1 informing … 4 co-constructing).
    pub fn from_answer(answer: &str, labels: &[&str]) -> Option<Depth> {
        let names: Vec<[&str; 2]> = Depth::ALL
            .iter()
            .enumerate()
            .map(|(i, depth)| [depth.as_str(), labels.get(i).copied().unwrap_or("")])
            .collect();
        let choices: Vec<(Depth, &[&str])> = Depth::ALL
            .into_iter()
            .zip(&names)
            .map(|(depth, names)| (depth, &names[..]))
            .collect();
        crate::text::pick(answer, &choices)
    }
}

/// Where the learning carried by an entry's practice came from (its transfer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    /// Another level of practice.
    Level(Level),
    /// The PD programme itself.
    Programme,
}

impl Origin {
    /// The canonical id stored in the journal: a level id or `programme`.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Level(level) => level.as_str(),
            Origin::Programme => "programme",
        }
    }

    /// Reads a canonical id, exactly as stored.
    pub fn from_id(id: &str) -> Option<Origin> {
        match id {
            "programme" => Some(Origin::Programme),
            other => Level::from_id(other).map(Origin::Level),
        }
    }
}

/// Serialises these small vocabularies as their canonical ids.
macro_rules! serde_as_id {
    ($($kind:ident: $what:literal),*) => {$(
        impl Serialize for $kind {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $kind {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let id = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                $kind::from_id(&id).ok_or_else(|| {
                    serde::de::Error::custom(crate::t!(
                        "stored-unknown-id",
                        what = crate::i18n::message($what, None),
                        id = id.as_ref()
                    ))
                })
            }
        }

        impl fmt::Display for $kind {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}

serde_as_id!(
    Placement: "stored-what-level",
    Depth: "stored-what-depth",
    Origin: "stored-what-origin"
);

/// A short, unique, random entry id: lowercase Crockford base32, [`EntryId::LEN`] characters.
///
/// Like a git hash, any unique prefix names the entry.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct EntryId(String);

impl<'de> Deserialize<'de> for EntryId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        EntryId::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(crate::t!(
                "stored-bad-entry-id",
                id = text.escape_default().to_string()
            ))
        })
    }
}

/// Crockford's base32 alphabet: no i, l, o or u, so ids read aloud without ambiguity.
const ID_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

impl EntryId {
    /// Length of a freshly generated id (50 random bits).
    pub const LEN: usize = 10;

    /// A new random id from the operating system's random source.
    pub fn random() -> std::io::Result<EntryId> {
        let mut bytes = [0u8; Self::LEN];
        getrandom::fill(&mut bytes).map_err(std::io::Error::other)?;
        Ok(Self::from_random_bytes(bytes))
    }

    /// An id derived from a 64-bit value (used for deterministic ids on import).
    pub fn from_u64(mut value: u64) -> EntryId {
        let mut bytes = [0u8; Self::LEN];
        for byte in &mut bytes {
            *byte = (value & 31) as u8;
            value >>= 5;
        }
        Self::from_random_bytes(bytes)
    }

    fn from_random_bytes(bytes: [u8; Self::LEN]) -> EntryId {
        let id = bytes
            .iter()
            .map(|b| ID_ALPHABET[(b & 31) as usize] as char)
            .collect();
        EntryId(id)
    }

    /// Accepts an id read from a file or the command line: 1 to 64 characters of
    /// ASCII letters, digits, `-` or `_` (imports may carry ids of other shapes).
    pub fn parse(s: &str) -> Option<EntryId> {
        let ok = !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| EntryId(s.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `prefix` (case-insensitive) names this id.
    pub fn starts_with(&self, prefix: &str) -> bool {
        self.0.len() >= prefix.len()
            && self.0.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    }
}

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One live journal entry, as readers see it (the latest revision).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: EntryId,
    /// The day the entry is about (defaults to the day it was written).
    pub date: NaiveDate,
    /// The moment the entry was first written, with the writer's UTC offset.
    pub written: DateTime<FixedOffset>,
    /// The moment of the latest revision, if the entry was ever edited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revised: Option<DateTime<FixedOffset>>,
    /// Where the leader placed it; `None` = unrated (nobody guesses for them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Placement>,
    /// How deep the joint work went, if the leader said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth: Option<Depth>,
    /// Where the learning this practice carried came from (a transfer), if said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Origin>,
    /// Prompt pack the entry answers (none for a free entry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub text: String,
}

/// What an entry says besides its words, borrowed: from an [`Entry`], or straight
/// from a journal line by readers that only count (no allocation per entry).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts<'a> {
    pub date: NaiveDate,
    pub written: DateTime<FixedOffset>,
    pub revised: Option<DateTime<FixedOffset>>,
    pub level: Option<Placement>,
    pub depth: Option<Depth>,
    pub from: Option<Origin>,
    pub pack: Option<&'a str>,
    pub pack_version: Option<&'a str>,
    pub prompt: Option<&'a str>,
    pub theme: Option<&'a str>,
    pub tags: Tags<'a>,
}

/// The tags of `"a","b"`: each between a pair of quotes (a tag holds no quote),
/// the pairs apart by a comma.
struct RawTags<'a>(&'a str);

impl<'a> Iterator for RawTags<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self
            .0
            .strip_prefix(',')
            .unwrap_or(self.0)
            .strip_prefix('"')?;
        let end = rest.bytes().position(|b| b == b'"')?;
        self.0 = &rest[end + 1..];
        Some(&rest[..end])
    }
}

/// An entry's tags: its list, or the inside of a JSON array of plain strings as a
/// journal line holds it (`"a","b"`: no escapes, checked by the reader).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tags<'a> {
    List(&'a [String]),
    Raw(&'a str),
}

impl<'a> Tags<'a> {
    pub fn iter(self) -> impl Iterator<Item = &'a str> {
        let (list, raw) = match self {
            Tags::List(list) => (list, ""),
            Tags::Raw(raw) => (&[][..], raw),
        };
        list.iter().map(String::as_str).chain(RawTags(raw))
    }

    pub fn contains(self, tag: &str) -> bool {
        self.iter().any(|t| t == tag)
    }

    pub fn is_empty(self) -> bool {
        match self {
            Tags::List(list) => list.is_empty(),
            Tags::Raw(raw) => raw.is_empty(),
        }
    }
}

/// An entry borrowed whole: from an [`Entry`], or read in place from a journal line
/// (no allocation per entry). Its `text` is empty for readers that asked for no words,
/// and for readers that asked for JSON when `json` holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryRef<'a> {
    /// The id, as [`EntryId::as_str`] gives it.
    pub id: &'a str,
    pub facts: Facts<'a>,
    pub text: &'a str,
    /// The text as it stands between the quotes of a JSON string `serde_json`
    /// wrote, when the line held it so (`None` when not at hand): a JSON writer
    /// copies it as it is.
    pub json: Option<&'a str>,
}

impl EntryRef<'_> {
    /// The entry, owning its values.
    pub fn to_entry(&self) -> Entry {
        let facts = &self.facts;
        Entry {
            id: EntryId(self.id.to_string()),
            date: facts.date,
            written: facts.written,
            revised: facts.revised,
            level: facts.level,
            depth: facts.depth,
            from: facts.from,
            pack: facts.pack.map(str::to_string),
            pack_version: facts.pack_version.map(str::to_string),
            prompt: facts.prompt.map(str::to_string),
            theme: facts.theme.map(str::to_string),
            tags: facts.tags.iter().map(str::to_string).collect(),
            text: self.text.to_string(),
        }
    }
}

impl Entry {
    /// The entry borrowed whole.
    pub fn borrowed(&self) -> EntryRef<'_> {
        EntryRef {
            id: self.id.as_str(),
            facts: self.facts(),
            text: &self.text,
            json: None,
        }
    }

    pub fn facts(&self) -> Facts<'_> {
        Facts {
            date: self.date,
            written: self.written,
            revised: self.revised,
            level: self.level,
            depth: self.depth,
            from: self.from,
            pack: self.pack.as_deref(),
            pack_version: self.pack_version.as_deref(),
            prompt: self.prompt.as_deref(),
            theme: self.theme.as_deref(),
            tags: Tags::List(&self.tags),
        }
    }
}

/// Checks a tag given by the user: non-empty, no whitespace, commas or control characters.
/// A leading `#` or `@` (jrnl's habit) is dropped.
pub fn normalize_tag(tag: &str) -> Result<String, String> {
    let tag = tag.trim().trim_start_matches(['#', '@']);
    if tag.is_empty() {
        return Err(crate::t!("tag-empty"));
    }
    if let Some(bad) = tag
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || *c == ',')
    {
        return Err(crate::t!(
            "tag-bad-char",
            char = format!("{bad:?}"),
            tag = tag.escape_default().to_string()
        ));
    }
    Ok(tag.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_read_in_place_are_the_strings_of_the_array() {
        let tags = |raw| Tags::Raw(raw).iter().collect::<Vec<_>>();
        assert_eq!(tags(""), Vec::<&str>::new());
        assert_eq!(tags(r#""solo""#), ["solo"]);
        assert_eq!(tags(r#""a","b,c","ñ""#), ["a", "b,c", "ñ"]);
        assert!(Tags::Raw("").is_empty() && !Tags::Raw(r#""a""#).is_empty());
    }

    #[test]
    fn levels_are_ordered_bottom_up() {
        assert!(Level::School < Level::Network && Level::Network < Level::System);
        assert!(!Level::School.reaches_network());
        assert!(Level::System.reaches_network());
    }

    #[test]
    fn answers_name_levels_and_depths_by_id_label_or_number() {
        assert_eq!("NETWORK".parse::<Level>(), Ok(Level::Network));
        assert_eq!("3".parse::<Level>(), Ok(Level::System));
        assert!("4".parse::<Level>().is_err());
        let labels = ["Informar", "Coordinar", "Compartir", "Co-construir"];
        assert_eq!(
            Depth::from_answer("compartir", &labels),
            Some(Depth::Sharing)
        );
        assert_eq!(
            Depth::from_answer("CO-CONSTRUIR", &labels),
            Some(Depth::CoConstructing)
        );
        assert_eq!(Depth::from_answer("1", &labels), Some(Depth::Informing));
        assert_eq!(
            Depth::from_answer("coordinating", &[]),
            Some(Depth::Coordinating)
        );
        assert_eq!(Depth::from_answer("5", &labels), None);
        assert_eq!(Depth::from_answer("", &[]), None);
    }

    #[test]
    fn vocabularies_round_trip_through_their_ids() {
        for depth in Depth::ALL {
            assert_eq!(Depth::from_id(depth.as_str()), Some(depth));
        }
        assert_eq!(Placement::from_id("idea"), Some(Placement::Idea));
        assert_eq!(
            Placement::from_id("network"),
            Some(Placement::At(Level::Network))
        );
        assert_eq!(Origin::from_id("programme"), Some(Origin::Programme));
        assert_eq!(Origin::from_id("Network"), None, "ids are exact");
        let json = serde_json::to_string(&Depth::CoConstructing).unwrap();
        assert_eq!(json, "\"co-constructing\"");
        assert!(serde_json::from_str::<Origin>("\"elsewhere\"").is_err());
    }

    #[test]
    fn random_ids_use_the_crockford_alphabet() {
        let id = EntryId::random().unwrap();
        assert_eq!(id.as_str().len(), EntryId::LEN);
        assert!(id.as_str().bytes().all(|b| ID_ALPHABET.contains(&b)));
        assert_ne!(id, EntryId::random().unwrap());
    }

    #[test]
    fn prefixes_are_case_insensitive() {
        let id = EntryId::parse("abc123").unwrap();
        assert!(id.starts_with("ABC"));
        assert!(!id.starts_with("abd"));
        assert!(!id.starts_with("abc1234"));
    }

    #[test]
    fn tags_are_normalized() {
        assert_eq!(normalize_tag("#Trust").unwrap(), "trust");
        assert!(normalize_tag("two words").is_err());
        assert!(normalize_tag("").is_err());
    }
}
