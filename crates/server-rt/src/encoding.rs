//! Request `Content-Encoding`: clients of `@requestCompression` operations may gzip their bodies.
//! The body limit applies to the decompressed size too, so a small gzip bomb gets 413 rather than
//! the server's memory.

use std::io::Read as _;

use bytes::Bytes;
use flate2::read::MultiGzDecoder;
use http::HeaderMap;

use crate::reply::FrameworkError;

/// Returns the body the request means: `body` itself without `Content-Encoding` (or with
/// `identity`), its gunzipped content with `gzip` (any case, optionally `x-gzip`), and an error
/// for anything else or for data that is not gzip.
pub(crate) fn decode(
    headers: &HeaderMap,
    body: Bytes,
    limit: usize,
) -> Result<Bytes, FrameworkError> {
    let mut codings = Vec::new();
    for value in headers.get_all(http::header::CONTENT_ENCODING) {
        let text = value.to_str().map_err(|_| {
            FrameworkError::UnsupportedContentEncoding(
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })?;
        codings.extend(
            text.split(',')
                .map(|c| c.trim().to_ascii_lowercase())
                .filter(|c| !c.is_empty() && c != "identity"),
        );
    }
    match codings.as_slice() {
        [] => Ok(body),
        [one] if one == "gzip" || one == "x-gzip" => gunzip(&body, limit),
        _ => Err(FrameworkError::UnsupportedContentEncoding(
            codings.join(", "),
        )),
    }
}

fn gunzip(data: &[u8], limit: usize) -> Result<Bytes, FrameworkError> {
    let mut out = Vec::new();
    // One byte more than allowed tells "exactly at the limit" from "over it" without
    // inflating the rest.
    let cap = (limit as u64).saturating_add(1);
    MultiGzDecoder::new(data)
        .take(cap)
        .read_to_end(&mut out)
        .map_err(|e| {
            FrameworkError::Serialization(format!("The request body is not valid gzip data: {e}"))
        })?;
    if out.len() > limit {
        return Err(FrameworkError::PayloadTooLarge(limit));
    }
    Ok(Bytes::from(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    use flate2::write::GzEncoder;
    use flate2::Compression;
    use http::HeaderValue;

    fn gzip(data: &[u8]) -> Bytes {
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(data).unwrap();
        Bytes::from(enc.finish().unwrap())
    }

    fn headers(encodings: &[&'static str]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for e in encodings {
            map.append(http::header::CONTENT_ENCODING, HeaderValue::from_static(e));
        }
        map
    }

    #[test]
    fn plain_and_identity_bodies_pass_through() {
        let body = Bytes::from_static(b"{\"a\":1}");
        for h in [
            headers(&[]),
            headers(&["identity"]),
            headers(&[" Identity "]),
        ] {
            assert_eq!(decode(&h, body.clone(), 4), Ok(body.clone()));
        }
    }

    #[test]
    fn gzip_is_decoded_in_any_case() {
        let data = b"{\"data\":\"hello\"}";
        for e in ["gzip", "GZIP", "x-gzip", "identity, gzip"] {
            assert_eq!(
                decode(&headers(&[e]), gzip(data), 1024).as_deref(),
                Ok(&data[..]),
                "{e}"
            );
        }
    }

    #[test]
    fn decompressed_size_is_limited_inclusively() {
        let data = vec![b'a'; 1000];
        let h = headers(&["gzip"]);
        assert_eq!(decode(&h, gzip(&data), 1000).map(|b| b.len()), Ok(1000));
        assert_eq!(
            decode(&h, gzip(&data), 999),
            Err(FrameworkError::PayloadTooLarge(999))
        );
    }

    #[test]
    fn bad_gzip_and_unknown_codings_are_refused() {
        let h = headers(&["gzip"]);
        let err = decode(&h, Bytes::from_static(b"{\"not\":\"gzip\"}"), 1024).unwrap_err();
        assert!(
            matches!(&err, FrameworkError::Serialization(m) if m.starts_with("The request body is not valid gzip data")),
            "{err:?}"
        );
        let truncated = gzip(b"some longer body that will be cut short");
        let cut = truncated.slice(..truncated.len() - 6);
        assert!(matches!(
            decode(&h, cut, 1024),
            Err(FrameworkError::Serialization(_))
        ));
        assert_eq!(
            decode(&headers(&["br"]), Bytes::new(), 10),
            Err(FrameworkError::UnsupportedContentEncoding("br".into()))
        );
        assert_eq!(
            decode(&headers(&["gzip", "gzip"]), Bytes::new(), 10),
            Err(FrameworkError::UnsupportedContentEncoding(
                "gzip, gzip".into()
            ))
        );
    }
}
