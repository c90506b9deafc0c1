//! A tiny scripted HTTP/1.1 server on loopback (plain or over TLS): it answers each request with
//! the next scripted reply and records what it received, so tests can assert on the exact wire
//! traffic.

// Each test binary compiles this module and uses a different subset of it.
#![allow(dead_code)]

pub mod pki;

use std::collections::HashMap;
use std::collections::VecDeque;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;

use bytes::Bytes;
use http::{HeaderMap, Request, Response};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use ingot_client_rt::__private::{Protocol, ServiceInfo};
use ingot_client_rt::Credentials;
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

pub static COGNITO: ServiceInfo = ServiceInfo {
    target_prefix: "AWSCognitoIdentityProviderService",
    protocol: Protocol::AwsJson1_1,
    signing_name: "cognito-idp",
    endpoint_prefix: "cognito-idp",
    env_name: "COGNITO_IDENTITY_PROVIDER",
    sdk_id: "Cognito Identity Provider",
    query_compatible: false,
    retryable_errors: &[],
    endpoint_rule_set: None,
    endpoint_discovery: None,
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
        Self::start_with(script, None).await
    }

    /// Like [`Self::start`], over TLS with `tls` (see `url_https`).
    pub async fn start_tls(script: Vec<Reply>, tls: Arc<rustls::ServerConfig>) -> Self {
        Self::start_with(script, Some(TlsAcceptor::from(tls))).await
    }

    async fn start_with(script: Vec<Reply>, tls: Option<TlsAcceptor>) -> Self {
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
                let tls = tls.clone();
                tokio::spawn(async move {
                    let http = hyper::server::conn::http1::Builder::new();
                    let _ = match tls {
                        None => http.serve_connection(TokioIo::new(stream), service).await,
                        // A failed handshake (e.g. the client refused the certificate) just
                        // ends the connection, as in a real server.
                        Some(tls) => match tls.accept(stream).await {
                            Ok(stream) => {
                                http.serve_connection(TokioIo::new(stream), service).await
                            }
                            Err(_) => return,
                        },
                    };
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

    pub fn url_https(&self) -> String {
        format!("https://{}", self.addr)
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

/// Parses `YYYYMMDDTHHMMSSZ` into a `SystemTime` (days-from-civil, proleptic Gregorian).
pub fn parse_amz_date(s: &str) -> SystemTime {
    let n = |r: std::ops::Range<usize>| s[r].parse::<i64>().expect("digits");
    let (y, m, d) = (n(0..4), n(4..6), n(6..8));
    let (hh, mm, ss) = (n(9..11), n(11..13), n(13..15));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + hh * 3600 + mm * 60 + ss;
    SystemTime::UNIX_EPOCH + Duration::from_secs(u64::try_from(secs).expect("after 1970"))
}

/// Recomputes the SigV4 signature of a captured request the way a server would: from the headers
/// its `Authorization` lists, the `X-Amz-Date`, and the body, with the given secret.
pub fn recompute_signature(
    req: &Captured,
    secret: &str,
    region: &str,
    service: &str,
) -> (String, String) {
    let auth = req.header("authorization").expect("Authorization header");
    let rest = auth
        .strip_prefix("AWS4-HMAC-SHA256 ")
        .expect("SigV4 scheme");
    let fields: HashMap<&str, &str> = rest
        .split(", ")
        .filter_map(|kv| kv.split_once('='))
        .collect();
    let signed: Vec<&str> = fields["SignedHeaders"].split(';').collect();
    let headers: Vec<(&str, &str)> = signed
        .iter()
        .map(|name| (*name, req.header(name).expect("signed header present")))
        .collect();
    let time = parse_amz_date(req.header("x-amz-date").expect("X-Amz-Date"));
    let akid = fields["Credential"]
        .split('/')
        .next()
        .expect("access key id");
    let creds = Credentials::new(
        akid,
        secret,
        req.header("x-amz-security-token").map(str::to_owned),
        None,
        "verifier",
    );
    let identity = Identity::from(creds);
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name(service)
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .expect("params")
        .into();
    let uri = format!("http://{}{}", req.header("host").expect("host"), req.uri);
    let signable = SignableRequest::new(
        &req.method,
        uri,
        headers.into_iter(),
        SignableBody::Bytes(&req.body),
    )
    .expect("signable");
    let (_, signature) = sign(signable, &params).expect("sign").into_parts();
    (signature, fields["Signature"].to_owned())
}
