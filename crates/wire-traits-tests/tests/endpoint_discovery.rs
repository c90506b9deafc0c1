//! Endpoint discovery on the wire (`aws.api#clientEndpointDiscovery`): a loopback server answers
//! `DescribeEndpoints` with an address pointing back at itself under another host name
//! (`discovered.test`, routed to loopback with `resolve_host`), while the rules-resolved
//! endpoint is `regional.test` (a custom resolver, so that the configured endpoint URL, which
//! turns discovery off, is not needed). A controllable clock drives the cache period.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use http::{HeaderMap, Request, Response};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use ingot_client_rt::endpoint::{rules, Params};
use ingot_client_rt::ResolveEndpoint;
use ingot_wire_traits_tests::{AKID, JSON_1_0, SECRET};
use tokio::net::TcpListener;
use wire_traits_client::operation::put_record::PutRecordError;
use wire_traits_client::{
    config::retry::RetryConfig, config::Builder as ConfigBuilder, config::Credentials,
    error::SdkError, Client, Config,
};

const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// One request: its host, operation and body.
#[derive(Debug, Clone)]
struct Seen {
    host: String,
    operation: String,
    body: serde_json::Value,
}

/// What the server answers, switchable while the test runs.
#[derive(Default)]
struct Behaviour {
    discovery_fails: AtomicBool,
    endpoint_invalid: AtomicBool,
}

struct Server {
    port: u16,
    seen: Arc<Mutex<Vec<Seen>>>,
    behaviour: Arc<Behaviour>,
}

