//! Integration tests: prompt packs — the shipped packs, validation of bad packs,
//! loading and precedence, and the trainer tools (`reflect packs ...`).

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::TestEnv;

fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The small, complete pack in tests/fixtures/packs/small.toml (id `small`).
fn small_pack() -> String {
    fs::read_to_string(repo_path("tests/fixtures/packs/small.toml")).unwrap()
}

/// Every shipped pack: `prompts/*.toml`.
fn shipped_packs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(repo_path("prompts"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    files
}

/// `text` with `from` (which must occur exactly once) replaced by `to`.
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "'{from}' must occur once in the fixture"
    );
    text.replacen(from, to, 1)
}

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn run(env: &TestEnv, args: &[&str]) -> Run {
    let output = env.cmd().args(args).output().unwrap();
    for stream in [&output.stdout, &output.stderr] {
        assert!(
            !stream.contains(&0x1b) && !stream.contains(&0x07),
            "a raw control character reached the terminal: {}",
            String::from_utf8_lossy(stream).escape_debug()
        );
    }
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn every_shipped_pack_validates() {
    let env = TestEnv::new();
    let files = shipped_packs();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["ncsl-networks.toml", "redes-mejoramiento.toml"]);

    let mut args = vec!["packs", "validate"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    let out = env.ok(&args);
    for file in &files {
        let expected = format!("{}: ok (", file.display());
        assert!(out.contains(&expected), "{expected} not in:\n{out}");
    }
    assert_eq!(out.lines().count(), files.len(), "{out}");
}

/// The shipped packs read with a second, independent TOML reader (`toml_edit`),
/// checked for the structure the schema requires, and compared with what reflect
/// itself reports for them.
#[test]
fn shipped_packs_parse_with_a_second_toml_reader() {
    let env = TestEnv::new();
    let listing = env.ok(&["packs", "list"]);
    for file in shipped_packs() {
        let text = fs::read_to_string(&file).unwrap();
        let doc: toml_edit::DocumentMut = text
            .parse()
            .unwrap_or_else(|err| panic!("{}: {err}", file.display()));
        assert_eq!(doc["format"].as_integer(), Some(1));

        let pack = doc["pack"].as_table().expect("[pack]");
        for key in ["id", "name", "version", "language", "description", "source"] {
            let value = pack.get(key).and_then(|v| v.as_str()).unwrap_or_default();
            assert!(!value.trim().is_empty(), "{}: [pack] {key}", file.display());
        }
        let id = pack["id"].as_str().unwrap();
        assert_eq!(Some(id), file.file_stem().and_then(|s| s.to_str()));

        let themes = doc["themes"].as_array_of_tables().expect("[[themes]]");
        let theme_ids: Vec<&str> = themes.iter().map(|t| t["id"].as_str().unwrap()).collect();
        let prompts = doc["prompts"].as_array_of_tables().expect("[[prompts]]");
        let mut prompt_ids: Vec<&str> = Vec::new();
        for prompt in prompts {
            let prompt_id = prompt["id"].as_str().unwrap();
            assert!(
                !prompt_ids.contains(&prompt_id),
                "duplicate prompt {prompt_id}"
            );
            prompt_ids.push(prompt_id);
            let theme = prompt["theme"].as_str().unwrap();
            assert!(theme_ids.contains(&theme), "{prompt_id}: theme {theme}");
            assert!(!prompt["question"].as_str().unwrap().trim().is_empty());
        }
        for theme in themes {
            let theme_id = theme["id"].as_str().unwrap();
            assert!(!theme["title"].as_str().unwrap().trim().is_empty());
            let count = prompts
                .iter()
                .filter(|p| p["theme"].as_str() == Some(theme_id))
                .count();
            assert!(count >= 2, "{id}: theme {theme_id} has {count} prompts");
        }

        match id {
            "ncsl-networks" => {
                assert_eq!(pack["language"].as_str(), Some("en"));
                assert_eq!(themes.len(), 8, "the eight NCSL themes");
            }
            "redes-mejoramiento" => {
                assert!(pack["language"].as_str().unwrap().starts_with("es"));
                let levels = doc["levels"].as_array_of_tables().expect("[[levels]]");
                let level_ids: Vec<&str> =
                    levels.iter().map(|l| l["id"].as_str().unwrap()).collect();
                assert_eq!(level_ids, ["escuela", "red", "territorio"]);
            }
            other => panic!("unexpected shipped pack {other}"),
        }

        // Both readers agree on the counts, and every prompt shows up in `packs show`.
        let row = format!(
            "{id}\t{}\t{}\t{}\t{}\tbuilt in ({})\t{}",
            pack["version"].as_str().unwrap(),
            pack["language"].as_str().unwrap(),
            themes.len(),
            prompts.len(),
            file.file_name().unwrap().to_string_lossy(),
            pack["name"].as_str().unwrap()
        );
        assert!(
            listing.lines().any(|line| line == row),
            "{row} not in:\n{listing}"
        );
        let shown = env.ok(&["packs", "show", id]);
        for prompt_id in prompt_ids {
            assert!(
                shown.contains(&format!("Prompt {prompt_id}")),
                "{prompt_id}"
            );
        }
    }
}

/// The prompt ids of version 1.0.0 of the shipped packs. Journal entries store them, so
/// every later version keeps them, whatever it does to the wording.
const PROMPT_IDS_1_0_0: &[(&str, &[&str])] = &[
    (
        "ncsl-networks",
        &[
            "relationships-shared-values",
            "relationships-ladder",
            "relationships-other-pressures",
            "relationships-adapting-practice",
            "exchange-distributed",
            "exchange-ladder",
            "exchange-hardest-problem",
            "exchange-fresh-eyes",
            "learning-community",
            "learning-ladder",
            "learning-offer",
            "learning-joint-enquiry",
            "innovation-capacity",
            "innovation-ladder",
            "innovation-when-it-fails",
            "innovation-stalled",
            "agencies-extend-influence",
            "agencies-ladder",
            "agencies-other-perspective",
            "agencies-translation",
            "support-sustainability",
            "support-ladder",
            "support-carrying-alone",
            "support-who-decides",
            "development-modelling",
            "development-ladder",
            "development-next-leader",
            "development-own-learning",
            "transformation-voice",
            "transformation-ladder",
            "transformation-competition",
            "transformation-unused-capacity",
        ],
    ),
    (
        "redes-mejoramiento",
        &[
            "proposito-para-que",
            "proposito-escalera",
            "proposito-pme",
            "colaboracion-a-quien-sirve",
            "colaboracion-competencia",
            "colaboracion-escalera",
            "liderazgo-quien-decide",
            "liderazgo-entre-escuelas",
            "liderazgo-escalera",
            "organizar-punto-debil",
            "organizar-acuerdos",
            "organizar-proximo-paso",
            "condiciones-lo-que-no-se-dice",
            "condiciones-reciprocidad",
            "condiciones-escalera",
            "transferencia-en-la-escuela",
            "transferencia-escalera",
            "transferencia-obstaculo",
            "transferencia-territorio",
            "tipos-informar-o-trabajar",
            "tipos-agenda",
            "tipos-primer-cambio",
            "etapas-donde-estamos",
            "etapas-que-cambio",
            "etapas-senal",
            "etapas-apoyo-territorio",
        ],
    ),
];

/// The level of practice is the leader's answer to every entry, so the shipped packs
/// neither suggest one nor ask it: no prompt has a `level`, and no question names all
/// three rungs ("in your school, the network or the wider system?"). Old prompt ids
/// stay, so entries written with an earlier version still find their question.
#[test]
fn shipped_prompts_keep_their_ids_and_leave_the_level_to_the_leader() {
    let words = |text: &str| -> Vec<String> {
        text.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    for file in shipped_packs() {
        let doc: toml_edit::DocumentMut = fs::read_to_string(&file).unwrap().parse().unwrap();
        let id = doc["pack"]["id"].as_str().unwrap();
        let prompts = doc["prompts"].as_array_of_tables().unwrap();
        let ids: Vec<&str> = prompts.iter().map(|p| p["id"].as_str().unwrap()).collect();
        let (_, old) = PROMPT_IDS_1_0_0
            .iter()
            .find(|(pack, _)| *pack == id)
            .unwrap();
        for old_id in *old {
            assert!(ids.contains(old_id), "{id}: prompt {old_id} was dropped");
        }
        assert!(ids.len() > old.len(), "{id}: no prompt added since 1.0.0");

        // Each rung as the words a question would use for it: the canonical name, the
        // pack's id and name for it, and their plurals.
        let levels = doc["levels"].as_array_of_tables().unwrap();
        let rungs: Vec<Vec<String>> = ["school", "network", "system"]
            .iter()
            .zip(levels.iter())
            .map(|(canonical, level)| {
                let mut names = vec![canonical.to_string()];
                names.extend(words(level["id"].as_str().unwrap()));
                names.extend(words(level["name"].as_str().unwrap()));
                let plurals: Vec<String> = names.iter().map(|n| format!("{n}s")).collect();
                names.extend(plurals);
                names
            })
            .collect();
        for prompt in prompts {
            let prompt_id = prompt["id"].as_str().unwrap();
            assert!(
                prompt.get("level").is_none(),
                "{id}/{prompt_id} suggests a level"
            );
            let question = words(prompt["question"].as_str().unwrap());
            let named = rungs
                .iter()
                .filter(|names| question.iter().any(|w| names.contains(w)))
                .count();
            assert!(
                named < 3,
                "{id}/{prompt_id} asks which rung the work sat on"
            );
        }
    }
}

/// The Spanish pack names its rungs as a Chilean school leader does, keeps the id
/// `escuela` for the first, and tells where an RME meeting with the sostenedor sits.
#[test]
fn the_spanish_pack_speaks_of_establecimientos() {
    let env = TestEnv::new();
    let shown = env.ok(&["packs", "show", "redes-mejoramiento"]);
    let level_line = |id: &str| {
        shown
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("no level {id} in:\n{shown}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(
        level_line("escuela").starts_with("escuela Establecimiento Dentro de mi establecimiento")
    );
    assert!(level_line("red").starts_with(
        "red Red Con directivos y docentes de otros establecimientos de la red: reuniones, visitas, pasantías."
    ));
    assert!(level_line("red").contains("Una reunión de la RME es Red aunque asistan el sostenedor"));
    assert!(level_line("territorio").starts_with(
        "territorio Territorio Más allá de la red: sostenedor (DAEM/DEM, corporación municipal o SLEP), supervisión del Mineduc (Deprov), otros servicios"
    ));
    // Its prose unwrapped: lines joined, without the `> ` that marks a question.
    let prose = shown
        .lines()
        .map(|line| line.trim().trim_start_matches("> "))
        .collect::<Vec<_>>()
        .join(" ");
    for phrase in [
        "familias y apoderados",
        "jefas/es de UTP",
        "objetivos estratégicos de tu PME",
    ] {
        assert!(prose.contains(phrase), "{phrase}");
    }
    assert!(!shown.contains("coordinador"), "{shown}");

    // The label is typed like the id: both store the canonical rung.
    for word in ["establecimiento", "escuela"] {
        env.write(
            "Visita al aula con la jefa de UTP.",
            &[
                "--prompt",
                "redes-mejoramiento/proposito-pme",
                "--level",
                word,
            ],
        );
    }
    let lines = env.journal_lines();
    assert_eq!(lines.len(), 2);
    for line in lines {
        assert!(line.contains(r#""level":"school""#), "{line}");
    }
}

/// One bad pack per validation rule: (name, file contents, expected `LINE:COLUMN`,
/// part of the message).
fn bad_packs() -> Vec<(&'static str, Vec<u8>, &'static str, &'static str)> {
    let base = small_pack();
    let text = |from: &str, to: &str| replace_once(&base, from, to).into_bytes();
    let third_level = "\n[[levels]]\nid = \"territorio\"\nname = \"Territorio\"\n";
    // Four depths after the last line (52) of the fixture: [[depths]] on 54, 58, 62, 66.
    let depths = (1..=4)
        .map(|n| format!("\n[[depths]]\nid = \"d{n}\"\nname = \"D{n}\"\n"))
        .collect::<String>();
    let mut too_large = base.clone().into_bytes();
    too_large.extend(format!("# {}\n", "x".repeat(4 << 20)).into_bytes());
    let mut not_utf8 = base.clone().into_bytes();
    let at = base.find("purpose\"\n\n[[prompts]]").unwrap();
    assert!(base[..at].ends_with("Shared "));
    not_utf8[at + 4] = 0xff; // "Shared purp\xffose"
    vec![
        (
            "format-unsupported",
            text("format = 1", "format = 7"),
            "2:10",
            "unsupported pack format 7",
        ),
        (
            "format-not-a-number",
            text("format = 1", "format = \"1\""),
            "2:10",
            "`format` must be the number 1",
        ),
        (
            "format-missing",
            text("format = 1\n", ""),
            "1:1",
            "missing `format = 1`",
        ),
        (
            "unknown-key",
            text("author = ", "authors = "),
            "11:1",
            "unknown key `authors`",
        ),
        (
            "unknown-key-in-prompt",
            text("level = \"red\"", "levle = \"red\""),
            "41:1",
            "unknown key `levle`",
        ),
        (
            "unknown-table",
            format!("{base}\n[extra]\nx = 1\n").into_bytes(),
            "54:2",
            "unknown key `extra`",
        ),
        (
            "missing-required-key",
            text("version = \"2.1.0\"\n", ""),
            "4:1",
            "[pack] is missing the required key `version`",
        ),
        (
            "empty-name",
            text("name = \"A small pack\"", "name = \"   \""),
            "6:8",
            "`name` is empty",
        ),
        (
            "bad-language",
            text("\"es-CL\"", "\"Spanish (Chile)\""),
            "8:12",
            "is not a language tag",
        ),
        (
            "bad-id",
            text("id = \"purpose\"", "id = \"Shared Purpose\""),
            "32:6",
            "'Shared Purpose' is not a valid id",
        ),
        (
            "duplicate-theme",
            text("id = \"purpose\"", "id = \"trust\""),
            "32:6",
            "duplicate theme id 'trust' (first defined on line 27)",
        ),
        (
            "duplicate-prompt",
            text("id = \"trust-second\"", "id = \"trust-first\""),
            "44:6",
            "duplicate prompt id 'trust-first' (first defined on line 36)",
        ),
        (
            "duplicate-level",
            text("id = \"red\"", "id = \"escuela\""),
            "19:6",
            "duplicate level id 'escuela' (first defined on line 14)",
        ),
        (
            "missing-theme",
            text("theme = \"purpose\"", "theme = \"purpos\""),
            "50:9",
            "no theme has the id 'purpos'",
        ),
        (
            "empty-question",
            text("\"What is the network for?\"", "\"\""),
            "51:12",
            "`question` is empty",
        ),
        (
            "duplicate-depth",
            format!("{base}{}", depths.replace("id = \"d2\"", "id = \"d1\"")).into_bytes(),
            "59:6",
            "duplicate depth id 'd1' (first defined on line 55)",
        ),
        (
            "depth-name-is-another-rung",
            format!("{base}{}", depths.replace("name = \"D4\"", "name = \"Sharing\"")).into_bytes(),
            "68:8",
            "depth name 'Sharing' would be ambiguous with --depth: it is the standard name of rung 3",
        ),
        (
            "empty-depths",
            format!("{base}\n[[depths]]\n").into_bytes(),
            "54:1",
            "a pack with [[depths]] must have exactly 4 of them",
        ),
        (
            "ambiguous-level-alias",
            text("description = \"Dentro de mi escuela.\"", "aliases = [\"liceo\", \"Réd\"]"),
            "19:6",
            "level id 'red' would be ambiguous with --level: it is already used for rung 1 (line 16)",
        ),
        ("two-levels", text(third_level, ""), "13:1", "exactly 3"),
        (
            "escape-sequence-question",
            text(
                "Whom do you trust in the network, and why?",
                "Whom do you \\u001b[2J\\u001b]0;pwned\\u0007trust?",
            ),
            "40:25",
            "control character (U+001B ESC)",
        ),
        (
            "escape-in-title",
            text("title = \"Trust\"", "title = \"\\e[31mTrust\""),
            "28:10",
            "U+001B ESC",
        ),
        (
            "bell-in-context",
            text("Trust grows slowly", "Trust grows\\u0007 slowly"),
            "39:12",
            "U+0007 BEL",
        ),
        (
            "c1-csi-in-summary",
            text("\"Trust between schools.\"", "\"Trust \\u009b31m\""),
            "29:18",
            "U+009B CSI",
        ),
        (
            "carriage-return",
            text("\"Test Author\"", "\"Test\\rAuthor\""),
            "11:10",
            "U+000D CR",
        ),
        (
            "bidi-override",
            text("A small pack", "A small \u{202E}kcap"),
            "6:17",
            "bidirectional-text override (U+202E)",
        ),
        (
            "raw-escape-byte",
            text("A small pack", "A small \u{1b}[2J pack"),
            "6:17",
            "control character (U+001B ESC)",
        ),
        (
            "toml-syntax",
            text("version = \"2.1.0\"", "version = \"2.1.0"),
            "7:",
            "",
        ),
        ("not-utf8", not_utf8, "33:21", "not valid UTF-8"),
        ("too-large", too_large, "1:1", "too large"),
    ]
}

#[test]
fn every_bad_pack_gets_its_file_line_and_column() {
    let env = TestEnv::new();
    for (name, contents, position, message) in bad_packs() {
        let file = format!("bad/{name}.toml");
        env.file(&file, &contents);
        let expected = format!("{file}:{position}");

        let validated = run(&env, &["packs", "validate", &file]);
        assert_eq!(validated.status, 1, "{name}: {}", validated.stdout);
        let line = validated
            .stdout
            .lines()
            .find(|line| line.starts_with(&expected))
            .unwrap_or_else(|| {
                panic!(
                    "{name}: no line starts with {expected}:\n{}",
                    validated.stdout
                )
            });
        assert!(line.contains(message), "{name}: '{message}' not in {line}");
        assert!(
            !validated.stdout.contains('\u{202E}'),
            "{name}: raw bidi override shown"
        );

        // The same file given with --pack is a hard error naming the same place.
        let loaded = run(&env, &["--pack", &file, "prompt"]);
        assert_ne!(loaded.status, 0, "{name}");
        assert!(
            loaded.stderr.contains(&expected),
            "{name}: {expected} not in {}",
            loaded.stderr
        );
        assert!(loaded.stdout.is_empty(), "{name}");
    }
}

#[test]
fn all_problems_of_a_pack_are_reported_at_once() {
    let env = TestEnv::new();
    let text = replace_once(&small_pack(), "theme = \"purpose\"", "theme = \"nope\"");
    let text = replace_once(
        &text,
        "question = \"What broke trust the last time?\"",
        "question = \"\"",
    );
    // A prompt's suggested level is ignored now, whatever it says: a note, not a problem.
    let text = replace_once(&text, "level = \"red\"", "level = \"galaxy\"");
    env.file("several.toml", text);

    let validated = run(&env, &["packs", "validate", "several.toml"]);
    assert_eq!(validated.status, 1);

    let prefixes: Vec<&str> = validated
        .stdout
        .lines()
        .map(|l| l.split(": ").next().unwrap())
        .collect();
    assert_eq!(prefixes, ["several.toml:46:12", "several.toml:50:9"]);

    // With --pack: one line per problem, then the error; nothing runs.
    let loaded = run(&env, &["--pack", "several.toml", "prompt"]);
    assert_eq!(loaded.status, 1);
    let lines: Vec<&str> = loaded.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", loaded.stderr);
    assert!(lines[0].starts_with("several.toml:46:12: `question` is empty"));
    assert!(lines[2].starts_with("reflect: the pack several.toml has 2 problems"));
}

#[test]
fn validate_reports_each_file_and_fails_if_any_is_bad() {
    let env = TestEnv::new();
    env.file("good.toml", small_pack());
    env.file(
        "bad.toml",
        replace_once(&small_pack(), "format = 1", "format = 2"),
    );
    let result = run(
        &env,
        &["packs", "validate", "good.toml", "missing.toml", "bad.toml"],
    );
    assert_eq!(result.status, 1);
    let lines: Vec<&str> = result.stdout.lines().collect();
    assert_eq!(lines[0], "good.toml: ok (2 themes, 3 prompts)");
    // The fixture's prompts still suggest levels: read, ignored, and noted on stderr.
    assert!(
        result.stderr.starts_with(
            "good.toml:41:9: note: 2 prompts have a suggested `level` (the first is here); it is ignored"
        ),
        "{}",
        result.stderr
    );
    assert!(
        lines[1].starts_with("cannot read the pack missing.toml: "),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("bad.toml:2:10: unsupported pack format 2"));
}

#[test]
fn packs_show_is_readable() {
    let env = TestEnv::new();
    env.file("small.toml", small_pack());
    let shown = env.ok(&["--pack", "small.toml", "packs", "show", "small"]);
    insta::assert_snapshot!(shown);
    // Without an id: the --pack file is the pack in use.
    assert_eq!(env.ok(&["--pack", "small.toml", "packs", "show"]), shown);
}

#[test]
fn packs_show_names_the_default_pack_and_refuses_unknown_ids() {
    let env = TestEnv::new();
    let shown = env.ok(&["packs", "show"]);
    assert!(shown.contains("  id:       ncsl-networks\n"), "{shown}");
    let err = env.usage_error(&["packs", "show", "nope"]);
    assert!(
        err.contains(
            "no loaded pack has the id 'nope' (loaded: ncsl-networks, redes-mejoramiento)"
        ),
        "{err}"
    );
}

#[test]
fn packs_new_writes_a_scaffold_that_validates() {
    let env = TestEnv::new();
    let to_stdout = env.ok(&["packs", "new", "--id", "trainer-pack", "--language", "es"]);
    assert!(to_stdout.contains("id = \"trainer-pack\""));
    assert!(to_stdout.contains("language = \"es\""));

    let result = run(
        &env,
        &[
            "packs",
            "new",
            "--output",
            "new.toml",
            "--id",
            "trainer-pack",
            "--language",
            "es",
        ],
    );
    assert_eq!(result.status, 0, "{}", result.stderr);
    assert!(
        result.stderr.contains("reflect packs validate new.toml"),
        "{}",
        result.stderr
    );
    assert_eq!(
        fs::read_to_string(env.root().join("new.toml")).unwrap(),
        to_stdout
    );
    assert_eq!(
        env.ok(&["packs", "validate", "new.toml"]),
        "new.toml: ok (1 theme, 2 prompts)\n"
    );

    // Every key of the schema is explained in a comment: `# key (required): ...`
    // before it, or in the `#   key  ...` list of a table.
    let comments: Vec<&str> = to_stdout.lines().filter(|l| l.starts_with('#')).collect();
    for key in [
        "format",
        "id",
        "name",
        "version",
        "language",
        "description",
        "source",
        "author",
        "title",
        "summary",
        "theme",
        "question",
        "context",
        "level",
        "aliases",
    ] {
        let explained = comments
            .iter()
            .any(|l| l.starts_with(&format!("# {key} (")) || l.starts_with(&format!("#   {key} ")));
        assert!(explained, "`{key}` is not explained in the scaffold");
    }
    assert!(comments.iter().any(|l| l.contains("[[levels]]")));
    assert!(comments.iter().any(|l| l.contains("[[depths]]")));
}

#[test]
fn packs_new_never_overwrites_and_checks_its_arguments() {
    let env = TestEnv::new();
    let existing = env.file("mine.toml", "precious");
    let err = env.fails(&["packs", "new", "--output", "mine.toml"]);
    assert!(err.contains("mine.toml already exists"), "{err}");
    assert_eq!(fs::read_to_string(existing).unwrap(), "precious");

    let err = env.usage_error(&["packs", "new", "--id", "Not An Id"]);
    assert!(
        err.contains("--id 'Not An Id' is not a valid pack id"),
        "{err}"
    );
    let err = env.usage_error(&["packs", "new", "--language", "english please"]);
    assert!(err.contains("is not a language tag"), "{err}");
}

#[test]
fn an_installed_pack_is_listed_and_used() {
    let env = TestEnv::new();
    env.ok(&["packs", "new", "--output", "course.toml", "--id", "course"]);
    let installed_at = env.packs_dir().join("course.toml");

    let result = run(&env, &["packs", "install", "course.toml"]);
    assert_eq!(result.status, 0, "{}", result.stderr);
    assert_eq!(result.stdout.trim(), installed_at.display().to_string());
    assert!(
        result
            .stderr
            .contains("installed the pack 'course' (version 0.1.0)"),
        "{}",
        result.stderr
    );
    assert_eq!(
        fs::read(&installed_at).unwrap(),
        fs::read(env.root().join("course.toml")).unwrap()
    );

    let listing = env.ok(&["packs", "list"]);
    let expected = format!(
        "course\t0.1.0\ten\t1\t2\t{}\tMy reflection prompts",
        installed_at.display()
    );
    assert!(
        listing.lines().any(|line| line == expected),
        "{expected} not in:\n{listing}"
    );
    assert!(
        listing.starts_with("ncsl-networks\t"),
        "the built-in default stays first:\n{listing}"
    );

    // Its prompts can be answered and suggested by id.
    let prompt = env.ok(&["--pack", "course", "prompt"]);
    assert!(
        prompt.ends_with("reflect write --prompt course/collaboration-last-exchange\n"),
        "{prompt}"
    );
}

#[test]
fn install_refuses_to_replace_without_force() {
    let env = TestEnv::new();
    env.file("small.toml", small_pack());
    env.ok(&["packs", "install", "small.toml"]);

    env.file(
        "newer.toml",
        replace_once(&small_pack(), "version = \"2.1.0\"", "version = \"2.2.0\""),
    );
    let err = env.fails(&["packs", "install", "newer.toml"]);
    assert!(
        err.contains("a pack with the id 'small' is already installed"),
        "{err}"
    );
    assert!(err.contains("--force"), "{err}");
    assert!(env.ok(&["packs", "list"]).contains("small\t2.1.0\t"));

    env.ok(&["packs", "install", "newer.toml", "--force"]);
    assert!(env.ok(&["packs", "list"]).contains("small\t2.2.0\t"));
    let files: Vec<_> = fs::read_dir(env.packs_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(files, ["small.toml"], "no temp files are left behind");
}

#[test]
fn install_refuses_an_invalid_pack() {
    let env = TestEnv::new();
    env.file(
        "bad.toml",
        replace_once(&small_pack(), "theme = \"purpose\"", "theme = \"nope\""),
    );
    let result = run(&env, &["packs", "install", "bad.toml"]);
    assert_eq!(result.status, 1);
    assert!(
        result
            .stderr
            .contains("bad.toml:50:9: no theme has the id 'nope'"),
        "{}",
        result.stderr
    );
    assert!(
        result
            .stderr
            .contains("reflect: bad.toml was not installed"),
        "{}",
        result.stderr
    );
    assert!(!env.packs_dir().join("small.toml").exists());
}

#[test]
fn a_broken_pack_in_the_folder_leaves_the_others_usable() {
    let env = TestEnv::new();
    fs::create_dir_all(env.packs_dir()).unwrap();
    let broken = env.packs_dir().join("broken.toml");
    fs::write(
        &broken,
        replace_once(
            &small_pack(),
            "id = \"small\"",
            "id = \"broken\"\nname2 = 1",
        ),
    )
    .unwrap();
    fs::write(env.packs_dir().join("small.toml"), small_pack()).unwrap();
    fs::write(env.packs_dir().join("notes.txt"), "not a pack").unwrap();

    let listed = run(&env, &["packs", "list"]);
    assert_eq!(listed.status, 0, "{}", listed.stderr);
    let warning = format!(
        "reflect: warning: {}:6:1: unknown key `name2`",
        broken.display()
    );
    assert!(
        listed.stderr.contains(&warning),
        "{warning} not in {}",
        listed.stderr
    );
    assert!(listed.stderr.contains("skipped this pack"));
    let ids: Vec<&str> = listed
        .stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(ids, ["ncsl-networks", "redes-mejoramiento", "small"]);

    let prompt = run(&env, &["prompt"]);
    assert_eq!(prompt.status, 0);
    assert!(prompt
        .stdout
        .contains("reflect write --prompt ncsl-networks/"));
    assert!(prompt.stderr.contains("broken.toml:6:1"));

    let id = env.write("Trust is built slowly.", &["--prompt", "small/trust-first"]);
    assert!(!id.is_empty());
}

#[test]
fn two_installed_packs_with_one_id_warn_and_the_first_wins() {
    let env = TestEnv::new();
    fs::create_dir_all(env.packs_dir()).unwrap();
    fs::write(env.packs_dir().join("a.toml"), small_pack()).unwrap();
    fs::write(
        env.packs_dir().join("b.toml"),
        replace_once(&small_pack(), "2.1.0", "9.0.0"),
    )
    .unwrap();
    let listed = run(&env, &["packs", "list"]);
    assert_eq!(listed.status, 0);
    assert!(
        listed.stdout.contains("small\t2.1.0\t"),
        "{}",
        listed.stdout
    );
    let a = env.packs_dir().join("a.toml");
    let b = env.packs_dir().join("b.toml");
    let warning = format!(
        "{}: the pack id 'small' is also used by {}; using that one",
        b.display(),
        a.display()
    );
    assert!(listed.stderr.contains(&warning), "{}", listed.stderr);
}

#[test]
fn a_pack_file_beats_an_installed_pack_which_beats_a_built_in_one() {
    let env = TestEnv::new();
    // A trainer's newer version of the built-in default, installed.
    let builtin = fs::read_to_string(repo_path("prompts/ncsl-networks.toml")).unwrap();
    let newer = builtin.replacen("version = \"", "version = \"9.", 1);
    fs::create_dir_all(env.packs_dir()).unwrap();
    fs::write(env.packs_dir().join("ncsl-networks.toml"), &newer).unwrap();
    fs::write(env.packs_dir().join("small.toml"), small_pack()).unwrap();

    let listing = env.ok(&["packs", "list"]);
    let first = listing.lines().next().unwrap();
    assert!(
        first.starts_with("ncsl-networks\t9."),
        "the newer version is the default:\n{listing}"
    );
    assert!(first.ends_with(&format!(
        "{}\tLeading networks, leading the system",
        env.packs_dir().join("ncsl-networks.toml").display()
    )));
    assert_eq!(listing.matches("ncsl-networks\t").count(), 1);

    // A --pack file with the id of an installed pack replaces it, and is the default.
    env.file(
        "small-v3.toml",
        replace_once(&small_pack(), "2.1.0", "3.0.0"),
    );
    let listing = env.ok(&["--pack", "small-v3.toml", "packs", "list"]);
    assert!(
        listing.contains("small\t3.0.0\tes-CL\t2\t3\tsmall-v3.toml (--pack)\tA small pack\n"),
        "{listing}"
    );
    assert!(!listing.contains("small\t2.1.0"));
    let shown = env.ok(&["--pack", "small-v3.toml", "packs", "show"]);
    assert!(shown.contains("  version:  3.0.0\n"), "{shown}");
}

#[test]
fn the_config_file_chooses_the_default_pack() {
    let env = TestEnv::new();
    env.file(
        "config/config.toml",
        "default_pack = \"redes-mejoramiento\"\n",
    );
    let listing = env.ok(&["packs", "list"]);
    assert!(listing.starts_with("redes-mejoramiento\t"), "{listing}");
    assert!(env
        .ok(&["prompt"])
        .contains("reflect write --prompt redes-mejoramiento/"));

    env.file("config/config.toml", "default_pack = \"gone\"\n");
    let result = run(&env, &["prompt"]);
    assert_eq!(result.status, 0);
    assert!(
        result.stderr.contains(
            "the config file's default_pack 'gone' is not a loaded pack; using 'ncsl-networks'"
        ),
        "{}",
        result.stderr
    );
    assert!(result
        .stdout
        .contains("reflect write --prompt ncsl-networks/"));
}

/// The complete example in docs/prompt-packs.md is a valid pack, and so is what the
/// docs say about it.
#[test]
fn the_documented_example_pack_validates() {
    let docs = fs::read_to_string(repo_path("docs/prompt-packs.md")).unwrap();
    let mut example = None;
    let mut in_toml = false;
    for event in pulldown_cmark::Parser::new(&docs) {
        use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang)))
                if &*lang == "toml" && example.is_none() =>
            {
                in_toml = true;
                example = Some(String::new());
            }
            Event::Text(text) if in_toml => example.as_mut().unwrap().push_str(&text),
            Event::End(TagEnd::CodeBlock) => in_toml = false,
            _ => {}
        }
    }
    let env = TestEnv::new();
    env.file("example.toml", example.expect("a ```toml block"));
    assert_eq!(
        env.ok(&["packs", "validate", "example.toml"]),
        "example.toml: ok (2 themes, 2 prompts)\n"
    );
    let shown = env.ok(&["--pack", "example.toml", "packs", "show"]);
    assert!(shown.contains("Prompt purpose-in-own-words\n"), "{shown}");
    assert!(
        shown.contains("  co-constructing  We built it together (also: co-built)"),
        "{shown}"
    );
}
