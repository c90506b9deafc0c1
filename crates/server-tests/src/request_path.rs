//! The whole request path (routing, content type, body limit, parsing, validation, handler,
//! error writing) driven by one raw request, and the checks its response must pass.
//!
//! [`FuzzRequest::decode`] turns fuzz bytes into a request biased towards the interesting
//! cases: most requests route, carry the right media type and a JSON body with near-valid
//! members, so the fuzzer spends its time past the routing checks instead of on 404s.

use std::cell::RefCell;

use arbitrary::Unstructured;
use bytes::Bytes;
use cognitoidentityprovider_server::output::StopUserImportJobOutput;
use cognitoidentityprovider_server::AwsJsonService;
use http::{HeaderName, HeaderValue, Method, Request, StatusCode};
use http_body_util::{BodyExt, Full};

use crate::canned;

/// The body limit of the fuzzed service: small, so bodies over it are cheap to produce.
pub const BODY_LIMIT: usize = 2048;

/// One raw request, before `http` has checked it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuzzRequest {
    /// The method token.
    pub method: String,
    /// The request target (path and optional query).
    pub uri: String,
    /// Header names and raw values, in order.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

/// What a well-formed response said: its status and, for errors, the error name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Outcome {
    /// The HTTP status.
    pub status: u16,
    /// `X-Amzn-Errortype`, absent on success.
    pub error_type: Option<String>,
}

impl FuzzRequest {
    /// Decodes a request from fuzz input; runs out of input gracefully (shorter choices).
    pub fn decode(u: &mut Unstructured<'_>) -> arbitrary::Result<Self> {
        let method = match u.int_in_range(0u8..=9)? {
            0..=6 => "POST".to_owned(),
            7 => "GET".to_owned(),
            8 => "PUT".to_owned(),
            _ => u.arbitrary::<String>()?,
        };
        let uri = match u.int_in_range(0u8..=9)? {
            0..=6 => "/".to_owned(),
            7 => "/?Action=x".to_owned(),
            8 => "/StopUserImportJob".to_owned(),
            _ => u.arbitrary::<String>()?,
        };
        let mut headers = Vec::new();
        match u.int_in_range(0u8..=9)? {
            0..=6 => headers.push(("x-amz-target".to_owned(), canned::TARGET.into())),
            7 => {}
            8 => headers.push((
                "x-amz-target".to_owned(),
                b"AWSCognitoIdentityProviderService.DeleteUserPool".to_vec(),
            )),
            _ => headers.push(("x-amz-target".to_owned(), u.arbitrary::<Vec<u8>>()?)),
        }
        match u.int_in_range(0u8..=9)? {
            0..=5 => headers.push(("content-type".to_owned(), canned::CONTENT_TYPE.into())),
            6 => headers.push((
                "content-type".to_owned(),
                b"application/x-amz-json-1.1; charset=utf-8".to_vec(),
            )),
            7 => {}
            8 => headers.push(("content-type".to_owned(), b"application/json".to_vec())),
            _ => headers.push(("content-type".to_owned(), u.arbitrary::<Vec<u8>>()?)),
        }
        if u.ratio(1u8, 8)? {
            // A declared length that may disagree with the body, even exceed the limit.
            let declared = u.arbitrary::<u64>()? % (2 * BODY_LIMIT as u64);
            headers.push(("content-length".to_owned(), declared.to_string().into()));
        }
        if u.ratio(1u8, 8)? {
            headers.push((u.arbitrary::<String>()?, u.arbitrary::<Vec<u8>>()?));
        }
        let body = match u.int_in_range(0u8..=9)? {
            0..=5 => json_body(u)?,
            6 => Vec::new(),
            7 => vec![b'{'; BODY_LIMIT + 1 + usize::from(u.arbitrary::<u8>()?)],
            _ => u.arbitrary::<Vec<u8>>()?,
        };
        Ok(Self {
            method,
            uri,
            headers,
            body,
        })
    }

    /// The `http` request, or `None` when `http` refuses the method or URI (hyper would have
    /// refused the request before any service saw it). Headers `http` refuses are left out, so
    /// the rest of the request is still exercised.
    pub fn to_http(&self) -> Option<Request<Full<Bytes>>> {
        let method = Method::from_bytes(self.method.as_bytes()).ok()?;
        let mut request = Request::builder()
            .method(method)
            .uri(self.uri.as_str())
            .body(Full::new(Bytes::from(self.body.clone())))
            .ok()?;
        for (name, value) in &self.headers {
            if let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_bytes(value),
            ) {
                request.headers_mut().append(name, value);
            }
        }
        Some(request)
    }
}

/// A JSON object whose members are each valid, wrong in value, wrong in type, null or absent.
fn json_body(u: &mut Unstructured<'_>) -> arbitrary::Result<Vec<u8>> {
    let mut members = serde_json::Map::new();
    for (name, prefix) in [("UserPoolId", "us-east-1_"), ("JobId", "import-")] {
        let value = match u.int_in_range(0u8..=9)? {
            0..=5 => serde_json::Value::from(format!("{prefix}{}", alphanumeric(u)?)),
            6 => serde_json::Value::from(u.arbitrary::<String>()?),
            7 => serde_json::Value::from(u.arbitrary::<i64>()?),
            8 => serde_json::Value::Null,
            _ => continue,
        };
        members.insert(name.to_owned(), value);
    }
    if u.ratio(1u8, 8)? {
        members.insert(u.arbitrary::<String>()?, serde_json::Value::Bool(true));
    }
    Ok(serde_json::Value::Object(members).to_string().into_bytes())
}

