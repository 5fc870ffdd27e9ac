//! Finding the bytes a JSON string must escape (`"`, `\` and control characters;
//! or only its quotes, or only its backslashes) a window of bytes at a time: the
//! values and texts of journal lines, the strings of a JSON export. Short strings
//! are the common case, so there is no set-up to pay per call (as a vectorised
//! `memchr` has), and one pass finds all three kinds of byte.
//!
//! On x86-64 a window is compared with vector instructions: AVX2 (32 bytes) where
//! the processor has it, else SSE2 (16 bytes, part of every x86-64 processor);
//! elsewhere, eight bytes at a time in a `u64` word. The AVX2 and SSE2 comparisons
//! are the same steps written out at each width (each width's instructions have
//! their own names); the tests hold every way to the same answers.

use std::ops::ControlFlow;

/// Which bytes to look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Find {
    /// `"`, `\` and control characters (below U+0020).
    Specials,
    /// `"` only.
    Quotes,
    /// `\` only.
    Backslashes,
}

/// The place of the first byte of `bytes` that `find` looks for: for short strings
/// (a window of 16 bytes at a time).
#[inline]
pub fn first(bytes: &[u8], find: Find) -> Option<usize> {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        first_in_windows(bytes, find, vector::flags_sse2)
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        first_in_windows(bytes, find, words::flags)
    }
}

/// Calls `at` with the place of each byte of `bytes` that `find` looks for, in
/// order; `at` answers where to go on from (past the place it was given), or stops
/// the walk. For long strings (32 bytes at a time where the processor can): one
/// pass, however many bytes are found.
pub fn walk<B>(
    bytes: &[u8],
    find: Find,
    at: impl FnMut(usize) -> ControlFlow<B, usize>,
) -> ControlFlow<B> {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2 (just checked).
            return unsafe { vector::walk_avx2(bytes, find, at) };
        }
        walk_in_windows(bytes, find, vector::flags_sse2, at)
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        walk_in_windows(bytes, find, words::flags, at)
    }
}

/// [`walk`], `N` bytes at a time (see [`first_in_windows`]).
#[inline(always)]
fn walk_in_windows<const N: usize, B>(
    bytes: &[u8],
    find: Find,
    flags: impl Fn(&[u8; N], Find) -> u32,
    mut at: impl FnMut(usize) -> ControlFlow<B, usize>,
) -> ControlFlow<B> {
    let mut from = 0;
    while from < bytes.len() {
        // The window from `from`; near the end, the last N bytes (or all of them,
        // padded), with the bytes before `from` masked off.
        let (start, mut found) = if let Some(window) = bytes.get(from..from + N) {
            (from, flags(window.try_into().expect("a full window"), find))
        } else if let Some(start) = bytes.len().checked_sub(N) {
            let window = bytes[start..].try_into().expect("a full window");
            let seen = from - start;
            (start, flags(window, find) >> seen << seen)
        } else {
            let mut window = [b' '; N];
            window[..bytes.len() - from].copy_from_slice(&bytes[from..]);
            (from, flags(&window, find))
        };
        from = start + N;
        while found != 0 {
            let place = start + found.trailing_zeros() as usize;
            let next = at(place)?;
            debug_assert!(next > place, "a walk goes on past the place it was given");
            if next >= start + N {
                from = next;
                break;
            }
            found &= u32::MAX << (next - start);
        }
    }
    ControlFlow::Continue(())
}

