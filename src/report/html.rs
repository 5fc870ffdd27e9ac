//! The HTML report: one self-contained file (inline CSS, inline SVG, no script, no
//! fetch), for a screen, a projector or A4 paper.
//!
//! Every piece of text goes through `maud`, which escapes it; the only markup not
//! built by `maud` is our own stylesheet. A Content-Security-Policy forbids scripts
//! and every fetch, so even a mistake here could not make the file call out.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::{svg, Block, Cell, Chart, Report, Table};

/// The stylesheet, screen and print (A4).
const STYLE: &str = include_str!("report.css");

/// What the browser may load: nothing but our inline styles and inline images.
const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// The whole document. `lang` is the interface language's tag (`en`, `es`): it sets
/// the document's language, for screen readers, hyphenation and quotes.
pub fn render(report: &Report, lang: &str) -> String {
    let page = html! {
        (DOCTYPE)
        html lang=(lang) {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(POLICY);
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (report.title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                main {
                    header {
                        h1 { (report.title) }
                        @for line in &report.meta {
                            p class="meta" { (line) }
                        }
                    }
                    @for section in &report.sections {
                        section {
                            h2 { (section.heading) }
                            @for block in &section.blocks {
                                (self::block(block, report))
                            }
                        }
                    }
                }
            }
        }
    };
    page.into_string()
}

fn block(block: &Block, report: &Report) -> Markup {
    match block {
        Block::Paragraph(text) => html! { p { (text) } },
        Block::Table(table) => html! {
            div class="table" { (self::table(table)) }
        },
        Block::Chart(chart) => self::chart(chart, report),
    }
}

/// A chart and, beside it, its table: the same figures for whoever cannot see the
/// drawing (and for whoever wants the exact numbers).
fn chart(chart: &Chart, report: &Report) -> Markup {
    html! {
        figure class="chart" {
            figcaption { (chart.title) }
            div class="chart-body" {
                div class="drawing" { (svg::chart(&chart.title, &chart.data, &report.words)) }
                div class="figures" { (table(&chart.table)) }
            }
        }
    }
}

fn table(table: &Table) -> Markup {
    let width = table.width();
    let numeric: Vec<bool> = (0..width).map(|i| table.is_numeric(i)).collect();
    let class = |i: usize| if numeric[i] { "num" } else { "text" };
    html! {
        table {
            @if let Some(caption) = &table.caption {
                caption { (caption) }
            }
            thead {
                tr {
                    @for i in 0..width {
                        th scope="col" class=(class(i)) {
                            (table.header.get(i).map(String::as_str).unwrap_or(""))
                        }
                    }
                }
            }
            tbody {
                @for row in &table.rows {
                    tr {
                        @for i in 0..width {
                            @let text = row.get(i).map(Cell::as_str).unwrap_or("");
                            @if i == 0 {
                                th scope="row" class="text" { (text) }
                            } @else {
                                td class=(class(i)) { (text) }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Section, Series, StackedBars, Words};

    fn report(hostile: &str) -> Report {
        Report {
            title: format!("Report {hostile}"),
            meta: vec![hostile.to_owned()],
            sections: vec![Section {
                heading: hostile.to_owned(),
                blocks: vec![
                    Block::Paragraph(hostile.to_owned()),
                    Block::Chart(Chart::stacked_bars(
                        hostile,
                        StackedBars {
                            category_heading: hostile.to_owned(),
                            categories: vec![hostile.to_owned()],
                            series: vec![Series {
                                label: hostile.to_owned(),
                                values: vec![2],
                            }],
                        },
                    )),
                ],
            }],
            words: Words::english(),
        }
    }

    #[test]
    fn untrusted_text_is_escaped_everywhere() {
        let hostile = "<script>alert(\"x\")</script> & <img src=x onerror=alert(1)>";
        let page = render(&report(hostile), "en");
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img"));
    }

    #[test]
    fn the_language_tag_is_set_and_escaped() {
        assert!(render(&report("x"), "es").contains("<html lang=\"es\">"));
        let page = render(&report("x"), "en\"><script>");
        assert!(page.contains("<html lang=\"en&quot;&gt;&lt;script&gt;\">"));
    }

    #[test]
    fn the_file_fetches_nothing_and_runs_nothing() {
        let page = render(&report("x"), "en");
        for needle in ["<script", "<link", "src=", "href=", "url(", "@import"] {
            assert!(!page.contains(needle), "{needle} in {page}");
        }
        assert!(page.contains("default-src 'none'"));
    }

    #[test]
    fn figures_are_aligned_apart_from_text() {
        let page = render(&report("x"), "en");
        assert!(
            page.contains("<th scope=\"col\" class=\"num\">x</th>"),
            "{page}"
        );
        assert!(page.contains("<td class=\"num\">2</td>"), "{page}");
        assert!(
            page.contains("<th scope=\"row\" class=\"text\">x</th>"),
            "{page}"
        );
    }
}
