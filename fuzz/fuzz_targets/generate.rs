//! The whole generator (parse, `@enum` upgrade, index, trait checks, lowering, emission and
//! formatting) on arbitrary bytes read as one JSON AST model: every input must give crates or
//! diagnostics. `generate` turns a panic into an "internal error" diagnostic, so this target
//! fails on that diagnostic too: the guard must not hide a bug. Seed it with
//! `fuzz/seed-generate.sh`; the stable counterpart is codegen/tests/never_panics.rs.
#![no_main]

use ingot_codegen::emit::EmitOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let opts = EmitOptions {
        runtime_dir: "../../crates".into(),
        command: "fuzz".into(),
    };
    if let Err(d) = ingot_codegen::generate("fuzz.json", &text, &Default::default(), &opts) {
        let printed = d.to_string();
        assert!(!printed.contains("internal error"), "{printed}");
    }
});
