//! Error types: the runtime's own [`InvokeError`] and the user-facing [`SdkError`], both split the
//! way the AWS SDK for Rust splits failures (construction, timeout, dispatch, response, service),
//! and [`DisplayErrorContext`], which prints an error with all its sources.

use std::error::Error;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::response::RawResponse;
use ingot_rt::error::{ErrorMetadata, ProvideErrorMetadata, RequestId, EMPTY_ERROR_METADATA};

/// A boxed error usable across threads.
pub type BoxError = Box<dyn Error + Send + Sync + 'static>;

/// The request could not be built: missing region or credentials, a bad endpoint URL, a signing
/// failure. Retrying would not help.
///
/// Cloneable (the cause is shared) because a client resolves its endpoint once and reports the
/// same failure on every call.
#[derive(Debug, Clone)]
pub struct ConstructionFailure {
    /// `None` when the failure is just its source (e.g. a missing required member): it then
    /// reads as the source, so error reports do not say the same thing twice.
    message: Option<String>,
    source: Option<Arc<dyn Error + Send + Sync + 'static>>,
}

impl ConstructionFailure {
    /// A failure described by `message`, optionally caused by `source`.
    pub fn new(message: impl Into<String>, source: Option<BoxError>) -> Self {
        Self {
            message: Some(message.into()),
            source: source.map(Arc::from),
        }
    }

    /// A failure that is `source` itself.
    pub(crate) fn from_source(source: BoxError) -> Self {
        Self {
            message: None,
            source: Some(Arc::from(source)),
        }
    }
}

impl fmt::Display for ConstructionFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.message, &self.source) {
            (Some(message), _) => f.write_str(message),
            (None, Some(source)) => source.fmt(f),
            (None, None) => f.write_str("failed to construct request"),
        }
    }
}

