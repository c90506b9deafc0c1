//! The engine's semantics on small rule sets: parameters, rule kinds, conditions and assign,
//! templates in every place, errors, and the public helpers.

use ingot_endpoint_rules::{ParamType, Params, Partitions, RuleSet, Value};
use serde_json::json;

fn rules(body: serde_json::Value) -> RuleSet {
    RuleSet::from_json_value(&body).unwrap_or_else(|e| panic!("{e}"))
}

fn base(rules_json: serde_json::Value) -> RuleSet {
    rules(json!({
        "version": "1.0",
        "parameters": {
            "Region": {"type": "string", "builtIn": "AWS::Region", "documentation": "region"},
            "UseFIPS": {"type": "boolean", "builtIn": "AWS::UseFIPS", "required": true, "default": false},
            "Names": {"type": "stringArray", "required": false},
            "Endpoint": {"type": "string", "builtIn": "SDK::Endpoint",
                         "deprecated": {"message": "use something else", "since": "2024-01-01"}}
        },
        "rules": rules_json
    }))
}

fn resolve(rs: &RuleSet, params: Params) -> Result<String, String> {
    rs.resolve(&params, Partitions::builtin())
        .map(|e| e.url)
        .map_err(|e| e.to_string())
}

#[test]
fn parameters_are_parsed_with_types_defaults_and_metadata() {
    let rs =
        base(json!([{"conditions": [], "type": "endpoint", "endpoint": {"url": "https://x"}}]));
    let names: Vec<_> = rs.parameters().iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Endpoint", "Names", "Region", "UseFIPS"]);
    let fips = rs.parameter("UseFIPS").unwrap();
    assert_eq!(fips.ty, ParamType::Boolean);
    assert!(fips.required);
    assert_eq!(fips.default, Some(Value::Bool(false)));
    assert_eq!(fips.built_in.as_deref(), Some("AWS::UseFIPS"));
    let region = rs.parameter("Region").unwrap();
    assert_eq!(region.documentation.as_deref(), Some("region"));
    assert!(!region.required);
    let ep = rs.parameter("Endpoint").unwrap();
    assert_eq!(
        ep.deprecated.as_ref().and_then(|d| d.message.as_deref()),
        Some("use something else")
    );
    assert_eq!(rs.version(), "1.0");
    assert_eq!(
        rs.parameter_for_built_in("SDK::Endpoint")
            .map(|p| p.name.as_str()),
        Some("Endpoint")
    );
    assert!(rs.parameter_for_built_in("AWS::Nope").is_none());
}

#[test]
fn defaults_fill_unset_parameters_and_required_ones_must_be_set() {
    let rs = base(json!([
        {"conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}],
         "type": "endpoint", "endpoint": {"url": "https://fips"}},
        {"conditions": [], "type": "endpoint", "endpoint": {"url": "https://plain"}}
    ]));
    assert_eq!(resolve(&rs, Params::new()), Ok("https://plain".into()));
    assert_eq!(
        resolve(&rs, Params::new().with("UseFIPS", true)),
        Ok("https://fips".into())
    );

    let required = rules(json!({
        "version": "1.0",
        "parameters": {"Bucket": {"type": "string", "required": true}},
        "rules": [{"conditions": [], "type": "endpoint", "endpoint": {"url": "https://{Bucket}.s3"}}]
    }));
    let err = required
        .resolve(&Params::new(), Partitions::builtin())
        .unwrap_err();
    assert!(!err.is_rule_error());
    assert!(
        err.to_string()
            .contains("missing required endpoint parameter `Bucket`"),
        "{err}"
    );
    // Wrong type for a parameter.
    let err = required
        .resolve(&Params::new().with("Bucket", true), Partitions::builtin())
        .unwrap_err();
    assert!(
        err.to_string().contains("`Bucket` must be a string"),
        "{err}"
    );
    assert_eq!(
        resolve(&required, Params::new().with("Bucket", "b")),
        Ok("https://b.s3".into())
    );
}

