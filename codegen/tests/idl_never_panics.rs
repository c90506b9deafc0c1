//! The IDL front end never panics: arbitrary text, token soup, and the real `.smithy` files
//! mutated by deleting, inserting and replacing characters (multi-byte ones included). Every
//! input gives a model or diagnostics. Bounded to a few seconds.

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use ingot_codegen::model::{self, SourceFile};
use proptest::prelude::*;

/// Seeds: the kitchen-sink IDL fixture and, when present, every official `.smithy` file.
fn seeds() -> &'static [String] {
    static SEEDS: OnceLock<Vec<String>> = OnceLock::new();
    SEEDS.get_or_init(read_seeds)
}

fn read_seeds() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds =
        vec![fs::read_to_string(root.join("tests/fixtures/kitchen-sink.smithy")).unwrap()];
    let reference = root.join("../../shared/reference/smithy");
    let mut dirs = vec![reference];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.map(|e| e.unwrap().path()) {
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "smithy") {
                seeds.push(fs::read_to_string(path).unwrap());
            }
        }
    }
    seeds.sort();
    seeds
}

/// Loads `text` as an IDL file; must not panic.
fn load(text: String) {
    let files = [SourceFile {
        name: "fuzz.smithy".into(),
        text,
    }];
    if let Ok(m) = model::parse_files(&files) {
        let _ = model::to_json_string(&m);
    }
}

#[derive(Clone, Debug)]
enum Edit {
    Delete,
    Insert(char),
    Replace(char),
}

fn edit() -> impl Strategy<Value = (f64, Edit)> {
    let ch = prop_oneof![
        prop::sample::select(vec![
            '{', '}', '[', ']', '(', ')', '"', '\\', '@', '$', ':', '=', '#', '/', '\n', ' ', ',',
            '-', '.', '0'
        ]),
        prop::sample::select(vec!['é', '€', '😀', '\u{301}', '\u{feff}']),
        any::<char>(),
    ];
    let op = prop_oneof![
        Just(Edit::Delete),
        ch.clone().prop_map(Edit::Insert),
        ch.prop_map(Edit::Replace),
    ];
    (0.0..1.0f64, op)
}

fn mutate(seed: &str, edits: &[(f64, Edit)]) -> String {
    let mut chars: Vec<char> = seed.chars().collect();
    for (at, e) in edits {
        let i = ((chars.len() as f64) * at) as usize;
        match e {
            Edit::Delete if i < chars.len() => {
                chars.remove(i);
            }
            Edit::Insert(c) => chars.insert(i.min(chars.len()), *c),
            Edit::Replace(c) if i < chars.len() => chars[i] = *c,
            _ => {}
        }
    }
    chars.into_iter().collect()
}

/// IDL-ish fragments, so random text reaches past the lexer.
fn token_soup() -> impl Strategy<Value = String> {
    let fragments = vec![
        "$version: \"2\"\n",
        "namespace ex\n",
        "use smithy.api#String\n",
        "structure",
        "union",
        "enum",
        "intEnum",
        "list",
        "map",
        "service",
        "operation",
        "resource",
        "apply",
        "string",
        "A",
        "B",
        "ex#A",
        "A$b",
        "$b",
        "{",
        "}",
        "[",
        "]",
        "(",
        ")",
        ":",
        ":=",
        "=",
        "@",
        "@required",
        "@length(min: 1)",
        "with",
        "for",
        "input",
        "output",
        "errors",
        "member",
        "key",
        "value",
        "\"s\"",
        "\"\"\"\n  x\n  \"\"\"",
        "1",
        "-2.5e3",
        "true",
        "null",
        "/// doc\n",
        "// c\n",
        "\n",
        " ",
        "metadata",
        "x = [1, {a: b}]",
    ];
    prop::collection::vec(prop::sample::select(fragments), 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(text in ".{0,300}") {
        load(text);
    }

    #[test]
    fn token_soup_never_panics(text in token_soup()) {
        load(text);
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_real_files(seed in any::<prop::sample::Index>(), edits in prop::collection::vec(edit(), 1..8)) {
        let seeds = seeds();
        let text = mutate(&seeds[seed.index(seeds.len())], &edits);
        load(text);
    }
}

#[test]
fn deep_nesting_is_refused_not_a_crash() {
    let text = format!(
        "$version: \"2\"\nnamespace ex\n@tags({}\nstring A\n",
        "[".repeat(100_000)
    );
    let err = model::parse_files(&[SourceFile {
        name: "deep.smithy".into(),
        text,
    }])
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("values nest deeper than 64 levels"),
        "{err}"
    );
}
