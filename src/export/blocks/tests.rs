//! The block tracker's answers: what is escaped, what is closed, what is ambiguous.

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

fn escaped(text: &str) -> String {
    let plan = plan(text).expect("an unambiguous text");
    let mut out = String::new();
    let mut from = 0;
    for at in plan.escapes {
        out.push_str(&text[from..at]);
        out.push('\\');
        from = at;
    }
    out + &text[from..]
}

#[test]
fn what_would_vanish_or_leak_is_escaped() {
    assert_eq!(escaped("[x]: http://a"), "\\[x]: http://a");
    assert_eq!(escaped("- [x]: /a\n  [y]: /b"), "- \\[x]: /a\n  \\[y]: /b");
    assert_eq!(escaped("[a](b) link"), "[a](b) link");
    assert_eq!(escaped("# h\n> ## q"), "\\# h\n> \\## q");
    assert_eq!(escaped("text\n---"), "text\n\\---");
    assert_eq!(escaped("---\n\ntext"), "---\n\ntext");
    assert_eq!(escaped("<x-y>\n\n</x-y>"), "\\<x-y>\n\n\\</x-y>");
    assert_eq!(escaped("<!-->\n<?>"), "\\<!-->\n\\<?>");
    assert_eq!(escaped("a <b> `<c>`"), "a \\<b> `<c>`");
    // Tabs are expanded to find the blocks, but the escape lands in the text.
    assert_eq!(escaped("-\t# h"), "-\t\\# h");
}

#[test]
fn deliberate_html_and_code_are_left_as_written() {
    for text in [
        "<!-- a note -->",
        "<div>\n<x-y>\n</div>",
        "```\n# not a heading\n[x]: y\n```",
        "    <x-y> indented code",
        "<script>\n<x-y>\n</script>",
    ] {
        assert_eq!(escaped(text), text);
    }
}

#[test]
fn a_plan_the_two_readings_disagree_on_is_ambiguous() {
    // The spec reads `</pre>` as a tag of its own (escaped, so shown); others as
    // the end of the `<pre>` block: the text is shown verbatim instead.
    assert_eq!(plan("<pre>\n</script>\n</pre>"), Err(Ambiguous));
    assert_eq!(
        plan("<pre>\n</pre>\n[x]: y").map(|p| p.escapes),
        Ok(vec![13])
    );
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

/// The rule [`is_plain`] keeps, written the slow way: no `=` or `-` with only spaces
/// and tabs before it on its line.
fn plain_by_the_rule(text: &[u8]) -> bool {
    let marks = [b'`', b'~', b'<', b'[', b'#'];
    !text.iter().any(|b| marks.contains(b))
        && text.iter().enumerate().all(|(at, &b)| {
            if b != b'=' && b != b'-' {
                return true;
            }
            let start = text[..at]
                .iter()
                .rposition(|&b| b == b'\n' || b == b'\r')
                .map_or(0, |i| i + 1);
            !text[start..at].iter().all(|&b| b == b' ' || b == b'\t')
        })
}

#[test]
fn setext_underlines_are_seen_at_a_line_start_only() {
    for (text, plain) in [
        ("a - b = c", true),
        ("- a list", false),
        ("words\n===", false),
        ("words\r\n  --", false),
        ("words\r\t-", false),
        ("x-y\nz = 1", true),
    ] {
        assert_eq!(is_plain(text.as_bytes()), plain, "{text:?}");
    }
    // A long line of hyphens after a letter: plain, found in one pass.
    let long = format!("x{}", "-".repeat(100_000));
    assert!(is_plain(long.as_bytes()));
}

proptest::proptest! {
    #[test]
    fn the_plain_shortcut_keeps_the_rule(
        text in proptest::collection::vec(
            proptest::sample::select(&b"ab -=\t\n\r#"[..]),
            0..40,
        )
    ) {
        proptest::prop_assert_eq!(is_plain(&text), plain_by_the_rule(&text));
    }
}
