//! The raw HTTP response handed to generated deserializers and kept inside errors.

use bytes::Bytes;
use http::HeaderMap;

/// A fully read HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawResponse {
    /// The HTTP status code.
    pub status: u16,
    /// The response headers.
    pub headers: HeaderMap,
    /// The whole response body.
    pub body: Bytes,
}

impl RawResponse {
    /// The request id AWS assigned to the call, from `x-amzn-requestid` (falling back to
    /// `x-amz-request-id`, which some services send instead).
    pub fn request_id(&self) -> Option<&str> {
        request_id_from_headers(&self.headers)
    }
}

/// Reads the request id header; a value that is not visible ASCII is treated as absent.
pub(crate) fn request_id_from_headers(headers: &HeaderMap) -> Option<&str> {
    ["x-amzn-requestid", "x-amz-request-id"]
        .into_iter()
        .find_map(|name| headers.get(name).and_then(|v| v.to_str().ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(headers: &[(&'static str, &'static str)]) -> RawResponse {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.insert(*name, http::HeaderValue::from_static(value));
        }
        RawResponse {
            status: 200,
            headers: map,
            body: Bytes::new(),
        }
    }

    #[test]
    fn request_id_prefers_amzn_header() {
        let r = response(&[("x-amz-request-id", "b"), ("X-Amzn-RequestId", "a")]);
        assert_eq!(r.request_id(), Some("a"));
    }

    #[test]
    fn request_id_falls_back_and_may_be_absent() {
        assert_eq!(
            response(&[("x-amz-request-id", "b")]).request_id(),
            Some("b")
        );
        assert_eq!(response(&[]).request_id(), None);
    }
}
