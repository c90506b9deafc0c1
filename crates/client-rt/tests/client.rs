//! End-to-end behaviour of `Client::invoke` against a scripted loopback server: wire headers,
//! SigV4 that verifies, retries, timeouts, dispatch failures and endpoint selection.

mod support;

use std::time::{Duration, Instant, SystemTime};

use ingot_client_rt::__private::{AuthMode, Client, InvokeError, Protocol, ServiceInfo};
use ingot_client_rt::{
    Config, ConfigBuilder, Credentials, RetryConfig, TimeoutConfig, TimeoutKind,
};
use support::{recompute_signature, Reply, ScriptedServer, COGNITO};

const AKID: &str = "AKIDEXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN: &str = "session-token-value";

fn credentials() -> Credentials {
    Credentials::new(AKID, SECRET, Some(TOKEN.to_owned()), None, "test")
}

/// Small backoffs so retry tests finish in milliseconds.
fn fast_retries() -> RetryConfig {
    RetryConfig::standard()
        .with_initial_backoff(Duration::from_millis(5))
        .with_max_backoff(Duration::from_millis(20))
}

fn config_for(server: &ScriptedServer) -> ConfigBuilder {
    Config::builder()
        .region(ingot_client_rt::Region::new("us-west-2"))
        .credentials_provider(credentials())
        .endpoint_url(server.url())
        .retry_config(fast_retries())
}

