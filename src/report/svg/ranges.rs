//! Check-in dimensions per group: each answer's median as a dot on its range.

use maud::{html, Markup};

use super::{colour, empty, frame, label, px, FONT_SIZE, MUTED, RULE, WIDTH};
use crate::report::{RangeDots, Words};

const LABEL_WIDTH: f64 = 186.0;
const SCALE_LEFT: f64 = 214.0;
const SCALE_RIGHT: f64 = WIDTH - 64.0;
const HEADER: f64 = 24.0;
const ROW: f64 = 26.0;
const GROUP_GAP: f64 = 10.0;

/// Ranges on an ordinal scale: for each group a bold heading, then per row a bar from
/// the lowest to the highest answer and a dot at the median (its figure on the right);
/// a held-back row says so instead.
pub fn range_dots(title: &str, data: &RangeDots, words: &Words) -> Markup {
    if data.groups.iter().all(|g| g.rows.is_empty()) {
        return empty(title, words);
    }
    let numbers: Vec<String>;
    let scale: &[String] = if data.scale.len() >= 2 {
        &data.scale
    } else {
        numbers = (1..=4).map(|n| n.to_string()).collect();
        &numbers
    };
    let steps = (scale.len() - 1) as f64;
    let x_of = |value: f64| {
        SCALE_LEFT + (value.clamp(1.0, steps + 1.0) - 1.0) / steps * (SCALE_RIGHT - SCALE_LEFT)
    };
    let room = ((SCALE_RIGHT - SCALE_LEFT) / steps - 6.0).min(150.0);

    // Each group's top: its heading row, then one row per dimension.
    let mut tops = Vec::new();
    let mut y = HEADER;
    for group in &data.groups {
        tops.push(y);
        y += ROW * (group.rows.len() + 1) as f64 + GROUP_GAP;
    }
    let height = y;
    let body = html! {
        @for (i, tick) in scale.iter().enumerate() {
            @let x = x_of(i as f64 + 1.0);
            line x1=(px(x)) x2=(px(x)) y1=(px(HEADER - 4.0)) y2=(px(height - GROUP_GAP)) stroke=(RULE) {}
            text x=(px(x)) y=(px(HEADER - 10.0)) text-anchor="middle" fill=(MUTED) font-size="12" {
                (label(tick, room, 12.0))
            }
        }
        @for (group, top) in data.groups.iter().zip(&tops) {
            text x="0" y=(px(top + ROW / 2.0 + 4.5)) font-weight="600" {
                (label(&group.label, SCALE_RIGHT - 0.0, FONT_SIZE))
            }
            @for (r, row) in group.rows.iter().enumerate() {
                @let middle = top + ROW * (r as f64 + 1.0) + ROW / 2.0;
                text x="14" y=(px(middle + 4.5)) {
                    (label(&row.label, LABEL_WIDTH - 14.0, FONT_SIZE))
                }
                @if let Some(span) = row.span {
                    g {
                        title {
                            (group.label) " · " (row.label) ": " (data.headings.median) " "
                            (words.number(span.median)) ", " (data.headings.range) " "
                            (words.number(span.low)) "–" (words.number(span.high))
                        }
                        line x1=(px(x_of(span.low))) x2=(px(x_of(span.high))) y1=(px(middle))
                            y2=(px(middle)) stroke="#9cc3e4" stroke-width="9" stroke-linecap="round" {}
                        circle cx=(px(x_of(span.median))) cy=(px(middle)) r="6.5" fill=(colour(0))
                            stroke="#ffffff" stroke-width="2" {}
                    }
                    text x=(px(WIDTH - 4.0)) y=(px(middle + 4.5)) text-anchor="end" font-weight="600" {
                        (words.number(span.median))
                    }
                } @else {
                    text x=(px(SCALE_LEFT)) y=(px(middle + 4.5)) fill=(MUTED) font-style="italic" {
                        (words.not_shown)
                    }
                }
            }
        }
    };
    frame(title, height, body)
}
