//! The HTTP ends of the tests: a loopback server clients send to, and an in-process call of a
//! server's `tower::Service`.

use std::convert::Infallible;
use std::fmt::Debug;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use http::{Request, Response};
use http_body_util::{BodyExt as _, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use ingot_client_rt::{Config, Credentials, RetryConfig};
use tokio::net::TcpListener;
use tower::ServiceExt as _;

use crate::check::Seen;

/// The response a [`FakeServer`] answers every request with.
#[derive(Clone, Debug)]
pub struct Canned {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Canned {
    /// `200` with an empty JSON object: what a client-request test needs to finish its call.
    pub fn ok() -> Self {
        Canned {
            status: 200,
            headers: vec![("content-type".into(), "application/x-amz-json-1.0".into())],
            body: b"{}".to_vec(),
        }
    }
}

/// A loopback HTTP/1 server that records every request and answers each with one canned
/// response: the fake connector of client tests, over a real socket so the client's own
/// HTTP stack is exercised too.
#[derive(Debug)]
pub struct FakeServer {
    url: String,
    port: u16,
    requests: Arc<Mutex<Vec<Seen>>>,
}

impl FakeServer {
    /// Starts answering with `canned` on 127.0.0.1, any port.
    pub async fn start(canned: Canned) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local address");
        let url = format!("http://{addr}");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (seen, canned) = (Arc::clone(&seen), canned.clone());
                let service = service_fn(move |req: Request<Incoming>| {
                    let (seen, canned) = (Arc::clone(&seen), canned.clone());
                    async move { Ok::<_, Infallible>(answer(req, &seen, &canned).await) }
                });
                tokio::spawn(async move {
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        FakeServer {
            url,
            port: addr.port(),
            requests,
        }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// `http://<host>:<port><path>`: this server under a case's host name (`example.com`), for
    /// a client that resolves the names it sends to with [`client_config`]'s `loopback_hosts`.
    pub fn url_as(&self, host: &str, path: &str) -> String {
        format!("http://{host}:{}{path}", self.port)
    }

    /// The one request a client sent; panics naming how many there were otherwise, with
    /// `outcome` (what the client's call returned) telling why none arrived.
    pub fn only_request(&self, outcome: &dyn Debug) -> Seen {
        let requests = self.requests.lock().expect("lock");
        match requests.as_slice() {
            [one] => one.clone(),
            other => panic!(
                "expected one request, the client sent {} (the call returned {outcome:?})",
                other.len()
            ),
        }
    }
}

async fn answer(
    req: Request<Incoming>,
    seen: &Mutex<Vec<Seen>>,
    canned: &Canned,
) -> Response<Full<Bytes>> {
    let (parts, body) = req.into_parts();
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    seen.lock().expect("lock").push(Seen {
        method: parts.method.to_string(),
        uri: parts
            .uri
            .path_and_query()
            .map_or_else(|| parts.uri.to_string(), |p| p.to_string()),
        status: 0,
        headers: parts.headers,
        body: body.to_vec(),
    });
    let mut response = Response::builder().status(canned.status);
    for (name, value) in &canned.headers {
        response = response.header(name, value);
    }
    response
        .body(Full::new(Bytes::from(canned.body.clone())))
        .unwrap_or_else(|e| panic!("the case's response is not valid HTTP: {e}"))
}

/// A client config for `url`: fixed credentials, region and signing time, no retries, so
/// each call sends exactly one request. Each of `loopback_hosts` is connected to on
/// 127.0.0.1 without asking DNS (the client's `resolve_host`), so a case's host names, host
/// prefixes included, reach the loopback server while the request still names them.
pub fn client_config(url: &str, loopback_hosts: &[&str]) -> Config {
    let loopback = IpAddr::V4(Ipv4Addr::LOCALHOST);
    loopback_hosts
        .iter()
        .fold(Config::builder(), |b, host| b.resolve_host(*host, loopback))
        .region(ingot_client_rt::Region::new("us-east-1"))
        .endpoint_url(url)
        .credentials_provider(Credentials::new(
            "AKIDEXAMPLE",
            "SECRET",
            None,
            None,
            "protocol-tests",
        ))
        .retry_config(RetryConfig::disabled())
        .fixed_signing_time(SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000))
        .build()
}

/// A request as a case writes it.
pub fn request(
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Request<Full<Bytes>> {
    let mut builder = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder
        .body(Full::new(Bytes::from(body.to_owned())))
        .unwrap_or_else(|e| panic!("the case's request is not valid HTTP: {e}"))
}

/// Calls `service` with `request` in-process and returns its response.
pub async fn call<S, B>(service: S, request: Request<Full<Bytes>>) -> Seen
where
    S: tower::Service<Request<Full<Bytes>>, Response = Response<B>, Error = Infallible>,
    B: hyper::body::Body,
    B::Error: std::fmt::Debug,
{
    let response = match service.oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    };
    let (parts, body) = response.into_parts();
    let body = body.collect().await.expect("response body").to_bytes();
    Seen {
        method: String::new(),
        uri: String::new(),
        status: parts.status.as_u16(),
        headers: parts.headers,
        body: body.to_vec(),
    }
}

/// Where a server handler leaves the input it was called with.
#[derive(Debug)]
pub struct Slot<T>(Arc<Mutex<Option<T>>>);

impl<T> Clone for Slot<T> {
    fn clone(&self) -> Self {
        Slot(Arc::clone(&self.0))
    }
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot(Arc::new(Mutex::new(None)))
    }
}

impl<T> Slot<T> {
    /// Keeps `value`.
    pub fn put(&self, value: T) {
        *self.0.lock().expect("lock") = Some(value);
    }

    /// The value kept, if the handler ran.
    pub fn take(&self) -> Option<T> {
        self.0.lock().expect("lock").take()
    }
}
