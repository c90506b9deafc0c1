//! Fixed SigV4 inputs for wire-identity tests, and a check that a captured request's signature
//! verifies when recomputed from the bytes the server received.
//!
//! Both Ingot's client and the official SDK are configured with these credentials, region and
//! signing time, so their requests can be compared byte for byte where the protocol fixes them.
//! The check recomputes the signature with `aws-sigv4`, an implementation independent of Ingot's.

use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;

use crate::CapturedRequest;

/// The access key id both clients sign with.
pub const AKID: &str = "AKIDEXAMPLE";
/// The secret key both clients sign with.
pub const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
/// The session token both clients send (`X-Amz-Security-Token`).
pub const TOKEN: &str = "session-token-EXAMPLE";
/// The region both clients sign for.
pub const REGION: &str = "us-west-2";
/// The signing name of Cognito user pools.
pub const SERVICE: &str = "cognito-idp";
/// The fixed signing time, 2025-01-09T17:24:56Z, in seconds since the epoch.
pub const SIGNING_SECS: u64 = 1_736_443_496;
/// [`SIGNING_SECS`] as `X-Amz-Date` writes it.
pub const SIGNING_AMZ_DATE: &str = "20250109T172456Z";

/// [`SIGNING_SECS`] as a `SystemTime`, for the clients' fixed signing time.
pub fn signing_time() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(SIGNING_SECS)
}

/// The parts of an `Authorization: AWS4-HMAC-SHA256 ...` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization {
    /// `AKID/date/region/service/aws4_request`.
    pub credential: String,
    /// The lower-case header names the client signed, in its order.
    pub signed_headers: Vec<String>,
    /// The hex signature.
    pub signature: String,
}

/// Splits a SigV4 `Authorization` header; `None` if it is not one or lacks a part.
pub fn parse_authorization(value: &str) -> Option<Authorization> {
    let rest = value.strip_prefix("AWS4-HMAC-SHA256 ")?;
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
    Some(Authorization {
        credential: credential?,
        signed_headers: signed_headers?,
        signature: signature?,
    })
}

/// Recomputes the signature of `request` with `secret` over exactly the headers in `signed`.
///
/// Panics (failing the calling test) if a signed header is missing from the request or
/// `aws-sigv4` rejects the inputs: either means the request cannot verify.
pub fn recompute_signature(request: &CapturedRequest, secret: &str, signed: &[String]) -> String {
    let credentials = Credentials::new(AKID, secret, Some(TOKEN.to_owned()), None, "verify");
    let identity: aws_smithy_runtime_api::client::identity::Identity = credentials.into();
    let mut settings = SigningSettings::default();
    // Sign every header the client listed, and no other: the default exclusions do not apply.
    settings.excluded_headers = Some(Vec::new());
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(REGION)
        .name(SERVICE)
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

/// Asserts that `request` is signed with the fixed credentials, scope and time, that the
/// signature verifies with [`SECRET`] and that it does not with a wrong secret.
///
/// `who` names the client in failure messages.
pub fn assert_signature_verifies(who: &str, request: &CapturedRequest) {
    let header = request
        .header("authorization")
        .unwrap_or_else(|| panic!("{who}: no Authorization header"));
    let auth = parse_authorization(header)
        .unwrap_or_else(|| panic!("{who}: not a SigV4 Authorization header: {header}"));
    assert_eq!(
        auth.credential,
        format!("{AKID}/20250109/{REGION}/{SERVICE}/aws4_request"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_an_authorization_header() {
        let auth = parse_authorization(
            "AWS4-HMAC-SHA256 Credential=AKID/20250109/us-west-2/cognito-idp/aws4_request, \
             SignedHeaders=host;x-amz-date, Signature=abc123",
        )
        .expect("a SigV4 header");
        assert_eq!(
            auth.credential,
            "AKID/20250109/us-west-2/cognito-idp/aws4_request"
        );
        assert_eq!(auth.signed_headers, ["host", "x-amz-date"]);
        assert_eq!(auth.signature, "abc123");
    }

    #[test]
    fn rejects_other_schemes_and_missing_parts() {
        assert_eq!(parse_authorization("Basic dXNlcjpwYXNz"), None);
        assert_eq!(
            parse_authorization("AWS4-HMAC-SHA256 Credential=A, Signature=b"),
            None
        );
    }
}
