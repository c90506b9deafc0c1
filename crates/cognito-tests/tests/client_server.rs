//! The generated client against the generated server, over real HTTP on loopback, with SigV4
//! verification on: the success path, a modeled error, a validation failure, and the builder's
//! check that every operation has a handler.

use cognitoidentityprovider_client::operation::stop_user_import_job::StopUserImportJobError as ClientError;
use cognitoidentityprovider_client::operation::RequestId;
use cognitoidentityprovider_client::{
    config::retry::RetryConfig, config::Credentials, error::ProvideErrorMetadata, error::SdkError,
    Client, Config,
};
use cognitoidentityprovider_server::operation::stop_user_import_job::{
    StopUserImportJobError, StopUserImportJobOutput,
};
use cognitoidentityprovider_server::types::error::ResourceNotFoundException;
use cognitoidentityprovider_server::types::{UserImportJobStatusType, UserImportJobType};
use cognitoidentityprovider_server::{DateTime, MissingHandlers, ServiceBuilder, SigV4Verifier};

const AKID: &str = "AKIDEXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

async fn start_server() -> (String, tokio::sync::oneshot::Sender<()>) {
    let service = ServiceBuilder::new()
        .stop_user_import_job(|input, ctx| async move {
            assert_eq!(
                ctx.access_key_id.as_deref(),
                Some(AKID),
                "the verified caller reaches the handler"
            );
            if input.job_id() != Some("import-mAgUtd8PMm") {
                return Err(StopUserImportJobError::from(
                    ResourceNotFoundException::builder()
                        .message("No such job.")
                        .build(),
                ));
            }
            let job = UserImportJobType::builder()
                .set_job_id(input.job_id)
                .set_user_pool_id(input.user_pool_id)
                .status(UserImportJobStatusType::Stopped)
                .completion_date(DateTime::from_millis(1_736_443_496_379))
                .imported_users(3)
                .build();
            Ok(StopUserImportJobOutput::builder()
                .user_import_job(job)
                .build())
        })
        .sigv4(SigV4Verifier::new([(AKID, SECRET)]))
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

fn client(url: &str, secret: &str) -> Client {
    Client::from_conf(
        Config::builder()
            .region(cognitoidentityprovider_client::config::Region::new(
                "us-west-2",
            ))
            .endpoint_url(url)
            .credentials_provider(Credentials::new(AKID, secret, None, None, "test"))
            .retry_config(RetryConfig::disabled())
            .build(),
    )
}

#[tokio::test]
async fn generated_client_and_server_talk() {
    let (url, _stop) = start_server().await;
    let client = client(&url, SECRET);

    let out = client
        .stop_user_import_job()
        .user_pool_id("us-west-2_EXAMPLE")
        .job_id("import-mAgUtd8PMm")
        .send()
        .await
        .expect("success");
    let job = out.user_import_job.expect("a job");
    assert_eq!(job.status, Some(UserImportJobStatusType::Stopped));
    assert_eq!(
        job.completion_date.unwrap().to_millis().unwrap(),
        1_736_443_496_379
    );
    assert_eq!(job.imported_users, 3);

    let err = client
        .stop_user_import_job()
        .user_pool_id("us-west-2_EXAMPLE")
        .job_id("import-unknown")
        .send()
        .await
        .expect_err("unknown job");
    assert!(
        err.request_id().is_some(),
        "every response carries a request id"
    );
    let SdkError::ServiceError(service) = err else {
        panic!("a service error")
    };
    match service.err() {
        ClientError::ResourceNotFoundException(e) => {
            assert_eq!(e.message(), Some("No such job."))
        }
        other => panic!("expected ResourceNotFoundException, got {other:?}"),
    }

    let err = client
        .stop_user_import_job()
        .user_pool_id("not a pool id")
        .job_id("bad job id")
        .send()
        .await
        .expect_err("two constraint violations");
    assert_eq!(err.code(), Some("InvalidParameterException"));
    let message = err.message().unwrap_or_default();
    assert!(
        message.starts_with("2 validation errors detected: "),
        "{message}"
    );
    assert!(
        message.contains("at 'userPoolId' failed to satisfy constraint"),
        "{message}"
    );
    assert!(
        message.contains("at 'jobId' failed to satisfy constraint"),
        "{message}"
    );
}

#[tokio::test]
async fn a_wrong_secret_is_rejected() {
    let (url, _stop) = start_server().await;
    let err = client(&url, "not-the-secret")
        .stop_user_import_job()
        .user_pool_id("us-west-2_EXAMPLE")
        .job_id("import-mAgUtd8PMm")
        .send()
        .await
        .expect_err("bad signature");
    assert_eq!(err.code(), Some("InvalidSignatureException"));
}

#[test]
fn building_without_a_handler_names_the_operation() {
    let err = ServiceBuilder::new().build().expect_err("no handlers");
    assert_eq!(err, MissingHandlers(vec!["StopUserImportJob"]));
    assert!(err.to_string().contains("StopUserImportJob"));
}

#[tokio::test]
async fn a_missing_required_member_is_only_reported_as_missing() {
    use http_body_util::BodyExt;
    let service = ServiceBuilder::new()
        .stop_user_import_job(|_, _| async {
            unreachable!("invalid input never reaches the handler")
        })
        .build()
        .unwrap();
    let request = http::Request::post("/")
        .header("content-type", "application/x-amz-json-1.1")
        .header(
            "x-amz-target",
            "AWSCognitoIdentityProviderService.StopUserImportJob",
        )
        .body(http_body_util::Full::new(bytes::Bytes::from_static(
            br#"{"UserPoolId":"us-west-2_EXAMPLE"}"#,
        )))
        .unwrap();
    let response = service.handle(request).await;
    assert_eq!(response.status(), 400);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(json["__type"], "InvalidParameterException");
    assert_eq!(
        json["message"],
        "1 validation error detected: Value null at 'jobId' failed to satisfy constraint: Member must not be null"
    );
}
