//! No input makes the generator panic: property tests over the documentation converter (arbitrary
//! Unicode, multi-byte characters right after tags and entities), the naming module and the whole
//! `generate` path (arbitrary JSON, and the shipped models mutated as JSON values and as text).
//! `generate` turns a panic into an "internal error" diagnostic, so the properties also check that
//! no such diagnostic comes out: the guard must never be what keeps a test green.
//! Bounded to a few seconds; the cargo-fuzz target `generate` (fuzz/) runs the same body longer.

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use ingot_codegen::docs::html_to_markdown;
use ingot_codegen::emit::EmitOptions;
use ingot_codegen::ir::naming;
use proptest::prelude::*;
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Documentation

/// HTML-ish fragments: tags the converter knows, placeholders, entities, comments.
fn html_piece() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "<p>",
        "</p>",
        "<code>",
        "</code>",
        "<b>",
        "</b>",
        "<i>",
        "<ul>",
        "<li>",
        "</li>",
        "</ul>",
        "<ol>",
        "<pre>",
        "</pre>",
        "<note>",
        "</note>",
        "<a href=\"https://x.y/é\">",
        "</a>",
        "<a>",
        "<br/>",
        "<dl>",
        "<dt>",
        "<dd>",
        "&amp;",
        "&lt;",
        "&#x2014;",
        "&#8212;",
        "&nbsp;",
        "&",
        "&#",
        "<!--",
        "-->",
        "<",
        ">",
        "<client-id>",
        "`",
        "*",
        "_",
        "[",
        "]",
        "\\",
        "#",
        "- ",
        "1. ",
        "https://",
        "http://a.b/c.",
        " ",
        "\n",
        "\t",
    ])
    .prop_map(str::to_owned);
    let multibyte = prop::sample::select(vec![
        "—", "“", "”", "é", "€", "😀", "\u{301}", "\u{feff}", "\u{a0}", "\u{2028}", "中文",
    ])
    .prop_map(str::to_owned);
    prop_oneof![
        3 => fixed,
        3 => multibyte,
        1 => any::<char>().prop_map(String::from),
        1 => "\\PC{0,8}",
    ]
}

fn html() -> impl Strategy<Value = String> {
    prop::collection::vec(html_piece(), 0..40).prop_map(|v| v.concat())
}

fn check_markdown(input: &str) -> Result<(), TestCaseError> {
    let out = html_to_markdown(input);
    prop_assert!(
        !out.starts_with('\n') && !out.ends_with('\n'),
        "{input:?} -> {out:?}"
    );
    for line in out.lines() {
        prop_assert_eq!(line, line.trim_end(), "{:?} -> {:?}", input, out);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn docs_survive_tag_soup_with_multibyte_text(input in html()) {
        check_markdown(&input)?;
    }

    #[test]
    fn docs_survive_arbitrary_unicode(input in "\\PC{0,200}") {
        check_markdown(&input)?;
    }

    /// Any text right after any tag or entity, the shape of the original panic
    /// (`<code>StepScaling</code>—Not supported`).
    #[test]
    fn docs_survive_text_right_after_tags(
        before in "\\PC{0,4}",
        tag in prop::sample::select(vec!["<p>", "</p>", "<code>x</code>", "<b>", "</i>", "<br>", "&amp;", "&#x41;", "<!---->", "<", "&"]),
        after in "\\PC{1,6}",
    ) {
        check_markdown(&format!("{before}{tag}{after}"))?;
    }
}

// ---------------------------------------------------------------------------------------------
// Naming

/// Smithy identifiers (`_*` then a letter or digit, then letters, digits and `_`).
fn identifier() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z0-9_]{0,20}",
        "_{1,3}[A-Za-z0-9][A-Za-z0-9_]{0,12}"
    ]
}

