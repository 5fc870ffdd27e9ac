//! A strict, fast reader for the one JSON shape the journal holds: a flat object
//! whose values are strings, unsigned integers, `null`, or arrays of strings.
//!
//! serde_json spends most of its time on the entry's text; this reader finds the end
//! of a string with `memchr` and decodes escapes only when asked, which makes a full
//! pass over a 100,000-entry journal several times faster. It accepts a subset of
//! JSON and answers `None` for anything it does not handle (nested objects, floats,
//! escaped keys, invalid input): callers then use serde_json, which also produces the
//! error message. So it never accepts a line that serde_json would reject.

use std::borrow::Cow;

use crate::bytes::Find;

/// A value as found in the line, not yet decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawValue<'a> {
    /// The characters between the quotes, escapes still in place.
    Str(RawStr<'a>),
    UInt(u64),
    Null,
    Strs(Vec<RawStr<'a>>),
}

/// The inside of a JSON string, escapes still in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawStr<'a> {
    raw: &'a str,
    escaped: bool,
}

impl<'a> RawStr<'a> {
    /// Checks what [`RawStr::decode`] checks (no lone surrogate) without decoding.
    pub fn check(self) -> Option<()> {
        if !self.escaped {
            return Some(());
        }
        let bytes = self.raw.as_bytes();
        let mut at = 0;
        while let Some(slash) = memchr::memchr(b'\\', &bytes[at..]) {
            at += slash + 1;
            if bytes[at] != b'u' {
                at += 1;
                continue;
            }
            let unit = u16::from_str_radix(self.raw.get(at + 1..at + 5)?, 16).ok()?;
            at += 5;
            if (0xD800..0xDC00).contains(&unit) {
                let low = self.raw.get(at..at + 6)?.strip_prefix("\\u")?;
                let low = u16::from_str_radix(low, 16).ok()?;
                if !(0xDC00..0xE000).contains(&low) {
                    return None;
                }
                at += 6;
            } else if (0xDC00..0xE000).contains(&unit) {
                return None;
            }
        }
        Some(())
    }

    /// The decoded string (borrowed when it has no escapes). `None` for a lone
    /// surrogate, which serde_json refuses too.
    pub fn decode(self) -> Option<Cow<'a, str>> {
        if !self.escaped {
            return Some(Cow::Borrowed(self.raw));
        }
        unescape(self.raw).map(Cow::Owned)
    }
}

/// Calls `field` with each key and value of the object in `line`, in order, and the
/// value's raw text.
/// Returns `None` if the line is not a flat object this reader handles, or if
/// `field` returns `None`.
pub fn for_each_field<'a>(
    line: &'a str,
    mut field: impl FnMut(&'a str, RawValue<'a>, &'a str) -> Option<()>,
) -> Option<()> {
    let mut cursor = Cursor { text: line, at: 0 };
    cursor.skip_space();
    cursor.expect(b'{')?;
    cursor.skip_space();
    if cursor.peek() == Some(b'}') {
        cursor.at += 1;
    } else {
        loop {
            let key = cursor.string()?;
            if key.escaped {
                return None;
            }
            cursor.skip_space();
            cursor.expect(b':')?;
            cursor.skip_space();
            let start = cursor.at;
            let value = cursor.value()?;
            field(key.raw, value, &line[start..cursor.at])?;
            cursor.skip_space();
            match cursor.next()? {
                b',' => cursor.skip_space(),
                b'}' => break,
                _ => return None,
            }
        }
    }
    cursor.skip_space();
    (cursor.at == line.len()).then_some(())
}

struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then_some(())
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Option<RawValue<'a>> {
        match self.peek()? {
            b'"' => self.string().map(RawValue::Str),
            b'n' => {
                let rest = &self.bytes()[self.at..];
                rest.starts_with(b"null").then(|| {
                    self.at += 4;
                    RawValue::Null
                })
            }
            b'0'..=b'9' => {
                let start = self.at;
                while matches!(self.peek(), Some(b'0'..=b'9')) {
                    self.at += 1;
                }
                let digits = &self.text[start..self.at];
                // JSON forbids leading zeros; fractions and exponents go to serde.
                if (digits.len() > 1 && digits.starts_with('0'))
                    || matches!(self.peek(), Some(b'.' | b'e' | b'E'))
                {
                    return None;
                }
                digits.parse().ok().map(RawValue::UInt)
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                self.skip_space();
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Some(RawValue::Strs(items));
                }
                loop {
                    self.skip_space();
                    items.push(self.string()?);
                    self.skip_space();
                    match self.next()? {
                        b',' => {}
                        b']' => return Some(RawValue::Strs(items)),
                        _ => return None,
                    }
                }
            }
            _ => None,
        }
    }

    /// A string starting at the cursor's `"`; checks escapes and control bytes.
    fn string(&mut self) -> Option<RawStr<'a>> {
        self.expect(b'"')?;
        let start = self.at;
        let bytes = self.bytes();
        let mut escaped = false;
        loop {
            self.at += crate::bytes::first(&bytes[self.at..], Find::Specials)?;
            match bytes[self.at] {
                b'"' => break,
                b'\\' => {}
                _ => return None, // JSON strings hold no raw control character
            }
            escaped = true;
            self.at += 1;
            match *bytes.get(self.at)? {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.at += 1,
                b'u' => {
                    let hex = bytes.get(self.at + 1..self.at + 5)?;
                    if !hex.iter().all(u8::is_ascii_hexdigit) {
                        return None;
                    }
                    self.at += 5;
                }
                _ => return None,
            }
        }
        let raw = &self.text[start..self.at];
        self.at += 1;
        Some(RawStr { raw, escaped })
    }
}

