//! Snapshot tests: each model under `tests/fixtures/` generates exactly the files kept under
//! `tests/snapshots/<fixture>/`. A change in output fails with a unified diff; to accept it, run
//! `UPDATE_SNAPSHOTS=1 cargo test -p ingot-codegen --test snapshots` and review the diff in git.
//! (That the snapshots also build warning-free is checked by xtask's `generated_crates_build` test.)

use std::fs;
use std::path::{Path, PathBuf};

use ingot_codegen::emit::{EmitOptions, GeneratedCrate};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("tests/fixtures exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn generate(fixture: &Path) -> Vec<GeneratedCrate> {
    let name = format!(
        "codegen/tests/fixtures/{}",
        fixture.file_name().unwrap().to_string_lossy()
    );
    let text = fs::read_to_string(fixture).unwrap();
    let opts = EmitOptions {
        runtime_dir: "../../../../../crates".into(),
        command: "cargo xtask gen".into(),
    };
    ingot_codegen::generate(&name, &text, &Default::default(), &opts)
        .map(|g| g.crates)
        .unwrap_or_else(|d| panic!("{d}"))
}

#[test]
fn emitted_code_matches_snapshots() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for fixture in fixtures() {
        let stem = fixture.file_stem().unwrap().to_string_lossy().into_owned();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/snapshots")
            .join(&stem);
        for krate in generate(&fixture) {
            for file in &krate.files {
                let path = dir.join(&krate.name).join(&file.path);
                let expected = fs::read_to_string(&path).unwrap_or_default();
                if expected == file.contents {
                    continue;
                }
                if update {
                    fs::create_dir_all(path.parent().unwrap()).unwrap();
                    fs::write(&path, &file.contents).unwrap();
                    continue;
                }
                let diff = similar::TextDiff::from_lines(&expected, &file.contents)
                    .unified_diff()
                    .context_radius(3)
                    .header(&format!("{} (snapshot)", path.display()), "generated")
                    .to_string();
                failures.push(diff);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "generated code differs from the snapshots (UPDATE_SNAPSHOTS=1 to accept):\n{}",
        failures.join("\n")
    );
}

#[test]
fn generation_is_deterministic() {
    for fixture in fixtures() {
        let first = generate(&fixture);
        for _ in 0..3 {
            assert_eq!(
                first,
                generate(&fixture),
                "{} generated differently",
                fixture.display()
            );
        }
    }
}
