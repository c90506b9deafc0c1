//! The generated client used the way programs written for the official SDK
//! (`aws-sdk-cognitoidentityprovider`) use it: `Client::new(&SdkConfig)`, the flat operation
//! error with `is_*` checks, `?` into the crate-level `Error`, `DisplayErrorContext`,
//! `into_service_error()`, and the module paths of the SDK. Against the generated server on
//! loopback.

use cognito::config::{BehaviorVersion, Credentials, Region};
use cognito::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use cognito::operation::stop_user_import_job::StopUserImportJobError;
use cognito::operation::RequestId;
use cognito::Client;
use cognitoidentityprovider_client as cognito;
use cognitoidentityprovider_server::operation::stop_user_import_job::{
    StopUserImportJobError as ServerError, StopUserImportJobOutput,
};
use cognitoidentityprovider_server::types::error::ResourceNotFoundException;
use cognitoidentityprovider_server::types::{UserImportJobStatusType, UserImportJobType};
use cognitoidentityprovider_server::ServiceBuilder;

const JOB: &str = "import-mAgUtd8PMm";

async fn start_server() -> (String, tokio::sync::oneshot::Sender<()>) {
    let service = ServiceBuilder::new()
        .stop_user_import_job(|input, _ctx| async move {
            if input.job_id() != Some(JOB) {
                return Err(ServerError::from(
                    ResourceNotFoundException::builder()
                        .message("No such job.")
                        .build(),
                ));
            }
            let job = UserImportJobType::builder()
                .job_id(JOB)
                .status(UserImportJobStatusType::Stopped)
                .build();
            Ok(StopUserImportJobOutput::builder()
                .user_import_job(job)
                .build())
        })
        .build()
        .expect("every operation has a handler");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(ingot_server_rt::serve(listener, service, async move {
        let _ = rx.await;
    }));
    (url, tx)
}

/// What `aws_config::defaults(BehaviorVersion::latest()).load().await` hands a program, built
/// here without aws-config.
fn sdk_config(url: &str) -> aws_types::SdkConfig {
    aws_types::SdkConfig::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-west-2"))
        .credentials_provider(aws_types::sdk_config::SharedCredentialsProvider::new(
            Credentials::new("AKID", "SECRET", None, None, "test"),
        ))
        .endpoint_url(url)
        .build()
}

/// A program's function that lets `?` turn any operation's error into the crate-level `Error`.
async fn job_status(client: &Client, job: &str) -> Result<String, cognito::Error> {
    let out = client
        .stop_user_import_job()
        .user_pool_id("us-west-2_EXAMPLE")
        .job_id(job)
        .send()
        .await?;
    Ok(format!("{:?}", out.user_import_job.and_then(|j| j.status)))
}

#[tokio::test]
async fn sdk_programs_work_unchanged() {
    let (url, _stop) = start_server().await;
    let client = Client::new(&sdk_config(&url));
    assert_eq!(
        client.config().region().map(|r| r.as_ref()),
        Some("us-west-2")
    );

    // Success through `?`.
    assert_eq!(
        job_status(&client, JOB).await.expect("stops"),
        "Some(Stopped)"
    );

    // Outputs carry the response's request id, as the SDK's (`operation::RequestId`).
    let out = client
        .stop_user_import_job()
        .user_pool_id("us-west-2_EXAMPLE")
        .job_id(JOB)
        .send()
        .await
        .expect("stops");
    assert!(out.request_id().is_some_and(|id| !id.is_empty()));
    assert_eq!(
        cognito::operation::stop_user_import_job::StopUserImportJobOutput::builder()
            .build()
            .request_id(),
        None
    );

    // The flat operation error, matched as SDK users match it.
    let err = client
        .stop_user_import_job()
        .user_pool_id("us-west-2_EXAMPLE")
        .job_id("import-unknown")
        .send()
        .await
        .expect_err("unknown job");
    assert_eq!(err.to_string(), "service error");
    assert_eq!(err.code(), Some("ResourceNotFoundException"));
    assert!(err.request_id().is_some(), "the server sends a request id");
    let chain = DisplayErrorContext(&err).to_string();
    // The SDK's chain: the operation error, then its source, the modeled error itself.
    assert!(
        chain.starts_with(
            "service error: ResourceNotFoundException: No such job.: ResourceNotFoundException: No such job. ("
        ),
        "{chain}"
    );
    match err.as_service_error() {
        Some(StopUserImportJobError::ResourceNotFoundException(e)) => {
            assert_eq!(e.message(), Some("No such job."));
            assert_eq!(e.code(), Some("ResourceNotFoundException"));
            assert_eq!(e.meta().request_id(), err.request_id());
        }
        other => panic!("expected ResourceNotFoundException, got {other:?}"),
    }
    let service_error = err.into_service_error();
    assert!(service_error.is_resource_not_found_exception());
    assert!(!service_error.is_internal_error_exception());
    assert_eq!(service_error.message(), Some("No such job."));
    assert!(service_error.request_id().is_some());

    // `?` into the crate-level `Error` keeps the variant, the code and the message.
    let err = job_status(&client, "import-unknown").await.unwrap_err();
    assert!(
        matches!(err, cognito::Error::ResourceNotFoundException(ref e) if e.message() == Some("No such job.")),
        "{err:?}"
    );
    assert_eq!(err.code(), Some("ResourceNotFoundException"));
    assert_eq!(err.to_string(), "ResourceNotFoundException: No such job.");
}

#[tokio::test]
async fn failures_without_a_response_become_unhandled() {
    // A required member missing: a construction failure, before anything is sent.
    let (url, _stop) = start_server().await;
    let client = Client::new(&sdk_config(&url));
    let err = client
        .stop_user_import_job()
        .job_id(JOB)
        .send()
        .await
        .expect_err("no pool id");
    assert!(matches!(err, SdkError::ConstructionFailure(_)), "{err:?}");
    assert_eq!(err.to_string(), "failed to construct request");
    let chain = DisplayErrorContext(&err).to_string();
    assert!(
        chain.starts_with(
            "failed to construct request: user_pool_id was missing: user_pool_id was not specified but it is required when building StopUserImportJobInput ("
        ),
        "{chain}"
    );
    // into_service_error() turns any other failure into the unhandled variant, as the SDK's.
    let service_error = err.into_service_error();
    assert_eq!(service_error.code(), None);
    assert_eq!(service_error.to_string(), "unhandled error");
    assert!(std::error::Error::source(&service_error).is_some());

    // A dispatch failure through `?` becomes the crate-level `Error`'s unhandled variant.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", listener.local_addr().unwrap())
    };
    let offline = Client::from_conf(
        cognito::Config::from(&sdk_config(&closed))
            .to_builder()
            .retry_config(cognito::config::retry::RetryConfig::disabled())
            .build(),
    );
    let err = job_status(&offline, JOB).await.unwrap_err();
    assert_eq!(err.to_string(), "unhandled error");
    assert_eq!(err.code(), None);
    let chain = DisplayErrorContext(&err).to_string();
    assert!(
        chain.starts_with("unhandled error: dispatch failure: "),
        "{chain}"
    );
}
