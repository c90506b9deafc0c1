//! [`AwsJsonService`]: the `tower::Service` that a generated server is, with all protocol logic.

use std::collections::HashMap;
use std::convert::Infallible;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures_util::FutureExt;
use http::header::{HeaderName, HeaderValue, ALLOW, CONTENT_LENGTH, CONTENT_TYPE};
use http::request::Parts;
use http::{Method, Request, Response, StatusCode};
use http_body::Body;
use http_body_util::Full;
use tower_service::Service;

use crate::body::{self, DEFAULT_BODY_LIMIT};
use crate::encoding;
use crate::operation::{
    AuthMode, BoxFuture, OperationEntry, OperationFn, OperationOutcome, RequestContext,
    RequestRejection,
};
use crate::reply::{ErrorReply, FrameworkError, FRAMEWORK_NAMESPACE};
use crate::sigv4::SigV4Verifier;
use crate::validation::ValidationStyle;
use crate::BoxError;
use ingot_rt::Protocol;

/// The response type of [`AwsJsonService`].
pub type ResponseBody = Full<Bytes>;

const X_AMZ_TARGET: HeaderName = HeaderName::from_static("x-amz-target");
const X_AMZN_REQUEST_ID: HeaderName = HeaderName::from_static("x-amzn-requestid");
const X_AMZN_ERROR_TYPE: HeaderName = HeaderName::from_static("x-amzn-errortype");
const X_AMZN_QUERY_ERROR: HeaderName = HeaderName::from_static("x-amzn-query-error");

/// An awsJson service: routes on `X-Amz-Target`, enforces the protocol, optionally verifies
/// SigV4, runs the operation glue and writes every answer. See the crate docs for the exact
/// status and error name of each failure.
///
/// It is a plain `tower::Service<http::Request<B>>`, cheap to clone (the routing table is shared),
/// so it composes with tower layers and mounts into axum.
#[derive(Debug, Clone)]
pub struct AwsJsonService {
    inner: Arc<Inner>,
}

#[derive(Debug, Clone)]
struct Inner {
    protocol: Protocol,
    service_name: &'static str,
    namespace: &'static str,
    validation: ValidationStyle,
    /// Keyed by the full `X-Amz-Target` value, matched exactly and case-sensitively.
    routes: HashMap<String, OperationEntry>,
    body_limit: usize,
    sigv4: Option<SigV4Verifier>,
}

impl AwsJsonService {
    /// A service with no operations yet.
    ///
    /// `service_name` is the service shape name, the `X-Amz-Target` prefix (e.g.
    /// `AWSCognitoIdentityProviderService`); `namespace` is the service's Smithy namespace, used
    /// for awsJson 1.0 error `__type`s.
    pub fn new(
        protocol: Protocol,
        service_name: &'static str,
        namespace: &'static str,
        validation: ValidationStyle,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                protocol,
                service_name,
                namespace,
                validation,
                routes: HashMap::new(),
                body_limit: DEFAULT_BODY_LIMIT,
                sigv4: None,
            }),
        }
    }

    /// Adds an operation that requires a signature whenever a [`SigV4Verifier`] is set.
    pub fn operation(self, name: &'static str, handler: OperationFn) -> Self {
        self.operation_with_auth(name, AuthMode::Required, handler)
    }

    /// Adds an operation with an explicit [`AuthMode`]. A later registration of the same name
    /// replaces the earlier one.
    pub fn operation_with_auth(
        mut self,
        name: &'static str,
        auth: AuthMode,
        handler: OperationFn,
    ) -> Self {
        let inner = Arc::make_mut(&mut self.inner);
        let target = format!("{}.{name}", inner.service_name);
        inner.routes.insert(
            target,
            OperationEntry {
                name,
                auth,
                handler,
            },
        );
        self
    }

    /// Sets the request body limit in bytes (default 1 MiB); larger bodies get 413.
    pub fn body_limit(mut self, limit: usize) -> Self {
        Arc::make_mut(&mut self.inner).body_limit = limit;
        self
    }

    /// Turns SigV4 verification on (`Some`) or off (`None`, the default).
    pub fn sigv4(mut self, verifier: Option<SigV4Verifier>) -> Self {
        Arc::make_mut(&mut self.inner).sigv4 = verifier;
        self
    }

    /// The protocol this service speaks.
    pub fn protocol(&self) -> Protocol {
        self.inner.protocol
    }

    /// Handles one request. Never fails: every problem becomes an error response.
    pub async fn handle<B>(&self, request: Request<B>) -> Response<ResponseBody>
    where
        B: Body + Send,
        B::Data: Send,
        B::Error: Into<BoxError>,
    {
        let request_id = uuid::Uuid::new_v4().to_string();
        let inner = &self.inner;
        match inner.process(request, &request_id).await {
            Ok(output) => inner.respond(
                StatusCode::OK,
                &request_id,
                output.unwrap_or_default(),
                None,
            ),
            Err(reply) => {
                tracing::debug!(request_id, status = %reply.status, error = %reply.short_name, "request failed");
                let mut response = inner.respond(
                    reply.status,
                    &request_id,
                    reply.body,
                    Some(&reply.short_name),
                );
                if let Some(value) = reply
                    .query_error
                    .and_then(|v| HeaderValue::from_str(v).ok())
                {
                    response.headers_mut().insert(X_AMZN_QUERY_ERROR, value);
                }
                response
            }
        }
    }
}

