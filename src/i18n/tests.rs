//! The catalogue test: both languages have the same messages with the same
//! variables, every file on disk is embedded, and every id the code asks for exists.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

use super::*;

/// Message id (and `id.attribute`) → the variables it uses.
type Shape = BTreeMap<String, BTreeSet<String>>;

fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

fn shape_of(lang: Lang) -> Shape {
    let mut shape = Shape::new();
    for (area, en, es) in EMBEDDED {
        let text = if lang == Lang::En { en } else { es };
        let resource = fluent_syntax::parser::parse(*text).unwrap_or_else(|(_, errors)| {
            panic!("{}/{area}.ftl does not parse: {errors:?}", lang.code())
        });
        for entry in resource.body {
            let (id, value, attributes) = match entry {
                ast::Entry::Message(m) => (m.id.name.to_string(), m.value, m.attributes),
                ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
                ast::Entry::Junk { content } => {
                    panic!("{}/{area}.ftl has junk: {content}", lang.code())
                }
                _ => continue,
            };
            let mut vars = BTreeSet::new();
            if let Some(value) = &value {
                pattern_vars(value, &mut vars);
            }
            let fresh = shape.insert(id.clone(), vars).is_none();
            assert!(fresh, "{}: {id} is defined twice", lang.code());
            for attribute in attributes {
                let mut vars = BTreeSet::new();
                pattern_vars(&attribute.value, &mut vars);
                shape.insert(format!("{id}.{}", attribute.id.name), vars);
            }
        }
    }
    shape
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_vars(arg, vars);
            }
            for arg in &arguments.named {
                inline_vars(&arg.value, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn both_languages_have_the_same_messages_and_variables() {
    let en = shape_of(Lang::En);
    let es = shape_of(Lang::Es);
    let only = |a: &Shape, b: &Shape| -> Vec<String> {
        a.keys().filter(|k| !b.contains_key(*k)).cloned().collect()
    };
    assert_eq!(only(&en, &es), Vec::<String>::new(), "only in English");
    assert_eq!(only(&es, &en), Vec::<String>::new(), "only in Spanish");
    let differ: Vec<String> = en
        .iter()
        .filter(|(id, vars)| es.get(*id).is_some_and(|other| other != *vars))
        .map(|(id, vars)| format!("{id}: en {vars:?} / es {:?}", es[id]))
        .collect();
    assert_eq!(differ, Vec::<String>::new(), "variables differ");
}

#[test]
fn every_file_on_disk_is_embedded() {
    let embedded: BTreeSet<String> = EMBEDDED
        .iter()
        .map(|(a, _, _)| format!("{a}.ftl"))
        .collect();
    for lang in Lang::ALL {
        let on_disk: BTreeSet<String> = fs::read_dir(locales_dir().join(lang.code()))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(on_disk, embedded, "locales/{}", lang.code());
    }
}

/// Every literal id passed to `t!(...)` or `message(...)` in the source exists.
#[test]
fn every_id_the_code_uses_exists() {
    let en = shape_of(Lang::En);
    let mut missing = Vec::new();
    let mut files = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    let mut seen = 0;
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        for marker in ["t!(\"", "message(\"", "message_in(lang, \""] {
            for (at, _) in text.match_indices(marker) {
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue; // `format!(`, `println!(`...
                }
                let rest = &text[at + marker.len()..];
                let id = &rest[..rest.find('"').unwrap()];
                seen += 1;
                if !en.contains_key(id) && id != "id" {
                    missing.push(format!("{}: {id}", path.display()));
                }
            }
        }
    }
    assert!(seen > 0, "the scan found no message ids at all");
    assert_eq!(missing, Vec::<String>::new());
}

#[test]
fn placeables_carry_no_isolation_marks_and_plurals_work() {
    for lang in Lang::ALL {
        let mut args = Args::new();
        args.set("count", arg(1));
        let one = message_in(lang, "entries-count", Some(&args));
        args.set("count", arg(3));
        let three = message_in(lang, "entries-count", Some(&args));
        assert!(!one.contains(['\u{2068}', '\u{2069}']), "{one:?}");
        assert_ne!(
            one.replace('1', ""),
            three.replace('3', ""),
            "{lang}: plural forms"
        );
    }
    assert_eq!(
        message_in(Lang::En, "entries-count", None),
        "{$count} entries"
    );
    assert_eq!(
        message_in(Lang::Es, "no-such-message", None),
        "no-such-message"
    );
}
