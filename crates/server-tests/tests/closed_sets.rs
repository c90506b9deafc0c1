//! Through a generated server (the codegen kitchen-sink fixture, awsJson 1.0, Smithy validation):
//! a union member the model does not define and an intEnum value outside the set are rejected
//! with the protocol's validation error, like any other constraint, and never reach the handler.

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use kitchensink_server::operation::do_everything::DoEverythingOutput;
use kitchensink_server::{AwsJsonService, ServiceBuilder};

/// Echoes `level` and `choice`, so an accepted request shows what the handler got.
fn service() -> AwsJsonService {
    ServiceBuilder::new()
        .do_everything(|input, _| async move {
            let mut output = DoEverythingOutput::default();
            output.level = input.level;
            output.choice = input.choice;
            Ok(output)
        })
        .build_allowing_unimplemented()
}

/// Sends `body` to `DoEverything`: the status and the JSON body of the answer.
async fn call(body: &'static str) -> (u16, serde_json::Value) {
    let request = http::Request::post("/")
        .header("x-amz-target", "KitchenService.DoEverything")
        .header("content-type", "application/x-amz-json-1.0")
        .body(Full::new(Bytes::from_static(body.as_bytes())))
        .expect("request");
    let response = service().handle(request).await;
    let status = response.status().as_u16();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    let json = if bytes.is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::from_slice(&bytes).expect("JSON answer")
    };
    (status, json)
}

/// The one `fieldList` entry of a validation error, as (path, message).
fn only_field(answer: &serde_json::Value) -> (&str, &str) {
    assert_eq!(
        answer["__type"], "smithy.framework#ValidationException",
        "{answer}"
    );
    let fields = answer["fieldList"].as_array().expect("fieldList");
    assert_eq!(fields.len(), 1, "{answer}");
    (
        fields[0]["path"].as_str().expect("path"),
        fields[0]["message"].as_str().expect("message"),
    )
}

#[tokio::test]
async fn known_members_and_values_are_accepted() {
    let (status, answer) =
        call(r#"{"type":"t","color":"red","level":10,"choice":{"again":{"name":"abc"}}}"#).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["level"], 10);
    assert_eq!(answer["choice"]["again"]["name"], "abc");
}

#[tokio::test]
async fn int_enum_value_outside_the_set_is_a_validation_error() {
    let (status, answer) = call(r#"{"type":"t","color":"red","level":5}"#).await;
    assert_eq!(status, 400, "{answer}");
    assert_eq!(
        only_field(&answer),
        (
            "/level",
            "Value at '/level' failed to satisfy constraint: Member must satisfy enum value set: [1, 10]"
        )
    );
}

#[tokio::test]
async fn unknown_union_member_is_a_validation_error_at_any_depth() {
    let expected = "failed to satisfy constraint: Member must have exactly one of these members set: [name, nothing, again, node, pin]";
    let (status, answer) = call(r#"{"type":"t","color":"red","choice":{"bogus":1}}"#).await;
    assert_eq!(status, 400, "{answer}");
    assert_eq!(
        only_field(&answer),
        ("/choice", format!("Value at '/choice' {expected}").as_str())
    );
    let (status, answer) =
        call(r#"{"type":"t","color":"red","choice":{"again":{"bogus":{}}}}"#).await;
    assert_eq!(status, 400, "{answer}");
    assert_eq!(
        only_field(&answer),
        (
            "/choice/again",
            format!("Value at '/choice/again' {expected}").as_str()
        )
    );
}

#[tokio::test]
async fn closed_set_violations_are_listed_with_the_others() {
    let (status, answer) =
        call(r#"{"type":"t","color":"red","level":0,"choice":{"x":1},"int":99}"#).await;
    assert_eq!(status, 400, "{answer}");
    let paths: Vec<&str> = answer["fieldList"]
        .as_array()
        .expect("fieldList")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(paths.len(), 3, "{answer}");
    for path in ["/int", "/level", "/choice"] {
        assert!(paths.contains(&path), "{path} in {answer}");
    }
    assert!(
        answer["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("3 validation errors detected.")),
        "{answer}"
    );
}
