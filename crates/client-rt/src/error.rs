//! Error types: the runtime's own [`InvokeError`] and the user-facing [`SdkError`], both split the
//! way the AWS SDK for Rust splits failures (construction, timeout, dispatch, response, service).

use std::error::Error;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::error_meta::{ErrorMetadata, EMPTY_METADATA};
use crate::response::RawResponse;

/// A boxed error usable across threads.
pub type BoxError = Box<dyn Error + Send + Sync + 'static>;

/// The request could not be built: missing region or credentials, a bad endpoint URL, a signing
/// failure. Retrying would not help.
///
/// Cloneable (the cause is shared) because a client resolves its endpoint once and reports the
/// same failure on every call.
#[derive(Debug, Clone)]
pub struct ConstructionFailure {
    message: String,
    source: Option<Arc<dyn Error + Send + Sync + 'static>>,
}

impl ConstructionFailure {
    /// A failure described by `message`, optionally caused by `source`.
    pub fn new(message: impl Into<String>, source: Option<BoxError>) -> Self {
        Self {
            message: message.into(),
            source: source.map(Arc::from),
        }
    }
}

impl fmt::Display for ConstructionFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl Error for ConstructionFailure {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn Error + 'static))
    }
}

/// Which time limit ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeoutKind {
    /// The limit on establishing a connection: resolving, TCP connect and TLS handshake together.
    /// It is reported inside a [`DispatchFailure`] (see [`DispatchFailure::is_timeout`]), as the
    /// AWS SDK for Rust reports connect timeouts, since no request was sent.
    Connect,
    /// The limit on the whole operation, all attempts and backoffs included.
    Operation,
    /// The limit on one attempt.
    OperationAttempt,
}

/// A configured timeout elapsed before a connection was made or a response arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeoutError {
    kind: TimeoutKind,
    duration: Duration,
}

impl TimeoutError {
    /// A timeout of `kind` that was set to `duration`.
    pub fn new(kind: TimeoutKind, duration: Duration) -> Self {
        Self { kind, duration }
    }

    /// Which limit elapsed.
    pub fn kind(&self) -> TimeoutKind {
        self.kind
    }

    /// The configured length of that limit.
    pub fn duration(&self) -> Duration {
        self.duration
    }
}

impl fmt::Display for TimeoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TimeoutKind::Connect => "connect",
            TimeoutKind::Operation => "operation",
            TimeoutKind::OperationAttempt => "operation attempt",
        };
        write!(f, "{what} timeout of {:?} elapsed", self.duration)
    }
}

impl Error for TimeoutError {}

/// The request could not be sent or no response was received: connect, TLS or I/O failures.
///
/// Connection failures say what went wrong in their message: the connect timeout elapsed
/// ([`Self::is_timeout`]), the server's TLS certificate was refused ([`Self::is_certificate_refused`],
/// e.g. signed by an authority the client does not trust, see [`TlsConfig`](crate::TlsConfig)), or
/// anything else (refused, unreachable, handshake failure); the cause is the [`source`](Error::source).
#[derive(Debug)]
pub struct DispatchFailure {
    source: BoxError,
    cause: DispatchCause,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DispatchCause {
    Connect,
    ConnectTimeout,
    CertificateRefused,
    Io,
}

impl DispatchFailure {
    /// A failure caused by `source`; `connect` says whether no connection could be established.
    /// The connect timeout and refused certificates are recognized in `source`'s chain; a
    /// connect timeout's source becomes the [`TimeoutError`] itself.
    pub fn new(source: impl Into<BoxError>, connect: bool) -> Self {
        let source = source.into();
        if connect {
            if let Some(timeout) = find_in_chain::<TimeoutError>(&*source) {
                return Self {
                    source: Box::new(timeout.clone()),
                    cause: DispatchCause::ConnectTimeout,
                };
            }
        }
        let cause = if !connect {
            DispatchCause::Io
        } else if find_in_chain::<rustls::Error>(&*source).is_some_and(|e| {
            matches!(
                e,
                rustls::Error::InvalidCertificate(_) | rustls::Error::NoCertificatesPresented
            )
        }) {
            DispatchCause::CertificateRefused
        } else {
            DispatchCause::Connect
        };
        Self { source, cause }
    }

