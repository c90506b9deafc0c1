//! Bad IDL: each problem gets a diagnostic naming file, line and column, word for word.

use ingot_codegen::emit::EmitOptions;
use ingot_codegen::model::{self, SourceFile};

fn file(name: &str, text: &str) -> SourceFile {
    SourceFile {
        name: name.to_owned(),
        text: text.to_owned(),
    }
}

/// The printed diagnostics of loading `files` (empty when the model loads).
fn load(files: &[SourceFile]) -> String {
    match model::parse_files(files) {
        Ok(_) => String::new(),
        Err(d) => d.to_string(),
    }
}

/// The printed diagnostics of generating from `files` (empty when generation succeeds).
fn generate(files: &[SourceFile]) -> String {
    let opts = EmitOptions {
        runtime_dir: "../../crates".into(),
        command: "cargo xtask gen".into(),
    };
    match ingot_codegen::generate_files(files, &Default::default(), &opts) {
        Ok(_) => String::new(),
        Err(d) => d.to_string(),
    }
}

/// A valid awsJson service in `ex` around `extra` shapes; `Op` takes `In` as input.
fn service_with(extra: &str) -> String {
    format!(
        "$version: \"2\"\nnamespace ex\n\n@aws.protocols#awsJson1_1\nservice Svc {{\n    version: \"1\"\n    operations: [Op]\n}}\n\noperation Op {{\n    input: In\n}}\n\n{extra}"
    )
}

#[test]
fn unterminated_string() {
    let got = load(&[file(
        "m.smithy",
        "$version: \"2\"\nnamespace ex\n@documentation(\"héllo\n",
    )]);
    assert_eq!(
        got,
        "error: unterminated string (missing closing `\"`)\n  --> m.smithy:3:16\n\n1 error found"
    );
}

#[test]
fn missing_closing_brace() {
    let got = load(&[file(
        "m.smithy",
        "$version: \"2\"\nnamespace ex\n\nstructure A {\n    a: String\n",
    )]);
    assert_eq!(
        got,
        "error: expected `}` to close the `{` at line 4, column 13, found the end of the file\n  --> m.smithy:6:1\n\n1 error found"
    );
}

#[test]
fn unknown_shape_type_keyword() {
    let got = load(&[file(
        "m.smithy",
        "$version: \"2\"\nnamespace ex\n\nstruct A {}\n",
    )]);
    assert_eq!(
        got,
        "error: unknown shape type `struct`\n  --> m.smithy:4:1\n  = help: use one of: blob, boolean, document, string, byte, short, integer, long, float, double, bigInteger, bigDecimal, timestamp, enum, intEnum, list, set, map, structure, union, service, operation, resource, apply\n\n1 error found"
    );
}

#[test]
fn trait_value_of_the_wrong_type() {
    let got = load(&[file(
        "m.smithy",
        "$version: \"2\"\nnamespace ex\n\nstructure A {\n    @length(min: \"one\")\n    name: String\n}\n",
    )]);
    assert_eq!(
        got,
        "error: invalid value for trait `smithy.api#length`: `min`: expected a non-negative integer, found a string\n  --> m.smithy:5:5, shape `ex#A`, member `name`\n  = help: see the trait's definition in the Smithy specification\n\n1 error found"
    );
}

#[test]
fn use_of_a_shape_that_does_not_exist() {
    let got = load(&[file(
        "m.smithy",
        "$version: \"2\"\nnamespace ex\nuse other#Missing\n\nstructure A {}\n",
    )]);
    assert_eq!(
        got,
        "error: `use` names `other#Missing`, which is not defined in the model\n  --> m.smithy:3:5\n  = help: load the file that defines it, or fix the shape id\n\n1 error found"
    );
}

#[test]
fn member_targeting_an_unknown_shape() {
    let got = generate(&[file(
        "svc.smithy",
        &service_with("structure In {\n    pet: Pet\n}\n"),
    )]);
    assert_eq!(
        got,
        "error: member target `ex#Pet` does not exist\n  --> svc.smithy:15:5, shape `ex#In`, member `pet`\n  = help: define the shape `ex#Pet` or fix the target's spelling\n\n1 error found"
    );
}

#[test]
fn duplicate_shape_across_two_files() {
    let got = load(&[
        file("a.smithy", "$version: \"2\"\nnamespace ex\n\nstring Name\n"),
        file(
            "b.smithy",
            "$version: \"2\"\nnamespace ex\n\n\n@sensitive\nstring Name\n",
        ),
    ]);
    assert_eq!(
        got,
        "error: duplicate shape id\n  --> b.smithy:6:8, shape `ex#Name`\n  = help: it is also defined at a.smithy:4:8; each shape id may be defined once, remove or rename one of them\n\n1 error found"
    );
}

#[test]
fn index_diagnostics_name_the_file_that_defines_the_shape() {
    // The service is JSON AST; the bad structure is IDL in another file.
    let json = r#"{"smithy": "2.0", "shapes": {
        "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Op"}],
                   "traits": {"aws.protocols#awsJson1_1": {}}},
        "ex#Op": {"type": "operation", "input": {"target": "ex#In"}}}}"#;
    let got = generate(&[
        file("svc.json", json),
        file(
            "in.smithy",
            "$version: \"2\"\nnamespace ex\n\nstructure In {\n    op: Op\n}\n",
        ),
    ]);
    assert_eq!(
        got,
        "error: member targets the operation `ex#Op`; members must target data shapes\n  --> in.smithy:5:5, shape `ex#In`, member `op`\n\n1 error found"
    );
}

#[test]
fn elided_member_without_a_source() {
    let got = load(&[file(
        "m.smithy",
        "$version: \"2\"\nnamespace ex\n\nstructure A {\n    $id\n}\n",
    )]);
    assert_eq!(
        got,
        "error: elided member `$id` matches no identifier or property of a `for` resource and no mixin member\n  --> m.smithy:5:6\n  = help: write the target, e.g. `id: String`\n\n1 error found"
    );
}

#[test]
fn ir_diagnostics_name_the_idl_file_line_and_column() {
    let got = generate(&[
        file("svc.smithy", &service_with("")),
        file(
            "in.smithy",
            "$version: \"2\"\nnamespace ex\n\nstructure In {\n    count: Integer = \"many\"\n}\n",
        ),
    ]);
    assert_eq!(
        got,
        "error: `@default` value \"many\" does not fit the member's type\n  --> in.smithy:5:5, shape `ex#In`, member `count`\n  = help: lists take [], maps {}, blobs base64 text, enums one of their values\n\n1 error found"
    );
}

#[test]
fn a_different_prelude_definition_is_refused() {
    let got = load(&[file(
        "p.smithy",
        "$version: \"2\"\nnamespace smithy.api\n\n@sensitive\nstring String\n",
    )]);
    assert_eq!(
        got,
        "error: this definition of a prelude shape differs from the built-in prelude\n  --> p.smithy:5:8, shape `smithy.api#String`\n  = help: remove it: the prelude is built in, and only identical copies of it may be loaded\n\n1 error found"
    );
    // An identical copy loads.
    assert_eq!(
        load(&[file(
            "p.smithy",
            "$version: \"2\"\nnamespace smithy.api\n\nstring String\n"
        )]),
        ""
    );
}
