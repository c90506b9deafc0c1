//! `cargo xtask bench [--quick] [--rounds N] [--compile-rounds N] [--only FIGURES]
//! [--cognito-model PATH] [--out DIR]`: builds the benchmark programs in release, runs every
//! figure of issue 12 for Ingot and its anchors in one go on loopback, and writes
//! `BENCHMARKS.md` with SVG plots.
//!
//! The programs live in `crates/bench`; this module only builds, starts, pins and reads them
//! (`procs`), runs each figure (`client`, `server`, `generation`, `compile`), and writes the
//! report (`report`, `svg`). It is not a test and CI never runs it.

mod client;
mod compile;
mod generation;
mod machine;
mod procs;
mod report;
mod samples;
mod server;
mod svg;
mod synthetic;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use machine::Machine;
use procs::Runner;
use samples::Samples;

pub const USAGE: &str = "cargo xtask bench [--quick] [--rounds N] [--compile-rounds N] [--only client,server,gen,compile] [--cognito-model PATH] [--out DIR]";

const FIGURES: [&str; 4] = ["client", "server", "gen", "compile"];

/// How long and how often to measure.
#[derive(Debug, Clone)]
pub struct Plan {
    pub rounds: u32,
    pub compile_rounds: u32,
    /// Measured time per client, concurrency and round.
    pub client_ms: u64,
    /// Measured time per server, connection count and round.
    pub server_ms: u64,
}

#[derive(Debug)]
struct Options {
    quick: bool,
    plan: Plan,
    figures: Vec<String>,
    cognito_model: Option<PathBuf>,
    out: Option<PathBuf>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let quick = args.iter().any(|a| a == "--quick");
    let mut options = Options {
        quick,
        plan: if quick {
            Plan {
                rounds: 1,
                compile_rounds: 1,
                client_ms: 300,
                server_ms: 500,
            }
        } else {
            Plan {
                rounds: 5,
                compile_rounds: 5,
                client_ms: 2_000,
                server_ms: 3_000,
            }
        },
        // The compile figure takes many minutes of cold builds: not part of a smoke run.
        figures: FIGURES
            .iter()
            .filter(|f| !quick || **f != "compile")
            .map(|f| (*f).to_owned())
            .collect(),
        cognito_model: None,
        out: None,
    };
    let mut it = args.iter();
    let number = |v: Option<&String>, name: &str| -> Result<u32, String> {
        v.and_then(|v| v.parse().ok())
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("{name} needs a positive number\nusage: {USAGE}"))
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--quick" => {}
            "--rounds" => options.plan.rounds = number(it.next(), "--rounds")?,
            "--compile-rounds" => {
                options.plan.compile_rounds = number(it.next(), "--compile-rounds")?;
            }
            "--only" => {
                let list = it
                    .next()
                    .ok_or_else(|| format!("--only needs a list\nusage: {USAGE}"))?;
                options.figures = list.split(',').map(str::to_owned).collect();
                if let Some(bad) = options
                    .figures
                    .iter()
                    .find(|f| !FIGURES.contains(&f.as_str()))
                {
                    return Err(format!(
                        "unknown figure `{bad}`; figures: {}",
                        FIGURES.join(",")
                    ));
                }
            }
            "--cognito-model" => options.cognito_model = it.next().map(PathBuf::from),
            "--out" => options.out = it.next().map(PathBuf::from),
            other => return Err(format!("unknown argument `{other}`\nusage: {USAGE}")),
        }
    }
    Ok(options)
}

