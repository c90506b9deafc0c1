//! The official `aws-sdk-cognitoidentityprovider` against an in-process `cognito-idp-local`:
//! typed success, each modeled error with message and request id, retries through throttling,
//! validation and SigV4 failures.

mod common;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_sdk_cognitoidentityprovider as sdk;
use common::*;
use sdk::config::retry::RetryConfig;
use sdk::error::{ProvideErrorMetadata, SdkError};
use sdk::operation::stop_user_import_job::{StopUserImportJobError, StopUserImportJobOutput};
use sdk::operation::RequestId;
use sdk::types::UserImportJobStatusType;

fn client(url: &str, secret: &str, retry: RetryConfig) -> sdk::Client {
    let config = sdk::Config::builder()
        .behavior_version(sdk::config::BehaviorVersion::latest())
        .region(sdk::config::Region::new(REGION))
        .credentials_provider(sdk::config::Credentials::new(
            AKID, secret, None, None, "test",
        ))
        .endpoint_url(url)
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .retry_config(retry)
        .build();
    sdk::Client::from_conf(config)
}

/// Up to three attempts with millisecond backoff, so retry tests stay fast.
fn fast_retries() -> RetryConfig {
    RetryConfig::standard()
        .with_max_attempts(3)
        .with_initial_backoff(Duration::from_millis(1))
        .with_max_backoff(Duration::from_millis(5))
}

async fn stop(
    client: &sdk::Client,
    pool: &str,
    job: &str,
) -> Result<
    StopUserImportJobOutput,
    SdkError<StopUserImportJobError, sdk::config::http::HttpResponse>,
> {
    client
        .stop_user_import_job()
        .user_pool_id(pool)
        .job_id(job)
        .send()
        .await
}

fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

#[tokio::test]
async fn stopping_a_pending_job_parses_into_the_typed_output() {
    let server = start(options()).await;
    let client = client(&server.url(), SECRET, RetryConfig::disabled());
    let before = now_secs();
    let output = stop(&client, POOL, "import-pending").await.expect("stops");
    let after = now_secs();
    let job = output.user_import_job().expect("UserImportJob is set");
    assert_eq!(job.job_id(), Some("import-pending"));
    assert_eq!(job.job_name(), Some("pending-job"));
    assert_eq!(job.user_pool_id(), Some(POOL));
    assert_eq!(job.status(), Some(&UserImportJobStatusType::Stopped));
    assert_eq!(job.completion_message(), Some(STOPPED_MESSAGE));
    assert_eq!(job.pre_signed_url(), Some("https://example.com/upload"));
    assert_eq!(
        job.cloud_watch_logs_role_arn(),
        Some("arn:aws:iam::123456789012:role/CognitoImport")
    );
    assert_eq!(job.creation_date().map(|d| d.secs()), Some(CREATED_SECS));
    assert_eq!(job.start_date().map(|d| d.secs()), Some(CREATED_SECS + 4));
    let completed = job.completion_date().expect("CompletionDate is set").secs();
    assert!(
        (before..=after).contains(&completed),
        "CompletionDate {completed} is now ({before}..={after})"
    );
    assert_eq!(
        (
            job.imported_users(),
            job.skipped_users(),
            job.failed_users()
        ),
        (3, 1, 2)
    );

    // InProgress stops too; the stopped job now refuses a second stop.
    let running = stop(&client, POOL, "import-running").await.expect("stops");
    assert_eq!(
        running.user_import_job().and_then(|j| j.status()),
        Some(&UserImportJobStatusType::Stopped)
    );
    let again = stop(&client, POOL, "import-pending")
        .await
        .expect_err("already stopped");
    assert!(matches!(
        again.into_service_error(),
        StopUserImportJobError::PreconditionNotMetException(_)
    ));
    server.shutdown().await.expect("clean shutdown");
}

/// Calls with retries off and returns the typed error, after checking the request id.
async fn typed_error(client: &sdk::Client, pool: &str, job: &str) -> StopUserImportJobError {
    let err = stop(client, pool, job).await.expect_err("the call fails");
    let err = err.into_service_error();
    let id = err.request_id().expect("the error carries a request id");
    assert!(is_request_id(id), "request id {id:?}");
    err
}

