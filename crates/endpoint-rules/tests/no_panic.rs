//! Resolution and parsing never panic: random parameters against rule sets that use every
//! function (and the official ones when `../shared/models` is present), and random documents
//! shaped like rule sets.

use std::path::Path;
use std::sync::OnceLock;

use ingot_endpoint_rules::{Params, Partitions, RuleSet, Value};
use proptest::prelude::*;
use serde_json::{json, Value as Json};

/// A rule set calling every function on the parameters, with templates everywhere.
fn every_function() -> &'static RuleSet {
    static RS: OnceLock<RuleSet> = OnceLock::new();
    RS.get_or_init(|| {
        RuleSet::from_json_value(every_function_doc()).expect("the test rule set parses")
    })
}

/// Every JSON pointer into `doc`, so a test can replace any part of it.
fn pointers(doc: &Json, at: String, out: &mut Vec<String>) {
    match doc {
        Json::Object(map) => {
            for (k, v) in map {
                pointers(
                    v,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Json::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn every_function_doc() -> &'static Json {
    static DOC: OnceLock<Json> = OnceLock::new();
    DOC.get_or_init(|| {
        let c = |f: &str, argv: Json| json!({"fn": f, "argv": argv});
        let doc = json!({
            "version": "1.1",
            "parameters": {
                "A": {"type": "string"}, "B": {"type": "string"}, "F": {"type": "boolean"},
                "L": {"type": "stringArray"}
            },
            "rules": [
                {"conditions": [c("isSet", json!([{"ref": "A"}])), {"fn": "aws.partition", "argv": [{"ref": "A"}], "assign": "P"}],
                 "type": "tree", "rules": [
                    {"conditions": [{"fn": "parseURL", "argv": [{"ref": "A"}], "assign": "U"}],
                     "type": "endpoint", "endpoint": {"url": "{U#scheme}://{U#authority}{U#normalizedPath}{P#dnsSuffix}",
                        "headers": {"h": ["{U#path}"]}, "properties": {"p": [{"x": "{P#name}"}]}}},
                    {"conditions": [{"fn": "aws.parseArn", "argv": [{"ref": "A"}], "assign": "R"},
                                    {"fn": "getAttr", "argv": [{"ref": "R"}, "resourceId[2]"], "assign": "Id"}],
                     "type": "error", "error": "arn {R#service} {Id}"},
                    {"conditions": [{"fn": "substring", "argv": [{"ref": "A"}, 1, 4, {"ref": "F"}], "assign": "S"}],
                     "type": "endpoint", "endpoint": {"url": "https://{S}.{B}"}},
                    {"conditions": [c("isValidHostLabel", json!([{"ref": "A"}, true])),
                                    c("aws.isVirtualHostableS3Bucket", json!([{"ref": "A"}, {"ref": "F"}]))],
                     "type": "endpoint", "endpoint": {"url": "https://{A}"}},
                    {"conditions": [{"fn": "split", "argv": [{"ref": "A"}, "-", 2], "assign": "Sp"},
                                    {"fn": "coalesce", "argv": [{"ref": "B"}, "{Sp#[1]}"], "assign": "Co"},
                                    {"fn": "ite", "argv": [c("booleanEquals", json!([{"ref": "F"}, true])), "{Co}", {"fn": "uriEncode", "argv": ["{A}"]}], "assign": "I"}],
                     "type": "endpoint", "endpoint": {"url": "https://{I}"}},
                    {"conditions": [c("not", json!([c("stringEquals", json!([{"ref": "A"}, {"ref": "B"}]))]))],
                     "type": "error", "error": "{A} {P#name}"}
                 ]},
                {"conditions": [{"fn": "getAttr", "argv": [{"ref": "L"}, "[3]"], "assign": "L3"}],
                 "type": "endpoint", "endpoint": {"url": "https://{L3}"}},
                {"conditions": [], "type": "error", "error": "nothing"}
            ]
        });
        doc
    })
}

fn official() -> &'static Vec<RuleSet> {
    static RS: OnceLock<Vec<RuleSet>> = OnceLock::new();
    RS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/models");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!(
                "SKIP official rule sets in no_panic: {} is absent",
                dir.display()
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for entry in entries.filter_map(Result::ok) {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let Ok(model) = serde_json::from_str::<Json>(&text) else {
                continue;
            };
            let Some(shapes) = model.get("shapes").and_then(Json::as_object) else {
                continue;
            };
            for shape in shapes.values() {
                if let Some(rs) = shape
                    .get("traits")
                    .and_then(|t| t.get("smithy.rules#endpointRuleSet"))
                {
                    out.push(RuleSet::from_json_value(rs).expect("official rule set parses"));
                }
            }
        }
        out
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z]{2,4}-[a-z]{3,9}-[0-9]",
        "(https?|ftp)://[a-z0-9.:\\[\\]@]{0,20}(/[a-z/]{0,8})?",
        "arn:[a-z-]{0,5}:[a-z]{0,5}:[a-z0-9-]{0,10}:[0-9]{0,12}:[a-z/:\u{e9}]{0,12}",
        "[a-z0-9.\\-]{0,70}",
    ]
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        text().prop_map(Value::String),
        any::<bool>().prop_map(Value::Bool),
        prop::collection::vec(text(), 0..5).prop_map(Value::StringArray),
    ]
}