impl Inner {
    async fn process<B>(
        &self,
        request: Request<B>,
        request_id: &str,
    ) -> Result<Option<String>, ErrorReply>
    where
        B: Body + Send,
        B::Data: Send,
        B::Error: Into<BoxError>,
    {
        let protocol = self.protocol;
        let framework = |e: FrameworkError| e.reply(protocol);
        let (parts, body) = request.into_parts();
        let entry = self.route(&parts).map_err(framework)?;

        let content_type = parts.headers.get(CONTENT_TYPE);
        if let Some(value) = content_type {
            let text = String::from_utf8_lossy(value.as_bytes());
            if !protocol.accepts_content_type(&text) {
                return Err(framework(FrameworkError::UnsupportedMediaType(Some(
                    text.into_owned(),
                ))));
            }
        }
        let content_length = parts
            .headers
            .get(CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        let bytes = body::collect(content_length, body, self.body_limit)
            .await
            .map_err(framework)?;
        // An empty body needs no media type (smithy-rs does the same); any content does.
        if content_type.is_none() && !bytes.is_empty() {
            return Err(framework(FrameworkError::UnsupportedMediaType(None)));
        }

        // The signature covers the body as sent; the operation gets it decoded.
        let access_key_id = self.authenticate(entry.auth, &parts, &bytes)?;
        let bytes = encoding::decode(&parts.headers, bytes, self.body_limit).map_err(framework)?;
        if std::str::from_utf8(&bytes).is_err() {
            return Err(framework(FrameworkError::Serialization(
                "The request body is not valid UTF-8".to_owned(),
            )));
        }

        let context = RequestContext {
            request_id: request_id.to_owned(),
            operation: entry.name,
            access_key_id,
        };
        let handler = Arc::clone(&entry.handler);
        // The glue call itself and every poll of its future run under catch_unwind, so a panicking
        // handler costs one 500 and the connection and server go on.
        let outcome = AssertUnwindSafe(async move { handler(bytes, context).await })
            .catch_unwind()
            .await;
        match outcome {
            Ok(Ok(OperationOutcome::Output(output))) => Ok(output),
            Ok(Ok(OperationOutcome::Error(error))) => Err(ErrorReply::modeled(protocol, &error)
                .unwrap_or_else(|| {
                    tracing::error!(
                        request_id,
                        error = error.type_name,
                        "modeled error has an invalid status or JSON"
                    );
                    framework(FrameworkError::InternalFailure)
                })),
            Ok(Err(RequestRejection::Serialization(message))) => {
                Err(framework(FrameworkError::Serialization(message)))
            }
            Ok(Err(RequestRejection::Validation(violations))) => {
                Err(self.validation.reply(protocol, self.namespace, &violations))
            }
            Err(panic) => {
                let detail = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                tracing::error!(
                    request_id,
                    operation = entry.name,
                    panic = detail,
                    "operation handler panicked"
                );
                Err(framework(FrameworkError::InternalFailure))
            }
        }
    }

    /// Routing checks, in the order smithy-rs uses: path, method, target header, known target.
    fn route(&self, parts: &Parts) -> Result<&OperationEntry, FrameworkError> {
        if parts.uri.path() != "/" {
            return Err(FrameworkError::NotRootPath);
        }
        if parts.method != Method::POST {
            return Err(FrameworkError::MethodNotAllowed);
        }
        let target = parts
            .headers
            .get(X_AMZ_TARGET)
            .and_then(|v| v.to_str().ok())
            .ok_or(FrameworkError::MissingTarget)?;
        self.routes
            .get(target)
            .ok_or_else(|| FrameworkError::UnknownTarget(target.to_owned()))
    }

    fn authenticate(
        &self,
        auth: AuthMode,
        parts: &Parts,
        body: &[u8],
    ) -> Result<Option<String>, ErrorReply> {
        let Some(verifier) = &self.sigv4 else {
            return Ok(None);
        };
        let check = match auth {
            AuthMode::None => false,
            AuthMode::Optional => SigV4Verifier::is_signed(parts),
            AuthMode::Required => true,
        };
        if !check {
            return Ok(None);
        }
        verifier.verify(parts, body).map(Some).map_err(|rejection| {
            ErrorReply::with_message(
                self.protocol,
                rejection.kind.status(),
                FRAMEWORK_NAMESPACE,
                rejection.kind.error_name(),
                &rejection.message,
            )
        })
    }

    fn respond(
        &self,
        status: StatusCode,
        request_id: &str,
        body: String,
        error_type: Option<&str>,
    ) -> Response<ResponseBody> {
        let mut response = Response::new(Full::new(Bytes::from(body)));
        *response.status_mut() = status;
        let headers = response.headers_mut();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static(self.protocol.content_type()),
        );
        if let Ok(value) = HeaderValue::from_str(request_id) {
            headers.insert(X_AMZN_REQUEST_ID, value);
        }
        if let Some(value) = error_type.and_then(|t| HeaderValue::from_str(t).ok()) {
            headers.insert(X_AMZN_ERROR_TYPE, value);
        }
        if status == StatusCode::METHOD_NOT_ALLOWED {
            headers.insert(ALLOW, HeaderValue::from_static("POST"));
        }
        response
    }
}

impl<B> Service<Request<B>> for AwsJsonService
where
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<BoxError>,
{
    type Response = Response<ResponseBody>;
    type Error = Infallible;
    type Future = BoxFuture<Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let service = self.clone();
        Box::pin(async move { Ok(service.handle(request).await) })
    }
}
