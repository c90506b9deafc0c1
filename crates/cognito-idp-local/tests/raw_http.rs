//! Bad input over raw HTTP/1.1: each case gets its exact status and error body, and the server
//! keeps serving afterwards.

mod common;

use std::time::Duration;

use common::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const TARGET: &str = "AWSCognitoIdentityProviderService.StopUserImportJob";
const CT: &str = "application/x-amz-json-1.1";
/// Large enough for the 10,000-deep document (20,000 bytes), small enough to exceed cheaply.
const BODY_LIMIT: usize = 32 * 1024;

#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Checks status, body, and the headers every error carries.
    fn assert_error(&self, status: u16, error_type: &str, message: &str) {
        assert_eq!(self.status, status, "status of {self:?}");
        let expected = serde_json::json!({"__type": error_type, "message": message}).to_string();
        assert_eq!(self.body, expected, "body");
        assert_eq!(self.header("x-amzn-errortype"), Some(error_type));
        assert_eq!(self.header("content-type"), Some(CT));
        assert!(
            self.header("x-amzn-requestid").is_some_and(is_request_id),
            "request id in {self:?}"
        );
    }
}

/// Sends `head` (request line and headers, without the blank line; `Host`, `Connection: close`
/// and `Content-Length` are added) and `body`, and reads the whole answer.
async fn send(addr: std::net::SocketAddr, head: &str, body: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let mut request = format!(
        "{head}\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(body);
    let exchange = async {
        // A server may answer before reading the whole body (413); keep reading regardless.
        let _ = stream.write_all(&request).await;
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw).await;
        raw
    };
    let raw = tokio::time::timeout(Duration::from_secs(10), exchange)
        .await
        .expect("the server answers within 10 s");
    parse_reply(&raw)
}

fn parse_reply(raw: &[u8]) -> Reply {
    let text = String::from_utf8_lossy(raw);
    let (head, body) = text
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("no complete response head in {text:?}"));
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_owned(),
    }
}

fn post(target: Option<&str>, content_type: Option<&str>) -> String {
    let mut head = "POST / HTTP/1.1".to_owned();
    if let Some(target) = target {
        head.push_str(&format!("\r\nX-Amz-Target: {target}"));
    }
    if let Some(ct) = content_type {
        head.push_str(&format!("\r\nContent-Type: {ct}"));
    }
    head
}

const GOOD: &[u8] = br#"{"UserPoolId": "us-west-2_EXAMPLE", "JobId": "import-pending"}"#;

