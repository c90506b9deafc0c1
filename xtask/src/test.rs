//! `cargo xtask test`: every check the project has, in the order a failure is cheapest to see.

use std::path::{Path, PathBuf};
use std::process::Command;

/// One step: a description and the cargo arguments (with extra environment).
struct Step {
    what: &'static str,
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
    /// Whether the step gets `INGOT_PYTHON`, a Python with boto3 (the real-client tests).
    python: bool,
}

/// The boto3 the real-client tests run, pinned so a boto3 release cannot change results.
const BOTO3_REQUIREMENT: &str = "boto3==1.35.*";
/// The version prefix that satisfies [`BOTO3_REQUIREMENT`], checked before reinstalling.
const BOTO3_VERSION_PREFIX: &str = "1.35.";

const STEPS: &[Step] = &[
    Step {
        what: "formatting",
        args: &["fmt", "--all", "--check"],
        env: &[],
        python: false,
    },
    Step {
        what: "lints (workspace and generated crates)",
        args: &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        env: &[],
        python: false,
    },
    Step {
        what: "documentation",
        args: &["doc", "--workspace", "--no-deps"],
        env: &[("RUSTDOCFLAGS", "-D warnings")],
        python: false,
    },
    Step {
        what: "tests",
        args: &["test", "--workspace"],
        env: &[],
        python: true,
    },
];

/// Runs every step; stops at the first failure and names it.
pub fn run(root: &Path) -> Result<String, String> {
    crate::gen::run(root, crate::gen::Mode::Check)?;
    println!("ok: generated/ is fresh");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    for step in STEPS {
        let mut command = Command::new(&cargo);
        if step.python {
            let python = python_with_boto3(root)?;
            println!("ok: {BOTO3_REQUIREMENT} in {}", python.display());
            command.env("INGOT_PYTHON", python);
        }
        println!("== {}: cargo {}", step.what, step.args.join(" "));
        let status = command
            .args(step.args)
            .envs(step.env.iter().copied())
            .current_dir(root)
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !status.success() {
            return Err(format!(
                "FAILED: {} (cargo {})",
                step.what,
                step.args.join(" ")
            ));
        }
    }
    Ok("all checks passed".into())
}

/// Makes `target/venv` hold the pinned boto3 and returns its Python. An existing venv with a
/// matching boto3 is reused as is, so repeated runs need no network.
fn python_with_boto3(root: &Path) -> Result<PathBuf, String> {
    let venv = root.join("target").join("venv");
    let python = if cfg!(windows) {
        venv.join("Scripts").join("python.exe")
    } else {
        venv.join("bin").join("python")
    };
    if !python.exists() {
        // PYTHON picks the interpreter the venv is made from; python3 by default.
        let base = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
        run_checked(Command::new(&base).arg("-m").arg("venv").arg(&venv))
            .map_err(|e| format!("cannot create {}: {e}", venv.display()))?;
    }
    let check = format!(
        "import sys, boto3; sys.exit(0 if boto3.__version__.startswith({BOTO3_VERSION_PREFIX:?}) else 1)"
    );
    let has_boto3 = Command::new(&python)
        .args(["-c", &check])
        .output()
        .is_ok_and(|out| out.status.success());
    if !has_boto3 {
        run_checked(Command::new(&python).args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            BOTO3_REQUIREMENT,
        ]))
        .map_err(|e| {
            format!(
                "cannot install {BOTO3_REQUIREMENT} into {}: {e}",
                venv.display()
            )
        })?;
    }
    Ok(python)
}

/// Runs `command`, turning a failure to start or a non-zero exit into an error message.
fn run_checked(command: &mut Command) -> Result<(), String> {
    let status = command.status().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("exited with {status}"))
    }
}
