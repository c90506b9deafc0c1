//! The Smithy IDL front end on arbitrary text: loading one `.smithy` file (and printing the model
//! as model-json when it loads) must never panic. The stable counterpart is
//! codegen/tests/idl_never_panics.rs.
#![no_main]

use ingot_codegen::model::{self, SourceFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let files = [SourceFile {
        name: "fuzz.smithy".into(),
        text: String::from_utf8_lossy(data).into_owned(),
    }];
    if let Ok(m) = model::parse_files(&files) {
        // Only the absence of a panic matters.
        let _ = model::to_json_string(&m);
    }
});
