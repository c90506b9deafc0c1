//! Clients generated from the full official models against moto: generate the crates into
//! `target/full-models/`, start moto on loopback, run `tests/full-models`, stop moto.

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// Where the full official models are, relative to the workspace root.
pub const MODELS_DIR: &str = "../shared/models";

/// The full models the moto tests use, and where their crates go.
pub const MODELS: &[(&str, &str)] = &[
    ("cognito-identity-provider-2016-04-18.json", "cognito"),
    ("dynamodb-2012-08-10.json", "dynamodb"),
];

/// Runs the moto suite; skipped (with a notice) when the official models are not beside the project.
pub fn run(root: &Path, python: &Path, cargo: &str) -> Result<(), String> {
    if !generate_full_models(root)? {
        return Ok(());
    }
    let moto = Moto::start(python)?;
    println!(
        "== moto tests (moto on {}): cargo test --manifest-path tests/full-models/Cargo.toml",
        moto.endpoint
    );
    let status = Command::new(cargo)
        .args(["test", "--manifest-path", "tests/full-models/Cargo.toml"])
        .env("MOTO_ENDPOINT", &moto.endpoint)
        // The workspace's target dir: the SDK, tokio and hyper are already built there.
        .env("CARGO_TARGET_DIR", root.join("target"))
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("FAILED: moto tests (cargo test --manifest-path tests/full-models/Cargo.toml)".into())
    }
}

/// Generates the full official models' crates into `target/full-models/<dir>`; `false` (with a
/// notice) when the models are not beside the project.
pub fn generate_full_models(root: &Path) -> Result<bool, String> {
    let models = root.join(MODELS_DIR);
    if !models.exists() {
        println!(
            "SKIP: {} not found; crates of the full models not generated",
            models.display()
        );
        return Ok(false);
    }
    for (file, dir) in MODELS {
        crate::gen::run_one(
            root,
            &[models.join(file)],
            &root.join("target/full-models").join(dir),
            None,
            None,
        )?;
    }
    Ok(true)
}

/// A moto server on a free loopback port, killed when dropped however the run ends.
#[derive(Debug)]
pub struct Moto {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub endpoint: String,
}

impl Moto {
    /// Starts the venv's `moto_server` (beside `python`) and waits until it listens.
    pub fn start(python: &Path) -> Result<Moto, String> {
        let port = free_port()?;
        let moto_server = python.with_file_name("moto_server");
        let child = Command::new(&moto_server)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", moto_server.display()))?;
        let moto = Moto {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
        };
        wait_until_listening(port, Duration::from_secs(30))?;
        Ok(moto)
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

fn wait_until_listening(port: u16, limit: Duration) -> Result<(), String> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        sleep(Duration::from_millis(100));
    }
    Err(format!(
        "moto did not listen on 127.0.0.1:{port} within {limit:?}"
    ))
}
