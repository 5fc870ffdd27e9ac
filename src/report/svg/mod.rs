//! Charts as inline SVG: pure functions from a chart's numbers to markup.
//!
//! Every chart is an `<svg>` with a `viewBox` (it scales to its container),
//! `role="img"`, an `aria-label` and a `<title>` naming it; no script, no external
//! resource, no font to fetch (a list of system fonts). Text is escaped by `maud`.
//! Nothing to draw gives an empty state that says so; a label too long for its place
//! is cut with "…" and keeps its full text in a `<title>` (a tooltip).
//!
//! The markup is also well-formed XML (every element closed, `xmlns` set), so the
//! same string can be saved as a `.svg` file.

mod bars;
mod grid;
mod lines;
mod ranges;

use maud::{html, Markup};

use super::{ChartData, Words};

pub use bars::stacked_bars;
pub use grid::heat_grid;
pub use lines::lines;
pub use ranges::range_dots;

/// Every chart's width in user units; heights follow from the content.
pub const WIDTH: f64 = 640.0;
/// The text size of labels, in user units.
const FONT_SIZE: f64 = 13.0;
const FONTS: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', \
                     'Liberation Sans', 'DejaVu Sans', Arial, sans-serif";
const INK: &str = "#1f2933";
const MUTED: &str = "#5b6470";
const RULE: &str = "#d5d9df";

/// Series colours, told apart by people with the common colour-vision deficiencies
/// (after Okabe and Ito). No colour means better or worse.
const PALETTE: [&str; 7] = [
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#8c8c8c",
];

/// The chart for any [`ChartData`].
pub fn chart(title: &str, data: &ChartData, words: &Words) -> Markup {
    match data {
        ChartData::StackedBars(data) => stacked_bars(title, data, words),
        ChartData::Lines(data) => lines(title, data, words),
        ChartData::HeatGrid(data) => heat_grid(title, data, words),
        ChartData::RangeDots(data) => range_dots(title, data, words),
    }
}

/// The `<svg>` element around a chart's body.
fn frame(title: &str, height: f64, body: Markup) -> Markup {
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (px(WIDTH)) " " (px(height)) }
            role="img" aria-label=(title) font-family=(FONTS) font-size=(px(FONT_SIZE))
            fill=(INK) class="chart" {
            title { (title) }
            (body)
        }
    }
}

/// What a chart with nothing to draw shows.
fn empty(title: &str, words: &Words) -> Markup {
    let height = 96.0;
    frame(
        title,
        height,
        html! {
            rect x="1" y="1" width=(px(WIDTH - 2.0)) height=(px(height - 2.0)) rx="8"
                fill="#f6f7f9" stroke=(RULE) stroke-dasharray="5 4" {}
            text x=(px(WIDTH / 2.0)) y=(px(height / 2.0 + 4.5)) text-anchor="middle" fill=(MUTED) {
                (words.no_data)
            }
        },
    )
}

/// A label's text, cut with "…" to fit `max_width` at `font_size`; when cut, the full
/// text is kept in a `<title>` child (shown as a tooltip). Goes inside a `<text>`.
fn label(text: &str, max_width: f64, font_size: f64) -> Markup {
    let text = text.trim();
    if text_width(text, font_size) <= max_width {
        return html! { (text) };
    }
    html! { title { (text) } (short(text, max_width, font_size)) }
}

/// A label over up to `max_lines` lines of `max_width` each, broken between words
/// and centred on `x`, its last baseline at `y` (more lines grow upwards); whatever does not fit is cut with
/// "…" and the full text kept in a `<title>`. Goes inside a `<text>`.
fn wrapped(text: &str, x: f64, y: f64, max_width: f64, font_size: f64, max_lines: usize) -> Markup {
    let text = text.trim();
    let mut lines: Vec<String> = Vec::new();
    // Lines break between words and after a hyphen ("Co-|constructing").
    let pieces = text
        .split_whitespace()
        .flat_map(|word| word.split_inclusive('-').enumerate());
    for (i, piece) in pieces {
        let joined = match lines.last() {
            Some(line) if i > 0 => format!("{line}{piece}"),
            Some(line) => format!("{line} {piece}"),
            None => piece.to_owned(),
        };
        match lines.last_mut() {
            Some(line) if text_width(&joined, font_size) <= max_width => *line = joined,
            _ => lines.push(piece.to_owned()),
        }
    }
    let cut = lines.len() > max_lines || lines.iter().any(|l| text_width(l, font_size) > max_width);
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(" ");
        lines.push(rest);
    }
    let line_height = font_size * 1.2;
    html! {
        @if cut { title { (text) } }
        @for (i, line) in lines.iter().enumerate() {
            tspan x=(px(x)) y=(px(y - (lines.len() - 1 - i) as f64 * line_height)) {
                (short(line, max_width, font_size))
            }
        }
    }
}