    /// Whether the failure happened while connecting (so the request was surely not processed).
    pub fn is_connect(&self) -> bool {
        self.cause != DispatchCause::Io
    }

    /// Whether the connect timeout elapsed; the [`source`](Error::source) is then the
    /// [`TimeoutError`] (of kind [`TimeoutKind::Connect`]).
    pub fn is_timeout(&self) -> bool {
        self.cause == DispatchCause::ConnectTimeout
    }

    /// Whether the TLS handshake failed because the server's certificate was not accepted
    /// (unknown authority, wrong name, expired...). Such failures are not retried.
    pub fn is_certificate_refused(&self) -> bool {
        self.cause == DispatchCause::CertificateRefused
    }
}

impl fmt::Display for DispatchFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.cause {
            DispatchCause::Connect => "failed to connect",
            DispatchCause::ConnectTimeout => "failed to connect: timed out",
            DispatchCause::CertificateRefused => {
                "failed to connect: the server's TLS certificate was refused"
            }
            DispatchCause::Io => "failed to send the request or receive the response",
        })
    }
}

/// The first error of type `T` in `error`'s source chain (`error` included), looking through
/// `std::io::Error` wrappers, which hold their cause as a payload rather than as a source.
pub(crate) fn find_in_chain<'a, T: Error + 'static>(
    error: &'a (dyn Error + 'static),
) -> Option<&'a T> {
    let mut next = Some(error);
    while let Some(e) = next {
        if let Some(found) = e.downcast_ref::<T>() {
            return Some(found);
        }
        next = match e
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            Some(inner) => Some(inner as &(dyn Error + 'static)),
            None => e.source(),
        };
    }
    None
}

impl Error for DispatchFailure {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&*self.source)
    }
}

/// A response arrived but could not be read or understood.
#[derive(Debug)]
pub struct ResponseError {
    source: BoxError,
    raw: Option<RawResponse>,
}

impl ResponseError {
    /// A failure caused by `source`; `raw` is the response when it was read whole (e.g. a 2xx body
    /// that failed to deserialize).
    pub fn new(source: impl Into<BoxError>, raw: Option<RawResponse>) -> Self {
        Self {
            source: source.into(),
            raw,
        }
    }

    /// The response, when it was read whole.
    pub fn raw(&self) -> Option<&RawResponse> {
        self.raw.as_ref()
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("failed to read or parse the response")
    }
}

impl Error for ResponseError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&*self.source)
    }
}

/// A non-2xx response with its parsed metadata, before the generated code maps it to a modeled error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceErrorResponse {
    /// Code, message, request id and status.
    pub meta: ErrorMetadata,
    /// The whole response.
    pub raw: RawResponse,
}

impl fmt::Display for ServiceErrorResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.meta.fmt(f)
    }
}

impl Error for ServiceErrorResponse {}

/// Why [`Client::invoke`](crate::Client::invoke) failed, after the last attempt.
#[derive(Debug)]
pub enum InvokeError {
    /// Missing region or credentials, bad endpoint URL, signing failure.
    Construction(ConstructionFailure),
    /// The operation or attempt timeout elapsed.
    Timeout(TimeoutError),
    /// Connect or I/O failure.
    Dispatch(DispatchFailure),
    /// The response body could not be read.
    Response(ResponseError),
    /// The service answered with a non-2xx status.
    Service(ServiceErrorResponse),
}

impl InvokeError {
    /// Converts to the user-facing error, mapping a service error response with `parse`
    /// (the generated per-operation error parser).
    pub fn into_sdk_error<E>(self, parse: impl FnOnce(&ServiceErrorResponse) -> E) -> SdkError<E> {
        match self {
            InvokeError::Construction(e) => SdkError::ConstructionFailure(e),
            InvokeError::Timeout(e) => SdkError::TimeoutError(e),
            InvokeError::Dispatch(e) => SdkError::DispatchFailure(e),
            InvokeError::Response(e) => SdkError::ResponseError(e),
            InvokeError::Service(response) => {
                let err = parse(&response);
                SdkError::ServiceError(ServiceError::new(err, response.raw))
            }
        }
    }
}

