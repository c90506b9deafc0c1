//! The SigV4 hashing steps: payload hash, string to sign, signing key and signature.

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

use super::authorization::{Scope, ALGORITHM};

type HmacSha256 = Hmac<Sha256>;

/// Lowercase hex SHA-256.
pub(super) fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

fn hmac(key: &[u8], data: &[u8]) -> Vec<u8> {
    // HMAC accepts keys of any length, so this cannot fail; an empty MAC would only fail the
    // signature comparison, never pass it.
    match HmacSha256::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(data);
            mac.finalize().into_bytes().to_vec()
        }
        Err(_) => Vec::new(),
    }
}

/// The expected signature (lowercase hex) for a canonical request.
pub(super) fn signature(
    secret: &str,
    amz_date: &str,
    scope: &Scope<'_>,
    canonical_request: &[u8],
) -> String {
    let string_to_sign = format!(
        "{ALGORITHM}\n{amz_date}\n{}\n{}",
        scope.to_line(),
        sha256_hex(canonical_request)
    );
    let k_date = hmac(format!("AWS4{secret}").as_bytes(), scope.date.as_bytes());
    let k_region = hmac(&k_date, scope.region.as_bytes());
    let k_service = hmac(&k_region, scope.service.as_bytes());
    let k_signing = hmac(&k_service, scope.terminator.as_bytes());
    hex::encode(hmac(&k_signing, string_to_sign.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    #[test]
    fn empty_payload_hash() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn post_vanilla_vector() {
        let scope = Scope {
            date: "20150830",
            region: "us-east-1",
            service: "service",
            terminator: "aws4_request",
        };
        let creq = "POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\
                    e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert_eq!(
            signature(SECRET, "20150830T123600Z", &scope, creq.as_bytes()),
            "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"
        );
    }
}
