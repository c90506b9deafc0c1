//! One log line per request: a tower wrapper around the generated service.

use std::convert::Infallible;
use std::task::{Context, Poll};
use std::time::Instant;

use cognitoidentityprovider_server::AwsJsonService;
use http::{Request, Response};
use ingot_server_rt::{BoxError, BoxFuture, ResponseBody};
use tower::Service;

/// [`AwsJsonService`] that logs, at info level, the method, path, target, status, error type,
/// request id and duration of every request once it is answered.
#[derive(Debug, Clone)]
pub struct Logged {
    inner: AwsJsonService,
}

impl Logged {
    /// Wraps `inner`.
    pub fn new(inner: AwsJsonService) -> Self {
        Self { inner }
    }
}

fn header(headers: &http::HeaderMap, name: &str) -> String {
    headers
        .get(name)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_else(|| "-".to_owned())
}

impl<B> Service<Request<B>> for Logged
where
    B: http_body::Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<BoxError>,
{
    type Response = Response<ResponseBody>;
    type Error = Infallible;
    type Future = BoxFuture<Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let inner = self.inner.clone();
        Box::pin(async move {
            let started = Instant::now();
            let method = request.method().clone();
            let path = request.uri().path().to_owned();
            let target = header(request.headers(), "x-amz-target");
            let response = inner.handle(request).await;
            tracing::info!(
                %method,
                %path,
                %target,
                status = response.status().as_u16(),
                error = %header(response.headers(), "x-amzn-errortype"),
                request_id = %header(response.headers(), "x-amzn-requestid"),
                elapsed = ?started.elapsed(),
                "request"
            );
            Ok(response)
        })
    }
}
