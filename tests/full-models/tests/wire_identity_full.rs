//! The client generated from the FULL Cognito model and the official AWS SDK put the same
//! request on the wire for operations whose inputs nest structures, lists, maps and enums.
//!
//! Each test sends one input through both clients (same credentials, region, signing time and
//! endpoint, no retries) to a capture server and compares method, path, `X-Amz-Target`,
//! `Content-Type`, the JSON body (as values, so key order and spacing do not matter) against
//! each other and against the JSON written out in the test, then checks that both SigV4
//! signatures verify over the captured bytes.
//!
//! No Cognito input has a timestamp member (`DateType` only appears in outputs), so none is
//! covered here.

use std::collections::HashMap;
use std::fmt::Debug;

use aws_sdk_cognitoidentityprovider as official;
use cognitoidentityprovider_client as ingot;
use ingot_cognito_tests::signing::{
    assert_signature_verifies, signing_time, AKID, REGION, SECRET, TOKEN,
};
use ingot_cognito_tests::{CannedResponse, CaptureServer, CapturedRequest};
use serde_json::{json, Value};

use ingot::types as it;
use official::types as ot;

const POOL: &str = "us-west-2_EXAMPLE";
const USER: &str = "alice";
const CLIENT_ID: &str = "1example23456789";
const LAMBDA: &str = "arn:aws:lambda:us-west-2:123456789012:function:trigger";
const KMS: &str = "arn:aws:kms:us-west-2:123456789012:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d";
const SNS_ROLE: &str = "arn:aws:iam::123456789012:role/sns-caller";
const SES: &str = "arn:aws:ses:us-west-2:123456789012:identity/no-reply@example.com";

fn ingot_client(endpoint: &str) -> ingot::Client {
    let config = ingot::Config::builder()
        .region(cognitoidentityprovider_client::config::Region::new(
            REGION,
        ))
        .credentials_provider(ingot::config::Credentials::new(
            AKID,
            SECRET,
            Some(TOKEN.to_owned()),
            None,
            "test",
        ))
        .endpoint_url(endpoint)
        .fixed_signing_time(signing_time())
        .retry_config(ingot::config::retry::RetryConfig::disabled())
        .build();
    ingot::Client::from_conf(config)
}

fn official_client(endpoint: &str) -> official::Client {
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
        .endpoint_url(endpoint)
        .time_source(aws_smithy_async::time::StaticTimeSource::new(signing_time()))
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .retry_config(official::config::retry::RetryConfig::disabled())
        .build();
    official::Client::from_conf(config)
}

/// Runs `call` against a fresh capture server answering `response` and returns the one request.
async fn capture<C, F, T, E>(who: &str, response: &str, make: F, call: C) -> CapturedRequest
where
    F: FnOnce(&str) -> T,
    C: AsyncFnOnce(T) -> Result<(), E>,
    E: Debug,
{
    let server = CaptureServer::start(vec![CannedResponse::json(200, response.to_owned())])
        .await
        .expect("bind the capture server");
    let client = make(&server.url());
    if let Err(e) = call(client).await {
        panic!("{who}: the call must succeed: {e:?}");
    }
    let mut requests = server.requests();
    assert_eq!(requests.len(), 1, "{who} sent exactly one request");
    requests.remove(0)
}

fn json_body(who: &str, request: &CapturedRequest) -> Value {
    serde_json::from_slice(&request.body)
        .unwrap_or_else(|e| panic!("{who}: body is not JSON ({e}): {:?}", request.body))
}

/// Sends one operation through both clients and asserts the two requests are the same on the
/// wire, that the body is `expected`, and that both signatures verify.
async fn assert_same_wire<I, O, EI, EO>(
    operation: &str,
    response: &str,
    ingot_call: I,
    official_call: O,
    expected: Value,
) where
    I: AsyncFnOnce(ingot::Client) -> Result<(), EI>,
    O: AsyncFnOnce(official::Client) -> Result<(), EO>,
    EI: Debug,
    EO: Debug,
{
    let ingot = capture("ingot", response, ingot_client, ingot_call).await;
    let official = capture("official SDK", response, official_client, official_call).await;

    assert_eq!(ingot.method, http::Method::POST, "{operation}");
    assert_eq!(ingot.method, official.method, "{operation}");
    assert_eq!(ingot.uri.path(), "/", "{operation}");
    assert_eq!(ingot.uri, official.uri, "{operation}");
    let target = format!("AWSCognitoIdentityProviderService.{operation}");
    assert_eq!(ingot.header("x-amz-target"), Some(target.as_str()));
    assert_eq!(
        ingot.header("x-amz-target"),
        official.header("x-amz-target"),
        "{operation}"
    );
    assert_eq!(
        ingot.header("content-type"),
        Some("application/x-amz-json-1.1"),
        "{operation}"
    );
    assert_eq!(
        ingot.header("content-type"),
        official.header("content-type"),
        "{operation}"
    );
    assert_eq!(
        ingot.header("content-length"),
        Some(ingot.body.len().to_string().as_str()),
        "{operation}"
    );

    let ingot_body = json_body("ingot", &ingot);
    let official_body = json_body("official SDK", &official);
    assert_eq!(
        official_body, expected,
        "{operation}: the official SDK's body"
    );
    assert_eq!(ingot_body, official_body, "{operation}: ingot vs official");

    assert_signature_verifies(&format!("ingot {operation}"), &ingot);
    assert_signature_verifies(&format!("official SDK {operation}"), &official);
}

fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn ingot_attrs(pairs: &[(&str, &str)]) -> Vec<it::AttributeType> {
    pairs
        .iter()
        .map(|(name, value)| {
            it::AttributeType::builder()
                .name(*name)
                .value(*value)
                .build()
                .expect("name is set")
        })
        .collect()
}

fn official_attrs(pairs: &[(&str, &str)]) -> Vec<ot::AttributeType> {
    pairs
        .iter()
        .map(|(name, value)| {
            ot::AttributeType::builder()
                .name(*name)
                .value(*value)
                .build()
                .expect("name is set")
        })
        .collect()
}

const ATTRS: &[(&str, &str)] = &[
    ("email", "alice@example.com"),
    ("custom:tier", "gold"),
    ("email_verified", "true"),
];
const METADATA: &[(&str, &str)] = &[("source", "wire-test"), ("campaign", "q1")];

// A test crate root resolves `mod` files next to itself; these live in a folder of their own so
// cargo does not take them for test targets.
#[path = "wire_identity_full/user_pools.rs"]
mod user_pools;
#[path = "wire_identity_full/users.rs"]
mod users;
