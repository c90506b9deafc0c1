//! `bench-client --endpoint URL [--rounds N] [--duration-ms D] [--concurrency 1,4,16,64]`:
//! the client figure. Prints one JSON sample per client, concurrency and round: calls/s, CPU
//! time per call (getrusage, this process only; the server is another process) and heap
//! allocations per call (a counting global allocator).
//!
//! Everything runs on one current-thread runtime, so all clients get the same single core (the
//! orchestrator pins this process to it) and "N concurrent" means N tasks sharing one client.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use ingot_bench::alloc_count::{allocations, CountingAlloc};
use ingot_bench::clients::{Subject, SUBJECTS};
use ingot_bench::sample::Sample;
use ingot_bench::sys::cpu_time;
use ingot_bench::BoxError;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

#[derive(Debug, Parser)]
struct Args {
    /// The canned server's base URL, e.g. http://127.0.0.1:PORT.
    #[arg(long)]
    endpoint: String,
    /// Rounds; each measures every client at every concurrency once, in a rotated order.
    #[arg(long, default_value_t = 5)]
    rounds: u32,
    /// Measured time per client, concurrency and round.
    #[arg(long, default_value_t = 2000)]
    duration_ms: u64,
    /// Concurrent tasks on one client (1 is sequential calls).
    #[arg(long, value_delimiter = ',', default_values_t = [1, 4, 16, 64])]
    concurrency: Vec<usize>,
}

/// What one measured window produced.
#[derive(Debug)]
struct Window {
    calls: u64,
    wall: Duration,
    cpu: Duration,
    allocations: u64,
}

fn main() -> Result<(), BoxError> {
    let args = Args::parse();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(args))
}

async fn run(args: Args) -> Result<(), BoxError> {
    let subjects: Vec<(&str, Subject)> = SUBJECTS
        .iter()
        .map(|name| Ok((*name, Subject::new(name, &args.endpoint)?)))
        .collect::<Result<_, BoxError>>()?;
    let duration = Duration::from_millis(args.duration_ms.max(1));
    // Long enough to open every connection and fill caches, short next to the measurement.
    let warm_up = (duration / 5).min(Duration::from_millis(300));
    for round in 0..args.rounds {
        for &concurrency in &args.concurrency {
            // Rotate who goes first each round so slow drift of the machine hits all alike.
            for i in 0..subjects.len() {
                let (name, subject) = &subjects[(i + round as usize) % subjects.len()];
                measure(subject, concurrency, warm_up).await?;
                let w = measure(subject, concurrency, duration).await?;
                let per_call = |v: f64| v / w.calls.max(1) as f64;
                Sample {
                    figure: "client",
                    subject: name,
                    x: concurrency as u64,
                    round,
                    metrics: vec![
                        ("calls_per_sec", w.calls as f64 / w.wall.as_secs_f64()),
                        ("cpu_us_per_call", per_call(w.cpu.as_secs_f64() * 1e6)),
                        ("allocs_per_call", per_call(w.allocations as f64)),
                    ],
                }
                .emit();
            }
        }
    }
    Ok(())
}

/// `concurrency` tasks call `subject` in a loop until `duration` has passed.
async fn measure(
    subject: &Subject,
    concurrency: usize,
    duration: Duration,
) -> Result<Window, BoxError> {
    let calls = Arc::new(AtomicU64::new(0));
    let (cpu0, alloc0, started) = (cpu_time()?, allocations(), Instant::now());
    let end = started + duration;
    let mut tasks = Vec::with_capacity(concurrency);
    for _ in 0..concurrency.max(1) {
        let subject = subject.clone();
        let calls = Arc::clone(&calls);
        tasks.push(tokio::spawn(async move {
            while Instant::now() < end {
                subject.call().await?;
                calls.fetch_add(1, Ordering::Relaxed);
            }
            Ok::<_, BoxError>(())
        }));
    }
    for task in tasks {
        task.await??;
    }
    let wall = started.elapsed();
    Ok(Window {
        calls: calls.load(Ordering::Relaxed),
        wall,
        cpu: cpu_time()?.saturating_sub(cpu0),
        allocations: allocations() - alloc0,
    })
}
