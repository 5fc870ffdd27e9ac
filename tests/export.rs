//! Integration tests: `reflect export` — Markdown checked with a real CommonMark
//! parser (pulldown-cmark), JSON checked by reading it back, files written atomically,
//! and a closed pipe.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde_json::Value;

use crate::util::{Record, TestEnv, NOW};

/// A heading of the document as a CommonMark parser sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Heading {
    level: HeadingLevel,
    text: String,
    /// Whether it sits at the top level (not inside a list, quote or HTML).
    top_level: bool,
}

/// What the tests look at in a parsed Markdown document.
#[derive(Debug, Default)]
struct Doc {
    headings: Vec<Heading>,
    /// Text of paragraphs, code blocks and HTML, in order.
    texts: Vec<String>,
    /// Tags of every block and inline element opened.
    tags: Vec<String>,
}

impl Doc {
    fn parse(markdown: &str) -> Doc {
        let mut doc = Doc::default();
        let mut depth = 0usize;
        let mut heading: Option<Heading> = None;
        for event in Parser::new(markdown) {
            match event {
                Event::Start(Tag::Heading { level, .. }) => {
                    heading = Some(Heading {
                        level,
                        text: String::new(),
                        top_level: depth == 0,
                    });
                    depth += 1;
                }
                Event::End(TagEnd::Heading(_)) => {
                    doc.headings.extend(heading.take());
                    depth -= 1;
                }
                Event::Start(tag) => {
                    doc.tags.push(format!("{tag:?}"));
                    depth += 1;
                }
                Event::End(_) => depth -= 1,
                Event::Text(text)
                | Event::Code(text)
                | Event::Html(text)
                | Event::InlineHtml(text) => match &mut heading {
                    Some(heading) => heading.text.push_str(&text),
                    None => doc.texts.push(text.to_string()),
                },
                Event::SoftBreak => doc.texts.push("\n".into()),
                _ => {}
            }
        }
        doc
    }

    fn h3(&self) -> Vec<&Heading> {
        self.headings
            .iter()
            .filter(|h| h.level == HeadingLevel::H3)
            .collect()
    }

    fn h2(&self) -> Vec<String> {
        self.headings
            .iter()
            .filter(|h| h.level == HeadingLevel::H2)
            .map(|h| h.text.clone())
            .collect()
    }

