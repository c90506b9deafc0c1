//! Generation time of the full official models (types, client and server), median of 5 runs.
//! `cargo bench -p ingot-codegen --bench generate` (skips with a notice without ../shared).

use std::path::Path;
use std::time::{Duration, Instant};

use ingot_codegen::emit::EmitOptions;

const MODELS: &[&str] = &[
    "cognito-identity-provider-2016-04-18.json",
    "dynamodb-2012-08-10.json",
];
const RUNS: usize = 5;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/models");
    let opts = EmitOptions {
        runtime_dir: "../../crates".into(),
        command: "cargo xtask gen".into(),
    };
    for model in MODELS {
        let path = dir.join(model);
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!("SKIP: {} not found", path.display());
            continue;
        };
        let mut times: Vec<Duration> = Vec::new();
        let mut lines = 0;
        for _ in 0..RUNS {
            let start = Instant::now();
            let generated = ingot_codegen::generate(model, &text, &Default::default(), &opts)
                .expect("the model generates");
            times.push(start.elapsed());
            lines = generated
                .crates
                .iter()
                .flat_map(|c| &c.files)
                .map(|f| f.contents.lines().count())
                .sum();
        }
        times.sort();
        println!(
            "{model}: median {:.3?} (min {:.3?}, max {:.3?}) over {RUNS} runs, {lines} lines",
            times[RUNS / 2],
            times[0],
            times[RUNS - 1]
        );
    }
}