fn parses_as_ident(name: &str) -> bool {
    syn::parse_str::<syn::Ident>(name).is_ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Every Smithy identifier gives Rust identifiers (what the emitters turn into tokens).
    #[test]
    fn names_of_identifiers_are_rust_identifiers(name in identifier()) {
        for ident in [naming::type_name(&name), naming::field_name(&name), naming::variant_name(&name), naming::fn_name(&name)] {
            prop_assert!(parses_as_ident(&ident.to_string()), "{name:?} -> {ident}");
        }
        let names = vec![naming::field_name(&name), naming::field_name(&name)];
        let deduped = naming::dedupe(names, false);
        prop_assert!(deduped[0] != deduped[1]);
    }

    /// Arbitrary Unicode (sdkIds, renamed shapes) never panics, and what claims to be a usable
    /// crate name is one.
    #[test]
    fn naming_survives_arbitrary_unicode(text in "\\PC{0,30}") {
        let _ = naming::type_name(&text);
        let _ = naming::field_name(&text);
        let _ = naming::variant_name(&text);
        let _ = naming::env_name(&text);
        let base = naming::crate_base(&text);
        if naming::usable_crate_base(&base) {
            prop_assert!(parses_as_ident(&format!("{}_types", base.replace('-', "_"))), "{base}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The whole generate path

fn opts() -> EmitOptions {
    EmitOptions {
        runtime_dir: "../../crates".into(),
        command: "cargo xtask gen".into(),
    }
}

/// Generates `text`; a model or diagnostics are fine, an internal error (a caught panic) is not.
fn generate(text: &str) -> Result<(), TestCaseError> {
    if let Err(d) = ingot_codegen::generate("fuzz.json", text, &Default::default(), &opts()) {
        let printed = d.to_string();
        prop_assert!(
            !printed.contains("internal error"),
            "the generator panicked on:\n{text}\n{printed}"
        );
    }
    Ok(())
}

/// The JSON models of `model/` and the kitchen-sink fixture; the official models are too big to generate
/// hundreds of times here (the fuzz target is seeded with them).
fn seeds() -> &'static [Value] {
    static SEEDS: OnceLock<Vec<Value>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let paths = [
            root.join("tests/fixtures/kitchen-sink.json"),
            root.join("../model/cognito-idp.json"),
            root.join("../model/ingot-wire-traits.json"),
        ];
        paths
            .iter()
            .map(|p| serde_json::from_str(&fs::read_to_string(p).unwrap()).unwrap())
            .collect()
    })
}

/// Values a mutation may put anywhere: other shapes' ids, trait ids, odd text.
fn replacement() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        prop::sample::select(vec![1e300, -1e300, 0.5, 300.0, 70000.0, 3e9])
            .prop_map(|f| serde_json::json!(f)),
        prop::sample::select(vec![
            "smithy.api#Unit",
            "smithy.api#String",
            "smithy.api#Blob",
            "smithy.api#Integer",
            "smithy.api#PrimitiveByte",
            "smithy.api#Timestamp",
            "smithy.api#Document",
            "example.kitchen#Everything",
            "example.kitchen#DoEverything",
            "example.kitchen#KitchenService",
            "structure",
            "union",
            "list",
            "map",
            "enum",
            "intEnum",
            "string",
            "operation",
            "service",
            "blob",
            "",
            "Café",
            "1abc",
            "—Not supported",
            "<p>“Configuring</p>",
            "<code>x</code>—y",
            "2.0",
            "1.0",
            "client",
            "server",
            "gzip",
            "date-time",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
        "\\PC{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop::sample::select(vec![
                        "target",
                        "type",
                        "members",
                        "member",
                        "key",
                        "value",
                        "traits",
                        "input",
                        "output",
                        "errors",
                        "smithy.api#required",
                        "smithy.api#default",
                        "smithy.api#enum",
                        "smithy.api#streaming",
                        "smithy.api#documentation",
                        "smithy.api#mixin",
                        "smithy.api#paginated",
                        "smithy.api#length",
                        "smithy.api#range",
                        "aws.api#service",
                        "sdkId",
                        "name",
                    ]),
                    inner
                ),
                0..4
            )
            .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
}

#[derive(Clone, Debug)]
enum Mutation {
    /// Replace the value at the chosen place.
    Replace(Value),
    /// Remove the chosen object key or array item.
    Remove,
    /// Add a key to the chosen object.
    Insert(String, Value),
}

