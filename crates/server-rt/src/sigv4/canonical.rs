//! The SigV4 canonical request, rebuilt from what the server received and the client's
//! `SignedHeaders` list.

use http::request::Parts;
use http::HeaderMap;

/// `METHOD\nURI\nQUERY\nHEADERS\n\nSIGNED_HEADERS\nPAYLOAD_HASH`.
pub(super) fn canonical_request(
    parts: &Parts,
    signed_headers: &[&str],
    signed_headers_line: &str,
    payload_hash: &str,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    out.extend_from_slice(parts.method.as_str().as_bytes());
    out.push(b'\n');
    out.extend_from_slice(canonical_uri(parts.uri.path()).as_bytes());
    out.push(b'\n');
    out.extend_from_slice(canonical_query(parts.uri.query().unwrap_or_default()).as_bytes());
    out.push(b'\n');
    for name in signed_headers {
        out.extend_from_slice(name.as_bytes());
        out.push(b':');
        out.extend_from_slice(&header_value(parts, name));
        out.push(b'\n');
    }
    out.push(b'\n');
    out.extend_from_slice(signed_headers_line.as_bytes());
    out.push(b'\n');
    out.extend_from_slice(payload_hash.as_bytes());
    out
}

/// The value signed for header `name`: every occurrence, each trimmed with inner runs of spaces
/// squeezed, joined by `,`. `host` falls back to the URI authority (HTTP/2 `:authority`).
fn header_value(parts: &Parts, name: &str) -> Vec<u8> {
    if name == "host" && !parts.headers.contains_key(http::header::HOST) {
        return parts
            .uri
            .authority()
            .map(|a| a.as_str().as_bytes().to_vec())
            .unwrap_or_default();
    }
    joined_values(&parts.headers, name)
}

fn joined_values(headers: &HeaderMap, name: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, value) in headers.get_all(name).iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        squeeze_into(&mut out, value.as_bytes());
    }
    out
}

/// Spaces only, as SigV4 specifies and the AWS SDK for Rust signs: a tab is kept. (On the wire
/// HTTP already strips spaces and tabs around a value; this matters for in-process callers.)
fn squeeze_into(out: &mut Vec<u8>, value: &[u8]) {
    let start = value.iter().position(|&b| b != b' ').unwrap_or(value.len());
    let end = value
        .iter()
        .rposition(|&b| b != b' ')
        .map_or(start, |i| i + 1);
    let value = value.get(start..end).unwrap_or_default();
    let mut previous_space = false;
    for &b in value {
        let space = b == b' ';
        if !(space && previous_space) {
            out.push(b);
        }
        previous_space = space;
    }
}

/// Non-S3 services sign the path normalized (empty and `.` segments dropped, `..` removing the
/// segment before it, as RFC 3986 section 5.2.4 and every AWS SDK do) and URI-encoded once more
/// on top of the encoding it already has on the wire, so the received path is normalized and
/// encoded again here (`/` kept). An empty path is `/`; a trailing slash stays.
fn canonical_uri(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    let trailing_slash = path
        .rsplit('/')
        .next()
        .is_some_and(|last| path.contains('/') && matches!(last, "" | "." | ".."));
    let mut out = String::with_capacity(path.len() + 1);
    for segment in &segments {
        out.push('/');
        for &b in segment.as_bytes() {
            encode_byte(&mut out, b);
        }
    }
    if out.is_empty() || trailing_slash {
        out.push('/');
    }
    out
}

/// Query parameters decoded, re-encoded strictly, and sorted by name then value.
fn canonical_query(query: &str) -> String {
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (encode(&decode(k)), encode(&decode(v)))
        })
        .collect();
    pairs.sort();
    let joined: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
    joined.join("&")
}

fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        encode_byte(&mut out, b);
    }
    out
}

/// RFC 3986 unreserved characters stay; everything else becomes `%XX` (uppercase hex).
fn encode_byte(out: &mut String, b: u8) {
    if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
        out.push(char::from(b));
    } else {
        out.push_str(&format!("%{b:02X}"));
    }
}

/// Percent-decoding that leaves malformed escapes as they are (they then fail the signature,
/// which is the right answer for them). `+` is a literal plus in SigV4, not a space.
fn decode(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(hi), Some(lo)) = (hex_val(bytes[i + 1]), hex_val(bytes[i + 2])) {
                out.push(hi << 4 | lo);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

fn hex_val(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_is_normalized_then_encoded_again() {
        for (path, canonical) in [
            ("", "/"),
            ("/", "/"),
            ("//", "/"),
            ("/a//b", "/a/b"),
            ("/a/./b/", "/a/b/"),
            ("/a/b/..", "/a/"),
            ("/../a", "/a"),
            ("/a/.", "/a/"),
            ("/a%20b/c d", "/a%2520b/c%20d"),
            ("/é", "/%C3%A9"),
            ("*", "/%2A"),
        ] {
            assert_eq!(canonical_uri(path), canonical, "{path:?}");
        }
    }

    fn parts(req: http::Request<()>) -> Parts {
        req.into_parts().0
    }

    #[test]
    fn post_vanilla_canonical_request() {
        let p = parts(
            http::Request::post("/")
                .header("host", "example.amazonaws.com")
                .header("x-amz-date", "20150830T123600Z")
                .body(())
                .expect("request"),
        );
        let creq = canonical_request(
            &p,
            &["host", "x-amz-date"],
            "host;x-amz-date",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        );
        assert_eq!(
            String::from_utf8(creq).expect("utf8"),
            "POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\
             e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn header_values_are_trimmed_squeezed_and_joined() {
        let p = parts(
            http::Request::post("/")
                .header("my-header1", "  value1  ")
                .header("my-header1", "a   b   c")
                .body(())
                .expect("request"),
        );
        assert_eq!(header_value(&p, "my-header1"), b"value1,a b c");
        assert_eq!(header_value(&p, "absent"), b"");
        let p = parts(
            http::Request::post("/")
                .header("tabbed", "\t a\t ")
                .header("spaces", "   ")
                .body(())
                .expect("request"),
        );
        assert_eq!(header_value(&p, "tabbed"), b"\t a\t");
        assert_eq!(header_value(&p, "spaces"), b"");
    }

    #[test]
    fn host_falls_back_to_authority() {
        let p = parts(
            http::Request::post("http://example.com:8080/")
                .body(())
                .expect("request"),
        );
        assert_eq!(header_value(&p, "host"), b"example.com:8080");
    }

    #[test]
    fn uri_and_query_encoding() {
        assert_eq!(canonical_uri("/"), "/");
        assert_eq!(canonical_uri(""), "/");
        assert_eq!(canonical_uri("/a b/%20c"), "/a%20b/%2520c");
        assert_eq!(canonical_query("b=2&a=1&a=0"), "a=0&a=1&b=2");
        assert_eq!(
            canonical_query("Param-1=value%2F1&flag"),
            "Param-1=value%2F1&flag="
        );
        assert_eq!(canonical_query("k=%zz%4"), "k=%25zz%254");
        assert_eq!(canonical_query(""), "");
    }
}
