//! Runtime for Ingot-generated awsJson 1.0/1.1 servers.
//!
//! Generated server crates stay thin: per operation they emit an [`OperationFn`] (parse and
//! validate the body, call the user's handler, serialize the outcome) and register it on an
//! [`AwsJsonService`]. Everything about the protocol lives here: routing on `X-Amz-Target`, the
//! body limit, error responses, validation messages ([`ValidationStyle`]), optional SigV4
//! verification ([`SigV4Verifier`]) and serving ([`serve`]).
//!
//! # Responses
//!
//! Every response carries `Content-Type` of the protocol and a fresh `x-amzn-RequestId` (a UUID).
//! Every error also carries `X-Amzn-Errortype: <ShortName>` and a JSON body with `__type` and
//! `message`. In awsJson 1.1 `__type` is the bare name; in awsJson 1.0 it is a full shape id:
//! the error's own namespace for modeled errors, `smithy.framework#ValidationException` for Smithy
//! validation, and `com.amazon.coral.service#<Name>` for the protocol-level errors below, as AWS's
//! own awsJson 1.0 front ends write them.
//!
//! A successful Unit output has an empty body; a modeled output is its JSON (at least `{}`).
//! Modeled errors of query-compatible services (`@awsQueryCompatible`) also carry
//! `x-amzn-query-error: <Code>;<Sender|Receiver>` ([`ErrorBody::query_error`]).
//!
//! Request bodies may be sent with `Content-Encoding: gzip` (what clients of
//! `@requestCompression` operations do) to any operation: the signature is checked over the
//! bytes as sent, and the decompressed body is held to the same size limit.
//!
//! # Protocol-level failures
//!
//! Checked in this order; the first failure answers.
//!
//! | condition | status | `__type` (short name) |
//! |---|---|---|
//! | path other than `/` (a query string is allowed) | 404 | `UnknownOperationException` |
//! | method other than `POST` (also sends `Allow: POST`) | 405 | `MethodNotAllowedException` |
//! | `X-Amz-Target` missing or not text | 400 | `UnknownOperationException` |
//! | `X-Amz-Target` not exactly `<Service>.<Operation>` of a registered operation | 400 | `UnknownOperationException` |
//! | `Content-Type` present but not the protocol's (parameters such as `; charset=utf-8` are fine) | 415 | `UnsupportedMediaTypeException` |
//! | body over the limit (declared `Content-Length` or actual bytes; default 1 MiB) | 413 | `RequestEntityTooLargeException` |
//! | body not received in time ([`BodyReadTimeout`], from [`serve`]'s body read timeout) | 408 | `RequestTimeoutException` |
//! | `Content-Type` missing while the body is not empty | 415 | `UnsupportedMediaTypeException` |
//! | SigV4 failure (when a verifier is set; see [`AuthErrorKind`]) | 400 | `MissingAuthenticationTokenException`, `IncompleteSignatureException`, `UnrecognizedClientException`, `InvalidSignatureException` |
//! | `Content-Encoding` other than none, `identity` or `gzip` | 415 | `UnsupportedMediaTypeException` |
//! | gzip body that does not decompress | 400 | `SerializationException` |
//! | decompressed gzip body over the limit | 413 | `RequestEntityTooLargeException` |
//! | body not UTF-8, malformed JSON or a JSON type that does not match the input | 400 | `SerializationException` |
//! | constraint violations | 400 | per [`ValidationStyle`]: the Coral error (e.g. `InvalidParameterException`) or `ValidationException` |
//! | the handler panicked, or the glue produced an invalid modeled error | 500 | `InternalFailure` |
//!
//! An empty body is accepted and means `{}`. A modeled error returned by a handler is written with
//! its `@httpError` status.
//!
//! # Authentication
//!
//! With a [`SigV4Verifier`] set, each operation's [`AuthMode`] decides: `Required` verifies every
//! request, `Optional` (`@optionalAuth`) lets unsigned requests through but verifies signed ones,
//! `None` (`@auth([])`) never verifies. The signing key id reaches the glue as
//! [`RequestContext::access_key_id`]. The `cognito_stub` example serves one Cognito operation so
//! real clients (AWS CLI, boto3, the JS SDK) can be pointed at it.

mod body;
mod encoding;
mod operation;
pub mod pattern;
mod reply;
mod serve;
mod service;
mod sigv4;
mod validation;
mod violation;

pub use body::DEFAULT_BODY_LIMIT;
pub use ingot_rt::Protocol;
pub use operation::{
    json_body, operation_fn, AuthMode, BoxFuture, ErrorBody, OperationFn, OperationOutcome,
    RequestContext, RequestRejection,
};
pub use serve::{serve, serve_with_config, BodyReadTimeout, RequestBody, ServeConfig};
pub use service::{AwsJsonService, ResponseBody};
pub use sigv4::{AuthErrorKind, AuthRejection, SigV4Verifier};
pub use validation::ValidationStyle;
pub use violation::{with_missing, ConstraintKind, PathSeg, Violation};

/// The boxed error type bodies and services may fail with.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Crates generated code names through this runtime, so generated crates depend on it alone.
#[doc(hidden)]
pub mod __private {
    pub use bytes;
}
