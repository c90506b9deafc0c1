//! Traits with wire behaviour: what the IR decides for `model/ingot-wire-traits.json`, what the
//! emitted code hands the runtime, and the diagnostics for bad trait values.

use ingot_codegen::emit::EmitOptions;
use ingot_codegen::ir::{self, ServiceIr, TypeKind};

const WIRE_MODEL: &str = include_str!("../../model/ingot-wire-traits.json");

fn lower(file: &str, text: &str) -> Result<ServiceIr, String> {
    let model = ingot_codegen::model::parse_model(file, text).map_err(|d| d.to_string())?;
    let index = ingot_codegen::index::ShapeIndex::new(&model).map_err(|d| d.to_string())?;
    ir::lower(&index, &Default::default()).map_err(|d| d.to_string())
}

fn wire_ir() -> ServiceIr {
    lower("model/ingot-wire-traits.json", WIRE_MODEL).expect("the test model lowers")
}

/// `(query_error, retryable)` of the error type named `name`.
fn error_info(ir: &ServiceIr, name: &str) -> (Option<String>, Option<bool>) {
    let def = ir
        .types
        .iter()
        .find(|t| t.wire_name == name)
        .unwrap_or_else(|| panic!("no type {name}"));
    match &def.kind {
        TypeKind::Structure(s) => {
            let e = s.error.as_ref().expect("an error");
            (e.query_error.clone(), e.retryable)
        }
        _ => panic!("{name} is not a structure"),
    }
}

/// The generated file `path` of the crate whose name ends with `suffix`.
fn generated_file(suffix: &str, path: &str) -> String {
    let opts = EmitOptions {
        runtime_dir: "../../crates".into(),
        command: "cargo xtask gen".into(),
    };
    let generated = ingot_codegen::generate(
        "model/ingot-wire-traits.json",
        WIRE_MODEL,
        &Default::default(),
        &opts,
    )
    .expect("generates");
    let krate = generated
        .crates
        .iter()
        .find(|c| c.name.ends_with(suffix))
        .expect("crate");
    krate
        .files
        .iter()
        .find(|f| f.path == path)
        .map(|f| f.contents.clone())
        .expect("file")
}

/// The text of `pub mod <module> { .. }` in a generated operation file.
fn module<'a>(file: &'a str, module: &str) -> &'a str {
    let start = file
        .find(&format!("pub mod {module} {{"))
        .unwrap_or_else(|| panic!("no module {module}"));
    let rest = &file[start..];
    let end = rest[1..].find("\npub mod ").map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

#[test]
fn ir_records_every_wire_trait() {
    let ir = wire_ir();
    assert!(ir.query_compatible);
    let gzip: Vec<_> = ir
        .operations
        .iter()
        .map(|op| (op.name.as_str(), op.gzip_request))
        .collect();
    assert_eq!(
        gzip,
        [
            ("CreateThing", false),
            ("DescribeEndpoints", false),
            ("GetRecord", false),
            ("GetThing", false),
            ("GetThingData", false),
            ("PutBlob", true),
            ("PutRecord", false)
        ]
    );
    assert_eq!(
        error_info(&ir, "ThingNotFound"),
        (Some("AWS.WireTraits.NoSuchThing;Sender".into()), None)
    );
    assert_eq!(
        error_info(&ir, "InternalProblem"),
        (Some("InternalProblem;Receiver".into()), None)
    );
    assert_eq!(
        error_info(&ir, "CapacityExceeded"),
        (Some("CapacityExceeded;Sender".into()), Some(true))
    );
    assert_eq!(
        error_info(&ir, "ThingBusy"),
        (Some("ThingBusy;Sender".into()), Some(false))
    );
    let input = ir
        .types
        .iter()
        .find(|t| t.path.name.name == "CreateThingInput")
        .expect("input");
    let TypeKind::Structure(s) = &input.kind else {
        panic!("structure")
    };
    let token = s
        .members
        .iter()
        .find(|m| m.wire_name == "clientToken")
        .expect("member");
    assert!(token.idempotency_token && token.optional);
}

#[test]
fn client_code_hands_the_traits_to_the_runtime() {
    let client = generated_file("-client", "src/client.rs");
    assert!(client.contains("query_compatible: true,"), "{client}");
    for (name, throttling) in [("CapacityExceeded", true), ("ThingBusy", false)] {
        let entry = format!(
            "::ingot_client_rt::__private::RetryableError {{\n            shape_name: \"{name}\",\n            throttling: {throttling},\n        }}"
        );
        assert!(client.contains(&entry), "{entry}\nnot in\n{client}");
    }
    assert!(!client.contains("\"ThingNotFound\""), "{client}");

    // One file per operation.
    let op = |name: &str| generated_file("-client", &format!("src/operation/{name}.rs"));
    let gzip = "::ingot_client_rt::__private::RequestEncoding::Gzip";
    assert!(op("put_blob").contains(gzip));
    assert!(!op("get_thing").contains(gzip));
    assert!(!op("create_thing").contains(gzip));
    // Modeled errors are matched by the __type name (the runtime parser's `code()` is the
    // shape name), not by the (query) code.
    let get = op("get_thing");
    assert!(
        get.contains("match parser.code()")
            && get.contains(
                "Some(\"ThingNotFound\") => {\n                parser.modeled(Self::ThingNotFound)"
            ),
        "{get}"
    );
    let create = op("create_thing");
    assert!(
        create.contains("if input.client_token.is_none()")
            && create.contains("::ingot_client_rt::__private::idempotency_token()"),
        "{create}"
    );
}

