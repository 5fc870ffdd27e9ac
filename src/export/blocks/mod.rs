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

mod inline;
mod syntax;

use syntax::{
    contains_ignore_case, expand_tabs, html_start, is_atx_heading, is_closing_fence,
    is_degenerate_html, is_setext_underline, is_thematic_break, list_marker, looks_like_definition,
    opening_fence, raw_index, RAW_TAGS,
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
/// all of them (see [`plan`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ambiguous;

/// How to write an entry's text so that every parser reads it the same way and
/// nothing in it disappears or leaks into the rest of the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Byte offsets of the text before which a backslash goes, in increasing order:
    /// the first character of a line that would be a link reference definition (it
    /// would vanish, and redefine links in other entries), a heading (it would read
    /// as another entry or section), a setext underline, an HTML block start other
    /// than a deliberate one (types 1–6; `<!-->` and `<?>` are read differently by
    /// different parsers), and every inline HTML tag, comment or declaration.
    pub escapes: Vec<usize>,
    /// What to write after the text to close a block it leaves open.
    pub closer: Option<Closer>,
}

/// The [`Plan`] for `text`, taken as a whole CommonMark document.
///
/// One known disagreement is taken into account: the spec ends a `<pre>`/`<script>`/
/// `<style>`/`<textarea>` block at a line holding any of the four end tags, while some
/// parsers (pulldown-cmark among them) wait for the matching one. When a text relies
/// on the difference and the two readings need different plans, the answer is
/// [`Ambiguous`] and the caller must not render the text as Markdown.
pub fn plan(text: &str) -> Result<Plan, Ambiguous> {
    if is_plain(text.as_bytes()) {
        return Ok(Plan::default());
    }
    let spec = Blocks::track(text, false);
    if !spec.raw_end_mismatch {
        return Ok(spec.plan());
    }
    let strict = Blocks::track(text, true).plan();
    match spec.plan() {
        spec if spec == strict => Ok(spec),
        _ => Err(Ambiguous),
    }
}

/// What `text` leaves open at its end that a blank line and a heading would not
/// close: the closer alone, ambiguous only when the two readings need different
/// closers (what the tests of closing look at; the export uses [`plan`]).
#[cfg(test)]
fn unclosed(text: &str) -> Result<Option<Closer>, Ambiguous> {
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

/// Whether `text` has nothing the plan could act on: no backtick, tilde, `<`, `[` or
/// `#`, and no line starting with `=` or `-` after spaces and tabs (a setext
/// underline). Most texts.
fn is_plain(text: &[u8]) -> bool {
    if memchr::memchr3(b'`', b'~', b'<', text).is_some()
        || memchr::memchr2(b'[', b'#', text).is_some()
    {
        return false;
    }
    // Each `=` or `-` looks back only to the one before it (which, on the same line,
    // already follows other text): every byte is looked at once, however many
    // dashes a line holds.
    let blank = |b: &u8| *b == b' ' || *b == b'\t';
    let mut before = None;
    memchr::memchr2_iter(b'=', b'-', text).all(|at| {
        let from = before.map_or(0, |mark| mark + 1);
        let back = &text[from..at];
        let follows_text = match back.iter().rposition(|&b| b == b'\n' || b == b'\r') {
            Some(end) => !back[end + 1..].iter().all(blank),
            None => before.is_some() || !back.iter().all(blank),
        };
        before = Some(at);
        follows_text
    })
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
struct Blocks<'t> {
    /// The whole text.
    text: &'t [u8],
    /// Where the current line starts in `text`, and its bytes (tabs not expanded).
    line_at: usize,
    raw: &'t [u8],
    open: Vec<Block>,
    /// The current paragraph's content, line by line (ranges of `text`).
    paragraph: Vec<(usize, usize)>,
    /// Whether the current line added to the paragraph.
    in_paragraph: bool,
    /// Offsets of `text` before which a backslash goes.
    escapes: Vec<usize>,
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

impl<'t> Blocks<'t> {
    fn track(text: &'t str, strict_raw_end: bool) -> Blocks<'t> {
        let mut blocks = Blocks {
            text: text.as_bytes(),
            strict_raw_end,
            ..Blocks::default()
        };
        for line in lines(text.as_bytes()) {
            blocks.line_at = line.as_ptr() as usize - text.as_ptr() as usize;
            blocks.raw = line;
            blocks.line(line);
        }
        blocks.end_paragraph();
        blocks
    }

    fn plan(&self) -> Plan {
        let mut escapes = self.escapes.clone();
        escapes.sort_unstable();
        escapes.dedup();
        Plan {
            escapes,
            closer: self.top_level_closer(),
        }
    }

    /// A backslash before the character at `pos` of the current (expanded) line.
    fn escape(&mut self, pos: usize) {
        let at = self.line_at + raw_index(self.raw, pos);
        self.escapes.push(at);
    }

    /// The current line, from `pos` of its expanded form, is paragraph text: a new
    /// paragraph when `starts`, else a continuation of the open one.
    fn paragraph_line(&mut self, line: &[u8], pos: usize, starts: bool) {
        if starts {
            self.end_paragraph();
        }
        self.in_paragraph = true;
        let (next, _, _) = next_nonspace(line, pos);
        if looks_like_definition(&line[next..]) {
            self.escape(next);
        }
        let from = self.line_at + raw_index(self.raw, pos);
        self.paragraph.push((from, self.line_at + self.raw.len()));
    }

    /// Ends the open paragraph: its inline content is scanned for raw HTML.
    fn end_paragraph(&mut self) {
        if self.paragraph.is_empty() {
            return;
        }
        let segments = std::mem::take(&mut self.paragraph);
        inline::escape_raw_html(self.text, &segments, &mut self.escapes);
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
        self.in_paragraph = false;
        self.incorporate(line);
        if !self.in_paragraph {
            self.end_paragraph();
        }
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
                // A heading in an entry would read as a section or another entry:
                // it is shown as the text it is.
                self.escape(next);
                pos = next;
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
                    if kind == 7 || is_degenerate_html(rest) {
                        // Not deliberate HTML, or read differently by parsers: text.
                        self.escape(next);
                        pos = next;
                        break;
                    }
                    close_unmatched!();
                    self.push(Block::Html { kind, end });
                    container = self.open.len();
                    leaf = true;
                    continue;
                }
            }
            if !indented && in_paragraph && is_setext_underline(rest) {
                // It would turn the paragraph into a heading: shown as text instead.
                self.escape(next);
                pos = next;
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
            self.paragraph_line(line, pos, false);
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
            Some(Block::Paragraph) => self.paragraph_line(line, pos, false),
            Some(Block::Fenced { .. } | Block::Indented | Block::Html { .. }) => {}
            _ => {
                if !blank {
                    self.push(Block::Paragraph);
                    self.paragraph_line(line, pos, true);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