/// Decodes JSON escapes (already checked by `Cursor::string`).
pub(super) fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    unescape_into(raw, &mut out)?;
    Some(out)
}

/// [`unescape`], appending to `out` (which is left partly written on `None`).
pub(super) fn unescape_into(raw: &str, out: &mut String) -> Option<()> {
    let mut rest = raw;
    while let Some(slash) = memchr::memchr(b'\\', rest.as_bytes()) {
        out.push_str(&rest[..slash]);
        let escape = rest.as_bytes()[slash + 1];
        rest = &rest[slash + 2..];
        let decoded = match escape {
            b'n' => '\n',
            b't' => '\t',
            b'r' => '\r',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'u' => {
                let unit = u16::from_str_radix(rest.get(..4)?, 16).ok()?;
                rest = &rest[4..];
                if (0xD800..0xDC00).contains(&unit) {
                    let low = rest
                        .strip_prefix("\\u")
                        .and_then(|r| u16::from_str_radix(r.get(..4)?, 16).ok())
                        .filter(|low| (0xDC00..0xE000).contains(low))?;
                    rest = &rest[6..];
                    char::from_u32(
                        0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00),
                    )?
                } else {
                    char::from_u32(u32::from(unit))?
                }
            }
            other => other as char,
        };
        out.push(decoded);
    }
    out.push_str(rest);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fields(line: &str) -> Option<Vec<(String, RawValue<'_>)>> {
        let mut out = Vec::new();
        for_each_field(line, |key, value, _| {
            out.push((key.to_string(), value));
            Some(())
        })?;
        Some(out)
    }

    #[test]
    fn reads_the_shapes_records_use() {
        let line = r#" {"v":1, "id":"ab", "pack":null, "tags":["a", "b"], "text":"x\ny \"q\" \u00e9\ud83d\ude00"} "#;
        let found = fields(line).unwrap();
        assert_eq!(found.len(), 5);
        assert_eq!(found[0].1, RawValue::UInt(1));
        assert_eq!(found[2].1, RawValue::Null);
        let RawValue::Str(text) = found[4].1.clone() else {
            panic!()
        };
        assert_eq!(text.decode().unwrap(), "x\ny \"q\" é😀");
        assert_eq!(fields("{}").unwrap().len(), 0);
    }

    #[test]
    fn declines_what_it_does_not_handle() {
        for line in [
            r#"{"a":{"b":1}}"#,
            r#"{"a":1.5}"#,
            r#"{"a":01}"#,
            r#"{"a":-1}"#,
            r#"{"a":true}"#,
            r#"{"a":"x"} trailing"#,
            r#"{"a":"x",}"#,
            r#"{"a":"bad \q escape"}"#,
            "{\"a\":\"raw \u{1} control\"}",
            r#"{"\u0061":"escaped key"}"#,
            r#"{"a":"unterminated}"#,
            r#"{"a":["x",1]}"#,
        ] {
            assert!(fields(line).is_none(), "{line}");
        }
        let RawValue::Str(lone) = fields(r#"{"a":"\ud800x"}"#).unwrap()[0].1.clone() else {
            panic!()
        };
        assert_eq!(lone.decode(), None);
    }

    proptest! {
        /// Whatever serde_json writes for a string, this reader decodes back.
        #[test]
        fn decodes_what_serde_json_encodes(text in any::<String>()) {
            let line = format!("{{\"text\":{}}}", serde_json::to_string(&text).unwrap());
            let found = fields(&line).unwrap();
            let RawValue::Str(raw) = found[0].1.clone() else { panic!() };
            prop_assert_eq!(raw.decode().unwrap(), text);
        }

        /// Never accepts what serde_json rejects, and agrees on what it decodes.
        #[test]
        fn never_more_lenient_than_serde(line in r#"[{}\[\]",: a-z0-9\\u\n.-]{0,40}"#) {
            if let Some(found) = fields(&line) {
                let mut keys: Vec<&String> = found.iter().map(|(k, _)| k).collect();
                keys.sort();
                keys.dedup();
                prop_assume!(keys.len() == found.len(), "duplicate keys: serde's Value keeps the last");
                let value: serde_json::Value = serde_json::from_str(&line).expect("accepted lines are JSON");
                prop_assert!(value.is_object());
                for (key, raw) in found {
                    if let RawValue::Str(s) = raw {
                        if let Some(decoded) = s.decode() {
                            prop_assert_eq!(value[&key].as_str(), Some(decoded.as_ref()));
                        }
                    }
                }
            }
        }
    }
}
