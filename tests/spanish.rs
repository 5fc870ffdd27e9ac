//! Issue 13: a Chilean leader meets no English sentence of ours. Each test runs the
//! commands in Spanish and checks the words, and that English marker words are gone.

use crate::util::TestEnv;

/// Words of our English interface that must not appear in a Spanish session.
const ENGLISH_MARKERS: &[&str] = &[
    "Theme",
    "Question",
    "Saved",
    "saved",
    "entries",
    "Entry ",
    "Usage",
    "error:",
    "warning",
    "Write your",
    "Nothing",
    "Revised",
    "cannot",
    "Levels",
    "Depth",
    "Network reach",
    "Exported",
    "Free entr",
    "pack '",
    "No change",
];

/// Fails when `text` holds one of [`ENGLISH_MARKERS`].
pub fn assert_no_english(what: &str, text: &str) {
    for marker in ENGLISH_MARKERS {
        assert!(
            !text.contains(marker),
            "{what}: English {marker:?} in a Spanish session:\n{text}"
        );
    }
}

fn run_es(env: &TestEnv, args: &[&str]) -> (Option<i32>, String, String) {
    let output = env
        .cmd()
        .env("LANG", "es_CL.UTF-8")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn writing_on_a_terminal_speaks_spanish() {
    let env = TestEnv::new();
    let mut pty = env.pty_with_env(&["write"], &[("LANG", "es_CL.UTF-8")]);
    let offer = pty.expect("[q] salir: ");
    assert!(offer.contains("Tema: "), "{offer}");
    assert!(offer.contains("[Enter] responderla"), "{offer}");
    pty.send_line("");
    let asked = pty.expect("(Ctrl-C cancela).");
    assert!(asked.contains("Escribe tu entrada."), "{asked}");
    pty.send_line("Compartimos la pauta de acompañamiento con el equipo directivo.");
    pty.end_input();
    let level = pty.expect("Enter la deja sin ámbito: ");
    pty.send_line("red");
    let rest = pty.expect("Enter la salta: ");
    pty.send_line("");
    let rest2 = pty.expect("Enter la salta: ");
    pty.send_line("");
    assert_eq!(pty.finish(), 0);
    for seen in [&offer, &asked, &level, &rest, &rest2] {
        assert_no_english("write", seen);
    }
    let last = env.journal_lines().pop().unwrap();
    assert!(last.contains("\"level\":\"network\""), "{last}");
    assert!(last.contains("\"pack\":\"redes-mejoramiento\""), "{last}");
}

#[test]
fn edit_and_its_refusals_speak_spanish() {
    let env = TestEnv::new();
    let id = env.write("Visita del supervisor", &["--lang", "es"]);
    let (code, _, err) = run_es(&env, &["edit", &id, "-m", "Visita de la supervisora"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains(&format!("Entrada {id} (2026-11-23) revisada.")),
        "{err}"
    );
    let (code, _, err) = run_es(&env, &["edit", &id, "-m", "Visita de la supervisora"]);
    assert_eq!(code, Some(0));
    assert_eq!(err.trim(), format!("La entrada {id} no cambió."));
    let (code, _, err) = run_es(&env, &["edit", &id, "-m", "  "]);
    assert_eq!(code, Some(1));
    assert!(
        err.starts_with("Edición cancelada: el texto nuevo está vacío"),
        "{err}"
    );
    let (code, _, err) = run_es(&env, &["write", "-m", "  "]);
    assert_eq!(code, Some(1));
    assert_eq!(err.trim(), "No se escribió nada: la entrada está vacía.");
}

#[test]
fn errors_and_warnings_speak_spanish_and_quote_input_as_typed() {
    let env = TestEnv::new();
    let (code, _, err) = run_es(&env, &["write", "-m", "x", "--level", "nada"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("ámbito desconocido \"nada\""), "{err}");
    let (code, _, err) = run_es(&env, &["write", "-m", "x", "--tag", "#"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("una etiqueta no puede estar vacía"), "{err}");
    let journal = env.journal_path().display().to_string();
    env.write("Reunión con el sostenedor", &[]);
    let (code, _, err) = run_es(&env, &["export", "--output", &journal]);
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with(&format!(
            "reflect: la exportación no se escribió: no se escribe en {journal}: es el diario"
        )),
        "{err}"
    );
    env.append_raw("{not json\n");
    let (code, _, err) = run_es(&env, &["list"]);
    assert_eq!(code, Some(0));
    assert!(
        err.starts_with(&format!(
            "reflect: aviso: {journal}:2: se omitió una línea dañada: "
        )),
        "{err}"
    );
    assert!(err.contains("no es JSON válido (columna "), "{err}");
    std::fs::create_dir_all(env.config_path().parent().unwrap()).unwrap();
    std::fs::write(env.config_path(), "ask = [\"nada\"]\n").unwrap();
    let (code, _, config_err) = run_es(&env, &["list"]);
    assert_eq!(code, Some(1));
    assert!(
        config_err.contains(":1:8: `ask` nombra \"nada\", que no es una pregunta"),
        "{config_err}"
    );
    std::fs::remove_file(env.config_path()).unwrap();
    assert_no_english("damaged line", &err);
    let (code, _, err) = run_es(&env, &["show", "nada"]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("\nreflect: ninguna entrada coincide con \"nada\""),
        "{err}"
    );
}

#[test]
fn packs_list_show_and_validate_speak_spanish() {
    let env = TestEnv::new();
    let (code, shown, err) = run_es(&env, &["packs", "show"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(shown.contains("  versión: "), "{shown}");
    assert!(shown.contains("  origen:  incorporado ("), "{shown}");
    assert!(
        shown.contains("Ámbitos, del establecimiento hacia afuera"),
        "{shown}"
    );
    assert!(shown.contains("\nTema "), "{shown}");
    assert!(shown.contains("\n  Pregunta "), "{shown}");
    assert!(
        shown.contains(" temas, ") && shown.contains(" preguntas:"),
        "{shown}"
    );
    assert_no_english("packs show", &shown);
    let (code, _, err) = run_es(&env, &["packs", "show", "nada"]);
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with("reflect: ningún pack cargado tiene el id \"nada\" (cargados: "),
        "{err}"
    );
    let (_, pack, _) = run_es(
        &env,
        &["packs", "new", "--id", "mi-red", "--language", "es-CL"],
    );
    let file = env.file("mi-red.toml", pack);
    let (code, out, err) = run_es(&env, &["packs", "validate", file.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.ends_with(": bien (1 tema, 2 preguntas)\n"), "{out}");
    // A broken copy: its problems are listed in Spanish, with file:line:column.
    let broken = std::fs::read_to_string(&file)
        .unwrap()
        .replace("theme = \"collaboration\"", "theme = \"nada\"")
        .replace("id = \"school\"", "id = \"idea\"");
    let broken = env.file("rota.toml", broken);
    let (code, out, _) = run_es(&env, &["packs", "validate", broken.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(out.contains(": ningún tema tiene el id \"nada\""), "{out}");
    assert_no_english("packs validate", &out);
    let (code, _, err) = run_es(&env, &["packs", "install", file.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.starts_with("se instaló el pack \"mi-red\" (versión "),
        "{err}"
    );
    let (code, _, err) = run_es(&env, &["packs", "install", file.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("ya hay instalado un pack con el id \"mi-red\""),
        "{err}"
    );
}

#[test]
fn the_markdown_export_speaks_spanish() {
    let env = TestEnv::new();
    env.write(
        "Reunión con la jefa de UTP",
        &["--lang", "es", "--level", "red", "--tag", "utp"],
    );
    let (code, md, err) = run_es(&env, &["export", "--format", "markdown", "--tag", "utp"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        md.starts_with("# Diario reflexivo\n\nExportado el 2026-11-23, agrupado por "),
        "{md}"
    );
    assert!(md.contains(" Filtros: etiqueta utp."), "{md}");
    assert!(md.contains("### 2026-11-23 · Entrada libre · Red"), "{md}");
    assert!(md.contains("\nEtiquetas: utp\n"), "{md}");
    assert!(md.contains("1 entrada, el 2026-11-23."), "{md}");
    assert_no_english("export", &md);
    let (_, none, _) = run_es(&env, &["export", "--format", "markdown", "--tag", "nada"]);
    assert!(none.contains("Ninguna entrada coincide."), "{none}");
}

/// The story of issue 13: with `LANG=es_CL.UTF-8` and nothing else, a leader writes on
/// a terminal, lists, sees progress, exports, asks for help and makes a mistake, and
/// meets no English sentence of ours; the labels come from the Spanish pack.
#[test]
fn a_chilean_leader_goes_through_the_day_in_spanish() {
    let env = TestEnv::new();
    let mut pty = env.pty_with_env(&["write"], &[("LANG", "es_CL.UTF-8")]);
    let offer = pty.expect("[q] salir: ");
    pty.send_line("");
    let typing = pty.expect("(Ctrl-C cancela).");
    pty.send_line("Con la jefa de UTP y el equipo directivo compartimos la pauta de observación con otro establecimiento.");
    pty.end_input();
    let level = pty.expect("Enter la deja sin ámbito: ");
    assert!(
        level.contains("¿En qué ámbito ocurrió esta práctica?"),
        "{level}"
    );
    assert!(level.contains("2. Red"), "{level}");
    pty.send_line("red");
    let from = pty.expect("Enter la salta: ");
    pty.send_line("");
    let depth = pty.expect("Enter la salta: ");
    pty.send_line("compartimos recursos");
    assert_eq!(pty.finish(), 0);
    for (what, seen) in [
        ("offer", &offer),
        ("typing", &typing),
        ("level", &level),
        ("from", &from),
        ("depth", &depth),
    ] {
        assert_no_english(what, seen);
    }
    // The offered theme is a theme of the Spanish pack.
    let spanish_pack = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts/redes-mejoramiento.toml"),
    )
    .unwrap();
    let theme = offer
        .lines()
        .find_map(|l| l.trim().strip_prefix("Tema: "))
        .unwrap_or_else(|| panic!("{offer}"));
    assert!(
        spanish_pack.contains(&format!("title = \"{theme}\"")),
        "{theme}"
    );

    env.write(
        "Visita de la supervisora del SLEP al establecimiento.",
        &["--date", "ayer", "--level", "escuela"],
    );
    let run = |args: &[&str]| run_es(&env, args);

    let (code, list, err) = run(&["list", "--format", "table"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(list.contains("ámbito") && list.contains("Red"), "{list}");
    assert!(list.contains("Establecimiento"), "{list}");
    assert_no_english("list", &(list + &err));

    let (code, progress, err) = run(&["progress"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(progress.contains("Entradas con ámbito"), "{progress}");
    let first_word = theme.split_whitespace().next().unwrap();
    assert!(progress.contains(first_word), "{progress}");
    assert_no_english("progress", &(progress + &err));

    let (code, md, err) = run(&["export", "--format", "markdown"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(md.starts_with("# Diario reflexivo"), "{md}");
    assert!(md.contains(&format!("· {theme} · Red")), "{md}");
    assert_no_english("export", &(md + &err));

    let (code, help, err) = run(&["list", "--help"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(help.contains("Uso:"), "{help}");
    assert_no_english("list --help", &(help + &err));

    let (code, _, err) = run(&["write", "-m", "x", "--date", "mañana por la tarde"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("\"mañana por la tarde\""), "{err}");
    assert_no_english("bad date", &err);
}

/// A bad summary given to `cohort` is refused in Spanish, naming the file as given.
#[test]
fn a_bad_summary_is_refused_in_spanish() {
    let env = TestEnv::new();
    let cases = [
        (
            "otra.json",
            "{\"format\": \"otra-cosa\"}",
            "otra.json: no es un resumen de progreso",
        ),
        ("rota.json", "{\n  oops", "rota.json:2:3: no es JSON válido"),
        (
            "carpeta",
            "",
            "carpeta: no es un archivo común (una carpeta)",
        ),
    ];
    for (name, text, expected) in cases {
        let path = if text.is_empty() {
            let dir = env.root().join(name);
            std::fs::create_dir_all(&dir).unwrap();
            dir
        } else {
            env.file(name, text)
        };
        let (code, stdout, stderr) = run_es(&env, &["cohort", path.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(stdout.is_empty(), "{stdout}");
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert_no_english(name, &stderr);
        for word in ["not a", "summary", "valid", "folder"] {
            assert!(!stderr.contains(word), "{name}: English {word:?}: {stderr}");
        }
    }
}

/// A bad entry in an imported file is refused in Spanish, naming the file and the
/// entry; the value read is quoted as typed, in straight double quotes. JSON keys
/// (`entries`, `level`, `date`) are kept as the file has them.
#[test]
fn a_bad_entry_in_an_imported_file_is_refused_in_spanish() {
    let env = TestEnv::new();
    let good = r#"{"id":"abc123","date":"2026-11-20","written":"2026-11-20T18:00:00+01:00","level":"network","text":"Reunión de red."}"#;
    let bad = good
        .replace("abc123", "abc124")
        .replace("network", "galaxia ñ");
    let export = format!(
        r#"{{"format":"reflect-export","version":1,"exported":"2026-11-23T09:00:00+01:00","filters":{{}},"entries":[{good},{bad}]}}"#
    );
    let cases = [
        (
            "exportación.json",
            "reflect",
            export,
            "exportación.json: entries[1]: \"level\" debe ser school, network, system o idea, no \"galaxia ñ\"",
        ),
        (
            "jrnl.json",
            "jrnl",
            r#"{"entries": [{"title": "a", "date": "ayer"}]}"#.to_string(),
            "jrnl.json: entries[0]: \"date\" debe tener la forma AAAA-MM-DD, no \"ayer\"",
        ),
        (
            "sin-titulo.json",
            "jrnl",
            r#"{"entries": [{"body": "b", "date": "2024-01-01"}]}"#.to_string(),
            "sin-titulo.json: entries[0]: falta \"title\"",
        ),
    ];
    for (name, from, contents, expected) in cases {
        let path = env.file(name, contents);
        let (code, _, stderr) = run_es(&env, &["import", "--from", from, path.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains(expected),
            "expected {expected:?} in {stderr}"
        );
        assert!(!stderr.contains('\\'), "escaped: {stderr}");
        assert_no_english(name, &stderr.replace("entries[", "["));
        for word in [" must ", " not ", "missing"] {
            assert!(!stderr.contains(word), "{name}: English {word:?}: {stderr}");
        }
    }
    assert!(env.journal_lines().is_empty());
}

/// A damaged check-in line and an entry line with an unknown level are explained by
/// `check` in Spanish.
#[test]
fn check_explains_damaged_lines_in_spanish() {
    let env = TestEnv::new();
    env.write("Una entrada.", &[]);
    env.append_raw(concat!(
        r#"{"v":2,"kind":"checkin","date":"2026-11-20","written":"2026-11-20T10:00:00Z","purpose":9}"#,
        "\n"
    ));
    let bad_level = crate::util::Record::add("zz9", "2026-11-20", "Otra.")
        .level("school")
        .line()
        .replace("\"school\"", "\"galaxia\"");
    assert!(bad_level.contains("galaxia"), "{bad_level}");
    env.append_raw(format!("{bad_level}\n"));
    let (code, stdout, stderr) = run_es(&env, &["check"]);
    assert_ne!(code, Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains(":2: \"purpose\" vale 9, no de 1 a 4"),
        "{stdout}{stderr}"
    );
    assert!(
        stdout.contains("ámbito: valor desconocido \"galaxia\""),
        "{stdout}{stderr}"
    );
    assert_no_english("check", &stdout);
    assert_no_english("check", &stderr);
}

/// `packs new` in Spanish writes the scaffold with Spanish comments and examples; it
/// validates as it is.
#[test]
fn packs_new_writes_a_spanish_scaffold() {
    let env = TestEnv::new();
    let (code, scaffold, stderr) = run_es(&env, &["packs", "new", "--language", "es-CL"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        scaffold.starts_with("# Un paquete de preguntas para `reflect`"),
        "{scaffold}"
    );
    assert!(scaffold.contains("# id (obligatorio)"), "{scaffold}");
    for english in ["required", "optional", "Themes group", "A prompt pack"] {
        assert!(
            !scaffold.contains(english),
            "English {english:?}:\n{scaffold}"
        );
    }
    let file = env.file("nuevo.toml", &scaffold);
    let (code, out, err) = run_es(&env, &["packs", "validate", file.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}{err}");
}
