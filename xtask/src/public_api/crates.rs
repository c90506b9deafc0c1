//! The [`Crates`] map of a cargo project from `cargo metadata`: every package's library root and
//! the names its dependencies go by in its source (renames included).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::listing::{CrateSrc, Crates};

/// The resolved dependency graph of the project whose manifest is `manifest`; returns the map
/// and the package-id key of every package by name (the first one when versions differ).
pub fn from_metadata(
    cargo: &str,
    manifest: &Path,
) -> Result<(Crates, HashMap<String, String>), String> {
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(manifest)
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata --manifest-path {} failed:\n{}",
            manifest.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let json: Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("cargo metadata output: {e}"))?;
    parse(&json)
}

fn parse(json: &Value) -> Result<(Crates, HashMap<String, String>), String> {
    let mut crates = Crates::default();
    let mut by_name = HashMap::new();
    let packages = json["packages"]
        .as_array()
        .ok_or("cargo metadata: no packages")?;
    for package in packages {
        let (Some(id), Some(name)) = (package["id"].as_str(), package["name"].as_str()) else {
            continue;
        };
        let lib = package["targets"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|t| {
                t["kind"].as_array().is_some_and(|kinds| {
                    kinds
                        .iter()
                        .any(|k| matches!(k.as_str(), Some("lib" | "rlib")))
                })
            });
        let Some(root) = lib.and_then(|t| t["src_path"].as_str()) else {
            continue;
        };
        by_name
            .entry(name.to_owned())
            .or_insert_with(|| id.to_owned());
        crates.crates.insert(
            id.to_owned(),
            CrateSrc {
                root: PathBuf::from(root),
                deps: HashMap::new(),
            },
        );
    }
    for node in json["resolve"]["nodes"].as_array().into_iter().flatten() {
        let Some(id) = node["id"].as_str() else {
            continue;
        };
        let deps: HashMap<String, String> = node["deps"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|d| {
                Some((
                    d["name"].as_str()?.to_owned(),
                    d["pkg"].as_str()?.to_owned(),
                ))
            })
            .filter(|(_, pkg)| crates.crates.contains_key(pkg))
            .collect();
        if let Some(src) = crates.crates.get_mut(id) {
            src.deps = deps;
        }
    }
    Ok((crates, by_name))
}
