//! The public-API lister on a fixture pair of crates (tests/fixtures/public-api): nested and
//! `#[path]` modules, inline modules, re-exports (renamed, glob, of another crate's items and
//! modules), `#[doc(hidden)]`, `pub(crate)`, feature-gated and test-only code, impls, derives.

use std::collections::HashMap;
use std::path::PathBuf;

use xtask::public_api::{list, list_alone, CrateSrc, Crates};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/public-api")
}

fn crates() -> Crates {
    let mut crates = Crates::default();
    crates.crates.insert(
        "main".into(),
        CrateSrc {
            root: fixtures().join("main/src/lib.rs"),
            deps: HashMap::from([("dep".to_string(), "dep".to_string())]),
        },
    );
    crates.crates.insert(
        "dep".into(),
        CrateSrc {
            root: fixtures().join("dep/src/lib.rs"),
            deps: HashMap::new(),
        },
    );
    crates
}

#[test]
fn lists_every_public_path() {
    let (items, notes) = list(&crates(), "main").unwrap();
    let text: Vec<String> = items.iter().map(|i| i.to_string()).collect();
    let expected = [
        "const C",
        "fn dep_inner::f",
        "fn extra::gated",
        "fn free",
        "impl Alias: Display",
        "impl Derived: Clone",
        "impl Derived: Debug",
        "impl Exported: Display",
        "impl Exported: T",
        "impl Renamed: Display",
        "impl Renamed: T",
        "impl Alias: T",
        "macro mac",
        "method Alias::new",
        "method DepThing::go",
        "method Exported::new",
        "method Renamed::new",
        "method Thing::go",
        "method a::InA::from_b",
        "mod a",
        "mod a::b",
        "mod dep_inner",
        "mod extra",
        "mod inline",
        "mod inline::deeper",
        "mod inner",
        "mod pathed",
        "field Derived::field",
        "method T::m",
        "const T::K",
        "trait T",
        "type Alias",
        "type DepThing",
        "type Derived",
        "type Exported",
        "type G",
        "type Renamed",
        "type Thing",
        "type a::InA",
        "type a::b::InB",
        "type inline::E",
        "type inline::deeper::Deep",
        "type pathed::FromPath",
        "use HashMap = std::collections::HashMap",
        "variant inline::E::A",
        "variant inline::E::C",
        "fn inner::f",
    ];
    let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    expected.sort();
    let mut got = text.clone();
    got.sort();
    assert_eq!(got, expected, "\ngot:\n{}", text.join("\n"));
    assert!(notes.is_empty(), "{notes:?}");
}

#[test]
fn a_crate_alone_lists_other_crates_items_as_uses() {
    let items = list_alone(&fixtures().join("main/src/lib.rs")).unwrap();
    let text: Vec<String> = items.iter().map(|i| i.to_string()).collect();
    for reexport in [
        "use DepThing = dep::Thing",
        "use dep_inner = dep::inner",
        "use * = dep::*",
    ] {
        assert!(text.contains(&reexport.to_string()), "{reexport}: {text:?}");
    }
    assert!(
        !text.iter().any(|t| t.contains("go")),
        "nothing of dep is followed: {text:?}"
    );
}

#[test]
fn a_missing_module_file_is_an_error_alone_and_a_note_in_a_map() {
    let dir = std::env::temp_dir().join(format!("ingot-lister-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("lib.rs"), "pub mod gone;\npub struct Here;\n").unwrap();
    let err = list_alone(&dir.join("lib.rs")).unwrap_err();
    assert!(err.contains("gone.rs"), "{err}");
    std::fs::write(dir.join("lib.rs"), "pub fn broken( {\n").unwrap();
    assert!(
        list_alone(&dir.join("lib.rs")).is_err(),
        "a syntax error is an error"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
