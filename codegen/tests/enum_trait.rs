//! Smithy 1.0 `@enum` on string shapes is generated exactly as a Smithy 2.0 enum shape: named
//! values become variants named after them, unnamed ones get derived names (deterministic and
//! unique); a malformed `@enum` is an error.

use ingot_codegen::emit::EmitOptions;
use ingot_codegen::ir::{ServiceIr, TypeKind};

fn opts() -> EmitOptions {
    EmitOptions {
        runtime_dir: "../../crates".into(),
        command: "cargo xtask gen".into(),
    }
}

/// A service whose operation input has a member `status` targeting `ex#Status`, defined by
/// `status`, and a member `size` targeting `ex#Size`, defined by `size`.
fn model(version: &str, status: &str, size: &str) -> String {
    format!(
        r#"{{
  "smithy": "{version}",
  "shapes": {{
    "ex#Svc": {{"type": "service", "version": "1", "operations": [{{"target": "ex#Op"}}],
               "traits": {{"aws.protocols#awsJson1_0": {{}}, "aws.api#service": {{"sdkId": "Enums"}}}}}},
    "ex#Op": {{"type": "operation", "input": {{"target": "ex#OpInput"}}}},
    "ex#OpInput": {{"type": "structure", "members": {{
        "status": {{"target": "ex#Status"}},
        "size": {{"target": "ex#Size"}}
    }}}},
    "ex#Status": {status},
    "ex#Size": {size}
  }}
}}"#
    )
}

const STATUS_1_0: &str = r#"{"type": "string", "traits": {
    "smithy.api#documentation": "Where the job is.",
    "smithy.api#enum": [
        {"value": "in-progress", "name": "IN_PROGRESS", "documentation": "Running."},
        {"value": "done", "name": "DONE", "deprecated": true}
    ]}}"#;

const STATUS_2_0: &str = r#"{"type": "enum", "members": {
        "IN_PROGRESS": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "in-progress", "smithy.api#documentation": "Running."}},
        "DONE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "done", "smithy.api#deprecated": {}}}
    }, "traits": {"smithy.api#documentation": "Where the job is."}}"#;

/// Unnamed values, two of which derive the same name.
const SIZE_1_0: &str = r#"{"type": "string", "traits": {"smithy.api#enum": [
    {"value": "t2.micro"}, {"value": "t2-micro"}, {"value": "2xlarge"}, {"value": "***"}
]}}"#;

const SIZE_2_0: &str = r#"{"type": "enum", "members": {
    "T2_MICRO": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "t2.micro"}},
    "T2_MICRO_2": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "t2-micro"}},
    "_2XLARGE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "2xlarge"}},
    "VALUE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "***"}}
}}"#;

fn lower(text: &str) -> ServiceIr {
    let files = [ingot_codegen::model::SourceFile {
        name: "model/enums.json".into(),
        text: text.into(),
    }];
    ingot_codegen::lower_files(&files, &Default::default())
        .unwrap_or_else(|d| panic!("{d}"))
        .ir
}

/// `(variant, value)` of the enum type with wire name `name`.
fn variants(ir: &ServiceIr, name: &str) -> Vec<(String, String)> {
    let def = ir.types.iter().find(|t| t.wire_name == name).expect(name);
    match &def.kind {
        TypeKind::Enum(vs) => vs
            .iter()
            .map(|v| (v.rust_name.to_string(), v.value.clone()))
            .collect(),
        other => panic!("{name} is not an enum: {other:?}"),
    }
}

#[test]
fn named_and_unnamed_values_become_variants() {
    let ir = lower(&model("1.0", STATUS_1_0, SIZE_1_0));
    assert_eq!(
        variants(&ir, "Status"),
        [
            ("InProgress".to_owned(), "in-progress".to_owned()),
            ("Done".to_owned(), "done".to_owned())
        ]
    );
    assert_eq!(
        variants(&ir, "Size"),
        [
            ("T2Micro".to_owned(), "t2.micro".to_owned()),
            ("T2Micro2".to_owned(), "t2-micro".to_owned()),
            ("_2xlarge".to_owned(), "2xlarge".to_owned()),
            ("Value".to_owned(), "***".to_owned()),
        ]
    );
}

#[test]
fn generated_crates_equal_those_of_enum_shapes() {
    let generate = |text: String| {
        ingot_codegen::generate("model/enums.json", &text, &Default::default(), &opts())
            .unwrap_or_else(|d| panic!("{d}"))
    };
    let old = generate(model("1.0", STATUS_1_0, SIZE_1_0));
    let new = generate(model("2.0", STATUS_2_0, SIZE_2_0));
    // The upgrade itself adds no warning: both models warn alike (e.g. about a missing rule set).
    assert_eq!(old.warnings, new.warnings);
    assert_eq!(old.crates, new.crates);
    let types = &old.crates[0].files;
    let types_rs = &types
        .iter()
        .find(|f| f.path == "src/types.rs")
        .unwrap()
        .contents;
    assert!(types_rs.contains("pub enum Status {"), "{types_rs}");
    assert!(types_rs.contains("#[deprecated]\n    Done,"), "{types_rs}");
}

#[test]
fn malformed_enum_traits_are_errors() {
    let cases = [
        (
            r#"{"type": "string", "traits": {"smithy.api#enum": [{"value": "a"}, {"value": "a"}]}}"#,
            "invalid `@enum` trait: the value `a` is defined twice",
        ),
        (
            r#"{"type": "string", "traits": {"smithy.api#enum": [{"value": "a", "name": "X"}, {"value": "b", "name": "x"}]}}"#,
            "invalid `@enum` trait: the name `x` (of value `b`) is used twice (names may not differ only by case)",
        ),
        (
            r#"{"type": "string", "traits": {"smithy.api#enum": [{"value": "a", "name": "not valid"}]}}"#,
            "invalid `@enum` trait: the `name` of value `a` must be an identifier",
        ),
        (
            r#"{"type": "string", "traits": {"smithy.api#enum": [{"name": "A"}]}}"#,
            "invalid `@enum` trait: definition 1 needs a non-empty string `value`",
        ),
        (
            r#"{"type": "string", "traits": {"smithy.api#enum": []}}"#,
            "invalid `@enum` trait: the list of enum definitions is empty",
        ),
        (
            r#"{"type": "string", "traits": {"smithy.api#enum": {"value": "a"}}}"#,
            "invalid `@enum` trait: expected a list of enum definitions",
        ),
    ];
    for (size, message) in cases {
        let err = ingot_codegen::generate(
            "model/enums.json",
            &model("1.0", STATUS_1_0, size),
            &Default::default(),
            &opts(),
        )
        .expect_err(message);
        assert_eq!(
            err.to_string(),
            format!("error: {message}\n  --> model/enums.json, shape `ex#Size`\n  = help: write it as a list of {{\"value\": \"...\", \"name\": \"IDENTIFIER\"}} objects, or use an enum shape\n\n1 error found")
        );
    }
}