fn params(names: &'static [&'static str]) -> impl Strategy<Value = Params> {
    prop::collection::vec((prop::sample::select(names), value()), 0..6).prop_map(|pairs| {
        let mut p = Params::new();
        for (name, value) in pairs {
            p.set(name, value);
        }
        p
    })
}

const OFFICIAL_NAMES: &[&str] = &[
    "Region",
    "UseFIPS",
    "UseDualStack",
    "Endpoint",
    "AccountId",
    "AccountIdEndpointMode",
    "ResourceArn",
    "ResourceArnList",
];

/// JSON shaped like a rule set: the rules engine's own keys and function names as vocabulary.
fn doc() -> impl Strategy<Value = Json> {
    let key = prop::sample::select(vec![
        "version",
        "parameters",
        "rules",
        "conditions",
        "type",
        "fn",
        "argv",
        "ref",
        "assign",
        "endpoint",
        "url",
        "headers",
        "properties",
        "error",
        "default",
        "required",
        "X",
    ]);
    let word = prop::sample::select(vec![
        "1.0",
        "tree",
        "endpoint",
        "error",
        "string",
        "boolean",
        "stringArray",
        "isSet",
        "not",
        "getAttr",
        "substring",
        "coalesce",
        "ite",
        "split",
        "aws.partition",
        "X",
        "{X}",
        "{X#a[0]}",
        "{{",
        "}",
        "a[1]",
    ]);
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        (-3i64..70).prop_map(Json::from),
        word.prop_map(|w| Json::String(w.to_owned())),
        any::<String>().prop_map(Json::String),
    ];
    leaf.prop_recursive(6, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Json::Array),
            prop::collection::vec((key.clone(), inner), 0..6).prop_map(|kv| Json::Object(
                kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn resolving_random_parameters_never_panics(p in params(&["A", "B", "F", "L", "Other"])) {
        let _ = every_function().resolve(&p, Partitions::builtin());
    }

    #[test]
    fn official_rule_sets_never_panic(p in params(OFFICIAL_NAMES)) {
        for rs in official() {
            let _ = rs.resolve(&p, Partitions::builtin());
        }
    }

    #[test]
    fn parsing_random_documents_never_panics(d in doc()) {
        // Most are malformed (an error); any that parse must also resolve without panicking.
        if let Ok(rs) = RuleSet::from_json_value(&json!({"version": "1.0", "parameters": {"X": {"type": "string"}}, "rules": [d.clone()]})) {
            let _ = rs.resolve(&Params::new().with("X", "a"), Partitions::builtin());
        }
        let _ = RuleSet::from_json_value(&d);
    }

    #[test]
    fn mutated_rule_sets_never_panic(which in any::<prop::sample::Index>(), part in doc(), p in params(&["A", "B", "F", "L"])) {
        // Replace one part of a valid rule set: the result is rejected or resolves cleanly.
        let base = every_function_doc();
        let mut all = Vec::new();
        pointers(base, String::new(), &mut all);
        let mut doc = base.clone();
        if let Some(slot) = doc.pointer_mut(which.get(&all).as_str()) {
            *slot = part;
        }
        if let Ok(rs) = RuleSet::from_json_value(&doc) {
            let _ = rs.resolve(&p, Partitions::builtin());
        }
    }

    #[test]
    fn random_partition_tables_never_panic(s in any::<String>(), region in any::<String>()) {
        let _ = Partitions::from_json_str(&s);
        let table = format!(r#"{{"partitions":[{{"id":"aws","regionRegex":{},"outputs":{{"name":"aws"}}}}]}}"#, Json::String(s));
        if let Ok(t) = Partitions::from_json_str(&table) {
            let rs = RuleSet::from_json_str(r#"{"version":"1.0","parameters":{"R":{"type":"string","required":true}},
                "rules":[{"conditions":[{"fn":"aws.partition","argv":[{"ref":"R"}],"assign":"P"}],"type":"endpoint","endpoint":{"url":"https://{P#name}"}}]}"#).unwrap();
            let _ = rs.resolve(&Params::new().with("R", region), &t);
        }
    }
}
