//! The two awsJson protocol versions and the only points where they differ; shared by the client
//! and server runtimes.

/// An awsJson protocol version.
///
/// The versions differ only in the `Content-Type` and in how a server spells an error's `__type`
/// (full shape id for 1.0, bare name for 1.1); see [`Protocol::error_type`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Protocol {
    /// `aws.protocols#awsJson1_0`
    AwsJson1_0,
    /// `aws.protocols#awsJson1_1`
    AwsJson1_1,
}

impl Protocol {
    /// The media type of requests and of every response.
    pub const fn content_type(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "application/x-amz-json-1.0",
            Protocol::AwsJson1_1 => "application/x-amz-json-1.1",
        }
    }

    /// The `__type` value written for an error named `name` in namespace `namespace`:
    /// `namespace#name` for awsJson 1.0, `name` for awsJson 1.1.
    pub fn error_type(self, namespace: &str, name: &str) -> String {
        match self {
            Protocol::AwsJson1_0 if !namespace.is_empty() => format!("{namespace}#{name}"),
            _ => name.to_owned(),
        }
    }

    /// Whether a request `Content-Type` value names this protocol.
    ///
    /// Only the media type essence counts, compared case-insensitively, so parameters such as
    /// `; charset=utf-8` are accepted (protocol tests `AwsJson1xMustSupportParametersInContentType`).
    pub fn accepts_content_type(self, value: &str) -> bool {
        let essence = value.split(';').next().unwrap_or_default().trim();
        essence.eq_ignore_ascii_case(self.content_type())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_type_is_full_id_for_1_0_and_bare_for_1_1() {
        assert_eq!(Protocol::AwsJson1_0.error_type("a.b", "Foo"), "a.b#Foo");
        assert_eq!(Protocol::AwsJson1_1.error_type("a.b", "Foo"), "Foo");
        assert_eq!(Protocol::AwsJson1_0.error_type("", "Foo"), "Foo");
    }

    #[test]
    fn content_type_parameters_are_ignored() {
        let p = Protocol::AwsJson1_1;
        assert!(p.accepts_content_type("application/x-amz-json-1.1"));
        assert!(p.accepts_content_type("Application/X-Amz-Json-1.1 ; charset=utf-8"));
        assert!(!p.accepts_content_type("application/x-amz-json-1.0"));
        assert!(!p.accepts_content_type("application/json"));
        assert!(!p.accepts_content_type(""));
    }
}
