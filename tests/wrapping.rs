//! Issue 13, item 6: prose wraps between words by display width at the terminal's
//! width (`COLUMNS` here, as on a terminal that sets it), and tables use that width.

use unicode_width::UnicodeWidthStr;

use crate::util::TestEnv;

/// A pack whose context holds Spanish with accents and a wide (CJK) word.
const PACK: &str = r#"format = 1

[pack]
id = "ancho"
name = "Ancho"
version = "1"
language = "es-CL"

[[themes]]
id = "red"
title = "Trabajo en red entre establecimientos del mismo territorio"

[[prompts]]
id = "uno"
theme = "red"
context = """
El equipo directivo, la jefa de UTP y la supervisora del SLEP revisaron juntos la \
pauta de acompañamiento; el sostenedor pidió que cada establecimiento compartiera \
una práctica. 協働的リーダーシップ es la palabra que usó la visita japonesa."""
question = """
¿Qué práctica compartió tu establecimiento en la última reunión de la red, qué \
aprendiste de otro y qué acordaron hacer después?"""
"#;

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// Every line fits `width` display columns (but a command to copy, which stays whole
/// on its line), and the words of `expected` appear whole.
fn assert_wrapped(what: &str, text: &str, width: usize, expected: &str) {
    for line in text
        .lines()
        .filter(|l| !l.trim_start().starts_with("reflect "))
    {
        assert!(
            line.width() <= width,
            "{what} at {width}: {line:?} is {} columns",
            line.width()
        );
    }
    let all = words(text);
    for word in words(expected) {
        assert!(
            all.contains(&word),
            "{what} at {width}: {word:?} was cut\n{text}"
        );
    }
}

#[test]
fn a_prompt_wraps_between_words_at_60_80_and_160_columns() {
    let env = TestEnv::new();
    let pack = env.file("ancho.toml", PACK);
    let pack = pack.to_str().unwrap();
    let context = PACK.split("context = \"\"\"").nth(1).unwrap();
    let context = context.split("\"\"\"").next().unwrap().replace('\\', "");
    let mut line_counts = Vec::new();
    for width in [60, 80, 160] {
        let columns = width.to_string();
        let output = env
            .cmd()
            .env("COLUMNS", &columns)
            .args([
                "--pack", pack, "--lang", "es", "write", "--prompt", "uno", "-m", "x",
            ])
            .output()
            .unwrap();
        assert!(output.status.success());
        let shown = String::from_utf8(output.stderr).unwrap();
        assert_wrapped("write", &shown, width, &context);
        assert!(shown.contains("協働的リーダーシップ"), "{shown}");
        assert!(shown.contains("\n» ¿Qué práctica"), "{shown}");
        line_counts.push(shown.lines().count());

        let output = env
            .cmd()
            .env("COLUMNS", &columns)
            .args(["--pack", pack, "prompt"])
            .output()
            .unwrap();
        let prompt = String::from_utf8(output.stdout).unwrap();
        assert_wrapped("prompt", &prompt, width, "qué acordaron hacer después?");
    }
    assert!(line_counts[0] > line_counts[1], "{line_counts:?}");
    assert!(line_counts[1] > line_counts[2], "{line_counts:?}");
}

#[test]
fn explain_wraps_at_the_width_and_progress_tables_use_it() {
    let env = TestEnv::new();
    for (i, theme) in ["proposito-compartido", "liderazgo-distribuido"]
        .iter()
        .enumerate()
    {
        env.write(
            &format!("Entrada {i}"),
            &["--lang", "es", "--theme", theme, "--level", "red"],
        );
    }
    let run = |width: usize, args: &[&str]| -> String {
        let output = env
            .cmd()
            .env("COLUMNS", width.to_string())
            .env("LANG", "es_CL.UTF-8")
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    for width in [60, 80, 160] {
        let explain = run(width, &["progress", "--explain"]);
        assert_wrapped("explain", &explain, width, "");
        let table = run(width, &["progress"]);
        assert_wrapped("progress", &table, width, "");
    }
    let widest = |text: &str| text.lines().map(|l| l.width()).max().unwrap_or(0);
    let narrow = run(60, &["progress"]);
    let wide = run(160, &["progress"]);
    assert!(widest(&narrow) <= 60);
    assert!(
        widest(&wide) > 80,
        "a 160-column terminal is used past 80:\n{wide}"
    );
    let explain = run(160, &["progress", "--explain"]);
    assert!(widest(&explain) > 80, "{explain}");
}
