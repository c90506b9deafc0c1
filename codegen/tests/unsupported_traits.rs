//! Traits Ingot does not implement are reported, never dropped silently; harmless ones are
//! ignored without a word; the sdkId must make crate names; recursion limits and values that do
//! not fit are diagnostics, not crashes.

use ingot_codegen::emit::EmitOptions;

fn opts() -> EmitOptions {
    EmitOptions {
        runtime_dir: "../../crates".into(),
        command: "cargo xtask gen".into(),
    }
}

/// A service with `service_traits` (JSON members of its `traits`), one operation `ex#Op` with
/// `op_traits` and input `ex#OpInput`, plus `extra` shapes.
fn model(service_traits: &str, op_traits: &str, extra: &str) -> String {
    format!(
        r#"{{
  "smithy": "2.0",
  "shapes": {{
    "ex#Svc": {{"type": "service", "version": "1", "operations": [{{"target": "ex#Op"}}],
               "traits": {{"aws.protocols#awsJson1_0": {{}}{service_traits}}}}},
    "ex#Op": {{"type": "operation", "input": {{"target": "ex#OpInput"}}, "traits": {{{op_traits}}}}},
    {extra}
  }}
}}"#
    )
}

fn generate(text: &str) -> Result<ingot_codegen::Generated, String> {
    ingot_codegen::generate("model/t.json", text, &Default::default(), &opts())
        .map_err(|d| d.to_string())
}

fn warnings(text: &str) -> Vec<String> {
    generate(text)
        .unwrap_or_else(|e| panic!("{e}"))
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn unsupported_and_unknown_traits_are_warned_naming_shape_and_member() {
    let text = model(
        r#", "aws.api#service": {"sdkId": "Traits"}, "aws.api#clientEndpointDiscovery": {"operation": "ex#Op", "error": "ex#Op"}"#,
        r#""smithy.api#httpChecksumRequired": {}, "smithy.api#examples": [], "smithy.api#fancy": {}"#,
        r#""ex#OpInput": {"type": "structure", "members": {
            "host": {"target": "smithy.api#String", "traits": {"smithy.api#hostLabel": {}, "smithy.api#required": {}}},
            "header": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "X-H", "aws.iam#iamResource": {}, "aws.custom#thing": {}}}
        }, "traits": {"smithy.api#input": {}, "smithy.rules#contextParam": {}}}"#,
    );
    assert_eq!(
        warnings(&text),
        [
            "warning: trait `smithy.api#fancy` is unknown to Ingot, the generated code ignores it\n  --> model/t.json, shape `ex#Op`",
            "warning: trait `smithy.api#httpChecksumRequired` is not supported, the generated code ignores it: no `Content-MD5` checksum is sent\n  --> model/t.json, shape `ex#Op`",
            "warning: trait `aws.custom#thing` is unknown to Ingot, the generated code ignores it\n  --> model/t.json, shape `ex#OpInput`, member `header`",
            "warning: the service has no `smithy.rules#endpointRuleSet`; clients use the standard regional pattern `https://<endpointPrefix>.<region>.<partition DNS suffix>`\n  --> model/t.json, shape `ex#Svc`",
            "warning: `aws.api#clientEndpointDiscovery` cannot be used: its output has no `Endpoints` member; operations marked `aws.api#clientDiscoveredEndpoint` use their resolved endpoint\n  --> model/t.json, shape `ex#Svc`",
        ]
    );
}

#[test]
fn implemented_and_harmless_traits_give_no_warning() {
    let text = model(
        r#", "aws.api#service": {"sdkId": "Quiet"}, "smithy.rules#endpointRuleSet": {"version": "1.0", "parameters": {}, "rules": [{"type": "endpoint", "conditions": [], "endpoint": {"url": "https://quiet.example.com"}}]}, "smithy.api#title": "Q", "smithy.api#xmlNamespace": {"uri": "x"}, "aws.protocols#restJson1": {}"#,
        r#""smithy.api#readonly": {}, "smithy.api#examples": [], "smithy.api#suppress": ["X"]"#,
        r#""ex#OpInput": {"type": "structure", "members": {
            "a": {"target": "smithy.api#String", "traits": {"smithy.api#jsonName": "b", "smithy.api#since": "1", "smithy.api#idempotencyToken": {}}}
        }}"#,
    );
    assert_eq!(warnings(&text), Vec::<String>::new());
}

#[test]
fn a_failing_model_shows_its_warnings_with_its_errors() {
    let text = model(
        "",
        r#""smithy.api#httpChecksumRequired": {}"#,
        r#""ex#OpInput": {"type": "structure", "members": {"n": {"target": "ex#Tiny", "traits": {"smithy.api#default": 300}}}},
           "ex#Tiny": {"type": "byte"}"#,
    );
    assert_eq!(
        generate(&text).unwrap_err(),
        "warning: trait `smithy.api#httpChecksumRequired` is not supported, the generated code ignores it: no `Content-MD5` checksum is sent\n  --> model/t.json, shape `ex#Op`\n\n\
         error: `@default` value 300 does not fit the member's type\n  --> model/t.json, shape `ex#OpInput`, member `n`\n  = help: lists take [], maps {}, blobs base64 text, enums one of their values\n\n\
         1 error and 1 warning found"
    );
}

