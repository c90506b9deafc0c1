//! Endpoints from the model's rules, on the wire: the generated client resolves each call with
//! the Cognito rule set, and a resolver override that asks the same rules (and records their
//! answer) sends the request on to a loopback server instead of AWS.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use cognitoidentityprovider_client::client::ENDPOINT_RULE_SET;
use cognitoidentityprovider_client::config::endpoint::{
    rules, Params, Partitions, ResolveEndpoint, RuleSet,
};
use cognitoidentityprovider_client::operation::stop_user_import_job::StopUserImportJobError;
use cognitoidentityprovider_client::{
    config::Builder as ConfigBuilder, config::Credentials, error::SdkError, Client, Config,
};
use common::{JOB, POOL};
use ingot_client_rt::{BoxError, RetryConfig, TimeoutConfig};
use ingot_cognito_tests::signing::parse_authorization;
use ingot_cognito_tests::{CannedResponse, CaptureServer, SAMPLE_RESPONSE};

/// Resolves with the model's rules, records the URL they chose, and sends the call to `to`
/// (keeping the rules' headers and properties; `extra` adds properties and headers).
#[derive(Debug)]
struct Redirect {
    rules: RuleSet,
    to: String,
    chosen: Arc<Mutex<Vec<String>>>,
    auth_schemes: Option<serde_json::Value>,
    headers: Vec<(String, String)>,
}

impl Redirect {
    fn to(server: &CaptureServer) -> (Self, Arc<Mutex<Vec<String>>>) {
        let chosen = Arc::new(Mutex::new(Vec::new()));
        let redirect = Self {
            rules: RuleSet::from_json_str(ENDPOINT_RULE_SET).expect("the model's rule set"),
            to: server.url(),
            chosen: chosen.clone(),
            auth_schemes: None,
            headers: Vec::new(),
        };
        (redirect, chosen)
    }
}

impl ResolveEndpoint for Redirect {
    fn resolve_endpoint(&self, params: &Params) -> Result<rules::Endpoint, BoxError> {
        let mut endpoint = self.rules.resolve(params, Partitions::builtin())?;
        self.chosen.lock().unwrap().push(endpoint.url.clone());
        endpoint.url = self.to.clone();
        if let Some(schemes) = &self.auth_schemes {
            endpoint
                .properties
                .insert("authSchemes".into(), schemes.clone());
        }
        for (name, value) in &self.headers {
            endpoint
                .headers
                .entry(name.clone())
                .or_default()
                .push(value.clone());
        }
        Ok(endpoint)
    }
}

fn base(region: &str) -> ConfigBuilder {
    Config::builder()
        .region(cognitoidentityprovider_client::config::Region::new(
            region.to_owned(),
        ))
        .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "test"))
        .retry_config(RetryConfig::disabled())
        .timeout_config(
            TimeoutConfig::builder()
                .operation_timeout(Duration::from_secs(5))
                .build(),
        )
}

async fn stop(client: &Client) -> Result<(), SdkError<StopUserImportJobError>> {
    client
        .stop_user_import_job()
        .user_pool_id(POOL)
        .job_id(JOB)
        .send()
        .await
        .map(|_| ())
}

/// Sends one call configured by `config` through a [`Redirect`]; returns the URL the rules
/// chose and the request the server received.
async fn routed(config: ConfigBuilder) -> (String, ingot_cognito_tests::CapturedRequest) {
    let server = CaptureServer::start(vec![CannedResponse::json(200, SAMPLE_RESPONSE)])
        .await
        .expect("bind");
    let (redirect, chosen) = Redirect::to(&server);
    let client = Client::from_conf(config.endpoint_resolver(redirect).build());
    stop(&client).await.expect("call");
    let chosen = chosen.lock().unwrap().clone();
    assert_eq!(chosen.len(), 1, "one resolution per call: {chosen:?}");
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    (chosen[0].clone(), requests[0].clone())
}

#[tokio::test]
async fn partitions_fips_and_dual_stack_follow_the_model_rules() {
    let cases = [
        (
            base("cn-north-1"),
            "https://cognito-idp.cn-north-1.amazonaws.com.cn",
        ),
        (
            base("us-gov-west-1").use_fips(true),
            "https://cognito-idp-fips.us-gov-west-1.amazonaws.com",
        ),
        (
            base("cn-north-1").use_dual_stack(true),
            "https://cognito-idp.cn-north-1.api.amazonwebservices.com.cn",
        ),
        (
            base("eu-west-1"),
            "https://cognito-idp.eu-west-1.amazonaws.com",
        ),
    ];
    for (config, expected) in cases {
        let (url, request) = routed(config).await;
        assert_eq!(url, expected);
        // Without authSchemes in the rules' answer, the configured region signs.
        let auth = parse_authorization(request.header("authorization").unwrap()).unwrap();
        assert!(
            auth.credential.contains("/cognito-idp/aws4_request"),
            "{auth:?}"
        );
    }
}

