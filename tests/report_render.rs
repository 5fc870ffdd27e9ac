//! Reports as a reader's browser shows them: the HTML rendered by headless Chromium
//! to a screenshot, a PDF and the DOM it built (see `util::Browser`).
//!
//! Set `REFLECT_REPORT_EXAMPLE=docs/report-example.png` to refresh the picture in
//! docs/ from the sample report.

use std::fs;
use std::path::Path;

use reflect::report::{
    html, Block, Cell, Chart, HeatGrid, Line, LineSeries, RangeDots, RangeGroup, RangeHeadings,
    RangeRow, Report, Section, Series, Span, StackedBars, Table, Words,
};

use crate::util::Browser;

/// A leader's half year: the kind of report brought to a mentor conversation.
fn sample() -> Report {
    let words = Words::english();
    let strings = |items: &[&str]| items.iter().map(|&s| s.to_owned()).collect::<Vec<_>>();
    let levels = StackedBars {
        category_heading: "Theme".into(),
        categories: strings(&[
            "Complex relationships and shared values",
            "Honest professional exchange",
            "Networks as a model for professional learning",
            "Hothouses for innovation",
            "Bridges between agencies",
            "Opportunities for leadership development",
        ]),
        series: [
            ("School", vec![5, 4, 6, 2, 1, 3]),
            ("Network", vec![3, 4, 2, 2, 1, 1]),
            ("System", vec![1, 0, 1, 0, 2, 0]),
            ("Not practice yet", vec![0, 1, 0, 1, 0, 1]),
            ("Not rated yet", vec![1, 0, 1, 0, 1, 1]),
        ]
        .into_iter()
        .map(|(label, values)| Series {
            label: label.into(),
            values,
        })
        .collect(),
    };
    let reach = LineSeries {
        period_heading: "Month".into(),
        periods: strings(&["June", "July", "August", "September", "October", "November"]),
        lines: vec![
            Line {
                label: "Entries at network or above".into(),
                values: [1.0, 2.0, 1.0, 4.0, 5.0, 4.0].map(Some).to_vec(),
            },
            Line {
                label: "School entries bringing learning in".into(),
                values: [0.0, 1.0, 1.0, 2.0, 3.0, 3.0].map(Some).to_vec(),
            },
        ],
        unit: String::new(),
        max: None,
    };
    let grid = HeatGrid {
        corner: "Level \\ depth".into(),
        rows: strings(&["School", "Network", "System"]),
        cols: strings(&[
            "Informing",
            "Coordinating",
            "Sharing",
            "Co-constructing",
            "No depth",
        ]),
        counts: vec![
            vec![4, 5, 3, 1, 8],
            vec![2, 3, 4, 3, 1],
            vec![1, 1, 1, 0, 1],
        ],
    };
    let dimension = |label: &str, low, median, high| RangeRow {
        label: label.into(),
        span: Some(Span { low, median, high }),
    };
    let checkins = RangeDots {
        headings: RangeHeadings {
            group: "Network".into(),
            row: "Dimension".into(),
            median: "Median".into(),
            range: "Range".into(),
        },
        scale: strings(&["1", "2", "3", "4"]),
        groups: vec![RangeGroup {
            label: "Red Norte (4 check-ins)".into(),
            rows: vec![
                dimension("Shared purpose", 2.0, 3.0, 3.0),
                dimension("Structure agreed", 1.0, 2.0, 3.0),
                dimension("Processes established", 2.0, 2.0, 2.0),
                dimension("Collaboration", 2.0, 3.0, 4.0),
                dimension("Reciprocity", 2.0, 2.5, 3.0),
                dimension("Trust", 3.0, 3.5, 4.0),
                dimension("Focus on school work", 1.0, 2.0, 3.0),
            ],
        }],
    };
    let transfers = Table {
        caption: Some("Learning carried between levels".into()),
        header: strings(&["From", "To", "Entries"]),
        rows: [
            ("Network", "School", "6"),
            ("The programme", "School", "4"),
            ("School", "Network", "3"),
            ("Network", "System", "1"),
        ]
        .into_iter()
        .map(|(from, to, n)| vec![Cell::text(from), Cell::text(to), Cell::number(n)])
        .collect(),
    };
    Report {
        title: "Reflective practice, June to November 2026".into(),
        meta: strings(&[
            "Pack: Leading networks, leading the system (1.1.0)",
            "48 entries: 41 rated, 3 plans or ideas, 4 not rated yet",
            "Generated on 23 November 2026",
        ]),
        sections: vec![
            Section {
                heading: "Where the practice sat".into(),
                blocks: vec![
                    Block::Paragraph(
                        "These figures count what was written; they do not grade it. Bringing \
                         learning back into one's own school is success, not a step down."
                            .into(),
                    ),
                    Block::Chart(Chart::stacked_bars("Levels per theme", levels)),
                ],
            },
            Section {
                heading: "Over time".into(),
                blocks: vec![
                    Block::Chart(Chart::lines(
                        "Network reach and learning brought into the school, per month",
                        reach,
                        &words,
                    )),
                    Block::Table(transfers),
                ],
            },
            Section {
                heading: "How the work was done together".into(),
                blocks: vec![
                    Block::Chart(Chart::heat_grid("Level × depth of joint work", grid)),
                    Block::Chart(Chart::range_dots(
                        "Network check-ins: median and range (1 to 4)",
                        checkins,
                        &words,
                    )),
                ],
            },
        ],
        words,
    }
}