#[test]
fn enum_defaults_must_be_enum_values_not_member_names() {
    let text = model(
        "",
        "",
        r#""ex#OpInput": {"type": "structure", "members": {
            "c": {"target": "ex#Color", "traits": {"smithy.api#default": "RED"}},
            "n": {"target": "ex#Level", "traits": {"smithy.api#default": 3}},
            "ok": {"target": "ex#Color", "traits": {"smithy.api#default": "red"}}
        }},
        "ex#Color": {"type": "enum", "members": {"RED": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "red"}}}},
        "ex#Level": {"type": "intEnum", "members": {"LOW": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}}}}"#,
    );
    let help = "lists take [], maps {}, blobs base64 text, enums one of their values";
    assert_eq!(
        generate(&text).unwrap_err(),
        format!(
            "error: `@default` value \"RED\" does not fit the member's type\n  --> model/t.json, shape `ex#OpInput`, member `c`\n  = help: {help}\n\n\
             error: `@default` value 3 does not fit the member's type\n  --> model/t.json, shape `ex#OpInput`, member `n`\n  = help: {help}\n\n\
             2 errors found"
        )
    );
}

#[test]
fn sdk_ids_must_make_crate_names() {
    for (sdk_id, base) in [("Café", "café"), ("123 Go", "123go"), ("***", "***")] {
        let text = model(
            &format!(r#", "aws.api#service": {{"sdkId": "{sdk_id}"}}"#),
            "",
            r#""ex#OpInput": {"type": "structure"}"#,
        );
        assert_eq!(
            generate(&text).unwrap_err(),
            format!("error: `{sdk_id}`, the `sdkId` of `aws.api#service`, cannot name crates: it gives `{base}-types`, and a crate name needs an ASCII letter first, then ASCII letters, digits and `-`\n  --> model/t.json, shape `ex#Svc`\n  = help: set `sdkId` in the service's `aws.api#service` trait to ASCII words, e.g. \"Cognito Identity Provider\", or name the crates with the `crateName` setting\n\n1 error found")
        );
    }
    // Without the trait the service name is used: an identifier, which can still start with a
    // digit once its underscores are gone.
    let text =
        model("", "", r#""ex#OpInput": {"type": "structure"}"#).replace("ex#Svc", "ex#_1Svc");
    assert_eq!(
        generate(&text).unwrap_err(),
        "error: `_1Svc`, the service name (the service has no `aws.api#service` trait), cannot name crates: it gives `1svc-types`, and a crate name needs an ASCII letter first, then ASCII letters, digits and `-`\n  --> model/t.json, shape `ex#_1Svc`\n  = help: set `sdkId` in the service's `aws.api#service` trait to ASCII words, e.g. \"Cognito Identity Provider\", or name the crates with the `crateName` setting\n\n1 error found"
    );
}

#[test]
fn defaults_must_fit_the_rust_type() {
    for (ty, value) in [
        ("byte", "128"),
        ("short", "-40000"),
        ("integer", "3000000000"),
        ("float", "1e300"),
    ] {
        let text = model(
            "",
            "",
            &format!(
                r#""ex#OpInput": {{"type": "structure", "members": {{"n": {{"target": "ex#N", "traits": {{"smithy.api#default": {value}}}}}}}}}, "ex#N": {{"type": "{ty}"}}"#
            ),
        );
        let err = generate(&text).unwrap_err();
        assert!(
            err.starts_with("error: `@default` value"),
            "{ty} {value}: {err}"
        );
        assert!(err.ends_with("does not fit the member's type\n  --> model/t.json, shape `ex#OpInput`, member `n`\n  = help: lists take [], maps {}, blobs base64 text, enums one of their values\n\n1 error found"), "{err}");
    }
}

#[test]
fn a_list_holding_itself_is_an_error_not_a_stack_overflow() {
    let text = model(
        "",
        "",
        r#""ex#OpInput": {"type": "structure", "members": {"l": {"target": "ex#L"}}},
           "ex#L": {"type": "list", "member": {"target": "ex#M"}},
           "ex#M": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "ex#L"}}"#,
    );
    assert_eq!(
        generate(&text).unwrap_err(),
        "error: this list or map contains itself without a structure or union in between\n  --> model/t.json, shape `ex#L`\n  = help: put a structure or union between the levels, or flatten the nesting\n\n1 error found"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let depth = 5000;
    let mut shapes = vec![
        r#""ex#OpInput": {"type": "structure", "members": {"l": {"target": "ex#L0"}}}"#.to_owned(),
    ];
    for i in 0..depth {
        shapes.push(format!(
            r#""ex#L{i}": {{"type": "list", "member": {{"target": "ex#L{}"}}}}"#,
            i + 1
        ));
    }
    shapes.push(format!(r#""ex#L{depth}": {{"type": "string"}}"#));
    let err = generate(&model("", "", &shapes.join(",\n"))).unwrap_err();
    assert!(
        err.starts_with("error: lists and maps nest deeper than 16 levels here\n"),
        "{}",
        &err[..200]
    );

    let mut shapes =
        vec![r#""ex#OpInput": {"type": "structure", "mixins": [{"target": "ex#M0"}]}"#.to_owned()];
    for i in 0..depth {
        shapes.push(format!(r#""ex#M{i}": {{"type": "structure", "mixins": [{{"target": "ex#M{}"}}], "traits": {{"smithy.api#mixin": {{}}}}}}"#, i + 1));
    }
    shapes.push(format!(r#""ex#M{depth}": {{"type": "structure", "members": {{"x": {{"target": "smithy.api#String"}}}}, "traits": {{"smithy.api#mixin": {{}}}}}}"#));
    let err = generate(&model("", "", &shapes.join(",\n"))).unwrap_err();
    assert!(
        err.contains("error: mixins nest deeper than 32 levels\n"),
        "{}",
        &err[..200]
    );
}
