//! Each chart parsed as XML: titled, escaped, scaled monotonically, and sensible
//! when empty or labelled at length.

use roxmltree::{Document, Node};

use super::*;
use crate::report::{
    HeatGrid, Line, LineSeries, RangeDots, RangeGroup, RangeHeadings, RangeRow, Series, Span,
    StackedBars,
};

const HOSTILE: &str = "<script>alert(\"&\")</script> & 'x' ]]> <!--";

fn bars(categories: &[&str], series: &[(&str, &[u64])]) -> StackedBars {
    StackedBars {
        category_heading: "Theme".into(),
        categories: categories.iter().map(|&c| c.into()).collect(),
        series: series
            .iter()
            .map(|(label, values)| Series {
                label: (*label).into(),
                values: values.to_vec(),
            })
            .collect(),
    }
}

fn line_series(lines: &[(&str, &[Option<f64>])]) -> LineSeries {
    LineSeries {
        period_heading: "Month".into(),
        periods: ["Sep", "Oct", "Nov", "Dec"].map(String::from).to_vec(),
        lines: lines
            .iter()
            .map(|(label, values)| Line {
                label: (*label).into(),
                values: values.to_vec(),
            })
            .collect(),
        unit: "%".into(),
        max: Some(100.0),
    }
}

fn grid(rows: &[&str], cols: &[&str], counts: Vec<Vec<u64>>) -> HeatGrid {
    HeatGrid {
        corner: "Level".into(),
        rows: rows.iter().map(|&r| r.into()).collect(),
        cols: cols.iter().map(|&c| c.into()).collect(),
        counts,
    }
}

