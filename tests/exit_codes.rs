//! Integration tests: the exit status table of `src/exit_codes.rs` and README.md.
//! 0 success, 1 an error (including a bad input file), 2 usage (including a flag
//! value that cannot be used).

use crate::util::TestEnv;

#[test]
fn flag_values_that_cannot_be_used_are_usage_errors() {
    let env = TestEnv::new();
    let id = env.write("The one entry.", &[]);
    let journal = env.journal_lines();
    let cases: [(&[&str], &str); 16] = [
        // clap's own parse errors.
        (&["list", "--format", "poster"], "invalid value 'poster'"),
        (&["write", "--loudly"], "unexpected argument '--loudly'"),
        // Values clap accepts as text but reflect cannot use.
        (
            &["list", "--since", "next blue moon"],
            "--since: cannot read the date",
        ),
        (
            &["list", "--until", "2026-02-30"],
            "--until: cannot read the date",
        ),
        (
            &["list", "--since", "2026-11-20", "--until", "2026-11-01"],
            "is after --until",
        ),
        (&["list", "--tag", "two words"], "two words"),
        (
            &["progress", "--level", "galaxy"],
            "--level: unknown level 'galaxy'",
        ),
        (
            &["--pack", "nope", "list"],
            "no loaded pack has the id 'nope'",
        ),
        (
            &["write", "-m", "x", "--date", "never"],
            "--date: cannot read the date",
        ),
        (
            &["write", "-m", "x", "--level", "galaxy"],
            "--level: unknown level",
        ),
        (&["write", "-m", "x", "--tag", "two words"], "--tag: "),
        (
            &["write", "-m", "x", "--theme", "no-such-theme"],
            "no-such-theme",
        ),
        (
            &["write", "-m", "x", "--prompt", "no-such-prompt"],
            "no-such-prompt",
        ),
        (
            &["edit", &id, "--level", "galaxy"],
            "--level: unknown level",
        ),
        (
            &["edit", &id, "--date", "never"],
            "--date: cannot read the date",
        ),
        (&["edit", &id, "--tag", "two words"], "--tag: "),
    ];
    for (args, message) in cases {
        let stderr = env.usage_error(args);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(stderr.starts_with("reflect: ") || stderr.starts_with("error: "));
    }
    assert_eq!(
        env.journal_lines(),
        journal,
        "nothing was written or revised"
    );
}

#[test]
fn bad_input_files_and_missing_things_are_errors() {
    let env = TestEnv::new();
    env.write("The one entry.", &[]);
    let broken_pack = env.file("broken.toml", "id = \"broken\"\nversion = 3\n");
    let broken_summary = env.file("summary.json", "{\"format\": \"nothing we know\"}");
    let not_an_export = env.file("export.json", "[1, 2, 3]");
    let cases: [&[&str]; 5] = [
        &["--pack", broken_pack.to_str().unwrap(), "list"],
        &["cohort", broken_summary.to_str().unwrap()],
        &["import", not_an_export.to_str().unwrap()],
        &["import", "no-such-file.json"],
        &["show", "zzzzzz"],
    ];
    for args in cases {
        let stderr = env.fails(args);
        assert!(stderr.starts_with("reflect: "), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    }
}

#[test]
fn a_clock_outside_the_years_of_dates_is_refused_before_anything_is_written() {
    let env = TestEnv::new();
    for now in ["0999-12-31T23:00:00+00:00", "not a moment"] {
        let output = env
            .cmd()
            .env("REFLECT_NOW", now)
            .args(["write", "-m", "Lost in time?"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{now}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with("reflect: REFLECT_NOW"), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    assert!(!env.journal_path().exists());
}