    /// All body text joined, so a multi-line text can be looked for as a whole.
    fn body(&self) -> String {
        self.texts.concat()
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The `entries` of a JSON export, after checking the document around them.
fn json_entries(json: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(json).expect("the JSON export parses");
    assert_eq!(doc["format"], "reflect-export");
    assert_eq!(doc["version"], 2);
    doc["entries"].as_array().expect("an entries array").clone()
}

/// A JSON export without its `exported` moment, for comparisons.
fn without_moment(json: &str) -> Value {
    let mut doc: Value = serde_json::from_str(json).unwrap();
    doc.as_object_mut().unwrap().remove("exported");
    doc
}

/// Appends `count` entries of about 1 KB straight to the journal, in the record format
/// (faster than spawning `reflect write` thousands of times).
fn append_records(env: &TestEnv, count: usize) {
    let text = "A long reflection on the network meeting. ".repeat(24);
    let records: Vec<Record> = (0..count)
        .map(|i| {
            Record::add(
                &format!("bulk{i:06}"),
                "2026-10-01",
                &format!("Entry {i}. {text}"),
            )
            .written("2026-10-01T18:00:00+01:00")
            .level("network")
            .tags(&["bulk"])
        })
        .collect();
    env.append_records(&records);
}

#[test]
fn markdown_has_a_title_one_heading_per_entry_and_every_text() {
    let env = TestEnv::new();
    env.write(
        "We visited the partner school.\n\nIt went *well*.",
        &[
            "--date",
            "2026-11-20",
            "--level",
            "network",
            "--tag",
            "visit",
        ],
    );
    env.write("A free thought.", &["--date", "2026-11-18", "--free"]);
    env.write(
        "Met the district office.",
        &["--date", "2026-11-20", "--level", "system"],
    );

    let markdown = env.ok(&["export"]);
    let doc = Doc::parse(&markdown);
    assert_eq!(doc.headings[0].level, HeadingLevel::H1);
    assert_eq!(doc.headings[0].text, "Reflective journal");
    assert!(
        markdown.contains("Exported on 2026-11-23, grouped by day."),
        "{markdown}"
    );
    assert!(
        markdown
            .trim_end()
            .ends_with("3 entries, from 2026-11-18 to 2026-11-20."),
        "{markdown}"
    );
    assert_eq!(doc.h2(), ["2026-11-18", "2026-11-20"]);

    let h3 = doc.h3();
    assert_eq!(h3.len(), 3, "{markdown}");
    assert!(h3.iter().all(|h| h.top_level));
    assert_eq!(h3[0].text, "2026-11-18 · Free entry · unrated");
    assert!(
        h3[1].text.starts_with("2026-11-20 · ") && h3[1].text.ends_with(" · Network"),
        "{:?}",
        h3[1]
    );
    assert!(h3[2].text.ends_with(" · System"), "{:?}", h3[2]);

    let body = doc.body();
    for text in [
        "We visited the partner school.",
        "It went ",
        "well",
        "A free thought.",
        "Met the district office.",
        "Tags: visit",
    ] {
        assert!(body.contains(text), "{text:?} missing from {body:?}");
    }
    assert!(
        doc.tags.iter().any(|t| t.starts_with("Emphasis")),
        "the author's Markdown is rendered"
    );
}

#[test]
fn an_answered_prompt_is_quoted_and_a_missing_one_is_named() {
    let env = TestEnv::new();
    let pack = fixture("packs/small.toml");
    let pack = pack.to_str().unwrap();
    env.write(
        "Trust is built slowly.",
        &[
            "--pack",
            pack,
            "--prompt",
            "trust-first",
            "--level",
            "red",
            "--date",
            "2026-11-20",
        ],
    );

    // With the pack loaded: its theme title, its level name, the question quoted.
    let markdown = env.ok(&["--pack", pack, "export"]);
    let doc = Doc::parse(&markdown);
    assert_eq!(doc.h3()[0].text, "2026-11-20 · Trust · Red");
    assert!(
        markdown.contains("> Whom do you trust in the network, and why?\n"),
        "{markdown}"
    );
    assert!(doc.tags.iter().any(|t| t.starts_with("BlockQuote")));

    // Without it: the stored ids, and no question to quote.
    let markdown = env.ok(&["export"]);
    let doc = Doc::parse(&markdown);
    assert_eq!(doc.h3()[0].text, "2026-11-20 · trust · Network");
    assert!(
        doc.body()
            .contains("Prompt: small/trust-first (not in the loaded packs)"),
        "{markdown}"
    );
    assert!(!doc.tags.iter().any(|t| t.starts_with("BlockQuote")));
}

#[test]
fn text_left_open_does_not_swallow_the_next_entry() {
    let env = TestEnv::new();
    let texts = [
        "Some code:\n```rust\nfn main() {}",
        "Tilde fence, longer:\n~~~~~\nstill code\n~~~",
        "<!-- a comment never closed\n\n### not a heading",
        "<script>\nlet a = 1;",
        "<pre>\n</script>\n```",
        "A list:\n\n- item\n\n      indented code",
        "> a quote\nlazy line",
        "A last line that could be a setext heading\n",
        "The final entry.",
    ];
    for (day, text) in texts.iter().enumerate() {
        let date = format!("2026-11-{:02}", day + 1);
        env.write(text, &["--date", &date, "--level", "network"]);
    }
    let markdown = env.ok(&["export"]);
    let doc = Doc::parse(&markdown);
    let h3 = doc.h3();
    assert_eq!(h3.len(), texts.len(), "{markdown}");
    for (day, heading) in h3.iter().enumerate() {
        assert!(heading.top_level, "{heading:?} in {markdown}");
        assert_eq!(
            heading.text,
            format!("2026-11-{:02} · Free entry · Network", day + 1)
        );
    }
    assert_eq!(doc.h2().len(), texts.len(), "every day heading survives");
    let body = doc.body();
    assert!(body.contains("fn main() {}"), "{body:?}");
    assert!(body.contains("The final entry."), "{body:?}");
    // Closed where they were left open, with the same fence or marker.
    assert!(
        markdown.contains("fn main() {}\n```\n\n## 2026-11-02"),
        "{markdown}"
    );
    assert!(
        markdown.contains("~~~\n~~~~~\n\n## 2026-11-03"),
        "{markdown}"
    );
    assert!(markdown.contains("### not a heading\n-->\n"), "{markdown}");
    assert!(markdown.contains("let a = 1;\n</script>\n"), "{markdown}");
}

#[test]
fn pack_strings_and_tags_cannot_create_structure() {
    let env = TestEnv::new();
    let pack = fixture("export/hostile.toml");
    let pack = pack.to_str().unwrap();
    env.write(
        "First.",
        &[
            "--pack",
            pack,
            "--prompt",
            "breaker-question",
            "--level",
            "net",
            "--tag",
            "<b>*x*</b>",
            "--date",
            "2026-11-20",
        ],
    );
    env.write(
        "Second.",
        &[
            "--pack",
            pack,
            "--prompt",
            "plain-question",
            "--level",
            "sys",
            "--tag",
            "[a](b)",
            "--date",
            "2026-11-21",
        ],
    );

    for group_by in ["day", "theme", "level"] {
        let markdown = env.ok(&["--pack", pack, "export", "--group-by", group_by]);
        let doc = Doc::parse(&markdown);
        let h3 = doc.h3();
        assert_eq!(h3.len(), 2, "{markdown}");
        assert_eq!(
            h3[0].text,
            "2026-11-20 · </h3> ``` [click](javascript:alert(1)) *bold* <!-- · [Net](http://example.com)",
            "the title is shown literally"
        );
        assert_eq!(
            h3[1].text,
            "2026-11-21 · Plain theme · <script>alert(1)</script>"
        );
        // Only structure the export made: the quote of a question, and nothing else.
        for tag in &doc.tags {
            assert!(
                tag.starts_with("Paragraph")
                    || tag.starts_with("BlockQuote")
                    || tag.starts_with("ThematicBreak"),
                "unexpected {tag} in {markdown}"
            );
        }
        let body = doc.body();
        assert!(body.contains("Tags: <b>*x*</b>"), "{body:?}");
        assert!(body.contains("Tags: [a](b)"), "{body:?}");
        assert!(
            body.contains("1. ```\n- item\n# heading\n<div>\n> quote"),
            "the question is quoted as text: {body:?}"
        );
    }
}

#[test]
fn group_by_theme_follows_the_pack_then_unknown_themes_then_free_entries() {
    let env = TestEnv::new();
    let pack = fixture("packs/small.toml");
    let pack = pack.to_str().unwrap();
    env.write("Free words.", &["--date", "2026-11-01", "--free"]);
    env.write(
        "On purpose.",
        &[
            "--pack",
            pack,
            "--prompt",
            "purpose-first",
            "--date",
            "2026-11-02",
            "--level",
            "red",
        ],
    );
    env.write(
        "On trust, later.",
        &[
            "--pack",
            pack,
            "--prompt",
            "trust-second",
            "--date",
            "2026-11-05",
        ],
    );
    env.write(
        "On trust, earlier.",
        &[
            "--pack",
            pack,
            "--prompt",
            "trust-first",
            "--date",
            "2026-11-03",
        ],
    );

    let markdown = env.ok(&["--pack", pack, "export", "--group-by", "theme"]);
    let doc = Doc::parse(&markdown);
    // The small pack's order: trust, then purpose. `--pack` also filters to its entries.
    assert_eq!(doc.h2(), ["Trust", "Shared purpose"], "{markdown}");
    let h3: Vec<&str> = doc.h3().iter().map(|h| h.text.as_str()).collect();
    // (trust-first suggests the level `red`, which `write` no longer takes: the
    // leader says the level, so without --level and a terminal they are unrated.)
    assert_eq!(
        h3,
        [
            "2026-11-03 · Trust · unrated",
            "2026-11-05 · Trust · unrated",
            "2026-11-02 · Shared purpose · Red"
        ]
    );

    // Without the pack: the stored theme ids (and their pack), then the free entries.
    let markdown = env.ok(&["export", "--group-by", "theme"]);
    let doc = Doc::parse(&markdown);
    assert_eq!(
        doc.h2(),
        ["purpose (small)", "trust (small)", "Free entries"],
        "{markdown}"
    );
    assert_eq!(doc.h3().len(), 4);
    assert!(
        markdown
            .trim_end()
            .ends_with("4 entries, from 2026-11-01 to 2026-11-05."),
        "{markdown}"
    );
}

#[test]
fn group_by_level_climbs_the_ladder() {
    let env = TestEnv::new();
    env.write("System.", &["--date", "2026-11-01", "--level", "system"]);
    env.write("School.", &["--date", "2026-11-02", "--level", "school"]);
    env.write(
        "School again.",
        &["--date", "2026-11-03", "--level", "school"],
    );

    let markdown = env.ok(&["export", "--group-by", "level"]);
    let doc = Doc::parse(&markdown);
    assert_eq!(
        doc.h2(),
        ["School", "System"],
        "empty levels get no section: {markdown}"
    );
    let h3: Vec<&str> = doc.h3().iter().map(|h| h.text.as_str()).collect();
    assert_eq!(
        h3,
        [
            "2026-11-02 · Free entry · School",
            "2026-11-03 · Free entry · School",
            "2026-11-01 · Free entry · System"
        ]
    );
}

#[test]
fn group_by_reports_each_damaged_line_once_and_follows_revisions() {
    let env = TestEnv::new();
    env.append_records(&[
        Record::add("k3f9a2c1mx", "2026-11-01", "Moved up.").level("school"),
        Record::add("p8d2w7q4za", "2026-11-02", "Stays.").level("school"),
        Record::add("k3f9a2c1mx", "2026-11-01", "Moved up, later.")
            .level("network")
            .edit("2026-11-05T10:00:00+01:00"),
    ]);
    // A head that reads well, a text that does not (a byte that is not UTF-8), and
    // an edit torn short: skipped, each reported once.
    let mut bad = Record::add("z9y8x7w6v5", "2026-11-03", "bad X")
        .level("network")
        .line()
        .into_bytes();
    let at = bad.len() - 3;
    bad[at] = 0xFF;
    bad.push(b'\n');
    env.append_raw(bad);
    let torn = Record::add("p8d2w7q4za", "2026-11-04", "Torn.")
        .level("system")
        .edit("2026-11-06T10:00:00+01:00")
        .line();
    env.append_raw(format!("{}\n", &torn[..torn.len() / 2]));

    let (markdown, stderr) = env.ok_with_messages(&["export", "--group-by", "level"]);
    let doc = Doc::parse(&markdown);
    assert_eq!(doc.h2(), ["School", "Network"], "{markdown}");
    assert!(markdown.contains("Moved up, later."), "{markdown}");
    assert!(!markdown.contains("bad"), "{markdown}");
    for line in [":4:", ":5:"] {
        assert_eq!(stderr.matches(line).count(), 1, "{line} once: {stderr}");
    }
}

#[test]
fn json_export_round_trips_through_import() {
    let env = TestEnv::new();
    let pack = fixture("packs/small.toml");
    let pack = pack.to_str().unwrap();
    let first = env.write(
        "Line one\nline \"two\" with\ttab and Ñuñoa 💡",
        &["--date", "2026-11-20", "--level", "network", "--tag", "x"],
    );
    env.write(
        "Answer.",
        &[
            "--pack",
            pack,
            "--prompt",
            "trust-first",
            "--date",
            "2026-11-19",
            "--tag",
            "a",
            "--tag",
            "b",
        ],
    );
    let edited = env.write(
        "Before the edit.",
        &["--date", "2026-11-21", "--level", "school"],
    );
    env.ok(&[
        "edit",
        &edited,
        "-m",
        "After the edit.",
        "--level",
        "system",
    ]);
    let deleted = env.write("Deleted.", &["--date", "2026-11-22"]);
    env.ok(&["delete", &deleted]);

    let exported = env.ok(&["export", "--format", "json"]);
    let entries = json_entries(&exported);
    assert_eq!(entries.len(), 3, "live entries only: {exported}");
    let by_id = |id: &str| entries.iter().find(|e| e["id"] == id).unwrap().clone();
    let line = by_id(&first);
    assert_eq!(line["date"], "2026-11-20");
    assert_eq!(line["level"], "network");
    assert_eq!(line["tags"], serde_json::json!(["x"]));
    assert_eq!(
        line["text"],
        "Line one\nline \"two\" with\ttab and Ñuñoa 💡"
    );
    assert_eq!(line["written"], NOW);
    let revised = by_id(&edited);
    assert_eq!(revised["text"], "After the edit.");
    assert_eq!(revised["level"], "system");
    assert!(revised["revised"].is_string(), "{revised}");
    let answer = entries
        .iter()
        .find(|e| e["prompt"] == "trust-first")
        .unwrap();
    assert_eq!(answer["pack"], "small");
    assert_eq!(answer["pack_version"], "2.1.0");
    assert_eq!(answer["theme"], "trust");

    let fresh = TestEnv::new();
    let output = fresh
        .cmd()
        .args(["import", "-"])
        .write_stdin(exported.clone())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "imported 3 entries, skipped 0 already in the journal\n"
    );
    assert!(output.stdout.is_empty());

    let again = fresh.ok(&["export", "--format", "json"]);
    assert_eq!(without_moment(&again), without_moment(&exported));
}

#[test]
fn importing_an_export_twice_adds_nothing() {
    let env = TestEnv::new();
    env.write("One.", &["--date", "2026-11-20"]);
    env.write("Two.", &["--date", "2026-11-21"]);
    let exported = env.file("export.json", env.ok(&["export", "--format", "json"]));
    let exported = exported.to_str().unwrap();

    // Into the journal it came from: everything is already there.
    let output = env.cmd().args(["import", exported]).output().unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "imported 0 entries, skipped 2 already in the journal\n"
    );

