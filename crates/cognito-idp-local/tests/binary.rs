//! The binary itself: ready line, request logging, and refusing a bad seed or arguments.

mod common;

use common::*;

#[tokio::test]
async fn bad_seed_is_refused_naming_the_entry() {
    let path = write_seed(
        "bad",
        r#"{"UserPools": ["p_1"], "UserImportJobs": [
            {"JobId": "import-a", "UserPoolId": "p_1", "Status": "Pending"},
            {"JobId": "import-b", "UserPoolId": "p_2", "Status": "Pending"}]}"#,
    );
    let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_cognito-idp-local"))
        .args(["--listen", "127.0.0.1:0", "--seed"])
        .arg(&path)
        .output()
        .await
        .expect("run");
    let _ = std::fs::remove_file(&path);
    assert!(!output.status.success());
    assert!(output.stdout.is_empty(), "no ready line");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.trim(),
        format!(
            "cognito-idp-local: seed file {}: UserImportJobs[1] (JobId \"import-b\"): UserPoolId \"p_2\" is not listed in UserPools",
            path.display()
        )
    );
}

#[tokio::test]
async fn bad_arguments_are_refused() {
    let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_cognito-idp-local"))
        .args([
            "--listen",
            "127.0.0.1:0",
            "--seed",
            "x.json",
            "--max-rps",
            "0",
        ])
        .output()
        .await
        .expect("run");
    assert_eq!(output.status.code(), Some(2), "clap's usage error status");
    assert!(String::from_utf8_lossy(&output.stderr).contains("--max-rps"));
}

#[tokio::test]
async fn serves_on_the_printed_address_and_logs_each_request() {
    let server = spawn_binary("serve", SEED, &["--max-rps", "100"]).await;
    let addr: std::net::SocketAddr = server.addr.parse().expect("a socket address");
    assert_ne!(addr.port(), 0, "port 0 was replaced by the chosen port");
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let body = r#"{"UserPoolId": "us-west-2_EXAMPLE", "JobId": "import-running"}"#;
    let request = format!(
        "POST / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         X-Amz-Target: AWSCognitoIdentityProviderService.StopUserImportJob\r\n\
         Content-Type: application/x-amz-json-1.1\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    stream.write_all(request.as_bytes()).await.expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).await.expect("read");
    assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
    assert!(response.contains(r#""Status":"Stopped""#), "{response}");
    let log = server.stop().await;
    let lines: Vec<&str> = log
        .lines()
        .filter(|l| l.contains(" request ") || l.ends_with(" request"))
        .collect();
    assert_eq!(lines.len(), 1, "one line per request:\n{log}");
    for field in [
        "method=POST",
        "path=/",
        "target=AWSCognitoIdentityProviderService.StopUserImportJob",
        "status=200",
        "error=-",
        "request_id=",
    ] {
        assert!(lines[0].contains(field), "{field} in {:?}", lines[0]);
    }
}

#[cfg(unix)]
#[tokio::test]
async fn sigterm_shuts_down_gracefully() {
    let mut server = spawn_binary("term", SEED, &[]).await;
    let pid = server.child.id().expect("running");
    let sent = tokio::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .await
        .expect("run kill");
    assert!(sent.success());
    let status = tokio::time::timeout(std::time::Duration::from_secs(10), server.child.wait())
        .await
        .expect("exits within 10 s")
        .expect("wait");
    assert!(status.success(), "clean exit after SIGTERM: {status}");
    let log = server.stop().await;
    assert!(log.contains("shutting down"), "{log}");
}

/// Before the grace period existed, one client stalled mid-body kept the process alive after
/// SIGTERM indefinitely (still running 15 s later).
#[cfg(unix)]
#[tokio::test]
async fn sigterm_with_a_stalled_client_exits_within_the_grace_period() {
    use std::time::{Duration, Instant};
    use tokio::io::AsyncWriteExt;

    let grace = Duration::from_millis(1500);
    let mut server = spawn_binary(
        "term-stalled",
        SEED,
        &["--shutdown-grace", "1.5", "--body-read-timeout", "60"],
    )
    .await;
    let mut stalled = tokio::net::TcpStream::connect(&server.addr)
        .await
        .expect("connect");
    // Headers and 10 of the 100 declared body bytes, then nothing.
    let head = format!(
        "POST / HTTP/1.1\r\nHost: {}\r\n\
         X-Amz-Target: AWSCognitoIdentityProviderService.StopUserImportJob\r\n\
         Content-Type: application/x-amz-json-1.1\r\nContent-Length: 100\r\n\r\n{{\"UserPool",
        server.addr
    );
    stalled.write_all(head.as_bytes()).await.expect("send");
    // Let the request reach the service before the signal.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let pid = server.child.id().expect("running");
    let signalled = Instant::now();
    let sent = tokio::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .await
        .expect("run kill");
    assert!(sent.success());
    let status = tokio::time::timeout(grace + Duration::from_secs(5), server.child.wait())
        .await
        .expect("exits after SIGTERM despite the stalled client")
        .expect("wait");
    let took = signalled.elapsed();
    assert!(status.success(), "clean exit after SIGTERM: {status}");
    assert!(
        took < grace + Duration::from_secs(1),
        "exited {took:?} after SIGTERM with a {grace:?} grace period"
    );
    let log = server.stop().await;
    assert!(log.contains("grace period over"), "{log}");
}
