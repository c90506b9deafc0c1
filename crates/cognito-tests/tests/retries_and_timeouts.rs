//! Retry and timeout behavior of the generated client, counted at a loopback server.

mod common;

use std::time::{Duration, Instant};

use cognitoidentityprovider_client::operation::stop_user_import_job::StopUserImportJobError;
use cognitoidentityprovider_client::{
    config::retry::RetryConfig, config::timeout::TimeoutConfig, error::ProvideErrorMetadata,
    error::SdkError,
};
use common::{fast_retries, ingot_client, JOB, POOL};
use ingot_cognito_tests::{CannedResponse, CaptureServer, SAMPLE_RESPONSE};

fn error_answer(status: u16, code: &str) -> CannedResponse {
    CannedResponse::json(status, format!(r#"{{"__type":"{code}","message":"m"}}"#))
}

#[tokio::test]
async fn throttling_is_retried_then_succeeds() {
    let server = CaptureServer::start(vec![
        error_answer(400, "TooManyRequestsException"),
        CannedResponse::json(200, SAMPLE_RESPONSE),
    ])
    .await
    .expect("bind");
    let output = fast_retries(&server.url())
        .stop_user_import_job()
        .user_pool_id(POOL)
        .job_id(JOB)
        .send()
        .await
        .expect("second attempt succeeds");
    assert!(output.user_import_job.is_some());
    assert_eq!(server.request_count(), 2);
    // A retry is the same operation again: same target and body.
    let requests = server.requests();
    assert_eq!(requests[0].body, requests[1].body);
    assert_eq!(
        requests[0].header("x-amz-target"),
        requests[1].header("x-amz-target")
    );
}

#[tokio::test]
async fn client_errors_are_not_retried() {
    let server = CaptureServer::start(vec![
        error_answer(400, "InvalidParameterException"),
        CannedResponse::json(200, SAMPLE_RESPONSE),
    ])
    .await
    .expect("bind");
    let err = fast_retries(&server.url())
        .stop_user_import_job()
        .user_pool_id(POOL)
        .job_id(JOB)
        .send()
        .await
        .expect_err("InvalidParameterException is final");
    assert_eq!(err.code(), Some("InvalidParameterException"));
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn server_errors_are_retried_up_to_max_attempts() {
    let server = CaptureServer::start(vec![
        error_answer(500, "InternalErrorException"),
        error_answer(500, "InternalErrorException"),
        error_answer(500, "InternalErrorException"),
        CannedResponse::json(200, SAMPLE_RESPONSE),
    ])
    .await
    .expect("bind");
    let err = fast_retries(&server.url())
        .stop_user_import_job()
        .user_pool_id(POOL)
        .job_id(JOB)
        .send()
        .await
        .expect_err("three 500s exhaust the three attempts");
    assert_eq!(server.request_count(), 3);
    let err = err.into_service_error();
    assert!(matches!(
        &err,
        StopUserImportJobError::InternalErrorException(_)
    ));
    assert_eq!(err.meta().status(), 500);
}

#[tokio::test]
async fn unresponsive_server_times_out_within_the_operation_timeout() {
    let limit = Duration::from_millis(300);
    let server = CaptureServer::start(vec![
        CannedResponse::json(200, SAMPLE_RESPONSE).delay(Duration::from_secs(30))
    ])
    .await
    .expect("bind");
    let client = ingot_client(
        &server.url(),
        RetryConfig::standard()
            .with_initial_backoff(Duration::from_millis(1))
            .with_max_backoff(Duration::from_millis(5)),
        TimeoutConfig::builder().operation_timeout(limit).build(),
    );
    let started = Instant::now();
    let err = client
        .stop_user_import_job()
        .user_pool_id(POOL)
        .job_id(JOB)
        .send()
        .await
        .expect_err("no answer in time");
    let elapsed = started.elapsed();
    match err {
        SdkError::TimeoutError(t) => assert_eq!(t.duration(), limit),
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert!(elapsed >= limit, "gave up early: {elapsed:?}");
    // Generous slack for a loaded 2-core CI machine; the server would answer only after 30 s.
    assert!(elapsed < limit + Duration::from_secs(2), "took {elapsed:?}");
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn attempt_timeout_is_retried_then_succeeds() {
    let server = CaptureServer::start(vec![
        CannedResponse::json(200, SAMPLE_RESPONSE).delay(Duration::from_secs(30)),
        CannedResponse::json(200, SAMPLE_RESPONSE),
    ])
    .await
    .expect("bind");
    let client = ingot_client(
        &server.url(),
        RetryConfig::standard()
            .with_initial_backoff(Duration::from_millis(1))
            .with_max_backoff(Duration::from_millis(5)),
        TimeoutConfig::builder()
            .operation_attempt_timeout(Duration::from_millis(200))
            .operation_timeout(Duration::from_secs(5))
            .build(),
    );
    let output = client
        .stop_user_import_job()
        .user_pool_id(POOL)
        .job_id(JOB)
        .send()
        .await
        .expect("second attempt answers");
    assert!(output.user_import_job.is_some());
    assert_eq!(server.request_count(), 2);
}