#[test]
fn server_code_sends_the_query_error_of_each_modeled_error() {
    let ops = generated_file("-server", "src/operation.rs");
    let get = module(&ops, "get_thing");
    for header in [
        "AWS.WireTraits.NoSuchThing;Sender",
        "InternalProblem;Receiver",
        "CapacityExceeded;Sender",
        "ThingBusy;Sender",
    ] {
        assert!(get.contains(&format!("\"{header}\"")), "{header}\n{get}");
    }
}

/// A one-operation service with `service_traits`, an operation with `op_traits` and one error
/// with `error_traits`.
fn model(protocol: &str, service_traits: &str, op_traits: &str, error_traits: &str) -> String {
    format!(
        r#"{{
  "smithy": "2.0",
  "shapes": {{
    "ex#Svc": {{"type": "service", "version": "1", "operations": [{{"target": "ex#Op"}}],
               "traits": {{"aws.protocols#{protocol}": {{}} {service_traits}}}}},
    "ex#Op": {{"type": "operation", "errors": [{{"target": "ex#Oops"}}], "traits": {{ {op_traits} }}}},
    "ex#Oops": {{"type": "structure", "members": {{}}, "traits": {{"smithy.api#error": "client" {error_traits}}}}}
  }}
}}"#
    )
}

const COMPAT: &str = r#", "aws.protocols#awsQueryCompatible": {}"#;

#[test]
fn query_compatibility_needs_awsjson_1_0() {
    let err = lower("model/bad.json", &model("awsJson1_1", COMPAT, "", "")).unwrap_err();
    assert_eq!(
        err,
        "error: `@awsQueryCompatible` applies only to awsJson1_0 services\n  --> model/bad.json, shape `ex#Svc`\n  = help: remove the trait, or switch the service to `aws.protocols#awsJson1_0`\n\n1 error found"
    );
}

#[test]
fn query_error_codes_must_fit_the_header() {
    for bad in [
        r#"{}"#,
        r#"{"code": ""}"#,
        r#"{"code": "a;b"}"#,
        r#"{"code": 5}"#,
    ] {
        let traits = format!(r#", "aws.protocols#awsQueryError": {bad}"#);
        let err = lower("model/bad.json", &model("awsJson1_0", COMPAT, "", &traits)).unwrap_err();
        assert!(
            err.starts_with("error: `@awsQueryError` needs a non-empty `code`")
                && err.contains("shape `ex#Oops`"),
            "{bad}: {err}"
        );
    }
    // Without @awsQueryCompatible the trait is not read at all, and no header is sent.
    let traits = r#", "aws.protocols#awsQueryError": {"code": "Custom", "httpResponseCode": 400}"#;
    let ir = lower("model/ok.json", &model("awsJson1_0", "", "", traits)).unwrap();
    assert!(!ir.query_compatible);
    assert_eq!(error_info(&ir, "Oops"), (None, None));
    let ir = lower("model/ok.json", &model("awsJson1_0", COMPAT, "", traits)).unwrap();
    assert_eq!(error_info(&ir, "Oops").0.as_deref(), Some("Custom;Sender"));
}

#[test]
fn request_compression_uses_gzip_when_listed_and_checks_the_value() {
    let gzip = |encodings: &str| {
        let traits = format!(r#""smithy.api#requestCompression": {encodings}"#);
        lower("model/x.json", &model("awsJson1_1", "", &traits, ""))
            .map(|ir| ir.operations[0].gzip_request)
    };
    assert_eq!(gzip(r#"{"encodings": ["gzip"]}"#), Ok(true));
    assert_eq!(gzip(r#"{"encodings": ["zstd", "GZIP"]}"#), Ok(true));
    assert_eq!(gzip(r#"{"encodings": ["zstd"]}"#), Ok(false));
    let err = gzip(r#"{}"#).unwrap_err();
    assert!(
        err.starts_with("error: `@requestCompression` needs an `encodings` list\n  --> model/x.json, shape `ex#Op`"),
        "{err}"
    );
    let err = gzip(r#"{"encodings": [1]}"#).unwrap_err();
    assert!(err.contains("encodings must be strings, found 1"), "{err}");
}