pub fn run(root: &Path, args: &[String]) -> Result<String, String> {
    let options = parse(args)?;
    let machine = Machine::describe();
    let date = machine::today();
    let mut runner = Runner::new(root);
    let work = root.join("target").join("bench");
    let mut skipped = Vec::new();

    let mut build = runner.cargo(root);
    build.args([
        "build",
        "--release",
        "-p",
        "ingot-bench",
        "-p",
        "cognito-idp-local",
        "-p",
        "xtask",
    ]);
    runner.status(build)?;
    let pinning = pin(&mut runner, machine.cores)?;
    println!("pinning: {pinning}");

    let full_model = match &options.cognito_model {
        Some(path) if path.is_file() => Some(path.clone()),
        Some(path) => return Err(format!("--cognito-model {}: no such file", path.display())),
        None => find_cognito_model(root),
    };
    if full_model.is_none() {
        skipped.push(
            "the full Cognito model was not found (../shared/models/cognito-identity-provider-*.json; \
             pass --cognito-model PATH): generation of the full and 5× models and the crate build \
             times"
                .to_owned(),
        );
    }

    let mut samples = Samples::default();
    let wants = |figure: &str| options.figures.iter().any(|f| f == figure);
    if wants("client") {
        println!("== client figure");
        samples.0.extend(client::run(&runner, &options.plan)?);
    }
    if wants("server") {
        println!("== server figure");
        samples
            .0
            .extend(server::run(&runner, &options.plan, &work.join("server"))?);
    }
    if wants("gen") {
        println!("== generation figure");
        samples.0.extend(generation::run(
            &runner,
            &options.plan,
            full_model.as_deref(),
            &work.join("gen"),
        )?);
    }
    if wants("compile") {
        println!("== size and compile figures");
        samples.0.extend(compile::run(
            &runner,
            &options.plan,
            full_model.as_deref(),
            &work.join("compile"),
        )?);
    } else {
        skipped
            .push("the size and compile figures (run without --quick, or --only compile)".into());
    }

    let context = report::Context {
        machine: &machine,
        date,
        quick: options.quick,
        rounds: options.plan.rounds,
        compile_rounds: options.plan.compile_rounds,
        pinning,
        invocation: std::iter::once("cargo xtask bench")
            .chain(args.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" "),
        commands: runner.commands(),
        skipped,
    };
    let (markdown, plots) = report::render(&samples, &context);
    // A smoke run must not overwrite the committed figures.
    let out = options.out.clone().unwrap_or_else(|| {
        if options.quick {
            work.join("quick")
        } else {
            root.to_path_buf()
        }
    });
    let plot_dir = out.join("benchmarks");
    fs::create_dir_all(&plot_dir).map_err(|e| format!("{}: {e}", plot_dir.display()))?;
    for (name, svg) in plots {
        let path = plot_dir.join(name);
        fs::write(&path, svg).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let path = out.join("BENCHMARKS.md");
    fs::write(&path, &markdown).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("{markdown}");
    Ok(format!("wrote {}", path.display()))
}

/// Client (and load generator) on core 0, servers on core 1, when there are two cores and the
/// kernel lets us; otherwise unpinned, and the report says why.
fn pin(runner: &mut Runner, cores: usize) -> Result<String, String> {
    if cores < 2 {
        return Ok(format!("not pinned: {cores} core available"));
    }
    let output = Command::new(runner.release.join("bench-pin"))
        .args(["1", "true"])
        .output()
        .map_err(|e| format!("cannot run bench-pin: {e}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() || !stderr.trim().is_empty() {
        return Ok(format!("not pinned: {}", stderr.trim()));
    }
    runner.cores = Some((0, 1));
    Ok("clients and the load generator on CPU 0, servers on CPU 1 (sched_setaffinity)".into())
}

fn find_cognito_model(root: &Path) -> Option<PathBuf> {
    let dir = root.parent()?.join("shared").join("models");
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with("cognito-identity-provider-") && n.ends_with(".json")
            })
        })
        .collect();
    found.sort();
    found.pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn quick_is_one_short_round_without_the_compile_figure() {
        let o = parse(&args(&["--quick"])).expect("valid");
        assert_eq!(o.plan.rounds, 1);
        assert!(!o.figures.iter().any(|f| f == "compile"));
        let full = parse(&[]).expect("valid");
        assert_eq!(full.plan.rounds, 5);
        assert_eq!(full.figures.len(), FIGURES.len());
    }

    #[test]
    fn bad_arguments_are_refused() {
        for bad in [
            &["--rounds", "0"][..],
            &["--rounds"],
            &["--only", "client,nope"],
            &["--fast"],
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad:?}");
        }
        let o = parse(&args(&["--rounds", "7", "--only", "gen"])).expect("valid");
        assert_eq!(
            (o.plan.rounds, o.figures.as_slice()),
            (7, &["gen".to_owned()][..])
        );
    }
}
