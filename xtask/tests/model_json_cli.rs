//! `cargo xtask model-json`: IDL and JSON AST of the kitchen sink print the same text; a folder
//! loads every model file in it (here the JSON and the IDL kitchen sink together, which clash).

use std::process::Command;

fn model_json(args: &[&str]) -> (bool, String, String) {
    let root = xtask::gen::workspace_root();
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("model-json")
        .args(args)
        .current_dir(&root)
        .output()
        .expect("run xtask");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn idl_and_json_print_the_same_model_json() {
    let (ok_idl, idl, err) = model_json(&[
        "codegen/tests/fixtures/kitchen-sink.smithy",
        "codegen/tests/fixtures/kitchen-sink-widget.smithy",
    ]);
    assert!(ok_idl, "{err}");
    let (ok_json, json, err) = model_json(&["codegen/tests/fixtures/kitchen-sink.json"]);
    assert!(ok_json, "{err}");
    assert_eq!(idl, json);
    assert!(json.starts_with(
        "{\n  \"smithy\": \"2.0\",\n  \"shapes\": {\n    \"example.kitchen#BadThing\""
    ));
}

#[test]
fn a_folder_loads_every_model_file_in_it() {
    let (ok, _, err) = model_json(&["codegen/tests/fixtures"]);
    assert!(!ok);
    assert!(
        err.contains("error: duplicate shape id\n  --> codegen/tests/fixtures/kitchen-sink.smithy:21:10, shape `example.kitchen#Pantry`\n  = help: it is also defined at codegen/tests/fixtures/kitchen-sink.json;"),
        "{err}"
    );
}
