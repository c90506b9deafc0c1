//! `cargo xtask sdk-compat`: evidence that the generated clients drop in for the official AWS
//! SDK crates (issue 10).
//!
//! 1. `cargo fmt --check` and `cargo check` of `tests/sdk-compat/official` (the snippets are
//!    real SDK code);
//! 2. `cargo check` of `tests/sdk-compat/ingot` (the same source against the crates generated
//!    from the full models into `target/full-models`);
//! 3. both builds' runner against moto, outputs diffed;
//! 4. the public items of `aws-sdk-cognitoidentityprovider` and `aws-sdk-dynamodb` that the
//!    generated clients lack, minus `tests/sdk-compat/api-allowlist.txt`.
//!
//! The Ingot-side crate names and paths are read from `tests/sdk-compat/ingot/Cargo.toml` only.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::public_api::{self, allowlist, Item};

mod skew;

/// The service crates, by the name the programs use (the official crate's name).
pub const SERVICES: &[&str] = &["aws-sdk-cognitoidentityprovider", "aws-sdk-dynamodb"];
/// The official crates the API comparison lists, each with the `target/full-models` folder (and
/// so the model, see `moto::MODELS`) of ours.
const COMPARED: &[(&str, &str)] = &[
    ("aws-sdk-cognitoidentityprovider", "cognito"),
    ("aws-sdk-dynamodb", "dynamodb"),
];

const DIR: &str = "tests/sdk-compat";
const ALLOWLIST: &str = "tests/sdk-compat/api-allowlist.txt";
/// The workspace's target dir for both builds, like `tests/full-models`: the official SDK crate,
/// tokio, hyper and the Ingot runtime are already built there by the earlier steps of
/// `cargo xtask test`.
const TARGET: &str = "target";
/// Where the runners' outputs and the API lists go.
const OUT: &str = "target/sdk-compat";

const USAGE: &str = "usage: cargo xtask sdk-compat [--step check-official|check-ingot|run|api]... [--ours SDK-CRATE=DIR]...
  --step  run only these steps (default: all, in order)
  --ours  compare the official SDK-CRATE with the client crate in DIR instead of the one
          tests/sdk-compat/ingot/Cargo.toml names (e.g. --ours aws-sdk-dynamodb=target/x/dynamodb-client)";

/// A service crate as `tests/sdk-compat/ingot/Cargo.toml` renames it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    /// The dependency name the programs use: the official crate's name.
    pub name: String,
    /// The generated crate's package name.
    pub package: String,
    /// Its folder, relative to the manifest's folder.
    pub path: String,
}

/// The dependency lines of the two manifests differ exactly in the service crates: the official
/// manifest names them by version, the Ingot one by `package =` and `path =`. Every other line
/// is identical. Returns the renames.
pub fn check_manifests(official: &str, ingot: &str) -> Result<Vec<Rename>, String> {
    let a: Vec<&str> = official.lines().collect();
    let b: Vec<&str> = ingot.lines().collect();
    if a.len() != b.len() {
        return Err(format!(
            "the manifests have {} and {} lines; they may differ only in the lines of {}",
            a.len(),
            b.len(),
            SERVICES.join(", ")
        ));
    }
    let mut renames = Vec::new();
    for (i, (x, y)) in a.iter().zip(&b).enumerate() {
        if x == y {
            if SERVICES.iter().any(|s| dep_name(x) == Some(s)) {
                return Err(format!(
                    "line {}: `{x}` is the same in both manifests",
                    i + 1
                ));
            }
            continue;
        }
        let (Some(nx), Some(ny)) = (dep_name(x), dep_name(y)) else {
            return Err(format!("line {} differs and is not a service dependency:\n  official: {x}\n  ingot:    {y}", i + 1));
        };
        if nx != ny || !SERVICES.contains(&nx) {
            return Err(format!(
                "line {} renames `{nx}`/`{ny}`, not one of {}",
                i + 1,
                SERVICES.join(", ")
            ));
        }
        let package = string_key(y, "package")
            .ok_or_else(|| format!("line {}: the Ingot line has no `package = \"..\"`", i + 1))?;
        let path = string_key(y, "path")
            .ok_or_else(|| format!("line {}: the Ingot line has no `path = \"..\"`", i + 1))?;
        renames.push(Rename {
            name: nx.to_owned(),
            package,
            path,
        });
    }
    for service in SERVICES {
        if !renames.iter().any(|r| r.name == *service) {
            return Err(format!("the Ingot manifest does not rename `{service}`"));
        }
    }
    Ok(renames)
}

