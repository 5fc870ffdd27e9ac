//! Every sentence of the progress views a person reads, in one place, so that the
//! move to the message catalogue is one sweep. `{level}`-style names in the
//! comments are the arguments each message will take there.

/// Headers and row labels of the tables.
pub mod label {
    pub const THEME: &str = "Theme";
    pub const IDEA: &str = "Idea";
    pub const UNRATED: &str = "Unrated";
    pub const TOTAL: &str = "Total";
    pub const LAST5: &str = "Last 5";
    pub const FREE: &str = "Free entries (no prompt)";
    pub const ALL: &str = "All entries";
    pub const MEASURE: &str = "Measure";
    pub const WHOLE: &str = "Whole period";
    pub const CHANGE: &str = "Change";
    pub const RATED: &str = "Rated entries";
    pub const IDEAS: &str = "Ideas (not practice yet)";
    pub const UNRATED_ENTRIES: &str = "Unrated entries";
    pub const REACH: &str = "Network reach";
    pub const BROUGHT_IN: &str = "Learning brought into the school";
    pub const COLLABORATIVE: &str = "Collaborative reach";
    pub const WITHOUT_DEPTH: &str = "Entries without a depth";
    pub const TRANSFERS: &str = "Transfers";
    /// A row of the measures table per direction: "Transfer Network -> School".
    pub const TRANSFER: &str = "Transfer";
    pub const NONE: &str = "none";
    pub const PERIOD: &str = "Period";
    /// The short headers of the table by period.
    pub const PERIOD_REACH: &str = "Network reach";
    pub const PERIOD_BROUGHT_IN: &str = "Into school";
    pub const PERIOD_COLLABORATIVE: &str = "Collab. reach";
    pub const LEVEL: &str = "Level";
    pub const NO_DEPTH: &str = "No depth";
    pub const NETWORK_OR_ABOVE: &str = "At network or above";
    pub const SHARING_OR_DEEPER: &str = "Sharing or deeper";
}

/// "last 30 days" / "last 1 day".
pub fn last_days(days: u32) -> String {
    if days == 1 {
        "Last day".to_string()
    } else {
        format!("Last {days} days")
    }
}

/// "30 days before".
pub fn days_before(days: u32) -> String {
    if days == 1 {
        "The day before".to_string()
    } else {
        format!("{days} days before")
    }
}

/// "3 of 20", with the percentage when there is one: "9 of 20 (45%)".
pub fn k_of_n(count: u64, of: u64, percent: Option<i64>) -> String {
    match percent {
        Some(p) => format!("{count} of {of} ({p}%)"),
        None => format!("{count} of {of}"),
    }
}

/// The change between windows, in percentage points.
pub fn points(arrow: &str, points: i64) -> String {
    format!("{arrow} {points:+} pts")
}

/// The caption of the measures table: what reach counts over.
pub fn measures_caption(network: &str) -> String {
    format!(
        "Network reach counts rated entries at {network} level or above. Percentages and changes appear only over at least 10 entries."
    )
}

/// The footer of every table.
pub const FOOTER: &str = "What every column and measure means: reflect progress --explain";

/// The caption of the `--by` sparklines.
pub fn trends_caption(period: &str, first: &str, last: &str) -> String {
    format!("Trends, one mark per {period}, {first} to {last} (counts of entries):")
}

pub const TREND_RATED: &str = "Rated entries";
pub const TREND_REACH: &str = "At network or above";
pub const TREND_BROUGHT_IN: &str = "Learning brought into the school";
pub const TREND_COLLABORATIVE: &str = "Network or above, sharing or deeper";
pub const TREND_TRANSFERS: &str = "Transfers";

pub const NO_ENTRIES: &str =
    "No entries yet — write one with `reflect write` (or `reflect write -m TEXT`), then come back here.";

/// Nothing matched the filters.
pub fn nothing_matches(read: u64) -> String {
    format!("No entries match these filters ({read} in the journal) — try fewer filters.")
}

