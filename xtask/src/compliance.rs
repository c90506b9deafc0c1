//! `cargo xtask compliance`: the official Smithy protocol compliance suites of awsJson 1.0 and
//! 1.1 (`../shared/reference/smithy/protocol-tests/`), generated into `target/compliance/` and
//! run, with a pass count per protocol and side.
//!
//! Each protocol folder is one model (with `shared-types.smithy`, `aws-config.smithy` and the
//! trait definitions); every service of it gives its types, client and server crates and a
//! `<service>-protocol-tests` crate. All of them form one cargo workspace built into the main
//! `target/` with the main `Cargo.lock`, so the dependencies the workspace already built are
//! reused. The generated code is not checked in: it is a test artifact of the reference suite,
//! rebuilt by every run, and would only add review noise to `generated/`.
//!
//! `tests/compliance/expected-failures.txt` lists the cases known to fail, each with a reason;
//! the run fails when a case fails that is not listed, and when a listed case passes (so the
//! list only shrinks) or no longer exists.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;

use ingot_codegen::emit::EmitOptions;
use ingot_codegen::ir::Settings;
use ingot_codegen::model::ShapeKind;

use crate::gen::read_sources;

/// The protocol folders of the suite.
const PROTOCOLS: &[&str] = &["awsJson1_0", "awsJson1_1"];

/// The Smithy reference folder (suite and trait definitions), relative to the workspace root;
/// model files are named relative to it, so generated headers do not depend on the checkout.
const REFERENCE: &str = "../shared/reference/smithy";

/// The list of known failures, relative to the workspace root.
pub const EXPECTED_FAILURES: &str = "tests/compliance/expected-failures.txt";

/// One generated test: which case, on which side.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct CaseKey {
    protocol: String,
    side: String,
    id: String,
}

/// Generates, builds and runs the suites; `Ok` carries the report.
pub fn run(root: &Path, cargo: &str) -> Result<String, String> {
    let suite = root.join(REFERENCE).join("protocol-tests");
    if !suite.is_dir() {
        return Ok(format!(
            "SKIP: {} not found; protocol compliance tests not run",
            suite.display()
        ));
    }
    let out = root.join("target/compliance");
    let cases = generate(root, &suite, &out)?;
    let results = run_tests(root, &out, cargo, &cases)?;
    let expected = read_expected_failures(&root.join(EXPECTED_FAILURES))?;
    judge(&cases, &results, &expected)
}

/// Generates every service of every protocol folder into `out`; returns each test's case by
/// (test crate, test function).
fn generate(
    root: &Path,
    suite: &Path,
    out: &Path,
) -> Result<BTreeMap<(String, String), CaseKey>, String> {
    let runtime = fs::canonicalize(root.join("crates")).map_err(|e| format!("crates/: {e}"))?;
    let opts = EmitOptions {
        runtime_dir: runtime.display().to_string(),
        command: "cargo xtask compliance".to_owned(),
    };
    let traits = root.join(REFERENCE).join("traits");
    let mut crates = Vec::new();
    for protocol in PROTOCOLS {
        let mut paths = vec![
            suite.join("shared-types.smithy"),
            suite.join("aws-config.smithy"),
            suite.join(protocol),
        ];
        if traits.is_dir() {
            paths.push(traits.clone());
        }
        let mut files = read_sources(&paths)?;
        let reference = root.join(REFERENCE);
        for file in &mut files {
            if let Ok(relative) = Path::new(&file.name).strip_prefix(&reference) {
                file.name = relative.display().to_string();
            }
        }
        let model = ingot_codegen::model::parse_files(&files).map_err(|d| d.to_string())?;
        let services: Vec<String> = model
            .shapes
            .values()
            .filter(|s| matches!(s.kind, ShapeKind::Service(_)))
            .map(|s| s.id.as_str().to_owned())
            .collect();
        for service in services {
            let settings = Settings {
                service: Some(service.clone()),
                ..Settings::default()
            };
            let generated = ingot_codegen::generate_with_protocol_tests(&files, &settings, &opts)
                .map_err(|d| format!("{protocol} {service}:\n{d}"))?;
            crates.extend(generated.crates);
        }
    }
    crate::gen::write_workspace(out, &crates)?;
    // The main lock file pins the versions the main workspace built, so its artifacts are reused.
    let lock =
        fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    crate::gen::write_if_changed(&out.join("Cargo.lock"), &lock)?;
    let mut cases = BTreeMap::new();
    for krate in &crates {
        let Some(tsv) = krate.files.iter().find(|f| f.path == "cases.tsv") else {
            continue;
        };
        for line in tsv.contents.lines().filter(|l| !l.starts_with('#')) {
            if let [test, protocol, side, id] = line.split('\t').collect::<Vec<_>>()[..] {
                let key = CaseKey {
                    protocol: protocol.to_owned(),
                    side: side.to_owned(),
                    id: id.to_owned(),
                };
                cases.insert((krate.name.replace('-', "_"), test.to_owned()), key);
            }
        }
    }
    Ok(cases)
}