/// `name` of a `name = ...` dependency line.
fn dep_name(line: &str) -> Option<&str> {
    let (name, _) = line.split_once('=')?;
    let name = name.trim();
    (!name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    .then_some(name)
}

/// The string value of `key = "value"` inside an inline table line.
fn string_key(line: &str, key: &str) -> Option<String> {
    let (_, table) = line.split_once('{')?;
    table.split(',').find_map(|part| {
        let (k, v) = part.split_once('=')?;
        (k.trim() == key).then(|| {
            v.trim()
                .trim_end_matches('}')
                .trim()
                .trim_matches('"')
                .to_owned()
        })
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    CheckOfficial,
    CheckIngot,
    Run,
    Api,
}

const ALL: &[Step] = &[Step::CheckOfficial, Step::CheckIngot, Step::Run, Step::Api];

/// `cargo xtask sdk-compat [args]`. `fresh_models`: the full models were just generated (by
/// `cargo xtask test`), so they are not generated again.
pub fn run(root: &Path, args: &[String], fresh_models: bool) -> Result<String, String> {
    let mut steps = Vec::new();
    let mut overrides: Vec<(String, PathBuf)> = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--step" => steps.push(match it.next().map(String::as_str) {
                Some("check-official") => Step::CheckOfficial,
                Some("check-ingot") => Step::CheckIngot,
                Some("run") => Step::Run,
                Some("api") => Step::Api,
                _ => return Err(USAGE.into()),
            }),
            "--ours" => {
                let (name, dir) = it.next().and_then(|v| v.split_once('=')).ok_or(USAGE)?;
                overrides.push((name.to_owned(), PathBuf::from(dir)));
            }
            _ => return Err(format!("unknown argument `{arg}`\n{USAGE}")),
        }
    }
    if steps.is_empty() {
        steps = ALL.to_vec();
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let official = root.join(DIR).join("official/Cargo.toml");
    let ingot = root.join(DIR).join("ingot/Cargo.toml");
    let renames = check_manifests(&read(&official)?, &read(&ingot)?)?;
    println!(
        "ok: the two manifests differ only in the `package =` renames of {}",
        SERVICES.join(", ")
    );
    let needs_models = steps.iter().any(|s| *s != Step::CheckOfficial);
    if needs_models {
        let ready = if fresh_models {
            root.join(crate::moto::MODELS_DIR).exists()
        } else {
            crate::moto::generate_full_models(root)?
        };
        if !ready {
            return Ok(format!(
                "SKIP: sdk-compat needs the full models in {}",
                crate::moto::MODELS_DIR
            ));
        }
    }
    for step in steps {
        let started = Instant::now();
        match step {
            Step::CheckOfficial => {
                // The programs are outside the main workspace, so its `cargo fmt` misses them.
                cargo_in(root, &cargo, &official, &["fmt", "--check"])?;
                cargo_in(root, &cargo, &official, &["check", "--locked"])?
            }
            Step::CheckIngot => {
                generated_crates_exist(&ingot, &renames)?;
                cargo_in(root, &cargo, &ingot, &["check"])?
            }
            Step::Run => run_both(root, &cargo, &official, &ingot)?,
            Step::Api => {
                let mut services = Vec::new();
                for (name, dir) in COMPARED {
                    let ours = match overrides.iter().find(|(n, _)| n == name) {
                        Some((_, dir)) => dir.join("Cargo.toml"),
                        None => {
                            let rename = renames
                                .iter()
                                .find(|r| r.name == *name)
                                .ok_or_else(|| format!("no rename of {name}"))?;
                            let base = ingot.parent().unwrap_or(root);
                            base.join(&rename.path).join("Cargo.toml")
                        }
                    };
                    services.push(Compared {
                        sdk: name,
                        models_dir: dir,
                        ours,
                    });
                }
                api(root, &cargo, &official, &services)?
            }
        }
        println!("   ({step:?}: {:.1}s)", started.elapsed().as_secs_f64());
    }
    Ok("sdk-compat: all steps passed".into())
}

