//! Optional SigV4 request verification against a fixed set of access keys.
//!
//! The canonical request is rebuilt from the headers the client lists in `SignedHeaders`, the
//! payload hash is always computed from the received body (so a body changed after signing
//! fails), and signatures are compared in constant time.

mod amz_date;
mod authorization;
mod canonical;
mod signing;

use std::collections::HashMap;
use std::fmt;
use std::time::{Duration, SystemTime};

use http::request::Parts;
use http::StatusCode;
use subtle::ConstantTimeEq;

/// The scope terminator of every SigV4 credential.
const TERMINATOR: &str = "aws4_request";

/// Verifies SigV4-signed requests.
///
/// * Keys: a map from access key id to secret access key. Session tokens
///   (`X-Amz-Security-Token`) are accepted with any value for a known key: this server has no
///   token service to check them against, so the signature by the key's secret is what counts.
/// * Skew: requests whose `X-Amz-Date` is more than [`allowed_skew`](Self::with_allowed_skew)
///   (default 15 minutes) away from the server clock are rejected.
/// * Region and service: checked against the credential scope only when configured.
/// * Only the `Authorization` header form is supported; query-string (presigned) requests are
///   treated as unsigned. The date must come from `X-Amz-Date` (every AWS SDK sends it).
/// * `host` and `x-amz-date` must be among the signed headers, so a signature cannot be replayed
///   to another host or at another time.
#[derive(Clone)]
pub struct SigV4Verifier {
    keys: HashMap<String, String>,
    allowed_skew: Duration,
    region: Option<String>,
    service: Option<String>,
}

impl fmt::Debug for SigV4Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Secrets never go into logs: list the key ids only.
        let mut ids: Vec<&String> = self.keys.keys().collect();
        ids.sort();
        f.debug_struct("SigV4Verifier")
            .field("access_key_ids", &ids)
            .field("allowed_skew", &self.allowed_skew)
            .field("region", &self.region)
            .field("service", &self.service)
            .finish()
    }
}

/// The AWS error a failed verification is answered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthErrorKind {
    /// No `Authorization` header on an operation that needs one. 400 `MissingAuthenticationTokenException`.
    MissingAuthenticationToken,
    /// The `Authorization` header or a header it relies on is malformed or missing. 400 `IncompleteSignatureException`.
    IncompleteSignature,
    /// The access key id is unknown. 400 `UnrecognizedClientException`.
    UnrecognizedClient,
    /// Wrong signature, changed body, wrong scope, or a time outside the allowed skew.
    /// 400 `InvalidSignatureException`.
    InvalidSignature,
}

impl AuthErrorKind {
    /// The error name written to `__type` and `X-Amzn-Errortype`.
    pub fn error_name(self) -> &'static str {
        match self {
            AuthErrorKind::MissingAuthenticationToken => "MissingAuthenticationTokenException",
            AuthErrorKind::IncompleteSignature => "IncompleteSignatureException",
            AuthErrorKind::UnrecognizedClient => "UnrecognizedClientException",
            AuthErrorKind::InvalidSignature => "InvalidSignatureException",
        }
    }

    /// The HTTP status: AWS's awsJson services (DynamoDB documents it) answer all of these with 400.
    pub fn status(self) -> StatusCode {
        StatusCode::BAD_REQUEST
    }
}

/// A failed verification: which AWS error and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthRejection {
    /// Which error to answer with.
    pub kind: AuthErrorKind,
    /// The message, worded as AWS words it where known.
    pub message: String,
}

impl AuthRejection {
    fn new(kind: AuthErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for AuthRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.error_name(), self.message)
    }
}

impl std::error::Error for AuthRejection {}

const BAD_SIGNATURE: &str = "The request signature we calculated does not match the signature you provided. \
     Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

impl SigV4Verifier {
    /// A verifier for the given `(access key id, secret access key)` pairs.
    pub fn new<I, K, S>(keys: I) -> Self
    where
        I: IntoIterator<Item = (K, S)>,
        K: Into<String>,
        S: Into<String>,
    {
        Self {
            keys: keys
                .into_iter()
                .map(|(k, s)| (k.into(), s.into()))
                .collect(),
            allowed_skew: Duration::from_secs(15 * 60),
            region: None,
            service: None,
        }
    }

    /// How far `X-Amz-Date` may be from the server clock, either way.
    pub fn with_allowed_skew(mut self, skew: Duration) -> Self {
        self.allowed_skew = skew;
        self
    }

    /// Requires the credential scope to name this region.
    pub fn with_region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Requires the credential scope to name this signing service (e.g. `cognito-idp`).
    pub fn with_service(mut self, service: impl Into<String>) -> Self {
        self.service = Some(service.into());
        self
    }

