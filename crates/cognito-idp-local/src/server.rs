//! Running the service on a listener in the background, for the binary and for in-process tests.

use std::io;
use std::net::SocketAddr;

use ingot_server_rt::ServeConfig;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::log::Logged;

/// A server serving on its own task until [`RunningServer::shutdown`] (or drop, which stops it
/// without waiting).
#[derive(Debug)]
pub struct RunningServer {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<io::Result<()>>,
}

impl RunningServer {
    /// Starts serving `service` on `listener` with the limits, timeouts and shutdown grace
    /// period of `config`.
    pub fn start(listener: TcpListener, service: Logged, config: ServeConfig) -> io::Result<Self> {
        let addr = listener.local_addr()?;
        let (stop, stopped) = oneshot::channel::<()>();
        let shutdown = async move {
            // A dropped sender stops the server too.
            let _ = stopped.await;
        };
        let task = tokio::spawn(ingot_server_rt::serve_with_config(
            listener, service, shutdown, config,
        ));
        Ok(Self {
            addr,
            stop: Some(stop),
            task,
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR`, the endpoint URL to give clients.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting, lets in-flight requests finish within the shutdown grace period, and
    /// returns how serving ended.
    pub async fn shutdown(mut self) -> io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        (&mut self.task)
            .await
            .map_err(|e| io::Error::other(format!("server task failed: {e}")))?
    }
}
