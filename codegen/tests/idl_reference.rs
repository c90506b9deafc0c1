//! Every official `.smithy` file under `../shared/reference/smithy/` loads, and each protocol test
//! model survives IDL -> model-json -> JSON AST unchanged.

use std::fs;
use std::path::{Path, PathBuf};

use ingot_codegen::model::{self, Model, SourceFile};

fn reference() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/reference/smithy");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIP: {} is absent", dir.display());
        None
    }
}

/// The `.smithy` files directly in `dir`, sorted.
fn smithy_files(dir: &Path) -> Vec<SourceFile> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "smithy"))
        .collect();
    paths.sort();
    paths.into_iter().map(|p| read(&p)).collect()
}

fn read(path: &Path) -> SourceFile {
    SourceFile {
        name: path.display().to_string(),
        text: fs::read_to_string(path).unwrap(),
    }
}

fn load(files: &[SourceFile]) -> Model {
    model::parse_files(files).unwrap_or_else(|d| panic!("{d}"))
}

/// Each protocol test folder (and the service models below it) with the shared files.
fn protocol_models(root: &Path) -> Vec<(String, Vec<SourceFile>)> {
    let tests = root.join("protocol-tests");
    let shared = || {
        let mut files = smithy_files(&root.join("traits"));
        files.push(read(&tests.join("shared-types.smithy")));
        files.push(read(&tests.join("aws-config.smithy")));
        files
    };
    let mut out = Vec::new();
    for folder in ["awsJson1_0", "awsJson1_1", "awsJson1_1/services"] {
        let mut files = shared();
        files.extend(smithy_files(&tests.join(folder)));
        out.push((folder.to_owned(), files));
    }
    out
}

#[test]
fn the_trait_definitions_load_alone() {
    let Some(root) = reference() else { return };
    let m = load(&smithy_files(&root.join("traits")));
    let traits = m
        .shapes
        .values()
        .filter(|s| s.traits.raw.contains_key("smithy.api#trait"))
        .count();
    println!(
        "traits folder: {} shapes, {traits} trait definitions",
        m.shapes.len()
    );
    assert!(m
        .shapes
        .contains_key(&model::ShapeId::parse("aws.protocols#awsJson1_1").unwrap()));
    assert!(traits > 100, "{traits}");
}

#[test]
fn every_protocol_test_folder_loads_and_round_trips_through_model_json() {
    let Some(root) = reference() else { return };
    for (folder, files) in protocol_models(&root) {
        let from_idl = load(&files);
        let printed = model::to_json_string(&from_idl);
        let from_json =
            model::parse_model("model.json", &printed).unwrap_or_else(|d| panic!("{folder}: {d}"));
        assert!(
            from_idl == from_json,
            "{folder}: IDL and its model-json differ"
        );
        assert_eq!(model::to_json_string(&from_json), printed, "{folder}");
        println!(
            "{folder}: {} files, {} shapes, model-json round-trips",
            files.len(),
            from_idl.shapes.len()
        );
    }
}
