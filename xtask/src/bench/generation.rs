//! The generation figure: the release `xtask gen` of the StopUserImportJob slice, of the full
//! Cognito model and of a synthetic model five times its size, each into a fresh folder (all
//! files written), timed per round. x is the model's shape count, so the plot shows growth.

use std::fs;
use std::path::Path;

use serde_json::Value;

use super::procs::Runner;
use super::samples::Sample;
use super::{synthetic, Plan};

/// How many copies of Cognito make the synthetic model.
const COPIES: usize = 5;

pub fn run(
    runner: &Runner,
    plan: &Plan,
    full_model: Option<&Path>,
    work: &Path,
) -> Result<Vec<Sample>, String> {
    fs::create_dir_all(work).map_err(|e| format!("{}: {e}", work.display()))?;
    let mut models = vec![(
        "slice".to_owned(),
        runner.root.join("model/cognito-idp.json"),
    )];
    if let Some(full) = full_model {
        models.push(("full".to_owned(), full.to_path_buf()));
        let json: Value =
            serde_json::from_str(&read(full)?).map_err(|e| format!("{}: {e}", full.display()))?;
        let big = synthetic::multiply(&json, COPIES)?;
        let path = work.join(format!("cognito-x{COPIES}.json"));
        fs::write(&path, big.to_string()).map_err(|e| format!("{}: {e}", path.display()))?;
        models.push((format!("full x{COPIES}"), path));
    }
    let xtask = runner.release.join("xtask");
    let mut samples = Vec::new();
    for round in 0..plan.rounds {
        for (name, model) in &models {
            let shapes = count_shapes(model)?;
            let out = work.join(name.replace(' ', "-"));
            // A fresh folder each time, so every round writes every file.
            if out.exists() {
                fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
            }
            let mut command = std::process::Command::new(&xtask);
            command
                .arg("gen")
                .arg("--model")
                .arg(model)
                .arg("--out")
                .arg(&out);
            command.stdout(std::process::Stdio::null());
            let seconds = runner.status(command)?.as_secs_f64();
            samples.push(Sample::new(
                "gen",
                name,
                shapes,
                round,
                &[("seconds", seconds)],
            ));
        }
    }
    Ok(samples)
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn count_shapes(model: &Path) -> Result<u64, String> {
    let json: Value =
        serde_json::from_str(&read(model)?).map_err(|e| format!("{}: {e}", model.display()))?;
    Ok(json
        .get("shapes")
        .and_then(Value::as_object)
        .map_or(0, |s| s.len() as u64))
}