/// A group's rows: a label and its figures, if shown.
type Rows<'a> = &'a [(&'a str, Option<Span>)];

fn ranges(groups: &[(&str, Rows)]) -> RangeDots {
    RangeDots {
        headings: RangeHeadings {
            group: "Group".into(),
            row: "Dimension".into(),
            median: "median".into(),
            range: "range".into(),
        },
        scale: ["1", "2", "3", "4"].map(String::from).to_vec(),
        groups: groups
            .iter()
            .map(|(label, rows)| RangeGroup {
                label: (*label).into(),
                rows: rows
                    .iter()
                    .map(|(label, span)| RangeRow {
                        label: (*label).into(),
                        span: *span,
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn span(low: f64, median: f64, high: f64) -> Option<Span> {
    Some(Span { low, median, high })
}

/// Parses `markup` as XML and checks what every chart has: the SVG namespace, a
/// `viewBox`, `role="img"`, an `aria-label` and a first child `<title>`, both `title`.
fn checked(markup: &Markup, title: &str) -> String {
    let xml = markup.clone().into_string();
    let doc = Document::parse(&xml).unwrap_or_else(|e| panic!("{e}: {xml}"));
    let svg = doc.root_element();
    assert_eq!(svg.tag_name().name(), "svg");
    assert_eq!(
        svg.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(svg.attribute("role"), Some("img"));
    assert_eq!(svg.attribute("aria-label"), Some(title));
    let view_box: Vec<f64> = svg
        .attribute("viewBox")
        .expect("a viewBox")
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    assert!(view_box[2] > 0.0 && view_box[3] > 0.0, "{view_box:?}");
    assert!(svg.attribute("width").is_none(), "sized by its container");
    let first = svg.first_element_child().expect("a child");
    assert_eq!(first.tag_name().name(), "title");
    assert_eq!(first.text(), Some(title));
    assert!(!xml.contains("<script"), "{xml}");
    assert!(
        doc.descendants().all(|n| n.tag_name().name() != "script"
            && n.attribute("href").is_none()
            && n.attribute(("http://www.w3.org/1999/xlink", "href"))
                .is_none()),
        "{xml}"
    );
    xml
}

/// The number attribute `name` of each element `tag` whose `<title>` starts with
/// `prefix`, in document order.
fn attrs(xml: &str, tag: &str, prefix: &str, name: &str) -> Vec<f64> {
    let doc = Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.tag_name().name() == tag && tooltip(n).is_some_and(|t| t.starts_with(prefix)))
        .map(|n| n.attribute(name).unwrap().parse().unwrap())
        .collect()
}

fn tooltip(node: &Node) -> Option<String> {
    let node = if node.parent_element()?.tag_name().name() == "g" {
        node.parent_element()?
    } else {
        *node
    };
    node.children()
        .find(|c| c.tag_name().name() == "title")
        .and_then(|t| t.text().map(str::to_owned))
}

fn increasing(values: &[f64]) -> bool {
    values.windows(2).all(|w| w[0] < w[1])
}

#[test]
fn every_chart_is_titled_well_formed_xml() {
    let words = Words::english();
    let s = Some;
    checked(
        &stacked_bars(
            "Levels",
            &bars(
                &["Trust", "Purpose"],
                &[("School", &[3, 1]), ("Network", &[2, 0])],
            ),
            &words,
        ),
        "Levels",
    );
    checked(
        &lines(
            "Reach",
            &line_series(&[("Reach", &[s(10.0), None, s(40.0), s(35.5)])]),
            &words,
        ),
        "Reach",
    );
    checked(
        &heat_grid(
            "Grid",
            &grid(&["School"], &["Informing", "Sharing"], vec![vec![1, 4]]),
            &words,
        ),
        "Grid",
    );
    checked(
        &range_dots(
            "Check-ins",
            &ranges(&[("Red Norte", &[("Trust", span(1.0, 2.5, 4.0))])]),
            &words,
        ),
        "Check-ins",
    );
}

#[test]
fn nothing_to_draw_gives_an_empty_state_that_says_so() {
    let words = Words::english();
    let cases = [
        stacked_bars("t", &bars(&[], &[]), &words),
        stacked_bars("t", &bars(&["Trust"], &[("School", &[0])]), &words),
        lines(
            "t",
            &line_series(&[("Reach", &[None, None, None, None])]),
            &words,
        ),
        lines("t", &line_series(&[]), &words),
        heat_grid(
            "t",
            &grid(&["School"], &["Informing"], vec![vec![0]]),
            &words,
        ),
        heat_grid("t", &grid(&[], &[], vec![]), &words),
        range_dots("t", &ranges(&[]), &words),
    ];
    for markup in &cases {
        let xml = checked(markup, "t");
        assert!(xml.contains(&words.no_data), "{xml}");
    }
    // A group whose figures are all held back is not empty: it says so per row.
    let held = range_dots("t", &ranges(&[("Red", &[("Trust", None)])]), &words);
    let xml = checked(&held, "t");
    assert!(
        xml.contains(&words.not_shown) && !xml.contains(&words.no_data),
        "{xml}"
    );
}

#[test]
fn hostile_labels_are_escaped_text() {
    let words = Words::english();
    let charts = [
        stacked_bars(HOSTILE, &bars(&[HOSTILE], &[(HOSTILE, &[2])]), &words),
        lines(
            HOSTILE,
            &line_series(&[(HOSTILE, &[Some(1.0), None, None, None])]),
            &words,
        ),
        heat_grid(
            HOSTILE,
            &grid(&[HOSTILE], &[HOSTILE], vec![vec![3]]),
            &words,
        ),
        range_dots(
            HOSTILE,
            &ranges(&[(HOSTILE, &[(HOSTILE, span(1.0, 2.0, 3.0))])]),
            &words,
        ),
    ];
    for markup in &charts {
        let xml = checked(markup, HOSTILE);
        assert!(
            xml.contains("&lt;script&gt;alert(&quot;&amp;&quot;)"),
            "{xml}"
        );
        let doc = Document::parse(&xml).unwrap();
        let texts: usize = doc
            .descendants()
            .filter(|n| n.is_text() && n.text().is_some_and(|t| t.contains("<script>")))
            .count();
        assert!(texts >= 2, "the label comes back as text: {xml}");
    }
}

#[test]
fn bigger_values_draw_bigger() {
    let words = Words::english();
    let xml = checked(
        &stacked_bars(
            "b",
            &bars(&["A", "B", "C"], &[("School", &[1, 2, 5])]),
            &words,
        ),
        "b",
    );
    let widths: Vec<f64> = ["A", "B", "C"]
        .iter()
        .flat_map(|c| attrs(&xml, "rect", &format!("{c} · "), "width"))
        .collect();
    assert_eq!(widths.len(), 3);
    assert!(increasing(&widths), "{widths:?}");
    assert!(
        (widths[2] / widths[0] - 5.0).abs() < 0.05,
        "to scale: {widths:?}"
    );

    let s = Some;
    let xml = checked(
        &lines(
            "l",
            &line_series(&[("R", &[s(0.0), s(20.0), s(55.0), s(100.0)])]),
            &words,
        ),
        "l",
    );
    let ys = attrs(&xml, "circle", "R · ", "cy");
    assert_eq!(ys.len(), 4);
    assert!(
        increasing(&ys.iter().map(|y| -y).collect::<Vec<_>>()),
        "higher up: {ys:?}"
    );

    let xml = checked(
        &range_dots(
            "r",
            &ranges(&[(
                "G",
                &[
                    ("a", span(1.0, 1.5, 2.0)),
                    ("b", span(1.0, 3.0, 4.0)),
                    ("c", span(3.0, 4.0, 4.0)),
                ],
            )]),
            &words,
        ),
        "r",
    );
    let medians = attrs(&xml, "circle", "G · ", "cx");
    assert!(increasing(&medians), "{medians:?}");

    let xml = checked(
        &heat_grid(
            "g",
            &grid(&["S"], &["a", "b", "c"], vec![vec![1, 3, 9]]),
            &words,
        ),
        "g",
    );
    let doc = Document::parse(&xml).unwrap();
    let darkness: Vec<f64> = doc
        .descendants()
        .filter(|n| {
            n.tag_name().name() == "rect" && n.attribute("fill").is_some_and(|f| f.starts_with('#'))
        })
        .map(|n| {
            let fill = n.attribute("fill").unwrap();
            let c = |i| f64::from(u8::from_str_radix(&fill[i..i + 2], 16).unwrap());
            765.0 - c(1) - c(3) - c(5)
        })
        .collect();
    assert!(increasing(&darkness), "{darkness:?}");
}

#[test]
fn long_labels_are_cut_and_kept_whole_in_a_tooltip() {
    let words = Words::english();
    let long =
        "Leadership for learning across the whole territory, with families and the SLEP".repeat(2);
    let xml = checked(
        &stacked_bars("b", &bars(&[&long], &[("School", &[2])]), &words),
        "b",
    );
    let doc = Document::parse(&xml).unwrap();
    let text = doc
        .descendants()
        .find(|n| {
            n.tag_name().name() == "text" && n.children().any(|c| c.tag_name().name() == "title")
        })
        .expect("a cut label");
    let shown: String = text
        .children()
        .filter(|c| c.is_text())
        .filter_map(|c| c.text())
        .collect();
    assert!(shown.ends_with('…'), "{shown}");
    assert!(long.starts_with(shown.trim_end_matches('…')), "{shown}");
    assert!(text_width(&shown, FONT_SIZE) <= 196.0, "{shown}");
    let full = text
        .children()
        .find(|c| c.tag_name().name() == "title")
        .unwrap();
    assert_eq!(full.text(), Some(long.as_str()));

    // A label that fits is not cut, and has no tooltip.
    assert_eq!(label("Trust", 196.0, FONT_SIZE).into_string(), "Trust");
}

#[test]
fn figures_are_written_in_the_languages_way() {
    let mut words = Words::english();
    words.decimal_separator = ',';
    let xml = checked(
        &lines(
            "l",
            &line_series(&[("R", &[Some(12.5), None, None, None])]),
            &words,
        ),
        "l",
    );
    assert!(xml.contains("R · Sep: 12,5%"), "{xml}");
}

#[test]
fn axis_steps_are_round_and_cover_the_values() {
    assert_eq!(ticks(100.0), [0.0, 25.0, 50.0, 75.0, 100.0]);
    assert_eq!(ticks(7.0), [0.0, 2.0, 4.0, 6.0, 8.0]);
    assert_eq!(ticks(0.0), [0.0, 1.0]);
    for max in [1.0, 3.0, 9.0, 13.0, 42.0, 99.0, 1234.0] {
        let steps = ticks(max);
        assert!(
            *steps.last().unwrap() >= max && steps.len() <= 6,
            "{max}: {steps:?}"
        );
    }
}

#[test]
fn column_labels_wrap_onto_two_lines_before_they_are_cut() {
    let words = Words::english();
    let cols = [
        "Co-constructing",
        "Compartimos recursos y responsabilidades con otras redes",
    ];
    let narrow = grid(
        &["Red"],
        &[cols[0], cols[1], "c", "d", "e", "f"],
        vec![vec![1, 2]],
    );
    let xml = checked(&heat_grid("g", &narrow, &words), "g");
    let doc = Document::parse(&xml).unwrap();
    let headers: Vec<Node> = doc
        .descendants()
        .filter(|n| {
            n.tag_name().name() == "text" && n.children().any(|c| c.tag_name().name() == "tspan")
        })
        .collect();
    assert_eq!(headers.len(), 6, "{xml}");
    let lines = |n: &Node| -> Vec<String> {
        n.children()
            .filter(|c| c.tag_name().name() == "tspan")
            .map(|c| c.text().unwrap_or("").to_owned())
            .collect()
    };
    // Six columns share 500 units, less 6 of margin each.
    let room = 500.0 / 6.0 - 6.0;
    assert_eq!(lines(&headers[0]), ["Co-", "constructing"], "{xml}");
    assert!(!headers[0]
        .children()
        .any(|c| c.tag_name().name() == "title"));
    let long = lines(&headers[1]);
    assert_eq!(long.len(), 2, "{long:?}");
    assert!(long[1].ends_with('…'), "{long:?}");
    assert!(long.iter().all(|l| text_width(l, 12.0) <= room), "{long:?}");
    let full = headers[1]
        .children()
        .find(|c| c.tag_name().name() == "title")
        .unwrap();
    assert_eq!(full.text(), Some(cols[1]));
}