#[test]
fn assign_binds_results_for_later_conditions_and_the_body() {
    let rs = base(json!([
        {"conditions": [
            {"fn": "isSet", "argv": [{"ref": "Region"}]},
            {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"},
            {"fn": "getAttr", "argv": [{"ref": "P"}, "name"], "assign": "Name"}
         ],
         "type": "tree",
         "rules": [
            {"conditions": [{"fn": "stringEquals", "argv": [{"ref": "Name"}, "aws-cn"]}],
             "type": "endpoint", "endpoint": {"url": "https://cn.{Region}.{P#dnsSuffix}"}},
            {"conditions": [], "type": "endpoint", "endpoint": {"url": "https://{Region}.{P#dnsSuffix}/{Name}"}}
         ]},
        {"conditions": [], "type": "error", "error": "Region is unset"}
    ]));
    assert_eq!(
        resolve(&rs, Params::new().with("Region", "cn-north-1")),
        Ok("https://cn.cn-north-1.amazonaws.com.cn".into())
    );
    assert_eq!(
        resolve(&rs, Params::new().with("Region", "eu-west-1")),
        Ok("https://eu-west-1.amazonaws.com/aws".into())
    );
    assert_eq!(resolve(&rs, Params::new()), Err("Region is unset".into()));
}

#[test]
fn a_function_returning_none_fails_the_condition_and_false_does_too() {
    let rs = base(json!([
        {"conditions": [{"fn": "parseURL", "argv": [{"ref": "Endpoint"}], "assign": "url"}],
         "type": "endpoint", "endpoint": {"url": "{url#scheme}://{url#authority}{url#path}"}},
        {"conditions": [{"fn": "not", "argv": [{"fn": "isSet", "argv": [{"ref": "Region"}]}]}],
         "type": "error", "error": "no region and no usable endpoint ({{braces}} stay)"},
        {"conditions": [], "type": "endpoint", "endpoint": {"url": "https://{Region}"}}
    ]));
    assert_eq!(
        resolve(&rs, Params::new().with("Endpoint", "https://h:8/p")),
        Ok("https://h:8/p".into())
    );
    // A query makes parseURL return none: the rule does not apply.
    assert_eq!(
        resolve(
            &rs,
            Params::new()
                .with("Endpoint", "https://h?q")
                .with("Region", "r")
        ),
        Ok("https://r".into())
    );
    assert_eq!(
        resolve(&rs, Params::new().with("Endpoint", "not a url")),
        Err("no region and no usable endpoint ({braces} stay)".into())
    );
}

#[test]
fn tree_rules_are_terminal_and_exhaustion_is_an_error() {
    let rs = base(json!([
        {"conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]}], "type": "tree", "rules": [
            {"conditions": [{"fn": "stringEquals", "argv": [{"ref": "Region"}, "a"]}],
             "type": "endpoint", "endpoint": {"url": "https://a"}}
        ]},
        {"conditions": [], "type": "endpoint", "endpoint": {"url": "https://fallback"}}
    ]));
    assert_eq!(
        resolve(&rs, Params::new().with("Region", "a")),
        Ok("https://a".into())
    );
    let err = rs
        .resolve(&Params::new().with("Region", "b"), Partitions::builtin())
        .unwrap_err();
    assert!(!err.is_rule_error());
    assert!(
        err.to_string().contains("no endpoint rule matched"),
        "{err}"
    );
    assert_eq!(resolve(&rs, Params::new()), Ok("https://fallback".into()));
}

#[test]
fn error_rules_are_rule_errors_with_templated_messages() {
    let rs = base(json!([{"conditions": [], "type": "error", "error": "Invalid region {Region}"}]));
    let err = rs
        .resolve(&Params::new().with("Region", "x y"), Partitions::builtin())
        .unwrap_err();
    assert!(err.is_rule_error());
    assert_eq!(err.to_string(), "Invalid region x y");
    assert_eq!(err.message(), "Invalid region x y");
}

