//! Ids as compact keys: every id reflect makes packs into a `u64`, so the readers'
//! sets and maps of ids cost no allocation per id; and the ids of every add, kept to
//! find the ids added more than once (a journal the one-pass readers leave to the
//! forward rule).

use rustc_hash::FxHashSet;

use super::spill::{KeyList, Sorter};
use super::Result;
use crate::entry::EntryId;

/// An id as a map key: every id reflect makes (up to 12 characters) packs into a
/// `u64` exactly, so keys cost no allocation; longer ids (imports) are kept whole.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum IdKey {
    Short(u64),
    Long(Box<str>),
}

impl IdKey {
    pub(super) fn of(id: &EntryId) -> IdKey {
        pack(id.as_str().as_bytes()).map_or_else(|| IdKey::Long(id.as_str().into()), IdKey::Short)
    }

    /// The key of an id as written in a line; `None` where [`EntryId::parse`] would
    /// refuse it (so keys and ids agree).
    pub(super) fn parse(raw: &str) -> Option<IdKey> {
        IdKey::parse_bytes(raw.as_bytes())
    }

    /// [`IdKey::parse`] of the bytes a line holds.
    pub(super) fn parse_bytes(raw: &[u8]) -> Option<IdKey> {
        if raw.is_empty() {
            return None;
        }
        if raw.len() <= 12 {
            // Packing accepts exactly the characters of an id.
            return pack(raw).map(IdKey::Short);
        }
        let valid = raw.len() <= 64 && raw.iter().all(|&b| ID_DIGITS[usize::from(b)] != 0);
        let raw = std::str::from_utf8(raw).ok().filter(|_| valid)?;
        Some(IdKey::Long(raw.to_ascii_lowercase().into()))
    }
}

/// A set of ids that does not allocate per id (for the backward reader).
#[derive(Debug, Default)]
pub(super) struct IdSet(FxHashSet<IdKey>);

impl IdSet {
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// Adds `id`; false if it was there.
    pub(super) fn insert(&mut self, id: &EntryId) -> bool {
        self.0.insert(IdKey::of(id))
    }
}

/// Packs an id of up to 12 characters of `[0-9a-z_-]` (letters in either case, as
/// [`EntryId::parse`] lowercases them) into a `u64`, one to one (base 39, 0 meaning
/// "no character": 39^12 < 2^64).
fn pack(id: &[u8]) -> Option<u64> {
    if id.len() > 12 {
        return None;
    }
    id.iter()
        .try_fold(0u64, |key, &b| match ID_DIGITS[usize::from(b)] {
            0 => None,
            digit => Some(key * 39 + u64::from(digit)),
        })
}

/// The digit of each byte an id may hold (1–38, letters in either case alike), 0
/// for the others.
const ID_DIGITS: [u8; 256] = {
    let mut digits = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        digits[b] = match byte {
            b'0'..=b'9' => byte - b'0' + 1,
            b'a'..=b'z' => byte - b'a' + 11,
            b'A'..=b'Z' => byte - b'A' + 11,
            b'-' => 37,
            b'_' => 38,
            _ => 0,
        };
        b += 1;
    }
    digits
};

/// Ids as compact keys, for finding the ids added more than once. Past a few
/// megabytes the short keys are sorted in a temporary file (see `spill`).
#[derive(Default)]
pub(super) struct IdKeys {
    /// In memory, once sorted: the keys of the first half (see [`in_second_half`]),
    /// sorted, then those of the second, sorted.
    short: Sorter<u64>,
    /// Where the second half of `short` starts, once sorted.
    second: usize,
    /// Once sorted, when the keys were too many to keep: all of them, in order.
    spilled: Option<KeyList>,
    long: Vec<Box<str>>,
}

/// Which half of the keys `key` belongs to: a bit of a mixed key, so that the halves
/// are about even, and equal keys are in the same one.
fn in_second_half(key: u64) -> bool {
    key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 63 == 1
}

/// The items found more than once in sorted `items`.
fn twice<T: Ord + Clone>(items: &[T]) -> Vec<T> {
    let mut out: Vec<T> = items
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0].clone())
        .collect();
    out.dedup();
    out
}

impl IdKeys {
    pub(super) fn push(&mut self, key: &IdKey) {
        match key {
            IdKey::Short(key) => self.short.push(*key),
            IdKey::Long(id) => self.long.push(id.clone()),
        }
    }

