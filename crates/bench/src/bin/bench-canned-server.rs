//! `bench-canned-server [--status N] [--body-file FILE]`: the raw hyper server, on a free
//! loopback port; prints `listening on ADDR` once ready and serves until killed.

use std::io::Write;
use std::path::PathBuf;

use bytes::Bytes;
use clap::Parser;
use ingot_bench::canned::{self, Canned};
use ingot_bench::BoxError;

/// A raw hyper 1 server answering one canned response to every request.
#[derive(Debug, Parser)]
struct Args {
    /// The status of every answer (default: the sample StopUserImportJob success, 200).
    #[arg(long)]
    status: Option<u16>,
    /// The body of every answer (default: the sample StopUserImportJob success body).
    #[arg(long)]
    body_file: Option<PathBuf>,
}

fn main() -> Result<(), BoxError> {
    let args = Args::parse();
    let mut answer = Canned::sample();
    if let Some(status) = args.status {
        answer.status = http::StatusCode::from_u16(status)?;
    }
    if let Some(path) = &args.body_file {
        let body = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        answer.body = Bytes::from(body);
    }
    // The same runtime shape as cognito-idp-local (multi-thread, default workers), so the two
    // servers differ only in what they do per request.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let mut stdout = std::io::stdout();
        writeln!(stdout, "listening on {}", listener.local_addr()?)?;
        stdout.flush()?;
        canned::serve(listener, answer).await;
        Ok(())
    })
}
