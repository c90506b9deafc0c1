//! Comparing a request or response with what a case expects.

use std::fmt::Write as _;
use std::io::Read as _;

use http::HeaderMap;

use crate::json::json_eq;

/// An HTTP message as a test saw it.
#[derive(Clone, Debug, Default)]
pub struct Seen {
    pub method: String,
    /// Path and query.
    pub uri: String,
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

/// What a case expects of a message; `None` and empty lists check nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct Expected<'a> {
    pub method: Option<&'a str>,
    pub uri: Option<&'a str>,
    /// The host (without port) the request must be sent to.
    pub host: Option<&'a str>,
    pub status: Option<u16>,
    pub headers: &'a [(&'a str, &'a str)],
    pub require_headers: &'a [&'a str],
    pub forbid_headers: &'a [&'a str],
    pub body: Option<&'a str>,
    pub media_type: Option<&'a str>,
}

/// Panics listing every way `seen` differs from `expected`.
pub fn check_message(seen: &Seen, expected: &Expected<'_>) {
    let mut problems = String::new();
    if let Some(method) = expected.method {
        if !seen.method.eq_ignore_ascii_case(method) {
            let _ = writeln!(problems, "method: got {}, want {method}", seen.method);
        }
    }
    if let Some(uri) = expected.uri {
        if seen.uri != uri {
            let _ = writeln!(problems, "uri: got {}, want {uri}", seen.uri);
        }
    }
    if let Some(host) = expected.host {
        let got = header(&seen.headers, "host").unwrap_or_default();
        let got = got.rsplit_once(':').map_or(got.as_str(), |(h, _)| h);
        if got != host {
            let _ = writeln!(problems, "host: got {got}, want {host}");
        }
    }
    if let Some(status) = expected.status {
        if seen.status != status {
            let _ = writeln!(problems, "status: got {}, want {status}", seen.status);
        }
    }
    for (name, want) in expected.headers {
        match header(&seen.headers, name) {
            Some(got) if same_header_value(&got, want) => {}
            got => {
                let _ = writeln!(problems, "header {name}: got {got:?}, want {want:?}");
            }
        }
    }
    for name in expected.require_headers {
        if !seen.headers.contains_key(*name) {
            let _ = writeln!(problems, "header {name} is required but missing");
        }
    }
    for name in expected.forbid_headers {
        if let Some(got) = header(&seen.headers, name) {
            let _ = writeln!(problems, "header {name} is forbidden but sent: {got:?}");
        }
    }
    if let Some(want) = expected.body {
        let body = decoded_body(seen);
        if let Err(e) = check_body(&body, want, expected.media_type) {
            let _ = writeln!(problems, "body: {e}");
        }
    }
    assert!(
        problems.is_empty(),
        "the message differs from the case:\n{problems}seen headers: {:?}\nseen body: {}",
        seen.headers,
        String::from_utf8_lossy(&seen.body)
    );
}

/// Panics unless the body's `message` (or `Message`) matches `regex`.
pub fn check_body_regex(seen: &Seen, regex: &str) {
    let re = regex::Regex::new(regex).unwrap_or_else(|e| panic!("bad messageRegex {regex:?}: {e}"));
    let body: serde_json::Value = serde_json::from_slice(&seen.body).unwrap_or_default();
    let message = body
        .get("message")
        .or_else(|| body.get("Message"))
        .and_then(|m| m.as_str())
        .unwrap_or_default();
    assert!(
        re.is_match(message),
        "message {message:?} does not match {regex:?} (body {})",
        String::from_utf8_lossy(&seen.body)
    );
}

/// All values of `name`, joined as a list header.
fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    let values: Vec<String> = headers
        .get_all(name)
        .iter()
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .collect();
    (!values.is_empty()).then(|| values.join(", "))
}

/// List headers compare item by item, ignoring the spaces around commas.
fn same_header_value(got: &str, want: &str) -> bool {
    let items = |v: &str| {
        v.split(',')
            .map(|s| s.trim().to_owned())
            .collect::<Vec<_>>()
    };
    got == want || items(got) == items(want)
}

/// The body with a gzip `Content-Encoding` undone (the case gives the uncompressed text).
fn decoded_body(seen: &Seen) -> Vec<u8> {
    let gzip = header(&seen.headers, "content-encoding")
        .is_some_and(|v| v.split(',').any(|c| c.trim().eq_ignore_ascii_case("gzip")));
    if gzip {
        let mut out = Vec::new();
        if flate2::read::GzDecoder::new(seen.body.as_slice())
            .read_to_end(&mut out)
            .is_ok()
        {
            return out;
        }
    }
    seen.body.clone()
}

fn check_body(body: &[u8], want: &str, media_type: Option<&str>) -> Result<(), String> {
    let json = media_type.is_some_and(|m| m.contains("json"));
    if !json || (want.is_empty() && body.is_empty()) {
        return if body == want.as_bytes() {
            Ok(())
        } else {
            Err(format!(
                "got {:?}, want {want:?}",
                String::from_utf8_lossy(body)
            ))
        };
    }
    let got: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| format!("not JSON ({e}): {:?}", String::from_utf8_lossy(body)))?;
    let want_value: serde_json::Value =
        serde_json::from_str(want).map_err(|e| format!("the case's body is not JSON: {e}"))?;
    if json_eq(&got, &want_value) {
        Ok(())
    } else {
        Err(format!("got {got}, want {want_value}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(body: &str) -> Seen {
        let mut headers = HeaderMap::new();
        headers.insert("x-amz-target", "S.Op".parse().expect("value"));
        Seen {
            method: "POST".into(),
            uri: "/".into(),
            status: 200,
            headers,
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn matching_message_passes() {
        check_message(
            &seen(r#"{"a": 1.0}"#),
            &Expected {
                method: Some("POST"),
                uri: Some("/"),
                headers: &[("X-Amz-Target", "S.Op")],
                require_headers: &["x-amz-target"],
                forbid_headers: &["x-amz-query-mode"],
                body: Some(r#"{"a":1}"#),
                media_type: Some("application/json"),
                ..Expected::default()
            },
        );
    }

    #[test]
    #[should_panic(expected = "header X-Amz-Target")]
    fn wrong_header_fails() {
        check_message(
            &seen("{}"),
            &Expected {
                headers: &[("X-Amz-Target", "S.Other")],
                ..Expected::default()
            },
        );
    }

    #[test]
    #[should_panic(expected = "body: got")]
    fn bytes_compare_without_json_media_type() {
        check_message(
            &seen(r#"{"a":1.0}"#),
            &Expected {
                body: Some(r#"{"a":1}"#),
                ..Expected::default()
            },
        );
    }
}
