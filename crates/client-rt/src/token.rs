//! Idempotency tokens for members marked `@idempotencyToken` that the caller left unset.

/// A fresh random UUID (version 4) in its hyphenated lowercase form, as the AWS SDKs send.
pub fn idempotency_token() -> String {
    uuid::Uuid::new_v4().hyphenated().to_string()
}

#[cfg(test)]
mod tests {
    use super::idempotency_token;

    #[test]
    fn tokens_are_v4_uuids_and_differ() {
        let a = idempotency_token();
        let b = idempotency_token();
        assert_ne!(a, b);
        let parsed = uuid::Uuid::parse_str(&a).expect("a UUID");
        assert_eq!(parsed.get_version_num(), 4);
        assert_eq!(a.len(), 36);
        assert_eq!(a, a.to_lowercase());
    }
}
