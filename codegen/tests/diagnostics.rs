//! Bad models: each gets exactly the diagnostic a user needs, never a panic.

use ingot_codegen::emit::EmitOptions;

fn opts() -> EmitOptions {
    EmitOptions {
        runtime_dir: "../../crates".into(),
        command: "cargo xtask gen".into(),
    }
}

/// Generates `text` and returns the printed diagnostics (empty when generation succeeds).
fn diagnostics(text: &str) -> String {
    match ingot_codegen::generate("model/bad.json", text, &Default::default(), &opts()) {
        Ok(_) => String::new(),
        Err(d) => d.to_string(),
    }
}

/// A minimal valid service around `extra` shapes, with `StructA` as the operation input.
fn service_with(extra: &str) -> String {
    format!(
        r#"{{
  "smithy": "2.0",
  "shapes": {{
    "ex#Svc": {{"type": "service", "version": "1", "operations": [{{"target": "ex#Op"}}],
               "traits": {{"aws.protocols#awsJson1_1": {{}}}}}},
    "ex#Op": {{"type": "operation", "input": {{"target": "ex#StructA"}}}},
    {extra}
  }}
}}"#
    )
}

#[test]
fn malformed_json_reports_line_and_column() {
    let got = diagnostics("{\n  \"smithy\": \"2.0\",\n  \"shapes\": {\n    \"ex#A\": {\"type\": \"string\",}\n  }\n}\n");
    assert_eq!(
        got,
        "error: malformed JSON: trailing comma\n  --> model/bad.json:4:31\n  = help: the model must be a Smithy 2.0 JSON AST document\n\n1 error found"
    );
}

#[test]
fn dangling_target_names_shape_and_member() {
    let got = diagnostics(&service_with(
        r#""ex#StructA": {"type": "structure", "members": {"pet": {"target": "ex#Missing"}}}"#,
    ));
    assert_eq!(
        got,
        "error: member target `ex#Missing` does not exist\n  --> model/bad.json, shape `ex#StructA`, member `pet`\n  = help: define the shape `ex#Missing` or fix the target's spelling\n\n1 error found"
    );
}

#[test]
fn duplicate_shape_is_reported() {
    let got = diagnostics(&service_with(
        r#""ex#StructA": {"type": "structure"}, "ex#StructA": {"type": "structure"}"#,
    ));
    assert_eq!(
        got,
        "error: duplicate shape id\n  --> model/bad.json, shape `ex#StructA`\n  = help: it is also defined at model/bad.json; each shape id may be defined once, remove or rename one of them\n\n1 error found"
    );
}

#[test]
fn unknown_shape_type_lists_the_valid_ones() {
    let got = diagnostics(&service_with(r#""ex#StructA": {"type": "struct"}"#));
    assert_eq!(
        got,
        "error: unknown shape type `struct`\n  --> model/bad.json, shape `ex#StructA`\n  = help: use one of: blob, boolean, string, byte, short, integer, long, float, double, bigInteger, bigDecimal, timestamp, document, enum, intEnum, list, set, map, structure, union, operation, service, resource, apply\n\n1 error found"
    );
}

#[test]
fn wrong_trait_value_type_names_trait_and_member() {
    let got = diagnostics(&service_with(
        r#""ex#StructA": {"type": "structure", "members": {"name": {"target": "smithy.api#String", "traits": {"smithy.api#length": {"min": "one"}}}}}"#,
    ));
    assert_eq!(
        got,
        "error: invalid value for trait `smithy.api#length`: `min`: expected a non-negative integer, found a string\n  --> model/bad.json, shape `ex#StructA`, member `name`\n  = help: see the trait's definition in the Smithy specification\n\n1 error found"
    );
}

#[test]
fn service_without_supported_protocol() {
    let text = r#"{"smithy": "2.0", "shapes": {
        "ex#Svc": {"type": "service", "version": "1", "traits": {"aws.protocols#restJson1": {}}}
    }}"#;
    assert_eq!(
        diagnostics(text),
        "error: the service has no supported protocol\n  --> model/bad.json, shape `ex#Svc`\n  = help: add the trait `aws.protocols#awsJson1_0` or `aws.protocols#awsJson1_1` to the service\n\n1 error found"
    );
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let got = diagnostics(&service_with(
        r#""ex#StructA": {"type": "structure", "members": {"a": {"target": "ex#Nope"}, "b": {"target": "ex#Nada"}}}"#,
    ));
    assert!(got.ends_with("2 errors found"), "{got}");
    assert!(
        got.contains("member `a`") && got.contains("member `b`"),
        "{got}"
    );
}

#[test]
fn keyword_member_names_generate() {
    let text = service_with(
        r#""ex#StructA": {"type": "structure", "members": {
            "type": {"target": "smithy.api#String"}, "match": {"target": "smithy.api#String"},
            "self": {"target": "smithy.api#String"}, "super": {"target": "smithy.api#Integer"},
            "fooBar": {"target": "smithy.api#String"}, "foo_bar": {"target": "smithy.api#String"},
            "crate": {"target": "smithy.api#String"}, "async": {"target": "smithy.api#String"}}}"#,
    );
    let crates = ingot_codegen::generate("model/kw.json", &text, &Default::default(), &opts())
        .map(|g| g.crates)
        .expect("keywords must generate");
    let input = &crates[0]
        .files
        .iter()
        .find(|f| f.path == "src/input.rs")
        .unwrap()
        .contents;
    for field in [
        "pub r#type:",
        "pub r#match:",
        "pub self_:",
        "pub super_:",
        "pub foo_bar:",
        "pub foo_bar_2:",
        "pub crate_:",
        "pub r#async:",
    ] {
        assert!(input.contains(field), "missing `{field}` in:\n{input}");
    }
    // The wire names stay the model's.
    for key in [
        "\"type\"",
        "\"match\"",
        "\"self\"",
        "\"super\"",
        "\"fooBar\"",
        "\"foo_bar\"",
        "\"crate\"",
        "\"async\"",
    ] {
        assert!(input.contains(key), "missing wire name {key}");
    }
}

#[test]
fn nesting_deeper_than_the_parser_allows_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let text = format!(
        r#"{{"smithy": "2.0", "shapes": {{"ex#A": {{"type": "string", "traits": {{"x#y": {deep}}}}}}}}}"#
    );
    let got = diagnostics(&text);
    assert!(
        got.starts_with("error: malformed JSON: recursion limit exceeded"),
        "{got}"
    );
}
