//! The tower Service, called directly: every protocol failure and outcome, with exact status,
//! headers and body.

mod common;

use common::{call, cognito_like, full, request, service, target, NAMESPACE};
use http::Request;
use ingot_server_rt::{Protocol, ValidationStyle};

const P11: Protocol = Protocol::AwsJson1_1;
const P10: Protocol = Protocol::AwsJson1_0;

#[tokio::test]
async fn modeled_output_is_returned_with_context() {
    let svc = cognito_like();
    let answer = call(
        &svc,
        request(P11, "Echo")
            .body(full(r#"{"a":1}"#))
            .expect("request"),
    )
    .await;
    answer.assert_common(P11);
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("x-amzn-errortype"), None);
    let body = answer.json();
    assert_eq!(body["input"], serde_json::json!({"a": 1}));
    assert_eq!(body["operation"], "Echo");
    assert_eq!(
        body["requestId"],
        answer.header("x-amzn-requestid").expect("id")
    );
    assert_eq!(body["accessKeyId"], serde_json::Value::Null);
}

#[tokio::test]
async fn request_ids_differ_per_request() {
    let svc = cognito_like();
    let a = call(&svc, request(P11, "Unit").body(full("")).expect("request")).await;
    let b = call(&svc, request(P11, "Unit").body(full("")).expect("request")).await;
    assert_ne!(a.header("x-amzn-requestid"), b.header("x-amzn-requestid"));
}

#[tokio::test]
async fn unit_output_has_empty_body_and_empty_input_is_accepted() {
    let svc = cognito_like();
    let answer = call(&svc, request(P11, "Unit").body(full("")).expect("request")).await;
    answer.assert_common(P11);
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, "");
    // An empty body reaches the glue, which reads it as {}.
    let echo = call(&svc, request(P11, "Echo").body(full("")).expect("request")).await;
    assert_eq!(echo.json()["input"], serde_json::json!({}));
}