impl Error for ConstructionFailure {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        let source = self.source.as_deref().map(|e| e as &(dyn Error + 'static));
        match self.message {
            Some(_) => source,
            None => source.and_then(Error::source),
        }
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

    /// Whether a socket or I/O error caused it (connect refused or reset, unreachable, broken
    /// connection), as the SDK's `DispatchFailure::is_io`.
    pub fn is_io(&self) -> bool {
        matches!(self.cause, DispatchCause::Connect | DispatchCause::Io)
    }

    /// Whether something other than I/O or a timeout caused it (here: a refused TLS
    /// certificate), as the SDK's `DispatchFailure::is_other`.
    pub fn is_other(&self) -> bool {
        self.cause == DispatchCause::CertificateRefused
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
pub struct ResponseError<R = RawResponse> {
    source: BoxError,
    raw: Option<R>,
}

impl<R> ResponseError<R> {
    /// A failure caused by `source`; `raw` is the response when it was read whole (e.g. a 2xx body
    /// that failed to deserialize).
    pub fn new(source: impl Into<BoxError>, raw: Option<R>) -> Self {
        Self {
            source: source.into(),
            raw,
        }
    }

    /// The response, when it was read whole (the SDK's always holds one; ours is absent when the
    /// body itself could not be read).
    pub fn raw(&self) -> Option<&R> {
        self.raw.as_ref()
    }

    /// The response by value, when it was read whole.
    pub fn into_raw(self) -> Option<R> {
        self.raw
    }
}

impl<R> fmt::Display for ResponseError<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("failed to read or parse the response")
    }
}

impl<R: fmt::Debug> Error for ResponseError<R> {
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

/// Why a call of the raw client failed, after the last attempt.
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
pub struct ServiceError<E, R = RawResponse> {
    err: E,
    // Boxed so that `Result<T, SdkError<E>>` stays small on the success path (clippy's
    // `result_large_err` would otherwise fire in every generated operation).
    raw: Box<R>,
}

impl<E, R> ServiceError<E, R> {
    /// Pairs an error with its response.
    pub fn new(err: E, raw: R) -> Self {
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
    pub fn raw(&self) -> &R {
        &self.raw
    }

    /// The HTTP response the error was read from, by value.
    pub fn into_raw(self) -> R {
        *self.raw
    }
}

/// The error every generated operation returns, shaped like the AWS SDK for Rust's
/// `SdkError<E, R>` (`R` is the raw response type; only [`RawResponse`] is used here).
///
/// Non-exhaustive so that a new kind of failure is not a breaking change for callers' `match`es.
#[derive(Debug)]
#[non_exhaustive]
pub enum SdkError<E, R = RawResponse> {
    /// The request could not be built (missing region or credentials, bad endpoint, signing).
    ConstructionFailure(ConstructionFailure),
    /// A configured timeout elapsed.
    TimeoutError(TimeoutError),
    /// Connect or I/O failure.
    DispatchFailure(DispatchFailure),
    /// The response could not be read or parsed.
    ResponseError(ResponseError<R>),
    /// The service returned an error.
    ServiceError(ServiceError<E, R>),
}

/// Operation errors that can hold any failure as their "unhandled" variant, so that
/// [`SdkError::into_service_error`] always yields one (the SDK's trait of the same name).
pub trait CreateUnhandledError {
    /// The unhandled variant with `source` as its cause and `meta` (or empty metadata).
    fn create_unhandled_error(source: BoxError, meta: Option<ErrorMetadata>) -> Self;
}

impl<E, R> SdkError<E, R> {
    /// A construction failure caused by `source`.
    pub fn construction_failure(source: impl Into<BoxError>) -> Self {
        SdkError::ConstructionFailure(ConstructionFailure::from_source(source.into()))
    }

    /// A response error caused by `source`, reading `raw`.
    pub fn response_error(source: impl Into<BoxError>, raw: R) -> Self {
        SdkError::ResponseError(ResponseError::new(source, Some(raw)))
    }

    /// A service error `err` read from `raw`.
    pub fn service_error(err: E, raw: R) -> Self {
        SdkError::ServiceError(ServiceError::new(err, raw))
    }

    /// The service error; any other failure becomes the operation error's unhandled variant
    /// (holding this error as its source), as the SDK's `into_service_error` does.
    pub fn into_service_error(self) -> E
    where
        E: Error + Send + Sync + CreateUnhandledError + 'static,
        R: fmt::Debug + Send + Sync + 'static,
    {
        match self {
            SdkError::ServiceError(e) => e.into_err(),
            other => E::create_unhandled_error(other.into(), None),
        }
    }

    /// The service error, if this is one.
    pub fn as_service_error(&self) -> Option<&E> {
        match self {
            SdkError::ServiceError(e) => Some(e.err()),
            _ => None,
        }
    }

    /// The cause of this error (for a service error, the service error itself).
    pub fn into_source(self) -> Result<BoxError, Self>
    where
        E: Error + Send + Sync + 'static,
        R: fmt::Debug + Send + Sync + 'static,
    {
        match self {
            SdkError::ConstructionFailure(e) => Ok(Box::new(e)),
            SdkError::TimeoutError(e) => Ok(Box::new(e)),
            SdkError::DispatchFailure(e) => Ok(Box::new(e)),
            SdkError::ResponseError(e) => Ok(e.source),
            SdkError::ServiceError(e) => Ok(Box::new(e.into_err())),
        }
    }

    /// The raw response, when one was read.
    pub fn raw_response(&self) -> Option<&R> {
        match self {
            SdkError::ServiceError(e) => Some(e.raw()),
            SdkError::ResponseError(e) => e.raw(),
            _ => None,
        }
    }

    /// Maps the service error with `map`, keeping every other failure.
    pub fn map_service_error<E2>(self, map: impl FnOnce(E) -> E2) -> SdkError<E2, R> {
        match self {
            SdkError::ConstructionFailure(e) => SdkError::ConstructionFailure(e),
            SdkError::TimeoutError(e) => SdkError::TimeoutError(e),
            SdkError::DispatchFailure(e) => SdkError::DispatchFailure(e),
            SdkError::ResponseError(e) => SdkError::ResponseError(e),
            SdkError::ServiceError(e) => SdkError::ServiceError(ServiceError {
                err: map(e.err),
                raw: e.raw,
            }),
        }
    }
}

impl<E, R> fmt::Display for SdkError<E, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The SDK's phrases: the details are in `source()`, so error reporters do not repeat them.
        f.write_str(match self {
            SdkError::ConstructionFailure(_) => "failed to construct request",
            SdkError::TimeoutError(_) => "request has timed out",
            SdkError::DispatchFailure(_) => "dispatch failure",
            SdkError::ResponseError(_) => "response error",
            SdkError::ServiceError(_) => "service error",
        })
    }
}

impl<E: Error + 'static, R: fmt::Debug> Error for SdkError<E, R> {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(match self {
            SdkError::ConstructionFailure(e) => e,
            SdkError::TimeoutError(e) => e,
            SdkError::DispatchFailure(e) => e,
            SdkError::ResponseError(e) => &*e.source,
            SdkError::ServiceError(e) => e.err(),
        })
    }
}

