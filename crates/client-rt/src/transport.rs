//! The pooled HTTP/1.1 client all clones of a [`Client`](crate::Client) share: rustls (ring,
//! Mozilla roots) for `https`, plain TCP for `http` endpoints such as local test servers.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::{TokioExecutor, TokioTimer};

use crate::error::ConstructionFailure;

/// The concrete pooled client type.
pub(crate) type HttpClient = Client<HttpsConnector<HttpConnector>, Full<Bytes>>;

/// How long an idle pooled connection is kept for reuse before it is closed (hyper-util's usual
/// value); a connection the server closed earlier is detected and replaced by the pool.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(90);

/// Builds the pooled client. The crypto provider is passed explicitly so that another rustls
/// provider enabled elsewhere in the build (e.g. aws-lc-rs) cannot make the choice ambiguous.
pub(crate) fn build_http_client(
    connect_timeout: Option<Duration>,
) -> Result<HttpClient, ConstructionFailure> {
    let provider = rustls::crypto::ring::default_provider();
    let https = HttpsConnectorBuilder::new()
        .with_provider_and_webpki_roots(provider)
        .map_err(|e| ConstructionFailure::new("failed to set up TLS", Some(Box::new(e))))?
        .https_or_http()
        .enable_http1();

    let mut tcp = HttpConnector::new();
    // The TLS layer wraps this connector and needs it to accept `https` URIs too.
    tcp.enforce_http(false);
    tcp.set_nodelay(true);
    tcp.set_connect_timeout(connect_timeout);

    Ok(Client::builder(TokioExecutor::new())
        .pool_idle_timeout(POOL_IDLE_TIMEOUT)
        .pool_timer(TokioTimer::new())
        .timer(TokioTimer::new())
        .build(https.wrap_connector(tcp)))
}
