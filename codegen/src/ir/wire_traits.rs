//! Traits that change what goes over the wire but not the shape of any type:
//! `aws.protocols#awsQueryCompatible` (service), `aws.protocols#awsQueryError` (error
//! structures) and `smithy.api#requestCompression` (operations).
//!
//! They are read from the raw trait map here, with their own diagnostics, so the typed trait
//! table in `model::traits` stays about the traits every model uses.

use serde_json::Value;

use super::Protocol;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Shape;

const QUERY_COMPATIBLE: &str = "aws.protocols#awsQueryCompatible";
const QUERY_ERROR: &str = "aws.protocols#awsQueryError";
const REQUEST_COMPRESSION: &str = "smithy.api#requestCompression";

/// The compression algorithms Ingot clients can apply, as named in `encodings`.
const SUPPORTED_ENCODINGS: &[&str] = &["gzip"];

/// Whether the service carries `@awsQueryCompatible`; only awsJson 1.0 services may (the trait's
/// selector), so it is refused on awsJson 1.1.
pub(super) fn query_compatible(
    file: &str,
    service: &Shape,
    protocol: Protocol,
    diags: &mut Diagnostics,
) -> bool {
    if !service.traits.raw.contains_key(QUERY_COMPATIBLE) {
        return false;
    }
    if protocol != Protocol::AwsJson1_0 {
        diags.push(
            Diagnostic::shape(
                file,
                service.id.as_str(),
                "`@awsQueryCompatible` applies only to awsJson1_0 services",
            )
            .help("remove the trait, or switch the service to `aws.protocols#awsJson1_0`"),
        );
        return false;
    }
    true
}

/// The `code` of an error's `@awsQueryError`, if it has one.
pub(super) fn query_error_code(
    file: &str,
    error: &Shape,
    diags: &mut Diagnostics,
) -> Option<String> {
    let value = error.traits.raw.get(QUERY_ERROR)?;
    let code = value
        .get("code")
        .and_then(Value::as_str)
        .filter(|c| valid_query_code(c));
    if code.is_none() {
        diags.push(
            Diagnostic::shape(file, error.id.as_str(), "`@awsQueryError` needs a non-empty `code` of visible ASCII without `;` (it is sent in the `x-amzn-query-error` header)")
                .help("write it as `{\"code\": \"SomeCode\", \"httpResponseCode\": 400}`"),
        );
    }
    code.map(str::to_owned)
}

/// A query error code travels as `<code>;<fault>` in a header: it must be a header-safe token
/// without the separator.
fn valid_query_code(code: &str) -> bool {
    !code.is_empty() && code.bytes().all(|b| b.is_ascii_graphic() && b != b';')
}

/// Whether requests of the operation are gzip-compressed: `@requestCompression` lists `gzip`.
///
/// Encodings Ingot does not know are skipped (the trait says clients use the first one they
/// support); a list with none we support leaves requests uncompressed, which every server must
/// accept.
pub(super) fn request_compression(file: &str, operation: &Shape, diags: &mut Diagnostics) -> bool {
    let Some(value) = operation.traits.raw.get(REQUEST_COMPRESSION) else {
        return false;
    };
    let Some(encodings) = value.get("encodings").and_then(Value::as_array) else {
        diags.push(
            Diagnostic::shape(
                file,
                operation.id.as_str(),
                "`@requestCompression` needs an `encodings` list",
            )
            .help("write it as `{\"encodings\": [\"gzip\"]}`"),
        );
        return false;
    };
    let mut names = Vec::with_capacity(encodings.len());
    for encoding in encodings {
        let Some(name) = encoding.as_str() else {
            diags.push(Diagnostic::shape(
                file,
                operation.id.as_str(),
                format!("`@requestCompression` encodings must be strings, found {encoding}"),
            ));
            return false;
        };
        names.push(name.to_ascii_lowercase());
    }
    names
        .iter()
        .any(|n| SUPPORTED_ENCODINGS.contains(&n.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_codes_must_fit_the_header() {
        assert!(valid_query_code("AWS.SimpleQueueService.NonExistentQueue"));
        assert!(valid_query_code("Customized"));
        for bad in ["", "a;b", "with space", "é"] {
            assert!(!valid_query_code(bad), "{bad}");
        }
    }
}