#[test]
fn headers_and_properties_are_templated_recursively() {
    let rs = base(json!([{
        "conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"}],
        "type": "endpoint",
        "endpoint": {
            "url": "https://svc.{Region}.{P#dnsSuffix}",
            "headers": {"x-region": ["{Region}", "fixed"], "x-part": [{"fn": "getAttr", "argv": [{"ref": "P"}, "name"]}]},
            "properties": {
                "authSchemes": [
                    {"name": "sigv4", "signingName": "svc", "signingRegion": "{Region}", "disableDoubleEncoding": true},
                    {"name": "sigv4a", "signingRegionSet": ["*", "{P#name}"]},
                    {"noName": 1}
                ],
                "nested": {"deep": [{"value": "{P#dualStackDnsSuffix}"}], "n": 1.5, "ok": false}
            }
        }
    }]));
    let endpoint = rs
        .resolve(
            &Params::new().with("Region", "us-west-2"),
            Partitions::builtin(),
        )
        .unwrap();
    assert_eq!(endpoint.url, "https://svc.us-west-2.amazonaws.com");
    assert_eq!(endpoint.headers["x-region"], ["us-west-2", "fixed"]);
    assert_eq!(endpoint.headers["x-part"], ["aws"]);
    assert_eq!(
        serde_json::Value::Object(endpoint.properties.clone())["nested"],
        json!({"deep": [{"value": "api.aws"}], "n": 1.5, "ok": false})
    );
    let schemes = endpoint.auth_schemes();
    assert_eq!(schemes.len(), 2, "the entry without a name is skipped");
    assert_eq!(schemes[0].name, "sigv4");
    assert_eq!(schemes[0].signing_name.as_deref(), Some("svc"));
    assert_eq!(schemes[0].signing_region.as_deref(), Some("us-west-2"));
    assert_eq!(schemes[0].disable_double_encoding, Some(true));
    assert_eq!(schemes[1].name, "sigv4a");
    assert_eq!(schemes[1].signing_region_set, ["*", "aws"]);
    assert_eq!(schemes[1].signing_region, None);
}

#[test]
fn library_functions_evaluate_through_the_engine() {
    // One endpoint whose URL is built from each function's result, so each is exercised
    // through parsing and evaluation, not only as a Rust function.
    let rs = rules(json!({
        "version": "1.1",
        "parameters": {
            "S": {"type": "string", "required": true},
            "Arn": {"type": "string", "required": true},
            "L": {"type": "stringArray", "required": true, "default": ["d0", "d1"]},
            "B": {"type": "boolean"}
        },
        "rules": [{
            "conditions": [
                {"fn": "substring", "argv": [{"ref": "S"}, 0, 3, false], "assign": "Head"},
                {"fn": "substring", "argv": [{"ref": "S"}, 0, 2, true], "assign": "Tail"},
                {"fn": "uriEncode", "argv": ["{S}/x y"], "assign": "Enc"},
                {"fn": "isValidHostLabel", "argv": [{"ref": "Head"}, false]},
                {"fn": "aws.isVirtualHostableS3Bucket", "argv": [{"ref": "S"}, false]},
                {"fn": "aws.parseArn", "argv": [{"ref": "Arn"}], "assign": "A"},
                {"fn": "split", "argv": [{"ref": "S"}, "-", 0], "assign": "Parts"},
                // A condition whose value is `false` fails, so the boolean is used inside `ite`.
                {"fn": "ite", "argv": [{"fn": "coalesce", "argv": [{"ref": "B"}, true]}, "yes", "no"], "assign": "Word"},
                {"fn": "getAttr", "argv": [{"ref": "L"}, "[1]"], "assign": "Second"}
            ],
            "type": "endpoint",
            "endpoint": {"url": "https://{Head}.{Tail}.{Enc}.{A#resourceId[1]}.{Parts#[1]}.{Word}.{Second}"}
        }]
    }));
    let url = resolve(
        &rs,
        Params::new()
            .with("S", "abc-def")
            .with("Arn", "arn:aws:s3:::t/u"),
    )
    .unwrap();
    assert_eq!(url, "https://abc.ef.abc-def%2Fx%20y.u.def.yes.d1");
    let url = resolve(
        &rs,
        Params::new()
            .with("S", "abc-def")
            .with("Arn", "arn:aws:s3:::t/u")
            .with("B", false),
    )
    .unwrap();
    assert!(url.ends_with(".no.d1"), "{url}");
    // `S` too short for substring: the rule does not apply and nothing else does.
    assert!(resolve(
        &rs,
        Params::new()
            .with("S", "ab")
            .with("Arn", "arn:aws:s3:::t/u")
    )
    .is_err());
}

