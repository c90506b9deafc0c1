//! Ingot's generated client and the official AWS SDK put the same StopUserImportJob on the wire,
//! and both requests carry a SigV4 signature that verifies against the captured bytes.

use aws_credential_types::Credentials;
use aws_sdk_cognitoidentityprovider as official;
use ingot_cognito_tests::signing::{
    assert_signature_verifies, signing_time, AKID, REGION, SECRET, TOKEN,
};
use ingot_cognito_tests::{CannedResponse, CaptureServer, CapturedRequest};

const POOL: &str = "us-west-2_EXAMPLE";
const JOB: &str = "import-mAgUtd8PMm";

fn canned_ok() -> Vec<CannedResponse> {
    vec![CannedResponse::json(
        200,
        r#"{"UserImportJob":{"JobId":"import-mAgUtd8PMm","Status":"Stopped"}}"#,
    )]
}

async fn capture_ingot() -> CapturedRequest {
    let server = CaptureServer::start(canned_ok()).await.expect("bind");
    let config = cognitoidentityprovider_client::Config::builder()
        .region(cognitoidentityprovider_client::config::Region::new(REGION))
        .credentials_provider(Credentials::new(
            AKID,
            SECRET,
            Some(TOKEN.to_owned()),
            None,
            "test",
        ))
        .endpoint_url(server.url())
        .fixed_signing_time(signing_time())
        .retry_config(cognitoidentityprovider_client::config::retry::RetryConfig::disabled())
        .build();
    let client = cognitoidentityprovider_client::Client::from_conf(config);
    client
        .stop_user_import_job()
        .user_pool_id(POOL)
        .job_id(JOB)
        .send()
        .await
        .expect("ingot call succeeds");
    let mut requests = server.requests();
    assert_eq!(requests.len(), 1, "ingot sent exactly one request");
    requests.remove(0)
}

async fn capture_official() -> CapturedRequest {
    let server = CaptureServer::start(canned_ok()).await.expect("bind");
    let config = official::Config::builder()
        .behavior_version(official::config::BehaviorVersion::latest())
        .region(official::config::Region::new(REGION))
        .credentials_provider(official::config::Credentials::new(
            AKID,
            SECRET,
            Some(TOKEN.to_owned()),
            None,
            "test",
        ))
        .endpoint_url(server.url())
        .time_source(aws_smithy_async::time::StaticTimeSource::new(signing_time()))
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .retry_config(official::config::retry::RetryConfig::disabled())
        .build();
    let client = official::Client::from_conf(config);
    client
        .stop_user_import_job()
        .user_pool_id(POOL)
        .job_id(JOB)
        .send()
        .await
        .expect("official call succeeds");
    let mut requests = server.requests();
    assert_eq!(requests.len(), 1, "the SDK sent exactly one request");
    requests.remove(0)
}

#[tokio::test]
async fn ingot_and_official_sdk_send_the_same_request() {
    let ingot = capture_ingot().await;
    let official = capture_official().await;

    assert_eq!(ingot.method, http::Method::POST);
    assert_eq!(ingot.method, official.method);
    assert_eq!(ingot.uri.path(), "/");
    assert_eq!(ingot.uri.path(), official.uri.path());
    assert_eq!(
        ingot.header("x-amz-target"),
        Some("AWSCognitoIdentityProviderService.StopUserImportJob")
    );
    assert_eq!(
        ingot.header("x-amz-target"),
        official.header("x-amz-target")
    );
    assert_eq!(
        ingot.header("content-type"),
        Some("application/x-amz-json-1.1")
    );
    assert_eq!(
        ingot.header("content-type"),
        official.header("content-type")
    );
    assert_eq!(
        ingot.header("content-length"),
        Some(ingot.body.len().to_string().as_str())
    );

    let ingot_body: serde_json::Value = serde_json::from_slice(&ingot.body).expect("ingot JSON");
    let official_body: serde_json::Value =
        serde_json::from_slice(&official.body).expect("official JSON");
    assert_eq!(
        ingot_body,
        serde_json::json!({"UserPoolId": POOL, "JobId": JOB})
    );
    assert_eq!(ingot_body, official_body);

    assert_signature_verifies("ingot", &ingot);
    assert_signature_verifies("official SDK", &official);
}
