//! The endpoint traits in the IR: context parameters from `@contextParam` and the supported
//! `operationContextParams` paths resolved against the input types, static parameters, client
//! context parameters, host prefixes with their labels, and the warnings and errors for what is
//! unsupported or wrong.

use ingot_codegen::ir::{self, ContextSource, ParamKind, ServiceIr, StaticValue};
use serde_json::{json, Value};

fn lower(model: &Value) -> Result<ServiceIr, String> {
    let text = model.to_string();
    let model = ingot_codegen::model::parse_model("m.json", &text).map_err(|d| d.to_string())?;
    let index = ingot_codegen::index::ShapeIndex::new(&model).map_err(|d| d.to_string())?;
    ir::lower(&index, &Default::default()).map_err(|d| d.to_string())
}

/// A service with one operation `Op` whose input is `input_members` and whose traits are
/// `op_traits`; the service carries `service_traits` besides the protocol and sigv4.
fn model(input_members: Value, op_traits: Value, service_traits: Value) -> Value {
    let mut traits = json!({
        "aws.protocols#awsJson1_0": {},
        "aws.auth#sigv4": {"name": "svc"},
        "aws.api#service": {"sdkId": "Svc"}
    });
    for (k, v) in service_traits.as_object().unwrap() {
        traits[k] = v.clone();
    }
    json!({
        "smithy": "2.0",
        "shapes": {
            "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Op"}], "traits": traits},
            "ex#Op": {"type": "operation", "input": {"target": "ex#OpInput"}, "output": {"target": "smithy.api#Unit"}, "traits": op_traits},
            "ex#OpInput": {"type": "structure", "members": input_members, "traits": {"smithy.api#input": {}}},
            "ex#Items": {"type": "list", "member": {"target": "ex#Item"}},
            "ex#Item": {"type": "structure", "members": {
                "Get": {"target": "ex#Ref"}, "Put": {"target": "ex#Ref"}
            }},
            "ex#Ref": {"type": "structure", "members": {
                "TableName": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}}
            }},
            "ex#Tables": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "ex#Ref"}},
            "ex#Names": {"type": "list", "member": {"target": "smithy.api#String"}}
        }
    })
}

fn members() -> Value {
    json!({
        "Name": {"target": "smithy.api#String", "traits": {"smithy.rules#contextParam": {"name": "ResourceName"}, "smithy.api#required": {}, "smithy.api#hostLabel": {}}},
        "Flag": {"target": "smithy.api#Boolean", "traits": {"smithy.rules#contextParam": {"name": "Flag"}}},
        "Items": {"target": "ex#Items"},
        "Tables": {"target": "ex#Tables"},
        "Names": {"target": "ex#Names"},
        "Nested": {"target": "ex#Ref"}
    })
}

#[test]
fn context_static_and_operation_params_resolve() {
    let ir = lower(&model(
        members(),
        json!({
            "smithy.rules#staticContextParams": {"Mode": {"value": "fast"}, "On": {"value": true}, "List": {"value": ["a", "b"]}},
            "smithy.rules#operationContextParams": {
                "Keys": {"path": "keys(Tables)"},
                "Nested": {"path": "Nested.TableName"},
                "Each": {"path": "Items[*].Get.TableName"},
                "Multi": {"path": "Items[*].[Get.TableName, Put.TableName][]"},
                "All": {"path": "Names[*]"}
            },
            "smithy.api#endpoint": {"hostPrefix": "{Name}-data."}
        }),
        json!({"smithy.rules#clientContextParams": {"UseThing": {"type": "boolean", "documentation": "Use it."}}}),
    ))
    .unwrap();
    // Only the missing rule set is reported.
    assert_eq!(ir.warnings.len(), 1, "{:?}", ir.warnings);
    let e = &ir.operations[0].endpoint;
    assert_eq!(
        e.static_params,
        vec![
            ("Mode".into(), StaticValue::String("fast".into())),
            ("On".into(), StaticValue::Bool(true)),
            (
                "List".into(),
                StaticValue::StringArray(vec!["a".into(), "b".into()])
            ),
        ]
    );
    let sources: Vec<(&str, String)> = e
        .context_params
        .iter()
        .map(|p| {
            let what = match &p.source {
                ContextSource::Path { steps, kind } => format!("path {} {kind:?}", steps.len()),
                ContextSource::Keys { steps } => format!("keys {}", steps.len()),
                ContextSource::Projection { list, each } => {
                    format!("projection {} x{}", list.len(), each.len())
                }
            };
            (p.name.as_str(), what)
        })
        .collect();
    assert_eq!(
        sources,
        vec![
            ("ResourceName", "path 1 String".to_owned()),
            ("Flag", "path 1 Bool".to_owned()),
            ("Keys", "keys 1".to_owned()),
            ("Nested", "path 2 String".to_owned()),
            ("Each", "projection 1 x1".to_owned()),
            ("Multi", "projection 1 x2".to_owned()),
            ("All", "projection 1 x0".to_owned()),
        ]
    );
    let prefix = e.host_prefix.as_ref().expect("host prefix");
    assert_eq!(prefix.template, "{Name}-data.");
    assert_eq!(prefix.labels.len(), 1);
    assert_eq!(prefix.labels[0].0, "Name");
    let client = &ir.endpoint.client_params;
    assert_eq!(client.len(), 1);
    assert_eq!(client[0].setter.name, "use_thing");
    assert_eq!(client[0].kind, ParamKind::Bool);
}

#[test]
fn unsupported_paths_and_values_are_warnings_naming_the_operation() {
    let ir = lower(&model(
        members(),
        json!({
            "smithy.rules#operationContextParams": {
                "A": {"path": "Items[0].Get.TableName"},
                "B": {"path": "length(Names)"},
                "C": {"path": "Nested"}
            },
            "smithy.rules#staticContextParams": {"D": {"value": 3}}
        }),
        json!({"smithy.rules#endpointRuleSet": {"version": "1.0", "parameters": {
            "Bucket": {"type": "string", "builtIn": "AWS::S3::Bucket"}
        }, "rules": []}}),
    ))
    .unwrap();
    let warnings: Vec<String> = ir.warnings.iter().map(|w| w.to_string()).collect();
    let text = warnings.join("\n");
    for expected in [
        "path `Items[0].Get.TableName` for parameter `A`",
        "path `length(Names)` for parameter `B`",
        "path `Nested` for parameter `C`",
        "static context parameter `D`",
        "built-in `AWS::S3::Bucket`",
    ] {
        assert!(text.contains(expected), "{expected} missing in:\n{text}");
    }
    assert!(
        warnings.iter().all(|w| w.starts_with("warning: ")),
        "{text}"
    );
    assert!(text.contains("shape `ex#Op`"), "{text}");
    assert!(
        ir.operations[0].endpoint.context_params.len() == 2,
        "only the members remain"
    );
}

#[test]
fn a_host_prefix_label_without_a_host_label_member_is_an_error() {
    let err = lower(&model(
        members(),
        json!({"smithy.api#endpoint": {"hostPrefix": "{Flag}."}}),
        json!({}),
    ))
    .unwrap_err();
    assert!(err.contains("host prefix label `{Flag}`"), "{err}");
}

#[test]
fn a_model_without_rules_is_warned_about_and_has_no_tests() {
    let ir = lower(&model(members(), json!({}), json!({}))).unwrap();
    assert!(ir.endpoint.rule_set.is_none());
    assert!(ir.endpoint.tests.is_none());
    assert!(ir.warnings[0]
        .message
        .contains("no `smithy.rules#endpointRuleSet`"));
}