    let fresh = TestEnv::new();
    fresh.ok(&["import", exported]);
    let lines = fresh.journal_lines().len();
    let output = fresh.cmd().args(["import", exported]).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "imported 0 entries, skipped 2 already in the journal\n"
    );
    assert_eq!(fresh.journal_lines().len(), lines, "nothing appended");
}

#[test]
fn filters_apply_to_both_formats() {
    let env = TestEnv::new();
    let keep = env.write(
        "Keep: network and x.",
        &["--date", "2026-11-20", "--level", "network", "--tag", "x"],
    );
    env.write(
        "Drop: no tag.",
        &["--date", "2026-11-20", "--level", "network"],
    );
    env.write(
        "Drop: school.",
        &["--date", "2026-11-20", "--level", "school", "--tag", "x"],
    );
    env.write(
        "Drop: too early.",
        &["--date", "2026-10-01", "--level", "network", "--tag", "x"],
    );

    let args = ["--level", "network", "--tag", "x", "--since", "2026-11-01"];
    let json = env.ok(&[&["export", "--format", "json"][..], &args].concat());
    let ids: Vec<String> = json_entries(&json)
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, [keep]);
    let doc: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        doc["filters"],
        serde_json::json!({"since": "2026-11-01", "level": ["network"], "tag": ["x"]})
    );

    let markdown = env.ok(&[&["export"][..], &args].concat());
    let doc = Doc::parse(&markdown);
    assert_eq!(doc.h3().len(), 1);
    assert!(doc.body().contains("Keep: network and x."));
    assert!(!markdown.contains("Drop"), "{markdown}");
    assert!(
        markdown.contains("Filters: since 2026-11-01; level network; tag x."),
        "{markdown}"
    );

    let contains = env.ok(&["export", "--format", "json", "--contains", "TOO EARLY"]);
    assert_eq!(json_entries(&contains).len(), 1);
}

