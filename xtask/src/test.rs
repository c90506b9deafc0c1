//! `cargo xtask test`: every check the project has, in the order a failure is cheapest to see.

use std::path::Path;
use std::process::Command;

/// One step: a description and the cargo arguments (with extra environment).
struct Step {
    what: &'static str,
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
}

const STEPS: &[Step] = &[
    Step {
        what: "formatting",
        args: &["fmt", "--all", "--check"],
        env: &[],
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
    },
    Step {
        what: "documentation",
        args: &["doc", "--workspace", "--no-deps"],
        env: &[("RUSTDOCFLAGS", "-D warnings")],
    },
    Step {
        what: "tests",
        args: &["test", "--workspace"],
        env: &[],
    },
    // The one optional feature: trusting the platform's certificate store.
    Step {
        what: "client runtime with its native-roots feature",
        args: &[
            "clippy",
            "-p",
            "ingot-client-rt",
            "--all-targets",
            "--features",
            "native-roots",
            "--",
            "-D",
            "warnings",
        ],
        env: &[],
    },
    Step {
        what: "client runtime tests with its native-roots feature",
        args: &[
            "test",
            "-p",
            "ingot-client-rt",
            "--features",
            "native-roots",
        ],
        env: &[],
    },
];

/// Runs every step; stops at the first failure and names it.
pub fn run(root: &Path) -> Result<String, String> {
    crate::gen::run(root, crate::gen::Mode::Check)?;
    println!("ok: generated/ is fresh");
    let python = crate::venv::ensure(root)?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    for step in STEPS {
        println!("== {}: cargo {}", step.what, step.args.join(" "));
        let status = Command::new(&cargo)
            .args(step.args)
            .envs(step.env.iter().copied())
            .env("INGOT_PYTHON", &python)
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
    println!("== protocol compliance suites (cargo xtask compliance)");
    println!("{}", crate::compliance::run(root, &cargo)?);
    crate::moto::run(root, &python, &cargo)?;
    // The API comparison joins once the generated clients lack nothing outside the allow-list
    // (issue 10); `INGOT_SDK_COMPAT=1` runs it here too.
    println!("== SDK drop-in evidence (cargo xtask sdk-compat)");
    let steps: &[&str] = if crate::sdk_compat::enabled() {
        &[]
    } else {
        &[
            "--step",
            "check-official",
            "--step",
            "check-ingot",
            "--step",
            "run",
        ]
    };
    let steps: Vec<String> = steps.iter().map(|s| s.to_string()).collect();
    println!("{}", crate::sdk_compat::run(root, &steps, true)?);
    if !crate::sdk_compat::enabled() {
        println!("SKIP: the public-API comparison (`cargo xtask sdk-compat --step api`; INGOT_SDK_COMPAT=1 adds it here)");
    }
    Ok("all checks passed".into())
}
