//! Shared fixtures: a small service whose operations exercise every outcome kind.

#![allow(dead_code)] // each test binary uses its own subset

pub mod wire;

use bytes::Bytes;
use http::{HeaderMap, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use ingot_server_rt::{
    operation_fn, AuthMode, AwsJsonService, ConstraintKind, ErrorBody, OperationOutcome, PathSeg,
    Protocol, RequestRejection, ValidationStyle, Violation,
};
use tower::ServiceExt;

pub const SERVICE: &str = "TestService";
pub const NAMESPACE: &str = "com.example.test";

pub fn target(op: &str) -> String {
    format!("{SERVICE}.{op}")
}

/// A service with one operation per outcome the glue can produce.
pub fn service(protocol: Protocol, validation: ValidationStyle) -> AwsJsonService {
    AwsJsonService::new(protocol, SERVICE, NAMESPACE, validation)
        // Echoes the body (empty -> {}) and the request context.
        .operation(
            "Echo",
            operation_fn(|body, ctx| async move {
                let input: serde_json::Value =
                    serde_json::from_slice(ingot_server_rt::json_body(&body))
                        .map_err(|e| RequestRejection::Serialization(e.to_string()))?;
                let out = serde_json::json!({
                    "input": input,
                    "operation": ctx.operation,
                    "requestId": ctx.request_id,
                    "accessKeyId": ctx.access_key_id,
                });
                Ok(OperationOutcome::Output(Some(out.to_string())))
            }),
        )
        .operation(
            "Unit",
            operation_fn(|_, _| async { Ok(OperationOutcome::Output(None)) }),
        )
        .operation_with_auth(
            "Public",
            AuthMode::Optional,
            operation_fn(|_, ctx| async move {
                let out = serde_json::json!({ "accessKeyId": ctx.access_key_id });
                Ok(OperationOutcome::Output(Some(out.to_string())))
            }),
        )
        .operation_with_auth(
            "NoAuth",
            AuthMode::None,
            operation_fn(|_, _| async { Ok(OperationOutcome::Output(Some("{}".into()))) }),
        )
        .operation(
            "NotFound",
            operation_fn(|_, _| async {
                Ok(OperationOutcome::Error(ErrorBody {
                    status: 404,
                    type_name: "ResourceNotFoundException",
                    namespace: NAMESPACE,
                    json: r#"{"message":"no such pool"}"#.into(),
                    query_error: None,
                }))
            }),
        )
        .operation(
            "BadModeledError",
            operation_fn(|_, _| async {
                Ok(OperationOutcome::Error(ErrorBody {
                    status: 404,
                    type_name: "Broken",
                    namespace: NAMESPACE,
                    json: "not an object".into(),
                    query_error: None,
                }))
            }),
        )
        .operation(
            "Validate",
            operation_fn(|_, _| async {
                Err(RequestRejection::Validation(vec![
                    Violation {
                        path: vec![PathSeg::Member("UserPoolId")],
                        value: Some("bad".into()),
                        kind: ConstraintKind::Pattern("^[\\w-]+_[0-9a-zA-Z]+$"),
                    },
                    Violation {
                        path: vec![PathSeg::Member("JobId")],
                        value: None,
                        kind: ConstraintKind::Required,
                    },
                    Violation {
                        path: vec![PathSeg::Member("Password")],
                        value: None,
                        kind: ConstraintKind::Length {
                            len: 2,
                            min: Some(6),
                            max: Some(256),
                        },
                    },
                ]))
            }),
        )
        .operation(
            "Panic",
            operation_fn(|_, _| async {
                panic!("handler bug");
                #[allow(unreachable_code)]
                Ok(OperationOutcome::Output(None))
            }),
        )
        .operation(
            "PanicBeforeFuture",
            std::sync::Arc::new(|_, _| -> ingot_server_rt::BoxFuture<_> { panic!("glue bug") }),
        )
}

pub fn cognito_like() -> AwsJsonService {
    service(
        Protocol::AwsJson1_1,
        ValidationStyle::Coral {
            error_type: "InvalidParameterException",
        },
    )
}

/// A well-formed request for `op`, with `Host` so it can be signed.
pub fn request(protocol: Protocol, op: &str) -> http::request::Builder {
    Request::post("/")
        .header("host", "localhost")
        .header("content-type", protocol.content_type())
        .header("x-amz-target", target(op))
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("body {:?} is not JSON: {e}", self.body))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The checks every response must pass.
    pub fn assert_common(&self, protocol: Protocol) {
        assert_eq!(self.header("content-type"), Some(protocol.content_type()));
        let id = self
            .header("x-amzn-requestid")
            .expect("x-amzn-RequestId on every response");
        assert_eq!(id.len(), 36, "request id {id} is a UUID");
    }

    /// An error answer: status, `X-Amzn-Errortype`, `__type` and, when given, the message.
    pub fn assert_error(&self, protocol: Protocol, status: u16, type_field: &str, short: &str) {
        self.assert_common(protocol);
        assert_eq!(self.status.as_u16(), status, "body: {}", self.body);
        assert_eq!(self.header("x-amzn-errortype"), Some(short));
        let body = self.json();
        assert_eq!(body["__type"], type_field, "body: {}", self.body);
        assert!(body["message"].is_string(), "message in {}", self.body);
    }
}

pub async fn call(service: &AwsJsonService, request: Request<Full<Bytes>>) -> Answer {
    let response = service
        .clone()
        .oneshot(request)
        .await
        .unwrap_or_else(|e| match e {});
    let (parts, body) = response.into_parts();
    let bytes = body
        .collect()
        .await
        .unwrap_or_else(|e| match e {})
        .to_bytes();
    Answer {
        status: parts.status,
        headers: parts.headers,
        body: String::from_utf8(bytes.to_vec()).expect("UTF-8 body"),
    }
}

pub fn full(body: &'static str) -> Full<Bytes> {
    Full::new(Bytes::from_static(body.as_bytes()))
}
