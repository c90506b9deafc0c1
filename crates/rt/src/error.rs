//! What every service error carries besides its modeled fields ([`ErrorMetadata`]) and the traits
//! that read it ([`ProvideErrorMetadata`], [`RequestId`]), named as in the AWS SDK for Rust.
//!
//! They live here rather than in the client runtime because the model crate's error structures
//! hold their metadata (as the SDK's do), and the model crate has no HTTP stack.

use std::fmt;

/// The code, message and request id of a service error (and the HTTP status it came with).
///
/// One pointer wide when empty (as it is in errors a server builds), so error structures and
/// results stay small.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorMetadata {
    inner: Option<Box<Inner>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Inner {
    code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
    status: u16,
    /// `x-amzn-query-error` of query-compatible services: the awsQuery code and its type.
    query_error: Option<(String, String)>,
}

impl ErrorMetadata {
    fn inner(&self) -> Option<&Inner> {
        self.inner.as_deref()
    }

    /// A builder, as the SDK's `ErrorMetadata::builder()`.
    pub fn builder() -> ErrorMetadataBuilder {
        ErrorMetadataBuilder::default()
    }

    /// A builder holding this metadata, to change some of it (the SDK's `into_builder`).
    pub fn into_builder(self) -> ErrorMetadataBuilder {
        ErrorMetadataBuilder {
            inner: self.inner.map(|b| *b).unwrap_or_default(),
        }
    }

    /// The error code, if the response named one: the awsQuery code of the `x-amzn-query-error`
    /// header when a query-compatible service sent one (as the AWS SDKs report it, unsanitized,
    /// e.g. `AWS.SimpleQueueService.NonExistentQueue`), else [`Self::shape_name`].
    pub fn code(&self) -> Option<&str> {
        match self.inner().and_then(|i| i.query_error.as_ref()) {
            Some((code, _)) => Some(code),
            None => self.shape_name(),
        }
    }

    /// The sanitized error shape name from `X-Amzn-Errortype`, `code` or `__type`: what modeled
    /// errors are matched by. Differs from [`Self::code`] only for query-compatible services.
    pub fn shape_name(&self) -> Option<&str> {
        self.inner()?.code.as_deref()
    }

    /// Extra metadata by key, as the SDK's `ErrorMetadata::extra` gives it: `"type"` is the
    /// awsQuery error type (`Sender` or `Receiver`) of a query-compatible service's
    /// `x-amzn-query-error` header, `"aws_request_id"` the request id. No other key is known.
    pub fn extra(&self, key: &str) -> Option<&str> {
        match (key, self.inner().and_then(|i| i.query_error.as_ref())) {
            ("type", Some((_, kind))) => Some(kind),
            ("aws_request_id", _) => self.request_id(),
            _ => None,
        }
    }

    /// The human-readable message, if any.
    pub fn message(&self) -> Option<&str> {
        self.inner()?.message.as_deref()
    }

    /// The request id AWS assigned to the failed call, if any.
    pub fn request_id(&self) -> Option<&str> {
        self.inner()?.request_id.as_deref()
    }

    /// The HTTP status of the error response (0 when the metadata did not come from a response).
    pub fn status(&self) -> u16 {
        self.inner().map_or(0, |i| i.status)
    }
}

/// Printed as the SDK prints it: `Error { code: "...", message: "...", aws_request_id: "..." }`,
/// each field only when present.
impl fmt::Display for ErrorMetadata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Error");
        if let Some(code) = self.code() {
            s.field("code", &code);
        }
        if let Some(message) = self.message() {
            s.field("message", &message);
        }
        if let Some(id) = self.request_id() {
            s.field("aws_request_id", &id);
        }
        if let Some(kind) = self.extra("type") {
            s.field("type", &kind);
        }
        s.finish()
    }
}

impl std::error::Error for ErrorMetadata {}

/// Builds [`ErrorMetadata`].
#[derive(Debug, Clone, Default)]
pub struct ErrorMetadataBuilder {
    inner: Inner,
}

impl ErrorMetadataBuilder {
    /// Sets the error code (the error shape's name).
    pub fn code(mut self, code: impl Into<String>) -> Self {
        self.inner.code = Some(code.into());
        self
    }

