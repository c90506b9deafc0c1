//! The contract between the runtime and one operation's generated glue.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use bytes::Bytes;

use crate::violation::Violation;

/// A boxed, sendable future, as operation glue returns it.
pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

/// What the runtime knows about a request when it hands it to an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestContext {
    /// The request id, also sent back in `x-amzn-RequestId`.
    pub request_id: String,
    /// The operation's shape name (the part of `X-Amz-Target` after the dot).
    pub operation: &'static str,
    /// The access key id that signed the request, when SigV4 verification is on and the request
    /// was signed.
    pub access_key_id: Option<String>,
}

/// A modeled error, already serialized by the generated glue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorBody {
    /// The HTTP status (`@httpError`, else 400 for client and 500 for server errors).
    pub status: u16,
    /// The error's shape name, e.g. `ResourceNotFoundException`.
    pub type_name: &'static str,
    /// The error's namespace, used for the awsJson 1.0 `__type` (`namespace#Name`).
    pub namespace: &'static str,
    /// The error structure as a JSON object, without `__type`: the runtime inserts it.
    pub json: String,
    /// For query-compatible services (`@awsQueryCompatible`), the `x-amzn-query-error` header:
    /// `<code>;<fault>`, the code from the error's `@awsQueryError` (else its name) and the fault
    /// `Sender` (client error) or `Receiver` (server error).
    pub query_error: Option<&'static str>,
}

/// What one operation's glue produces: an already-serialized success or a modeled error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OperationOutcome {
    /// `Some(json)` for a modeled output (even an empty structure, `{}`), `None` for Unit output,
    /// which is answered with an empty body.
    Output(Option<String>),
    /// A modeled error.
    Error(ErrorBody),
}

/// Why the glue refused the request before calling the handler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestRejection {
    /// The body is not valid JSON or does not match the input shape's types.
    /// Answered as 400 `SerializationException` with this message.
    Serialization(String),
    /// The input broke constraint traits; all violations are reported in one response.
    Validation(Vec<Violation>),
}

/// Generated glue for one operation: parse and validate the body, call the handler, serialize.
///
/// The body is the raw request body; it may be empty, which means `{}`.
pub type OperationFn = Arc<
    dyn Fn(Bytes, RequestContext) -> BoxFuture<Result<OperationOutcome, RequestRejection>>
        + Send
        + Sync,
>;

/// Wraps an async closure as an [`OperationFn`], so generated code need not spell out the boxing.
pub fn operation_fn<F, Fut>(f: F) -> OperationFn
where
    F: Fn(Bytes, RequestContext) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<OperationOutcome, RequestRejection>> + Send + 'static,
{
    Arc::new(move |body, ctx| Box::pin(f(body, ctx)))
}

/// How an operation is authenticated when the service has a [`SigV4Verifier`](crate::SigV4Verifier).
///
/// Smithy: an operation's `@auth` replaces the service's; `@auth([])` means no auth; with
/// `@optionalAuth` a request without `Authorization` runs unauthenticated but a request that
/// carries one is verified and rejected if it fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AuthMode {
    /// Every request must carry a valid signature.
    #[default]
    Required,
    /// Unsigned requests pass; signed ones are verified (`@optionalAuth`).
    Optional,
    /// No verification at all, even if a signature is present (`@auth([])` without `@optionalAuth`).
    None,
}

/// Returns the body the glue should parse: an empty body stands for `{}`.
///
/// awsJson servers must accept an empty request body as an input with nothing set.
pub fn json_body(body: &Bytes) -> &[u8] {
    if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    }
}

pub(crate) struct OperationEntry {
    pub(crate) name: &'static str,
    pub(crate) auth: AuthMode,
    pub(crate) handler: OperationFn,
}

impl Clone for OperationEntry {
    fn clone(&self) -> Self {
        Self {
            name: self.name,
            auth: self.auth,
            handler: Arc::clone(&self.handler),
        }
    }
}

impl fmt::Debug for OperationEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OperationEntry")
            .field("name", &self.name)
            .field("auth", &self.auth)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_or_blank_body_is_an_empty_object() {
        assert_eq!(json_body(&Bytes::new()), b"{}");
        assert_eq!(json_body(&Bytes::from_static(b" \n")), b"{}");
        assert_eq!(json_body(&Bytes::from_static(b"{\"a\":1}")), b"{\"a\":1}");
    }
}
