//! `model/cognito-idp.json` is a hand-picked slice of the official Amazon Cognito user pools model.
//!
//! These tests keep it honest: the slice must be closed (every target resolves), must hold what the
//! StopUserImportJob work needs, and, when the official model is available next to the workspace,
//! every shape must equal the official one except for the deviations listed in [`DEVIATIONS`].

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde_json::{json, Value};

const NS: &str = "com.amazonaws.cognitoidentityprovider#";
const SERVICE: &str = "com.amazonaws.cognitoidentityprovider#AWSCognitoIdentityProviderService";
const OPERATION: &str = "com.amazonaws.cognitoidentityprovider#StopUserImportJob";
const SLICE_PATH: &str = "model/cognito-idp.json";
const OFFICIAL_PATH: &str = "../shared/models/cognito-identity-provider-2016-04-18.json";

/// The error shapes StopUserImportJob declares, with the HTTP status the slice must give each one
/// (`None`: a server error without `@httpError`, which the protocol answers with 500).
const ERRORS: [(&str, Option<u64>); 6] = [
    ("InternalErrorException", None),
    ("InvalidParameterException", Some(400)),
    ("NotAuthorizedException", Some(400)),
    ("PreconditionNotMetException", Some(400)),
    ("ResourceNotFoundException", Some(400)),
    ("TooManyRequestsException", Some(400)),
];

const STATUS_ENUM: &str = "UserImportJobStatusType";
const STATUS_VALUES: [&str; 8] = [
    "Created",
    "Pending",
    "InProgress",
    "Stopping",
    "Expired",
    "Stopped",
    "Failed",
    "Succeeded",
];

/// One intended difference from the official model: at `pointer` (a JSON pointer inside the shape)
/// the official model has `official` (`None`: not restated here) and the slice has `slice`.
struct Deviation {
    shape: &'static str,
    pointer: &'static str,
    official: Option<fn() -> Value>,
    slice: fn() -> Value,
    why: &'static str,
}

/// The only ways the slice may differ from the official model.
const DEVIATIONS: [Deviation; 4] = [
    Deviation {
        shape: SERVICE,
        pointer: "/operations",
        // The official list has every operation of the service; not worth restating.
        official: None,
        slice: || json!([{ "target": OPERATION }]),
        why: "the slice lists only the operation it carries",
    },
    Deviation {
        shape: "com.amazonaws.cognitoidentityprovider#NotAuthorizedException",
        pointer: "/traits/smithy.api#httpError",
        official: Some(|| json!(403)),
        slice: || json!(400),
        why: "the service answers 400, as the API reference says",
    },
    Deviation {
        shape: "com.amazonaws.cognitoidentityprovider#ResourceNotFoundException",
        pointer: "/traits/smithy.api#httpError",
        official: Some(|| json!(404)),
        slice: || json!(400),
        why: "the service answers 400, as the API reference says",
    },
    Deviation {
        shape: "com.amazonaws.cognitoidentityprovider#TooManyRequestsException",
        pointer: "/traits/smithy.api#httpError",
        official: Some(|| json!(429)),
        slice: || json!(400),
        why: "the service answers 400, as the API reference says",
    },
];

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn load(path: &PathBuf) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()))
}

fn load_slice() -> Value {
    load(&workspace_root().join(SLICE_PATH))
}

fn shapes(model: &Value) -> &serde_json::Map<String, Value> {
    model
        .get("shapes")
        .and_then(Value::as_object)
        .expect("model has a `shapes` object")
}

/// Every shape id a shape refers to. Traits are skipped: their values are free-form data, and a
/// key named `target` inside them is not a shape reference.
fn targets_of(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("traits", _) => {}
                    ("target", Value::String(id)) => {
                        out.insert(id.clone());
                    }
                    _ => targets_of(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| targets_of(v, out)),
        _ => {}
    }
}

fn is_prelude(id: &str) -> bool {
    id.starts_with("smithy.api#")
}