/// Each renamed crate's folder exists; otherwise says which crates the generator did make, so a
/// crate-name change shows up as such and not as a cargo error.
fn generated_crates_exist(ingot: &Path, renames: &[Rename]) -> Result<(), String> {
    let base = ingot.parent().unwrap_or(Path::new("."));
    for rename in renames {
        let dir = base.join(&rename.path);
        if dir.join("Cargo.toml").is_file() {
            continue;
        }
        let parent = dir.parent().unwrap_or(base);
        let mut made: Vec<String> = fs::read_dir(parent)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().join("Cargo.toml").is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        made.sort();
        return Err(format!(
            "FAILED: {} names `{}` at {}, which does not exist; the generator made [{}] there \
             (crate names come from `crate_base` in codegen/src/ir/naming.rs)",
            ingot.display(),
            rename.package,
            dir.display(),
            made.join(", ")
        ));
    }
    Ok(())
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn cargo_in(root: &Path, cargo: &str, manifest: &Path, args: &[&str]) -> Result<(), String> {
    println!(
        "== cargo {} --manifest-path {}",
        args.join(" "),
        manifest.display()
    );
    let status = Command::new(cargo)
        .args(args)
        .arg("--manifest-path")
        .arg(manifest)
        .env("CARGO_TARGET_DIR", root.join(TARGET))
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "FAILED: cargo {} --manifest-path {}",
            args.join(" "),
            manifest.display()
        ))
    }
}