    /// Sets the message.
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.inner.message = Some(message.into());
        self
    }

    /// Sets extra metadata. Only `"aws_request_id"` (the request id, as the SDK stores it) is
    /// kept; the awsQuery type is set with [`Self::query_error`], other keys are not stored.
    pub fn custom(mut self, key: &'static str, value: impl Into<String>) -> Self {
        if key == "aws_request_id" {
            self.inner.request_id = Some(value.into());
        }
        self
    }

    /// Sets the HTTP status.
    pub fn status(mut self, status: u16) -> Self {
        self.inner.status = status;
        self
    }

    /// Sets the awsQuery code and type a query-compatible service sent in `x-amzn-query-error`.
    pub fn query_error(mut self, code: impl Into<String>, kind: impl Into<String>) -> Self {
        self.inner.query_error = Some((code.into(), kind.into()));
        self
    }

    /// The metadata.
    pub fn build(self) -> ErrorMetadata {
        ErrorMetadata {
            inner: Some(Box::new(self.inner)),
        }
    }
}

/// Metadata returned by accessors of failures that carry none.
pub static EMPTY_ERROR_METADATA: ErrorMetadata = ErrorMetadata { inner: None };

/// Access to the code and message of an error, as the SDK's trait of the same name.
pub trait ProvideErrorMetadata {
    /// All of the metadata.
    fn meta(&self) -> &ErrorMetadata;

    /// The error code, if known: the error shape's name, or for query-compatible services the
    /// code of the `x-amzn-query-error` header (see [`ErrorMetadata::code`]).
    fn code(&self) -> Option<&str> {
        self.meta().code()
    }

    /// The error message, if any.
    fn message(&self) -> Option<&str> {
        self.meta().message()
    }
}

impl ProvideErrorMetadata for ErrorMetadata {
    fn meta(&self) -> &ErrorMetadata {
        self
    }
}

/// The request id AWS assigned to a call, as the SDK's `RequestId` trait.
pub trait RequestId {
    /// The request id, if the response carried one.
    fn request_id(&self) -> Option<&str>;
}

impl RequestId for ErrorMetadata {
    fn request_id(&self) -> Option<&str> {
        ErrorMetadata::request_id(self)
    }
}

/// An error structure of the model: the client reads its body, then hands it the metadata of the
/// response. Implemented by generated code only.
#[doc(hidden)]
pub trait ModeledError: crate::json::ReadJson {
    /// Stores the metadata of the response the error was read from.
    fn set_meta(&mut self, meta: ErrorMetadata);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn into_builder_keeps_what_is_not_changed() {
        let meta = ErrorMetadata::builder()
            .code("Throttling")
            .message("slow down")
            .custom("aws_request_id", "r-1")
            .status(400)
            .build();
        let changed = meta.into_builder().message("later").build();
        assert_eq!(changed.code(), Some("Throttling"));
        assert_eq!(changed.message(), Some("later"));
        assert_eq!(changed.request_id(), Some("r-1"));
        assert_eq!(changed.status(), 400);
        assert_eq!(ErrorMetadata::default().into_builder().build().code(), None);
    }

    #[test]
    fn display_is_the_sdks_struct_form() {
        let meta = ErrorMetadata::builder()
            .code("FooError")
            .message("bad")
            .custom("aws_request_id", "rid")
            .status(400)
            .build();
        assert_eq!(
            meta.to_string(),
            r#"Error { code: "FooError", message: "bad", aws_request_id: "rid" }"#
        );
        assert_eq!(ErrorMetadata::default().to_string(), "Error");
        assert_eq!(RequestId::request_id(&meta), Some("rid"));
        assert_eq!(meta.extra("aws_request_id"), Some("rid"));
        assert_eq!(meta.status(), 400);
    }

    #[test]
    fn query_code_wins_over_the_shape_name() {
        let meta = ErrorMetadata::builder()
            .code("QueueDoesNotExist")
            .query_error("AWS.SimpleQueueService.NonExistentQueue", "Sender")
            .build();
        assert_eq!(meta.code(), Some("AWS.SimpleQueueService.NonExistentQueue"));
        assert_eq!(meta.shape_name(), Some("QueueDoesNotExist"));
        assert_eq!(meta.extra("type"), Some("Sender"));
        assert_eq!(meta.extra("other"), None);
    }
}
