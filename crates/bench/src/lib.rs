//! The programs `cargo xtask bench` runs, and what they share.
//!
//! Every program prints its measurements as JSON lines on stdout ([`sample`]) and anything else
//! on stderr, so the orchestrator (`xtask/src/bench`) only parses and never guesses. None of this
//! is a test: CI compiles it (clippy `--all-targets`) but never runs it.

pub mod alloc_count;
pub mod canned;
pub mod clients;
pub mod sample;
pub mod signing;
pub mod sys;

/// The error type of the bench programs: they report and exit, nothing recovers.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The user pool every call names.
pub const POOL: &str = "us-west-2_EXAMPLE";
/// The import job every call stops.
pub const JOB: &str = "import-mAgUtd8PMm";
/// The region every client signs for.
pub const REGION: &str = "us-west-2";
/// Cognito user pools' signing name.
pub const SERVICE: &str = "cognito-idp";
/// The access key every signing client uses (and `cognito-idp-local --credentials` accepts).
pub const AKID: &str = "AKIDBENCH";
/// The secret matching [`AKID`].
pub const SECRET: &str = "bench-secret";
/// StopUserImportJob's `X-Amz-Target`.
pub const TARGET: &str = "AWSCognitoIdentityProviderService.StopUserImportJob";
/// awsJson 1.1's content type.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";

/// The request body every client sends (the generated and official clients serialize it
/// themselves; the raw clients post these bytes).
pub fn request_body() -> String {
    format!(r#"{{"UserPoolId":"{POOL}","JobId":"{JOB}"}}"#)
}
