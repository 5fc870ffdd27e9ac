//! Reach over time: one line per series across periods, gaps where a period has no
//! figure.

use maud::{html, Markup};

use super::{colour, empty, frame, label, legend, px, ticks, FONT_SIZE, MUTED, RULE, WIDTH};
use crate::report::{LineSeries, Words};

const LEFT: f64 = 56.0;
const RIGHT: f64 = WIDTH - 18.0;
const PLOT_HEIGHT: f64 = 200.0;
/// Room under the plot for the periods' labels.
const BOTTOM: f64 = 34.0;
/// Space between the plot's edges and the first and last period.
const INSET: f64 = 18.0;

/// A line chart: periods along the bottom, values up the side from 0, each series a
/// line (solid or dashed, by turns, so they differ without colour) with a dot per
/// value whose tooltip gives the figure.
pub fn lines(title: &str, data: &LineSeries, words: &Words) -> Markup {
    let values = || {
        data.lines
            .iter()
            .flat_map(|l| l.values.iter().flatten().copied())
    };
    if data.periods.is_empty() || values().next().is_none() {
        return empty(title, words);
    }
    let highest = values().fold(0.0, f64::max);
    let steps = ticks(data.max.unwrap_or(highest).max(highest));
    let top_value = steps.last().copied().unwrap_or(1.0);

    let (legend, legend_height) = legend(
        data.lines.iter().map(|l| l.label.as_str()),
        0.0,
        |i, x, y| {
            html! {
                line x1=(px(x)) x2=(px(x + 14.0)) y1=(px(y + 6.0)) y2=(px(y + 6.0))
                    stroke=(colour(i)) stroke-width="3" stroke-dasharray=(dashes(i)) {}
            }
        },
    );
    let top = legend_height + 14.0;
    let bottom = top + PLOT_HEIGHT;
    let y_of = |value: f64| bottom - value / top_value * PLOT_HEIGHT;
    let count = data.periods.len();
    let x_of = |i: usize| {
        if count == 1 {
            (LEFT + RIGHT) / 2.0
        } else {
            LEFT + INSET + i as f64 * (RIGHT - LEFT - 2.0 * INSET) / (count - 1) as f64
        }
    };
    let spacing = if count == 1 {
        RIGHT - LEFT
    } else {
        (RIGHT - LEFT - 2.0 * INSET) / (count - 1) as f64
    };
    // Label every `every`-th period, so labels of at least 56 units never collide.
    let every = (56.0 / spacing).ceil().max(1.0) as usize;
    let label_room = (spacing * every as f64 - 6.0).min(120.0);

    let body = html! {
        (legend)
        @for step in &steps {
            line x1=(px(LEFT)) x2=(px(RIGHT)) y1=(px(y_of(*step))) y2=(px(y_of(*step)))
                stroke=(RULE) stroke-width=(if *step == 0.0 { "1.5" } else { "1" }) {}
            text x=(px(LEFT - 8.0)) y=(px(y_of(*step) + 4.5)) text-anchor="end" fill=(MUTED) {
                (words.number(*step)) (data.unit)
            }
        }
        @for (i, period) in data.periods.iter().enumerate() {
            @if i.is_multiple_of(every) {
                text x=(px(x_of(i))) y=(px(bottom + 20.0)) text-anchor="middle" fill=(MUTED) {
                    (label(period, label_room, FONT_SIZE))
                }
            }
        }
        @for (s, line) in data.lines.iter().enumerate() {
            @for run in runs(&line.values) {
                @if run.len() > 1 {
                    polyline fill="none" stroke=(colour(s)) stroke-width="2.5"
                        stroke-dasharray=(dashes(s)) stroke-linejoin="round"
                        points=(run.iter().map(|&(i, v)| format!("{},{}", px(x_of(i)), px(y_of(v)))).collect::<Vec<_>>().join(" ")) {}
                }
            }
            @for (i, value) in line.values.iter().enumerate() {
                @if let (Some(value), Some(period)) = (value, data.periods.get(i)) {
                    circle cx=(px(x_of(i))) cy=(px(y_of(*value))) r="4" fill="#ffffff"
                        stroke=(colour(s)) stroke-width="2.5" {
                        title { (line.label) " · " (period) ": " (words.number(*value)) (data.unit) }
                    }
                }
            }
        }
    };
    frame(title, bottom + BOTTOM, body)
}

/// Solid for the first series, dashed for the second, and so on by turns.
fn dashes(series: usize) -> &'static str {
    if series.is_multiple_of(2) {
        "none"
    } else {
        "7 4"
    }
}

/// The stretches of consecutive values, each as `(period, value)` pairs.
fn runs(values: &[Option<f64>]) -> Vec<Vec<(usize, f64)>> {
    let mut runs = vec![Vec::new()];
    for (i, value) in values.iter().enumerate() {
        match value {
            Some(v) => runs.last_mut().expect("never empty").push((i, *v)),
            None if runs.last().is_some_and(|r| !r.is_empty()) => runs.push(Vec::new()),
            None => {}
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}
