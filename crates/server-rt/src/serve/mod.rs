//! Serving a service over HTTP/1.1 with keep-alive, connection limits and timeouts, and a
//! graceful shutdown that ends within a grace period.

mod body;
mod config;
mod connection;

use std::future::Future;
use std::io;
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

use http::{Request, Response};
use http_body::Body;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};
use tokio::task::JoinSet;
use tower_service::Service;

pub use body::{BodyReadTimeout, RequestBody};
pub use config::ServeConfig;
use connection::{expired, Clock, Tracked, TrackedIo};

use crate::BoxError;

/// Serves `service` on `listener` with [`ServeConfig::default`] until `shutdown` completes, then
/// shuts down as [`ServeConfig::shutdown_grace`] describes and returns.
pub async fn serve<S, ResB>(
    listener: TcpListener,
    service: S,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()>
where
    S: Service<Request<RequestBody>, Response = Response<ResB>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<BoxError>,
    ResB: Body + Send + 'static,
    ResB::Data: Send,
    ResB::Error: Into<BoxError>,
{
    serve_with_config(listener, service, shutdown, ServeConfig::default()).await
}

/// [`serve`] with explicit limits and timeouts (see [`ServeConfig`] for each).
///
/// Each connection speaks HTTP/1.1 with keep-alive on. Accept errors (for example running out of
/// file descriptors) are logged and retried after a short pause instead of ending the server.
/// A configuration serving cannot work with (see [`ServeConfig`]) is refused with
/// [`io::ErrorKind::InvalidInput`] before anything is served.
///
/// When `shutdown` completes the listener is closed, idle connections and connections still
/// sending a request head are closed, requests the service already has are answered (their
/// connections then close), and after [`ServeConfig::shutdown_grace`] every connection still
/// open is closed. The function returns once all connections are gone.
pub async fn serve_with_config<S, ResB>(
    listener: TcpListener,
    service: S,
    shutdown: impl Future<Output = ()>,
    config: ServeConfig,
) -> io::Result<()>
where
    S: Service<Request<RequestBody>, Response = Response<ResB>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<BoxError>,
    ResB: Body + Send + 'static,
    ResB::Data: Send,
    ResB::Error: Into<BoxError>,
{
    config
        .check()
        .map_err(|message| io::Error::new(io::ErrorKind::InvalidInput, message))?;
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        // hyper's header timer also runs on idle keep-alive connections; `connection` keeps
        // separate head and idle timeouts instead.
        .header_read_timeout(None)
        .max_header_size(config.max_header_bytes)
        .keep_alive(true);
    let graceful = GracefulShutdown::new();
    let (closing, closing_rx) = watch::channel(false);
    let slots = Arc::new(Semaphore::new(config.max_connections));
    let mut connections = JoinSet::new();
    let mut shutdown = pin!(shutdown);

    loop {
        // At the limit, stop accepting: waiting clients stay in the listen backlog.
        let slot = tokio::select! {
            biased;
            () = &mut shutdown => break,
            slot = Arc::clone(&slots).acquire_owned() => match slot {
                Ok(slot) => slot,
                // The semaphore is never closed; treat it as the end of serving if it were.
                Err(_) => break,
            },
        };
        let (stream, peer) = tokio::select! {
            biased;
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    tracing::warn!(error = %err, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        // Forget connections that already ended.
        while connections.try_join_next().is_some() {}

        let clock = Arc::new(Clock::new());
        let io = TokioIo::new(TrackedIo::new(stream, Arc::clone(&clock)));
        let service = TowerToHyperService::new(Tracked::new(
            service.clone(),
            Arc::clone(&clock),
            config.body_read_timeout,
        ));
        let connection = graceful.watch(builder.serve_connection(io, service));
        let (header_read_timeout, idle_timeout) = (config.header_read_timeout, config.idle_timeout);
        let closing = closing_rx.clone();
        connections.spawn(async move {
            tokio::select! {
                ended = connection => if let Err(err) = ended {
                    tracing::debug!(%peer, error = %err, "connection ended with an error");
                },
                why = expired(&clock, header_read_timeout, idle_timeout, closing) => {
                    tracing::debug!(%peer, reason = ?why, "closing connection");
                }
            }
            drop(slot);
        });
    }

    // Stop listening before draining so new clients are refused rather than left waiting.
    drop(listener);
    let _ = closing.send(true);
    let drained = async {
        graceful.shutdown().await;
        while connections.join_next().await.is_some() {}
    };
    if tokio::time::timeout(config.shutdown_grace, drained)
        .await
        .is_err()
    {
        tracing::warn!(
            open = connections.len(),
            "shutdown grace period over; closing the remaining connections"
        );
        connections.shutdown().await;
    }
    Ok(())
}
