//! A missing required member fails before anything reaches the network.

mod common;

use cognitoidentityprovider_client::error::SdkError;
use common::{single_shot, POOL};
use ingot_cognito_tests::{CannedResponse, CaptureServer, SAMPLE_RESPONSE};

#[tokio::test]
async fn missing_job_id_is_a_construction_failure_and_sends_nothing() {
    let server = CaptureServer::start(vec![CannedResponse::json(200, SAMPLE_RESPONSE)])
        .await
        .expect("bind");
    let err = single_shot(&server.url())
        .stop_user_import_job()
        .user_pool_id(POOL)
        .send()
        .await
        .expect_err("JobId is required");
    match &err {
        SdkError::ConstructionFailure(failure) => {
            // The SDK's `BuildError` text for a missing field.
            assert_eq!(
                failure.to_string(),
                "job_id was missing: job_id was not specified but it is required when building StopUserImportJobInput"
            );
        }
        other => panic!("expected ConstructionFailure, got {other:?}"),
    }
    assert_eq!(server.request_count(), 0);
}
