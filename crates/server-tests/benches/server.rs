//! Load benchmark: the generated Cognito server against a minimal raw hyper 1 server that answers
//! the same bytes, measured in the same run at 1, 16 and 64 keep-alive connections.
//!
//! Run with `cargo bench -p ingot-server-tests`. Each connection sends `StopUserImportJob`
//! sequentially (next request after the previous response) for a fixed time; the table shows
//! requests/s, p50 and p99 latency per server and the ingot/raw ratios. Both servers and the
//! load generator share one process and the machine's cores, so compare ratios, not absolutes.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http::{Request, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use ingot_server_tests::canned;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;

const CONNECTIONS: [usize; 3] = [1, 16, 64];
const WARM_UP: Duration = Duration::from_millis(500);
const MEASURE: Duration = Duration::from_secs(3);

/// One measured configuration.
struct Stats {
    requests: usize,
    elapsed: Duration,
    p50: Duration,
    p99: Duration,
}

impl Stats {
    fn per_second(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    if let Err(problem) = runtime.block_on(run()) {
        eprintln!("benchmark failed: {problem}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), String> {
    let (stop, stopped) = watch::channel(false);
    let ingot = start_ingot(stopped.clone()).await?;
    let raw = start_raw(stopped).await?;

    // Same answer from both, or the comparison means nothing.
    let ingot_body = one_request(ingot).await?;
    let raw_body = one_request(raw).await?;
    if ingot_body != raw_body || ingot_body != canned::output_json().as_bytes() {
        return Err("the two servers answer different bodies".into());
    }

    println!(
        "StopUserImportJob over loopback, {} s per configuration, {} response bytes",
        MEASURE.as_secs(),
        raw_body.len()
    );
    println!(
        "{:>5}  {:<6} {:>10} {:>10} {:>10}",
        "conns", "server", "req/s", "p50 µs", "p99 µs"
    );
    let mut ratios = Vec::new();
    for connections in CONNECTIONS {
        // Raw first, then ingot, per connection count, so drift affects both alike.
        let raw_stats = load(raw, connections).await?;
        let ingot_stats = load(ingot, connections).await?;
        for (name, stats) in [("raw", &raw_stats), ("ingot", &ingot_stats)] {
            println!(
                "{connections:>5}  {name:<6} {:>10.0} {:>10} {:>10}",
                stats.per_second(),
                stats.p50.as_micros(),
                stats.p99.as_micros()
            );
        }
        ratios.push((
            connections,
            ingot_stats.per_second() / raw_stats.per_second(),
            ingot_stats.p99.as_secs_f64() / raw_stats.p99.as_secs_f64(),
        ));
    }
    println!("ratio ingot/raw:");
    for (connections, throughput, p99) in ratios {
        println!("{connections:>5}  req/s x{throughput:.2}  p99 x{p99:.2}");
    }
    // Receivers may all be gone already; nothing to report then.
    let _ = stop.send(true);
    Ok(())
}

/// The generated server with a handler that answers the canned output.
async fn start_ingot(mut stopped: watch::Receiver<bool>) -> Result<SocketAddr, String> {
    let listener = bind().await?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let shutdown = async move {
        // An error means the sender is gone, which also means stop.
        let _ = stopped.wait_for(|stop| *stop).await;
    };
    tokio::spawn(ingot_server_rt::serve(
        listener,
        canned::service(),
        shutdown,
    ));
    Ok(addr)
}

/// A minimal hyper 1 server: reads the body, answers the canned bytes with the same headers.
async fn start_raw(mut stopped: watch::Receiver<bool>) -> Result<SocketAddr, String> {
    let listener = bind().await?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let body = Bytes::from(canned::output_json());
    tokio::spawn(async move {
        loop {
            let stream = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok((stream, _)) => stream,
                    Err(_) => continue,
                },
                _ = stopped.wait_for(|stop| *stop) => return,
            };
            let body = body.clone();
            let service = service_fn(move |request: Request<Incoming>| {
                let body = body.clone();
                async move {
                    // Read the request as any real server must; its content is ignored.
                    let _ = request.into_body().collect().await;
                    let response = Response::builder()
                        .header("content-type", canned::CONTENT_TYPE)
                        .header("x-amzn-requestid", "00000000-0000-0000-0000-000000000000")
                        .body(Full::new(body))
                        .unwrap_or_default();
                    Ok::<_, Infallible>(response)
                }
            });
            tokio::spawn(async move {
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    Ok(addr)
}

async fn bind() -> Result<TcpListener, String> {
    TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| format!("cannot bind a loopback port: {e}"))
}

/// A keep-alive HTTP/1.1 connection to `addr`.
async fn connect(
    addr: SocketAddr,
) -> Result<hyper::client::conn::http1::SendRequest<Full<Bytes>>, String> {
    let stream = TcpStream::connect(addr)
        .await
        .map_err(|e| format!("connect {addr}: {e}"))?;
    stream.set_nodelay(true).map_err(|e| e.to_string())?;
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| format!("handshake with {addr}: {e}"))?;
    tokio::spawn(connection);
    Ok(sender)
}

fn request() -> Request<Full<Bytes>> {
    Request::post("/")
        .header("host", "127.0.0.1")
        .header("x-amz-target", canned::TARGET)
        .header("content-type", canned::CONTENT_TYPE)
        .body(Full::new(Bytes::from_static(canned::VALID_BODY.as_bytes())))
        .unwrap_or_default()
}

/// Sends one request and returns the 200 response's body.
async fn send(
    sender: &mut hyper::client::conn::http1::SendRequest<Full<Bytes>>,
) -> Result<Bytes, String> {
    let response = sender
        .send_request(request())
        .await
        .map_err(|e| format!("request failed: {e}"))?;
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|e| format!("body failed: {e}"))?
        .to_bytes();
    if status != StatusCode::OK {
        return Err(format!(
            "status {status}: {}",
            String::from_utf8_lossy(&body)
        ));
    }
    Ok(body)
}

async fn one_request(addr: SocketAddr) -> Result<Bytes, String> {
    send(&mut connect(addr).await?).await
}

/// `connections` connections each send sequentially: a warm-up, then `MEASURE` of recorded
/// latencies.
async fn load(addr: SocketAddr, connections: usize) -> Result<Stats, String> {
    let start = Instant::now();
    let measure_from = start + WARM_UP;
    let end = measure_from + MEASURE;
    let mut tasks = JoinSet::new();
    for _ in 0..connections {
        tasks.spawn(async move {
            let mut sender = connect(addr).await?;
            let mut latencies = Vec::with_capacity(65_536);
            loop {
                let sent = Instant::now();
                if sent >= end {
                    return Ok::<_, String>(latencies);
                }
                send(&mut sender).await?;
                if sent >= measure_from {
                    latencies.push(sent.elapsed());
                }
            }
        });
    }
    let mut latencies = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        latencies.extend(joined.map_err(|e| format!("load task: {e}"))??);
    }
    let elapsed = Instant::now().saturating_duration_since(measure_from);
    if latencies.is_empty() {
        return Err("no request completed".into());
    }
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
    Ok(Stats {
        requests: latencies.len(),
        elapsed,
        p50: at(0.50),
        p99: at(0.99),
    })
}
