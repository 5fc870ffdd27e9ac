//! Just enough of CommonMark's block parsing to know what an entry's text leaves open.
//!
//! The Markdown export writes each entry's text as the author wrote it, so the text
//! may open a block that only its own closing line ends: a fenced code block
//! (```` ``` ```` or `~~~`) or an HTML block of types 1–5 (`<script>`/`<pre>`/
//! `<style>`/`<textarea>`, `<!--`, `<?`, `<!X`, `<![CDATA[`). Left open, such a block
//! would swallow every entry after it. Every other block is closed by what the export
//! writes next anyway: a blank line (paragraphs, HTML blocks of types 6 and 7, block
//! quotes) and then a heading at column 0 (lists, indented code).
//!
//! Whether a fence is at the top level or inside a list item or a block quote (where
//! leaving the container closes it) decides whether it needs closing, so this module
//! follows the container structure too. It is a port of the block phase of
//! commonmark.js, the reference implementation of the spec, reduced to what decides
//! which blocks are open: block quotes, list items, paragraphs (for lazy continuation
//! and what may interrupt them), headings, thematic breaks, code blocks and HTML
//! blocks. Inline content is never looked at: no inline construct spans blocks.
//! (Not modelled: a paragraph made only of link reference definitions cannot become
//! a setext heading; that changes nothing about what is left open.)

/// The line to append after a text so that nothing it opened at the top level stays open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closer {
    /// A fenced code block, closed by the same character repeated as often.
    Fence { ch: u8, len: usize },
    /// An HTML block of types 1–5, closed by a line holding its end marker.
    Html(&'static str),
}

impl Closer {
    /// Writes the closing line, with its newline.
    pub fn write<W: std::io::Write + ?Sized>(self, out: &mut W) -> std::io::Result<()> {
        match self {
            Closer::Fence { ch, len } => {
                const RUN: [u8; 64] = [b'`'; 64];
                const TILDES: [u8; 64] = [b'~'; 64];
                let run = if ch == b'`' { &RUN } else { &TILDES };
                let mut left = len;
                while left > 0 {
                    let n = left.min(run.len());
                    out.write_all(&run[..n])?;
                    left -= n;
                }
                out.write_all(b"\n")
            }
            Closer::Html(marker) => {
                out.write_all(marker.as_bytes())?;
                out.write_all(b"\n")
            }
        }
    }
}

/// Parsers disagree on where `text` ends its blocks, so no closing line is right for
/// all of them (see [`unclosed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ambiguous;

/// What `text`, taken as a whole CommonMark document, leaves open at its end that a
/// blank line and a heading would not close.
///
/// One known disagreement is taken into account: the spec ends a `<pre>`/`<script>`/
/// `<style>`/`<textarea>` block at a line holding any of the four end tags, while some
/// parsers (pulldown-cmark among them) wait for the matching one. When a text relies
/// on the difference and the two readings need different closers, the answer is
/// [`Ambiguous`] and the caller must not render the text as Markdown.
pub fn unclosed(text: &str) -> Result<Option<Closer>, Ambiguous> {
    // Fences need a backtick or tilde, HTML blocks a `<`: most texts have neither.
    if memchr::memchr3(b'`', b'~', b'<', text.as_bytes()).is_none() {
        return Ok(None);
    }
    let spec = Blocks::track(text, false);
    if !spec.raw_end_mismatch {
        return Ok(spec.top_level_closer());
    }
    let strict = Blocks::track(text, true);
    match (spec.top_level_closer(), strict.top_level_closer()) {
        (a, b) if a == b => Ok(a),
        _ => Err(Ambiguous),
    }
}

/// The lines of a text: CommonMark ends a line at `\n`, `\r\n` or `\r`.
fn lines(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match memchr::memchr2(b'\n', b'\r', rest) {
            Some(end) => {
                let line = &rest[..end];
                let skip = if rest[end] == b'\r' && rest.get(end + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                rest = &rest[end + skip..];
                Some(line)
            }
            None => {
                let line = rest;
                rest = &[];
                Some(line)
            }
        }
    })
}