impl fmt::Display for InvokeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InvokeError::Construction(e) => write!(f, "failed to construct request: {e}"),
            InvokeError::Timeout(e) => e.fmt(f),
            InvokeError::Dispatch(e) => e.fmt(f),
            InvokeError::Response(e) => e.fmt(f),
            InvokeError::Service(e) => write!(f, "service error: {e}"),
        }
    }
}

impl Error for InvokeError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            InvokeError::Construction(e) => e.source(),
            InvokeError::Timeout(_) | InvokeError::Service(_) => None,
            InvokeError::Dispatch(e) => e.source(),
            InvokeError::Response(e) => e.source(),
        }
    }
}

/// A modeled (or unhandled) service error together with the response it came from.
#[derive(Debug)]
pub struct ServiceError<E> {
    err: E,
    // Boxed so that `Result<T, SdkError<E>>` stays small on the success path (clippy's
    // `result_large_err` would otherwise fire in every generated operation).
    raw: Box<RawResponse>,
}

impl<E> ServiceError<E> {
    /// Pairs an error with its response.
    pub fn new(err: E, raw: RawResponse) -> Self {
        Self {
            err,
            raw: Box::new(raw),
        }
    }

    /// The operation error.
    pub fn err(&self) -> &E {
        &self.err
    }

    /// The operation error, by value.
    pub fn into_err(self) -> E {
        self.err
    }

    /// The HTTP response the error was read from.
    pub fn raw(&self) -> &RawResponse {
        &self.raw
    }
}

/// The error every generated operation returns, shaped like the AWS SDK for Rust's `SdkError<E>`.
///
/// Non-exhaustive so that a new kind of failure is not a breaking change for callers' `match`es.
#[derive(Debug)]
#[non_exhaustive]
pub enum SdkError<E> {
    /// The request could not be built (missing region or credentials, bad endpoint, signing).
    ConstructionFailure(ConstructionFailure),
    /// A configured timeout elapsed.
    TimeoutError(TimeoutError),
    /// Connect or I/O failure.
    DispatchFailure(DispatchFailure),
    /// The response could not be read or parsed.
    ResponseError(ResponseError),
    /// The service returned an error.
    ServiceError(ServiceError<E>),
}

impl<E> SdkError<E> {
    /// The service error, if this is one.
    pub fn as_service_error(&self) -> Option<&E> {
        match self {
            SdkError::ServiceError(e) => Some(e.err()),
            _ => None,
        }
    }

    /// The service error by value, if this is one.
    pub fn into_service_error(self) -> Option<E> {
        match self {
            SdkError::ServiceError(e) => Some(e.into_err()),
            _ => None,
        }
    }

    /// The raw response, when one was read.
    pub fn raw_response(&self) -> Option<&RawResponse> {
        match self {
            SdkError::ServiceError(e) => Some(e.raw()),
            SdkError::ResponseError(e) => e.raw(),
            _ => None,
        }
    }
}

impl<E> fmt::Display for SdkError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Short phrases only: the details are in `source()`, so error reporters do not repeat them.
        f.write_str(match self {
            SdkError::ConstructionFailure(_) => "failed to construct request",
            SdkError::TimeoutError(_) => "request has timed out",
            SdkError::DispatchFailure(_) => "dispatch failure",
            SdkError::ResponseError(_) => "response error",
            SdkError::ServiceError(_) => "service error",
        })
    }
}

impl<E: Error + 'static> Error for SdkError<E> {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(match self {
            SdkError::ConstructionFailure(e) => e,
            SdkError::TimeoutError(e) => e,
            SdkError::DispatchFailure(e) => e,
            SdkError::ResponseError(e) => e,
            SdkError::ServiceError(e) => e.err(),
        })
    }
}

/// Access to the code, message and request id of an error.
pub trait ProvideErrorMetadata {
    /// All of the metadata.
    fn meta(&self) -> &ErrorMetadata;

    /// The error code, if known: the error shape's name, or for query-compatible services the
    /// code of the `x-amzn-query-error` header (see [`ErrorMetadata::code`]).
    fn code(&self) -> Option<&str> {
        self.meta().code()
    }