fn write_html(dir: &Path, report: &Report) -> std::path::PathBuf {
    let path = dir.join("report.html");
    fs::write(&path, html::render(report, "en")).unwrap();
    path
}

/// Text as `--dump-dom` serialises it.
fn serialised(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn the_html_report_renders_prints_and_keeps_every_chart_and_table() {
    let Some(browser) =
        Browser::find("the_html_report_renders_prints_and_keeps_every_chart_and_table")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let report = sample();
    let page = write_html(dir.path(), &report);

    let png = browser.screenshot(&page, 1200, 1600);
    assert!(png.len() > 30_000, "a screenshot of {} bytes", png.len());
    let decoder = png::Decoder::new(std::io::Cursor::new(&png));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut pixels).unwrap();
    assert_eq!((frame.width, frame.height), (1200, 1600));
    let channels = frame.color_type.samples();
    let mut colours: Vec<&[u8]> = pixels[..frame.buffer_size()].chunks(channels).collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() > 50, "only {} colours", colours.len());
    if let Some(target) = std::env::var_os("REFLECT_REPORT_EXAMPLE") {
        fs::write(target, browser.screenshot(&page, 1200, 3000)).unwrap();
    }

    let pdf = browser.pdf(&page);
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    assert!(pdf.len() > 20_000, "a PDF of {} bytes", pdf.len());
    let text = String::from_utf8_lossy(&pdf);
    let pages = text.matches("/Type /Page\n").count() + text.matches("/Type /Page/").count();
    assert!(
        text.contains("/MediaBox [0 0 594.95996 841.91998]"),
        "A4 pages"
    );
    assert!(pages >= 2, "{pages} pages");

    let dom = browser.dom(&page);
    assert!(dom.contains("<html lang=\"en\">"), "{dom}");
    assert!(!dom.contains("<script"), "{dom}");
    assert_eq!(
        dom.matches("<svg").count(),
        report.charts().count(),
        "{dom}"
    );
    for chart in report.charts() {
        let title = format!("<title>{}</title>", serialised(&chart.title));
        assert!(dom.contains(&title), "{title} missing from\n{dom}");
        assert!(dom.contains(&format!(
            "aria-label=\"{}\"",
            serialised(&chart.title).replace('"', "&quot;")
        )));
    }
    assert_eq!(
        dom.matches("<table").count(),
        report.tables().count(),
        "{dom}"
    );
    for table in report.tables() {
        for cell in table.rows.iter().flatten() {
            assert!(
                dom.contains(&format!(">{}</", serialised(cell.as_str()))),
                "{cell:?}"
            );
        }
    }
}

#[test]
fn hostile_names_stay_text_in_the_browser() {
    let Some(browser) = Browser::find("hostile_names_stay_text_in_the_browser") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let hostile = "<script>document.title='owned'</script><img src=x onerror=alert(1)> & \"Red\"";
    let mut report = sample();
    report.title = hostile.to_owned();
    if let Some(Block::Chart(chart)) = report.sections[2].blocks.get_mut(1) {
        *chart = Chart::range_dots(
            "Check-ins",
            RangeDots {
                headings: RangeHeadings {
                    group: hostile.into(),
                    row: hostile.into(),
                    median: hostile.into(),
                    range: hostile.into(),
                },
                scale: vec![hostile.into(); 4],
                groups: vec![RangeGroup {
                    label: hostile.into(),
                    rows: vec![RangeRow {
                        label: hostile.into(),
                        span: None,
                    }],
                }],
            },
            &report.words,
        );
    }
    let dom = browser.dom(&write_html(dir.path(), &report));
    assert!(!dom.contains("<script"), "{dom}");
    assert!(!dom.contains("<img"), "{dom}");
    assert!(dom.contains(&serialised(hostile)), "{dom}");
    assert!(!dom.contains("owned</title>"), "{dom}");
}
