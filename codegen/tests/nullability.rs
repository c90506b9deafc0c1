//! Which members are `Option` and which `build()` can fail: the AWS SDK for Rust's rules
//! (smithy-rs clients, Smithy's `CLIENT_CAREFUL` nullability), decided in the IR.

use ingot_codegen::ir::{Module, ServiceIr, TypeKind};

/// One operation whose input and output, and a data structure, hold every kind of member.
const MODEL: &str = r#"{
  "smithy": "2.0",
  "shapes": {
    "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Op"}],
               "traits": {"aws.protocols#awsJson1_0": {}, "aws.api#service": {"sdkId": "Nulls"}}},
    "ex#Op": {"type": "operation", "input": {"target": "ex#OpRequest"},
              "output": {"target": "ex#OpResponse"}},
    "ex#OpRequest": {"type": "structure", "members": {
        "Name": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}},
        "Force": {"target": "smithy.api#Boolean", "traits": {"smithy.api#default": false}},
        "Data": {"target": "ex#Data", "traits": {"smithy.api#required": {}}},
        "Token": {"target": "smithy.api#String", "traits": {"smithy.api#required": {},
                  "smithy.api#idempotencyToken": {}}}
    }},
    "ex#OpResponse": {"type": "structure", "members": {
        "Name": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}},
        "Enabled": {"target": "smithy.api#Boolean", "traits": {"smithy.api#default": false}},
        "Data": {"target": "ex#Data", "traits": {"smithy.api#required": {}}},
        "Note": {"target": "smithy.api#String"}
    }},
    "ex#Data": {"type": "structure", "members": {
        "Items": {"target": "ex#Items", "traits": {"smithy.api#required": {}}},
        "Choice": {"target": "ex#Choice", "traits": {"smithy.api#required": {}}},
        "Count": {"target": "smithy.api#Integer", "traits": {"smithy.api#required": {}}},
        "Loose": {"target": "smithy.api#String", "traits": {"smithy.api#required": {},
                  "smithy.api#clientOptional": {}}},
        "Size": {"target": "smithy.api#Long", "traits": {"smithy.api#default": 0}}
    }},
    "ex#Items": {"type": "list", "member": {"target": "smithy.api#String"}},
    "ex#Choice": {"type": "union", "members": {"A": {"target": "smithy.api#String"},
                  "Unknown": {"target": "smithy.api#String"}}}
  }
}"#;

fn lower() -> ServiceIr {
    let files = [ingot_codegen::model::SourceFile {
        name: "model/nulls.json".into(),
        text: MODEL.into(),
    }];
    ingot_codegen::lower_files(&files, &Default::default())
        .unwrap_or_else(|d| panic!("{d}"))
        .ir
}

/// `(field, optional)` of each member, and whether `build()` returns a `Result`.
fn shape(ir: &ServiceIr, module: Module, name: &str) -> (Vec<(String, bool)>, bool) {
    let def = ir
        .types
        .iter()
        .find(|t| t.path.module == module && t.path.name.name == name)
        .unwrap_or_else(|| panic!("no {name}"));
    match &def.kind {
        TypeKind::Structure(s) => (
            s.members
                .iter()
                .map(|m| (m.rust_name.name.clone(), m.optional))
                .collect(),
            s.fallible_build,
        ),
        other => panic!("{name} is not a structure: {other:?}"),
    }
}

fn fields(pairs: &[(&str, bool)]) -> Vec<(String, bool)> {
    pairs.iter().map(|(n, o)| (n.to_string(), *o)).collect()
}

#[test]
fn every_input_member_is_optional_and_input_build_is_a_result() {
    let ir = lower();
    let (members, fallible) = shape(&ir, Module::Input, "OpInput");
    assert_eq!(
        members,
        fields(&[
            ("name", true),
            ("force", true),
            ("data", true),
            ("token", true)
        ])
    );
    assert!(fallible, "inputs build into a Result, as the SDK's");
}

#[test]
fn outputs_keep_required_and_defaulted_members_plain_except_structures() {
    let ir = lower();
    let (members, fallible) = shape(&ir, Module::Output, "OpOutput");
    assert_eq!(
        members,
        fields(&[
            ("name", false),
            ("enabled", false),
            ("data", true),
            ("note", true)
        ])
    );
    assert!(fallible, "`name` is required without a default");
}

#[test]
fn model_types_follow_client_careful_nullability() {
    let ir = lower();
    let (members, fallible) = shape(&ir, Module::Types, "Data");
    assert_eq!(
        members,
        fields(&[
            ("items", false),
            ("choice", true),
            ("count", false),
            ("loose", true),
            ("size", false)
        ])
    );
    assert!(fallible);
}

#[test]
fn a_union_member_named_unknown_keeps_clear_of_the_unknown_variant() {
    let ir = lower();
    let def = ir
        .types
        .iter()
        .find(|t| t.path.name.name == "Choice")
        .expect("Choice");
    let TypeKind::Union(variants) = &def.kind else {
        panic!("Choice is a union");
    };
    let names: Vec<(&str, &str)> = variants
        .iter()
        .map(|v| (v.rust_name.name.as_str(), v.snake_name.name.as_str()))
        .collect();
    // `as_unknown_value` / `is_unknown_value`: `is_unknown` is the union's own check.
    assert_eq!(names, [("A", "a"), ("UnknownValue", "unknown_value")]);
}
