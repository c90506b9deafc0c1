//! SigV4 `Authorization` parsing and verification ([`SigV4Verifier::verify_at`]) on fuzzed
//! requests, and the properties every verdict must have.
//!
//! [`SigV4Case::decode`] turns fuzz bytes into one of three kinds of request, so the fuzzer
//! reaches every step of verification rather than stopping at the header syntax:
//! * signed by the official signer (`aws-sigv4`, the AWS SDK for Rust's), then perhaps mutated:
//!   a character of the header replaced, text spliced in, the header cut short, the body or a
//!   signed header changed, a header dropped, the date replaced, an unsigned header added;
//! * an `Authorization` header assembled from near-valid parts (algorithm, credential scope,
//!   signed header list, signature), each sometimes arbitrary text;
//! * arbitrary header bytes.
//!
//! Properties: verification never panics and gives the same verdict twice; a request without
//! `Authorization` is `MissingAuthenticationToken`; a request signed by the official signer and
//! left intact (unsigned headers may be added) is accepted as its key, within the allowed skew;
//! an accepted request names a configured key; every rejection has a message.

use std::time::{Duration, SystemTime};

use arbitrary::Unstructured;
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use http::request::Parts;
use http::{HeaderName, HeaderValue, Method, Request};
use ingot_server_rt::{AuthErrorKind, SigV4Verifier};

/// The configured keys: (access key id, secret).
pub const KEYS: [(&str, &str); 2] = [
    ("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
    ("AKIDOTHER", "other-secret"),
];
/// The region and signing service the verifier requires.
pub const REGION: &str = "us-east-1";
/// See [`REGION`].
pub const SERVICE: &str = "cognito-idp";
const HOST: &str = "cognito-idp.us-east-1.amazonaws.com";
/// The header mutations add after signing; never signed.
const UNSIGNED: &str = "x-unsigned-extra";
/// The verifier's allowed clock skew.
pub const SKEW: Duration = Duration::from_secs(15 * 60);

/// When fuzzed requests are signed: 2025-01-09T17:24:56Z.
pub fn signing_time() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_736_443_496)
}

/// The verifier under test.
pub fn verifier() -> SigV4Verifier {
    SigV4Verifier::new(KEYS)
        .with_allowed_skew(SKEW)
        .with_region(REGION)
        .with_service(SERVICE)
}

/// One request to verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigV4Case {
    /// The method token.
    pub method: String,
    /// The request target.
    pub uri: String,
    /// Header names and raw values, in order.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body bytes.
    pub body: Vec<u8>,
    /// The server clock at verification.
    pub now: SystemTime,
    /// The key whose signature must be accepted: set only for a request to an origin-form target
    /// signed by the official signer with a configured key and scope, unchanged but for added
    /// unsigned headers, and verified within the allowed skew.
    pub must_accept: Option<&'static str>,
}

/// A verdict: accepted as a key, or rejected as one kind of AWS error.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// Accepted; the access key id.
    Accepted(String),
    /// Rejected with this error.
    Rejected(&'static str),
}

/// A text from `u`: mostly printable ASCII (what headers can carry), sometimes anything.
fn text(u: &mut Unstructured<'_>, max: usize) -> arbitrary::Result<String> {
    if u.ratio(1u8, 4)? {
        return u.arbitrary::<String>();
    }
    let len = u.int_in_range(0..=max)?;
    (0..len)
        .map(|_| u.int_in_range(0x20u8..=0x7e).map(char::from))
        .collect()
}

/// 1 to `max` characters valid in a header name and in a path segment.
fn token(u: &mut Unstructured<'_>, max: usize) -> arbitrary::Result<String> {
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~";
    let len = u.int_in_range(1..=max)?;
    (0..len)
        .map(|_| u.choose(CHARS).map(|b| char::from(*b)))
        .collect()
}

/// Mostly `usual`, sometimes any text.
fn pick(u: &mut Unstructured<'_>, usual: &str) -> arbitrary::Result<String> {
    if u.ratio(5u8, 6)? {
        Ok(usual.to_owned())
    } else {
        text(u, 24)
    }
}

/// The byte offset of a character boundary of `s` chosen by `u` (any Unicode is safe).
fn boundary(u: &mut Unstructured<'_>, s: &str) -> arbitrary::Result<usize> {
    let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
    Ok(bounds[u.choose_index(bounds.len())?])
}

