//! `cognito-idp-local --listen ADDR --seed FILE [--credentials AKID:SECRET]... [--max-rps N]`
//! plus the server limits (`--help` lists them with their defaults).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use cognito_idp_local::cli::Args;
use cognito_idp_local::{service, Options, RunningServer, Seed};

fn main() -> ExitCode {
    let args = Args::parse();
    // Logs go to stderr so stdout carries only the ready line a supervisor can wait for.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        // Colour codes only for a terminal, so piped logs stay greppable.
        .with_ansi(std::io::stderr().is_terminal())
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("cognito-idp-local: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> Result<(), String> {
    let seed = Seed::load(&args.seed).map_err(|e| e.to_string())?;
    let config = args.serve_config();
    let options = Options {
        seed,
        credentials: args.credentials,
        max_rps: args.max_rps,
        body_limit: None,
    };
    let service = service(options).map_err(|e| e.to_string())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&args.listen)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
        let stop = stop_signal();
        let server = RunningServer::start(listener, service, config)
            .map_err(|e| format!("cannot read the listening address: {e}"))?;
        let mut stdout = std::io::stdout();
        // Flushed at once: a parent reading our stdout through a pipe waits for this line.
        let _ = writeln!(stdout, "listening on {}", server.addr()).and_then(|()| stdout.flush());
        tracing::info!(addr = %server.addr(), "ready");
        stop.await;
        tracing::info!("shutting down");
        server
            .shutdown()
            .await
            .map_err(|e| format!("serving failed: {e}"))
    })
}

/// Completes on Ctrl-C, or on SIGTERM where there is one (how containers and supervisors stop
/// a process), so both shut down gracefully. The handlers are installed when this is called,
/// not when the future is first polled: called before the ready line, a signal sent right
/// after that line is not missed (its default action would kill the process).
fn stop_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, Signal, SignalKind};
        let install = |kind: SignalKind, name: &'static str| match signal(kind) {
            Ok(signal) => Some(signal),
            Err(err) => {
                tracing::warn!(error = %err, "cannot wait for {name}");
                None
            }
        };
        let interrupt = install(SignalKind::interrupt(), "Ctrl-C");
        let terminate = install(SignalKind::terminate(), "SIGTERM");
        async fn received(signal: Option<Signal>) {
            match signal {
                Some(mut signal) => {
                    signal.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        }
        async move {
            tokio::select! {
                () = received(interrupt) => {}
                () = received(terminate) => {}
            }
        }
    }
    #[cfg(not(unix))]
    async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %err, "cannot wait for Ctrl-C");
            std::future::pending::<()>().await;
        }
    }
}
