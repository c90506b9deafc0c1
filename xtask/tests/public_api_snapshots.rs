//! Snapshots of the runtime crates' public API (issue 10, item 6): every public path of
//! crates/rt, crates/client-rt and crates/server-rt, one `kind path` line each, in
//! `tests/public-api/<package>.txt`. A change to the runtime's API shows up as a diff in review.
//! Items re-exported from other crates are listed as `use` lines (their own API is theirs).
//!
//! `UPDATE_SNAPSHOTS=1 cargo test -p xtask --test public_api_snapshots` accepts a change.

use std::fs;
use std::path::Path;

use xtask::public_api::list_alone;

/// `(folder under crates/, package name)`.
const RUNTIME: &[(&str, &str)] = &[
    ("rt", "ingot-rt"),
    ("client-rt", "ingot-client-rt"),
    ("server-rt", "ingot-server-rt"),
];

#[test]
fn runtime_public_api_matches_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for (dir, package) in RUNTIME {
        let items = list_alone(&root.join("crates").join(dir).join("src/lib.rs"))
            .unwrap_or_else(|e| panic!("{package}: {e}"));
        assert!(!items.is_empty(), "{package}: no public items listed");
        let text: String = items.iter().map(|i| format!("{i}\n")).collect();
        let path = root.join("tests/public-api").join(format!("{package}.txt"));
        let expected = fs::read_to_string(&path).unwrap_or_default();
        if expected == text {
            continue;
        }
        if update {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, &text).unwrap();
            continue;
        }
        failures.push(
            similar::TextDiff::from_lines(&expected, &text)
                .unified_diff()
                .context_radius(2)
                .header(&format!("{} (snapshot)", path.display()), "current source")
                .to_string(),
        );
    }
    assert!(
        failures.is_empty(),
        "the runtime's public API changed; review the diff and accept it with \
         UPDATE_SNAPSHOTS=1 cargo test -p xtask --test public_api_snapshots:\n{}",
        failures.join("\n")
    );
}