impl SigV4Case {
    /// Decodes a case from fuzz input; runs out of input gracefully.
    pub fn decode(u: &mut Unstructured<'_>) -> arbitrary::Result<Self> {
        let method = if u.ratio(9u8, 10)? {
            "POST".to_owned()
        } else {
            text(u, 8)?
        };
        let uri = match u.int_in_range(0u8..=9)? {
            0..=6 => "/".to_owned(),
            7 => "/?Action=x&b=%20c".to_owned(),
            8 => format!("/{}", token(u, 16)?),
            _ => u.arbitrary()?,
        };
        let mut headers: Vec<(String, Vec<u8>)> = vec![
            ("host".into(), HOST.into()),
            ("content-type".into(), "application/x-amz-json-1.1".into()),
            (
                "x-amz-target".into(),
                "AWSCognitoIdentityProviderService.StopUserImportJob".into(),
            ),
        ];
        for _ in 0..u.int_in_range(0..=2)? {
            let name = match u.int_in_range(0u8..=3)? {
                0 => "x-amz-meta-a".to_owned(),
                1 => "X-Custom".to_owned(),
                2 => "user-agent".to_owned(),
                _ => token(u, 12)?,
            };
            headers.push((name, text(u, 24)?.into_bytes()));
        }
        let body: Vec<u8> = if u.ratio(1u8, 2)? {
            br#"{"UserPoolId":"us-east-1_x","JobId":"import-1"}"#.to_vec()
        } else {
            u.arbitrary()?
        };
        let minutes: i64 = if u.ratio(3u8, 4)? {
            0
        } else {
            u.int_in_range(-30..=30)?
        };
        let offset = Duration::from_secs(minutes.unsigned_abs() * 60);
        let now = if minutes < 0 {
            signing_time() - offset
        } else {
            signing_time() + offset
        };
        let mut case = Self {
            method,
            uri,
            headers,
            body,
            now,
            must_accept: None,
        };
        match u.int_in_range(0u8..=9)? {
            0..=5 => case.sign_and_mutate(u)?,
            6..=8 => case.assemble_authorization(u)?,
            _ => {
                case.headers.push(("authorization".into(), u.arbitrary()?));
                case.headers.push(("x-amz-date".into(), u.arbitrary()?));
            }
        }
        Ok(case)
    }

    fn header(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
    }

