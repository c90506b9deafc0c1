//! A `syn`-based lister of a crate's public API (paths of modules, types, traits, functions,
//! enum variants, public fields, methods of inherent impls and names of implemented traits),
//! used to compare the generated client with the official SDK (`cargo xtask sdk-compat`) and to
//! keep snapshots of the runtime crates' API (`xtask/tests/public_api_snapshots.rs`).
//!
//! It reads source, not rustdoc JSON, so it runs on stable Rust without building anything. It
//! includes feature-gated items (a feature is part of the API) and skips `#[cfg(test)]` code,
//! `#[doc(hidden)]` items and anything not plainly `pub`.
//!
//! What source reading cannot see, and so is not listed: items a macro expands to (reported as
//! unresolved re-exports when something re-exports them), impls a macro writes, and blanket impls
//! (`impl<T: Bound> Trait for T` names no type); trait impls are listed by the trait's last path
//! segment, without generic arguments.

pub mod allowlist;
pub mod crates;
pub mod listing;
pub mod source;

use std::collections::BTreeSet;
use std::path::Path;

pub use listing::{list, CrateSrc, Crates, Item};

/// The result of comparing the official crate's items with ours.
#[derive(Debug)]
pub struct Comparison {
    pub sdk: usize,
    pub ours: usize,
    /// SDK items we lack that no allow-list entry covers.
    pub missing: Vec<Item>,
    /// SDK items we lack that the allow-list covers.
    pub allowed: usize,
    /// Per allow-list entry: whether it matched a missing item.
    pub used: Vec<bool>,
}

/// `sdk` minus `ours` minus the allow-list.
pub fn compare(
    sdk: &BTreeSet<Item>,
    ours: &BTreeSet<Item>,
    allow: &[allowlist::Entry],
) -> Comparison {
    let mut used = vec![false; allow.len()];
    let mut missing = Vec::new();
    let mut allowed = 0;
    for item in sdk.difference(ours) {
        match allow.iter().position(|e| e.matches(item)) {
            Some(i) => {
                used[i] = true;
                allowed += 1;
            }
            None => missing.push(item.clone()),
        }
    }
    Comparison {
        sdk: sdk.len(),
        ours: ours.len(),
        missing,
        allowed,
        used,
    }
}

/// The public API of the crate rooted at `lib_rs`, following no other crate (re-exports of other
/// crates' items are listed as `use` lines): what a snapshot of one crate needs.
pub fn list_alone(lib_rs: &Path) -> Result<BTreeSet<Item>, String> {
    let mut crates = Crates::default();
    crates.crates.insert(
        "self".into(),
        CrateSrc {
            root: lib_rs.to_path_buf(),
            deps: Default::default(),
        },
    );
    let (items, notes) = list(&crates, "self")?;
    if let Some(note) = notes.iter().find(|n| n.contains("module file not found")) {
        return Err(note.clone());
    }
    Ok(items)
}

/// Items grouped by their shape, largest groups first: operation names become `<op>`/`<Op>`,
/// model types `<T>`, members `<m>` (so `method operation::<op>::<Op>Error::<m>` counts every
/// operation error's methods). A summary of what is missing.
pub fn categories(items: &[Item]) -> Vec<(String, usize)> {
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for item in items {
        *counts.entry(shape(item)).or_default() += 1;
    }
    let mut out: Vec<(String, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

fn shape(item: &Item) -> String {
    let (path, trait_name) = match item.path.split_once(": ") {
        Some((p, t)) => (p, Some(t)),
        None => (item.path.as_str(), None),
    };
    let segments: Vec<&str> = path.split("::").collect();
    let member =
        matches!(item.kind, "method" | "field" | "variant" | "const") && segments.len() > 1;
    let mut op_camel = String::new();
    let mut out = Vec::new();
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        if last && member {
            out.push("<m>".to_owned());
        } else if i == 1
            && segments[0] == "operation"
            && seg.starts_with(|c: char| c.is_ascii_lowercase())
        {
            op_camel = seg.split('_').map(capitalize).collect();
            out.push("<op>".to_owned());
        } else if !op_camel.is_empty() && seg.starts_with(op_camel.as_str()) {
            out.push(format!("<Op>{}", &seg[op_camel.len()..]));
        } else if seg.starts_with(|c: char| c.is_ascii_uppercase())
            && segments[0] != "config"
            && segments[0] != "error"
        {
            out.push(
                if seg.ends_with("Builder") {
                    "<T>Builder"
                } else {
                    "<T>"
                }
                .to_owned(),
            );
        } else {
            out.push((*seg).to_owned());
        }
    }
    let mut text = format!("{} {}", item.kind, out.join("::"));
    if let Some(t) = trait_name {
        text.push_str(": ");
        text.push_str(t);
    }
    text
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(lines: &[(&'static str, &str)]) -> BTreeSet<Item> {
        lines
            .iter()
            .map(|(kind, path)| Item {
                kind,
                path: (*path).into(),
            })
            .collect()
    }

    #[test]
    fn missing_is_sdk_minus_ours_minus_allowed() {
        let sdk = items(&[
            ("type", "Client"),
            ("method", "Client::new"),
            ("method", "config::Builder::interceptor"),
            ("type", "types::Thing"),
        ]);
        let ours = items(&[("type", "Client"), ("method", "Client::extra")]);
        let allow = allowlist::parse("*::interceptor  # hooks\nwaiters*  # none here\n").unwrap();
        let result = compare(&sdk, &ours, &allow);
        assert_eq!((result.sdk, result.ours, result.allowed), (4, 2, 1));
        let missing: Vec<String> = result.missing.iter().map(|i| i.to_string()).collect();
        assert_eq!(missing, ["method Client::new", "type types::Thing"]);
        assert_eq!(result.used, [true, false], "the unused entry is reported");
    }

    #[test]
    fn categories_fold_operations_and_members() {
        let missing: Vec<Item> = items(&[
            ("method", "operation::get_item::GetItemError::meta"),
            ("method", "operation::put_item::PutItemError::code"),
            ("impl", "operation::get_item::GetItemOutput: RequestId"),
        ])
        .into_iter()
        .collect();
        let groups = categories(&missing);
        assert_eq!(
            groups[0],
            ("method operation::<op>::<Op>Error::<m>".to_string(), 2)
        );
        assert_eq!(
            groups[1],
            ("impl operation::<op>::<Op>Output: RequestId".to_string(), 1)
        );
    }
}
