//! Reading the error code, message and request id out of an awsJson error response
//! (facts §3.8, §3.9). Nothing here fails: whatever cannot be read is simply absent.

use std::fmt;

use http::HeaderMap;
use serde_json::Value;

use crate::response::request_id_from_headers;

/// What every service error carries besides its modeled fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorMetadata {
    code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
    status: u16,
    /// `x-amzn-query-error` of query-compatible services: the awsQuery code and its type.
    query_error: Option<QueryError>,
}

impl ErrorMetadata {
    /// Metadata from its parts; used by generated code and servers that build errors themselves.
    pub fn new(
        code: Option<String>,
        message: Option<String>,
        request_id: Option<String>,
        status: u16,
    ) -> Self {
        Self {
            code,
            message,
            request_id,
            status,
            query_error: None,
        }
    }

    /// The error code, if the response named one: the awsQuery code of the `x-amzn-query-error`
    /// header when a query-compatible service sent one (as the AWS SDKs report it, unsanitized,
    /// e.g. `AWS.SimpleQueueService.NonExistentQueue`), else [`Self::shape_name`].
    pub fn code(&self) -> Option<&str> {
        match &self.query_error {
            Some(query) => Some(&query.code),
            None => self.shape_name(),
        }
    }

    /// The sanitized error shape name from `X-Amzn-Errortype`, `code` or `__type`: what modeled
    /// errors are matched by. Differs from [`Self::code`] only for query-compatible services.
    pub fn shape_name(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// Extra metadata by key, as the AWS SDK for Rust's `ErrorMetadata::extra` gives it: `"type"`
    /// is the awsQuery error type (`Sender` or `Receiver`) of a query-compatible service's
    /// `x-amzn-query-error` header. No other key is known.
    pub fn extra(&self, key: &str) -> Option<&str> {
        match (key, &self.query_error) {
            ("type", Some(query)) => Some(&query.kind),
            _ => None,
        }
    }

    /// The human-readable message, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The request id AWS assigned to the failed call, if any.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The HTTP status of the error response (0 when the metadata did not come from a response).
    pub fn status(&self) -> u16 {
        self.status
    }
}

impl fmt::Display for ErrorMetadata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code().unwrap_or("unknown error"))?;
        if let Some(message) = self.message() {
            write!(f, ": {message}")?;
        }
        if self.status != 0 {
            write!(f, " (HTTP {}", self.status)?;
            if let Some(id) = self.request_id() {
                write!(f, ", request id {id}")?;
            }
            f.write_str(")")?;
        } else if let Some(id) = self.request_id() {
            write!(f, " (request id {id})")?;
        }
        Ok(())
    }
}

/// Strips what awsJson servers may wrap around an error shape name: anything from the first `:`
/// on (a URI some services append), then the namespace up to the first `#`.
pub fn sanitize_error_code(raw: &str) -> &str {
    let before_colon = raw.split_once(':').map_or(raw, |(head, _)| head);
    before_colon
        .split_once('#')
        .map_or(before_colon, |(_, tail)| tail)
}

/// Reads error metadata from a non-2xx response.
///
/// The code comes from the `X-Amzn-Errortype` header, else the top-level body field `code`, else
/// the top-level `__type`, and is sanitized; it is never guessed from the status. An empty,
/// truncated or non-JSON body just yields no code (unless the header gives one) and no message.
pub fn parse_error_metadata(status: u16, headers: &HeaderMap, body: &[u8]) -> ErrorMetadata {
    // Only a top-level JSON object counts; nested `__type` fields (e.g. in error details) are
    // never consulted because we only look at this object's own keys.
    let object = serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|value| match value {
            Value::Object(map) => Some(map),
            _ => None,
        });
    let body_str = |key: &str| {
        object
            .as_ref()
            .and_then(|map| map.get(key))
            .and_then(Value::as_str)
    };

    let header_code = headers
        .get("x-amzn-errortype")
        .and_then(|v| v.to_str().ok());
    let code = header_code
        .or_else(|| body_str("code"))
        .or_else(|| body_str("__type"))
        .map(sanitize_error_code)
        .filter(|code| !code.is_empty())
        .map(str::to_owned);
    let message = ["message", "Message", "errorMessage"]
        .into_iter()
        .find_map(body_str)
        .map(str::to_owned);
    let request_id = request_id_from_headers(headers).map(str::to_owned);

    ErrorMetadata {
        code,
        message,
        request_id,
        status,
        query_error: None,
    }
}