#[tokio::test]
async fn env_settings_reach_the_rules() {
    let env = |name: &str| match name {
        "AWS_REGION" => Some("us-gov-west-1".to_owned()),
        "AWS_USE_FIPS_ENDPOINT" => Some("true".to_owned()),
        "AWS_ACCESS_KEY_ID" => Some("AKID".to_owned()),
        "AWS_SECRET_ACCESS_KEY" => Some("SECRET".to_owned()),
        _ => None,
    };
    let (url, _) = routed(ConfigBuilder::from_env_with(env)).await;
    assert_eq!(url, "https://cognito-idp-fips.us-gov-west-1.amazonaws.com");
}

#[tokio::test]
async fn endpoint_url_overrides_the_rules() {
    let server = CaptureServer::start(vec![CannedResponse::json(200, SAMPLE_RESPONSE)])
        .await
        .expect("bind");
    // The rules return `SDK::Endpoint` as it is, whatever the region's partition.
    let client = Client::from_conf(base("cn-north-1").endpoint_url(server.url()).build());
    stop(&client).await.expect("call");
    assert_eq!(server.request_count(), 1);
    let (url, _) = routed(base("cn-north-1").endpoint_url("https://example.com")).await;
    assert_eq!(url, "https://example.com");
}

#[tokio::test]
async fn a_rules_error_fails_the_call_before_sending() {
    let server = CaptureServer::start(vec![CannedResponse::json(200, SAMPLE_RESPONSE)])
        .await
        .expect("bind");
    let client = Client::from_conf(
        base("us-east-1")
            .endpoint_url(server.url())
            .use_fips(true)
            .build(),
    );
    match stop(&client).await {
        Err(SdkError::ConstructionFailure(e)) => assert_eq!(
            e.to_string(),
            "Invalid Configuration: FIPS and custom endpoint are not supported"
        ),
        other => panic!("expected a construction failure, got {other:?}"),
    }
    // No region at all: the rule set's own error.
    let client = Client::from_conf(
        Config::builder()
            .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "test"))
            .build(),
    );
    match stop(&client).await {
        Err(SdkError::ConstructionFailure(e)) => {
            assert_eq!(e.to_string(), "Invalid Configuration: Missing Region")
        }
        other => panic!("expected a construction failure, got {other:?}"),
    }
    assert_eq!(server.request_count(), 0);
}

#[tokio::test]
async fn signing_uses_the_auth_scheme_scope_and_endpoint_headers_are_sent_signed() {
    let server = CaptureServer::start(vec![CannedResponse::json(200, SAMPLE_RESPONSE)])
        .await
        .expect("bind");
    let (mut redirect, _) = Redirect::to(&server);
    redirect.auth_schemes = Some(serde_json::json!([
        {"name": "sigv4", "signingName": "cognito-idp-alt", "signingRegion": "us-gov-east-1"}
    ]));
    redirect.headers = vec![("x-ingot-endpoint".into(), "from-rules".into())];
    let client = Client::from_conf(base("us-west-2").endpoint_resolver(redirect).build());
    stop(&client).await.expect("call");
    let request = &server.requests()[0];
    let auth = parse_authorization(request.header("authorization").unwrap()).unwrap();
    assert!(
        auth.credential
            .ends_with("/us-gov-east-1/cognito-idp-alt/aws4_request"),
        "{}",
        auth.credential
    );
    assert_eq!(request.header("x-ingot-endpoint"), Some("from-rules"));
    assert!(
        auth.signed_headers.iter().any(|h| h == "x-ingot-endpoint"),
        "{:?}",
        auth.signed_headers
    );
}

#[tokio::test]
async fn a_resolver_error_names_its_cause_and_sends_nothing() {
    #[derive(Debug)]
    struct Refuse;
    impl ResolveEndpoint for Refuse {
        fn resolve_endpoint(&self, _: &Params) -> Result<rules::Endpoint, BoxError> {
            Err("no route for this tenant".into())
        }
    }
    let client = Client::from_conf(base("us-east-1").endpoint_resolver(Refuse).build());
    match stop(&client).await {
        Err(SdkError::ConstructionFailure(e)) => assert_eq!(
            e.to_string(),
            "endpoint resolution failed: no route for this tenant"
        ),
        other => panic!("expected a construction failure, got {other:?}"),
    }
}