impl Server {
    async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let behaviour = Arc::new(Behaviour::default());
        let (log, state) = (seen.clone(), behaviour.clone());
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (log, state) = (log.clone(), state.clone());
                let service = service_fn(move |req: Request<Incoming>| {
                    let (log, state) = (log.clone(), state.clone());
                    async move { Ok::<_, Infallible>(answer(req, port, &log, &state).await) }
                });
                tokio::spawn(async move {
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Self {
            port,
            seen,
            behaviour,
        }
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("lock").clone()
    }

    fn count(&self, operation: &str) -> usize {
        self.seen()
            .iter()
            .filter(|s| s.operation == operation)
            .count()
    }

    fn regional(&self) -> String {
        format!("regional.test:{}", self.port)
    }

    fn discovered(&self) -> String {
        format!("discovered.test:{}", self.port)
    }

    /// Waits (briefly) until `operation` has been called `n` times.
    async fn wait_for(&self, operation: &str, n: usize) {
        for _ in 0..200 {
            if self.count(operation) >= n {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!(
            "{operation} was called {} times, expected {n}",
            self.count(operation)
        );
    }
}

async fn answer(
    req: Request<Incoming>,
    port: u16,
    log: &Mutex<Vec<Seen>>,
    state: &Behaviour,
) -> Response<Full<Bytes>> {
    let (parts, body) = req.into_parts();
    let header = |headers: &HeaderMap, name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let operation = header(&parts.headers, "x-amz-target")
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_owned();
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    log.lock().expect("lock").push(Seen {
        host: header(&parts.headers, "host"),
        operation: operation.clone(),
        body: serde_json::from_slice(&body).unwrap_or_default(),
    });
    let error = |status: u16, shape: &str| {
        (
            status,
            format!(r#"{{"__type":"ingot.wiretraits#{shape}","message":"no"}}"#),
        )
    };
    let (status, body) = match operation.as_str() {
        "DescribeEndpoints" if state.discovery_fails.load(Ordering::SeqCst) => {
            error(500, "InternalProblem")
        }
        "DescribeEndpoints" => (
            200,
            format!(
                r#"{{"Endpoints":[{{"Address":"http://discovered.test:{port}","CachePeriodInMinutes":1}}]}}"#
            ),
        ),
        _ if state.endpoint_invalid.load(Ordering::SeqCst) => {
            error(421, "InvalidEndpointException")
        }
        "GetRecord" => (200, r#"{"data":"x"}"#.to_owned()),
        _ => (200, "{}".to_owned()),
    };
    Response::builder()
        .status(status)
        .header("content-type", JSON_1_0)
        .body(Full::new(Bytes::from(body)))
        .expect("valid response")
}

/// The rules-resolved endpoint of these tests: `http://regional.test:<port>`.
#[derive(Debug)]
struct Regional(String);

impl ResolveEndpoint for Regional {
    fn resolve_endpoint(
        &self,
        _: &Params,
    ) -> Result<rules::Endpoint, Box<dyn std::error::Error + Send + Sync>> {
        Ok(rules::Endpoint {
            url: self.0.clone(),
            headers: Default::default(),
            properties: Default::default(),
        })
    }
}

/// A clock the test moves forward.
#[derive(Clone, Default)]
struct Clock(Arc<AtomicU64>);

impl Clock {
    fn advance(&self, seconds: u64) {
        self.0.fetch_add(seconds, Ordering::SeqCst);
    }
}

fn config(server: &Server, clock: &Clock) -> ConfigBuilder {
    let clock = clock.clone();
    let start = SystemTime::now();
    Config::builder()
        .region(wire_traits_client::config::Region::new("us-west-2"))
        .credentials_provider(Credentials::new(AKID, SECRET, None, None, "test"))
        .retry_config(RetryConfig::standard().with_max_attempts(1))
        .endpoint_resolver(Regional(format!("http://{}", server.regional())))
        .resolve_host("regional.test", LOOPBACK)
        .resolve_host("discovered.test", LOOPBACK)
        .time_source(move || start + Duration::from_secs(clock.0.load(Ordering::SeqCst)))
}

#[tokio::test]
async fn required_discovery_caches_refreshes_in_the_background_and_evicts() {
    let server = Server::start().await;
    let clock = Clock::default();
    let client = Client::from_conf(config(&server, &clock).build());

    client.put_record().data("a").send().await.unwrap();
    let seen = server.seen();
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert_eq!(seen[0].operation, "DescribeEndpoints");
    assert_eq!(seen[0].host, server.regional());
    // The operation's name is sent; an operation without discovery ids sends no `Identifiers`.
    assert_eq!(seen[0].body, serde_json::json!({"Operation": "PutRecord"}));
    assert_eq!(seen[1].operation, "PutRecord");
    assert_eq!(seen[1].host, server.discovered());

    // Cached: no second discovery.
    client.put_record().data("b").send().await.unwrap();
    assert_eq!(server.count("DescribeEndpoints"), 1);
    assert_eq!(server.seen()[2].host, server.discovered());

    // Within the last 30 s of the 1-minute period: the call uses the cached endpoint and a
    // refresh runs in the background.
    clock.advance(40);
    client.put_record().data("c").send().await.unwrap();
    server.wait_for("DescribeEndpoints", 2).await;
    assert!(server
        .seen()
        .iter()
        .filter(|s| s.operation == "PutRecord")
        .all(|s| s.host == server.discovered()));

    // Past the refreshed period (40 + 60 s): discovered again before the call is sent.
    clock.advance(70);
    client.put_record().data("d").send().await.unwrap();
    let seen = server.seen();
    assert_eq!(server.count("DescribeEndpoints"), 3, "{seen:?}");
    assert_eq!(seen[seen.len() - 2].operation, "DescribeEndpoints");

    // The service's discovery error evicts the endpoint: the next call discovers again.
    server
        .behaviour
        .endpoint_invalid
        .store(true, Ordering::SeqCst);
    let err = client.put_record().data("e").send().await.unwrap_err();
    match err.as_service_error() {
        Some(PutRecordError::InvalidEndpointException(_)) => {}
        other => panic!("expected InvalidEndpointException, got {other:?}"),
    }
    server
        .behaviour
        .endpoint_invalid
        .store(false, Ordering::SeqCst);
    client.put_record().data("f").send().await.unwrap();
    assert_eq!(server.count("DescribeEndpoints"), 4);
}

#[tokio::test]
async fn a_failed_required_discovery_fails_the_call_before_sending_it() {
    let server = Server::start().await;
    server
        .behaviour
        .discovery_fails
        .store(true, Ordering::SeqCst);
    let client = Client::from_conf(config(&server, &Clock::default()).build());
    match client.put_record().send().await {
        Err(SdkError::ConstructionFailure(e)) => {
            assert!(
                e.to_string().starts_with(
                    "PutRecord requires endpoint discovery: endpoint discovery failed"
                ),
                "{e}"
            )
        }
        other => panic!("expected a construction failure, got {other:?}"),
    }
    assert_eq!(server.count("DescribeEndpoints"), 1);
    assert_eq!(server.count("PutRecord"), 0);
}

#[tokio::test]
async fn optional_discovery_is_off_by_default_keyed_by_identifiers_and_falls_back() {
    let server = Server::start().await;
    let clock = Clock::default();

    let default = Client::from_conf(config(&server, &clock).build());
    default.get_record().table("t1").send().await.unwrap();
    assert_eq!(server.count("DescribeEndpoints"), 0);
    assert_eq!(server.seen()[0].host, server.regional());

    let client = Client::from_conf(
        config(&server, &clock)
            .endpoint_discovery_enabled(true)
            .build(),
    );
    client.get_record().table("t1").send().await.unwrap();
    let seen = server.seen();
    assert_eq!(
        seen[1].body,
        serde_json::json!({"Operation": "GetRecord", "Identifiers": {"table": "t1"}})
    );
    assert_eq!(seen[2].host, server.discovered());
    client.get_record().table("t1").send().await.unwrap();
    assert_eq!(server.count("DescribeEndpoints"), 1);
    // Another identifier set is another cache entry.
    client.get_record().table("t2").send().await.unwrap();
    assert_eq!(server.count("DescribeEndpoints"), 2);

    // Discovery failing: the optional operation goes to the resolved endpoint.
    server
        .behaviour
        .discovery_fails
        .store(true, Ordering::SeqCst);
    client.get_record().table("t3").send().await.unwrap();
    let seen = server.seen();
    assert_eq!(server.count("DescribeEndpoints"), 3);
    let last = seen.last().unwrap();
    assert_eq!(
        (last.operation.as_str(), last.host.as_str()),
        ("GetRecord", server.regional().as_str())
    );
}

#[tokio::test]
async fn a_configured_endpoint_url_turns_discovery_off() {
    let server = Server::start().await;
    let url = format!("http://{}", server.regional());
    let client = Client::from_conf(
        config(&server, &Clock::default())
            .endpoint_url(url)
            .endpoint_discovery_enabled(true)
            .build(),
    );
    client.put_record().send().await.unwrap();
    client.get_record().table("t").send().await.unwrap();
    assert_eq!(server.count("DescribeEndpoints"), 0);
    assert!(server.seen().iter().all(|s| s.host == server.regional()));
}