#[tokio::test]
async fn each_modeled_error_surfaces_typed_with_message_and_request_id() {
    let server = start(options()).await;
    let client = client(&server.url(), SECRET, RetryConfig::disabled());

    match typed_error(&client, "us-west-2_NOPE", "import-pending").await {
        StopUserImportJobError::ResourceNotFoundException(e) => {
            assert_eq!(
                e.message(),
                Some("User pool us-west-2_NOPE does not exist.")
            )
        }
        other => panic!("unknown pool: {other:?}"),
    }
    match typed_error(&client, OTHER_POOL, "import-pending").await {
        StopUserImportJobError::ResourceNotFoundException(e) => assert_eq!(
            e.message(),
            Some("Import job import-pending does not exist in user pool us-west-2_OTHER.")
        ),
        other => panic!("unknown job: {other:?}"),
    }
    match typed_error(&client, POOL, "import-done").await {
        StopUserImportJobError::PreconditionNotMetException(e) => assert_eq!(
            e.message(),
            Some("Import job import-done cannot be stopped: its status is Succeeded, and only Pending or InProgress jobs can be stopped.")
        ),
        other => panic!("finished job: {other:?}"),
    }
    match typed_error(&client, POOL, "import-boom").await {
        StopUserImportJobError::InternalErrorException(e) => {
            assert_eq!(e.message(), Some("Injected internal error"))
        }
        other => panic!("internal error fault: {other:?}"),
    }
    match typed_error(&client, POOL, "import-denied").await {
        StopUserImportJobError::NotAuthorizedException(e) => {
            assert_eq!(e.message(), Some("Injected: not authorized"))
        }
        other => panic!("not authorized fault: {other:?}"),
    }
    match typed_error(&client, POOL, "import-slow").await {
        StopUserImportJobError::TooManyRequestsException(e) => {
            assert_eq!(e.message(), Some("Injected: too many requests"))
        }
        other => panic!("throttling fault: {other:?}"),
    }
    match typed_error(&client, POOL, "bad_job_id").await {
        StopUserImportJobError::InvalidParameterException(e) => assert_eq!(
            e.message(),
            Some("1 validation error detected: Value 'bad_job_id' at 'jobId' failed to satisfy constraint: Member must satisfy regular expression pattern: import-[0-9a-zA-Z-]+")
        ),
        other => panic!("invalid JobId: {other:?}"),
    }
    server.shutdown().await.expect("clean shutdown");
}

#[tokio::test]
async fn throttled_twice_then_success_through_sdk_retries() {
    let server = start(options()).await;
    let client = client(&server.url(), SECRET, fast_retries());
    let output = stop(&client, POOL, "import-throttled")
        .await
        .expect("the third attempt succeeds");
    assert_eq!(
        output.user_import_job().and_then(|j| j.status()),
        Some(&UserImportJobStatusType::Stopped)
    );
    // Without retries the fault is used up: the job is now Stopped, so a precondition failure.
    let plain = self::client(&server.url(), SECRET, RetryConfig::disabled());
    assert!(matches!(
        typed_error(&plain, POOL, "import-throttled").await,
        StopUserImportJobError::PreconditionNotMetException(_)
    ));
    server.shutdown().await.expect("clean shutdown");
}

#[tokio::test]
async fn max_rps_answers_too_many_requests() {
    let mut options = options();
    options.max_rps = Some(1);
    let server = start(options).await;
    let client = client(&server.url(), SECRET, RetryConfig::disabled());
    // The first call takes the only token (and fails on state), the second finds none.
    assert!(matches!(
        typed_error(&client, POOL, "import-done").await,
        StopUserImportJobError::PreconditionNotMetException(_)
    ));
    match typed_error(&client, POOL, "import-done").await {
        StopUserImportJobError::TooManyRequestsException(e) => {
            assert_eq!(e.message(), Some("Rate exceeded"))
        }
        other => panic!("over the rate: {other:?}"),
    }
    server.shutdown().await.expect("clean shutdown");
}

#[tokio::test]
async fn signatures_are_verified_when_credentials_are_configured() {
    let mut options = options();
    options.credentials = vec![(AKID.to_owned(), SECRET.to_owned())];
    let server = start(options).await;

    let wrong = client(&server.url(), "not-the-secret", RetryConfig::disabled());
    let err = stop(&wrong, POOL, "import-pending")
        .await
        .expect_err("a wrong secret is refused");
    assert_eq!(err.code(), Some("InvalidSignatureException"));
    assert!(
        err.message().is_some_and(|m| !m.is_empty()),
        "the refusal explains itself: {err:?}"
    );
    let err = err.into_service_error();
    // Not a modeled error of the operation: the SDK keeps it as an unhandled error with its code.
    assert_eq!(err.code(), Some("InvalidSignatureException"));
    assert!(err.request_id().is_some_and(is_request_id));

    let right = client(&server.url(), SECRET, RetryConfig::disabled());
    let output = stop(&right, POOL, "import-pending")
        .await
        .expect("the right secret is accepted, and the refused call changed nothing");
    assert_eq!(
        output.user_import_job().and_then(|j| j.status()),
        Some(&UserImportJobStatusType::Stopped)
    );
    server.shutdown().await.expect("clean shutdown");
}
