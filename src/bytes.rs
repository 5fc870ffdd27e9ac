//! Finding bytes in short strings eight at a time (one `u64` word), where a call to a
//! vectorised search costs more than it saves: the values of a journal line, the
//! strings of a JSON export.

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// The high bit of each byte of `word` that is zero: exact up to the first such byte
/// (a borrow may flag bytes after it), which is all that [`first_flagged`] uses.
fn zeros(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & HIGHS
}

/// Flags the bytes of `word` a JSON string must escape: `"`, `\` and control
/// characters.
pub fn json_specials(word: u64) -> u64 {
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    zeros(word ^ (ONES * u64::from(b'"'))) | zeros(word ^ (ONES * u64::from(b'\\'))) | below_space
}

/// Flags the quotes (`"`) of `word`.
pub fn quotes(word: u64) -> u64 {
    zeros(word ^ (ONES * u64::from(b'"')))
}

/// The place of the first byte of `bytes` that `flags` marks, eight bytes at a time
/// (the last few in a word padded with spaces, which neither search flags).
pub fn first_flagged(bytes: &[u8], flags: impl Fn(u64) -> u64) -> Option<usize> {
    let mut at = 0;
    while at < bytes.len() {
        let word = match bytes.get(at..at + 8) {
            Some(chunk) => u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
            None => {
                let mut last = [b' '; 8];
                last[..bytes.len() - at].copy_from_slice(&bytes[at..]);
                u64::from_le_bytes(last)
            }
        };
        let found = flags(word);
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_that_needs_escaping_is_seen_in_a_word() {
        for b in 0u8..=255 {
            for at in 0..8 {
                let mut word = [b'a'; 8];
                word[at] = b;
                let expected = b < 0x20 || b == b'"' || b == b'\\';
                assert_eq!(
                    json_specials(u64::from_le_bytes(word)) != 0,
                    expected,
                    "byte {b:#x} at {at}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn eight_at_a_time_finds_the_first_special_byte(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::Just(b'"'),
                    proptest::prelude::Just(b'\\'),
                    0u8..0x20,
                    0x20u8..=0xff,
                    0x20u8..=0xff,
                    0x20u8..=0xff,
                ],
                0..40,
            )
        ) {
            let expected = bytes.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            proptest::prop_assert_eq!(first_flagged(&bytes, json_specials), expected);
            let quote = bytes.iter().position(|&b| b == b'"');
            proptest::prop_assert_eq!(first_flagged(&bytes, quotes), quote);
        }
    }
}