impl<E, R> From<ingot_rt::BuildError> for SdkError<E, R> {
    fn from(e: ingot_rt::BuildError) -> Self {
        SdkError::construction_failure(e)
    }
}

impl<E: ProvideErrorMetadata, R> ProvideErrorMetadata for SdkError<E, R> {
    /// The service error's metadata; empty metadata for every other kind of failure.
    fn meta(&self) -> &ErrorMetadata {
        match self {
            SdkError::ServiceError(e) => e.err().meta(),
            _ => &EMPTY_ERROR_METADATA,
        }
    }
}

/// The request id of the response, when one was read (as the SDK reads it, from the headers).
impl<E> RequestId for SdkError<E, RawResponse> {
    fn request_id(&self) -> Option<&str> {
        self.raw_response().and_then(RawResponse::request_id)
    }
}

impl ProvideErrorMetadata for ServiceErrorResponse {
    fn meta(&self) -> &ErrorMetadata {
        &self.meta
    }
}

impl<E: ProvideErrorMetadata, R> ProvideErrorMetadata for ServiceError<E, R> {
    fn meta(&self) -> &ErrorMetadata {
        self.err.meta()
    }
}

/// The payload of the `Unhandled` variant of every generated error enum: an error code the model
/// does not declare for that operation, a modeled error whose body did not parse, or (through
/// [`SdkError::into_service_error`]) any other failure. Read it through the enum's
/// `ProvideErrorMetadata` and `Error::source`, as in the SDK, whose equivalent is unnameable.
#[derive(Debug)]
pub struct Unhandled {
    meta: ErrorMetadata,
    source: BoxError,
}

impl Unhandled {
    #[doc(hidden)]
    pub fn new(source: BoxError, meta: Option<ErrorMetadata>) -> Self {
        Self {
            meta: meta.unwrap_or_default(),
            source,
        }
    }

    #[doc(hidden)]
    pub fn meta(&self) -> &ErrorMetadata {
        &self.meta
    }

    #[doc(hidden)]
    pub fn source(&self) -> &(dyn Error + Send + Sync + 'static) {
        &*self.source
    }

    /// The SDK's text for an unhandled error: `unhandled error (<code>)`, or without a code
    /// `unhandled error`.
    #[doc(hidden)]
    pub fn fmt_unhandled(meta: &ErrorMetadata, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match meta.code() {
            Some(code) => write!(f, "unhandled error ({code})"),
            None => f.write_str("unhandled error"),
        }
    }
}

/// Reads a service error response into an operation's error enum `E`: generated code matches
/// [`Self::code`] against its modeled errors, one line each, and calls [`Self::modeled`] or
/// [`Self::unhandled`].
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct ErrorResponseParser<'a> {
    response: &'a ServiceErrorResponse,
}

impl<'a> ErrorResponseParser<'a> {
    /// A parser of `response`.
    pub fn new(response: &'a ServiceErrorResponse) -> Self {
        Self { response }
    }

