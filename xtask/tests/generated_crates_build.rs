//! Generated crates build warning-free: the codegen fixtures, and the full official models from
//! `../shared/models` when that folder is present (skipped with a notice otherwise).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Generates `model` into its own workspace under `target/` and runs clippy on it with `-D warnings`.
fn generate_and_lint(model: &Path, name: &str) {
    let root = xtask::gen::workspace_root();
    let out = root.join("target/generated-build").join(name);
    xtask::gen::run_one(&root, &[model.to_path_buf()], &out, None, None)
        .unwrap_or_else(|e| panic!("{e}"));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["clippy", "--quiet", "--all-targets", "--", "-D", "warnings"])
        .current_dir(&out)
        // One target dir for all of them, so the runtime is built once.
        .env(
            "CARGO_TARGET_DIR",
            root.join("target/generated-build/target"),
        )
        .status()
        .expect("cargo runs");
    assert!(
        status.success(),
        "generated crates for {} do not build cleanly",
        model.display()
    );
}

fn shared_model(file: &str) -> Option<PathBuf> {
    let path = xtask::gen::workspace_root()
        .join("../shared/models")
        .join(file);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "SKIP: {} not found; full-model build not checked",
            path.display()
        );
        None
    }
}

#[test]
fn fixture_crates_build() {
    let fixtures = xtask::gen::workspace_root().join("codegen/tests/fixtures");
    generate_and_lint(&fixtures.join("kitchen-sink.json"), "kitchen-sink");
}

#[test]
fn full_cognito_model_builds() {
    if let Some(model) = shared_model("cognito-identity-provider-2016-04-18.json") {
        generate_and_lint(&model, "cognito");
    }
}

#[test]
fn full_dynamodb_model_builds() {
    if let Some(model) = shared_model("dynamodb-2012-08-10.json") {
        generate_and_lint(&model, "dynamodb");
    }
}
