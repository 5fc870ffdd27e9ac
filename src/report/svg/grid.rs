//! Level × depth: counts in a grid, each cell shaded by its count.

use maud::{html, Markup};

use super::{empty, frame, ink_on, label, px, wrapped, FONT_SIZE, MUTED, WIDTH};
use crate::report::{HeatGrid, Words};

const LABEL_WIDTH: f64 = 130.0;
const GRID_LEFT: f64 = 140.0;
/// Room for the column labels, on up to two lines.
const HEADER: f64 = 40.0;
const CELL_HEIGHT: f64 = 44.0;
const MAX_CELL_WIDTH: f64 = 120.0;
const GAP: f64 = 3.0;

/// A heat grid: rows down the side, columns across the top, each cell's count written
/// in it and its shade darker as the count grows (an empty cell stays pale).
pub fn heat_grid(title: &str, data: &HeatGrid, words: &Words) -> Markup {
    let max = (0..data.rows.len())
        .flat_map(|r| (0..data.cols.len()).map(move |c| (r, c)))
        .map(|(r, c)| data.count(r, c))
        .max()
        .unwrap_or(0);
    if data.rows.is_empty() || data.cols.is_empty() || max == 0 {
        return empty(title, words);
    }
    let cell_width = ((WIDTH - GRID_LEFT) / data.cols.len() as f64).min(MAX_CELL_WIDTH);
    let x_of = |c: usize| GRID_LEFT + c as f64 * cell_width;
    let y_of = |r: usize| HEADER + r as f64 * CELL_HEIGHT;
    let height = HEADER + CELL_HEIGHT * data.rows.len() as f64 + 2.0;
    let body = html! {
        @for (c, col) in data.cols.iter().enumerate() {
            text x=(px(x_of(c) + cell_width / 2.0)) text-anchor="middle" fill=(MUTED) font-size="12" {
                (wrapped(col, x_of(c) + cell_width / 2.0, HEADER - 10.0, cell_width - 6.0, 12.0, 2))
            }
        }
        @for (r, row) in data.rows.iter().enumerate() {
            text x=(px(LABEL_WIDTH)) y=(px(y_of(r) + CELL_HEIGHT / 2.0 + 4.5)) text-anchor="end" {
                (label(row, LABEL_WIDTH - 4.0, FONT_SIZE))
            }
            @for (c, col) in data.cols.iter().enumerate() {
                @let count = data.count(r, c);
                @let fill = shade(count, max);
                rect x=(px(x_of(c) + GAP / 2.0)) y=(px(y_of(r) + GAP / 2.0))
                    width=(px(cell_width - GAP)) height=(px(CELL_HEIGHT - GAP)) rx="3" fill=(fill) {
                    title { (row) " × " (col) ": " (count) }
                }
                text x=(px(x_of(c) + cell_width / 2.0)) y=(px(y_of(r) + CELL_HEIGHT / 2.0 + 5.0))
                    text-anchor="middle" font-size="14" fill=(if count == 0 { MUTED } else { ink_on(&fill) }) {
                    (count)
                }
            }
        }
    };
    frame(title, height, body)
}

/// The fill for `count` out of `max`: from a pale blue-grey for none to a deep blue.
fn shade(count: u64, max: u64) -> String {
    if count == 0 {
        return "#f3f5f8".to_owned();
    }
    const LIGHT: [f64; 3] = [222.0, 235.0, 247.0];
    const DARK: [f64; 3] = [8.0, 69.0, 148.0];
    // Even a count of 1 gets a visible shade; the largest gets the darkest.
    let t = 0.15 + 0.85 * (count as f64 / max as f64);
    let mix = |i: usize| (LIGHT[i] + (DARK[i] - LIGHT[i]) * t).round() as u8;
    format!("#{:02x}{:02x}{:02x}", mix(0), mix(1), mix(2))
}