    /// Whether the request carries SigV4 credentials at all (an `Authorization` header).
    /// With `@optionalAuth`, requests without one run unauthenticated.
    pub fn is_signed(parts: &Parts) -> bool {
        parts.headers.contains_key(http::header::AUTHORIZATION)
    }

    /// Verifies a request against the current time; returns the access key id that signed it.
    pub fn verify(&self, parts: &Parts, body: &[u8]) -> Result<String, AuthRejection> {
        self.verify_at(parts, body, SystemTime::now())
    }

    /// Verifies a request as if the server clock read `now`.
    pub fn verify_at(
        &self,
        parts: &Parts,
        body: &[u8],
        now: SystemTime,
    ) -> Result<String, AuthRejection> {
        use AuthErrorKind::*;
        let header = parts
            .headers
            .get(http::header::AUTHORIZATION)
            .ok_or_else(|| {
                AuthRejection::new(
                    MissingAuthenticationToken,
                    "Request is missing Authentication Token",
                )
            })?;
        let header = header.to_str().map_err(|_| {
            AuthRejection::new(
                IncompleteSignature,
                "Authorization header is not valid text",
            )
        })?;
        let auth = authorization::parse(header)
            .map_err(|e| AuthRejection::new(IncompleteSignature, e.0))?;

        let secret = self.keys.get(auth.access_key_id).ok_or_else(|| {
            AuthRejection::new(
                UnrecognizedClient,
                "The security token included in the request is invalid.",
            )
        })?;

        let amz_date = parts
            .headers
            .get("x-amz-date")
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| {
                AuthRejection::new(
                    IncompleteSignature,
                    "Authorization header requires existence of a 'X-Amz-Date' header.",
                )
            })?;
        let signed_at = amz_date::parse(amz_date).ok_or_else(|| {
            AuthRejection::new(
                IncompleteSignature,
                format!("Date must be in ISO-8601 'basic format'. Got '{amz_date}'. See http://en.wikipedia.org/wiki/ISO_8601"),
            )
        })?;
        for required in ["host", "x-amz-date"] {
            if !auth.signed_headers.contains(&required) {
                return Err(AuthRejection::new(
                    IncompleteSignature,
                    format!("'{required}' must be a 'SignedHeader' in the AWS Authorization."),
                ));
            }
        }

        self.check_scope(&auth.scope, amz_date)?;
        self.check_skew(signed_at, now)?;

