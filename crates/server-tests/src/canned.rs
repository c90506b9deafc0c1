//! The canned `StopUserImportJob` service used by the property tests, the fuzz body and the
//! benchmark.

use cognitoidentityprovider_server::operation::stop_user_import_job::StopUserImportJobError;
use cognitoidentityprovider_server::output::StopUserImportJobOutput;
use cognitoidentityprovider_server::types::error::{
    InternalErrorException, InvalidParameterException, NotAuthorizedException,
    PreconditionNotMetException, ResourceNotFoundException, TooManyRequestsException,
};
use cognitoidentityprovider_server::types::{UserImportJobStatusType, UserImportJobType};
use cognitoidentityprovider_server::{AwsJsonService, ServiceBuilder};
use ingot_rt::DateTime;

/// The `X-Amz-Target` of the one operation.
pub const TARGET: &str = "AWSCognitoIdentityProviderService.StopUserImportJob";
/// The awsJson 1.1 media type, sent and answered.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";
/// A request body that passes validation.
pub const VALID_BODY: &str = r#"{"UserPoolId":"us-east-1_abc123","JobId":"import-abc123"}"#;

/// The output every successful call answers with.
pub fn output() -> StopUserImportJobOutput {
    StopUserImportJobOutput::builder()
        .user_import_job(
            UserImportJobType::builder()
                .job_name("nightly")
                .job_id("import-abc123")
                .user_pool_id("us-east-1_abc123")
                .pre_signed_url("https://example.com/upload")
                .creation_date(DateTime::from_millis(1_736_443_496_379))
                .start_date(DateTime::from_millis(1_736_443_500_000))
                .status(UserImportJobStatusType::Stopping)
                .cloud_watch_logs_role_arn("arn:aws:iam::123456789012:role/import")
                .imported_users(10)
                .skipped_users(1)
                .failed_users(2)
                .build(),
        )
        .build()
}

/// The output's wire bytes, as the generated server writes them.
pub fn output_json() -> String {
    ingot_rt::json::to_string(&output())
}

/// A service whose handler always answers [`output`] (the benchmark's server).
pub fn service() -> AwsJsonService {
    ServiceBuilder::new()
        .stop_user_import_job(|_input, _ctx| async { Ok(output()) })
        .build()
        .expect("the one operation has a handler")
}

/// A service that reaches every outcome: the job id's last byte picks [`output`] or one of the
/// six modeled errors, so fuzzing covers the error writers too. Bodies are limited to
/// `body_limit` bytes so the 413 path is reachable with small inputs.
pub fn service_with_errors(body_limit: usize) -> AwsJsonService {
    ServiceBuilder::new()
        .stop_user_import_job(|input, _ctx| async move {
            let job_id = input.job_id().unwrap_or_default();
            let pick = job_id.bytes().last().unwrap_or(0) % 8;
            let message = format!("job {job_id}");
            let error: StopUserImportJobError = match pick {
                0 => InternalErrorException::builder()
                    .message(message)
                    .build()
                    .into(),
                1 => InvalidParameterException::builder()
                    .message(message)
                    .reason_code("INVALID")
                    .build()
                    .into(),
                2 => NotAuthorizedException::builder()
                    .message(message)
                    .build()
                    .into(),
                3 => PreconditionNotMetException::builder()
                    .message(message)
                    .build()
                    .into(),
                4 => ResourceNotFoundException::builder()
                    .message(message)
                    .build()
                    .into(),
                5 => TooManyRequestsException::builder().build().into(),
                _ => return Ok(output()),
            };
            Err(error)
        })
        .body_limit(body_limit)
        .build()
        .expect("the one operation has a handler")
}

/// The error names [`service_with_errors`]'s handler may answer with.
pub const MODELED_ERRORS: &[&str] = &[
    "InternalErrorException",
    "InvalidParameterException",
    "NotAuthorizedException",
    "PreconditionNotMetException",
    "ResourceNotFoundException",
    "TooManyRequestsException",
];
