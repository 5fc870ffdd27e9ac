//! Levels per theme: one horizontal bar per category, split by series.

use maud::{html, Markup};

use super::{
    colour, empty, frame, ink_on, label, legend, px, text_width, FONT_SIZE, MUTED, RULE, WIDTH,
};
use crate::report::{StackedBars, Words};

/// Room for the category labels on the left.
const LABEL_WIDTH: f64 = 196.0;
/// Where the bars start.
const BARS_LEFT: f64 = 206.0;
/// Room kept on the right for the bar's total.
const TOTAL_WIDTH: f64 = 44.0;
const ROW: f64 = 30.0;
const BAR: f64 = 20.0;

/// Horizontal stacked bars: each category's bar as long as its total, on one scale,
/// each segment a series (with its count inside when it fits, and in its tooltip).
pub fn stacked_bars(title: &str, data: &StackedBars, words: &Words) -> Markup {
    let totals: Vec<u64> = (0..data.categories.len()).map(|c| data.total(c)).collect();
    let max = totals.iter().copied().max().unwrap_or(0);
    if max == 0 {
        return empty(title, words);
    }
    let (legend, legend_height) = legend(
        data.series.iter().map(|s| s.label.as_str()),
        0.0,
        |i, x, y| html! { rect x=(px(x)) y=(px(y)) width="12" height="12" rx="2" fill=(colour(i)) {} },
    );
    let top = legend_height + 10.0;
    let span = WIDTH - BARS_LEFT - TOTAL_WIDTH;
    let height = top + ROW * data.categories.len() as f64 + 4.0;
    let body = html! {
        (legend)
        line x1=(px(BARS_LEFT)) x2=(px(BARS_LEFT)) y1=(px(top - 4.0)) y2=(px(height - 2.0))
            stroke=(RULE) {}
        @for (c, category) in data.categories.iter().enumerate() {
            @let y = top + ROW * c as f64 + (ROW - BAR) / 2.0;
            text x=(px(LABEL_WIDTH)) y=(px(y + BAR / 2.0 + 4.5)) text-anchor="end" {
                (label(category, LABEL_WIDTH, FONT_SIZE))
            }
            @for (s, x, width) in segments(data, c, max, span) {
                @let series = &data.series[s];
                @let shown = data.value(s, c).to_string();
                rect x=(px(x)) y=(px(y)) width=(px(width)) height=(px(BAR)) fill=(colour(s)) {
                    title { (category) " · " (series.label) ": " (shown) }
                }
                @if width >= text_width(&shown, 12.0) + 8.0 {
                    text x=(px(x + width / 2.0)) y=(px(y + BAR / 2.0 + 4.0)) text-anchor="middle"
                        font-size="12" fill=(ink_on(colour(s))) { (shown) }
                }
            }
            text x=(px(BARS_LEFT + totals[c] as f64 / max as f64 * span + 6.0))
                y=(px(y + BAR / 2.0 + 4.5)) fill=(MUTED) { (totals[c]) }
        }
    };
    frame(title, height, body)
}

/// Where each non-zero segment of category `c`'s bar starts and how wide it is:
/// `(series, x, width)`.
fn segments(data: &StackedBars, c: usize, max: u64, span: f64) -> Vec<(usize, f64, f64)> {
    let mut x = BARS_LEFT;
    let mut out = Vec::new();
    for s in 0..data.series.len() {
        let value = data.value(s, c);
        if value > 0 {
            let width = value as f64 / max as f64 * span;
            out.push((s, x, width));
            x += width;
        }
    }
    out
}