/// Builds and runs each variant's runner against its own fresh moto, then diffs the outputs.
fn run_both(root: &Path, cargo: &str, official: &Path, ingot: &Path) -> Result<(), String> {
    let python = crate::venv::ensure(root)?;
    let mut outputs = Vec::new();
    for (label, manifest) in [("official", official), ("ingot", ingot)] {
        cargo_in(root, cargo, manifest, &["build", "--bin", "sdk-compat-run"])?;
        // Both builds put the binary at the same place; run it before the next build replaces it.
        let binary = root.join(TARGET).join("debug/sdk-compat-run");
        let moto = crate::moto::Moto::start(&python)?;
        let output = Command::new(&binary)
            .args(["--endpoint-url", &moto.endpoint])
            .output()
            .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
        drop(moto);
        let text = String::from_utf8_lossy(&output.stdout).into_owned();
        let out_dir = root.join(OUT);
        fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
        let saved = out_dir.join(format!("run-{label}.txt"));
        fs::write(&saved, &text).map_err(|e| format!("{}: {e}", saved.display()))?;
        if !output.status.success() {
            return Err(format!(
                "FAILED: the {label} runner exited with {}:\n{}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        println!(
            "   {label}: {} lines ({})",
            text.lines().count(),
            saved.display()
        );
        outputs.push(text);
    }
    same_output(&outputs[0], &outputs[1])
}

/// Both runners' output, line for line; a difference fails with a unified diff.
fn same_output(official: &str, ingot: &str) -> Result<(), String> {
    if official == ingot {
        return Ok(());
    }
    let diff = similar::TextDiff::from_lines(official, ingot);
    Err(format!(
        "FAILED: the runners print different results:\n{}",
        diff.unified_diff().header("official", "ingot")
    ))
}

/// One official crate and the client crate compared with it.
struct Compared<'a> {
    sdk: &'a str,
    /// Its folder under `target/full-models` (names the model in `moto::MODELS`).
    models_dir: &'a str,
    /// Our client crate's manifest.
    ours: PathBuf,
}

/// Lists each official crate's public items that ours lacks, minus the shared allow-list; an
/// allow-list entry that matches nothing in any crate fails too.
fn api(root: &Path, cargo: &str, official: &Path, services: &[Compared]) -> Result<(), String> {
    let (sdk_crates, sdk_names) = public_api::crates::from_metadata(cargo, official)?;
    let allow = allowlist::parse(&read(&root.join(ALLOWLIST))?)?;
    let mut used = vec![false; allow.len()];
    let out_dir = root.join(OUT);
    fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let mut failures = Vec::new();
    for service in services {
        let name = service.sdk;
        let sdk_key = sdk_names
            .get(name)
            .ok_or_else(|| format!("{name} is not a dependency of {}", official.display()))?;
        // The two listings parse a few hundred thousand lines each: one thread each.
        let (sdk_listed, ours_listed) = std::thread::scope(|scope| {
            let ours = scope.spawn(|| list_ours(cargo, &service.ours));
            (public_api::list(&sdk_crates, sdk_key), ours.join())
        });
        let (sdk, sdk_notes) = sdk_listed?;
        let (ours, our_notes) = ours_listed.map_err(|_| "the lister panicked".to_string())??;
        for note in sdk_notes.iter().chain(&our_notes) {
            println!("   note: {note}");
        }
        let model = crate::moto::MODELS
            .iter()
            .find(|(_, dir)| *dir == service.models_dir)
            .map(|(file, _)| root.join(crate::moto::MODELS_DIR).join(file))
            .ok_or_else(|| format!("no model for {name} in moto::MODELS"))?;
        let (sdk, skew) = skew::without_model_skew(sdk, &model)?;
        let result = public_api::compare(&sdk, &ours, &allow);
        for (u, r) in used.iter_mut().zip(&result.used) {
            *u |= *r;
        }
        let file = |what: &str| out_dir.join(format!("api-{name}-{what}.txt"));
        write_items(&file("sdk"), sdk.iter())?;
        write_items(&file("ours"), ours.iter())?;
        write_items(&file("missing"), result.missing.iter())?;
        write_items(&file("skew"), skew.items.iter())?;
        // Ours cannot have what the model lacks: such an item means the skew filter guessed wrong.
        for item in skew.items.iter().filter(|i| ours.contains(*i)) {
            println!("   note: left out as newer than the model, yet ours has it: {item}");
        }
        println!("== {name} vs {}", service.ours.display());
        if !skew.items.is_empty() {
            println!(
                "   left out: {} SDK items of {} operations, types and members that {} lacks (the SDK release is newer), e.g. {}; list: {}",
                skew.items.len(),
                skew.names.len(),
                model.display(),
                skew.names.iter().take(5).cloned().collect::<Vec<_>>().join(", "),
                file("skew").display()
            );
        }
        println!(
            "   {name}: {} public items; ours: {}; missing: {} ({} allowed, {} not allowed)",
            result.sdk,
            result.ours,
            result.allowed + result.missing.len(),
            result.allowed,
            result.missing.len()
        );
        if !result.missing.is_empty() {
            println!("   largest groups of missing items:");
            for (group, n) in public_api::categories(&result.missing).iter().take(40) {
                println!("   {n:>6}  {group}");
            }
            failures.push(format!(
                "{} public items of {name} are missing and not allowed; list: {}",
                result.missing.len(),
                file("missing").display()
            ));
        }
    }
    let unused: Vec<String> = allow
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(e, _)| format!("line {}: {}  # {}", e.line, e.pattern, e.reason))
        .collect();
    if !unused.is_empty() {
        failures.push(format!(
            "allow-list entries that match nothing missing (delete them):\n  {}",
            unused.join("\n  ")
        ));
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("FAILED: {}", failures.join("\n")))
    }
}