    /// The error shape name the response names, matched against the modeled errors.
    pub fn code(&self) -> Option<&'a str> {
        self.response.meta.shape_name()
    }

    /// The body read as the modeled error `T`, holding the response's metadata, wrapped by
    /// `variant`; a body that does not parse makes the error unhandled (with the parse error as
    /// its source).
    pub fn modeled<T, E>(&self, variant: impl FnOnce(T) -> E) -> E
    where
        T: ingot_rt::error::ModeledError,
        E: CreateUnhandledError,
    {
        let meta = &self.response.meta;
        let mut cx = ingot_rt::json::ReadCx::new();
        match ingot_rt::json::from_body::<T>(&self.response.raw.body, &mut cx) {
            Ok(mut err) => {
                err.set_meta(meta.clone());
                variant(err)
            }
            Err(e) => E::create_unhandled_error(Box::new(e), Some(meta.clone())),
        }
    }

    /// An error code the operation does not model: unhandled, its metadata as the source.
    pub fn unhandled<E: CreateUnhandledError>(&self) -> E {
        let meta = &self.response.meta;
        E::create_unhandled_error(Box::new(meta.clone()), Some(meta.clone()))
    }
}

/// Prints an error followed by each of its sources (`a: b: c`), then its `Debug` form in
/// parentheses, as the SDK's `DisplayErrorContext` does: `Display` alone only says what kind of
/// failure it was.
#[derive(Debug)]
pub struct DisplayErrorContext<E: Error>(
    /// The error to print.
    pub E,
);

impl<E: Error> fmt::Display for DisplayErrorContext<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        let mut next = self.0.source();
        while let Some(e) = next {
            write!(f, ": {e}")?;
            next = e.source();
        }
        write!(f, " ({:?})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;
    use http::HeaderMap;
    use ingot_rt::error::RequestId;

    fn raw(status: u16) -> RawResponse {
        RawResponse {
            status,
            headers: HeaderMap::new(),
            body: Bytes::from_static(b"{}"),
        }
    }

    fn service_response() -> ServiceErrorResponse {
        ServiceErrorResponse {
            meta: ErrorMetadata::builder()
                .code("Boom")
                .message("went boom")
                .custom("aws_request_id", "rid")
                .status(400)
                .build(),
            raw: raw(400),
        }
    }

    #[test]
    fn invoke_error_maps_service_errors_through_the_parser() {
        let err = InvokeError::Service(service_response()).into_sdk_error(|resp| resp.meta.clone());
        assert_eq!(err.code(), Some("Boom"));
        assert_eq!(err.message(), Some("went boom"));
        assert_eq!(
            err.request_id(),
            None,
            "the raw response has no request id header"
        );
        assert_eq!(err.raw_response().map(|r| r.status), Some(400));
        assert_eq!(err.to_string(), "service error");
        let source = err.source().expect("source").to_string();
        assert!(
            source.contains(r#"code: "Boom", message: "went boom""#),
            "{source}"
        );
        assert_eq!(
            DisplayErrorContext(&err).to_string(),
            format!("service error: {source} ({err:?})")
        );
        assert_eq!(err.as_service_error().and_then(|e| e.code()), Some("Boom"));
    }

    #[test]
    fn non_service_errors_have_empty_metadata() {
        let err = InvokeError::Timeout(TimeoutError::new(
            TimeoutKind::Operation,
            Duration::from_millis(5),
        ))
        .into_sdk_error(|resp| resp.meta.clone());
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
        let failure = DispatchFailure::new(io, true);
        assert!(failure.is_io() && !failure.is_other() && !failure.is_timeout());
        let err = InvokeError::Dispatch(failure);
        assert_eq!(err.to_string(), "failed to connect");
        assert_eq!(err.source().expect("cause").to_string(), "refused");
        let err = InvokeError::Construction(ConstructionFailure::new("no region", None));
        assert_eq!(err.to_string(), "failed to construct request: no region");
    }
}