fn mutation() -> impl Strategy<Value = (prop::sample::Index, Mutation)> {
    let key = prop_oneof![
        prop::sample::select(vec![
            "smithy.api#enum",
            "smithy.api#streaming",
            "smithy.api#required",
            "smithy.api#default",
            "smithy.api#documentation",
            "smithy.api#sensitive",
            "smithy.api#httpChecksumRequired",
            "aws.protocols#awsQueryCompatible",
            "smithy.api#requestCompression",
            "mixins",
            "smithy.api#idempotencyToken",
            "target",
            "members",
            "smithy.api#mixin",
            "smithy.api#sparse",
        ])
        .prop_map(str::to_owned),
        "\\PC{0,8}",
    ];
    (
        any::<prop::sample::Index>(),
        prop_oneof![
            3 => replacement().prop_map(Mutation::Replace),
            1 => Just(Mutation::Remove),
            2 => (key, replacement()).prop_map(|(k, v)| Mutation::Insert(k, v)),
        ],
    )
}

/// Number of places (values) in `v`.
fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(o) => o.values().map(count).sum(),
        _ => 0,
    }
}

/// Applies `m` at the `n`-th value of `v` in pre-order; returns how many values were skipped.
fn apply(v: &mut Value, n: usize, m: &Mutation) -> usize {
    if n == 0 {
        match m {
            Mutation::Replace(r) => *v = r.clone(),
            Mutation::Remove => match v {
                Value::Array(a) if !a.is_empty() => {
                    a.pop();
                }
                Value::Object(o) => {
                    let last = o.keys().next_back().cloned();
                    if let Some(k) = last {
                        o.remove(&k);
                    }
                }
                _ => *v = Value::Null,
            },
            Mutation::Insert(k, r) => {
                if let Value::Object(o) = v {
                    o.insert(k.clone(), r.clone());
                }
            }
        }
        return usize::MAX;
    }
    let mut seen = 1;
    let children: Vec<&mut Value> = match v {
        Value::Array(a) => a.iter_mut().collect(),
        Value::Object(o) => o.values_mut().collect(),
        _ => Vec::new(),
    };
    for child in children {
        let used = apply(child, n - seen, m);
        if used == usize::MAX {
            return usize::MAX;
        }
        seen += used;
    }
    seen
}

/// Character edits of the JSON text (multi-byte ones included).
fn text_edit() -> impl Strategy<Value = (f64, Option<char>)> {
    let ch = prop_oneof![
        prop::sample::select(vec![
            '{', '}', '[', ']', '"', ':', ',', '\\', '#', '$', 'é', '—', '😀'
        ]),
        any::<char>(),
    ];
    (0.0..1.0f64, prop::option::of(ch))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

    /// The shipped models with their JSON values replaced, removed and added to.
    #[test]
    fn generate_survives_mutated_models(
        seed in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let seeds = seeds();
        let mut model = seeds[seed.index(seeds.len())].clone();
        for (at, m) in &mutations {
            let n = at.index(count(&model));
            apply(&mut model, n, m);
        }
        generate(&model.to_string())?;
    }

    /// The shipped models edited character by character as text.
    #[test]
    fn generate_survives_edited_text(
        seed in any::<prop::sample::Index>(),
        edits in prop::collection::vec(text_edit(), 1..6),
    ) {
        let seeds = seeds();
        let mut chars: Vec<char> = seeds[seed.index(seeds.len())].to_string().chars().collect();
        for (at, c) in &edits {
            let i = ((chars.len() as f64) * at) as usize;
            match c {
                Some(c) => chars.insert(i.min(chars.len()), *c),
                None if i < chars.len() => { chars.remove(i); }
                None => {}
            }
        }
        generate(&chars.into_iter().collect::<String>())?;
    }

    /// Arbitrary JSON documents, shaped like models often enough to get past the first checks.
    #[test]
    fn generate_survives_arbitrary_json(shapes in prop::collection::vec(("[a-c]{1,2}", replacement()), 0..6)) {
        let shapes: serde_json::Map<String, Value> = shapes
            .into_iter()
            .map(|(name, v)| (format!("ex#{name}"), v))
            .collect();
        let model = serde_json::json!({"smithy": "2.0", "shapes": shapes});
        generate(&model.to_string())?;
    }
}
