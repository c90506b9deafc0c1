//! Reading the error code, message and request id out of an awsJson error response
//! (facts §3.8, §3.9). Nothing here fails: whatever cannot be read is simply absent.

use http::HeaderMap;
use ingot_rt::error::ErrorMetadata;
use serde_json::Value;

use crate::response::request_id_from_headers;

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
    error_metadata_builder(status, headers, body).build()
}

fn error_metadata_builder(
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
) -> ingot_rt::error::ErrorMetadataBuilder {
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
    let mut meta = ErrorMetadata::builder().status(status);
    if let Some(code) = code {
        meta = meta.code(code);
    }
    if let Some(message) = message {
        meta = meta.message(message);
    }
    if let Some(id) = request_id_from_headers(headers) {
        meta = meta.custom("aws_request_id", id);
    }
    meta
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
    let meta = error_metadata_builder(status, headers, body);
    match headers
        .get("x-amzn-query-error")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(';'))
        .filter(|(code, _)| !code.is_empty())
    {
        Some((code, kind)) => meta.query_error(code, kind),
        None => meta,
    }
    .build()
}

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
}