/// `[0-9a-zA-Z]{0,63}`: lengths on both sides of the model's 55-character limit.
fn alphanumeric(u: &mut Unstructured<'_>) -> arbitrary::Result<String> {
    const CHARS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let len = u.int_in_range(0usize..=63)?;
    (0..len)
        .map(|_| u.choose(CHARS).map(|&c| char::from(c)))
        .collect()
}

/// A reusable single-threaded runtime and the service under test.
#[derive(Debug)]
pub struct Harness {
    runtime: tokio::runtime::Runtime,
    service: AwsJsonService,
}

impl Harness {
    /// The harness over [`canned::service_with_errors`] with [`BODY_LIMIT`].
    pub fn new() -> Self {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a current-thread runtime needs no OS resources beyond the thread");
        Self {
            runtime,
            service: canned::service_with_errors(BODY_LIMIT),
        }
    }

    /// Sends `request` through the service; `Ok(None)` when `http` refused the request,
    /// `Err` naming the first property the response breaks.
    pub fn run(&self, request: &FuzzRequest) -> Result<Option<Outcome>, String> {
        let Some(http_request) = request.to_http() else {
            return Ok(None);
        };
        let sent = Sent::of(&http_request);
        self.runtime.block_on(async {
            let response = self.service.handle(http_request).await;
            let (parts, body) = response.into_parts();
            let body = match body.collect().await {
                Ok(collected) => collected.to_bytes(),
                Err(never) => match never {},
            };
            check_response(&sent, parts.status, &parts.headers, &body).map(Some)
        })
    }
}

impl Default for Harness {
    fn default() -> Self {
        Self::new()
    }
}

/// What routing depends on in a request, kept for checking its response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// The request method.
    pub method: Method,
    /// The URI's path (without the query).
    pub path: String,
    /// Whether the first `X-Amz-Target` names the one operation exactly.
    pub routed_target: bool,
}

impl Sent {
    /// The routing facts of `request`.
    pub fn of<B>(request: &Request<B>) -> Self {
        Self {
            method: request.method().clone(),
            path: request.uri().path().to_owned(),
            routed_target: request
                .headers()
                .get("x-amz-target")
                .is_some_and(|v| v.as_bytes() == canned::TARGET.as_bytes()),
        }
    }
}

/// The properties every answer has, whatever the request: protocol headers, a known status, a
/// JSON body that names the same error as `X-Amzn-Errortype`, and statuses that agree with the
/// request (a 200 only for a routed POST to `/`, a 404 only off `/`, a 405 only for non-POST).
pub fn check_response(
    sent: &Sent,
    status: StatusCode,
    headers: &http::HeaderMap,
    body: &[u8],
) -> Result<Outcome, String> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let request_id = header("x-amzn-requestid").ok_or("no x-amzn-RequestId")?;
    if request_id.len() != 36 {
        return Err(format!("request id {request_id:?} is not a UUID"));
    }
    if header("content-type") != Some(canned::CONTENT_TYPE) {
        return Err(format!("content type {:?}", header("content-type")));
    }
    let path = sent.path.as_str();
    let routed = path == "/" && sent.method == Method::POST && sent.routed_target;
    let error_type = header("x-amzn-errortype").map(str::to_owned);
    match (status.as_u16(), &error_type) {
        (200, None) => {
            if !routed {
                return Err(format!("200 for an unroutable request {sent:?}"));
            }
            let mut cx = ingot_rt::json::ReadCx::new();
            let output: StopUserImportJobOutput = ingot_rt::json::from_slice(body, &mut cx)
                .map_err(|e| format!("200 body does not parse: {e}"))?;
            if output != canned::output() {
                return Err(format!("200 body is not the handler's output: {output:?}"));
            }
        }
        (400 | 404 | 405 | 413 | 415 | 500, Some(name)) => {
            let json: serde_json::Value = serde_json::from_slice(body)
                .map_err(|e| format!("{status} error body is not JSON: {e}"))?;
            let type_name = json.get("__type").and_then(serde_json::Value::as_str);
            if type_name != Some(name.as_str()) {
                return Err(format!("__type {type_name:?} but X-Amzn-Errortype {name}"));
            }
            let expected_status = match name.as_str() {
                "UnknownOperationException" if path != "/" => 404,
                "UnknownOperationException" => 400,
                "MethodNotAllowedException" => 405,
                "RequestEntityTooLargeException" => 413,
                "UnsupportedMediaTypeException" => 415,
                "InternalErrorException" | "InternalFailure" => 500,
                "SerializationException" => 400,
                other if canned::MODELED_ERRORS.contains(&other) => 400,
                other => return Err(format!("unexpected error {other}")),
            };
            if status.as_u16() != expected_status {
                return Err(format!("{name} answered with {status}"));
            }
            if name == "MethodNotAllowedException"
                && (sent.method == Method::POST || header("allow") != Some("POST"))
            {
                return Err(format!("405 for {} or without Allow: POST", sent.method));
            }
        }
        _ => return Err(format!("status {status} with error type {error_type:?}")),
    }
    Ok(Outcome {
        status: status.as_u16(),
        error_type,
    })
}

thread_local! {
    static HARNESS: RefCell<Option<Harness>> = const { RefCell::new(None) };
}

/// The fuzz body: decodes `data`, runs it, and panics (the fuzzer's crash signal) when a
/// response breaks a property. Returns the outcome, `None` when the input decoded to a request
/// `http` refuses.
pub fn fuzz_one(data: &[u8]) -> Option<Outcome> {
    let request = FuzzRequest::decode(&mut Unstructured::new(data)).ok()?;
    HARNESS.with(|cell| {
        let mut slot = cell.borrow_mut();
        let harness = slot.get_or_insert_with(Harness::new);
        match harness.run(&request) {
            Ok(outcome) => outcome,
            Err(problem) => panic!("ill-formed response: {problem}\nrequest: {request:?}"),
        }
    })
}