        let payload_hash = signing::sha256_hex(body);
        let creq = canonical::canonical_request(
            parts,
            &auth.signed_headers,
            auth.signed_headers_line,
            &payload_hash,
        );
        let expected = signing::signature(secret, amz_date, &auth.scope, &creq);
        let given = auth.signature.to_ascii_lowercase();
        if bool::from(expected.as_bytes().ct_eq(given.as_bytes())) {
            Ok(auth.access_key_id.to_owned())
        } else {
            Err(AuthRejection::new(InvalidSignature, BAD_SIGNATURE))
        }
    }

    fn check_scope(
        &self,
        scope: &authorization::Scope<'_>,
        amz_date: &str,
    ) -> Result<(), AuthRejection> {
        let invalid = |m: String| Err(AuthRejection::new(AuthErrorKind::InvalidSignature, m));
        let day = amz_date.get(..8).unwrap_or(amz_date);
        if scope.date != day {
            return invalid(format!(
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{}' != '{day}', from 'X-Amz-Date'.",
                scope.date
            ));
        }
        if scope.terminator != TERMINATOR {
            return invalid(format!(
                "Credential should be scoped with a valid terminator: '{TERMINATOR}', not '{}'.",
                scope.terminator
            ));
        }
        if let Some(region) = &self.region {
            if scope.region != region {
                return invalid(format!(
                    "Credential should be scoped to a valid region, not '{}'.",
                    scope.region
                ));
            }
        }
        if let Some(service) = &self.service {
            if scope.service != service {
                return invalid(format!(
                    "Credential should be scoped to correct service: '{service}'."
                ));
            }
        }
        Ok(())
    }

    fn check_skew(&self, signed_at: SystemTime, now: SystemTime) -> Result<(), AuthRejection> {
        let minutes = self.allowed_skew.as_secs() / 60;
        let earliest = now
            .checked_sub(self.allowed_skew)
            .unwrap_or(SystemTime::UNIX_EPOCH);
        if signed_at < earliest {
            return Err(AuthRejection::new(
                AuthErrorKind::InvalidSignature,
                format!(
                    "Signature expired: {} is now earlier than {} ({} - {minutes} min.)",
                    amz_date::format(signed_at),
                    amz_date::format(earliest),
                    amz_date::format(now)
                ),
            ));
        }
        if let Some(latest) = now.checked_add(self.allowed_skew) {
            if signed_at > latest {
                return Err(AuthRejection::new(
                    AuthErrorKind::InvalidSignature,
                    format!(
                        "Signature not yet current: {} is still later than {} ({} + {minutes} min.)",
                        amz_date::format(signed_at),
                        amz_date::format(latest),
                        amz_date::format(now)
                    ),
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AKID: &str = "AKIDEXAMPLE";
    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    const BODY: &str = r#"{"UserPoolId":"us-east-1_EXAMPLE","JobId":"import-AbCdEf123"}"#;

    /// The Cognito vector from the facts digest (§5.2).
    fn cognito_request(signature: &str) -> Parts {
        let auth = format!(
            "AWS4-HMAC-SHA256 Credential={AKID}/20150830/us-east-1/cognito-idp/aws4_request, \
             SignedHeaders=content-length;content-type;host;x-amz-date;x-amz-target, Signature={signature}"
        );
        http::Request::post("/")
            .header("host", "cognito-idp.us-east-1.amazonaws.com")
            .header("content-type", "application/x-amz-json-1.1")
            .header("content-length", "61")
            .header(
                "x-amz-target",
                "AWSCognitoIdentityProviderService.StopUserImportJob",
            )
            .header("x-amz-date", "20150830T123600Z")
            .header("user-agent", "not signed")
            .header("authorization", auth)
            .body(())
            .expect("request")
            .into_parts()
            .0
    }

    const GOOD: &str = "3343ccec360c1c9296bce844109426b523c963dfcb42d641870a2f608bad5900";

    fn at_signing_time() -> SystemTime {
        amz_date::parse("20150830T123600Z").expect("date")
    }

    fn verifier() -> SigV4Verifier {
        SigV4Verifier::new([(AKID, SECRET)])
            .with_region("us-east-1")
            .with_service("cognito-idp")
    }

    #[test]
    fn cognito_vector_verifies() {
        let key = verifier().verify_at(&cognito_request(GOOD), BODY.as_bytes(), at_signing_time());
        assert_eq!(key.as_deref(), Ok(AKID));
    }

    #[test]
    fn changed_body_fails() {
        let err = verifier()
            .verify_at(
                &cognito_request(GOOD),
                BODY.replace("AbCd", "XbCd").as_bytes(),
                at_signing_time(),
            )
            .expect_err("changed body");
        assert_eq!(err.kind, AuthErrorKind::InvalidSignature);
        assert_eq!(err.message, BAD_SIGNATURE);
    }

    #[test]
    fn wrong_scope_region_and_service_fail() {
        let v = SigV4Verifier::new([(AKID, SECRET)]).with_region("eu-west-1");
        let err = v
            .verify_at(&cognito_request(GOOD), BODY.as_bytes(), at_signing_time())
            .expect_err("region");
        assert_eq!(err.kind, AuthErrorKind::InvalidSignature);
        assert!(err.message.contains("valid region"), "{}", err.message);
        let v = SigV4Verifier::new([(AKID, SECRET)]).with_service("dynamodb");
        let err = v
            .verify_at(&cognito_request(GOOD), BODY.as_bytes(), at_signing_time())
            .expect_err("service");
        assert!(err.message.contains("correct service"), "{}", err.message);
    }

    #[test]
    fn skew_messages_name_both_times() {
        let v = verifier();
        let late = at_signing_time() + Duration::from_secs(16 * 60);
        let err = v
            .verify_at(&cognito_request(GOOD), BODY.as_bytes(), late)
            .expect_err("expired");
        assert_eq!(err.kind, AuthErrorKind::InvalidSignature);
        assert_eq!(
            err.message,
            "Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)"
        );
        let early = at_signing_time() - Duration::from_secs(16 * 60);
        let err = v
            .verify_at(&cognito_request(GOOD), BODY.as_bytes(), early)
            .expect_err("future");
        assert!(
            err.message
                .starts_with("Signature not yet current: 20150830T123600Z"),
            "{}",
            err.message
        );
        let within = at_signing_time() + Duration::from_secs(14 * 60);
        assert!(v
            .verify_at(&cognito_request(GOOD), BODY.as_bytes(), within)
            .is_ok());
    }

    #[test]
    fn debug_hides_secrets() {
        let shown = format!("{:?}", verifier());
        assert!(shown.contains(AKID));
        assert!(!shown.contains(SECRET));
    }
}
