//! A tiny scripted HTTP/1.1 server on loopback: it answers each request with the next scripted
//! reply and records what it received, so tests can assert on the exact wire traffic.

// Each test binary compiles this module and uses a different subset of it.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, Request, Response};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use ingot_client_rt::{Protocol, ServiceInfo};
use tokio::net::TcpListener;

pub static COGNITO: ServiceInfo = ServiceInfo {
    target_prefix: "AWSCognitoIdentityProviderService",
    protocol: Protocol::AwsJson1_1,
    signing_name: "cognito-idp",
    endpoint_prefix: "cognito-idp",
    env_name: "COGNITO_IDENTITY_PROVIDER",
    sdk_id: "Cognito Identity Provider",
    query_compatible: false,
    retryable_errors: &[],
};

/// What the server does with one request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// Respond with this status, headers and body.
    Respond {
        status: u16,
        headers: Vec<(&'static str, &'static str)>,
        body: String,
    },
    /// Never answer within any test's patience (the task is dropped with the runtime).
    Hang,
}

impl Reply {
    pub fn ok(body: &str) -> Self {
        Reply::Respond {
            status: 200,
            headers: vec![("content-type", "application/x-amz-json-1.1")],
            body: body.to_owned(),
        }
    }

    pub fn error(status: u16, type_: &str, message: &str) -> Self {
        let body = format!(r#"{{"__type":"{type_}","message":"{message}"}}"#);
        Reply::Respond {
            status,
            headers: vec![
                ("content-type", "application/x-amz-json-1.1"),
                ("x-amzn-requestid", "req-123"),
            ],
            body,
        }
    }
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Captured {
    pub method: String,
    pub uri: String,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Captured {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

pub struct ScriptedServer {
    pub addr: SocketAddr,
    requests: Arc<Mutex<Vec<Captured>>>,
    connections: Arc<AtomicUsize>,
}

impl ScriptedServer {
    /// Starts serving `script` on 127.0.0.1 (any port). Requests past the end of the script get a
    /// 599 so a test that sends too many sees it.
    pub async fn start(script: Vec<Reply>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let script = Arc::new(Mutex::new(VecDeque::from(script)));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(AtomicUsize::new(0));
        let (reqs, conns) = (requests.clone(), connections.clone());
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                conns.fetch_add(1, Ordering::SeqCst);
                let (script, reqs) = (script.clone(), reqs.clone());
                let service = service_fn(move |req: Request<Incoming>| {
                    let (script, reqs) = (script.clone(), reqs.clone());
                    async move { Ok::<_, Infallible>(answer(req, &script, &reqs).await) }
                });
                tokio::spawn(async move {
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Self {
            addr,
            requests,
            connections,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn requests(&self) -> Vec<Captured> {
        self.requests.lock().expect("lock").clone()
    }

    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

async fn answer(
    req: Request<Incoming>,
    script: &Mutex<VecDeque<Reply>>,
    requests: &Mutex<Vec<Captured>>,
) -> Response<Full<Bytes>> {
    let (parts, body) = req.into_parts();
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    requests.lock().expect("lock").push(Captured {
        method: parts.method.to_string(),
        uri: parts.uri.to_string(),
        headers: parts.headers,
        body,
    });
    let reply = script.lock().expect("lock").pop_front();
    match reply {
        Some(Reply::Respond {
            status,
            headers,
            body,
        }) => {
            let mut response = Response::builder().status(status);
            for (name, value) in headers {
                response = response.header(name, value);
            }
            response
                .body(Full::new(Bytes::from(body)))
                .expect("valid scripted response")
        }
        Some(Reply::Hang) => {
            tokio::time::sleep(Duration::from_secs(30)).await;
            Response::new(Full::new(Bytes::new()))
        }
        None => Response::builder()
            .status(599)
            .body(Full::new(Bytes::from_static(b"script exhausted")))
            .expect("valid response"),
    }
}