#[test]
fn malformed_rule_sets_are_errors_naming_the_place() {
    let bad = [
        (json!([]), ""),
        (
            json!({"version": "2.0", "parameters": {}, "rules": []}),
            "version",
        ),
        (
            json!({"version": "1.0", "parameters": {}, "rules": []}),
            "rules",
        ),
        (
            json!({"version": "1.0", "parameters": {"X": {"type": "int"}}, "rules": []}),
            "parameters.X",
        ),
        (
            json!({"version": "1.0", "parameters": {"X": {"type": "string", "default": true}}, "rules": []}),
            "parameters.X",
        ),
        (
            json!({"version": "1.0", "parameters": {}, "rules": [{"conditions": [], "type": "nope"}]}),
            "rules[0]",
        ),
        (
            json!({"version": "1.0", "parameters": {}, "rules": [
            {"conditions": [{"fn": "frobnicate", "argv": []}], "type": "error", "error": "x"}]}),
            "rules[0].conditions[0]",
        ),
        (
            json!({"version": "1.0", "parameters": {}, "rules": [
            {"conditions": [{"fn": "not", "argv": [true, false]}], "type": "error", "error": "x"}]}),
            "rules[0].conditions[0]",
        ),
        (
            json!({"version": "1.0", "parameters": {}, "rules": [
            {"conditions": [{"fn": "isSet", "argv": [{"ref": "Missing"}]}], "type": "error", "error": "x"}]}),
            "rules[0].conditions[0].argv[0]",
        ),
        (
            json!({"version": "1.0", "parameters": {}, "rules": [
            {"conditions": [], "type": "endpoint", "endpoint": {"url": "https://{Missing}"}}]}),
            "rules[0].endpoint.url",
        ),
        (
            json!({"version": "1.0", "parameters": {}, "rules": [
            {"conditions": [], "type": "endpoint", "endpoint": {"url": "https://{unclosed"}}]}),
            "rules[0].endpoint.url",
        ),
        (
            json!({"version": "1.0", "parameters": {"X": {"type": "string"}}, "rules": [
            {"conditions": [{"fn": "getAttr", "argv": [{"ref": "X"}, "a[x]"]}], "type": "error", "error": "x"}]}),
            "rules[0].conditions[0]",
        ),
        // A variable assigned in one rule is not visible in the next.
        (
            json!({"version": "1.0", "parameters": {"X": {"type": "string"}}, "rules": [
            {"conditions": [{"fn": "parseURL", "argv": [{"ref": "X"}], "assign": "U"}], "type": "error", "error": "x"},
            {"conditions": [], "type": "error", "error": "{U#path}"}]}),
            "rules[1].error",
        ),
        (
            json!({"version": "1.0", "parameters": {}, "rules": [{"conditions": [], "type": "tree", "rules": []}]}),
            "rules[0].rules",
        ),
        // Assigning a name already in scope (here a parameter) is not allowed.
        (
            json!({"version": "1.0", "parameters": {"X": {"type": "string"}}, "rules": [
                {"conditions": [{"fn": "parseURL", "argv": [{"ref": "X"}], "assign": "X"}], "type": "error", "error": "x"}]}),
            "rules[0].conditions[0]",
        ),
    ];
    for (doc, path) in bad {
        let err = RuleSet::from_json_value(&doc).expect_err(&doc.to_string());
        assert_eq!(err.path(), path, "{err}");
    }
    assert!(RuleSet::from_json_str("{").is_err());
}

