//! Serving a service over HTTP/1.1 with keep-alive, a header-read timeout and graceful shutdown.

use std::future::Future;
use std::io;
use std::pin::pin;
use std::time::Duration;

use http::{Request, Response};
use http_body::Body;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower_service::Service;

use crate::BoxError;

/// Connection settings for [`serve_with_config`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServeConfig {
    /// How long a client may take to send a complete request head; slower connections are closed.
    /// Default 10 s.
    pub header_read_timeout: Duration,
    /// How long shutdown waits for in-flight requests before it drops the remaining connections.
    /// `None` (the default) waits until they finish.
    pub shutdown_timeout: Option<Duration>,
}

impl Default for ServeConfig {
    fn default() -> Self {
        Self {
            header_read_timeout: Duration::from_secs(10),
            shutdown_timeout: None,
        }
    }
}

/// Serves `service` on `listener` with [`ServeConfig::default`] until `shutdown` completes, then
/// stops accepting, lets in-flight requests finish and returns.
pub async fn serve<S, ResB>(
    listener: TcpListener,
    service: S,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()>
where
    S: Service<Request<Incoming>, Response = Response<ResB>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<BoxError>,
    ResB: Body + Send + 'static,
    ResB::Data: Send,
    ResB::Error: Into<BoxError>,
{
    serve_with_config(listener, service, shutdown, ServeConfig::default()).await
}

/// [`serve`] with explicit connection settings.
///
/// Each connection speaks HTTP/1.1 with keep-alive on. Accept errors (for example running out of
/// file descriptors) are logged and retried after a short pause instead of ending the server.
pub async fn serve_with_config<S, ResB>(
    listener: TcpListener,
    service: S,
    shutdown: impl Future<Output = ()>,
    config: ServeConfig,
) -> io::Result<()>
where
    S: Service<Request<Incoming>, Response = Response<ResB>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<BoxError>,
    ResB: Body + Send + 'static,
    ResB::Data: Send,
    ResB::Error: Into<BoxError>,
{
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(config.header_read_timeout)
        .keep_alive(true);
    let graceful = GracefulShutdown::new();
    let mut shutdown = pin!(shutdown);

    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let connection = builder
                        .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service.clone()));
                    let connection = graceful.watch(connection);
                    tokio::spawn(async move {
                        if let Err(err) = connection.await {
                            tracing::debug!(%peer, error = %err, "connection ended with an error");
                        }
                    });
                }
                Err(err) => {
                    tracing::warn!(error = %err, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
            () = &mut shutdown => break,
        }
    }
    // Stop listening before draining so new clients are refused rather than left waiting.
    drop(listener);
    match config.shutdown_timeout {
        None => graceful.shutdown().await,
        Some(limit) => {
            if tokio::time::timeout(limit, graceful.shutdown())
                .await
                .is_err()
            {
                tracing::warn!("graceful shutdown timed out; dropping remaining connections");
            }
        }
    }
    Ok(())
}