#[tokio::test]
async fn bad_requests_get_exact_errors_and_the_server_keeps_serving() {
    let mut options = options();
    options.body_limit = Some(BODY_LIMIT);
    let server = start(options).await;
    let addr = server.addr();
    let ok_head = post(Some(TARGET), Some(CT));

    // Malformed JSON.
    send(addr, &ok_head, br#"{"UserPoolId": "#)
        .await
        .assert_error(
            400,
            "SerializationException",
            "invalid JSON: EOF while parsing a value at line 1 column 15",
        );
    // Wrong and missing Content-Type.
    send(addr, &post(Some(TARGET), Some("application/json")), GOOD)
        .await
        .assert_error(
            415,
            "UnsupportedMediaTypeException",
            "Content-Type 'application/json' is not supported; expected 'application/x-amz-json-1.1'",
        );
    send(addr, &post(Some(TARGET), None), GOOD)
        .await
        .assert_error(
            415,
            "UnsupportedMediaTypeException",
            "Missing Content-Type; expected 'application/x-amz-json-1.1'",
        );
    // Unknown and missing X-Amz-Target.
    send(
        addr,
        &post(
            Some("AWSCognitoIdentityProviderService.DeleteEverything"),
            Some(CT),
        ),
        GOOD,
    )
    .await
    .assert_error(
        400,
        "UnknownOperationException",
        "Unknown operation: AWSCognitoIdentityProviderService.DeleteEverything",
    );
    send(addr, &post(None, Some(CT)), GOOD).await.assert_error(
        400,
        "UnknownOperationException",
        "Missing or invalid X-Amz-Target header",
    );
    // GET, which also names the allowed method.
    let get = send(
        addr,
        &format!("GET / HTTP/1.1\r\nX-Amz-Target: {TARGET}"),
        b"",
    )
    .await;
    get.assert_error(
        405,
        "MethodNotAllowedException",
        "awsJson operations accept only the POST method",
    );
    assert_eq!(get.header("allow"), Some("POST"));
    // A path other than `/`.
    send(
        addr,
        &format!("POST /users HTTP/1.1\r\nX-Amz-Target: {TARGET}\r\nContent-Type: {CT}"),
        GOOD,
    )
    .await
    .assert_error(
        404,
        "UnknownOperationException",
        "awsJson operations are served at path '/' only",
    );
    // A body over the limit.
    let mut big = br#"{"UserPoolId": ""#.to_vec();
    big.resize(BODY_LIMIT + 1, b'a');
    send(addr, &ok_head, &big).await.assert_error(
        413,
        "RequestEntityTooLargeException",
        "Request body is larger than the limit of 32768 bytes",
    );
    // JSON nested 10,000 deep.
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    send(addr, &ok_head, deep.as_bytes()).await.assert_error(
        400,
        "SerializationException",
        "invalid JSON: recursion limit exceeded at line 1 column 128",
    );
    // Invalid UTF-8 inside a string.
    send(
        addr,
        &ok_head,
        b"{\"UserPoolId\": \"us-west-2_\xff\", \"JobId\": \"import-1\"}",
    )
    .await
    .assert_error(
        400,
        "SerializationException",
        "The request body is not valid UTF-8",
    );
    // Wrong JSON types: a number for a string, and an array for the input structure.
    send(addr, &ok_head, br#"{"UserPoolId": 5, "JobId": "import-1"}"#)
        .await
        .assert_error(
            400,
            "SerializationException",
            "expected a string, found a number at /UserPoolId",
        );
    send(addr, &ok_head, b"[]").await.assert_error(
        400,
        "SerializationException",
        "expected an object, found an array",
    );
    // Several constraint violations in one request: all reported at once.
    let long_pool = "x".repeat(56);
    send(
        addr,
        &ok_head,
        format!(r#"{{"UserPoolId": "{long_pool}", "JobId": ""}}"#).as_bytes(),
    )
    .await
    .assert_error(
        400,
        "InvalidParameterException",
        &format!(
            "4 validation errors detected: \
             Value '{long_pool}' at 'userPoolId' failed to satisfy constraint: Member must have length less than or equal to 55; \
             Value '{long_pool}' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+; \
             Value '' at 'jobId' failed to satisfy constraint: Member must have length greater than or equal to 1; \
             Value '' at 'jobId' failed to satisfy constraint: Member must satisfy regular expression pattern: import-[0-9a-zA-Z-]+"
        ),
    );

    // Still serving: the good request succeeds with the stopped job.
    let ok = send(addr, &ok_head, GOOD).await;
    assert_eq!(ok.status, 200, "{ok:?}");
    assert_eq!(ok.header("content-type"), Some(CT));
    assert!(ok.header("x-amzn-errortype").is_none());
    let body: serde_json::Value = serde_json::from_str(&ok.body).expect("JSON output");
    assert_eq!(body["UserImportJob"]["JobId"], "import-pending");
    assert_eq!(body["UserImportJob"]["Status"], "Stopped");
    assert_eq!(body["UserImportJob"]["CompletionMessage"], STOPPED_MESSAGE);
    assert!(body["UserImportJob"]["CompletionDate"].is_number());
    server.shutdown().await.expect("clean shutdown");
}

const MISSING_BOTH: &str = "2 validation errors detected: \
    Value null at 'userPoolId' failed to satisfy constraint: Member must not be null; \
    Value null at 'jobId' failed to satisfy constraint: Member must not be null";

#[tokio::test]
async fn missing_required_members_are_reported_once_each() {
    let server = start(options()).await;
    let addr = server.addr();
    // An empty object, and an empty body (which needs no Content-Type and means `{}`).
    send(addr, &post(Some(TARGET), Some(CT)), b"{}")
        .await
        .assert_error(400, "InvalidParameterException", MISSING_BOTH);
    send(addr, &post(Some(TARGET), None), b"")
        .await
        .assert_error(400, "InvalidParameterException", MISSING_BOTH);
    // One member missing, the other present and valid: one violation.
    send(addr, &post(Some(TARGET), Some(CT)), br#"{"JobId": "import-1"}"#)
        .await
        .assert_error(
            400,
            "InvalidParameterException",
            "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null",
        );
    server.shutdown().await.expect("clean shutdown");
}

#[tokio::test]
async fn missing_required_members_are_rejected() {
    // Holds today despite the generator bug above: the request is refused with a message that
    // starts with the two required-member violations.
    let server = start(options()).await;
    let reply = send(server.addr(), &post(Some(TARGET), Some(CT)), b"{}").await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.header("x-amzn-errortype"),
        Some("InvalidParameterException")
    );
    let body: serde_json::Value = serde_json::from_str(&reply.body).expect("JSON");
    let message = body["message"].as_str().expect("message");
    let required =
        "Value null at 'userPoolId' failed to satisfy constraint: Member must not be null; \
                    Value null at 'jobId' failed to satisfy constraint: Member must not be null";
    assert!(message.contains(required), "{message}");
    server.shutdown().await.expect("clean shutdown");
}