#[tokio::test]
async fn request_is_well_formed_and_its_signature_verifies() {
    let server = ScriptedServer::start(vec![Reply::ok(r#"{"UserPool":{}}"#)]).await;
    let signing_time = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let client = Client::new(
        &COGNITO,
        config_for(&server).fixed_signing_time(signing_time).build(),
    );
    let body = br#"{"UserPoolId":"us-west-2_EXAMPLE"}"#.to_vec();

    let response = client
        .invoke("DescribeUserPool", body.clone())
        .await
        .expect("success");
    assert_eq!(response.status, 200);
    assert_eq!(&response.body[..], br#"{"UserPool":{}}"#);

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let req = &requests[0];
    assert_eq!(req.method, "POST");
    assert_eq!(req.uri, "/");
    assert_eq!(&req.body[..], &body[..]);
    assert_eq!(
        req.header("content-type"),
        Some("application/x-amz-json-1.1")
    );
    assert_eq!(
        req.header("content-length"),
        Some(body.len().to_string().as_str())
    );
    assert_eq!(
        req.header("x-amz-target"),
        Some("AWSCognitoIdentityProviderService.DescribeUserPool")
    );
    assert_eq!(req.header("x-amz-security-token"), Some(TOKEN));
    assert_eq!(req.header("x-amz-date"), Some("20231114T221320Z"));
    assert_eq!(req.header("amz-sdk-request"), Some("attempt=1; max=3"));
    let invocation = req.header("amz-sdk-invocation-id").expect("invocation id");
    assert_eq!(uuid_version(invocation), Some(4));
    assert!(req.header("user-agent").expect("UA").starts_with("ingot/"));
    assert!(req
        .header("x-amz-user-agent")
        .expect("x-amz-UA")
        .contains("api/cognitoidentityprovider"));

    let auth = req.header("authorization").expect("Authorization");
    assert!(
        auth.starts_with(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20231114/us-west-2/cognito-idp/aws4_request, "
        ),
        "{auth}"
    );
    assert!(
        auth.contains("SignedHeaders=content-length;content-type;host;x-amz-date;x-amz-security-token;x-amz-target;x-amz-user-agent,"),
        "{auth}"
    );
    let (expected, sent) = recompute_signature(req, SECRET, "us-west-2", "cognito-idp");
    assert_eq!(sent, expected);
    // The check above can fail: a different secret yields a different signature.
    let (wrong, _) = recompute_signature(req, "not-the-secret", "us-west-2", "cognito-idp");
    assert_ne!(sent, wrong);
}

fn uuid_version(s: &str) -> Option<usize> {
    let groups: Vec<&str> = s.split('-').collect();
    let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    (lens == [8, 4, 4, 4, 12] && s.chars().all(|c| c == '-' || c.is_ascii_hexdigit()))
        .then(|| {
            groups[2]
                .chars()
                .next()
                .and_then(|c| c.to_digit(16))
                .map(|d| d as usize)
        })
        .flatten()
}

#[tokio::test]
async fn anonymous_operations_are_unsigned_and_need_no_credentials() {
    let server = ScriptedServer::start(vec![Reply::ok("{}")]).await;
    let config = Config::builder().endpoint_url(server.url()).build();
    let client = Client::new(&COGNITO, config);
    client
        .invoke_with_auth("InitiateAuth", b"{}".to_vec(), AuthMode::Anonymous)
        .await
        .expect("success");
    let req = &server.requests()[0];
    assert!(req.header("authorization").is_none());
    assert!(req.header("x-amz-date").is_none());
    assert_eq!(
        req.header("x-amz-target"),
        Some("AWSCognitoIdentityProviderService.InitiateAuth")
    );
    // A signed call on the same client fails before anything is sent.
    let err = client
        .invoke("StopUserImportJob", b"{}".to_vec())
        .await
        .unwrap_err();
    assert!(matches!(err, InvokeError::Construction(_)), "{err:?}");
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn throttling_is_retried_then_succeeds() {
    let server = ScriptedServer::start(vec![
        Reply::error(400, "TooManyRequestsException", "slow down"),
        Reply::ok(r#"{"ok":true}"#),
    ])
    .await;
    let client = Client::new(&COGNITO, config_for(&server).build());
    let response = client
        .invoke("ListUserPools", b"{}".to_vec())
        .await
        .expect("retried to success");
    assert_eq!(&response.body[..], br#"{"ok":true}"#);
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].header("amz-sdk-request"),
        Some("attempt=1; max=3")
    );
    assert_eq!(
        requests[1].header("amz-sdk-request"),
        Some("attempt=2; max=3")
    );
    assert_eq!(
        requests[0].header("amz-sdk-invocation-id"),
        requests[1].header("amz-sdk-invocation-id")
    );
    // Each attempt is signed again and still verifies.
    let (expected, sent) = recompute_signature(&requests[1], SECRET, "us-west-2", "cognito-idp");
    assert_eq!(sent, expected);
}

#[tokio::test]
async fn client_errors_are_not_retried() {
    let server = ScriptedServer::start(vec![
        Reply::error(400, "InvalidParameterException", "bad pool id"),
        Reply::ok("{}"),
    ])
    .await;
    let client = Client::new(&COGNITO, config_for(&server).build());
    let err = client
        .invoke("DescribeUserPool", b"{}".to_vec())
        .await
        .unwrap_err();
    let InvokeError::Service(service) = err else {
        panic!("expected a service error, got {err:?}");
    };
    assert_eq!(service.meta.code(), Some("InvalidParameterException"));
    assert_eq!(service.meta.message(), Some("bad pool id"));
    assert_eq!(service.meta.request_id(), Some("req-123"));
    assert_eq!(service.meta.status(), 400);
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn server_errors_are_retried_up_to_max_attempts_and_the_last_is_returned() {
    let server = ScriptedServer::start(vec![
        Reply::error(500, "InternalErrorException", "first"),
        Reply::error(503, "ServiceUnavailable", "second"),
        Reply::error(500, "InternalErrorException", "third"),
        Reply::ok("{}"),
    ])
    .await;
    let client = Client::new(&COGNITO, config_for(&server).build());
    let err = client
        .invoke("ListUserPools", b"{}".to_vec())
        .await
        .unwrap_err();
    let InvokeError::Service(service) = err else {
        panic!("expected a service error, got {err:?}");
    };
    assert_eq!(service.meta.message(), Some("third"));
    assert_eq!(service.raw.status, 500);
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn max_attempts_is_configurable() {
    let script = vec![Reply::error(500, "InternalErrorException", "x"); 6];
    let server = ScriptedServer::start(script).await;
    let retry = fast_retries().with_max_attempts(5);
    let client = Client::new(&COGNITO, config_for(&server).retry_config(retry).build());
    client
        .invoke("ListUserPools", b"{}".to_vec())
        .await
        .unwrap_err();
    assert_eq!(server.requests().len(), 5);
    assert_eq!(
        server.requests()[4].header("amz-sdk-request"),
        Some("attempt=5; max=5")
    );

    let server =
        ScriptedServer::start(vec![Reply::error(500, "InternalErrorException", "x"); 2]).await;
    let client = Client::new(
        &COGNITO,
        config_for(&server)
            .retry_config(RetryConfig::disabled())
            .build(),
    );
    client
        .invoke("ListUserPools", b"{}".to_vec())
        .await
        .unwrap_err();
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn unresponsive_server_hits_the_operation_timeout() {
    let server = ScriptedServer::start(vec![Reply::Hang, Reply::Hang, Reply::Hang]).await;
    let limit = Duration::from_millis(300);
    let config = config_for(&server)
        .timeout_config(TimeoutConfig::builder().operation_timeout(limit).build())
        .build();
    let client = Client::new(&COGNITO, config);
    let started = Instant::now();
    let err = client
        .invoke("ListUserPools", b"{}".to_vec())
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    let InvokeError::Timeout(timeout) = err else {
        panic!("expected a timeout, got {err:?}");
    };
    assert_eq!(timeout.kind(), TimeoutKind::Operation);
    assert_eq!(timeout.duration(), limit);
    assert!(
        elapsed >= limit && elapsed < Duration::from_secs(3),
        "{elapsed:?}"
    );
}

#[tokio::test]
async fn attempt_timeouts_are_retried() {
    let server = ScriptedServer::start(vec![Reply::Hang, Reply::ok(r#"{"second":1}"#)]).await;
    let config = config_for(&server)
        .timeout_config(
            TimeoutConfig::builder()
                .operation_attempt_timeout(Duration::from_millis(200))
                .build(),
        )
        .build();
    let client = Client::new(&COGNITO, config);
    let started = Instant::now();
    let response = client
        .invoke("ListUserPools", b"{}".to_vec())
        .await
        .expect("second attempt");
    assert_eq!(&response.body[..], br#"{"second":1}"#);
    assert_eq!(server.requests().len(), 2);
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn refused_connections_are_dispatch_failures_after_retries() {
    // Bind then drop a listener to get a loopback port nobody listens on.
    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port");
    let config = Config::builder()
        .region(ingot_client_rt::Region::new("us-west-2"))
        .credentials_provider(credentials())
        .endpoint_url(format!("http://{addr}"))
        .retry_config(fast_retries())
        .build();
    let client = Client::new(&COGNITO, config);
    let err = client
        .invoke("ListUserPools", b"{}".to_vec())
        .await
        .unwrap_err();
    let InvokeError::Dispatch(dispatch) = err else {
        panic!("expected a dispatch failure, got {err:?}");
    };
    assert!(dispatch.is_connect());
}

#[tokio::test]
async fn endpoint_path_and_env_override_are_used() {
    let server = ScriptedServer::start(vec![Reply::ok("{}"), Reply::ok("{}")]).await;
    let client = Client::new(
        &COGNITO,
        config_for(&server)
            .endpoint_url(format!("{}/custom", server.url()))
            .build(),
    );
    client
        .invoke("ListUserPools", b"{}".to_vec())
        .await
        .expect("success");
    assert_eq!(server.requests()[0].uri, "/custom/");

    // The service-specific variable beats the global one, which points nowhere useful.
    let url = server.url();
    let env = move |name: &str| match name {
        "AWS_REGION" => Some("eu-central-1".to_owned()),
        "AWS_ACCESS_KEY_ID" => Some(AKID.to_owned()),
        "AWS_SECRET_ACCESS_KEY" => Some(SECRET.to_owned()),
        "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER" => Some(url.clone()),
        "AWS_ENDPOINT_URL" => Some("http://127.0.0.1:9".to_owned()),
        _ => None,
    };
    let client = Client::new(
        &COGNITO,
        ConfigBuilder::from_env_with(env)
            .retry_config(fast_retries())
            .build(),
    );
    client
        .invoke("ListUserPools", b"{}".to_vec())
        .await
        .expect("success");
    let req = &server.requests()[1];
    assert!(req
        .header("authorization")
        .expect("signed")
        .contains("/eu-central-1/cognito-idp/"));
    assert!(req.header("x-amz-security-token").is_none());
    let (expected, sent) = recompute_signature(req, SECRET, "eu-central-1", "cognito-idp");
    assert_eq!(sent, expected);
}

#[tokio::test]
async fn clones_share_one_keep_alive_connection() {
    let server =
        ScriptedServer::start(vec![Reply::ok("{}"), Reply::ok("{}"), Reply::ok("{}")]).await;
    let client = Client::new(&COGNITO, config_for(&server).build());
    let clone = client.clone();
    client.invoke("A", b"{}".to_vec()).await.expect("first");
    clone.invoke("B", b"{}".to_vec()).await.expect("second");
    client.invoke("C", b"{}".to_vec()).await.expect("third");
    assert_eq!(server.requests().len(), 3);
    assert_eq!(server.connections(), 1);
}

#[tokio::test]
async fn json_1_0_services_send_their_content_type() {
    static JSON10: ServiceInfo = ServiceInfo {
        target_prefix: "JsonRpc10",
        protocol: Protocol::AwsJson1_0,
        signing_name: "jsonrpc10",
        endpoint_prefix: "jsonrpc10",
        env_name: "JSON_RPC_10",
        sdk_id: "Json Rpc 10",
        query_compatible: false,
        retryable_errors: &[],
        endpoint_rule_set: None,
        endpoint_discovery: None,
    };
    let server = ScriptedServer::start(vec![Reply::ok("")]).await;
    let client = Client::new(&JSON10, config_for(&server).build());
    let response = client
        .invoke("NoInputAndNoOutput", b"{}".to_vec())
        .await
        .expect("success");
    assert!(response.body.is_empty());
    let req = &server.requests()[0];
    assert_eq!(
        req.header("content-type"),
        Some("application/x-amz-json-1.0")
    );
    assert_eq!(
        req.header("x-amz-target"),
        Some("JsonRpc10.NoInputAndNoOutput")
    );
    let (expected, sent) = recompute_signature(req, SECRET, "us-west-2", "jsonrpc10");
    assert_eq!(sent, expected);
}

#[tokio::test]
async fn header_error_type_and_empty_body_are_classified() {
    let server = ScriptedServer::start(vec![Reply::Respond {
        status: 500,
        headers: vec![
            ("x-amzn-errortype", "aws.protocoltests.json#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"),
            ("x-amzn-requestid", "amazon-uniq-request-id"),
        ],
        body: String::new(),
    }])
    .await;
    let client = Client::new(
        &COGNITO,
        config_for(&server)
            .retry_config(RetryConfig::disabled())
            .build(),
    );
    let err = client
        .invoke("ListUserPools", b"{}".to_vec())
        .await
        .unwrap_err();
    let InvokeError::Service(service) = err else {
        panic!("expected a service error, got {err:?}");
    };
    assert_eq!(service.meta.code(), Some("FooError"));
    assert_eq!(service.meta.request_id(), Some("amazon-uniq-request-id"));
    assert_eq!(service.raw.request_id(), Some("amazon-uniq-request-id"));
}

#[tokio::test]
async fn https_endpoints_go_through_tls() {
    // A plain-HTTP server cannot complete a TLS handshake, so the call must fail as a dispatch
    // failure (proving the https scheme is routed through rustls) rather than succeed or panic.
    let server = ScriptedServer::start(vec![Reply::ok("{}")]).await;
    let config = config_for(&server)
        .endpoint_url(format!("https://{}", server.addr))
        .retry_config(RetryConfig::disabled())
        .timeout_config(
            TimeoutConfig::builder()
                .operation_timeout(Duration::from_secs(5))
                .build(),
        )
        .build();
    let client = Client::new(&COGNITO, config);
    let err = client
        .invoke("ListUserPools", b"{}".to_vec())
        .await
        .unwrap_err();
    assert!(matches!(err, InvokeError::Dispatch(_)), "{err:?}");
    assert!(server.requests().is_empty());
}

#[test]
fn client_and_its_futures_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync + 'static>(_: &T) {}
    fn assert_send<T: Send>(_: &T) {}
    let client = Client::new(&COGNITO, Config::builder().build());
    assert_send_sync(&client);
    let future = client.invoke("ListUserPools", b"{}".to_vec());
    assert_send(&future);
}
