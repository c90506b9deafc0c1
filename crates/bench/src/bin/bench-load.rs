//! `bench-load --addr ADDR --connections N [--duration-ms D] [--warm-up-ms W] [--sign]
//! --subject NAME --round R`: the server figure's load generator. N keep-alive HTTP/1.1
//! connections each send StopUserImportJob back to back (next request after the previous answer)
//! for W, then D measured; prints one JSON sample: requests/s, p50 and p99 latency.
//!
//! With `--sign` the request is signed once, at start, and the same signed bytes are replayed:
//! the server verifies every request, and the load generator's own cost stays that of a raw
//! client. `--probe FILE` sends two requests instead and writes the second answer (the steady
//! state of a stateful server) to FILE as `STATUS\nBODY`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

use bytes::Bytes;
use clap::Parser;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use ingot_bench::sample::Sample;
use ingot_bench::signing::Signer;
use ingot_bench::{BoxError, AKID, CONTENT_TYPE, SECRET, TARGET};

#[derive(Debug, Parser)]
struct Args {
    /// The server's address.
    #[arg(long)]
    addr: SocketAddr,
    /// Keep-alive connections, each one request at a time.
    #[arg(long, default_value_t = 16)]
    connections: usize,
    /// Measured time.
    #[arg(long, default_value_t = 3000)]
    duration_ms: u64,
    /// Unmeasured time first (connections open, caches warm).
    #[arg(long, default_value_t = 500)]
    warm_up_ms: u64,
    /// Sign the request (SigV4, the bench key) for a server that verifies signatures.
    #[arg(long)]
    sign: bool,
    /// The status every answer must have; anything else fails the run.
    #[arg(long, default_value_t = 200)]
    expect_status: u16,
    /// The subject named in the sample.
    #[arg(long, default_value = "server")]
    subject: String,
    /// The round named in the sample.
    #[arg(long, default_value_t = 0)]
    round: u32,
    /// Send two requests and write the second answer to this file instead of measuring.
    #[arg(long)]
    probe: Option<PathBuf>,
}

/// The request every connection sends, built (and signed) once.
#[derive(Debug, Clone)]
struct Template {
    headers: http::HeaderMap,
    body: Bytes,
}

impl Template {
    fn new(addr: SocketAddr, sign: bool) -> Result<Self, BoxError> {
        let body = Bytes::from(ingot_bench::request_body());
        let mut request = http::Request::post(format!("http://{addr}/"))
            .header(http::header::HOST, addr.to_string())
            .header(http::header::CONTENT_TYPE, CONTENT_TYPE)
            .header("x-amz-target", TARGET)
            .body(())?;
        if sign {
            Signer::new(AKID, SECRET).sign(&mut request, &body, SystemTime::now())?;
        }
        Ok(Self {
            headers: request.headers().clone(),
            body,
        })
    }

    fn request(&self) -> http::Request<Full<Bytes>> {
        let mut request = http::Request::new(Full::new(self.body.clone()));
        *request.method_mut() = http::Method::POST;
        *request.uri_mut() = http::Uri::from_static("/");
        *request.headers_mut() = self.headers.clone();
        request
    }
}

fn main() -> Result<(), BoxError> {
    let args = Args::parse();
    // One thread: the orchestrator pins this process to one core, away from the server's.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(args))
}

async fn run(args: Args) -> Result<(), BoxError> {
    let template = Template::new(args.addr, args.sign)?;
    if let Some(path) = &args.probe {
        let mut sender = connect(args.addr).await?;
        send(&mut sender, &template).await?;
        let (status, body) = send(&mut sender, &template).await?;
        let mut text = format!("{}\n", status.as_u16()).into_bytes();
        text.extend_from_slice(&body);
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        return Ok(());
    }
    let expect = http::StatusCode::from_u16(args.expect_status)?;
    let measure_from = Instant::now() + Duration::from_millis(args.warm_up_ms);
    let end = measure_from + Duration::from_millis(args.duration_ms.max(1));
    let mut tasks = Vec::with_capacity(args.connections);
    for _ in 0..args.connections.max(1) {
        let template = template.clone();
        let addr = args.addr;
        tasks.push(tokio::spawn(async move {
            let mut sender = connect(addr).await?;
            let mut latencies = Vec::with_capacity(1 << 16);
            loop {
                let sent = Instant::now();
                if sent >= end {
                    return Ok::<_, BoxError>(latencies);
                }
                let (status, body) = send(&mut sender, &template).await?;
                if status != expect {
                    let body = String::from_utf8_lossy(&body);
                    return Err(format!("status {status}, expected {expect}: {body}").into());
                }
                if sent >= measure_from {
                    latencies.push(sent.elapsed());
                }
            }
        }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await??);
    }
    let elapsed = Instant::now().saturating_duration_since(measure_from);
    if latencies.is_empty() {
        return Err("no request completed in the measured window".into());
    }
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
    Sample {
        figure: "server",
        subject: &args.subject,
        x: args.connections as u64,
        round: args.round,
        metrics: vec![
            (
                "requests_per_sec",
                latencies.len() as f64 / elapsed.as_secs_f64(),
            ),
            ("p50_us", at(0.50).as_secs_f64() * 1e6),
            ("p99_us", at(0.99).as_secs_f64() * 1e6),
        ],
    }
    .emit();
    Ok(())
}

async fn connect(addr: SocketAddr) -> Result<SendRequest<Full<Bytes>>, BoxError> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?;
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(connection);
    Ok(sender)
}

async fn send(
    sender: &mut SendRequest<Full<Bytes>>,
    template: &Template,
) -> Result<(http::StatusCode, Bytes), BoxError> {
    sender.ready().await?;
    let response = sender.send_request(template.request()).await?;
    let status = response.status();
    let body = response.into_body().collect().await?.to_bytes();
    Ok((status, body))
}
