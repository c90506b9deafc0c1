//! Parsing the `Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`
//! header. Only its syntax is checked here; meaning (known key, scope, signature) is checked by the
//! verifier.

/// The one algorithm this verifier supports.
pub(super) const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// The parts of a SigV4 `Authorization` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Authorization<'a> {
    pub(super) access_key_id: &'a str,
    pub(super) scope: Scope<'a>,
    /// Lowercase header names in the client's order, as they appear in the canonical request.
    pub(super) signed_headers: Vec<&'a str>,
    /// The raw `SignedHeaders` value, which is itself a line of the canonical request.
    pub(super) signed_headers_line: &'a str,
    pub(super) signature: &'a str,
}

/// `<date>/<region>/<service>/aws4_request`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Scope<'a> {
    pub(super) date: &'a str,
    pub(super) region: &'a str,
    pub(super) service: &'a str,
    pub(super) terminator: &'a str,
}

impl Scope<'_> {
    pub(super) fn to_line(&self) -> String {
        format!(
            "{}/{}/{}/{}",
            self.date, self.region, self.service, self.terminator
        )
    }
}

/// A syntax problem, worded for an `IncompleteSignatureException` message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SyntaxError(pub(super) String);

pub(super) fn parse(header: &str) -> Result<Authorization<'_>, SyntaxError> {
    let header = header.trim();
    let (algorithm, params) = header.split_once(' ').unwrap_or((header, ""));
    if algorithm != ALGORITHM {
        return Err(SyntaxError(format!(
            "Unsupported AWS 'algorithm': '{algorithm}'"
        )));
    }
    let (mut credential, mut signed_headers, mut signature) = (None, None, None);
    for param in params.split(',') {
        let param = param.trim();
        if param.is_empty() {
            continue;
        }
        let Some((key, value)) = param.split_once('=') else {
            return Err(SyntaxError(format!(
                "Authorization header parameter is malformed: '{param}'"
            )));
        };
        match key.trim() {
            "Credential" => credential = Some(value.trim()),
            "SignedHeaders" => signed_headers = Some(value.trim()),
            "Signature" => signature = Some(value.trim()),
            // Unknown parameters carry no meaning for the signature; ignore them as AWS does.
            _ => {}
        }
    }
    let missing: Vec<&str> = [
        ("Credential", credential),
        ("SignedHeaders", signed_headers),
        ("Signature", signature),
    ]
    .iter()
    .filter(|(_, v)| v.is_none_or(str::is_empty))
    .map(|(name, _)| *name)
    .collect();
    if !missing.is_empty() {
        let text: Vec<String> = missing
            .iter()
            .map(|name| format!("Authorization header requires '{name}' parameter."))
            .collect();
        return Err(SyntaxError(text.join(" ")));
    }
    let (credential, signed_headers_line, signature) = (
        credential.unwrap_or_default(),
        signed_headers.unwrap_or_default(),
        signature.unwrap_or_default(),
    );

    // The key id may not contain '/', so split the scope off the right-hand side.
    let mut parts = credential.rsplitn(5, '/');
    let (terminator, service, region, date, access_key_id) =
        match (parts.next(), parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(t), Some(s), Some(r), Some(d), Some(k)) if !k.is_empty() => (t, s, r, d, k),
            _ => {
                return Err(SyntaxError(format!(
                    "Credential should be of the form '<key id>/<date>/<region>/<service>/aws4_request', not '{credential}'"
                )))
            }
        };
    let signed_headers: Vec<&str> = signed_headers_line.split(';').collect();
    if signed_headers
        .iter()
        .any(|h| h.is_empty() || h.bytes().any(|b| b.is_ascii_uppercase()))
    {
        return Err(SyntaxError(format!(
            "SignedHeaders must be lowercase header names separated by ';', not '{signed_headers_line}'"
        )));
    }
    Ok(Authorization {
        access_key_id,
        scope: Scope {
            date,
            region,
            service,
            terminator,
        },
        signed_headers,
        signed_headers_line,
        signature,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sdk_header() {
        let header =
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, \
                      SignedHeaders=host;x-amz-date, Signature=5da7c1a2";
        let auth = parse(header).expect("valid");
        assert_eq!(auth.access_key_id, "AKIDEXAMPLE");
        assert_eq!(
            auth.scope,
            Scope {
                date: "20150830",
                region: "us-east-1",
                service: "service",
                terminator: "aws4_request"
            }
        );
        assert_eq!(auth.signed_headers, ["host", "x-amz-date"]);
        assert_eq!(auth.signed_headers_line, "host;x-amz-date");
        assert_eq!(auth.signature, "5da7c1a2");
        assert_eq!(
            auth.scope.to_line(),
            "20150830/us-east-1/service/aws4_request"
        );
    }

    #[test]
    fn accepts_no_space_after_commas() {
        let header = "AWS4-HMAC-SHA256 Credential=K/20150830/r/s/aws4_request,SignedHeaders=host,Signature=ab";
        assert_eq!(parse(header).expect("valid").signed_headers, ["host"]);
    }

    #[test]
    fn rejects_malformed_headers() {
        let bad = [
            "Basic dXNlcjpwYXNz",
            "AWS4-HMAC-SHA256",
            "AWS4-HMAC-SHA256 Credential=K/20150830/r/s/aws4_request, SignedHeaders=host",
            "AWS4-HMAC-SHA256 Credential=K/20150830/r/aws4_request, SignedHeaders=host, Signature=ab",
            "AWS4-HMAC-SHA256 Credential=/20150830/r/s/aws4_request, SignedHeaders=host, Signature=ab",
            "AWS4-HMAC-SHA256 Credential=K/20150830/r/s/aws4_request, SignedHeaders=Host, Signature=ab",
            "AWS4-HMAC-SHA256 Credential=K/20150830/r/s/aws4_request, SignedHeaders=host;;x, Signature=ab",
            "AWS4-HMAC-SHA256 Credential, SignedHeaders=host, Signature=ab",
        ];
        for header in bad {
            assert!(parse(header).is_err(), "{header}");
        }
        let err = parse("AWS4-HMAC-SHA256 SignedHeaders=host").expect_err("missing");
        assert_eq!(
            err.0,
            "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter."
        );
    }
}
