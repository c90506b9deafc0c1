//! Loopback helpers for the wire tests: a capturing HTTP server that answers from a script, the
//! generated server on a random port, raw HTTP requests, and clients configured for both.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, Request, Response};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use wire_traits_client::config::retry::RetryConfig;
use wire_traits_client::config::{Builder as ConfigBuilder, Credentials, Region};
use wire_traits_client::{Client, Config};

/// The key pair clients sign with and servers verify.
pub const AKID: &str = "AKIDEXAMPLE";
/// The secret of [`AKID`].
pub const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
/// awsJson 1.0's media type.
pub const JSON_1_0: &str = "application/x-amz-json-1.0";

/// One request as a server saw it.
#[derive(Debug, Clone)]
pub struct Captured {
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Captured {
    /// A header's text, if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// One scripted answer: status, extra headers, body.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
}

impl Reply {
    /// 200 with a JSON body.
    pub fn ok(body: &str) -> Self {
        Self {
            status: 200,
            headers: Vec::new(),
            body: body.to_owned(),
        }
    }

    /// An awsJson 1.0 error of this service: `__type` in its namespace.
    pub fn error(status: u16, shape: &str, message: &str) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: format!(r#"{{"__type":"ingot.wiretraits#{shape}","message":"{message}"}}"#),
        }
    }

    /// Adds a response header.
    pub fn header(mut self, name: &'static str, value: &str) -> Self {
        self.headers.push((name, value.to_owned()));
        self
    }
}

/// A loopback server answering each request with the next scripted reply (599 once the script
/// is exhausted) and recording every request.
#[derive(Debug)]
pub struct ScriptedServer {
    url: String,
    requests: Arc<Mutex<Vec<Captured>>>,
}

impl ScriptedServer {
    /// Starts serving `script` on 127.0.0.1, any port.
    pub async fn start(script: Vec<Reply>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let script = Arc::new(Mutex::new(VecDeque::from(script)));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (script, seen) = (Arc::clone(&script), Arc::clone(&seen));
                let service = service_fn(move |req: Request<Incoming>| {
                    let (script, seen) = (Arc::clone(&script), Arc::clone(&seen));
                    async move { Ok::<_, Infallible>(answer(req, &script, &seen).await) }
                });
                tokio::spawn(async move {
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Self { url, requests }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Every request so far, in order.
    pub fn requests(&self) -> Vec<Captured> {
        self.requests.lock().expect("lock").clone()
    }
}

async fn answer(
    req: Request<Incoming>,
    script: &Mutex<VecDeque<Reply>>,
    seen: &Mutex<Vec<Captured>>,
) -> Response<Full<Bytes>> {
    let (parts, body) = req.into_parts();
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    seen.lock().expect("lock").push(Captured {
        headers: parts.headers,
        body,
    });
    let Some(reply) = script.lock().expect("lock").pop_front() else {
        return Response::builder()
            .status(599)
            .body(Full::new(Bytes::from_static(b"script exhausted")))
            .expect("valid response");
    };
    let mut response = Response::builder()
        .status(reply.status)
        .header("content-type", JSON_1_0)
        .header("x-amzn-requestid", "req-1");
    for (name, value) in reply.headers {
        response = response.header(name, value);
    }
    response
        .body(Full::new(Bytes::from(reply.body)))
        .expect("valid scripted response")
}

/// Serves `service` on 127.0.0.1 until the returned sender is dropped; returns its URL.
pub async fn serve(
    service: ingot_server_rt::AwsJsonService,
) -> (String, tokio::sync::oneshot::Sender<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(ingot_server_rt::serve(listener, service, async move {
        let _ = rx.await;
    }));
    (url, tx)
}

/// A config signing as [`AKID`] in us-west-2 against `url`, with quick retries.
pub fn config(url: &str) -> ConfigBuilder {
    Config::builder()
        .region(Region::new("us-west-2"))
        .endpoint_url(url)
        .credentials_provider(Credentials::new(AKID, SECRET, None, None, "test"))
        .retry_config(
            RetryConfig::standard()
                .with_initial_backoff(Duration::from_millis(1))
                .with_max_backoff(Duration::from_millis(5)),
        )
}

/// A client from [`config`].
pub fn client(url: &str) -> Client {
    Client::from_conf(config(url).build())
}

/// A raw awsJson 1.0 POST to `url` for `operation`, with extra headers; returns status, headers
/// and body text.
pub async fn post(
    url: &str,
    operation: &str,
    headers: &[(&str, &str)],
    body: Vec<u8>,
) -> (u16, HeaderMap, String) {
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build_http::<Full<Bytes>>();
    let mut request = Request::post(url)
        .header("content-type", JSON_1_0)
        .header("x-amz-target", format!("WireTraits.{operation}"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request
        .body(Full::new(Bytes::from(body)))
        .expect("valid request");
    let response = client.request(request).await.expect("response");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}
