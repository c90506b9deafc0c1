//! Every `smithy.rules#endpointTests` case of the official models in `../shared/models`
//! against the model's own `smithy.rules#endpointRuleSet`: expected URL, headers and
//! properties, or the expected error message. Skipped with a notice when the folder is absent.

use std::path::{Path, PathBuf};

use ingot_endpoint_rules::{Params, Partitions, RuleSet, Value};
use serde_json::Value as Json;

fn models_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/models")
}

/// The test-case `params` as engine parameters (strings, booleans, string arrays).
fn params(case: &Json) -> Result<Params, String> {
    let mut params = Params::new();
    let Some(given) = case.get("params") else {
        return Ok(params);
    };
    let given = given.as_object().ok_or("params is not an object")?;
    for (name, v) in given {
        let value = match v {
            Json::String(s) => Value::String(s.clone()),
            Json::Bool(b) => Value::Bool(*b),
            Json::Array(items) => Value::StringArray(
                items
                    .iter()
                    .map(|i| i.as_str().map(str::to_owned))
                    .collect::<Option<_>>()
                    .ok_or_else(|| format!("param {name}: array of non-strings"))?,
            ),
            other => return Err(format!("param {name}: unsupported value {other}")),
        };
        params.set(name.clone(), value);
    }
    Ok(params)
}

/// For a case that also lists `operationInputs`: each input's `builtInParams` must agree with
/// the case's `params` through the rule set's `builtIn` bindings, so the `params` the engine is
/// tested with are the ones a client would compute. Returns whether any input also has
/// `operationParams` (parameters a client derives from the operation input).
fn check_operation_inputs(rules: &RuleSet, case: &Json) -> Result<bool, String> {
    let mut has_operation_params = false;
    let given = params(case)?;
    for input in case
        .get("operationInputs")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        has_operation_params |= input.get("operationParams").is_some();
        let built_ins = input
            .get("builtInParams")
            .and_then(Json::as_object)
            .into_iter()
            .flatten();
        for (built_in, value) in built_ins {
            let param = rules
                .parameter_for_built_in(built_in)
                .ok_or_else(|| format!("no parameter is bound to built-in {built_in}"))?;
            let as_param = params(&serde_json::json!({ "params": { &param.name: value } }))?;
            if given.get(&param.name) != as_param.get(&param.name) {
                return Err(format!(
                    "built-in {built_in}={value} disagrees with params.{}",
                    param.name
                ));
            }
        }
    }
    Ok(has_operation_params)
}

/// Checks one case; `Err` describes the mismatch.
fn check(rules: &RuleSet, case: &Json) -> Result<(), String> {
    let params = params(case)?;
    let expect = case.get("expect").ok_or("no expect")?;
    let got = rules.resolve(&params, Partitions::builtin());
    if let Some(message) = expect.get("error") {
        return match got {
            Err(e) if e.is_rule_error() && Some(e.to_string().as_str()) == message.as_str() => {
                Ok(())
            }
            Err(e) => Err(format!("expected error {message}, got error {e:?}")),
            Ok(endpoint) => Err(format!(
                "expected error {message}, got endpoint {}",
                endpoint.url
            )),
        };
    }
    let want = expect
        .get("endpoint")
        .ok_or("expect has neither endpoint nor error")?;
    let endpoint = got.map_err(|e| format!("expected {want}, got error `{e}`"))?;
    if Some(endpoint.url.as_str()) != want.get("url").and_then(Json::as_str) {
        return Err(format!(
            "url: expected {}, got {}",
            want["url"], endpoint.url
        ));
    }
    let want_headers = want
        .get("headers")
        .cloned()
        .unwrap_or_else(|| Json::Object(Default::default()));
    let got_headers = serde_json::to_value(&endpoint.headers).map_err(|e| e.to_string())?;
    if want_headers != got_headers {
        return Err(format!(
            "headers: expected {want_headers}, got {got_headers}"
        ));
    }
    let want_props = want
        .get("properties")
        .cloned()
        .unwrap_or_else(|| Json::Object(Default::default()));
    let got_props = Json::Object(endpoint.properties.clone());
    if want_props != got_props {
        return Err(format!(
            "properties: expected {want_props}, got {got_props}"
        ));
    }
    Ok(())
}

#[test]
fn official_models_pass_their_own_endpoint_tests() {
    let dir = models_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "SKIP endpoint_tests: {} is absent (the official models are not available)",
            dir.display()
        );
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut services = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read model");
        let model: Json = serde_json::from_str(&text).expect("model is JSON");
        let name = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("?")
            .to_owned();
        let Some(shapes) = model.get("shapes").and_then(Json::as_object) else {
            continue;
        };
        for (id, shape) in shapes {
            let traits = shape.get("traits");
            let (Some(rule_set), Some(tests)) = (
                traits.and_then(|t| t.get("smithy.rules#endpointRuleSet")),
                traits.and_then(|t| t.get("smithy.rules#endpointTests")),
            ) else {
                continue;
            };
            services += 1;
            let rules = RuleSet::from_json_value(rule_set).unwrap_or_else(|e| panic!("{id}: {e}"));
            let cases = tests
                .get("testCases")
                .and_then(Json::as_array)
                .cloned()
                .unwrap_or_default();
            let mut passed = 0;
            let mut with_inputs = 0;
            let mut with_operation_params = 0;
            for (i, case) in cases.iter().enumerate() {
                if case.get("operationInputs").is_some() {
                    with_inputs += 1;
                    match check_operation_inputs(&rules, case) {
                        Ok(has) => with_operation_params += usize::from(has),
                        Err(e) => failures.push(format!("{name} case {i} operationInputs: {e}")),
                    }
                }
                match check(&rules, case) {
                    Ok(()) => passed += 1,
                    Err(e) => {
                        let doc = case
                            .get("documentation")
                            .and_then(Json::as_str)
                            .unwrap_or("");
                        failures.push(format!("{name} case {i} ({doc}): {e}"));
                    }
                }
            }
            println!("{name}: {passed}/{} endpoint tests pass", cases.len());
            if with_inputs > 0 {
                println!(
                    "{name}: {with_inputs} cases also list operationInputs (built-ins checked against params); \
                     {with_operation_params} of them derive params from operationParams, given in params too"
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing endpoint test case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
    if services == 0 {
        eprintln!(
            "SKIP endpoint_tests: no model in {} has an endpoint rule set with tests",
            dir.display()
        );
    }
}
