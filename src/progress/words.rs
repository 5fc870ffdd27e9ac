//! Every sentence of the progress and cohort views a person reads, looked up in the
//! message catalogue (`locales/<lang>/progress.ftl`) in the interface language.

use crate::t;
use crate::terminal::width::{self, Stream};

/// Headers and row labels of the tables.
pub mod label {
    use crate::t;

    macro_rules! labels {
        ($($name:ident = $id:literal),* $(,)?) => {$(
            pub fn $name() -> String {
                t!($id)
            }
        )*};
    }

    labels! {
        theme = "progress-theme",
        idea = "progress-idea",
        unrated = "progress-unrated",
        total = "progress-total",
        last5 = "progress-last5",
        free = "progress-free",
        all = "progress-all",
        measure = "progress-measure",
        whole = "progress-whole",
        change = "progress-change",
        rated = "progress-rated",
        ideas = "progress-ideas",
        unrated_entries = "progress-unrated-entries",
        reach = "progress-reach",
        brought_in = "progress-brought-in",
        collaborative = "progress-collaborative",
        without_depth = "progress-without-depth",
        transfers = "progress-transfers",
        none = "progress-none",
        period = "progress-period",
        level = "progress-level",
        no_depth = "progress-no-depth",
        period_reach = "progress-period-reach",
        period_brought_in = "progress-period-brought-in",
        period_collaborative = "progress-period-collaborative",
        programme = "progress-programme",
        trend_rated = "progress-trend-rated",
        trend_reach = "progress-trend-reach",
        trend_brought_in = "progress-trend-brought-in",
        trend_collaborative = "progress-trend-collaborative",
        trend_transfers = "progress-trend-transfers",
        footer = "progress-footer",
        no_entries = "progress-no-entries",
        participants = "cohort-participants",
        by_month = "cohort-by-month",
    }
}

/// The ladder's names when no single pack names them.
pub fn level_names() -> [String; 3] {
    [
        t!("progress-level-school"),
        t!("progress-level-network"),
        t!("progress-level-system"),
    ]
}

/// The depth ladder's names when no pack names them.
pub fn depth_names() -> [String; 4] {
    [
        t!("progress-depth-informing"),
        t!("progress-depth-coordinating"),
        t!("progress-depth-sharing"),
        t!("progress-depth-co-constructing"),
    ]
}

/// "Last 30 days".
pub fn last_days(days: u32) -> String {
    t!("progress-last-days", days = days)
}

/// "30 days before".
pub fn days_before(days: u32) -> String {
    t!("progress-days-before", days = days)
}

/// "3 of 20", with the percentage when there is one: "9 of 20 (45%)".
pub fn k_of_n(count: u64, of: u64, percent: Option<i64>) -> String {
    let (count, of) = (count.to_string(), of.to_string());
    match percent {
        Some(p) => t!(
            "progress-k-of-n-percent",
            count = count,
            of = of,
            percent = p.to_string()
        ),
        None => t!("progress-k-of-n", count = count, of = of),
    }
}

/// The change between windows, in percentage points: "↑ +12 pts".
pub fn points(arrow: &str, points: i64) -> String {
    t!(
        "progress-points",
        arrow = arrow,
        points = format!("{points:+}")
    )
}

/// The caption of the measures table: what reach counts over.
pub fn measures_caption(network: &str) -> String {
    t!("progress-caption", network = network)
}

/// The caption of the `--by` sparklines (`period`: `week`, `month` or `quarter`).
pub fn trends_caption(period: &str, first: &str, last: &str) -> String {
    t!(
        "progress-trends",
        period = period,
        first = first,
        last = last
    )
}

/// Nothing matched the filters.
pub fn nothing_matches(read: u64) -> String {
    t!("progress-nothing-matches", read = read.to_string())
}

/// "Reached School" (a cohort column).
pub fn reached_column(level: &str) -> String {
    t!("cohort-reached-column", level = level)
}

