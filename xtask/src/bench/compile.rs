//! Size and compile figures.
//!
//! - **Program**: `one-call-ingot` and `one-call-sdk` (bins of `crates/bench`, so CI compiles
//!   them) are copied into projects of their own and built cold (empty target folder) in release
//!   with symbols stripped: build time and binary size.
//! - **Crates alone**: the generated types + client crates of the full Cognito model, and the
//!   `aws-sdk-cognitoidentityprovider` crate, each rebuilt with its dependencies prebuilt
//!   (`cargo clean -p` of just those crates, then `cargo build --timings`), debug and release.
//! - **Lines**: the generated pair's `.rs` lines next to the SDK crate's `src/`.
//!
//! Every project gets a copy of the workspace's `Cargo.lock`, so all builds use the same
//! dependency versions as the workspace and need no registry update.

use std::fs;
use std::path::{Path, PathBuf};

use super::procs::{Runner, Server};
use super::samples::Sample;
use super::Plan;

/// The SDK crate measured.
const SDK: &str = "aws-sdk-cognitoidentityprovider";

pub fn run(
    runner: &Runner,
    plan: &Plan,
    full_model: Option<&Path>,
    work: &Path,
) -> Result<Vec<Sample>, String> {
    let mut samples = Vec::new();
    let ingot = program_project(runner, work, "ingot")?;
    let sdk = program_project(runner, work, "sdk")?;
    let canned = Server::start(
        runner,
        std::process::Command::new(runner.release.join("bench-canned-server")),
    )?;
    for round in 0..plan.compile_rounds {
        for (subject, project) in [("ingot", &ingot), ("sdk", &sdk)] {
            let target = project.join("target");
            if target.exists() {
                fs::remove_dir_all(&target).map_err(|e| format!("{}: {e}", target.display()))?;
            }
            let mut build = runner.cargo(project);
            build.args(["build", "--release", "--quiet"]);
            build.env("CARGO_TARGET_DIR", &target);
            let seconds = runner.status(build)?.as_secs_f64();
            let binary = target.join("release").join(format!("one-call-{subject}"));
            let bytes = fs::metadata(&binary)
                .map_err(|e| format!("{}: {e}", binary.display()))?
                .len();
            // The program must really make its call, or its size means nothing.
            let mut call = std::process::Command::new(&binary);
            call.arg(format!("http://{}", canned.addr));
            runner.stdout(call)?;
            samples.push(Sample::new(
                "program",
                subject,
                0,
                round,
                &[
                    ("cold_release_build_s", seconds),
                    ("stripped_mib", bytes as f64 / (1024.0 * 1024.0)),
                ],
            ));
        }
    }
    drop(canned);

    let Some(full_model) = full_model else {
        println!("compile figure: no full Cognito model; the crate build times are skipped");
        return Ok(samples);
    };
    let generated = work.join("generated-full");
    let mut gen = std::process::Command::new(runner.release.join("xtask"));
    gen.arg("gen")
        .arg("--model")
        .arg(full_model)
        .arg("--out")
        .arg(&generated);
    gen.stdout(std::process::Stdio::null());
    runner.status(gen)?;
    copy_lock(runner, &generated)?;
    let pair = generated_pair(&generated)?;
    let pair_args: Vec<&str> = pair.iter().flat_map(|c| ["-p", c.as_str()]).collect();
    let subjects: [(&str, &Path, Vec<&str>); 2] = [
        ("generated types+client", &generated, pair_args),
        (SDK, &sdk, vec!["-p", SDK]),
    ];
    for (profile, flags) in [("debug", &[][..]), ("release", &["--release"][..])] {
        // Dependencies first, untimed.
        for (_, project, packages) in &subjects {
            let mut build = runner.cargo(project);
            build.args(["build", "--quiet"]).args(flags).args(packages);
            build.env("CARGO_TARGET_DIR", project.join("target"));
            runner.status(build)?;
        }
        for round in 0..plan.compile_rounds {
            for (subject, project, packages) in &subjects {
                let target = project.join("target");
                let mut clean = runner.cargo(project);
                clean.args(["clean", "--quiet"]).args(flags).args(packages);
                clean.env("CARGO_TARGET_DIR", &target);
                runner.status(clean)?;
                let mut build = runner.cargo(project);
                build
                    .args(["build", "--quiet", "--timings"])
                    .args(flags)
                    .args(packages);
                build.env("CARGO_TARGET_DIR", &target);
                let seconds = runner.status(build)?.as_secs_f64();
                samples.push(Sample::new(
                    &format!("crate-build-{profile}"),
                    subject,
                    0,
                    round,
                    &[("seconds", seconds)],
                ));
            }
        }
    }

    let generated_lines: u64 = pair
        .iter()
        .map(|c| rs_lines(&generated.join(c)))
        .sum::<Result<_, _>>()?;
    samples.push(Sample::new(
        "lines",
        "generated types+client",
        0,
        0,
        &[("lines", generated_lines as f64)],
    ));
    match sdk_source(runner)? {
        Some(src) => samples.push(Sample::new(
            "lines",
            SDK,
            0,
            0,
            &[("lines", rs_lines(&src)? as f64)],
        )),
        None => println!("compile figure: the {SDK} sources are not in the cargo registry"),
    }
    Ok(samples)
}