/// The public API of the client crate whose manifest is `manifest`, following its dependencies.
fn list_ours(cargo: &str, manifest: &Path) -> Result<(BTreeSet<Item>, Vec<String>), String> {
    let (crates, _) = public_api::crates::from_metadata(cargo, manifest)?;
    let lib = manifest
        .parent()
        .unwrap_or(Path::new("."))
        .join("src/lib.rs");
    let lib = fs::canonicalize(&lib).map_err(|e| format!("{}: {e}", lib.display()))?;
    let key = crates
        .crates
        .iter()
        .find(|(_, c)| fs::canonicalize(&c.root).ok().as_deref() == Some(lib.as_path()))
        .map(|(k, _)| k.clone())
        .ok_or_else(|| format!("{} is not in its own cargo metadata", lib.display()))?;
    public_api::list(&crates, &key)
}

fn write_items<'a>(path: &Path, items: impl Iterator<Item = &'a Item>) -> Result<(), String> {
    let text: String = items.map(|i| format!("{i}\n")).collect();
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Whether `cargo xtask test` also runs the public-API comparison (not yet clean; see README).
pub fn enabled() -> bool {
    std::env::var("INGOT_SDK_COMPAT").is_ok_and(|v| v == "1")
}

#[cfg(test)]
mod tests {
    use super::*;

    const OFFICIAL: &str = "[dependencies]\naws-sdk-cognitoidentityprovider = { version = \"1\" }\naws-sdk-dynamodb = { version = \"1\" }\ntokio = \"1\"\n";

    fn ingot(extra: &str) -> String {
        format!("[dependencies]\naws-sdk-cognitoidentityprovider = {{ package = \"cip-client\", path = \"../c\" }}\naws-sdk-dynamodb = {{ package = \"ddb-client\", path = \"../d\" }}\ntokio = \"1\"{extra}\n")
    }

    #[test]
    fn renames_are_read_from_the_ingot_manifest() {
        let renames = check_manifests(OFFICIAL, &ingot("")).unwrap();
        assert_eq!(
            renames[0],
            Rename {
                name: "aws-sdk-cognitoidentityprovider".into(),
                package: "cip-client".into(),
                path: "../c".into()
            }
        );
        assert_eq!(renames[1].package, "ddb-client");
    }

    #[test]
    fn any_other_difference_fails() {
        assert!(check_manifests(OFFICIAL, &ingot(" # changed")).is_err());
        assert!(check_manifests(OFFICIAL, &ingot("\nextra = 1")).is_err());
        let same = OFFICIAL.replace(
            "aws-sdk-dynamodb = { version = \"1\" }",
            "aws-sdk-dynamodb = { package = \"x\" }",
        );
        assert!(check_manifests(OFFICIAL, &same).is_err(), "no path");
        assert!(
            check_manifests(OFFICIAL, OFFICIAL).is_err(),
            "nothing renamed"
        );
    }

    #[test]
    fn differing_runner_output_fails_with_a_diff() {
        assert!(same_output("a: 1\nb: 2\n", "a: 1\nb: 2\n").is_ok());
        let err = same_output("a: 1\nb: 2\n", "a: 1\nb: 3\n").unwrap_err();
        assert!(err.contains("-b: 2") && err.contains("+b: 3"), "{err}");
    }

    #[test]
    fn the_checked_in_manifests_differ_only_in_renames() {
        let dir = crate::gen::workspace_root().join(DIR);
        let official = read(&dir.join("official/Cargo.toml")).unwrap();
        let ingot = read(&dir.join("ingot/Cargo.toml")).unwrap();
        let renames = check_manifests(&official, &ingot).unwrap();
        assert_eq!(renames.len(), SERVICES.len());
    }
}
