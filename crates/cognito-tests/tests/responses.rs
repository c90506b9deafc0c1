//! How the generated client reads scripted answers: the sample success, every modeled error,
//! unknown and decorated error codes, and malformed bodies.

// These tests check that unknown or unreadable errors land in the `Unhandled` variant,
// which the SDK (and so the generated client) deprecates matching on.
#![allow(deprecated)]

mod common;

use cognitoidentityprovider_client::operation::stop_user_import_job::{
    StopUserImportJobError, StopUserImportJobOutput,
};
use cognitoidentityprovider_client::operation::RequestId;
use cognitoidentityprovider_client::types::UserImportJobStatusType;
use cognitoidentityprovider_client::{error::ProvideErrorMetadata, error::SdkError};
use common::{single_shot, JOB, POOL};
use ingot_cognito_tests::{CannedResponse, CaptureServer, SAMPLE_RESPONSE};

type Outcome = Result<StopUserImportJobOutput, SdkError<StopUserImportJobError>>;

/// Sends one StopUserImportJob to a server that gives `answer`; checks exactly one request went out.
async fn call(answer: CannedResponse) -> Outcome {
    let server = CaptureServer::start(vec![answer]).await.expect("bind");
    let outcome = single_shot(&server.url())
        .stop_user_import_job()
        .user_pool_id(POOL)
        .job_id(JOB)
        .send()
        .await;
    assert_eq!(server.request_count(), 1);
    outcome
}

fn service_error(outcome: Outcome) -> StopUserImportJobError {
    match outcome {
        Err(SdkError::ServiceError(e)) => e.into_err(),
        other => panic!("expected a service error, got {other:?}"),
    }
}

/// The name of the variant, so one table can check all of them.
fn variant(kind: &StopUserImportJobError) -> &'static str {
    match kind {
        StopUserImportJobError::InternalErrorException(_) => "InternalErrorException",
        StopUserImportJobError::InvalidParameterException(_) => "InvalidParameterException",
        StopUserImportJobError::NotAuthorizedException(_) => "NotAuthorizedException",
        StopUserImportJobError::PreconditionNotMetException(_) => "PreconditionNotMetException",
        StopUserImportJobError::ResourceNotFoundException(_) => "ResourceNotFoundException",
        StopUserImportJobError::TooManyRequestsException(_) => "TooManyRequestsException",
        StopUserImportJobError::Unhandled(_) => "Unhandled",
        _ => "unknown variant",
    }
}