/// An open block, outermost first in [`Blocks::open`]. Only the last one can be a leaf.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Quote,
    /// A list item whose content starts `indent` columns in; `has_child` is false until
    /// something is put in it (an item may start with one blank line, not two).
    Item {
        indent: usize,
        has_child: bool,
    },
    Paragraph,
    /// An ATX or setext heading or a thematic break: done at the end of its line.
    OneLine,
    Fenced {
        ch: u8,
        len: usize,
        indent: usize,
    },
    Indented,
    /// An HTML block of `kind` 1–7; `end` is the end marker of kinds 1–5.
    Html {
        kind: u8,
        end: &'static str,
    },
}

impl Block {
    fn is_leaf(self) -> bool {
        !matches!(self, Block::Quote | Block::Item { .. })
    }

    /// Leaves that take the following lines as content (no block starts inside).
    fn takes_lines(self) -> bool {
        matches!(
            self,
            Block::Fenced { .. } | Block::Indented | Block::Html { .. }
        )
    }
}

#[derive(Debug, Default)]
struct Blocks {
    open: Vec<Block>,
    /// The current line with tabs expanded (reused).
    expanded: Vec<u8>,
    /// End a raw-text HTML block only at its own end tag (`</pre>` for `<pre>`).
    strict_raw_end: bool,
    /// A raw-text HTML block was ended by another one's end tag.
    raw_end_mismatch: bool,
}

/// Where the next non-space character is, from `pos`: its index, the indentation in
/// columns, and whether the rest of the line is blank.
fn next_nonspace(line: &[u8], pos: usize) -> (usize, usize, bool) {
    let pos = pos.min(line.len());
    let next = pos + line[pos..].iter().take_while(|&&b| b == b' ').count();
    (next, next - pos, next == line.len())
}

impl Blocks {
    fn track(text: &str, strict_raw_end: bool) -> Blocks {
        let mut blocks = Blocks {
            strict_raw_end,
            ..Blocks::default()
        };
        for line in lines(text.as_bytes()) {
            blocks.line(line);
        }
        blocks
    }

    fn top_level_closer(&self) -> Option<Closer> {
        match self.open.as_slice() {
            [Block::Fenced { ch, len, .. }] => Some(Closer::Fence { ch: *ch, len: *len }),
            [Block::Html { kind: 1..=5, end }] => Some(Closer::Html(end)),
            _ => None,
        }
    }

    /// Adds `block` to the innermost open container, closing an open leaf first.
    fn push(&mut self, block: Block) {
        while self.open.last().is_some_and(|b| b.is_leaf()) {
            self.open.pop();
        }
        if let Some(Block::Item { has_child, .. }) = self.open.last_mut() {
            *has_child = true;
        }
        self.open.push(block);
    }

    fn line(&mut self, raw: &[u8]) {
        let mut expanded = std::mem::take(&mut self.expanded);
        let line = expand_tabs(raw, &mut expanded);
        self.incorporate(line);
        self.expanded = expanded;
    }