#[test]
fn nothing_matching_is_an_empty_valid_document() {
    let env = TestEnv::new();
    env.write("Something.", &["--date", "2026-11-20"]);

    let markdown = env.ok(&["export", "--tag", "nothing-has-this"]);
    let doc = Doc::parse(&markdown);
    assert_eq!(doc.headings.len(), 1, "only the title: {markdown}");
    assert!(
        markdown.trim_end().ends_with("No entries match."),
        "{markdown}"
    );

    let json = env.ok(&["export", "--format", "json", "--tag", "nothing-has-this"]);
    assert!(json_entries(&json).is_empty());

    // No journal at all is the same.
    let empty = TestEnv::new();
    assert!(json_entries(&empty.ok(&["export", "--format", "json"])).is_empty());
}

#[test]
fn output_replaces_an_existing_file_atomically() {
    let env = TestEnv::new();
    env.write("Into a file.", &["--date", "2026-11-20"]);
    let dir = env.root().join("out");
    let target = env.file(
        "out/journal.md",
        "old contents that are longer than nothing\n".repeat(100),
    );

    let output = env
        .cmd()
        .args(["export", "--output"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout.is_empty(), "nothing on stdout with --output");
    let written = fs::read_to_string(&target).unwrap();
    assert_eq!(
        written,
        env.ok(&["export"]),
        "the same document as on stdout"
    );
    assert!(!written.contains("old contents"));
    let names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["journal.md"], "no temporary file left behind");

    let json = env.root().join("out/journal.json");
    env.ok(&[
        "export",
        "--format",
        "json",
        "--output",
        json.to_str().unwrap(),
    ]);
    assert_eq!(json_entries(&fs::read_to_string(json).unwrap()).len(), 1);
}

