//! How a line starts, in CommonMark's block syntax: headings, fences, thematic
//! breaks, setext underlines, list markers and the starts of HTML blocks. Each
//! recogniser gets the rest of a line after its indentation (tabs already expanded).

/// The line with tabs expanded to spaces (tab stops every 4 columns), which is how
/// CommonMark measures indentation. Borrowed when there is no tab.
pub(super) fn expand_tabs<'a>(line: &'a [u8], buf: &'a mut Vec<u8>) -> &'a [u8] {
    if memchr::memchr(b'\t', line).is_none() {
        return line;
    }
    buf.clear();
    let mut column = 0;
    for &b in line {
        if b == b'\t' {
            let width = 4 - column % 4;
            buf.extend(std::iter::repeat_n(b' ', width));
            column += width;
        } else {
            buf.push(b);
            // Count characters, not the continuation bytes of UTF-8 sequences.
            if b & 0xC0 != 0x80 {
                column += 1;
            }
        }
    }
    buf
}

pub(super) fn run_of(rest: &[u8], ch: u8) -> usize {
    rest.iter().take_while(|&&b| b == ch).count()
}

pub(super) fn only_spaces(rest: &[u8]) -> bool {
    rest.iter().all(|&b| b == b' ')
}

/// `#` to `######`, then a space or the end of the line.
pub(super) fn is_atx_heading(rest: &[u8]) -> bool {
    let hashes = run_of(rest, b'#');
    (1..=6).contains(&hashes) && matches!(rest.get(hashes), None | Some(b' '))
}

/// Three or more backticks (with no backtick after them) or tildes.
pub(super) fn opening_fence(rest: &[u8]) -> Option<(u8, usize)> {
    let ch = *rest.first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = run_of(rest, ch);
    if len < 3 || (ch == b'`' && rest[len..].contains(&b'`')) {
        return None;
    }
    Some((ch, len))
}

pub(super) fn is_closing_fence(rest: &[u8], ch: u8, len: usize) -> bool {
    let run = run_of(rest, ch);
    run >= 3 && run >= len && only_spaces(&rest[run..])
}

pub(super) fn is_setext_underline(rest: &[u8]) -> bool {
    let ch = rest[0];
    (ch == b'=' || ch == b'-') && only_spaces(&rest[run_of(rest, ch)..])
}

/// Three or more `*`, `-` or `_` (the same one), spaces allowed between.
pub(super) fn is_thematic_break(rest: &[u8]) -> bool {
    let ch = rest[0];
    matches!(ch, b'*' | b'-' | b'_')
        && rest.iter().all(|&b| b == ch || b == b' ')
        && rest.iter().filter(|&&b| b == ch).count() >= 3
}

/// A list marker at the start of `rest`: the padding (marker width plus the spaces
/// that belong to it), which with the indentation gives the item's content column.
pub(super) fn list_marker(rest: &[u8], in_paragraph: bool) -> Option<usize> {
    let marker = match rest[0] {
        b'*' | b'+' | b'-' => 1,
        b'0'..=b'9' => {
            let digits = rest
                .iter()
                .take(10)
                .take_while(|b| b.is_ascii_digit())
                .count();
            if digits > 9 || !matches!(rest.get(digits), Some(b'.' | b')')) {
                return None;
            }
            // Only a list starting at 1 may interrupt a paragraph.
            if in_paragraph
                && (rest[digits - 1] != b'1' || rest[..digits - 1].iter().any(|&b| b != b'0'))
            {
                return None;
            }
            digits + 1
        }
        _ => return None,
    };
    let after = &rest[marker..];
    if !matches!(after.first(), None | Some(b' ')) {
        return None;
    }
    let spaces = run_of(after, b' ');
    let blank_item = spaces == after.len();
    // An empty item cannot interrupt a paragraph.
    if in_paragraph && blank_item {
        return None;
    }
    if blank_item || spaces >= 5 {
        Some(marker + 1)
    } else {
        Some(marker + spaces)
    }
}

/// Tag names that start an HTML block of type 1 (raw text), with their end markers.
pub(super) const RAW_TAGS: [(&str, &str); 4] = [
    ("script", "</script>"),
    ("pre", "</pre>"),
    ("style", "</style>"),
    ("textarea", "</textarea>"),
];

/// Tag names that start an HTML block of type 6 (CommonMark 0.31).
#[rustfmt::skip]
pub(super) const BLOCK_TAGS: [&str; 62] = [
    "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
    "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
    "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
    "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
];

