//! The pooled HTTP/1.1 client all clones of a [`Client`](crate::Client) share: rustls (ring, the
//! roots chosen by [`TlsConfig`]) for `https`, plain TCP for `http` endpoints such as local test
//! servers. One connect timeout covers resolving, TCP connecting and the TLS handshake.

use std::collections::BTreeMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http::Uri;
use http_body_util::Full;
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::connect::dns::{GaiResolver, Name};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use tower_service::Service;

use crate::error::{find_in_chain, BoxError, ConstructionFailure, TimeoutError, TimeoutKind};
use crate::tls::TlsConfig;

/// The concrete pooled client type.
pub(crate) type HttpClient =
    Client<ConnectTimeout<HttpsConnector<HttpConnector<Resolve>>>, Full<Bytes>>;

/// How long an idle pooled connection is kept for reuse before it is closed (hyper-util's usual
/// value); a connection the server closed earlier is detected and replaced by the pool.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(90);

/// Builds the pooled client. The crypto provider is passed explicitly so that another rustls
/// provider enabled elsewhere in the build (e.g. aws-lc-rs) cannot make the choice ambiguous.
pub(crate) fn build_http_client(
    connect_timeout: Option<Duration>,
    tls: &TlsConfig,
    host_overrides: &BTreeMap<String, IpAddr>,
) -> Result<HttpClient, ConstructionFailure> {
    let tls = tls.client_config(rustls::crypto::ring::default_provider())?;
    let https = HttpsConnectorBuilder::new()
        .with_tls_config(tls)
        .https_or_http()
        .enable_http1();

    let mut tcp = HttpConnector::new_with_resolver(Resolve {
        overrides: Arc::new(host_overrides.clone()),
        system: GaiResolver::new(),
    });
    // The TLS layer wraps this connector and needs it to accept `https` URIs too.
    tcp.enforce_http(false);
    tcp.set_nodelay(true);
    // The same limit on TCP alone splits it across a host's addresses, so one that drops packets
    // does not use it all up; `ConnectTimeout` bounds the whole connection, handshake included,
    // and reports either way of running out the same way.
    tcp.set_connect_timeout(connect_timeout);

    Ok(Client::builder(TokioExecutor::new())
        .pool_idle_timeout(POOL_IDLE_TIMEOUT)
        .pool_timer(TokioTimer::new())
        .timer(TokioTimer::new())
        .build(ConnectTimeout {
            inner: https.wrap_connector(tcp),
            limit: connect_timeout,
        }))
}

/// Name resolution: the configured host overrides first (see
/// [`ConfigBuilder::resolve_host`](crate::ConfigBuilder::resolve_host)), else the system's
/// resolver.
#[derive(Debug, Clone)]
pub(crate) struct Resolve {
    overrides: Arc<BTreeMap<String, IpAddr>>,
    system: GaiResolver,
}

impl Service<Name> for Resolve {
    type Response = std::vec::IntoIter<SocketAddr>;
    type Error = BoxError;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, BoxError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        self.system.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, name: Name) -> Self::Future {
        // The connector sets the URI's port on the address.
        if let Some(ip) = self.overrides.get(&name.as_str().to_ascii_lowercase()) {
            let addrs = vec![SocketAddr::new(*ip, 0)].into_iter();
            return Box::pin(async move { Ok(addrs) });
        }
        let resolving = self.system.call(name);
        Box::pin(async move {
            let addrs: Vec<SocketAddr> = resolving.await?.collect();
            Ok(addrs.into_iter())
        })
    }
}

/// A connector that fails with a [`TimeoutError`] of kind [`TimeoutKind::Connect`] when `inner`
/// has not produced a connection within `limit`, or itself gave up connecting with a timed-out
/// I/O error (the way the AWS SDKs apply `connect_timeout` around their TLS connector).
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
            // Boxed as the error itself (not a box in a box) so callers can downcast it.
            let timed_out = || Box::new(TimeoutError::new(TimeoutKind::Connect, limit)) as BoxError;
            match tokio::time::timeout(limit, connecting).await {
                Ok(Ok(connection)) => Ok(connection),
                Ok(Err(e)) => {
                    let e: BoxError = e.into();
                    let tcp_timed_out = find_in_chain::<std::io::Error>(&*e)
                        .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut);
                    Err(if tcp_timed_out { timed_out() } else { e })
                }
                Err(_elapsed) => Err(timed_out()),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A connector whose every connection attempt fails with an I/O error of one kind, or hangs.
    #[derive(Clone)]
    enum Fake {
        Fails(std::io::ErrorKind),
        Hangs,
    }

    impl Service<Uri> for Fake {
        type Response = ();
        type Error = BoxError;
        type Future = Pin<Box<dyn Future<Output = Result<(), BoxError>> + Send>>;

        fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
            Poll::Ready(Ok(()))
        }

        fn call(&mut self, _: Uri) -> Self::Future {
            let fake = self.clone();
            Box::pin(async move {
                match fake {
                    Fake::Fails(kind) => {
                        Err(Box::new(std::io::Error::new(kind, "fake")) as BoxError)
                    }
                    Fake::Hangs => std::future::pending().await,
                }
            })
        }
    }

    async fn connect(fake: Fake, limit: Option<Duration>) -> Result<(), BoxError> {
        let mut connector = ConnectTimeout { inner: fake, limit };
        connector
            .call(Uri::from_static("https://example.com"))
            .await
    }

    fn connect_timeout_of(e: &BoxError) -> Option<Duration> {
        e.downcast_ref::<TimeoutError>()
            .filter(|t| t.kind() == TimeoutKind::Connect)
            .map(TimeoutError::duration)
    }

    #[tokio::test]
    async fn a_hung_connection_and_a_tcp_timeout_are_the_same_connect_timeout() {
        let limit = Some(Duration::from_millis(20));
        let hung = connect(Fake::Hangs, limit).await.unwrap_err();
        assert_eq!(connect_timeout_of(&hung), limit);
        let tcp = connect(Fake::Fails(std::io::ErrorKind::TimedOut), limit)
            .await
            .unwrap_err();
        assert_eq!(connect_timeout_of(&tcp), limit);
    }

    #[tokio::test]
    async fn other_failures_pass_through_and_no_limit_means_none() {
        let limit = Some(Duration::from_millis(20));
        let refused = connect(Fake::Fails(std::io::ErrorKind::ConnectionRefused), limit)
            .await
            .unwrap_err();
        assert_eq!(connect_timeout_of(&refused), None);
        assert_eq!(refused.to_string(), "fake");
        let unlimited =
            tokio::time::timeout(Duration::from_millis(100), connect(Fake::Hangs, None));
        assert!(
            unlimited.await.is_err(),
            "without a limit the attempt waits"
        );
    }
}