    /// The ids pushed more than once (sorts the keys: in memory, the two halves on
    /// two threads; else merged from the temporary file).
    pub(super) fn duplicates(&mut self) -> Result<Twice> {
        self.long.sort_unstable();
        let long = twice(&self.long);
        let mut short = Vec::new();
        match self.short.in_memory() {
            Some(keys) => {
                self.second = sort_in_halves(keys);
                let (first, rest) = keys.split_at(self.second);
                short.extend(twice(first));
                short.extend(twice(rest));
                short.sort_unstable();
            }
            None => {
                let mut previous = None;
                let keys = std::mem::take(&mut self.short).finish()?.keys(|key| {
                    if previous == Some(key) && short.last() != Some(&key) {
                        short.push(key);
                    }
                    previous = Some(key);
                    key
                })?;
                self.spilled = Some(keys);
            }
        }
        Ok(Twice { short, long })
    }

    /// Whether `key` is among the keys (which [`IdKeys::duplicates`] sorted).
    pub(super) fn contains(&self, key: &IdKey) -> Result<bool> {
        match key {
            IdKey::Short(key) => {
                if let Some(spilled) = &self.spilled {
                    return spilled.contains(*key);
                }
                let short = self.short.memory().expect("sorted in memory");
                let (first, rest) = short.split_at(self.second);
                let half = if in_second_half(*key) { rest } else { first };
                Ok(half.binary_search(key).is_ok())
            }
            IdKey::Long(id) => Ok(self.long.binary_search(id).is_ok()),
        }
    }
}

/// The ids added more than once, sorted (8 bytes an id reflect makes).
#[derive(Debug)]
pub(super) struct Twice {
    short: Vec<u64>,
    long: Vec<Box<str>>,
}

impl Twice {
    pub(super) fn is_empty(&self) -> bool {
        self.short.is_empty() && self.long.is_empty()
    }

    pub(super) fn contains(&self, key: &IdKey) -> bool {
        match key {
            IdKey::Short(key) => self.short.binary_search(key).is_ok(),
            IdKey::Long(id) => self.long.binary_search(id).is_ok(),
        }
    }
}

/// Sorts `keys` as two halves (see [`in_second_half`]), on two threads when they are
/// many; where the second half starts.
fn sort_in_halves(keys: &mut [u64]) -> usize {
    let mut second = 0;
    for at in 0..keys.len() {
        if !in_second_half(keys[at]) {
            keys.swap(at, second);
            second += 1;
        }
    }
    let (first, rest) = keys.split_at_mut(second);
    if first.len() + rest.len() < 1 << 14 {
        first.sort_unstable();
        rest.sort_unstable();
    } else {
        std::thread::scope(|scope| {
            scope.spawn(|| first.sort_unstable());
            rest.sort_unstable();
        });
    }
    second
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_ids_are_one_to_one() {
        let key = |s: &str| pack(EntryId::parse(s).unwrap().as_str().as_bytes());
        assert_ne!(key("0"), key("00"));
        assert_ne!(key("a_"), key("a-"));
        assert_eq!(key("k3f9a2c1mx"), key("K3F9A2C1MX"));
        assert!(key("abcdefghijkl").is_some());
        assert_eq!(key("abcdefghijklm"), None);
        assert_eq!(
            IdKey::parse("K3F9A2C1MX"),
            Some(IdKey::of(&EntryId::parse("k3f9a2c1mx").unwrap()))
        );
        let long = "a".repeat(40);
        assert_eq!(
            IdKey::parse(&long.to_uppercase()),
            Some(IdKey::Long(long.into()))
        );
        assert_eq!(IdKey::parse("a b"), None);
        assert_eq!(IdKey::parse(&"a".repeat(65)), None);
    }

    #[test]
    fn ids_added_twice_are_found_in_either_half_in_memory_or_spilled() {
        for count in [10u64, 40_000] {
            let mut keys = IdKeys::default();
            for key in 0..count {
                keys.push(&IdKey::Short(key * 7919));
            }
            let twice: Vec<u64> = (0..count).step_by(97).map(|key| key * 7919).collect();
            for &key in &twice {
                keys.push(&IdKey::Short(key));
            }
            keys.push(&IdKey::Long("a-long-id-of-more-than-twelve".into()));
            keys.push(&IdKey::Long("a-long-id-of-more-than-twelve".into()));
            let found = keys.duplicates().unwrap();
            let shorts = found.short.clone();
            assert_eq!(shorts, twice, "{count} keys");
            if count > 1000 {
                assert!(twice.iter().any(|&key| in_second_half(key)));
                assert!(twice.iter().any(|&key| !in_second_half(key)));
            }
            for key in 0..count {
                assert!(keys.contains(&IdKey::Short(key * 7919)).unwrap());
                assert_eq!(
                    found.contains(&IdKey::Short(key * 7919)),
                    twice.contains(&(key * 7919))
                );
                assert!(!keys.contains(&IdKey::Short(key * 7919 + 1)).unwrap());
            }
            let long = IdKey::Long("a-long-id-of-more-than-twelve".into());
            assert!(found.contains(&long));
        }
    }
}
