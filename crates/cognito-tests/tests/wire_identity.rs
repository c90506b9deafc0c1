//! Ingot's generated client and the official AWS SDK put the same StopUserImportJob on the wire,
//! and both requests carry a SigV4 signature that verifies against the captured bytes.

use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials;
use aws_sdk_cognitoidentityprovider as official;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use ingot_cognito_tests::{CannedResponse, CaptureServer, CapturedRequest};

const AKID: &str = "AKIDEXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN: &str = "session-token-EXAMPLE";
const REGION: &str = "us-west-2";
const POOL: &str = "us-west-2_EXAMPLE";
const JOB: &str = "import-mAgUtd8PMm";
/// 2025-01-09T17:24:56Z
const SIGNING_SECS: u64 = 1_736_443_496;
const SIGNING_AMZ_DATE: &str = "20250109T172456Z";

fn signing_time() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(SIGNING_SECS)
}

fn canned_ok() -> Vec<CannedResponse> {
    vec![CannedResponse::json(
        200,
        r#"{"UserImportJob":{"JobId":"import-mAgUtd8PMm","Status":"Stopped"}}"#,
    )]
}

async fn capture_ingot() -> CapturedRequest {
    let server = CaptureServer::start(canned_ok()).await.expect("bind");
    let config = cognito_identity_provider_client::Config::builder()
        .region(REGION)
        .credentials_provider(Credentials::new(
            AKID,
            SECRET,
            Some(TOKEN.to_owned()),
            None,
            "test",
        ))
        .endpoint_url(server.url())
        .fixed_signing_time(signing_time())
        .retry_config(cognito_identity_provider_client::RetryConfig::disabled())
        .build();
    let client = cognito_identity_provider_client::Client::from_conf(config);
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

/// The parts of an `Authorization: AWS4-HMAC-SHA256 ...` header.
#[derive(Debug)]
struct Authorization {
    credential: String,
    signed_headers: Vec<String>,
    signature: String,
}

fn parse_authorization(value: &str) -> Authorization {
    let rest = value
        .strip_prefix("AWS4-HMAC-SHA256 ")
        .unwrap_or_else(|| panic!("not a SigV4 header: {value}"));
    let mut credential = None;
    let mut signed_headers = None;
    let mut signature = None;
    for part in rest.split(',').map(str::trim) {
        if let Some(v) = part.strip_prefix("Credential=") {
            credential = Some(v.to_owned());
        } else if let Some(v) = part.strip_prefix("SignedHeaders=") {
            signed_headers = Some(v.split(';').map(str::to_owned).collect());
        } else if let Some(v) = part.strip_prefix("Signature=") {
            signature = Some(v.to_owned());
        }
    }
    Authorization {
        credential: credential.expect("Credential="),
        signed_headers: signed_headers.expect("SignedHeaders="),
        signature: signature.expect("Signature="),
    }
}

/// Recomputes the signature of `request` over exactly the headers it claims to have signed.
fn recompute_signature(request: &CapturedRequest, secret: &str, signed: &[String]) -> String {
    let credentials = Credentials::new(AKID, secret, Some(TOKEN.to_owned()), None, "verify");
    let identity: aws_smithy_runtime_api::client::identity::Identity = credentials.into();
    let mut settings = SigningSettings::default();
    // Sign every header the client listed, and no other: the default exclusions do not apply.
    settings.excluded_headers = Some(Vec::new());
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(REGION)
        .name("cognito-idp")
        .time(signing_time())
        .settings(settings)
        .build()
        .expect("signing params")
        .into();
    let headers: Vec<(&str, &str)> = signed
        .iter()
        .map(|name| {
            let value = request
                .header(name)
                .unwrap_or_else(|| panic!("signed header {name} missing from the request"));
            (name.as_str(), value)
        })
        .collect();
    // The captured URI is origin-form; the canonical request only uses its path and query.
    let uri = format!(
        "http://{}{}",
        request.header("host").expect("host"),
        request.uri
    );
    let signable = SignableRequest::new(
        request.method.as_str(),
        uri,
        headers.into_iter(),
        SignableBody::Bytes(&request.body),
    )
    .expect("signable");
    let (_, signature) = sign(signable, &params).expect("sign").into_parts();
    signature
}

/// Checks `request`'s signature with the right secret (must match) and a wrong one (must not).
fn assert_signature_verifies(who: &str, request: &CapturedRequest) {
    let auth = parse_authorization(request.header("authorization").expect("authorization"));
    assert_eq!(
        auth.credential,
        format!("{AKID}/20250109/{REGION}/cognito-idp/aws4_request"),
        "{who}: credential scope"
    );
    assert_eq!(
        request.header("x-amz-date"),
        Some(SIGNING_AMZ_DATE),
        "{who}"
    );
    assert_eq!(request.header("x-amz-security-token"), Some(TOKEN), "{who}");
    for required in ["host", "x-amz-date", "x-amz-target", "x-amz-security-token"] {
        assert!(
            auth.signed_headers.iter().any(|h| h == required),
            "{who}: {required} must be signed, signed: {:?}",
            auth.signed_headers
        );
    }
    let good = recompute_signature(request, SECRET, &auth.signed_headers);
    assert_eq!(good, auth.signature, "{who}: signature must verify");
    let bad = recompute_signature(request, "not-the-secret", &auth.signed_headers);
    assert_ne!(bad, auth.signature, "{who}: a wrong secret must not verify");
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
