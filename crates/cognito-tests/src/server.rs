//! A loopback HTTP/1.1 server that records requests and answers from a script.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, Request, Response};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::task::{JoinHandle, JoinSet};

/// One scripted answer.
#[derive(Debug, Clone)]
pub struct CannedResponse {
    status: u16,
    headers: Vec<(String, String)>,
    body: Bytes,
    delay: Option<Duration>,
}

impl CannedResponse {
    /// An answer with this status and body and no headers yet.
    pub fn new(status: u16, body: impl Into<Bytes>) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: body.into(),
            delay: None,
        }
    }

    /// An awsJson answer: the status, `Content-Type: application/x-amz-json-1.1` and a request id.
    pub fn json(status: u16, body: impl Into<Bytes>) -> Self {
        Self::new(status, body)
            .header("content-type", "application/x-amz-json-1.1")
            .header("x-amzn-requestid", "req-0001")
    }

    /// Adds a header (a later one with the same name replaces an earlier one).
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Waits this long before answering (to provoke client timeouts).
    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = Some(delay);
        self
    }

    fn to_response(&self) -> Response<Full<Bytes>> {
        let mut response = Response::new(Full::new(self.body.clone()));
        *response.status_mut() = http::StatusCode::from_u16(self.status)
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        for (name, value) in &self.headers {
            if let (Ok(name), Ok(value)) = (
                http::HeaderName::from_bytes(name.as_bytes()),
                http::HeaderValue::from_str(value),
            ) {
                response.headers_mut().insert(name, value);
            }
        }
        response
    }
}

/// A request as the server received it.
#[derive(Debug, Clone)]
pub struct CapturedRequest {
    /// The method, e.g. `POST`.
    pub method: http::Method,
    /// The request target as sent (path and query).
    pub uri: http::Uri,
    /// All headers as received.
    pub headers: HeaderMap,
    /// The whole body.
    pub body: Bytes,
}

impl CapturedRequest {
    /// A header's value as text, if present and visible ASCII.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

#[derive(Debug)]
struct State {
    script: Vec<CannedResponse>,
    record: bool,
    requests: Mutex<Vec<CapturedRequest>>,
    count: Mutex<usize>,
}

impl State {
    /// The answer to the `n`th request (0-based): the script in order, then its last entry forever.
    fn answer(&self, n: usize) -> CannedResponse {
        match self.script.get(n).or(self.script.last()) {
            Some(answer) => answer.clone(),
            None => CannedResponse::new(500, "empty script"),
        }
    }
}

/// A server on 127.0.0.1 with a random port; it stops (with all its connections) when dropped.
#[derive(Debug)]
pub struct CaptureServer {
    addr: SocketAddr,
    state: Arc<State>,
    accept: JoinHandle<()>,
}

impl CaptureServer {
    /// Starts a server that records requests and answers them from `script`.
    pub async fn start(script: Vec<CannedResponse>) -> std::io::Result<Self> {
        Self::start_with(script, true).await
    }

    /// Starts a server; with `record == false` it only counts requests (for benchmarks).
    pub async fn start_with(script: Vec<CannedResponse>, record: bool) -> std::io::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State {
            script,
            record,
            requests: Mutex::new(Vec::new()),
            count: Mutex::new(0),
        });
        let accept = tokio::spawn(accept_loop(listener, Arc::clone(&state)));
        Ok(Self {
            addr,
            state,
            accept,
        })
    }

    /// The base URL, `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The requests recorded so far, in arrival order.
    pub fn requests(&self) -> Vec<CapturedRequest> {
        lock(&self.state.requests).clone()
    }

    /// How many requests arrived so far (recorded or not).
    pub fn request_count(&self) -> usize {
        *lock(&self.state.count)
    }
}

impl Drop for CaptureServer {
    fn drop(&mut self) {
        // Aborting the accept task drops its JoinSet, which aborts every connection task.
        self.accept.abort();
    }
}

/// A poisoned lock only means another test thread panicked; the data is still usable.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

async fn accept_loop(listener: TcpListener, state: Arc<State>) {
    let mut connections = JoinSet::new();
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        // Small canned answers: Nagle would only add latency.
        let _ = stream.set_nodelay(true);
        let state = Arc::clone(&state);
        connections.spawn(async move {
            let service = service_fn(move |req| handle(Arc::clone(&state), req));
            // Connection errors (a client hanging up mid-request) are part of some tests.
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
        // Reap finished connections so the set does not grow without bound in benchmarks.
        while connections.try_join_next().is_some() {}
    }
}

async fn handle(
    state: Arc<State>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let (parts, body) = req.into_parts();
    let body = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => Bytes::new(),
    };
    let n = {
        let mut count = lock(&state.count);
        *count += 1;
        *count - 1
    };
    if state.record {
        lock(&state.requests).push(CapturedRequest {
            method: parts.method,
            uri: parts.uri,
            headers: parts.headers,
            body,
        });
    }
    let answer = state.answer(n);
    if let Some(delay) = answer.delay {
        tokio::time::sleep(delay).await;
    }
    Ok(answer.to_response())
}
