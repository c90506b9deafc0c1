//! `cargo xtask gen` prints warnings (file, shape, member) and succeeds; errors still fail it.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

/// Writes a one-operation model whose operation carries `op_traits`, and runs
/// `cargo xtask gen --model .. --out ..` on it: `(success, stdout, stderr)`.
fn gen(name: &str, op_traits: &str) -> (bool, String, String) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    fs::create_dir_all(&dir).unwrap();
    let model = dir.join("model.json");
    fs::write(
        &model,
        format!(
            r#"{{"smithy": "2.0", "shapes": {{
  "ex#Svc": {{"type": "service", "version": "1", "operations": [{{"target": "ex#Op"}}],
             "traits": {{"aws.protocols#awsJson1_0": {{}}, "aws.api#service": {{"sdkId": "Warn Me"}}}}}},
  "ex#Op": {{"type": "operation", "traits": {{{op_traits}}}}}
}}}}"#
        ),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("gen")
        .arg("--model")
        .arg(&model)
        .arg("--out")
        .arg(dir.join("out"))
        .output()
        .expect("run xtask");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).replace(&model.display().to_string(), "MODEL"),
    )
}

#[test]
fn warnings_are_printed_and_do_not_fail() {
    let (ok, stdout, stderr) = gen("warned", r#""smithy.api#httpChecksumRequired": {}"#);
    assert!(ok, "{stderr}");
    assert_eq!(
        stderr,
        "warning: trait `smithy.api#httpChecksumRequired` is not supported, the generated code ignores it: no `Content-MD5` checksum is sent\n  --> MODEL, shape `ex#Op`\n\n\
         warning: the service has no `smithy.rules#endpointRuleSet`; clients use the standard regional pattern `https://<endpointPrefix>.<region>.<partition DNS suffix>`\n  --> MODEL, shape `ex#Svc`\n\n\
         2 warnings found\n"
    );
    assert!(stdout.trim_end().ends_with(", 2 warnings"), "{stdout}");
}

#[test]
fn errors_still_fail() {
    let (ok, _, stderr) = gen("failed", r#""smithy.api#httpError": "teapot""#);
    assert!(!ok);
    assert!(
        stderr.starts_with("error: invalid value for trait `smithy.api#httpError`"),
        "{stderr}"
    );
}