    /// One line, following commonmark.js's `incorporateLine`.
    fn incorporate(&mut self, line: &[u8]) {
        let mut pos = 0;

        // 1. Which open blocks does this line continue?
        let mut matched = 0;
        while matched < self.open.len() {
            let (next, indent, blank) = next_nonspace(line, pos);
            match self.open[matched] {
                Block::Quote => {
                    if indent >= 4 || line.get(next) != Some(&b'>') {
                        break;
                    }
                    pos = next + 1;
                    if line.get(pos) == Some(&b' ') {
                        pos += 1;
                    }
                }
                Block::Item {
                    indent: width,
                    has_child,
                } => {
                    if blank {
                        if !has_child {
                            break;
                        }
                        pos = next;
                    } else if indent >= width {
                        pos += width;
                    } else {
                        break;
                    }
                }
                Block::Paragraph | Block::Html { kind: 6 | 7, .. } if blank => break,
                Block::Paragraph | Block::Html { .. } => {}
                Block::OneLine => break,
                Block::Fenced {
                    ch,
                    len,
                    indent: fence_indent,
                } => {
                    if indent < 4 && is_closing_fence(&line[next..], ch, len) {
                        self.open.truncate(matched);
                        return;
                    }
                    let skip = line[pos..]
                        .iter()
                        .take(fence_indent)
                        .take_while(|&&b| b == b' ')
                        .count();
                    pos += skip;
                }
                Block::Indented => {
                    if indent >= 4 {
                        pos += 4;
                    } else if blank {
                        pos = next;
                    } else {
                        break;
                    }
                }
            }
            matched += 1;
        }

        // 2. New block starts, unless the line belongs to a code or HTML block.
        let mut all_closed = matched == self.open.len();
        let mut container = matched;
        let container_block =
            |open: &[Block], container: usize| container.checked_sub(1).map(|i| open[i]);
        let mut leaf = container_block(&self.open, container).is_some_and(Block::takes_lines);
        macro_rules! close_unmatched {
            () => {
                if !all_closed {
                    self.open.truncate(matched);
                    all_closed = true;
                }
            };
        }
        while !leaf {
            let (next, indent, blank) = next_nonspace(line, pos);
            let indented = indent >= 4;
            let rest = &line[next..];
            if !indented
                && !rest
                    .first()
                    .is_some_and(|&c| b"#`~*+_=<>0123456789-".contains(&c))
            {
                pos = next;
                break;
            }
            let in_paragraph = container_block(&self.open, container) == Some(Block::Paragraph);
            let tip_is_paragraph = self.open.last() == Some(&Block::Paragraph);
            if !indented && rest[0] == b'>' {
                close_unmatched!();
                pos = next + 1;
                if line.get(pos) == Some(&b' ') {
                    pos += 1;
                }
                self.push(Block::Quote);
                container = self.open.len();
                continue;
            }
            if !indented && is_atx_heading(rest) {
                close_unmatched!();
                self.push(Block::OneLine);
                pos = line.len();
                break;
            }
            if !indented {
                if let Some((ch, len)) = opening_fence(rest) {
                    close_unmatched!();
                    self.push(Block::Fenced { ch, len, indent });
                    container = self.open.len();
                    pos = line.len();
                    leaf = true;
                    continue;
                }
            }
            if !indented && rest[0] == b'<' {
                let lazy = !all_closed && !blank && tip_is_paragraph;
                if let Some((kind, end)) = html_start(rest, !in_paragraph && !lazy) {
                    close_unmatched!();
                    self.push(Block::Html { kind, end });
                    container = self.open.len();
                    leaf = true;
                    continue;
                }
            }
            if !indented && in_paragraph && is_setext_underline(rest) {
                self.open[container - 1] = Block::OneLine;
                pos = line.len();
                break;
            }
            if !indented && is_thematic_break(rest) {
                close_unmatched!();
                self.push(Block::OneLine);
                pos = line.len();
                break;
            }
            if !indented {
                if let Some(padding) = list_marker(rest, in_paragraph) {
                    close_unmatched!();
                    pos = (next + padding).min(line.len());
                    self.push(Block::Item {
                        indent: indent + padding,
                        has_child: false,
                    });
                    container = self.open.len();
                    continue;
                }
            }
            if indented && !tip_is_paragraph && !blank {
                close_unmatched!();
                pos += 4;
                self.push(Block::Indented);
                container = self.open.len();
                leaf = true;
                continue;
            }
            pos = next;
            break;
        }

        // 3. What is left of the line: lazy continuation, content, or a new paragraph.
        let (_, _, blank) = next_nonspace(line, pos);
        if !all_closed && !blank && self.open.last() == Some(&Block::Paragraph) {
            return;
        }
        if !all_closed {
            self.open.truncate(matched);
        }
        match container_block(&self.open, container) {
            Some(Block::Html {
                kind: kind @ 1..=5,
                end,
            }) => {
                let rest = &line[pos.min(line.len())..];
                if kind == 1 && !self.strict_raw_end {
                    if RAW_TAGS
                        .iter()
                        .any(|(_, end)| contains_ignore_case(rest, end))
                    {
                        self.raw_end_mismatch |= !contains_ignore_case(rest, end);
                        self.open.pop();
                    }
                } else if contains_ignore_case(rest, end) {
                    self.open.pop();
                }
            }
            Some(
                Block::Paragraph | Block::Fenced { .. } | Block::Indented | Block::Html { .. },
            ) => {}
            _ => {
                if !blank {
                    self.push(Block::Paragraph);
                }
            }
        }
    }
}

