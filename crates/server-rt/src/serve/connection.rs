//! What one connection is doing, for its timeouts: reading a request head, busy with requests,
//! or idle between them. hyper has a single header-read timer that also runs while a
//! keep-alive connection is idle, so the head and idle timeouts are kept here instead.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use http::{Request, Response};
use hyper::body::Incoming;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio::time::Instant;
use tower_service::Service;

use super::body::RequestBody;

/// The state of one connection, shared by its socket, its service and its timeout watcher.
#[derive(Debug)]
pub(super) struct Clock {
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    /// Requests handed to the service and not yet answered.
    in_flight: usize,
    /// With nothing in flight: whether bytes of a request head have arrived (or the connection
    /// is new and owes its first request).
    reading_head: bool,
    /// When the current head or idle period began.
    since: Instant,
}

/// What a connection is waiting for, as far as its timeouts are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Phase {
    /// A request head is due (new connection, or bytes of the next request arrived).
    Head(Instant),
    /// Keep-alive: the previous answer is out, no byte of a next request yet.
    Idle(Instant),
    /// The service has a request; the body read timeout and the handler govern it.
    Busy,
}

impl Clock {
    /// A new connection owes its first request head from now.
    pub(super) fn new() -> Self {
        Self {
            state: Mutex::new(State {
                in_flight: 0,
                reading_head: true,
                since: Instant::now(),
            }),
        }
    }

    fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        // The lock guards plain counters; a poisoned one still holds usable values.
        f(&mut self.state.lock().unwrap_or_else(PoisonError::into_inner))
    }

    pub(super) fn phase(&self) -> Phase {
        self.with(|s| match (s.in_flight, s.reading_head) {
            (0, true) => Phase::Head(s.since),
            (0, false) => Phase::Idle(s.since),
            _ => Phase::Busy,
        })
    }

    /// Bytes arrived: on an idle connection they start the next request head.
    fn bytes_read(&self) {
        self.with(|s| {
            if s.in_flight == 0 && !s.reading_head {
                s.reading_head = true;
                s.since = Instant::now();
            }
        });
    }

    fn request_started(&self) {
        self.with(|s| s.in_flight += 1);
    }

    fn request_finished(&self) {
        self.with(|s| {
            s.in_flight = s.in_flight.saturating_sub(1);
            if s.in_flight == 0 {
                s.reading_head = false;
                s.since = Instant::now();
            }
        });
    }
}

/// Why a connection's watcher closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Expiry {
    HeadTimeout,
    IdleTimeout,
    /// Shutdown began while the connection was still sending a request head.
    HeadAtShutdown,
}

/// Completes when the connection should be closed: a request head or an idle period ran past
/// its timeout, or shutdown began (`closing` turned true) while a head was still arriving.
/// Idle connections at shutdown are left to hyper's graceful shutdown, which closes them once
/// any answer is fully written.
pub(super) async fn expired(
    clock: &Clock,
    header_read_timeout: Duration,
    idle_timeout: Duration,
    mut closing: watch::Receiver<bool>,
) -> Expiry {
    // Phases change without waking this watcher, and a change can bring a deadline closer
    // (a head due in 10 s answered, then idle for 5 s). Looking again at least this often
    // catches every deadline in time: a new phase's deadline is at least this far away.
    let recheck = header_read_timeout.min(idle_timeout);
    loop {
        let now = Instant::now();
        let shutting_down = *closing.borrow();
        let wake = match clock.phase() {
            Phase::Head(_) if shutting_down => return Expiry::HeadAtShutdown,
            Phase::Head(since) if now >= later(since, header_read_timeout) => {
                return Expiry::HeadTimeout
            }
            Phase::Idle(since) if now >= later(since, idle_timeout) => return Expiry::IdleTimeout,
            Phase::Head(since) => later(since, header_read_timeout),
            Phase::Idle(since) => later(since, idle_timeout),
            Phase::Busy => later(now, recheck),
        }
        .min(later(now, recheck));
        tokio::select! {
            () = tokio::time::sleep_until(wake) => {}
            changed = closing.changed(), if !shutting_down => {
                if changed.is_err() {
                    // The server is gone; its task set ends this connection.
                    std::future::pending::<()>().await;
                }
            }
        }
    }
}

/// `since + timeout`, or about thirty years on for timeouts too long to add (as tokio does).
fn later(since: Instant, timeout: Duration) -> Instant {
    since
        .checked_add(timeout)
        .unwrap_or_else(|| since + Duration::from_secs(86_400 * 365 * 30))
}

/// The socket, telling the clock when bytes arrive.
pub(super) struct TrackedIo {
    stream: TcpStream,
    clock: Arc<Clock>,
}

impl TrackedIo {
    pub(super) fn new(stream: TcpStream, clock: Arc<Clock>) -> Self {
        Self { stream, clock }
    }
}

impl AsyncRead for TrackedIo {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.stream).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            this.clock.bytes_read();
        }
        polled
    }
}

impl AsyncWrite for TrackedIo {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}

/// The user's service, given a [`RequestBody`] with a read deadline and counted in flight on
/// the clock from the call until its answer (or until hyper drops the call).
#[derive(Debug, Clone)]
pub(super) struct Tracked<S> {
    inner: S,
    clock: Arc<Clock>,
    body_read_timeout: Duration,
}

impl<S> Tracked<S> {
    pub(super) fn new(inner: S, clock: Arc<Clock>, body_read_timeout: Duration) -> Self {
        Self {
            inner,
            clock,
            body_read_timeout,
        }
    }
}

/// Marks a request finished when dropped, so a cancelled call is counted out too.
struct InFlight(Arc<Clock>);

impl InFlight {
    fn start(clock: &Arc<Clock>) -> Self {
        clock.request_started();
        Self(Arc::clone(clock))
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.request_finished();
    }
}

type CallFuture<R, E> = Pin<Box<dyn Future<Output = Result<R, E>> + Send>>;

impl<S, ResB> Service<Request<Incoming>> for Tracked<S>
where
    S: Service<Request<RequestBody>, Response = Response<ResB>>,
    S::Future: Send + 'static,
{
    type Response = Response<ResB>;
    type Error = S::Error;
    type Future = CallFuture<Response<ResB>, S::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<Incoming>) -> Self::Future {
        let in_flight = InFlight::start(&self.clock);
        let timeout = self.body_read_timeout;
        let call = self
            .inner
            .call(request.map(|body| RequestBody::new(body, timeout)));
        Box::pin(async move {
            let answer = call.await;
            drop(in_flight);
            answer
        })
    }
}
