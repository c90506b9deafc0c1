//! SigV4 verification through the service, with requests signed by the official `aws-sigv4`
//! crate (the signer of the AWS SDK for Rust).

mod common;

use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use bytes::Bytes;
use common::{call, cognito_like, full, target, Answer};
use http::Request;
use http_body_util::Full;
use ingot_server_rt::{AwsJsonService, Protocol, SigV4Verifier};

const P: Protocol = Protocol::AwsJson1_1;
const AKID: &str = "AKIDEXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const REGION: &str = "us-east-1";
const SERVICE_NAME: &str = "cognito-idp";

fn secured() -> AwsJsonService {
    cognito_like().sigv4(Some(
        SigV4Verifier::new([(AKID, SECRET), ("AKIDOTHER", "other-secret")])
            .with_region(REGION)
            .with_service(SERVICE_NAME),
    ))
}

struct Signing<'a> {
    akid: &'a str,
    secret: &'a str,
    token: Option<&'a str>,
    time: SystemTime,
}

impl Default for Signing<'_> {
    fn default() -> Self {
        Self {
            akid: AKID,
            secret: SECRET,
            token: None,
            time: SystemTime::now(),
        }
    }
}

/// Builds a request for `op` the way an SDK does, signed with `signing`.
fn signed(op: &str, body: &'static str, signing: Signing<'_>) -> Request<Full<Bytes>> {
    let target = target(op);
    let headers = [
        ("host", "cognito-idp.us-east-1.amazonaws.com"),
        ("content-type", P.content_type()),
        ("x-amz-target", target.as_str()),
        ("content-length", &body.len().to_string()),
        (
            "amz-sdk-invocation-id",
            "9b1c2b7e-0f1d-4c7e-8c59-3f5b8b8f0a11",
        ),
        ("amz-sdk-request", "attempt=1; max=3"),
        ("user-agent", "test-agent/1.0"),
    ]
    .map(|(k, v)| (k, v.to_owned()));
    let identity = Credentials::new(
        signing.akid,
        signing.secret,
        signing.token.map(str::to_owned),
        None,
        "test",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(REGION)
        .name(SERVICE_NAME)
        .time(signing.time)
        .settings(SigningSettings::default())
        .build()
        .expect("signing params")
        .into();
    let signable = SignableRequest::new(
        "POST",
        "https://cognito-idp.us-east-1.amazonaws.com/",
        headers.iter().map(|(k, v)| (*k, v.as_str())),
        SignableBody::Bytes(body.as_bytes()),
    )
    .expect("signable");
    let (instructions, _) = sign(signable, &params).expect("sign").into_parts();
    let mut builder = Request::post("/");
    for (k, v) in &headers {
        builder = builder.header(*k, v.as_str());
    }
    let mut request = builder.body(full(body)).expect("request");
    instructions.apply_to_request_http1x(&mut request);
    request
}

fn assert_auth_error(answer: &Answer, name: &str) {
    answer.assert_error(P, 400, name, name);
}

#[tokio::test]
async fn sdk_signed_request_passes_and_names_the_key() {
    let answer = call(&secured(), signed("Echo", r#"{"a":1}"#, Signing::default())).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.json()["accessKeyId"], AKID);
    let other = Signing {
        akid: "AKIDOTHER",
        secret: "other-secret",
        ..Signing::default()
    };
    let answer = call(&secured(), signed("Echo", "{}", other)).await;
    assert_eq!(answer.json()["accessKeyId"], "AKIDOTHER");
}

#[tokio::test]
async fn session_token_is_signed_and_accepted() {
    let signing = Signing {
        token: Some("any-session-token"),
        ..Signing::default()
    };
    let request = signed("Echo", "{}", signing);
    let auth = request.headers()["authorization"]
        .to_str()
        .expect("text")
        .to_owned();
    assert!(auth.contains("x-amz-security-token"), "{auth}");
    let answer = call(&secured(), request).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
}

#[tokio::test]
async fn unsigned_request_is_missing_token() {
    let request = Request::post("/")
        .header("content-type", P.content_type())
        .header("x-amz-target", target("Echo"))
        .body(full("{}"))
        .expect("request");
    let answer = call(&secured(), request).await;
    assert_auth_error(&answer, "MissingAuthenticationTokenException");
    assert_eq!(
        answer.json()["message"],
        "Request is missing Authentication Token"
    );
}

#[tokio::test]
async fn unknown_key_is_unrecognized_client() {
    let signing = Signing {
        akid: "AKIDUNKNOWN",
        ..Signing::default()
    };
    let answer = call(&secured(), signed("Echo", "{}", signing)).await;
    assert_auth_error(&answer, "UnrecognizedClientException");
    assert_eq!(
        answer.json()["message"],
        "The security token included in the request is invalid."
    );
}

#[tokio::test]
async fn wrong_secret_is_invalid_signature() {
    let signing = Signing {
        secret: "not-the-secret",
        ..Signing::default()
    };
    let answer = call(&secured(), signed("Echo", "{}", signing)).await;
    assert_auth_error(&answer, "InvalidSignatureException");
    assert!(answer.json()["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("The request signature we calculated")));
}

#[tokio::test]
async fn body_changed_after_signing_is_invalid_signature() {
    let request = signed("Echo", r#"{"JobId":"import-1"}"#, Signing::default());
    let (parts, _) = request.into_parts();
    let tampered = Request::from_parts(parts, full(r#"{"JobId":"import-2"}"#));
    assert_auth_error(
        &call(&secured(), tampered).await,
        "InvalidSignatureException",
    );
}

#[tokio::test]
async fn signed_header_changed_after_signing_is_invalid_signature() {
    let mut request = signed("Echo", "{}", Signing::default());
    request.headers_mut().insert(
        "amz-sdk-request",
        "attempt=2; max=3".parse().expect("value"),
    );
    assert_auth_error(
        &call(&secured(), request).await,
        "InvalidSignatureException",
    );
    // Unsigned headers may change freely.
    let mut request = signed("Echo", "{}", Signing::default());
    request
        .headers_mut()
        .insert("user-agent", "changed".parse().expect("value"));
    assert_eq!(call(&secured(), request).await.status, 200);
}

#[tokio::test]
async fn timestamps_outside_the_skew_are_rejected() {
    let old = Signing {
        time: SystemTime::now() - Duration::from_secs(20 * 60),
        ..Signing::default()
    };
    let answer = call(&secured(), signed("Echo", "{}", old)).await;
    assert_auth_error(&answer, "InvalidSignatureException");
    assert!(answer.json()["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("Signature expired: ")));
    let future = Signing {
        time: SystemTime::now() + Duration::from_secs(20 * 60),
        ..Signing::default()
    };
    let answer = call(&secured(), signed("Echo", "{}", future)).await;
    assert_auth_error(&answer, "InvalidSignatureException");
    assert!(answer.json()["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("Signature not yet current: ")));
    let slightly_off = Signing {
        time: SystemTime::now() - Duration::from_secs(5 * 60),
        ..Signing::default()
    };
    assert_eq!(
        call(&secured(), signed("Echo", "{}", slightly_off))
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn malformed_authorization_is_incomplete_signature() {
    let mut request = signed("Echo", "{}", Signing::default());
    request.headers_mut().insert(
        "authorization",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE"
            .parse()
            .expect("value"),
    );
    assert_auth_error(
        &call(&secured(), request).await,
        "IncompleteSignatureException",
    );
    let mut request = signed("Echo", "{}", Signing::default());
    request.headers_mut().remove("x-amz-date");
    assert_auth_error(
        &call(&secured(), request).await,
        "IncompleteSignatureException",
    );
}

#[tokio::test]
async fn optional_auth_runs_unsigned_but_verifies_signed() {
    let unsigned = Request::post("/")
        .header("content-type", P.content_type())
        .header("x-amz-target", target("Public"))
        .body(full("{}"))
        .expect("request");
    let answer = call(&secured(), unsigned).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.json()["accessKeyId"], serde_json::Value::Null);
    let answer = call(&secured(), signed("Public", "{}", Signing::default())).await;
    assert_eq!(answer.json()["accessKeyId"], AKID);
    let bad = Signing {
        secret: "wrong",
        ..Signing::default()
    };
    assert_auth_error(
        &call(&secured(), signed("Public", "{}", bad)).await,
        "InvalidSignatureException",
    );
}

#[tokio::test]
async fn no_auth_operation_ignores_signatures() {
    let bad = Signing {
        secret: "wrong",
        ..Signing::default()
    };
    assert_eq!(
        call(&secured(), signed("NoAuth", "{}", bad)).await.status,
        200
    );
}

#[tokio::test]
async fn verifier_off_accepts_unsigned() {
    let request = Request::post("/")
        .header("content-type", P.content_type())
        .header("x-amz-target", target("Unit"))
        .body(full(""))
        .expect("request");
    assert_eq!(call(&cognito_like(), request).await.status, 200);
}