/// The cohort's first line.
pub fn cohort_title(participants: u64, span: Option<(String, String)>) -> String {
    match span {
        Some((first, last)) => t!(
            "cohort-title-span",
            count = participants,
            first = first,
            last = last
        ),
        None => t!("cohort-title-empty", count = participants),
    }
}

/// What the cohort's "Reached" columns count.
pub fn cohort_reached(participants: u64) -> String {
    t!("cohort-reached", count = participants)
}

/// The cohort's overall network reach.
pub fn cohort_reach(fraction: &str, network: &str) -> String {
    t!("cohort-reach", fraction = fraction, network = network)
}

/// `reflect progress --explain`: every column and measure in two plain sentences.
/// `names` are the ladder's names, `depths` the depth ladder's.
pub fn explain(names: &[String; 3], depths: &[String; 4], days: u32) -> String {
    let [school, network, system] = names.clone();
    let sharing = depths[2].clone();
    let items: [(String, String); 16] = [
        (
            t!("progress-explain-theme-name"),
            t!("progress-explain-theme"),
        ),
        (
            t!(
                "progress-explain-levels-name",
                school = school.clone(),
                network = network.clone(),
                system = system
            ),
            t!("progress-explain-levels"),
        ),
        (
            t!("progress-explain-idea-name"),
            t!("progress-explain-idea"),
        ),
        (
            t!("progress-explain-unrated-name"),
            t!("progress-explain-unrated"),
        ),
        (
            t!("progress-explain-total-name"),
            t!("progress-explain-total"),
        ),
        (
            t!("progress-explain-last5-name"),
            t!("progress-explain-last5"),
        ),
        (
            t!("progress-explain-rated-name"),
            t!("progress-explain-rated"),
        ),
        (
            t!("progress-explain-reach-name"),
            t!("progress-explain-reach", network = network.clone()),
        ),
        (
            t!("progress-explain-brought-in-name"),
            t!("progress-explain-brought-in", school = school),
        ),
        (
            t!("progress-explain-collaborative-name"),
            t!(
                "progress-explain-collaborative",
                network = network,
                sharing = sharing
            ),
        ),
        (
            t!("progress-explain-transfers-name"),
            t!("progress-explain-transfers"),
        ),
        (
            t!(
                "progress-explain-windows-name",
                whole = label::whole(),
                last = last_days(days),
                before = days_before(days)
            ),
            t!("progress-explain-windows", days = days),
        ),
        (
            t!("progress-explain-percent-name"),
            t!("progress-explain-percent"),
        ),
        (
            t!("progress-explain-grid-name"),
            t!("progress-explain-grid"),
        ),
        (t!("progress-explain-by-name"), t!("progress-explain-by")),
        (
            t!("progress-explain-prompts-name"),
            t!("progress-explain-prompts"),
        ),
    ];
    let mut text = t!("progress-explain-title");
    text.push('\n');
    for (name, sentences) in items {
        text.push('\n');
        text.push_str(&name);
        text.push('\n');
        text.push_str(&wrap(&sentences, explain_width(), "  "));
    }
    text
}

/// A number with at most one decimal, in this language's way: `2`, `2.5` (`2,5`).
pub fn decimal(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let text = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    };
    text.replace('.', &t!("cohort-decimal-separator"))
}

/// A whole percentage: "45%" ("45 %" in Spanish).
pub fn percent(percent: i64) -> String {
    t!("cohort-percent", percent = percent.to_string())
}

/// `--explain` is set two columns short of the prose width (78 off a terminal).
fn explain_width() -> usize {
    width::prose_columns(Stream::Stdout).saturating_sub(2)
}

/// Wraps `text` at `width` display columns, each line indented by `indent`, never
/// inside a word; each paragraph becomes one flowing block.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let flowing = text.split_whitespace().collect::<Vec<_>>().join(" ");
    width::wrap(&flowing, width, indent)
}