/// Builds the workspace once, then runs each test crate; returns whether each test passed.
fn run_tests(
    root: &Path,
    out: &Path,
    cargo: &str,
    cases: &BTreeMap<(String, String), CaseKey>,
) -> Result<BTreeMap<CaseKey, bool>, String> {
    let crates: BTreeSet<&str> = cases.keys().map(|(krate, _)| krate.as_str()).collect();
    let cargo_test = |extra: &[&str]| {
        let mut cmd = Command::new(cargo);
        cmd.args(["test", "--manifest-path"])
            .arg(out.join("Cargo.toml"))
            .arg("--target-dir")
            .arg(root.join("target"))
            .args(extra)
            .env("RUST_BACKTRACE", "0");
        cmd
    };
    let mut build = cargo_test(&["--workspace", "--lib", "--no-run"]);
    let status = build
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("the generated compliance crates in target/compliance do not build".into());
    }
    let mut results = BTreeMap::new();
    for krate in crates {
        let package = krate.replace('_', "-");
        let output = cargo_test(&["-p", &package, "--lib", "--", "--color", "never"])
            .stderr(std::process::Stdio::null())
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        for line in stdout.lines() {
            let Some((name, outcome)) = line
                .strip_prefix("test ")
                .and_then(|rest| rest.split_once(" ... "))
            else {
                continue;
            };
            let name = name.trim_start_matches("protocol::");
            if let Some(key) = cases.get(&(krate.to_owned(), name.to_owned())) {
                results.insert(key.clone(), outcome.trim() == "ok");
            }
        }
    }
    if results.len() != cases.len() {
        let missing: Vec<String> = cases
            .values()
            .filter(|k| !results.contains_key(*k))
            .map(|k| format!("{} {} {}", k.protocol, k.side, k.id))
            .collect();
        return Err(format!(
            "{} of {} compliance tests did not run; first: {}",
            missing.len(),
            cases.len(),
            missing.first().cloned().unwrap_or_default()
        ));
    }
    Ok(results)
}

/// `protocol side case-id reason...` per line; `#` starts a comment.
fn read_expected_failures(path: &Path) -> Result<BTreeMap<CaseKey, String>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut list = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = line.splitn(4, char::is_whitespace);
        let (Some(protocol), Some(side), Some(id), Some(reason)) =
            (words.next(), words.next(), words.next(), words.next())
        else {
            return Err(format!(
                "{}:{}: expected `<protocol> <side> <case id> <reason>`",
                path.display(),
                n + 1
            ));
        };
        let key = CaseKey {
            protocol: protocol.to_owned(),
            side: side.to_owned(),
            id: id.to_owned(),
        };
        list.insert(key, reason.trim().to_owned());
    }
    Ok(list)
}

