//! Test support for the generated Cognito client's integration tests and benchmark.
//!
//! The tests talk to a [`CaptureServer`] on 127.0.0.1 only: it records every request it gets and
//! answers from a script, so a test can check both what a client sent and how it read the answer.
//! [`signing`] holds the fixed SigV4 inputs of the wire-identity tests and checks that a captured
//! request's signature verifies. No real code lives here; this crate exists for its `tests/` and
//! `benches/`, and for the wire-identity tests of the full models (`tests/full-models`).

mod server;
pub mod signing;

pub use server::{CannedResponse, CaptureServer, CapturedRequest};

/// A StopUserImportJob success body shaped like the API reference's example response.
///
/// The timestamps are epoch seconds with a millisecond fraction, as Cognito sends them.
pub const SAMPLE_RESPONSE: &str = r#"{
    "UserImportJob": {
        "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/example-cloudwatch-logs-role",
        "CompletionDate": 1736443496.379,
        "CompletionMessage": "Import Job Stopped",
        "CreationDate": 1736443496.379,
        "FailedUsers": 0,
        "ImportedUsers": 0,
        "JobId": "import-mAgUtd8PMm",
        "JobName": "Customer import",
        "PreSignedUrl": "https://aws-cognito-idp-user-import-us-west-2.s3.us-west-2.amazonaws.com/123456789012/us-west-2_EXAMPLE/import-mAgUtd8PMm?X-Amz-Algorithm=AWS4-HMAC-SHA256",
        "SkippedUsers": 0,
        "StartDate": 1736443496.379,
        "Status": "Stopped",
        "UserPoolId": "us-west-2_EXAMPLE"
    }
}"#;
