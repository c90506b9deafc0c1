//! Throughput and latency of Ingot's generated client next to the official AWS SDK, both calling
//! StopUserImportJob on the same canned loopback server (HTTP/1.1 keep-alive) in the same run.
//!
//! Run with `cargo bench -p ingot-cognito-tests`. Both clients sign every request (real clock),
//! serialize the input and parse the sample response, so the numbers compare client overhead.
//! The endpoint rows show what resolving the endpoint from the model's rules costs per call:
//! cached (what every call after the first pays) and evaluating the rule set itself.

use std::error::Error;
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use aws_sdk_cognitoidentityprovider as official;
use ingot_cognito_tests::{CannedResponse, CaptureServer, SAMPLE_RESPONSE};

const POOL: &str = "us-west-2_EXAMPLE";
const JOB: &str = "import-mAgUtd8PMm";
const WARMUP: usize = 200;
const SEQUENTIAL: usize = 2_000;
const CONCURRENT: usize = 5_000;
const CONCURRENCY: usize = 16;

type BoxError = Box<dyn Error + Send + Sync>;

/// What one measured run produced.
#[derive(Debug)]
struct Stats {
    calls_per_sec: f64,
    p50: Duration,
    p99: Duration,
}

impl Stats {
    fn from_latencies(mut latencies: Vec<Duration>, wall: Duration) -> Self {
        latencies.sort_unstable();
        let pick = |q: f64| {
            let i = ((latencies.len() as f64 - 1.0) * q).round() as usize;
            latencies.get(i).copied().unwrap_or_default()
        };
        Self {
            calls_per_sec: latencies.len() as f64 / wall.as_secs_f64(),
            p50: pick(0.50),
            p99: pick(0.99),
        }
    }
}

fn ingot_client(endpoint: &str) -> cognitoidentityprovider_client::Client {
    use cognitoidentityprovider_client::{config::Credentials, Client, Config};
    let config = Config::builder()
        .region(cognitoidentityprovider_client::config::Region::new(
            "us-west-2",
        ))
        .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "bench"))
        .endpoint_url(endpoint)
        .build();
    Client::from_conf(config)
}

fn official_client(endpoint: &str) -> official::Client {
    let config = official::Config::builder()
        .behavior_version(official::config::BehaviorVersion::latest())
        .region(official::config::Region::new("us-west-2"))
        .credentials_provider(official::config::Credentials::new(
            "AKID", "SECRET", None, None, "bench",
        ))
        .endpoint_url(endpoint)
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .build();
    official::Client::from_conf(config)
}

/// One call through Ingot's client; the output is checked so a failing call cannot look fast.
async fn ingot_call(client: cognitoidentityprovider_client::Client) -> Result<(), BoxError> {
    let output = client
        .stop_user_import_job()
        .user_pool_id(POOL)
        .job_id(JOB)
        .send()
        .await?;
    match output.user_import_job.and_then(|job| job.job_id) {
        Some(id) if id == JOB => Ok(()),
        other => Err(format!("ingot: unexpected JobId {other:?}").into()),
    }
}

/// One call through the official SDK, checked the same way.
async fn official_call(client: official::Client) -> Result<(), BoxError> {
    let output = client
        .stop_user_import_job()
        .user_pool_id(POOL)
        .job_id(JOB)
        .send()
        .await?;
    match output.user_import_job.and_then(|job| job.job_id) {
        Some(id) if id == JOB => Ok(()),
        other => Err(format!("official: unexpected JobId {other:?}").into()),
    }
}

async fn sequential<F, Fut>(n: usize, call: F) -> Result<Stats, BoxError>
where
    F: Fn() -> Fut,
    Fut: Future<Output = Result<(), BoxError>>,
{
    for _ in 0..WARMUP {
        call().await?;
    }
    let mut latencies = Vec::with_capacity(n);
    let started = Instant::now();
    for _ in 0..n {
        let t = Instant::now();
        call().await?;
        latencies.push(t.elapsed());
    }
    Ok(Stats::from_latencies(latencies, started.elapsed()))
}

/// `CONCURRENCY` tasks share `n` calls; latencies are per call, throughput over the wall time.
async fn concurrent<F, Fut>(n: usize, call: F) -> Result<Stats, BoxError>
where
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<(), BoxError>> + Send + 'static,
{
    for _ in 0..WARMUP {
        call().await?;
    }
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::with_capacity(CONCURRENCY);
    for _ in 0..CONCURRENCY {
        let next = Arc::clone(&next);
        let call = call.clone();
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            while next.fetch_add(1, Ordering::Relaxed) < n {
                let t = Instant::now();
                call().await?;
                latencies.push(t.elapsed());
            }
            Ok::<_, BoxError>(latencies)
        }));
    }
    let mut latencies = Vec::with_capacity(n);
    for worker in workers {
        latencies.extend(worker.await??);
    }
    Ok(Stats::from_latencies(latencies, started.elapsed()))
}

