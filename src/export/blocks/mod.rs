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

mod syntax;

use syntax::{
    contains_ignore_case, expand_tabs, html_start, is_atx_heading, is_closing_fence,
    is_setext_underline, is_thematic_break, list_marker, opening_fence, RAW_TAGS,
};

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
