//! Integration tests: the order of `reflect list` (issue 16, item 7): by the day an
//! entry is about, newest first, then by when it was written; `--sort written` for
//! the order in which entries were written.

use crate::util::{Record, TestEnv};

/// The ids `reflect list ARGS` prints, in order.
fn ids(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut full = vec!["list", "--format", "plain"];
    full.extend_from_slice(args);
    env.ok(&full)
        .lines()
        .map(|line| line.split('\t').next().unwrap().to_string())
        .collect()
}

/// Entries written in an order unlike their days: a back-dated one, two about the
/// same day written at different times (the later one first in the file), and one
/// moved to another day by a revision.
fn journal() -> TestEnv {
    let env = TestEnv::new();
    env.append_records(&[
        Record::add("nov20", "2026-11-20", "About the 20th."),
        Record::add("nov22b", "2026-11-22", "Written in the evening.")
            .written("2026-11-22T19:00:00+01:00"),
        Record::add("oct01", "2026-10-01", "Back-dated."),
        Record::add("nov22a", "2026-11-22", "Written in the morning.")
            .written("2026-11-22T08:00:00+01:00"),
        Record::add("moved", "2026-09-01", "Moved to the 21st."),
        Record::add("moved", "2026-11-21", "Moved to the 21st.")
            .edit("2026-11-23T08:30:00+01:00")
            .created("2026-09-01T10:00:00+01:00"),
    ]);
    env
}

#[test]
fn list_orders_by_day_newest_first_then_by_time_written() {
    let env = journal();
    assert_eq!(
        ids(&env, &[]),
        ["nov22b", "nov22a", "moved", "nov20", "oct01"]
    );
}

#[test]
fn a_limit_keeps_the_newest_days_and_filters_come_first() {
    let env = journal();
    assert_eq!(ids(&env, &["-n", "2"]), ["nov22b", "nov22a"]);
    assert_eq!(ids(&env, &["-n", "3"]), ["nov22b", "nov22a", "moved"]);
    assert_eq!(
        ids(&env, &["-n", "2", "--until", "2026-11-21"]),
        ["moved", "nov20"]
    );
    assert_eq!(ids(&env, &["-n", "0"]), Vec::<String>::new());
}

#[test]
fn sort_written_keeps_the_order_of_writing() {
    let env = journal();
    assert_eq!(
        ids(&env, &["--sort", "written"]),
        ["moved", "nov22a", "oct01", "nov22b", "nov20"]
    );
    assert_eq!(
        ids(&env, &["--sort", "written", "-n", "2"]),
        ["moved", "nov22a"]
    );
    env.usage_error(&["list", "--sort", "alphabetical"]);
}