/// `work/one-call-NAME`: a one-package workspace building `crates/bench/src/bin/one-call-NAME.rs`
/// with the workspace's dependency declarations, symbols stripped in release.
fn program_project(runner: &Runner, work: &Path, name: &str) -> Result<PathBuf, String> {
    let dir = work.join(format!("one-call-{name}"));
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let source = runner
        .root
        .join(format!("crates/bench/src/bin/one-call-{name}.rs"));
    fs::copy(&source, dir.join("main.rs")).map_err(|e| format!("{}: {e}", source.display()))?;
    let client = match name {
        "ingot" => format!(
            "cognitoidentityprovider-client = {{ path = \"{}\" }}",
            runner
                .root
                .join("generated/cognitoidentityprovider-client")
                .display()
        ),
        _ => format!(
            "{}\n{}",
            workspace_dep(&runner.root, SDK)?,
            workspace_dep(&runner.root, "aws-smithy-http-client")?
        ),
    };
    let manifest = format!(
        "[package]\nname = \"one-call-{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\
         publish = false\n\n[[bin]]\nname = \"one-call-{name}\"\npath = \"main.rs\"\n\n\
         [dependencies]\n{client}\n{}\n\n[profile.release]\nstrip = true\n\n[workspace]\n",
        workspace_dep(&runner.root, "tokio")?
    );
    fs::write(dir.join("Cargo.toml"), manifest).map_err(|e| format!("{}: {e}", dir.display()))?;
    copy_lock(runner, &dir)?;
    Ok(dir)
}

/// The line declaring `name` in the workspace's `[workspace.dependencies]`.
fn workspace_dep(root: &Path, name: &str) -> Result<String, String> {
    let manifest = fs::read_to_string(root.join("Cargo.toml")).map_err(|e| e.to_string())?;
    let prefix = format!("{name} = ");
    manifest
        .lines()
        .find(|l| l.starts_with(&prefix))
        .map(str::to_owned)
        .ok_or_else(|| format!("the workspace Cargo.toml does not declare {name}"))
}

fn copy_lock(runner: &Runner, dir: &Path) -> Result<(), String> {
    let lock = runner.root.join("Cargo.lock");
    fs::copy(&lock, dir.join("Cargo.lock"))
        .map(drop)
        .map_err(|e| format!("{}: {e}", lock.display()))
}

/// The `-types` and `-client` members of a generated workspace.
fn generated_pair(workspace: &Path) -> Result<Vec<String>, String> {
    let manifest = fs::read_to_string(workspace.join("Cargo.toml")).map_err(|e| e.to_string())?;
    let members = manifest
        .lines()
        .find_map(|l| l.strip_prefix("members = "))
        .ok_or("the generated workspace lists no members")?;
    let pair: Vec<String> = members
        .trim_matches(|c| c == '[' || c == ']')
        .split(',')
        .map(|m| m.trim().trim_matches('"').to_owned())
        .filter(|m| m.ends_with("-types") || m.ends_with("-client"))
        .collect();
    if pair.len() == 2 {
        Ok(pair)
    } else {
        Err(format!(
            "expected a -types and a -client crate in {members}"
        ))
    }
}

/// Lines of every `.rs` file under `dir`.
fn rs_lines(dir: &Path) -> Result<u64, String> {
    let mut total = 0;
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            total += rs_lines(&path)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            total += text.iter().filter(|&&b| b == b'\n').count() as u64;
        }
    }
    Ok(total)
}

/// `$CARGO_HOME/registry/src/*/aws-sdk-cognitoidentityprovider-VERSION/src` for the locked version.
fn sdk_source(runner: &Runner) -> Result<Option<PathBuf>, String> {
    let lock = fs::read_to_string(runner.root.join("Cargo.lock")).map_err(|e| e.to_string())?;
    let name_line = format!("name = \"{SDK}\"");
    let mut lines = lock.lines();
    let version = loop {
        match lines.next() {
            Some(l) if l == name_line => {
                break lines
                    .next()
                    .and_then(|v| v.strip_prefix("version = \""))
                    .map(|v| v.trim_end_matches('"').to_owned())
            }
            Some(_) => {}
            None => break None,
        }
    };
    let Some(version) = version else {
        return Ok(None);
    };
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let Some(registry) = home.map(|h| h.join("registry").join("src")) else {
        return Ok(None);
    };
    let Ok(indexes) = fs::read_dir(&registry) else {
        return Ok(None);
    };
    Ok(indexes
        .filter_map(Result::ok)
        .map(|index| index.path().join(format!("{SDK}-{version}")).join("src"))
        .find(|src| src.is_dir()))
}