/// Paths (JSON-pointer style) where `a` and `b` differ, described for a failure message.
fn differences(path: &str, a: &Value, b: &Value, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            for key in keys {
                let sub = format!("{path}/{key}");
                match (x.get(key), y.get(key)) {
                    (Some(u), Some(v)) => differences(&sub, u, v, out),
                    (Some(_), None) => out.push(format!("{sub}: only in the slice")),
                    (None, Some(_)) => out.push(format!("{sub}: missing from the slice")),
                    (None, None) => {}
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (u, v)) in x.iter().zip(y).enumerate() {
                differences(&format!("{path}/{i}"), u, v, out);
            }
        }
        _ if a != b => out.push(format!(
            "{path}: slice has {}, official has {}",
            short(a),
            short(b)
        )),
        _ => {}
    }
}

fn short(v: &Value) -> String {
    let text = v.to_string();
    match text.char_indices().nth(120) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text,
    }
}

fn report(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{SLICE_PATH}: {} problem(s):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

#[test]
fn slice_is_closed_and_has_no_stray_shapes() {
    let slice = load_slice();
    let shapes = shapes(&slice);
    let mut problems = Vec::new();

    for (id, shape) in shapes {
        let mut targets = BTreeSet::new();
        targets_of(shape, &mut targets);
        for target in targets {
            if !is_prelude(&target) && !shapes.contains_key(&target) {
                problems.push(format!("{id}: target {target} is not in the slice"));
            }
        }
    }

    // Everything in the slice must be reachable from the service: stray shapes would be generated
    // for nothing.
    let mut reachable = BTreeSet::new();
    let mut stack = vec![SERVICE.to_owned()];
    while let Some(id) = stack.pop() {
        if is_prelude(&id) || !reachable.insert(id.clone()) {
            continue;
        }
        if let Some(shape) = shapes.get(&id) {
            let mut targets = BTreeSet::new();
            targets_of(shape, &mut targets);
            stack.extend(targets);
        }
    }
    for id in shapes.keys() {
        if !reachable.contains(id) {
            problems.push(format!("{id}: not reachable from {SERVICE}"));
        }
    }
    report(&problems);
}

#[test]
fn slice_has_the_service_operation_errors_and_enum() {
    let slice = load_slice();
    let shapes = shapes(&slice);
    let mut problems = Vec::new();

    if slice.get("smithy") != Some(&json!("2.0")) {
        problems.push("top level: `smithy` must be \"2.0\"".to_owned());
    }
    if slice.get("metadata").is_some() {
        problems.push("top level: `metadata` must be omitted".to_owned());
    }

    let service = shapes.get(SERVICE);
    let expect_service = [
        ("/type", json!("service")),
        ("/version", json!("2016-04-18")),
        ("/operations", json!([{ "target": OPERATION }])),
        ("/traits/aws.auth#sigv4/name", json!("cognito-idp")),
        ("/traits/aws.protocols#awsJson1_1", json!({})),
    ];
    for (pointer, want) in expect_service {
        let got = service.and_then(|s| s.pointer(pointer));
        if got != Some(&want) {
            problems.push(format!("{SERVICE}: {pointer} is {got:?}, expected {want}"));
        }
    }
    if service
        .and_then(|s| s.pointer("/traits/aws.api#service"))
        .is_none()
    {
        problems.push(format!("{SERVICE}: trait aws.api#service missing"));
    }
    if service.and_then(|s| s.get("resources")).is_some() {
        problems.push(format!("{SERVICE}: must not list resources"));
    }

    let operation = shapes.get(OPERATION);
    let declared: Vec<&str> = operation
        .and_then(|op| op.get("errors"))
        .and_then(Value::as_array)
        .map(|errors| {
            errors
                .iter()
                .filter_map(|e| e.get("target").and_then(Value::as_str))
                .collect()
        })
        .unwrap_or_default();
    for key in ["input", "output"] {
        if operation
            .and_then(|op| op.pointer(&format!("/{key}/target")))
            .is_none()
        {
            problems.push(format!("{OPERATION}: no {key}"));
        }
    }

    for (name, status) in ERRORS {
        let id = format!("{NS}{name}");
        if !declared.contains(&id.as_str()) {
            problems.push(format!("{OPERATION}: does not declare error {id}"));
        }
        let Some(shape) = shapes.get(&id) else {
            problems.push(format!("{id}: missing"));
            continue;
        };
        let kind = if status.is_some() { "client" } else { "server" };
        if shape.pointer("/traits/smithy.api#error") != Some(&json!(kind)) {
            problems.push(format!("{id}: expected @error(\"{kind}\")"));
        }
        let http = shape
            .pointer("/traits/smithy.api#httpError")
            .and_then(Value::as_u64);
        if http != status {
            problems.push(format!("{id}: @httpError is {http:?}, expected {status:?}"));
        }
        if shape.pointer("/members/message/target").is_none() {
            problems.push(format!("{id}: no `message` member"));
        }
    }
    if declared.len() != ERRORS.len() {
        problems.push(format!(
            "{OPERATION}: declares {} errors, expected {}",
            declared.len(),
            ERRORS.len()
        ));
    }

    let enum_id = format!("{NS}{STATUS_ENUM}");
    let values: Vec<&str> = shapes
        .get(&enum_id)
        .filter(|s| s.get("type") == Some(&json!("enum")))
        .and_then(|s| s.get("members"))
        .and_then(Value::as_object)
        .map(|m| m.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let got: BTreeSet<&str> = values.iter().copied().collect();
    let want: BTreeSet<&str> = STATUS_VALUES.into_iter().collect();
    if got != want || values.len() != STATUS_VALUES.len() {
        problems.push(format!(
            "{enum_id}: enum values {values:?}, expected {STATUS_VALUES:?}"
        ));
    }
    report(&problems);
}

#[test]
fn slice_equals_official_model_apart_from_listed_deviations() {
    let official_path = workspace_root().join(OFFICIAL_PATH);
    if !official_path.exists() {
        println!("SKIP: {OFFICIAL_PATH} not found; slice fidelity not checked");
        return;
    }
    let official = load(&official_path);
    let slice = load_slice();
    let official_shapes = shapes(&official);
    let mut problems = Vec::new();

    let mut by_shape: BTreeMap<&str, Vec<&Deviation>> = BTreeMap::new();
    for d in &DEVIATIONS {
        by_shape.entry(d.shape).or_default().push(d);
    }

    for (id, shape) in shapes(&slice) {
        let Some(reference) = official_shapes.get(id) else {
            problems.push(format!("{id}: not in the official model"));
            continue;
        };
        // Undo each listed deviation (after checking it is really there), then demand equality.
        let mut normalized = shape.clone();
        for d in by_shape.get(id.as_str()).into_iter().flatten() {
            let want_slice = (d.slice)();
            let want_official = d.official.map(|f| f());
            let official_value = reference.pointer(d.pointer);
            if normalized.pointer(d.pointer) != Some(&want_slice) {
                problems.push(format!(
                    "{id}: listed deviation {} ({}) is not present: slice has {}, expected {want_slice}",
                    d.pointer,
                    d.why,
                    normalized.pointer(d.pointer).map_or("nothing".to_owned(), short)
                ));
            }
            if want_official.is_some() && official_value != want_official.as_ref() {
                problems.push(format!(
                    "{id}: official {} is {}, the deviation table expects {want_official:?}",
                    d.pointer,
                    official_value.map_or("nothing".to_owned(), short)
                ));
            }
            if official_value == Some(&want_slice) {
                problems.push(format!(
                    "{id}: {} already equals the official value; drop it from the deviation table",
                    d.pointer
                ));
            }
            match (normalized.pointer_mut(d.pointer), official_value) {
                (Some(slot), Some(value)) => *slot = value.clone(),
                _ => problems.push(format!("{id}: {} missing on one side", d.pointer)),
            }
        }
        let mut diffs = Vec::new();
        differences("", &normalized, reference, &mut diffs);
        for diff in diffs {
            problems.push(format!("{id}: {diff}"));
        }
    }

    for d in &DEVIATIONS {
        if !shapes(&slice).contains_key(d.shape) {
            problems.push(format!(
                "{}: listed deviation {} but shape is missing",
                d.shape, d.pointer
            ));
        }
    }
    report(&problems);
}
