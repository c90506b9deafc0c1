//! boto3 against the built `cognito-idp-local` binary: runs `boto3_client.py` with
//! `$INGOT_PYTHON` (a Python with boto3; `cargo xtask test` provides one).

mod common;

use std::time::Duration;

use common::*;

#[tokio::test]
async fn boto3_calls_the_binary() {
    let Some(python) = std::env::var_os("INGOT_PYTHON") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "INGOT_PYTHON must point at a Python with boto3 in CI (cargo xtask test sets it)"
        );
        eprintln!(
            "SKIP boto3_calls_the_binary: INGOT_PYTHON is not set (cargo xtask test sets it)"
        );
        return;
    };
    let credentials = format!("{AKID}:{SECRET}");
    let server = spawn_binary("boto3", SEED, &["--credentials", &credentials]).await;
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/boto3_client.py");
    let run = tokio::process::Command::new(&python)
        .arg(script)
        .env("ENDPOINT", format!("http://{}", server.addr))
        .env("AKID", AKID)
        .env("SECRET", SECRET)
        // No user or instance configuration may leak into the client.
        .env("AWS_CONFIG_FILE", "/dev/null")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
        .env_remove("AWS_PROFILE")
        .kill_on_drop(true)
        .output();
    let output = tokio::time::timeout(Duration::from_secs(60), run)
        .await
        .expect("the boto3 script finishes within 60 s")
        .expect("run the boto3 script");
    let log = server.stop().await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "boto3 script failed ({})\nstdout:\n{stdout}\nstderr:\n{stderr}\nserver log:\n{log}",
        output.status
    );
    assert!(stdout.contains("4 checks passed"), "{stdout}");
    // One log line per request: 1 success + 7 errors + 3 attempts + 1 refused signature.
    let logged = log
        .lines()
        .filter(|l| l.contains("target=AWSCognitoIdentityProviderService.StopUserImportJob"))
        .count();
    assert_eq!(logged, 12, "server log:\n{log}");
}
