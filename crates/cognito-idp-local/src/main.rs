//! `cognito-idp-local --listen ADDR --seed FILE [--credentials AKID:SECRET]... [--max-rps N]`

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
        let server = RunningServer::start(listener, service)
            .map_err(|e| format!("cannot read the listening address: {e}"))?;
        let mut stdout = std::io::stdout();
        // Flushed at once: a parent reading our stdout through a pipe waits for this line.
        let _ = writeln!(stdout, "listening on {}", server.addr()).and_then(|()| stdout.flush());
        tracing::info!(addr = %server.addr(), "ready");
        stop_signal().await;
        tracing::info!("shutting down");
        server
            .shutdown()
            .await
            .map_err(|e| format!("serving failed: {e}"))
    })
}

/// Completes on Ctrl-C, or on SIGTERM where there is one (how containers and supervisors stop
/// a process), so both shut down gracefully.
async fn stop_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %err, "cannot wait for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::warn!(error = %err, "cannot wait for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}