fn error_answer(status: u16, code: &str, request_id: &str) -> CannedResponse {
    CannedResponse::json(status, format!(r#"{{"__type":"{code}","message":"m"}}"#))
        .header("x-amzn-RequestId", request_id)
}

#[tokio::test]
async fn sample_response_parses_with_millisecond_timestamps() {
    let output = call(CannedResponse::json(200, SAMPLE_RESPONSE))
        .await
        .expect("success");
    let job = output.user_import_job.expect("UserImportJob");
    assert_eq!(job.job_id.as_deref(), Some(JOB));
    assert_eq!(job.user_pool_id.as_deref(), Some(POOL));
    assert_eq!(job.job_name.as_deref(), Some("Customer import"));
    assert_eq!(job.status, Some(UserImportJobStatusType::Stopped));
    assert_eq!(
        job.completion_message.as_deref(),
        Some("Import Job Stopped")
    );
    assert_eq!(
        job.cloud_watch_logs_role_arn.as_deref(),
        Some("arn:aws:iam::123456789012:role/example-cloudwatch-logs-role")
    );
    assert!(job
        .pre_signed_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://")));
    assert_eq!(
        (job.imported_users, job.skipped_users, job.failed_users),
        (0, 0, 0)
    );
    for (name, date) in [
        ("CreationDate", job.creation_date),
        ("StartDate", job.start_date),
        ("CompletionDate", job.completion_date),
    ] {
        let date = date.unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(date.to_millis().expect(name), 1_736_443_496_379, "{name}");
    }
}

#[tokio::test]
async fn every_modeled_error_maps_to_its_variant() {
    let cases = [
        ("InternalErrorException", 500),
        ("InvalidParameterException", 400),
        ("NotAuthorizedException", 400),
        ("PreconditionNotMetException", 400),
        ("ResourceNotFoundException", 400),
        ("TooManyRequestsException", 400),
    ];
    for (code, status) in cases {
        let request_id = format!("rid-{code}");
        let err = service_error(call(error_answer(status, code, &request_id)).await);
        assert_eq!(variant(&err), code);
        assert_eq!(err.code(), Some(code));
        assert_eq!(err.message(), Some("m"), "{code}");
        assert_eq!(err.request_id(), Some(request_id.as_str()), "{code}");
        assert_eq!(err.meta().status(), status, "{code}");
        // The modeled shape itself carries the message too.
        assert_eq!(err.to_string(), format!("{code}: m"));
    }
}

#[tokio::test]
async fn sdk_error_exposes_metadata_of_the_service_error() {
    let outcome = call(error_answer(400, "NotAuthorizedException", "rid-1")).await;
    let err = outcome.expect_err("error");
    assert_eq!(err.code(), Some("NotAuthorizedException"));
    assert_eq!(err.request_id(), Some("rid-1"));
    assert_eq!(err.raw_response().map(|r| r.status), Some(400));
}

#[tokio::test]
async fn unknown_error_code_is_unhandled_with_code_and_message() {
    let err = service_error(call(error_answer(400, "BrandNewException", "rid-2")).await);
    assert!(matches!(&err, StopUserImportJobError::Unhandled(_)));
    assert_eq!(err.code(), Some("BrandNewException"));
    assert_eq!(err.message(), Some("m"));
    assert_eq!(err.request_id(), Some("rid-2"));
}

#[tokio::test]
async fn namespaced_and_uri_decorated_codes_are_sanitized() {
    let decorated =
        "aws.protocoltests.json#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/";
    let err = service_error(call(error_answer(400, decorated, "rid-3")).await);
    assert!(matches!(&err, StopUserImportJobError::Unhandled(_)));
    assert_eq!(err.code(), Some("FooError"));

    let modeled = "com.amazonaws.cognitoidentityprovider#ResourceNotFoundException:http://internal.amazon.com/x/";
    let err = service_error(call(error_answer(400, modeled, "rid-4")).await);
    assert_eq!(variant(&err), "ResourceNotFoundException");
    assert_eq!(err.message(), Some("m"));
}

#[tokio::test]
async fn errortype_header_wins_over_body() {
    let answer = error_answer(400, "InvalidParameterException", "rid-5").header(
        "X-Amzn-Errortype",
        "ResourceNotFoundException:http://internal.amazon.com/",
    );
    let err = service_error(call(answer).await);
    assert_eq!(variant(&err), "ResourceNotFoundException");
    assert_eq!(err.code(), Some("ResourceNotFoundException"));
    assert_eq!(err.message(), Some("m"));
}

#[tokio::test]
async fn unknown_status_value_is_kept() {
    let body = r#"{"UserImportJob":{"JobId":"import-mAgUtd8PMm","Status":"Paused"}}"#;
    let output = call(CannedResponse::json(200, body))
        .await
        .expect("success");
    let status = output
        .user_import_job
        .and_then(|job| job.status)
        .expect("Status");
    assert!(matches!(status, UserImportJobStatusType::Unknown(_)));
    assert_eq!(status.as_str(), "Paused");
}

/// The model has no required output members, so there is nothing to correct: an empty object
/// (and an empty job) parse, absent members are `None`, and the non-optional counters (which
/// carry a model default of 0) are 0.
#[tokio::test]
async fn absent_members_parse_as_none_or_default() {
    let output = call(CannedResponse::json(200, "{}"))
        .await
        .expect("success");
    assert!(output.user_import_job.is_none());

    let output = call(CannedResponse::json(200, r#"{"UserImportJob":{}}"#))
        .await
        .expect("success");
    let job = output.user_import_job.expect("UserImportJob");
    assert!(job.job_id.is_none() && job.status.is_none() && job.creation_date.is_none());
    assert_eq!(
        (job.imported_users, job.skipped_users, job.failed_users),
        (0, 0, 0)
    );
}

#[tokio::test]
async fn malformed_success_bodies_are_response_errors() {
    for body in [r#"{"UserImportJob":{"JobId":"imp"#, "<html>oops</html>"] {
        match call(CannedResponse::json(200, body)).await {
            Err(SdkError::ResponseError(e)) => {
                let raw = e.raw().expect("raw response kept");
                assert_eq!(raw.status, 200);
                assert_eq!(&raw.body[..], body.as_bytes());
            }
            other => panic!("{body}: expected ResponseError, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn malformed_error_bodies_are_unhandled_service_errors() {
    for body in [r#"{"__type":"InvalidParam"#, "<html>Bad Gateway</html>"] {
        let err = service_error(call(CannedResponse::json(400, body)).await);
        assert!(
            matches!(&err, StopUserImportJobError::Unhandled(_)),
            "{body}: {err:?}"
        );
        assert_eq!(err.code(), None, "{body}");
        assert_eq!(err.meta().status(), 400);
        assert_eq!(err.request_id(), Some("req-0001"));
    }
}