/// `reflect progress --explain`: every column and measure in two plain sentences.
/// `names` are the ladder's names, `depths` the depth ladder's.
pub fn explain(names: &[String; 3], depths: &[String; 4], days: u32) -> String {
    let [school, network, system] = names;
    let [_, _, sharing, _] = depths;
    let items: [(&str, String); 16] = [
        (
            "Theme",
            "One row per theme of the packs in view, including themes you have not written about yet. Entries of a pack or theme no longer installed are still counted, under their stored ids.".into(),
        ),
        (
            &format!("{school}, {network}, {system}"),
            "How many entries you placed at each level: inside your own school, with partner schools in the network, and in the wider system. Each column says where the practice happened, not how well it went.".into(),
        ),
        (
            "Idea",
            "Entries you marked as not practice yet: a plan or an idea. They are counted apart and enter no measure, so planning never looks like practice.".into(),
        ),
        (
            "Unrated",
            "Entries without a level, because nobody guesses it for you. Rate them with `reflect rate` or `reflect edit ID --level LEVEL`; until then they enter no measure.".into(),
        ),
        (
            "Total",
            "Every entry of the row: rated, ideas and unrated. It is the sum of the columns before it.".into(),
        ),
        (
            "Last 5",
            "The levels of the theme's last five rated entries, oldest first, by the day they are about and then by when you wrote them. It shows movement in both directions, and moving back into the school is as much a result as moving out.".into(),
        ),
        (
            "Rated entries",
            "Entries placed at a level, the ones the measures count. Ideas and unrated entries are left out of every measure.".into(),
        ),
        (
            "Network reach",
            format!("How many of your rated entries happened at {network} level or above, as \"k of n\". It describes where your practice took place, not how good it was."),
        ),
        (
            "Learning brought into the school",
            format!("{school} entries whose practice carried learning from the network, the system or the programme (recorded with --from). In the Chilean study of school networks, learning first took root in schools, so this is the first sign of transfer, and a success in its own right."),
        ),
        (
            "Collaborative reach",
            format!("Entries at {network} level or above whose joint work went as far as \"{sharing}\" or deeper, out of the rated entries that record a depth; entries without a depth are counted beside it. Deeper joint work is not always what a situation needs: read it as a description, not a target."),
        ),
        (
            "Transfers",
            "Rated entries that record where their learning came from, counted by direction (from → level). Every direction counts, including learning carried back into your school.".into(),
        ),
        (
            &format!("Whole period, {}, {}", last_days(days), days_before(days)),
            format!("Each measure is given for every entry counted, for the last {days} days (ending today or on --until) and for the {days} days before; --window changes the length. The Change column compares the two windows in percentage points, with an arrow showing only the direction."),
        ),
        (
            "k of n, percentages",
            "Each measure is shown as k of n entries. A percentage and a change appear only when there are at least 10 entries to count over, because below that one entry moves a percentage by ten points or more.".into(),
        ),
        (
            "--grid",
            "`reflect progress --grid` counts rated entries by level and depth of joint work, with a column for entries without a depth. It shows whether work beyond the school is mostly informing each other or building practice together.".into(),
        ),
        (
            "--by week|month|quarter",
            "The same measures for each period, with a one-line sparkline per measure on a terminal. The sparklines draw counts of entries, so a quiet month shows as low rather than as a percentage built on two entries.".into(),
        ),
        (
            "Prompts",
            "`reflect prompt` and `reflect write` suggest prompts in an order that mixes the themes, not the pack's order. So a trend over time follows your practice, not the order in which the pack lists its themes.".into(),
        ),
    ];
    let mut text = String::from("What reflect progress shows\n");
    for (name, sentences) in items {
        text.push('\n');
        text.push_str(name);
        text.push('\n');
        text.push_str(&wrap(&sentences, 78, "  "));
    }
    text
}

/// Wraps `text` at `width` columns, each line indented by `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::from(indent);
    for word in text.split_whitespace() {
        if line.len() > indent.len() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(indent);
        }
        if line.len() > indent.len() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if line.len() > indent.len() {
        out.push_str(&line);
        out.push('\n');
    }
    out
}