#[test]
fn deeply_nested_documents_are_rejected_not_overflowed() {
    let mut expr = json!({"ref": "X"});
    for _ in 0..200 {
        expr = json!({"fn": "not", "argv": [expr]});
    }
    let doc = json!({"version": "1.0", "parameters": {"X": {"type": "boolean"}},
        "rules": [{"conditions": [{"fn": "not", "argv": [expr]}], "type": "error", "error": "x"}]});
    assert!(RuleSet::from_json_value(&doc).is_err());
}

#[test]
fn params_builder_and_accessors() {
    let mut p = Params::new().with("A", "x").with("B", true);
    p.set("C", vec!["1".to_owned()]);
    assert_eq!(p.get("A"), Some(&Value::String("x".into())));
    assert_eq!(p.get("B"), Some(&Value::Bool(true)));
    assert_eq!(p.get("C"), Some(&Value::StringArray(vec!["1".into()])));
    assert_eq!(p.iter().count(), 3);
    assert_eq!(p.remove("A"), Some(Value::String("x".into())));
    assert_eq!(p.get("A"), None);
}

#[test]
fn shared_across_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<RuleSet>();
    send_sync::<Partitions>();
    send_sync::<ingot_endpoint_rules::Endpoint>();
    send_sync::<ingot_endpoint_rules::ResolveError>();
    send_sync::<Params>();
}

#[test]
fn rule_sets_are_type_checked_when_parsed() {
    let cases = [
        // A boolean inserted into a template.
        (
            json!({"conditions": [], "type": "error", "error": "FIPS={UseFIPS}"}),
            "rules[0].error",
            "boolean",
        ),
        // Function arguments of the wrong type.
        (
            json!({"conditions": [{"fn": "booleanEquals", "argv": [{"ref": "Region"}, true]}], "type": "error", "error": "x"}),
            "rules[0].conditions[0]",
            "argument 1 of `booleanEquals` must be a boolean",
        ),
        (
            json!({"conditions": [{"fn": "substring", "argv": [{"ref": "Region"}, "0", 2, false]}], "type": "error", "error": "x"}),
            "rules[0].conditions[0]",
            "argument 2 of `substring` must be an integer, not a string",
        ),
        // A record field that parseURL does not produce, and a boolean field in a URL.
        (
            json!({"conditions": [{"fn": "parseURL", "argv": [{"ref": "Endpoint"}], "assign": "U"}],
                   "type": "endpoint", "endpoint": {"url": "{U#host}"}}),
            "rules[0].endpoint",
            "no attribute `host`",
        ),
        (
            json!({"conditions": [{"fn": "parseURL", "argv": [{"ref": "Endpoint"}], "assign": "U"}],
                   "type": "endpoint", "endpoint": {"url": {"fn": "getAttr", "argv": [{"ref": "U"}, "isIp"]}}}),
            "rules[0].endpoint",
            "the url must be a string, not a boolean",
        ),
        // Indexing something that is not an array.
        (
            json!({"conditions": [{"fn": "getAttr", "argv": [{"ref": "Region"}, "[0]"]}], "type": "error", "error": "x"}),
            "rules[0].conditions[0]",
            "cannot be indexed",
        ),
        // `ite` branches of different types, `coalesce` of different types.
        (
            json!({"conditions": [{"fn": "ite", "argv": [{"ref": "UseFIPS"}, "a", true]}], "type": "error", "error": "x"}),
            "rules[0].conditions[0]",
            "mix a string and a boolean",
        ),
        (
            json!({"conditions": [{"fn": "coalesce", "argv": [{"ref": "Names"}, "a"]}], "type": "error", "error": "x"}),
            "rules[0].conditions[0]",
            "mix an array of string and a string",
        ),
    ];
    for (rule, path, message) in cases {
        let doc = json!({
            "version": "1.1",
            "parameters": {
                "Region": {"type": "string"}, "Endpoint": {"type": "string"},
                "UseFIPS": {"type": "boolean", "required": true, "default": false},
                "Names": {"type": "stringArray"}
            },
            "rules": [rule]
        });
        let err = RuleSet::from_json_value(&doc).expect_err(&doc.to_string());
        assert_eq!(err.path(), path, "{err}");
        assert!(err.to_string().contains(message), "{err}");
    }
}