/// `text` cut with "…" to fit `max_width`, or as it is when it fits.
fn short(text: &str, max_width: f64, font_size: f64) -> String {
    if text_width(text, font_size) <= max_width {
        return text.to_owned();
    }
    let room = max_width - text_width("…", font_size);
    let mut width = 0.0;
    let mut cut = String::new();
    for c in text.chars() {
        width += char_width(c) * font_size;
        if width > room {
            break;
        }
        cut.push(c);
    }
    format!("{}…", cut.trim_end())
}

/// An estimate of how wide `text` is drawn at `font_size` in a sans-serif font; wide
/// enough that real text fits in the room measured for it.
fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().map(char_width).sum::<f64>() * font_size
}

/// A character's advance in ems, by broad class (generous, so text never overflows).
fn char_width(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 0.32,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' => 0.42,
        'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.9,
        'A'..='Z' | '0'..='9' | '&' => 0.7,
        c if c.is_ascii() => 0.58,
        // CJK, Hangul, full-width forms and emoji take a whole em.
        c if ('\u{1100}'..='\u{115F}').contains(&c)
            || ('\u{2E80}'..='\u{A4CF}').contains(&c)
            || ('\u{AC00}'..='\u{D7A3}').contains(&c)
            || ('\u{F900}'..='\u{FAFF}').contains(&c)
            || ('\u{FF00}'..='\u{FF60}').contains(&c)
            || c >= '\u{1F300}' =>
        {
            1.0
        }
        _ => 0.62,
    }
}

/// A coordinate or length as SVG text: at most one decimal, no trailing `.0`.
fn px(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// The colour of series `index`.
fn colour(index: usize) -> &'static str {
    PALETTE[index % PALETTE.len()]
}

/// Dark or white text, whichever reads better on `fill` (a `#rrggbb` colour).
fn ink_on(fill: &str) -> &'static str {
    let channel = |i: usize| {
        let value = u8::from_str_radix(fill.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
        let c = f64::from(value) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    if luminance > 0.33 {
        INK
    } else {
        "#ffffff"
    }
}

/// The legend: a swatch and a label per series, flowing onto more lines as needed.
/// Returns the markup and the height it takes from `top`.
fn legend<'a>(
    labels: impl IntoIterator<Item = &'a str>,
    top: f64,
    swatch: impl Fn(usize, f64, f64) -> Markup,
) -> (Markup, f64) {
    const ROW: f64 = 22.0;
    const GAP: f64 = 20.0;
    const MAX_LABEL: f64 = 320.0;
    let mut x = 0.0;
    let mut y = top;
    let mut items = Vec::new();
    for (i, text) in labels.into_iter().enumerate() {
        let width = 18.0 + text_width(text, FONT_SIZE).min(MAX_LABEL);
        if x > 0.0 && x + width > WIDTH {
            x = 0.0;
            y += ROW;
        }
        items.push(html! {
            (swatch(i, x, y))
            text x=(px(x + 18.0)) y=(px(y + 11.0)) { (label(text, MAX_LABEL, FONT_SIZE)) }
        });
        x += width + GAP;
    }
    let height = if items.is_empty() { 0.0 } else { y - top + ROW };
    (
        html! { g class="legend" { @for item in items { (item) } } },
        height,
    )
}

/// Up to five round steps from 0 to at least `max`, for an axis.
fn ticks(max: f64) -> Vec<f64> {
    if max <= 0.0 || !max.is_finite() {
        return vec![0.0, 1.0];
    }
    let rough = max / 4.0;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|step| step * 4.0 >= max)
        .unwrap_or(10.0 * magnitude);
    let step = if max >= 1.0 { step.max(1.0) } else { step };
    let count = (max / step).ceil() as usize;
    (0..=count.max(1)).map(|i| i as f64 * step).collect()
}

#[cfg(test)]
mod tests;
