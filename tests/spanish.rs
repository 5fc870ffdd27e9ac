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
    assert_no_english("damaged line", &err);
}