fn row(client: &str, mode: &str, s: &Stats) {
    println!(
        "| {client:<8} | {mode:<15} | {:>9.0} | {:>8.1} | {:>8.1} |",
        s.calls_per_sec,
        s.p50.as_secs_f64() * 1e6,
        s.p99.as_secs_f64() * 1e6
    );
}

fn ratio(mode: &str, ingot: &Stats, official: &Stats) {
    println!(
        "| ingot/official {mode:<15} | calls/s x{:.2} | p50 x{:.2} | p99 x{:.2} |",
        ingot.calls_per_sec / official.calls_per_sec,
        ingot.p50.as_secs_f64() / official.p50.as_secs_f64(),
        ingot.p99.as_secs_f64() / official.p99.as_secs_f64()
    );
}

const RESOLUTIONS: u32 = 100_000;

/// Mean time per endpoint resolution of a StopUserImportJob call: through the client's cache
/// (the per-call path) and by evaluating the rule set on the same parameters.
async fn endpoint_resolution(endpoint: &str) -> Result<(Duration, Duration), BoxError> {
    use cognitoidentityprovider_client::client::{ENDPOINT_RULE_SET, SERVICE};
    use cognitoidentityprovider_client::operation::stop_user_import_job::{
        endpoint_call, StopUserImportJobInput, OPERATION,
    };
    use ingot_client_rt::endpoint::{Partitions, RuleSet};
    let config = cognitoidentityprovider_client::Config::builder()
        .region(cognitoidentityprovider_client::config::Region::new(
            "us-west-2",
        ))
        .endpoint_url(endpoint)
        .build();
    let client = ingot_client_rt::__private::Client::new(&SERVICE, config);
    let input = StopUserImportJobInput::builder()
        .user_pool_id(POOL)
        .job_id(JOB)
        .build()?;
    let started = Instant::now();
    for _ in 0..RESOLUTIONS {
        let call = endpoint_call(std::hint::black_box(&input));
        std::hint::black_box(client.resolve_endpoint(&OPERATION, &call).await?);
    }
    let cached = started.elapsed() / RESOLUTIONS;
    let rules = RuleSet::from_json_str(ENDPOINT_RULE_SET)?;
    let params = client
        .endpoint_params(&OPERATION, &endpoint_call(&input))
        .await?;
    let started = Instant::now();
    for _ in 0..RESOLUTIONS {
        std::hint::black_box(rules.resolve(std::hint::black_box(&params), Partitions::builtin())?);
    }
    Ok((cached, started.elapsed() / RESOLUTIONS))
}

async fn run() -> Result<(), BoxError> {
    let server =
        CaptureServer::start_with(vec![CannedResponse::json(200, SAMPLE_RESPONSE)], false).await?;
    let ingot = ingot_client(&server.url());
    let official = official_client(&server.url());
    let ingot_fn = move || ingot_call(ingot.clone());
    let official_fn = move || official_call(official.clone());

    let ingot_seq = sequential(SEQUENTIAL, &ingot_fn).await?;
    let official_seq = sequential(SEQUENTIAL, &official_fn).await?;
    let ingot_conc = concurrent(CONCURRENT, ingot_fn).await?;
    let official_conc = concurrent(CONCURRENT, official_fn).await?;

    println!(
        "StopUserImportJob on a loopback keep-alive server ({} requests served)",
        server.request_count()
    );
    println!("| client   | mode            |   calls/s |  p50 µs  |  p99 µs  |");
    println!("|----------|-----------------|-----------|----------|----------|");
    let seq = format!("sequential {SEQUENTIAL}");
    let conc = format!("{CONCURRENCY}-way {CONCURRENT}");
    row("ingot", &seq, &ingot_seq);
    row("official", &seq, &official_seq);
    row("ingot", &conc, &ingot_conc);
    row("official", &conc, &official_conc);
    println!();
    ratio(&seq, &ingot_seq, &official_seq);
    ratio(&conc, &ingot_conc, &official_conc);
    let (cached, evaluated) = endpoint_resolution(&server.url()).await?;
    println!();
    println!(
        "| endpoint per call: cached {:.0} ns | rule set evaluated {:.0} ns | ingot sequential p50 {:.1} µs |",
        cached.as_secs_f64() * 1e9,
        evaluated.as_secs_f64() * 1e9,
        ingot_seq.p50.as_secs_f64() * 1e6
    );
    Ok(())
}

fn main() -> Result<(), BoxError> {
    // `cargo test --benches` runs bench binaries with `--bench` absent; only measure on request.
    if !std::env::args().any(|a| a == "--bench") {
        println!("client benchmark: pass --bench (cargo bench) to run it");
        return Ok(());
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(run())
}
