//! Error replies: what a failed request is answered with, before it becomes an HTTP response.

use http::StatusCode;

use crate::operation::ErrorBody;
use ingot_rt::Protocol;

/// The namespace AWS's own awsJson front ends put on protocol-level errors in awsJson 1.0
/// (`com.amazon.coral.service#UnknownOperationException` and friends).
pub(crate) const FRAMEWORK_NAMESPACE: &str = "com.amazon.coral.service";

/// A complete error answer: status, the short name for `X-Amzn-Errortype`, and the JSON body
/// that already holds `__type`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ErrorReply {
    pub(crate) status: StatusCode,
    pub(crate) short_name: String,
    pub(crate) body: String,
    /// `x-amzn-query-error` (`Code;Fault`) of a query-compatible service's modeled error.
    pub(crate) query_error: Option<&'static str>,
}

impl ErrorReply {
    /// `{"__type": ..., "message": ...}` for an error named `name` in `namespace`.
    pub(crate) fn with_message(
        protocol: Protocol,
        status: StatusCode,
        namespace: &str,
        name: &str,
        message: &str,
    ) -> Self {
        let mut object = serde_json::Map::new();
        object.insert("__type".into(), protocol.error_type(namespace, name).into());
        object.insert("message".into(), message.into());
        Self {
            status,
            short_name: name.to_owned(),
            body: serde_json::Value::Object(object).to_string(),
            query_error: None,
        }
    }

    /// A modeled error from the glue. Returns `None` when the glue's JSON is not an object,
    /// which is a generator bug the caller answers as an internal failure.
    pub(crate) fn modeled(protocol: Protocol, error: &ErrorBody) -> Option<Self> {
        let status = StatusCode::from_u16(error.status).ok()?;
        let type_json =
            serde_json::Value::from(protocol.error_type(error.namespace, error.type_name));
        let body = insert_type_field(&error.json, &type_json.to_string())?;
        Some(Self {
            status,
            short_name: error.type_name.to_owned(),
            body,
            query_error: error.query_error,
        })
    }
}

/// Puts `"__type": <type_json>` first into the JSON object text `object`, without re-parsing it:
/// the glue already produced valid JSON and the error path should stay cheap.
fn insert_type_field(object: &str, type_json: &str) -> Option<String> {
    let inner = object.trim().strip_prefix('{')?.strip_suffix('}')?.trim();
    Some(if inner.is_empty() {
        format!("{{\"__type\":{type_json}}}")
    } else {
        format!("{{\"__type\":{type_json},{inner}}}")
    })
}

/// Protocol-level failures, answered as AWS's awsJson front ends do. The statuses and names are
/// listed in the crate documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FrameworkError {
    NotRootPath,
    MethodNotAllowed,
    MissingTarget,
    UnknownTarget(String),
    UnsupportedMediaType(Option<String>),
    /// A `Content-Encoding` other than `gzip` (or `identity`), as the header listed it.
    UnsupportedContentEncoding(String),
    PayloadTooLarge(usize),
    /// The body did not arrive within the server's body read timeout.
    RequestTimeout,
    Serialization(String),
    InternalFailure,
}

