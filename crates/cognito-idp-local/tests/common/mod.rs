//! What the client test suites share: the seed and an in-process server.

// Each test binary uses its own subset of these helpers.
#![allow(dead_code)]

use cognito_idp_local::{service, Options, RunningServer, Seed};

pub const POOL: &str = "us-west-2_EXAMPLE";
pub const OTHER_POOL: &str = "us-west-2_OTHER";
pub const REGION: &str = "us-west-2";
pub const AKID: &str = "AKIDEXAMPLE";
pub const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
/// 2025-01-09T17:24:56Z, the seeded jobs' creation date.
pub const CREATED_SECS: i64 = 1_736_443_496;
pub const STOPPED_MESSAGE: &str = "The Import Job was stopped by the developer.";

/// Jobs in each interesting status, and faults for the errors state cannot produce.
pub const SEED: &str = r#"{
  "UserPools": ["us-west-2_EXAMPLE", "us-west-2_OTHER"],
  "UserImportJobs": [
    {"JobName": "pending-job", "JobId": "import-pending", "UserPoolId": "us-west-2_EXAMPLE",
     "PreSignedUrl": "https://example.com/upload", "CreationDate": 1736443496,
     "StartDate": 1736443500, "Status": "Pending",
     "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/CognitoImport",
     "ImportedUsers": 3, "SkippedUsers": 1, "FailedUsers": 2},
    {"JobId": "import-running", "UserPoolId": "us-west-2_EXAMPLE", "Status": "InProgress",
     "CreationDate": 1736443496},
    {"JobId": "import-done", "UserPoolId": "us-west-2_EXAMPLE", "Status": "Succeeded",
     "CreationDate": 1736443496, "CompletionDate": 1736443600,
     "CompletionMessage": "Import Job Completed Successfully."},
    {"JobId": "import-throttled", "UserPoolId": "us-west-2_EXAMPLE", "Status": "Pending"}
  ],
  "Faults": [
    {"Operation": "StopUserImportJob", "Match": {"JobId": "import-boom"},
     "Error": "InternalErrorException", "Message": "Injected internal error"},
    {"Operation": "StopUserImportJob", "Match": {"JobId": "import-denied"},
     "Error": "NotAuthorizedException", "Message": "Injected: not authorized"},
    {"Operation": "StopUserImportJob", "Match": {"JobId": "import-slow"},
     "Error": "TooManyRequestsException", "Message": "Injected: too many requests"},
    {"Operation": "StopUserImportJob", "Match": {"UserPoolId": "us-west-2_EXAMPLE", "JobId": "import-throttled"},
     "Error": "TooManyRequestsException", "Message": "Injected: throttled", "Times": 2}
  ]
}"#;

pub fn options() -> Options {
    Options::new(Seed::from_json(SEED.as_bytes()).expect("the test seed is valid"))
}

/// Starts an in-process server on a free loopback port.
pub async fn start(options: Options) -> RunningServer {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    RunningServer::start(
        listener,
        service(options).expect("handler registered"),
        ingot_server_rt::ServeConfig::default(),
    )
    .expect("start")
}

/// A request id as the runtime writes them: a hyphenated UUID.
pub fn is_request_id(id: &str) -> bool {
    id.len() == 36
        && id.chars().enumerate().all(|(i, c)| {
            if [8, 13, 18, 23].contains(&i) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// The built binary, running with a seed file, its stdout ready line read and stderr collected.
pub struct Binary {
    pub child: tokio::process::Child,
    pub addr: String,
    pub stderr: tokio::task::JoinHandle<String>,
    seed_path: std::path::PathBuf,
}

/// A seed file unique to this process and `name`, holding `json`.
pub fn write_seed(name: &str, json: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!(
        "cognito-idp-local-{}-{name}.json",
        std::process::id()
    ));
    std::fs::write(&path, json).expect("write the seed file");
    path
}

/// Runs the binary with `args` and the seed; fails the test if it is not ready within 20 s.
pub async fn spawn_binary(name: &str, seed: &str, args: &[&str]) -> Binary {
    use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
    let seed_path = write_seed(name, seed);
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_cognito-idp-local"))
        .args(["--listen", "127.0.0.1:0", "--seed"])
        .arg(&seed_path)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("spawn cognito-idp-local");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let stderr = tokio::spawn(async move {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text).await;
        text
    });
    let stdout = child.stdout.take().expect("piped stdout");
    let mut line = String::new();
    let ready = tokio::time::timeout(
        std::time::Duration::from_secs(20),
        BufReader::new(stdout).read_line(&mut line),
    )
    .await;
    let addr = match line.trim().strip_prefix("listening on ") {
        Some(addr) if matches!(ready, Ok(Ok(_))) => addr.to_owned(),
        _ => {
            let _ = child.kill().await;
            let log = stderr.await.unwrap_or_default();
            panic!("no ready line (got {line:?}); stderr:\n{log}");
        }
    };
    Binary {
        child,
        addr,
        stderr,
        seed_path,
    }
}

impl Binary {
    /// Stops the process and returns everything it logged.
    pub async fn stop(mut self) -> String {
        let _ = self.child.kill().await;
        let _ = std::fs::remove_file(&self.seed_path);
        self.stderr.await.unwrap_or_default()
    }
}
