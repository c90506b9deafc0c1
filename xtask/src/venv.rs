//! The Python environment the test suite needs (boto3 as a real client, moto as a real
//! service), created once under `target/venv` with pinned versions.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Pinned so every machine tests against the same peers.
const REQUIREMENTS: &[&str] = &["boto3==1.44.8", "moto[server]==5.2.5"];

/// The venv's `python`, creating the venv and installing the pinned requirements when needed.
pub fn ensure(root: &Path) -> Result<PathBuf, String> {
    let dir = root.join("target/venv");
    let python = dir.join("bin/python");
    let marker = dir.join("ingot-requirements.txt");
    let wanted = REQUIREMENTS.join("\n");
    if python.exists() && fs::read_to_string(&marker).ok().as_deref() == Some(wanted.as_str()) {
        return Ok(python);
    }
    println!(
        "== python venv: {} ({})",
        dir.display(),
        REQUIREMENTS.join(", ")
    );
    run(Command::new("python3").args(["-m", "venv"]).arg(&dir))?;
    run(Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args(REQUIREMENTS))?;
    fs::write(&marker, wanted).map_err(|e| format!("{}: {e}", marker.display()))?;
    Ok(python)
}

fn run(cmd: &mut Command) -> Result<(), String> {
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("failed: {cmd:?}"))
    }
}
