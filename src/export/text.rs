//! An entry's text in the Markdown export: the author's Markdown, written so that
//! every CommonMark parser reads it the same way, nothing in it disappears, and
//! nothing in it reaches the next entry (see [`super::blocks::plan`]).

use std::io::{self, Write};

use super::blocks::{self, Ambiguous};

/// Writes the author's text, with the backslashes of its [`blocks::plan`] and the
/// closer of whatever it leaves open, then a blank line. A text whose block structure
/// parsers disagree about is shown verbatim in a code block instead.
pub fn write_text<W: Write + ?Sized>(out: &mut W, text: &str) -> io::Result<()> {
    match blocks::plan(text) {
        Ok(plan) => {
            write_lines(out, text, &plan.escapes)?;
            if let Some(closer) = plan.closer {
                closer.write(out)?;
            }
        }
        Err(Ambiguous) => {
            let fence = "`".repeat(longest_backtick_run(text).max(2) + 1);
            writeln!(out, "{fence}")?;
            write_lines(out, text, &[])?;
            writeln!(out, "{fence}")?;
        }
    }
    out.write_all(b"\n")
}

/// Writes `text` with a backslash before each offset of `escapes` (increasing) and
/// every line ending (`\r\n`, `\r`) made `\n`, ending with one: parsers differ on a
/// lone `\r`, none on `\n`.
fn write_lines<W: Write + ?Sized>(out: &mut W, text: &str, escapes: &[usize]) -> io::Result<()> {
    let bytes = text.as_bytes();
    let mut escapes = escapes.iter().copied().peekable();
    let mut from = 0;
    loop {
        let cr = memchr::memchr(b'\r', &bytes[from..]).map(|at| from + at);
        let escape = escapes.peek().copied();
        match (cr, escape) {
            (_, Some(at)) if cr.is_none_or(|cr| at < cr) => {
                escapes.next();
                out.write_all(&bytes[from..at])?;
                out.write_all(b"\\")?;
                from = at;
            }
            (Some(at), _) => {
                out.write_all(&bytes[from..at])?;
                out.write_all(b"\n")?;
                from = if bytes.get(at + 1) == Some(&b'\n') {
                    at + 2
                } else {
                    at + 1
                };
            }
            (None, _) => break,
        }
    }
    out.write_all(&bytes[from..])?;
    if !bytes.is_empty() && !matches!(bytes.last(), Some(b'\n' | b'\r')) {
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_are_normalized() {
        let mut out = Vec::new();
        write_lines(&mut out, "a\r\nb\rc", &[]).unwrap();
        assert_eq!(out, b"a\nb\nc\n");
    }

    /// Lines mixing every construct the block tracker follows.
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "text", "```", "````", "~~~", "``` rust", "```x`", "<!--", "-->", "<script>", "</script>",
        "<pre class=\"x\">", "</pre>", "<?php", "?>", "<!DOC", "<![CDATA[", "]]>", "<div>",
        "<a href=\"x\">", "</span>", "---", "===", "***", "# h", "", " ", "- ", "-", "* item",
        "1. one", "2) two", "> ", ">", "    code", "\t```", "  ```", "   ~~~~", "lazy", "\\", "<",
        "[a]: /b", "<textarea>", "</STYLE>",
    ];
    #[rustfmt::skip]
    const PREFIXES: &[&str] = &[
        "", "", "", " ", "  ", "   ", "    ", "> ", ">", "- ", "1. ", "\t", "  - ", "> - ", "-\t",
    ];

    /// Whether `doc` has a level-3 heading reading `title` outside any other block.
    fn top_level_h3(doc: &str, title: &str) -> bool {
        use pulldown_cmark::{Event, HeadingLevel, Parser, Tag};
        let mut depth = 0usize;
        let mut events = Parser::new(doc).peekable();
        while let Some(event) = events.next() {
            match event {
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H3,
                    ..
                }) if depth == 0 => {
                    if matches!(events.peek(), Some(Event::Text(t)) if &**t == title) {
                        return true;
                    }
                    depth += 1;
                }
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                _ => {}
            }
        }
        false
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 4000,
            failure_persistence: None,
            ..Default::default()
        })]
        /// Whatever the text, the heading after it is a heading at the top level, as a
        /// real CommonMark parser reads the document.
        #[test]
        fn no_text_swallows_the_next_heading(
            lines in proptest::collection::vec((0..PREFIXES.len(), 0..PIECES.len()), 0..8),
            ending in 0..3usize,
        ) {
            let newline = ["\n", "\r\n", "\r"][ending];
            let text: Vec<String> = lines.iter().map(|&(p, l)| format!("{}{}", PREFIXES[p], PIECES[l])).collect();
            let text = text.join(newline);
            let mut doc = b"### A\n\n".to_vec();
            write_text(&mut doc, &text).unwrap();
            doc.extend_from_slice(b"### B\n");
            let doc = String::from_utf8(doc).unwrap();
            proptest::prop_assert!(top_level_h3(&doc, "A") && top_level_h3(&doc, "B"), "broken by {:?}", text);
        }
    }

    /// Pieces of entry text: the constructs above, and the ones that made text vanish
    /// or leak under some parser (link reference definitions, custom tags, degenerate
    /// comments and instructions, headings), each with words that must survive.
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "plain words", "[ref1]: http://a.example/x", "[ref2]: <b c> \"t\"", "[open label",
        "<x-y>", "</x-y>", "<x-y a=\"1\">", "<!-->", "<!--->", "<?>", "a <b>bold</b> c",
        "`code <i>` d", "<https://e.example/f>", "<g@h.example>", "# head1", "## 2026-11-02",
        "### Entry", "word2\n===", "word3\n---", "*em4*", "[link5](http://p.example/q)",
        "![alt6](img.png)", "\\<s7", "t8  ", "u9\\", "<div>", "</div>", "<!-- c10 -->",
        "<pre>", "</pre>", "```w11", "~~~", "    indented12", "<script>", "</script>",
        "<?php x13 ?>", "<!DOCTYPE y14>", "``", "`", "<", "]: z15", "- item17",
        "> quote18", "",
    ];

    /// Line prefixes: containers and indentation (not ordered lists, which number
    /// their items themselves).
    #[rustfmt::skip]
    const LEADS: &[&str] = &[
        "", "", "", " ", "  ", "   ", "    ", "> ", ">", "- ", "\t", "  - ", "> - ", "-\t", "* ",
    ];

    /// The visible text of `events`, reduced to letters and digits: text, code, raw
    /// HTML (its source is in the document tree), code block info strings, and link
    /// and image destinations (after their text).
    fn visible<'a>(events: impl Iterator<Item = pulldown_cmark::Event<'a>>) -> String {
        use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
        let mut seen = String::new();
        let mut destinations = Vec::new();
        for event in events {
            match event {
                Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                    seen.push_str(&t)
                }
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => seen.push_str(&info),
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    destinations.push(dest_url)
                }
                Event::End(TagEnd::Link | TagEnd::Image) => {
                    if let Some(url) = destinations.pop() {
                        seen.push_str(&url);
                    }
                }
                _ => {}
            }
        }
        seen.chars().filter(|c| c.is_alphanumeric()).collect()
    }

    fn is_subsequence(needle: &str, haystack: &str) -> bool {
        let mut rest = haystack.chars();
        needle.chars().all(|c| rest.any(|h| h == c))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 3000,
            failure_persistence: None,
            ..Default::default()
        })]
        /// Issue 12.17: whatever the text, the document has exactly its own two
        /// headings (no heading from the text, none swallowed), and every letter and
        /// digit of the text comes back out between them, in order: nothing vanishes
        /// (a link reference definition, a tag read as HTML, a degenerate comment).
        #[test]
        fn any_text_comes_back_whole_under_its_own_heading(
            lines in proptest::collection::vec(
                (0..LEADS.len(), proptest::collection::vec(0..WORDS.len(), 1..3)),
                0..8,
            ),
            ending in 0..3usize,
        ) {
            use pulldown_cmark::{Event, Parser, Tag, TagEnd};
            let newline = ["\n", "\r\n", "\r"][ending];
            let text: Vec<String> = lines
                .iter()
                .map(|(p, words)| {
                    let words: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
                    format!("{}{}", LEADS[*p], words.join(" ")).replace('\n', newline)
                })
                .collect();
            let text = text.join(newline);
            let mut doc = b"### A\n\n".to_vec();
            write_text(&mut doc, &text).unwrap();
            doc.extend_from_slice(b"### B\n");
            let doc = String::from_utf8(doc).unwrap();

            let events: Vec<Event> = Parser::new(&doc).collect();
            let headings: Vec<usize> = events
                .iter()
                .enumerate()
                .filter(|(_, e)| matches!(e, Event::Start(Tag::Heading { .. })))
                .map(|(i, _)| i)
                .collect();
            proptest::prop_assert_eq!(headings.len(), 2, "{:?} gave {}", text, doc);
            proptest::prop_assert!(top_level_h3(&doc, "A") && top_level_h3(&doc, "B"), "{}", doc);
            let body_from = events[headings[0]..]
                .iter()
                .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
                .unwrap() + headings[0] + 1;
            let body = visible(events[body_from..headings[1]].iter().cloned());
            let wanted: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
            proptest::prop_assert!(
                is_subsequence(&wanted, &body),
                "{:?} came back as {:?} in {}", text, body, doc
            );
        }
    }
}