#[tokio::test]
async fn content_type_parameters_are_accepted() {
    let svc = cognito_like();
    let req = Request::post("/")
        .header("content-type", "application/x-amz-json-1.1; charset=utf-8")
        .header("x-amz-target", target("Echo"))
        .body(full(r#"{"value":5}"#))
        .expect("request");
    let answer = call(&svc, req).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.json()["input"]["value"], 5);
}

#[tokio::test]
async fn unknown_and_missing_target() {
    let svc = cognito_like();
    let unknown = call(
        &svc,
        request(P11, "Nope").body(full("{}")).expect("request"),
    )
    .await;
    unknown.assert_error(
        P11,
        400,
        "UnknownOperationException",
        "UnknownOperationException",
    );
    // Routing is exact and case-sensitive.
    let wrong_case = call(
        &svc,
        Request::post("/")
            .header("content-type", P11.content_type())
            .header("x-amz-target", "testservice.Echo")
            .body(full("{}"))
            .expect("request"),
    )
    .await;
    wrong_case.assert_error(
        P11,
        400,
        "UnknownOperationException",
        "UnknownOperationException",
    );
    let missing = call(
        &svc,
        Request::post("/")
            .header("content-type", P11.content_type())
            .body(full("{}"))
            .expect("request"),
    )
    .await;
    missing.assert_error(
        P11,
        400,
        "UnknownOperationException",
        "UnknownOperationException",
    );
    assert_eq!(
        missing.json()["message"],
        "Missing or invalid X-Amz-Target header"
    );
}

#[tokio::test]
async fn framework_errors_in_1_0_use_the_coral_namespace() {
    let svc = service(P10, ValidationStyle::Smithy);
    let answer = call(
        &svc,
        request(P10, "Nope").body(full("{}")).expect("request"),
    )
    .await;
    answer.assert_error(
        P10,
        400,
        "com.amazon.coral.service#UnknownOperationException",
        "UnknownOperationException",
    );
}

#[tokio::test]
async fn wrong_path_is_404() {
    let svc = cognito_like();
    let req = Request::post("/other")
        .header("content-type", P11.content_type())
        .header("x-amz-target", target("Echo"))
        .body(full("{}"))
        .expect("request");
    call(&svc, req).await.assert_error(
        P11,
        404,
        "UnknownOperationException",
        "UnknownOperationException",
    );
    // A query string on `/` is not a different path.
    let req = Request::post("/?x=1")
        .header("content-type", P11.content_type())
        .header("x-amz-target", target("Unit"))
        .body(full("{}"))
        .expect("request");
    assert_eq!(call(&svc, req).await.status, 200);
}

#[tokio::test]
async fn non_post_is_405_with_allow() {
    let svc = cognito_like();
    for method in ["GET", "PUT", "DELETE"] {
        let req = Request::builder()
            .method(method)
            .uri("/")
            .header("content-type", P11.content_type())
            .header("x-amz-target", target("Echo"))
            .body(full(""))
            .expect("request");
        let answer = call(&svc, req).await;
        answer.assert_error(
            P11,
            405,
            "MethodNotAllowedException",
            "MethodNotAllowedException",
        );
        assert_eq!(answer.header("allow"), Some("POST"));
    }
}

#[tokio::test]
async fn wrong_or_missing_content_type_is_415() {
    let svc = cognito_like();
    for content_type in [
        "application/json",
        "application/x-amz-json-1.0",
        "text/plain",
    ] {
        let req = Request::post("/")
            .header("content-type", content_type)
            .header("x-amz-target", target("Echo"))
            .body(full("{}"))
            .expect("request");
        call(&svc, req).await.assert_error(
            P11,
            415,
            "UnsupportedMediaTypeException",
            "UnsupportedMediaTypeException",
        );
    }
    let missing = Request::post("/")
        .header("x-amz-target", target("Echo"))
        .body(full("{}"))
        .expect("request");
    call(&svc, missing).await.assert_error(
        P11,
        415,
        "UnsupportedMediaTypeException",
        "UnsupportedMediaTypeException",
    );
    // Without a body there is nothing to interpret, so no media type is needed.
    let empty = Request::post("/")
        .header("x-amz-target", target("Unit"))
        .body(full(""))
        .expect("request");
    assert_eq!(call(&svc, empty).await.status, 200);
}

#[tokio::test]
async fn body_over_limit_is_413() {
    let svc = cognito_like().body_limit(16);
    let ok = call(
        &svc,
        request(P11, "Echo")
            .body(full(r#"{"a":"123456"}"#))
            .expect("request"),
    )
    .await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    let big = call(
        &svc,
        request(P11, "Echo")
            .body(full(r#"{"a":"1234567890"}"#))
            .expect("request"),
    )
    .await;
    big.assert_error(
        P11,
        413,
        "RequestEntityTooLargeException",
        "RequestEntityTooLargeException",
    );
    // A declared length over the limit is refused before reading.
    let declared = request(P11, "Echo")
        .header("content-length", "1000000")
        .body(full("{}"))
        .expect("request");
    call(&svc, declared).await.assert_error(
        P11,
        413,
        "RequestEntityTooLargeException",
        "RequestEntityTooLargeException",
    );
}

#[tokio::test]
async fn default_limit_is_one_mib() {
    assert_eq!(ingot_server_rt::DEFAULT_BODY_LIMIT, 1024 * 1024);
    let svc = cognito_like();
    let declared = request(P11, "Echo")
        .header("content-length", "1048577")
        .body(full("{}"))
        .expect("request");
    assert_eq!(call(&svc, declared).await.status, 413);
}

#[tokio::test]
async fn malformed_json_and_invalid_utf8_are_serialization_errors() {
    let svc = cognito_like();
    let bad_json = call(
        &svc,
        request(P11, "Echo")
            .body(full(r#"{"a":"#))
            .expect("request"),
    )
    .await;
    bad_json.assert_error(P11, 400, "SerializationException", "SerializationException");
    let bad_utf8 = request(P11, "Echo")
        .body(http_body_util::Full::new(bytes::Bytes::from_static(
            b"{\"a\":\"\xff\"}",
        )))
        .expect("request");
    let answer = call(&svc, bad_utf8).await;
    answer.assert_error(P11, 400, "SerializationException", "SerializationException");
    assert_eq!(
        answer.json()["message"],
        "The request body is not valid UTF-8"
    );
}

#[tokio::test]
async fn modeled_error_has_type_message_and_http_error_status() {
    let svc = cognito_like();
    let answer = call(
        &svc,
        request(P11, "NotFound").body(full("{}")).expect("request"),
    )
    .await;
    answer.assert_error(
        P11,
        404,
        "ResourceNotFoundException",
        "ResourceNotFoundException",
    );
    assert_eq!(
        answer.json(),
        serde_json::json!({"__type": "ResourceNotFoundException", "message": "no such pool"})
    );
    let svc10 = service(P10, ValidationStyle::Smithy);
    let answer = call(
        &svc10,
        request(P10, "NotFound").body(full("{}")).expect("request"),
    )
    .await;
    answer.assert_error(
        P10,
        404,
        &format!("{NAMESPACE}#ResourceNotFoundException"),
        "ResourceNotFoundException",
    );
}

#[tokio::test]
async fn invalid_modeled_error_from_glue_is_internal_failure() {
    let svc = cognito_like();
    let answer = call(
        &svc,
        request(P11, "BadModeledError")
            .body(full("{}"))
            .expect("request"),
    )
    .await;
    answer.assert_error(P11, 500, "InternalFailure", "InternalFailure");
}

#[tokio::test]
async fn coral_validation_lists_every_violation() {
    let svc = cognito_like();
    let answer = call(
        &svc,
        request(P11, "Validate").body(full("{}")).expect("request"),
    )
    .await;
    answer.assert_error(
        P11,
        400,
        "InvalidParameterException",
        "InvalidParameterException",
    );
    assert_eq!(
        answer.json()["message"],
        "3 validation errors detected: \
         Value 'bad' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+; \
         Value null at 'jobId' failed to satisfy constraint: Member must not be null; \
         Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6"
    );
}

#[tokio::test]
async fn smithy_validation_has_field_list() {
    let svc = service(P10, ValidationStyle::Smithy);
    let answer = call(
        &svc,
        request(P10, "Validate").body(full("{}")).expect("request"),
    )
    .await;
    answer.assert_error(
        P10,
        400,
        "smithy.framework#ValidationException",
        "ValidationException",
    );
    let body = answer.json();
    let fields = body["fieldList"].as_array().expect("fieldList");
    let paths: Vec<&str> = fields.iter().filter_map(|f| f["path"].as_str()).collect();
    assert_eq!(paths, ["/UserPoolId", "/JobId", "/Password"]);
    assert!(body["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("3 validation errors detected. ")));
}

#[tokio::test]
async fn panicking_handler_is_500_and_service_keeps_working() {
    let svc = cognito_like();
    for op in ["Panic", "PanicBeforeFuture"] {
        let answer = call(&svc, request(P11, op).body(full("{}")).expect("request")).await;
        answer.assert_error(P11, 500, "InternalFailure", "InternalFailure");
        let next = call(
            &svc,
            request(P11, "Unit").body(full("{}")).expect("request"),
        )
        .await;
        assert_eq!(next.status, 200);
    }
}