#[cfg(unix)]
#[test]
fn output_into_a_read_only_folder_fails_and_leaves_no_file() {
    use std::os::unix::fs::PermissionsExt;

    let env = TestEnv::new();
    env.write("Private words.", &["--date", "2026-11-20"]);
    let dir = env.root().join("locked");
    fs::create_dir(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores permissions, so there is nothing to test when we can still write
    // there (CI containers often run as root).
    let probe = dir.join("probe");
    if fs::write(&probe, "x").is_ok() {
        fs::remove_file(&probe).unwrap();
        eprintln!("skipped: this user can write into a read-only folder (root)");
        return;
    }

    let target = dir.join("journal.md");
    let stderr = env.fails(&["export", "--output", target.to_str().unwrap()]);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("reflect: cannot export to "), "{stderr}");
    assert!(stderr.contains(&target.display().to_string()), "{stderr}");
    assert!(stderr.contains("ermission denied"), "{stderr}");
    assert_eq!(
        fs::read_dir(&dir).unwrap().count(),
        0,
        "no file, not even a temporary one"
    );
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
}

/// `reflect export | head -1`: the reader goes away after one line.
#[test]
fn a_closed_stdout_ends_the_export_quietly() {
    let env = TestEnv::new();
    // About 2 MB: far more than a pipe and our output buffer hold.
    append_records(&env, 2000);
    for format in ["markdown", "json"] {
        let mut child = env
            .std_cmd()
            .args(["export", "--format", format])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // The reader (and the pipe) are dropped here, like `head -1` exiting.
        assert!(!first.is_empty());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "{format}: {:?} {stderr}",
            output.status
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(stderr.is_empty(), "a closed pipe is not an error: {stderr}");
    }
}
