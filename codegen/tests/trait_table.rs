//! One truth about traits: the README's "Traits" table, the table in `codegen/src/support.rs`
//! that drives the warnings, and the traits defined in the official prelude and `aws.*` trait
//! files (`../shared/reference/smithy/traits/`, skipped with a notice when absent) must agree.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use ingot_codegen::model::{self, SourceFile};
use ingot_codegen::support::{self, Support};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

/// The README's table: the lines of the first table after the `## Traits` heading.
fn readme_table() -> String {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme
        .split_once("\n## Traits\n")
        .expect("README.md has a `## Traits` section")
        .1;
    let mut lines = section
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .collect::<Vec<_>>()
        .join("\n");
    lines.push('\n');
    lines
}

#[test]
fn readme_table_is_the_code_table() {
    let want = support::markdown_table();
    assert!(
        readme_table() == want,
        "README.md's trait table differs from codegen/src/support.rs; replace it with:\n\n{want}"
    );
}

#[test]
fn readme_names_the_ignored_namespaces() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    for (namespace, _) in support::IGNORED_NAMESPACES {
        assert!(
            readme.contains(&format!("`{namespace}`")),
            "README.md does not say that `{namespace}` traits are ignored"
        );
    }
}

#[test]
fn table_rows_are_unique_and_explained() {
    let mut seen = BTreeSet::new();
    for t in support::TRAITS {
        assert!(seen.insert(t.id), "`{}` is listed twice", t.id);
        assert!(!t.note.is_empty(), "`{}` has no note", t.id);
        assert!(
            !t.note.contains('|'),
            "`{}`: `|` would break the table",
            t.id
        );
        assert!(
            t.id.starts_with("smithy.api#") || t.id.starts_with("aws."),
            "`{}` is outside the namespaces the table covers",
            t.id
        );
    }
    // The traits this branch implements, as the issue lists them, are marked so.
    for id in [
        "smithy.api#enum",
        "smithy.api#requestCompression",
        "aws.protocols#awsQueryCompatible",
        "aws.protocols#awsQueryError",
        "smithy.api#retryable",
        "smithy.api#idempotencyToken",
    ] {
        assert_eq!(
            support::lookup(id).map(|t| t.support),
            Some(Support::Implemented),
            "{id}"
        );
    }
    assert_eq!(
        support::lookup("smithy.api#streaming").map(|t| t.support),
        Some(Support::Warned)
    );
}

#[test]
fn code_table_lists_every_defined_trait() {
    let dir = root().join("../shared/reference/smithy/traits");
    if !dir.exists() {
        eprintln!(
            "SKIP: {} not found; the trait table is not compared with the official definitions",
            dir.display()
        );
        return;
    }
    let files: Vec<SourceFile> = ["prelude", "aws.api", "aws.auth", "aws.protocols"]
        .iter()
        .map(|name| {
            let path = dir.join(format!("{name}.smithy"));
            SourceFile {
                name: path.display().to_string(),
                text: fs::read_to_string(&path).unwrap(),
            }
        })
        .collect();
    let model = model::parse_files(&files).unwrap_or_else(|d| panic!("{d}"));
    let defined: BTreeSet<String> = model
        .shapes
        .values()
        .filter(|s| s.traits.raw.contains_key("smithy.api#trait"))
        .map(|s| s.id.to_string())
        .collect();
    let listed: BTreeSet<String> = support::TRAITS.iter().map(|t| t.id.to_owned()).collect();
    let missing: Vec<&String> = defined.difference(&listed).collect();
    let extra: Vec<&String> = listed.difference(&defined).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "traits defined but not in the table: {missing:?}\ntraits in the table but not defined: {extra:?}"
    );
}