pub(super) fn starts_with_ignore_case(text: &[u8], prefix: &[u8]) -> bool {
    text.len() >= prefix.len() && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The kind (1–7) of HTML block `rest` starts, and the end marker for kinds 1–5.
/// Kind 7 may not interrupt a paragraph, hence `allow_kind_7`.
pub(super) fn html_start(rest: &[u8], allow_kind_7: bool) -> Option<(u8, &'static str)> {
    let after_lt = &rest[1..];
    for (tag, end) in RAW_TAGS {
        if starts_with_ignore_case(after_lt, tag.as_bytes())
            && matches!(after_lt.get(tag.len()), None | Some(b' ' | b'>'))
        {
            return Some((1, end));
        }
    }
    if rest.starts_with(b"<!--") {
        return Some((2, "-->"));
    }
    if rest.starts_with(b"<?") {
        return Some((3, "?>"));
    }
    if rest.get(1) == Some(&b'!') && rest.get(2).is_some_and(u8::is_ascii_alphabetic) {
        return Some((4, ">"));
    }
    if rest.starts_with(b"<![CDATA[") {
        return Some((5, "]]>"));
    }
    let name_from = if after_lt.first() == Some(&b'/') {
        1
    } else {
        0
    };
    let name = &after_lt[name_from..];
    let name_len = name
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len > 0
        && BLOCK_TAGS
            .iter()
            .any(|tag| tag.as_bytes().eq_ignore_ascii_case(&name[..name_len]))
    {
        let tail = &name[name_len..];
        if matches!(tail.first(), None | Some(b' ' | b'>')) || tail.starts_with(b"/>") {
            return Some((6, ""));
        }
    }
    if allow_kind_7 && complete_tag(rest).is_some_and(only_spaces) {
        return Some((7, ""));
    }
    None
}

/// Whether `text` holds `marker` (ASCII case ignored: end tags may be `</PRE>`).
pub(super) fn contains_ignore_case(text: &[u8], marker: &str) -> bool {
    text.windows(marker.len())
        .any(|w| w.eq_ignore_ascii_case(marker.as_bytes()))
}

/// A complete open tag (`<name attr="v" ...>`, `/>`) or closing tag (`</name >`) at the
/// start of `s`: what follows it.
pub(super) fn complete_tag(s: &[u8]) -> Option<&[u8]> {
    let mut s = s.strip_prefix(b"<")?;
    let closing = s.first() == Some(&b'/');
    if closing {
        s = &s[1..];
    }
    if !s.first()?.is_ascii_alphabetic() {
        return None;
    }
    let name = s
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-')
        .count();
    s = &s[name..];
    if closing {
        let s = &s[run_of(s, b' ')..];
        return s.strip_prefix(b">");
    }
    loop {
        let spaces = run_of(s, b' ');
        let after = &s[spaces..];
        if let Some(rest) = after.strip_prefix(b">") {
            return Some(rest);
        }
        if let Some(rest) = after.strip_prefix(b"/>") {
            return Some(rest);
        }
        // An attribute needs whitespace before it.
        if spaces == 0
            || !after
                .first()
                .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_' || b == b':')
        {
            return None;
        }
        let name = after
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b':' | b'-'))
            .count();
        s = &after[name..];
        let before_eq = run_of(s, b' ');
        if s.get(before_eq) == Some(&b'=') {
            let v = &s[before_eq + 1..];
            let v = &v[run_of(v, b' ')..];
            s = match v.first()? {
                &quote @ (b'"' | b'\'') => {
                    let close = memchr::memchr(quote, &v[1..])?;
                    &v[close + 2..]
                }
                _ => {
                    let len = v
                        .iter()
                        .take_while(|&&b| !b" \"'=<>`".contains(&b) && b > b' ')
                        .count();
                    if len == 0 {
                        return None;
                    }
                    &v[len..]
                }
            };
        }
    }
}

/// `<!-->`, `<!--->` and `<?>`: HTML block starts that the spec ends on the same
/// line but some parsers (pandoc's) read as the start of a comment or processing
/// instruction that runs on, swallowing what follows.
pub(super) fn is_degenerate_html(rest: &[u8]) -> bool {
    rest.starts_with(b"<!-->") || rest.starts_with(b"<!--->") || rest.starts_with(b"<?>")
}

/// Whether a paragraph line could be (or start) a link reference definition
/// (`[label]: destination`): a `[` whose label does not close on the line, or closes
/// with `]:`. Such a line would vanish from the document.
pub(super) fn looks_like_definition(rest: &[u8]) -> bool {
    if rest.first() != Some(&b'[') {
        return false;
    }
    let mut i = 1;
    while i < rest.len() {
        match rest[i] {
            b'\\' => i += 2,
            b']' => return rest.get(i + 1) == Some(&b':'),
            _ => i += 1,
        }
    }
    true
}

/// The index in `raw` of the byte at `pos` of its tab-expanded form (see
/// [`expand_tabs`]); a position inside a tab's spaces is the tab's index.
pub(super) fn raw_index(raw: &[u8], pos: usize) -> usize {
    if memchr::memchr(b'\t', raw).is_none() {
        return pos.min(raw.len());
    }
    let mut expanded = 0;
    let mut column = 0;
    for (i, &b) in raw.iter().enumerate() {
        let width = if b == b'\t' { 4 - column % 4 } else { 1 };
        if pos < expanded + width {
            return i;
        }
        expanded += width;
        if b == b'\t' {
            column += width;
        } else if b & 0xC0 != 0x80 {
            column += 1;
        }
    }
    raw.len()
}
