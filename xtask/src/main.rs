//! `cargo xtask gen [--check] [--model PATH --out DIR]` and `cargo xtask test`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use xtask::gen::{self, Mode};

const USAGE: &str =
    "usage: cargo xtask gen [--check]\n       cargo xtask gen --model PATH --out DIR";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(USAGE.to_owned());
    };
    if command == "test" && rest.is_empty() {
        return xtask::test::run(&gen::workspace_root());
    }
    if command != "gen" {
        return Err(format!("unknown command `{command}`\n{USAGE}"));
    }
    let mut check = false;
    let mut model = None;
    let mut out = None;
    let mut settings = None;
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--model" => model = it.next().map(PathBuf::from),
            "--out" => out = it.next().map(PathBuf::from),
            "--settings" => settings = it.next().map(PathBuf::from),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    let root = gen::workspace_root();
    let started = Instant::now();
    match (model, out) {
        (None, None) => {
            let mode = if check { Mode::Check } else { Mode::Write };
            let summary = gen::run(&root, mode)?;
            Ok(if check {
                format!("generated/ is up to date ({} files)", summary.files)
            } else {
                gen::report(started, &summary)
            })
        }
        (Some(model), Some(out)) if !check => {
            let summary = gen::run_one(&root, &model, &out, settings.as_deref())?;
            Ok(gen::report(started, &summary))
        }
        _ => Err(USAGE.to_owned()),
    }
}