/// Pass counts per protocol and side; an error naming every surprise.
fn judge(
    cases: &BTreeMap<(String, String), CaseKey>,
    results: &BTreeMap<CaseKey, bool>,
    expected: &BTreeMap<CaseKey, String>,
) -> Result<String, String> {
    let mut counts: BTreeMap<(String, String), (usize, usize, usize)> = BTreeMap::new();
    let mut problems = Vec::new();
    for (key, passed) in results {
        let c = counts
            .entry((key.protocol.clone(), key.side.clone()))
            .or_default();
        c.1 += 1;
        let listed = expected.contains_key(key);
        match (passed, listed) {
            (true, false) => c.0 += 1,
            (true, true) => problems.push(format!(
                "now passes, remove it from {EXPECTED_FAILURES}: {} {} {}",
                key.protocol, key.side, key.id
            )),
            (false, true) => c.2 += 1,
            (false, false) => {
                problems.push(format!("fails: {} {} {}", key.protocol, key.side, key.id))
            }
        }
    }
    let known: BTreeSet<&CaseKey> = cases.values().collect();
    for key in expected.keys().filter(|k| !known.contains(k)) {
        problems.push(format!(
            "listed in {EXPECTED_FAILURES} but no such case: {} {} {}",
            key.protocol, key.side, key.id
        ));
    }
    let mut report = String::from("protocol compliance (passed/cases, expected failures):\n");
    let (mut passed, mut total) = (0, 0);
    for ((protocol, side), (p, t, x)) in &counts {
        let _ = writeln!(
            report,
            "  {protocol} {side:<16} {p}/{t} ({x} expected to fail)"
        );
        passed += p;
        total += t;
    }
    let _ = write!(
        report,
        "  total {passed}/{total}, {} listed in {EXPECTED_FAILURES}",
        expected.len()
    );
    if problems.is_empty() {
        Ok(report)
    } else {
        Err(format!("{report}\nFAILED:\n  {}", problems.join("\n  ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(id: &str) -> CaseKey {
        CaseKey {
            protocol: "awsJson1_0".into(),
            side: "client-request".into(),
            id: id.into(),
        }
    }

    fn cases(ids: &[&str]) -> BTreeMap<(String, String), CaseKey> {
        ids.iter()
            .map(|id| (("c".to_owned(), id.to_string()), key(id)))
            .collect()
    }

    #[test]
    fn listed_failures_pass_the_run_and_are_counted() {
        let results = BTreeMap::from([(key("A"), true), (key("B"), false)]);
        let expected = BTreeMap::from([(key("B"), "a reason".to_owned())]);
        let report = judge(&cases(&["A", "B"]), &results, &expected).expect("passes");
        assert!(
            report.contains("awsJson1_0 client-request   1/2 (1 expected to fail)"),
            "{report}"
        );
    }

    #[test]
    fn unlisted_failures_listed_passes_and_stale_entries_fail_the_run() {
        let results = BTreeMap::from([(key("A"), false), (key("B"), true)]);
        let expected = BTreeMap::from([
            (key("B"), "a reason".to_owned()),
            (key("Gone"), "a reason".to_owned()),
        ]);
        let err = judge(&cases(&["A", "B"]), &results, &expected).expect_err("fails");
        assert!(err.contains("fails: awsJson1_0 client-request A"), "{err}");
        assert!(err.contains("now passes, remove it from"), "{err}");
        assert!(
            err.contains("but no such case: awsJson1_0 client-request Gone"),
            "{err}"
        );
    }

    #[test]
    fn every_entry_needs_a_reason() {
        let dir = std::env::temp_dir().join(format!("ingot-expected-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("list.txt");
        fs::write(&path, "# comment\nawsJson1_0 client-request A\n").expect("write");
        let err = read_expected_failures(&path).expect_err("no reason");
        assert!(
            err.ends_with(":2: expected `<protocol> <side> <case id> <reason>`"),
            "{err}"
        );
        fs::write(&path, "awsJson1_0 client-request A needs a feature\n").expect("write");
        let list = read_expected_failures(&path).expect("reads");
        assert_eq!(
            list.get(&key("A")).map(String::as_str),
            Some("needs a feature")
        );
        let _ = fs::remove_dir_all(&dir);
    }

    /// The checked-in list stays within the budget: at most 5% of the 341 tests.
    #[test]
    fn the_checked_in_list_is_small_and_explained() {
        let root = crate::gen::workspace_root();
        let list = read_expected_failures(&root.join(EXPECTED_FAILURES)).expect("the list reads");
        assert!(list.len() * 20 <= 341, "{} entries", list.len());
        assert!(list.values().all(|reason| reason.len() > 20));
    }
}