    fn set_header(&mut self, name: &str, value: Vec<u8>) {
        match self
            .headers
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            Some(slot) => slot.1 = value,
            None => self.headers.push((name.to_owned(), value)),
        }
    }

    /// Signs with the official signer, then applies up to three mutations.
    fn sign_and_mutate(&mut self, u: &mut Unstructured<'_>) -> arbitrary::Result<()> {
        let (akid, secret, known) = match u.int_in_range(0u8..=9)? {
            0..=6 => (KEYS[0].0, KEYS[0].1, true),
            7 => (KEYS[1].0, KEYS[1].1, true),
            8 => (KEYS[0].0, "not-the-secret", false),
            _ => ("AKIDUNKNOWN", KEYS[0].1, false),
        };
        let token = u.ratio(1u8, 8)?.then(|| "session-token".to_owned());
        let (region, service) = match u.int_in_range(0u8..=9)? {
            0..=7 => (REGION, SERVICE),
            8 => ("eu-west-1", SERVICE),
            _ => (REGION, "dynamodb"),
        };
        let scoped = region == REGION && service == SERVICE;
        let Some(signed) = self.signed_headers(akid, secret, token, region, service) else {
            return Ok(());
        };
        self.headers = signed.clone();
        let signed_body = self.body.clone();
        let within_skew = self.now.duration_since(signing_time()).unwrap_or_default() <= SKEW
            && signing_time().duration_since(self.now).unwrap_or_default() <= SKEW;
        for _ in 0..u.int_in_range(0..=3)? {
            self.mutate(u)?;
        }
        // Intact: the body and every signed header as signed, only unsigned headers added.
        let intact = self.body == signed_body
            && self
                .headers
                .iter()
                .filter(|(n, _)| n != UNSIGNED)
                .eq(signed.iter());
        // The signer signs a URL; only an origin-form target (`/path?query`) is the same request
        // to both sides (`*` or an absolute URI would be signed as a different path). In a query,
        // `+` and `%` escapes are decoded differently by the SDKs (aws-sigv4 reads `+` as a space
        // and invalid UTF-8 escapes as U+FFFD; the verifier keeps both as sent), and awsJson
        // requests have no query, so those are left out of the property.
        let origin_form = self.uri.starts_with('/') && !self.uri.contains('#');
        let plain_query = self
            .uri
            .split_once('?')
            .is_none_or(|(_, query)| !query.contains(['+', '%']));
        if known && scoped && within_skew && intact && origin_form && plain_query {
            self.must_accept = Some(akid);
        }
        Ok(())
    }

    /// One change to a signed request.
    fn mutate(&mut self, u: &mut Unstructured<'_>) -> arbitrary::Result<()> {
        let authorization = self.header("authorization").unwrap_or_default();
        match u.int_in_range(0u8..=8)? {
            0 => {
                // Replace one character.
                let at = boundary(u, &authorization)?;
                let mut mutated = authorization.clone();
                if let Some(c) = mutated.get(at..).and_then(|rest| rest.chars().next()) {
                    let replacement = char::from(u.int_in_range(0x20u8..=0x7e)?);
                    mutated.replace_range(at..at + c.len_utf8(), &replacement.to_string());
                }
                self.set_header("authorization", mutated.into_bytes());
            }
            1 => {
                let at = boundary(u, &authorization)?;
                let mut mutated = authorization;
                mutated.insert_str(at, &text(u, 12)?);
                self.set_header("authorization", mutated.into_bytes());
            }
            2 => {
                let at = boundary(u, &authorization)?;
                self.set_header("authorization", authorization.as_bytes()[..at].to_vec());
            }
            3 => self.body.push(u.arbitrary()?),
            4 => self.set_header("x-amz-target", text(u, 20)?.into_bytes()),
            5 => {
                let name = *u.choose(&["host", "x-amz-date", "authorization"])?;
                self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
            }
            6 => {
                let date = self.header("x-amz-date").unwrap_or_default();
                let at = boundary(u, &date)?;
                let mut mutated = date;
                mutated.insert_str(at, &text(u, 4)?);
                self.set_header("x-amz-date", mutated.into_bytes());
            }
            7 => self.set_header("authorization", u.arbitrary()?),
            _ => {
                // Not in SignedHeaders, so the signature still holds.
                let value = text(u, 16)?.into_bytes();
                self.headers.push((UNSIGNED.into(), value));
            }
        }
        Ok(())
    }

    /// The headers after signing by `aws-sigv4`; `None` when it refuses the request.
    fn signed_headers(
        &self,
        akid: &str,
        secret: &str,
        token: Option<String>,
        region: &str,
        service: &str,
    ) -> Option<Vec<(String, Vec<u8>)>> {
        let text_headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| std::str::from_utf8(v).ok().map(|v| (n.as_str(), v)))
            .collect::<Option<_>>()?;
        let identity = Credentials::new(akid, secret, token, None, "fuzz").into();
        let params = v4::SigningParams::builder()
            .identity(&identity)
            .region(region)
            .name(service)
            .time(signing_time())
            .settings(SigningSettings::default())
            .build()
            .ok()?
            .into();
        let url = format!("https://{HOST}{}", self.uri);
        let signable = SignableRequest::new(
            &self.method,
            &url,
            text_headers.into_iter(),
            SignableBody::Bytes(&self.body),
        )
        .ok()?;
        let (instructions, _) = sign(signable, &params).ok()?.into_parts();
        let mut request = self.to_request()?;
        instructions.apply_to_request_http1x(&mut request);
        Some(
            request
                .headers()
                .iter()
                .map(|(n, v)| (n.as_str().to_owned(), v.as_bytes().to_vec()))
                .collect(),
        )
    }

    /// `AWS4-HMAC-SHA256 Credential=.../..., SignedHeaders=..., Signature=...` with each part
    /// mostly well-formed, and a date that mostly parses.
    fn assemble_authorization(&mut self, u: &mut Unstructured<'_>) -> arbitrary::Result<()> {
        let algorithm = pick(u, "AWS4-HMAC-SHA256")?;
        let akid = pick(u, KEYS[0].0)?;
        let date = pick(u, "20250109")?;
        let region = pick(u, REGION)?;
        let service = pick(u, SERVICE)?;
        let terminator = pick(u, "aws4_request")?;
        let signed = pick(u, "content-type;host;x-amz-date;x-amz-target")?;
        let signature: String = if u.ratio(3u8, 4)? {
            (0..64)
                .map(|_| u.choose(b"0123456789abcdefABCDEF").map(|b| char::from(*b)))
                .collect::<arbitrary::Result<_>>()?
        } else {
            text(u, 70)?
        };
        let separator = *u.choose(&[", ", ",", " , ", ",,", " "])?;
        let mut header = format!(
            "{algorithm} Credential={akid}/{date}/{region}/{service}/{terminator}{separator}\
             SignedHeaders={signed}{separator}Signature={signature}"
        );
        if u.ratio(1u8, 6)? {
            let at = boundary(u, &header)?;
            header.insert_str(at, &text(u, 8)?);
        }
        self.headers
            .push(("authorization".into(), header.into_bytes()));
        let amz_date = pick(u, "20250109T172456Z")?;
        self.headers
            .push(("x-amz-date".into(), amz_date.into_bytes()));
        Ok(())
    }

    /// The request as `http` types; `None` when `http` refuses the method, URI or a header.
    pub fn to_request(&self) -> Option<Request<()>> {
        let mut builder = Request::builder()
            .method(Method::from_bytes(self.method.as_bytes()).ok()?)
            .uri(self.uri.as_str());
        for (name, value) in &self.headers {
            let name = HeaderName::from_bytes(name.as_bytes()).ok()?;
            let value = HeaderValue::from_bytes(value).ok()?;
            builder = builder.header(name, value);
        }
        builder.body(()).ok()
    }

    /// Verifies the request and checks the properties; `Ok(None)` when `http` refuses it.
    pub fn run(&self, verifier: &SigV4Verifier) -> Result<Option<Verdict>, String> {
        let Some(request) = self.to_request() else {
            return Ok(None);
        };
        let (parts, ()) = request.into_parts();
        let first = verify(verifier, &parts, &self.body, self.now);
        let again = verify(verifier, &parts, &self.body, self.now);
        if first != again {
            return Err(format!("verdicts differ: {first:?} then {again:?}"));
        }
        let has_authorization = parts.headers.contains_key(http::header::AUTHORIZATION);
        let missing = AuthErrorKind::MissingAuthenticationToken.error_name();
        match (&first, has_authorization) {
            (Ok(Verdict::Rejected(name)), false) if *name == missing => {}
            (_, false) => return Err(format!("no Authorization header, yet {first:?}")),
            (Ok(Verdict::Rejected(name)), true) if *name == missing => {
                return Err("Authorization present, yet reported missing".into())
            }
            _ => {}
        }
        let verdict = first?;
        if let Some(akid) = self.must_accept {
            if verdict != Verdict::Accepted(akid.to_owned()) {
                return Err(format!(
                    "an intact request signed by aws-sigv4 as {akid} was not accepted: {verdict:?}"
                ));
            }
        }
        if let Verdict::Accepted(akid) = &verdict {
            if !KEYS.iter().any(|(k, _)| k == akid) {
                return Err(format!("accepted as an unknown key {akid:?}"));
            }
        }
        Ok(Some(verdict))
    }
}

/// The verdict, or `Err` when a rejection has no message.
fn verify(
    verifier: &SigV4Verifier,
    parts: &Parts,
    body: &[u8],
    now: SystemTime,
) -> Result<Verdict, String> {
    match verifier.verify_at(parts, body, now) {
        Ok(akid) => Ok(Verdict::Accepted(akid)),
        Err(rejection) if rejection.message.trim().is_empty() => {
            Err(format!("{:?} without a message", rejection.kind))
        }
        Err(rejection) => Ok(Verdict::Rejected(rejection.kind.error_name())),
    }
}

/// The fuzz body: decodes `data`, verifies, and panics (the fuzzer's crash signal) when a
/// property breaks. Returns the verdict, `None` when the input decoded to a request `http`
/// refuses.
pub fn fuzz_one(data: &[u8]) -> Option<Verdict> {
    let case = SigV4Case::decode(&mut Unstructured::new(data)).ok()?;
    match case.run(&verifier()) {
        Ok(verdict) => verdict,
        Err(problem) => panic!("SigV4 property broken: {problem}\ncase: {case:?}"),
    }
}