/// Reads error metadata from a non-2xx response of a query-compatible service
/// (`@awsQueryCompatible`): as [`parse_error_metadata`], plus the `x-amzn-query-error` header
/// (`<code>;<type>`, split at the first `;`), whose code then becomes [`ErrorMetadata::code`].
/// A header without `;` or with an empty code is ignored.
pub fn parse_query_compatible_error_metadata(
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
) -> ErrorMetadata {
    let mut meta = parse_error_metadata(status, headers, body);
    meta.query_error = headers
        .get("x-amzn-query-error")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(';'))
        .filter(|(code, _)| !code.is_empty())
        .map(|(code, kind)| QueryError {
            code: code.to_owned(),
            kind: kind.to_owned(),
        });
    meta
}

/// The two halves of an `x-amzn-query-error` header.
#[derive(Debug, Clone, PartialEq, Eq)]
struct QueryError {
    code: String,
    kind: String,
}

/// Returned by metadata accessors of failures that carry none.
pub(crate) static EMPTY_METADATA: ErrorMetadata = ErrorMetadata {
    code: None,
    message: None,
    request_id: None,
    status: 0,
    query_error: None,
};

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn sanitizes_every_form_from_the_spec() {
        for raw in [
            "FooError",
            "FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
            "aws.protocoltests.json#FooError",
            "aws.protocoltests.json#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
            "aws.different.namespace#FooError",
        ] {
            assert_eq!(sanitize_error_code(raw), "FooError", "{raw}");
        }
        // A '#' that only appears after the ':' belongs to the stripped URI.
        assert_eq!(sanitize_error_code("Foo:http://x/#frag"), "Foo");
        assert_eq!(sanitize_error_code(""), "");
    }

    #[test]
    fn header_wins_over_code_over_type() {
        let body = br#"{"code":"FromCode","__type":"ns#FromType"}"#;
        let meta = parse_error_metadata(400, &headers(&[("X-Amzn-Errortype", "FromHeader")]), body);
        assert_eq!(meta.code(), Some("FromHeader"));
        let meta = parse_error_metadata(400, &HeaderMap::new(), body);
        assert_eq!(meta.code(), Some("FromCode"));
        let meta = parse_error_metadata(400, &HeaderMap::new(), br#"{"__type":"ns#FromType"}"#);
        assert_eq!(meta.code(), Some("FromType"));
    }

    #[test]
    fn header_code_is_sanitized() {
        let h = headers(&[(
            "x-amzn-errortype",
            "aws.protocoltests.json#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
        )]);
        assert_eq!(parse_error_metadata(500, &h, b"").code(), Some("FooError"));
    }

    #[test]
    fn nested_type_is_ignored() {
        let body = br#"{"ErrorDetails":[{"__type":"com.amazon.internal#ErrorDetails","ErrorMessage":"x"}]}"#;
        let meta = parse_error_metadata(500, &HeaderMap::new(), body);
        assert_eq!(meta.code(), None);
        let body = br#"{"__type":"aws.protocoltests.json10#FooError","ErrorDetails":[{"__type":"Other"}]}"#;
        assert_eq!(
            parse_error_metadata(500, &HeaderMap::new(), body).code(),
            Some("FooError")
        );
    }

    #[test]
    fn unreadable_bodies_give_no_code_but_header_still_counts() {
        for body in [
            &b""[..],
            b"{\"__type\":\"Foo",
            b"<html>oops</html>",
            b"[1,2]",
            b"\"str\"",
            b"\xff\xfe",
        ] {
            let meta = parse_error_metadata(503, &HeaderMap::new(), body);
            assert_eq!(meta.code(), None, "{body:?}");
            assert_eq!(meta.message(), None);
            assert_eq!(meta.status(), 503);
            let h = headers(&[("x-amzn-errortype", "FooError")]);
            assert_eq!(parse_error_metadata(503, &h, body).code(), Some("FooError"));
        }
    }

    #[test]
    fn non_string_fields_are_ignored() {
        let body = br#"{"code":5,"__type":"Real","message":{"a":1},"Message":"text"}"#;
        let meta = parse_error_metadata(400, &HeaderMap::new(), body);
        assert_eq!(meta.code(), Some("Real"));
        assert_eq!(meta.message(), Some("text"));
    }

    #[test]
    fn message_spellings_and_request_id() {
        let h = headers(&[("X-Amzn-Requestid", "amazon-uniq-request-id")]);
        let meta = parse_error_metadata(400, &h, br#"{"__type":"A","message":"lower"}"#);
        assert_eq!(meta.message(), Some("lower"));
        assert_eq!(meta.request_id(), Some("amazon-uniq-request-id"));
        let meta = parse_error_metadata(400, &h, br#"{"__type":"A","Message":"upper"}"#);
        assert_eq!(meta.message(), Some("upper"));
        let meta = parse_error_metadata(400, &HeaderMap::new(), br#"{"__type":"A"}"#);
        assert_eq!(meta.message(), None);
        assert_eq!(meta.request_id(), None);
    }

    #[test]
    fn status_is_never_used_as_code() {
        let meta = parse_error_metadata(429, &HeaderMap::new(), b"{}");
        assert_eq!(meta.code(), None);
        assert_eq!(meta.status(), 429);
    }

    #[test]
    fn query_error_header_replaces_the_code_but_not_the_shape_name() {
        let body = br#"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"gone"}"#;
        let h = headers(&[(
            "x-amzn-query-error",
            "AWS.SimpleQueueService.NonExistentQueue;Sender",
        )]);
        let meta = parse_query_compatible_error_metadata(400, &h, body);
        assert_eq!(meta.code(), Some("AWS.SimpleQueueService.NonExistentQueue"));
        assert_eq!(meta.shape_name(), Some("QueueDoesNotExist"));
        assert_eq!(meta.extra("type"), Some("Sender"));
        assert_eq!(meta.extra("code"), None);
        assert_eq!(meta.message(), Some("gone"));
        // Split at the first ';' only; the type keeps anything after it.
        let h = headers(&[("x-amzn-query-error", "A;B;C")]);
        let meta = parse_query_compatible_error_metadata(400, &h, body);
        assert_eq!((meta.code(), meta.extra("type")), (Some("A"), Some("B;C")));
    }

    #[test]
    fn malformed_or_absent_query_header_keeps_the_protocol_code() {
        let body = br#"{"__type":"aws.protocoltests.json10#NoCustomCodeError"}"#;
        for h in [
            headers(&[]),
            headers(&[("x-amzn-query-error", "NoSeparator")]),
            headers(&[("x-amzn-query-error", ";Sender")]),
        ] {
            let meta = parse_query_compatible_error_metadata(400, &h, body);
            assert_eq!(meta.code(), Some("NoCustomCodeError"));
            assert_eq!(meta.extra("type"), None);
        }
        // Services that are not query-compatible never read the header.
        let h = headers(&[("x-amzn-query-error", "Customized;Sender")]);
        assert_eq!(
            parse_error_metadata(400, &h, body).code(),
            Some("NoCustomCodeError")
        );
    }

    #[test]
    fn display_mentions_code_message_status_and_request_id() {
        let meta = ErrorMetadata::new(
            Some("FooError".into()),
            Some("bad".into()),
            Some("rid".into()),
            400,
        );
        assert_eq!(meta.to_string(), "FooError: bad (HTTP 400, request id rid)");
        assert_eq!(ErrorMetadata::default().to_string(), "unknown error");
    }
}