/// The line with tabs expanded to spaces (tab stops every 4 columns), which is how
/// CommonMark measures indentation. Borrowed when there is no tab.
fn expand_tabs<'a>(line: &'a [u8], buf: &'a mut Vec<u8>) -> &'a [u8] {
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

fn run_of(rest: &[u8], ch: u8) -> usize {
    rest.iter().take_while(|&&b| b == ch).count()
}

fn only_spaces(rest: &[u8]) -> bool {
    rest.iter().all(|&b| b == b' ')
}

/// `#` to `######`, then a space or the end of the line.
fn is_atx_heading(rest: &[u8]) -> bool {
    let hashes = run_of(rest, b'#');
    (1..=6).contains(&hashes) && matches!(rest.get(hashes), None | Some(b' '))
}

/// Three or more backticks (with no backtick after them) or tildes.
fn opening_fence(rest: &[u8]) -> Option<(u8, usize)> {
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

fn is_closing_fence(rest: &[u8], ch: u8, len: usize) -> bool {
    let run = run_of(rest, ch);
    run >= 3 && run >= len && only_spaces(&rest[run..])
}

fn is_setext_underline(rest: &[u8]) -> bool {
    let ch = rest[0];
    (ch == b'=' || ch == b'-') && only_spaces(&rest[run_of(rest, ch)..])
}

/// Three or more `*`, `-` or `_` (the same one), spaces allowed between.
fn is_thematic_break(rest: &[u8]) -> bool {
    let ch = rest[0];
    matches!(ch, b'*' | b'-' | b'_')
        && rest.iter().all(|&b| b == ch || b == b' ')
        && rest.iter().filter(|&&b| b == ch).count() >= 3
}

/// A list marker at the start of `rest`: the padding (marker width plus the spaces
/// that belong to it), which with the indentation gives the item's content column.
fn list_marker(rest: &[u8], in_paragraph: bool) -> Option<usize> {
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
const RAW_TAGS: [(&str, &str); 4] = [
    ("script", "</script>"),
    ("pre", "</pre>"),
    ("style", "</style>"),
    ("textarea", "</textarea>"),
];

/// Tag names that start an HTML block of type 6 (CommonMark 0.31).
#[rustfmt::skip]
const BLOCK_TAGS: [&str; 62] = [
    "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
    "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
    "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
    "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
];

fn starts_with_ignore_case(text: &[u8], prefix: &[u8]) -> bool {
    text.len() >= prefix.len() && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The kind (1–7) of HTML block `rest` starts, and the end marker for kinds 1–5.
/// Kind 7 may not interrupt a paragraph, hence `allow_kind_7`.
fn html_start(rest: &[u8], allow_kind_7: bool) -> Option<(u8, &'static str)> {
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
fn contains_ignore_case(text: &[u8], marker: &str) -> bool {
    text.windows(marker.len())
        .any(|w| w.eq_ignore_ascii_case(marker.as_bytes()))
}

/// A complete open tag (`<name attr="v" ...>`, `/>`) or closing tag (`</name >`) at the
/// start of `s`: what follows it.
fn complete_tag(s: &[u8]) -> Option<&[u8]> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn open_after(text: &str) -> Option<Closer> {
        unclosed(text).expect("an unambiguous text")
    }

    fn fence(ch: u8, len: usize) -> Option<Closer> {
        Some(Closer::Fence { ch, len })
    }

    #[test]
    fn closed_texts_need_nothing() {
        for text in [
            "plain words",
            "```\ncode\n```",
            "~~~~ rust\ncode\n~~~~~\n",
            "<!-- a comment -->",
            "<div>\nunclosed div is closed by a blank line",
            "    indented code",
            "- a list\n  ```\n  fenced inside the item",
            "> ```\n> fenced inside a quote",
            "``` not a fence because of the ` backtick",
            "<script>alert(1)</script>",
        ] {
            assert_eq!(open_after(text), None, "{text:?}");
        }
    }

    #[test]
    fn open_blocks_get_their_closer() {
        assert_eq!(open_after("```"), fence(b'`', 3));
        assert_eq!(open_after("text\n````` sh\nls\n```\n"), fence(b'`', 5));
        assert_eq!(open_after("~~~\n"), fence(b'~', 3));
        assert_eq!(open_after("   ```\ncode"), fence(b'`', 3));
        assert_eq!(
            open_after("<!-- never closed\n\nstill a comment"),
            Some(Closer::Html("-->"))
        );
        assert_eq!(
            open_after("<SCRIPT>\nlet a = 1;"),
            Some(Closer::Html("</script>"))
        );
        assert_eq!(open_after("<pre>"), Some(Closer::Html("</pre>")));
        assert_eq!(open_after("<?php"), Some(Closer::Html("?>")));
        assert_eq!(open_after("<!DOCTYPE html"), Some(Closer::Html(">")));
        assert_eq!(open_after("<![CDATA[ x"), Some(Closer::Html("]]>")));
    }

    #[test]
    fn containers_decide_what_is_top_level() {
        // The item ends at the unindented line, so this fence is at the top level.
        assert_eq!(open_after("- item\n```\ncode"), fence(b'`', 3));
        // An item may start with one blank line, not two: then the fence is top level.
        assert_eq!(open_after("-\n\n  ```"), fence(b'`', 3));
        // A lazy line continues the quote's paragraph; the fence after it does not.
        assert_eq!(open_after("> quoted\nlazy\n```"), fence(b'`', 3));
        // Tabs count as tab stops: this fence is inside the item.
        assert_eq!(open_after("-\tx\n\t```"), None);
        // An HTML block of type 6 swallows what looks like a fence until a blank line.
        assert_eq!(open_after("<div>\n```"), None);
        assert_eq!(open_after("<div>\n\n```"), fence(b'`', 3));
        // Inside a fence nothing starts, not even another fence of another kind.
        assert_eq!(open_after("```\n~~~\n<!--"), fence(b'`', 3));
        // A fence inside a quote is closed when the quote ends.
        assert_eq!(open_after("> ```\nnot quoted\n"), None);
    }

    #[test]
    fn line_endings_are_all_line_endings() {
        assert_eq!(open_after("```\r\ncode\r\n```\r\n"), None);
        assert_eq!(open_after("```\rcode\r```"), None);
        assert_eq!(open_after("x\r```"), fence(b'`', 3));
    }

    #[test]
    fn raw_html_closed_by_another_tag_is_ambiguous_only_when_it_matters() {
        // Both readings agree that nothing is left open.
        assert_eq!(unclosed("<pre>\n</script>\n</pre>"), Ok(None));
        // The spec sees a fence after </script>; others still see the <pre> block.
        assert_eq!(unclosed("<pre>\n</script>\n```"), Err(Ambiguous));
        assert_eq!(unclosed("<pre>\n</pre>\n```"), Ok(fence(b'`', 3)));
    }

    #[test]
    fn closers_render_as_lines() {
        let mut out = Vec::new();
        Closer::Fence { ch: b'~', len: 70 }.write(&mut out).unwrap();
        Closer::Html("-->").write(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("{}\n-->\n", "~".repeat(70))
        );
    }
}