    /// The error message, if any.
    fn message(&self) -> Option<&str> {
        self.meta().message()
    }

    /// The request id, if any.
    fn request_id(&self) -> Option<&str> {
        self.meta().request_id()
    }
}

impl ProvideErrorMetadata for ErrorMetadata {
    fn meta(&self) -> &ErrorMetadata {
        self
    }
}

impl ProvideErrorMetadata for ServiceErrorResponse {
    fn meta(&self) -> &ErrorMetadata {
        &self.meta
    }
}

impl<E: ProvideErrorMetadata> ProvideErrorMetadata for ServiceError<E> {
    fn meta(&self) -> &ErrorMetadata {
        self.err.meta()
    }
}

impl<E: ProvideErrorMetadata> ProvideErrorMetadata for SdkError<E> {
    /// The service error's metadata; empty metadata for every other kind of failure.
    fn meta(&self) -> &ErrorMetadata {
        match self {
            SdkError::ServiceError(e) => e.err().meta(),
            _ => &EMPTY_METADATA,
        }
    }
}

/// The payload of the "unknown error" variant of every generated operation error enum: an error
/// code the model does not declare for that operation (or an error that could not be parsed).
#[derive(Debug)]
pub struct Unhandled {
    meta: ErrorMetadata,
    source: Option<BoxError>,
}

impl Unhandled {
    #[doc(hidden)]
    pub fn new(meta: ErrorMetadata, source: Option<BoxError>) -> Self {
        Self { meta, source }
    }
}

impl fmt::Display for Unhandled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unhandled error: {}", self.meta)
    }
}

impl Error for Unhandled {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn Error + 'static))
    }
}

impl ProvideErrorMetadata for Unhandled {
    fn meta(&self) -> &ErrorMetadata {
        &self.meta
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;
    use http::HeaderMap;

    fn raw(status: u16) -> RawResponse {
        RawResponse {
            status,
            headers: HeaderMap::new(),
            body: Bytes::from_static(b"{}"),
        }
    }

    fn service_response() -> ServiceErrorResponse {
        ServiceErrorResponse {
            meta: ErrorMetadata::new(
                Some("Boom".into()),
                Some("went boom".into()),
                Some("rid".into()),
                400,
            ),
            raw: raw(400),
        }
    }

    #[test]
    fn invoke_error_maps_service_errors_through_the_parser() {
        let err = InvokeError::Service(service_response())
            .into_sdk_error(|resp| Unhandled::new(resp.meta.clone(), None));
        assert_eq!(err.code(), Some("Boom"));
        assert_eq!(err.message(), Some("went boom"));
        assert_eq!(err.request_id(), Some("rid"));
        assert_eq!(err.raw_response().map(|r| r.status), Some(400));
        assert_eq!(err.to_string(), "service error");
        let source = err.source().expect("source").to_string();
        assert!(source.contains("Boom: went boom"), "{source}");
        assert!(err.into_service_error().is_some());
    }

    #[test]
    fn non_service_errors_have_empty_metadata() {
        let err = InvokeError::Timeout(TimeoutError::new(
            TimeoutKind::Operation,
            Duration::from_millis(5),
        ))
        .into_sdk_error(|resp| Unhandled::new(resp.meta.clone(), None));
        assert_eq!(err.code(), None);
        assert_eq!(err.request_id(), None);
        assert!(err.as_service_error().is_none());
        assert!(matches!(err, SdkError::TimeoutError(ref t) if t.kind() == TimeoutKind::Operation));
        assert_eq!(
            err.source().expect("source").to_string(),
            "operation timeout of 5ms elapsed"
        );
    }

    #[test]
    fn sources_chain_to_the_cause() {
        let io = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "refused");
        let err = InvokeError::Dispatch(DispatchFailure::new(io, true));
        assert_eq!(err.to_string(), "failed to connect");
        assert_eq!(err.source().expect("cause").to_string(), "refused");
        let err = InvokeError::Construction(ConstructionFailure::new("no region", None));
        assert_eq!(err.to_string(), "failed to construct request: no region");
    }
}