/// The first flagged byte, `N` bytes at a time: `flags` sets bit `i` when byte `i`
/// of a window is one to find (exact up to the first). [`walk_in_windows`] stopping
/// at its first place gives the same; this loop is kept for the short values of
/// every line, where it costs 1.5 % fewer of `progress`'s instructions.
#[inline(always)]
fn first_in_windows<const N: usize>(
    bytes: &[u8],
    find: Find,
    flags: impl Fn(&[u8; N], Find) -> u32,
) -> Option<usize> {
    let found_at =
        |at: usize, found: u32| (found != 0).then(|| at + found.trailing_zeros() as usize);
    let Some(last) = bytes.len().checked_sub(N) else {
        // Shorter than a window: padded with spaces (which neither search looks for).
        let mut window = [b' '; N];
        window[..bytes.len()].copy_from_slice(bytes);
        return found_at(0, flags(&window, find));
    };
    let window = |at: usize| -> &[u8; N] { bytes[at..at + N].try_into().expect("a full window") };
    let mut at = 0;
    while at < last {
        let found = flags(window(at), find);
        if found != 0 {
            return found_at(at, found);
        }
        at += N;
    }
    // The last window ends at the end, overlapping bytes already searched.
    let seen = at + N - bytes.len();
    found_at(last, flags(window(last), find) >> seen << seen)
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod vector {
    use std::arch::x86_64::{
        __m128i, __m256i, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_min_epu8,
        _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8, _mm_cmpeq_epi8, _mm_loadu_si128,
        _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    use std::ops::ControlFlow;

    use super::{walk_in_windows, Find};

    #[target_feature(enable = "avx2")]
    pub(super) fn walk_avx2<B>(
        bytes: &[u8],
        find: Find,
        at: impl FnMut(usize) -> ControlFlow<B, usize>,
    ) -> ControlFlow<B> {
        let flags = |window: &[u8; 32], find| {
            // SAFETY: the 32 bytes of `window` are there to read (unaligned).
            let bytes = unsafe { _mm256_loadu_si256(window.as_ptr().cast::<__m256i>()) };
            let quotes = _mm256_cmpeq_epi8(bytes, _mm256_set1_epi8(b'"' as i8));
            let slashes = _mm256_cmpeq_epi8(bytes, _mm256_set1_epi8(b'\\' as i8));
            let found = match find {
                Find::Quotes => quotes,
                Find::Backslashes => slashes,
                Find::Specials => {
                    // Below 0x20: no larger than 0x1f, compared without sign.
                    let low = _mm256_min_epu8(bytes, _mm256_set1_epi8(0x1f));
                    let controls = _mm256_cmpeq_epi8(low, bytes);
                    _mm256_or_si256(_mm256_or_si256(quotes, slashes), controls)
                }
            };
            _mm256_movemask_epi8(found) as u32
        };
        walk_in_windows(bytes, find, flags, at)
    }

    /// SSE2 is part of every x86-64 processor (and of this build's target: the
    /// `cfg` on the module).
    #[inline(always)]
    pub(super) fn flags_sse2(window: &[u8; 16], find: Find) -> u32 {
        // SAFETY: see above.
        unsafe { sse2(window, find) }
    }

    #[target_feature(enable = "sse2")]
    fn sse2(window: &[u8; 16], find: Find) -> u32 {
        // SAFETY: the 16 bytes of `window` are there to read (unaligned).
        let bytes = unsafe { _mm_loadu_si128(window.as_ptr().cast::<__m128i>()) };
        let quotes = _mm_cmpeq_epi8(bytes, _mm_set1_epi8(b'"' as i8));
        let slashes = _mm_cmpeq_epi8(bytes, _mm_set1_epi8(b'\\' as i8));
        let found = match find {
            Find::Quotes => quotes,
            Find::Backslashes => slashes,
            Find::Specials => {
                let low = _mm_min_epu8(bytes, _mm_set1_epi8(0x1f));
                let controls = _mm_cmpeq_epi8(low, bytes);
                _mm_or_si128(_mm_or_si128(quotes, slashes), controls)
            }
        };
        _mm_movemask_epi8(found) as u32
    }
}

/// The same flags from two `u64` words: the fallback elsewhere, and what the vector
/// instructions are tested against.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
mod words {
    use super::Find;

    const LOWS: u64 = u64::from_ne_bytes([0x7f; 8]);

    fn splat(byte: u8) -> u64 {
        u64::from_ne_bytes([byte; 8])
    }

    /// The high bit of each byte of `word` that is zero (exactly: no borrow
    /// crosses bytes).
    fn zeros(word: u64) -> u64 {
        !(((word & LOWS) + LOWS) | word | LOWS)
    }

    fn equal(word: u64, byte: u8) -> u64 {
        zeros(word ^ splat(byte))
    }

    /// One bit per byte from the high bits of a word's eight bytes.
    fn gather(highs: u64) -> u32 {
        ((highs >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
    }

    pub(super) fn flags(window: &[u8; 16], find: Find) -> u32 {
        let half = |from: usize| {
            let word = u64::from_le_bytes(window[from..from + 8].try_into().expect("eight"));
            let (quotes, slashes) = (equal(word, b'"'), equal(word, b'\\'));
            gather(match find {
                Find::Quotes => quotes,
                Find::Backslashes => slashes,
                Find::Specials => quotes | slashes | zeros(word & splat(0xe0)),
            })
        };
        half(0) | (half(8) << 8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expected(bytes: &[u8], find: Find) -> Option<usize> {
        bytes.iter().position(|&b| match find {
            Find::Specials => b == b'"' || b == b'\\' || b < 0x20,
            Find::Quotes => b == b'"',
            Find::Backslashes => b == b'\\',
        })
    }

    /// The places every way of walking this machine can run stops at, going on
    /// past a backslash's next byte (as a JSON string is read).
    fn walked_by_each(bytes: &[u8], find: Find) -> Vec<(&'static str, Vec<usize>)> {
        fn places(
            walk: impl FnOnce(&mut dyn FnMut(usize) -> ControlFlow<(), usize>) -> ControlFlow<()>,
            bytes: &[u8],
        ) -> Vec<usize> {
            let mut places = Vec::new();
            let _ = walk(&mut |at| {
                places.push(at);
                ControlFlow::Continue(at + if bytes[at] == b'\\' { 2 } else { 1 })
            });
            places
        }
        let mut walked = vec![
            ("walk", places(|at| walk(bytes, find, at), bytes)),
            (
                "words",
                places(|at| walk_in_windows(bytes, find, words::flags, at), bytes),
            ),
        ];
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        {
            walked.push((
                "sse2",
                places(
                    |at| walk_in_windows(bytes, find, vector::flags_sse2, at),
                    bytes,
                ),
            ));
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the processor has AVX2 (just checked).
                let avx2 =
                    |at: &mut dyn FnMut(usize) -> _| unsafe { vector::walk_avx2(bytes, find, at) };
                walked.push(("avx2", places(avx2, bytes)));
            }
        }
        walked
    }

    fn expected_walk(bytes: &[u8], find: Find) -> Vec<usize> {
        let mut places = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            if expected(&bytes[at..at + 1], find).is_some() {
                places.push(at);
                if bytes[at] == b'\\' {
                    at += 1;
                }
            }
            at += 1;
        }
        places
    }

    /// What every way of searching this machine can run finds first.
    fn found_by_each(bytes: &[u8], find: Find) -> Vec<(&'static str, Option<usize>)> {
        let mut found = vec![
            ("first", first(bytes, find)),
            ("words", first_in_windows(bytes, find, words::flags)),
        ];
        for (way, places) in walked_by_each(bytes, find) {
            found.push((way, places.first().copied()));
        }
        found
    }

    #[test]
    fn every_byte_is_seen_at_every_place_in_a_window() {
        for b in 0u8..=255 {
            for at in 0..40 {
                let mut bytes = [b'a'; 40];
                bytes[at] = b;
                for find in [Find::Specials, Find::Quotes, Find::Backslashes] {
                    let want = expected(&bytes, find);
                    for (way, found) in found_by_each(&bytes, find) {
                        assert_eq!(found, want, "{way}: byte {b:#x} at {at}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_first_special_byte_is_found(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::Just(b'"'),
                    proptest::prelude::Just(b'\\'),
                    0u8..0x20,
                    0x20u8..=0xff,
                    0x20u8..=0xff,
                    0x20u8..=0xff,
                    0x20u8..=0xff,
                ],
                0..120,
            )
        ) {
            for find in [Find::Specials, Find::Quotes, Find::Backslashes] {
                let want = expected(&bytes, find);
                for (way, found) in found_by_each(&bytes, find) {
                    proptest::prop_assert_eq!(found, want, "{}", way);
                }
                let want = expected_walk(&bytes, find);
                for (way, walked) in walked_by_each(&bytes, find) {
                    proptest::prop_assert_eq!(&walked, &want, "{}", way);
                }
            }
        }
    }
}
