//! The pooled HTTP/1.1 client all clones of a [`Client`](crate::Client) share: rustls (ring, the
//! roots chosen by [`TlsConfig`]) for `https`, plain TCP for `http` endpoints such as local test
//! servers. One connect timeout covers resolving, TCP connecting and the TLS handshake.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http::Uri;
use http_body_util::Full;
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use tower_service::Service;

use crate::error::{BoxError, ConstructionFailure, TimeoutError, TimeoutKind};
use crate::tls::TlsConfig;

/// The concrete pooled client type.
pub(crate) type HttpClient = Client<ConnectTimeout<HttpsConnector<HttpConnector>>, Full<Bytes>>;

/// How long an idle pooled connection is kept for reuse before it is closed (hyper-util's usual
/// value); a connection the server closed earlier is detected and replaced by the pool.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(90);

/// Builds the pooled client. The crypto provider is passed explicitly so that another rustls
/// provider enabled elsewhere in the build (e.g. aws-lc-rs) cannot make the choice ambiguous.
pub(crate) fn build_http_client(
    connect_timeout: Option<Duration>,
    tls: &TlsConfig,
) -> Result<HttpClient, ConstructionFailure> {
    let tls = tls.client_config(rustls::crypto::ring::default_provider())?;
    let https = HttpsConnectorBuilder::new()
        .with_tls_config(tls)
        .https_or_http()
        .enable_http1();

    let mut tcp = HttpConnector::new();
    // The TLS layer wraps this connector and needs it to accept `https` URIs too.
    tcp.enforce_http(false);
    tcp.set_nodelay(true);
    // No TCP-only limit: `ConnectTimeout` bounds the whole connection, handshake included, so a
    // slow TCP connect and a hung handshake end the same way.

    Ok(Client::builder(TokioExecutor::new())
        .pool_idle_timeout(POOL_IDLE_TIMEOUT)
        .pool_timer(TokioTimer::new())
        .timer(TokioTimer::new())
        .build(ConnectTimeout {
            inner: https.wrap_connector(tcp),
            limit: connect_timeout,
        }))
}

/// A connector that fails with a [`TimeoutError`] of kind [`TimeoutKind::Connect`] when `inner`
/// has not produced a connection within `limit` (the way the AWS SDKs apply `connect_timeout`
/// around their TLS connector).
#[derive(Debug, Clone)]
pub(crate) struct ConnectTimeout<C> {
    inner: C,
    limit: Option<Duration>,
}

impl<C> Service<Uri> for ConnectTimeout<C>
where
    C: Service<Uri>,
    C::Response: Send + 'static,
    C::Future: Send + 'static,
    C::Error: Into<BoxError>,
{
    type Response = C::Response;
    type Error = BoxError;
    type Future = Pin<Box<dyn Future<Output = Result<C::Response, BoxError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        self.inner.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, uri: Uri) -> Self::Future {
        let connecting = self.inner.call(uri);
        let limit = self.limit;
        Box::pin(async move {
            let Some(limit) = limit else {
                return connecting.await.map_err(Into::into);
            };
            match tokio::time::timeout(limit, connecting).await {
                Ok(result) => result.map_err(Into::into),
                // Boxed as the error itself (not a box in a box) so callers can downcast it.
                Err(_elapsed) => {
                    Err(Box::new(TimeoutError::new(TimeoutKind::Connect, limit)) as BoxError)
                }
            }
        })
    }
}