impl FrameworkError {
    pub(crate) fn reply(&self, protocol: Protocol) -> ErrorReply {
        let (status, name, message) = match self {
            FrameworkError::NotRootPath => (
                StatusCode::NOT_FOUND,
                "UnknownOperationException",
                "awsJson operations are served at path '/' only".to_owned(),
            ),
            FrameworkError::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "MethodNotAllowedException",
                "awsJson operations accept only the POST method".to_owned(),
            ),
            FrameworkError::MissingTarget => (
                StatusCode::BAD_REQUEST,
                "UnknownOperationException",
                "Missing or invalid X-Amz-Target header".to_owned(),
            ),
            FrameworkError::UnknownTarget(target) => (
                StatusCode::BAD_REQUEST,
                "UnknownOperationException",
                format!("Unknown operation: {target}"),
            ),
            FrameworkError::UnsupportedMediaType(found) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "UnsupportedMediaTypeException",
                match found {
                    Some(found) => format!(
                        "Content-Type '{found}' is not supported; expected '{}'",
                        protocol.content_type()
                    ),
                    None => format!("Missing Content-Type; expected '{}'", protocol.content_type()),
                },
            ),
            FrameworkError::UnsupportedContentEncoding(found) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "UnsupportedMediaTypeException",
                format!("Content-Encoding '{found}' is not supported; expected 'gzip' or none"),
            ),
            FrameworkError::PayloadTooLarge(limit) => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "RequestEntityTooLargeException",
                format!("Request body is larger than the limit of {limit} bytes"),
            ),
            FrameworkError::RequestTimeout => (
                StatusCode::REQUEST_TIMEOUT,
                "RequestTimeoutException",
                "The request body was not received in time".to_owned(),
            ),
            FrameworkError::Serialization(message) => {
                (StatusCode::BAD_REQUEST, "SerializationException", message.clone())
            }
            FrameworkError::InternalFailure => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "InternalFailure",
                "The request processing has failed because of an unknown error, exception or failure."
                    .to_owned(),
            ),
        };
        ErrorReply::with_message(protocol, status, FRAMEWORK_NAMESPACE, name, &message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &str) -> serde_json::Value {
        serde_json::from_str(body).expect("reply body is JSON")
    }

    #[test]
    fn type_field_goes_first_into_objects() {
        assert_eq!(
            insert_type_field("{}", "\"E\"").as_deref(),
            Some("{\"__type\":\"E\"}")
        );
        assert_eq!(
            insert_type_field(" { } ", "\"E\"").as_deref(),
            Some("{\"__type\":\"E\"}")
        );
        assert_eq!(
            insert_type_field("{\"message\":\"m\"}", "\"E\"").as_deref(),
            Some("{\"__type\":\"E\",\"message\":\"m\"}")
        );
        assert_eq!(insert_type_field("[]", "\"E\""), None);
        assert_eq!(insert_type_field("", "\"E\""), None);
    }

    #[test]
    fn modeled_error_uses_protocol_type_spelling() {
        let error = ErrorBody {
            status: 404,
            type_name: "ResourceNotFoundException",
            namespace: "com.example",
            json: "{\"message\":\"gone\"}".into(),
            query_error: Some("NotFound;Sender"),
        };
        let r11 = ErrorReply::modeled(Protocol::AwsJson1_1, &error).expect("valid");
        assert_eq!(r11.status, StatusCode::NOT_FOUND);
        assert_eq!(r11.short_name, "ResourceNotFoundException");
        assert_eq!(r11.query_error, Some("NotFound;Sender"));
        assert_eq!(
            parse(&r11.body),
            serde_json::json!({"__type": "ResourceNotFoundException", "message": "gone"})
        );
        let r10 = ErrorReply::modeled(Protocol::AwsJson1_0, &error).expect("valid");
        assert_eq!(
            parse(&r10.body)["__type"],
            "com.example#ResourceNotFoundException"
        );
    }

    #[test]
    fn modeled_error_with_bad_status_or_json_is_refused() {
        let mut error = ErrorBody {
            status: 42,
            type_name: "E",
            namespace: "n",
            json: "{}".into(),
            query_error: None,
        };
        assert_eq!(ErrorReply::modeled(Protocol::AwsJson1_1, &error), None);
        error.status = 400;
        error.json = "\"text\"".into();
        assert_eq!(ErrorReply::modeled(Protocol::AwsJson1_1, &error), None);
    }

    #[test]
    fn framework_errors_in_1_0_carry_the_coral_namespace() {
        let reply = FrameworkError::MissingTarget.reply(Protocol::AwsJson1_0);
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert_eq!(reply.short_name, "UnknownOperationException");
        assert_eq!(
            parse(&reply.body)["__type"],
            "com.amazon.coral.service#UnknownOperationException"
        );
    }
}
