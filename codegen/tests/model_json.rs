//! `model-json` normal form: the kitchen sink written in IDL prints exactly what its JSON AST
//! prints, and JSON AST models survive JSON -> model-json -> model unchanged.

use std::fs;
use std::path::{Path, PathBuf};

use ingot_codegen::emit::EmitOptions;
use ingot_codegen::model::{self, SourceFile};

fn read(path: &Path, name: &str) -> SourceFile {
    SourceFile {
        name: name.to_owned(),
        text: fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn kitchen_sink_idl() -> Vec<SourceFile> {
    ["kitchen-sink.smithy", "kitchen-sink-widget.smithy"]
        .iter()
        .map(|f| read(&fixtures().join(f), f))
        .collect()
}

fn load(files: &[SourceFile]) -> model::Model {
    model::parse_files(files).unwrap_or_else(|d| panic!("{d}"))
}

#[test]
fn kitchen_sink_in_idl_prints_the_same_model_json_as_its_json_ast() {
    let json = load(&[read(
        &fixtures().join("kitchen-sink.json"),
        "kitchen-sink.json",
    )]);
    let idl = load(&kitchen_sink_idl());
    similar_asserts(&model::to_json_string(&json), &model::to_json_string(&idl));
    assert!(json == idl);
}

#[test]
fn kitchen_sink_in_idl_generates_the_same_crates() {
    let opts = EmitOptions {
        runtime_dir: "../../crates".into(),
        command: "cargo xtask gen".into(),
    };
    let settings = Default::default();
    let json = ingot_codegen::generate(
        "kitchen-sink.json",
        &fs::read_to_string(fixtures().join("kitchen-sink.json")).unwrap(),
        &settings,
        &opts,
    )
    .unwrap_or_else(|d| panic!("{d}"));
    let idl = ingot_codegen::generate_files(&kitchen_sink_idl(), &settings, &opts)
        .unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(json.crates.len(), idl.crates.len());
    for (j, i) in json.crates.iter().zip(&idl.crates) {
        assert_eq!(j.files.len(), i.files.len(), "{}", j.name);
        for (jf, if_) in j.files.iter().zip(&i.files) {
            // Headers name the model files; everything else is identical.
            let renamed = if_.contents.replace(
                "kitchen-sink.smithy, kitchen-sink-widget.smithy",
                "kitchen-sink.json",
            );
            similar_asserts(&jf.contents, &renamed);
        }
    }
}

fn similar_asserts(expected: &str, got: &str) {
    if expected != got {
        let diff = similar::TextDiff::from_lines(expected, got);
        panic!("{}", diff.unified_diff().header("expected", "got"));
    }
}

/// JSON -> model -> model-json -> model gives the same model and the same text again.
fn round_trips(path: &Path) {
    let name = path.display().to_string();
    let first = load(&[read(path, &name)]);
    let printed = model::to_json_string(&first);
    let second = model::parse_model("model-json.json", &printed).unwrap_or_else(|d| panic!("{d}"));
    assert!(
        first == second,
        "{name}: the model changed through model-json"
    );
    assert_eq!(model::to_json_string(&second), printed, "{name}");
    println!("{name}: {} shapes round-trip", first.shapes.len());
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| !p.to_string_lossy().ends_with(".ingot.json"))
        .collect();
    files.sort();
    files
}

#[test]
fn shipped_models_and_fixtures_round_trip() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = json_files(&root.join("model"));
    files.extend(json_files(&fixtures()));
    assert!(files.len() >= 2);
    for f in files {
        round_trips(&f);
    }
}

#[test]
fn official_models_round_trip() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/models");
    if !dir.is_dir() {
        eprintln!("SKIP: {} is absent", dir.display());
        return;
    }
    for f in json_files(&dir) {
        round_trips(&f);
    }
}
