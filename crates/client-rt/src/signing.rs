//! SigV4 header signing through the `aws-sigv4` crate (facts §5.1).
//!
//! Every header present when this runs is signed (except the signer's own exclusions such as
//! `user-agent`); the client adds per-attempt telemetry headers afterwards so the signed set stays
//! the protocol's: content-length, content-type, host, x-amz-date, x-amz-target (+ token, UA).

use std::time::SystemTime;

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use http::{HeaderName, HeaderValue, Request};

use crate::error::ConstructionFailure;

/// Who signs and for what scope.
#[derive(Debug)]
pub(crate) struct SigningContext<'a> {
    pub(crate) credentials: &'a Credentials,
    pub(crate) region: &'a str,
    pub(crate) signing_name: &'a str,
    pub(crate) time: SystemTime,
}

/// Adds `X-Amz-Date`, `Authorization` and (with a session token) `X-Amz-Security-Token` to
/// `request`, whose body is `body`. Returns the hex signature.
pub(crate) fn sign_request<B>(
    request: &mut Request<B>,
    body: &[u8],
    ctx: &SigningContext<'_>,
) -> Result<String, ConstructionFailure> {
    let fail = |what: &str, e: Box<dyn std::error::Error + Send + Sync>| {
        ConstructionFailure::new(format!("failed to sign the request: {what}"), Some(e))
    };
    let identity = Identity::from(ctx.credentials.clone());
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(ctx.region)
        .name(ctx.signing_name)
        .time(ctx.time)
        .settings(SigningSettings::default())
        .build()
        .map_err(|e| fail("incomplete signing parameters", Box::new(e)))?
        .into();

    let uri = request.uri().to_string();
    let mut headers = Vec::with_capacity(request.headers().len());
    for (name, value) in request.headers() {
        let value = value
            .to_str()
            .map_err(|e| fail("a header value is not visible ASCII", Box::new(e)))?;
        headers.push((name.as_str(), value));
    }
    let signable = SignableRequest::new(
        request.method().as_str(),
        uri,
        headers.into_iter(),
        SignableBody::Bytes(body),
    )
    .map_err(|e| fail("unsignable request", Box::new(e)))?;
    let (instructions, signature) = sign(signable, &params)
        .map_err(|e| fail("signer error", Box::new(e)))?
        .into_parts();

    // Applied by hand rather than with `apply_to_request_http1x`, which panics on header values
    // it cannot encode (e.g. a session token containing a newline).
    let (new_headers, _query) = instructions.into_parts();
    for header in new_headers {
        let mut value = HeaderValue::from_str(header.value()).map_err(|e| {
            fail(
                "credentials contain characters not allowed in headers",
                Box::new(e),
            )
        })?;
        value.set_sensitive(header.sensitive());
        let name = HeaderName::from_bytes(header.name().as_bytes())
            .map_err(|e| fail("signer produced an invalid header name", Box::new(e)))?;
        request.headers_mut().insert(name, value);
    }
    Ok(signature)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn vector_time() -> SystemTime {
        // 20150830T123600Z, the time of the official test suite.
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_440_938_160)
    }

    fn example_credentials(token: Option<&str>) -> Credentials {
        Credentials::new(
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            token.map(str::to_owned),
            None,
            "test",
        )
    }

    /// The Cognito StopUserImportJob vector from facts §5.2.
    #[test]
    fn cognito_known_answer() {
        let body = br#"{"UserPoolId":"us-east-1_EXAMPLE","JobId":"import-AbCdEf123"}"#;
        let mut request = Request::post("https://cognito-idp.us-east-1.amazonaws.com/")
            .header("content-type", "application/x-amz-json-1.1")
            .header("content-length", body.len().to_string())
            .header(
                "x-amz-target",
                "AWSCognitoIdentityProviderService.StopUserImportJob",
            )
            .header("host", "cognito-idp.us-east-1.amazonaws.com")
            .body(())
            .unwrap();
        let creds = example_credentials(None);
        let ctx = SigningContext {
            credentials: &creds,
            region: "us-east-1",
            signing_name: "cognito-idp",
            time: vector_time(),
        };
        let signature = sign_request(&mut request, body, &ctx).unwrap();
        let expected = "3343ccec360c1c9296bce844109426b523c963dfcb42d641870a2f608bad5900";
        assert_eq!(signature, expected);
        let auth = request.headers()["authorization"].to_str().unwrap();
        assert_eq!(
            auth,
            format!(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/cognito-idp/aws4_request, \
                 SignedHeaders=content-length;content-type;host;x-amz-date;x-amz-target, Signature={expected}"
            )
        );
        assert_eq!(request.headers()["x-amz-date"], "20150830T123600Z");
        assert!(request.headers().get("x-amz-security-token").is_none());
    }

    /// The official `get-vanilla-with-session-token` vector: the token is sent and signed.
    #[test]
    fn session_token_is_signed() {
        let token = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";
        let mut request = Request::get("https://example.amazonaws.com/")
            .body(())
            .unwrap();
        let creds = example_credentials(Some(token));
        let ctx = SigningContext {
            credentials: &creds,
            region: "us-east-1",
            signing_name: "service",
            time: vector_time(),
        };
        let signature = sign_request(&mut request, b"", &ctx).unwrap();
        assert_eq!(
            signature,
            "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8"
        );
        assert_eq!(request.headers()["x-amz-security-token"], token);
        assert!(request.headers()["x-amz-security-token"].is_sensitive());
    }

    #[test]
    fn bad_token_is_an_error_not_a_panic() {
        let mut request = Request::get("https://example.amazonaws.com/")
            .body(())
            .unwrap();
        let creds = example_credentials(Some("line\nbreak"));
        let ctx = SigningContext {
            credentials: &creds,
            region: "us-east-1",
            signing_name: "service",
            time: vector_time(),
        };
        let err = sign_request(&mut request, b"", &ctx).unwrap_err();
        assert!(
            err.to_string().starts_with("failed to sign the request"),
            "{err}"
        );
    }
}
