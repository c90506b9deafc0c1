//! `cargo xtask gen [--check] [--model PATH... --out DIR]`, `cargo xtask model-json PATH...`,
//! `cargo xtask compliance`, `cargo xtask test`, `cargo xtask sdk-compat` and `cargo xtask bench`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use xtask::gen::{self, Mode};

const USAGE: &str = "usage: cargo xtask gen [--check]
       cargo xtask gen --model PATH [--model PATH...] --out DIR [--settings FILE] [--service NAME]
       cargo xtask model-json PATH...
       cargo xtask compliance
       cargo xtask test
       cargo xtask sdk-compat [--step check-official|check-ingot|run|api]... [--ours SDK-CRATE=DIR]...
       cargo xtask bench [--quick] [--rounds N] [--compile-rounds N] [--only FIGURES] [--cognito-model PATH] [--out DIR]
PATH is a model file (.json JSON AST or .smithy IDL) or a folder of them; several make one model.";

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
    if command == "compliance" && rest.is_empty() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        return xtask::compliance::run(&gen::workspace_root(), &cargo);
    }
    if command == "sdk-compat" {
        return xtask::sdk_compat::run(&gen::workspace_root(), rest, false);
    }
    if command == "bench" {
        return xtask::bench::run(&gen::workspace_root(), rest);
    }
    if command == "model-json" && !rest.is_empty() {
        let paths: Vec<PathBuf> = rest.iter().map(PathBuf::from).collect();
        let files = gen::read_sources(&paths)?;
        let model = ingot_codegen::model::parse_files(&files).map_err(|d| d.to_string())?;
        // The JSON text already ends with a line break; `main` adds none of its own.
        let json = ingot_codegen::model::to_json_string(&model);
        return Ok(json.trim_end().to_owned());
    }
    if command != "gen" {
        return Err(format!("unknown command `{command}`\n{USAGE}"));
    }
    let mut check = false;
    let mut models = Vec::new();
    let mut out = None;
    let mut settings = None;
    let mut service = None;
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--model" => models.extend(it.next().map(PathBuf::from)),
            "--out" => out = it.next().map(PathBuf::from),
            "--settings" => settings = it.next().map(PathBuf::from),
            "--service" => service = it.next().cloned(),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    let root = gen::workspace_root();
    let started = Instant::now();
    match (models.is_empty(), out) {
        (true, None) => {
            let mode = if check { Mode::Check } else { Mode::Write };
            let summary = gen::run(&root, mode)?;
            Ok(if check {
                format!("generated/ is up to date ({} files)", summary.files)
            } else {
                gen::report(started, &summary)
            })
        }
        (false, Some(out)) if !check => {
            let summary = gen::run_one(
                &root,
                &models,
                &out,
                settings.as_deref(),
                service.as_deref(),
            )?;
            Ok(gen::report(started, &summary))
        }
        _ => Err(USAGE.to_owned()),
    }
}
