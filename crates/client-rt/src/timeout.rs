//! Time limits on connecting, on each attempt, and on a whole operation.

use std::time::Duration;

/// Time limits for calls. By default only connecting is limited (3.1 s, as the AWS SDKs do);
/// operations may run as long as the retry policy allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeoutConfig {
    connect_timeout: Option<Duration>,
    operation_timeout: Option<Duration>,
    operation_attempt_timeout: Option<Duration>,
}

impl Default for TimeoutConfig {
    fn default() -> Self {
        Self {
            connect_timeout: Some(Duration::from_millis(3100)),
            operation_timeout: None,
            operation_attempt_timeout: None,
        }
    }
}

impl TimeoutConfig {
    /// The default limits (see the type's docs).
    pub fn new() -> Self {
        Self::default()
    }

    /// No limits at all, connecting included.
    pub fn disabled() -> Self {
        Self {
            connect_timeout: None,
            operation_timeout: None,
            operation_attempt_timeout: None,
        }
    }

    /// Limits establishing a connection: resolving the host, the TCP connect and the TLS
    /// handshake together, one budget per new connection (pooled connections are reused without
    /// it). When it elapses the attempt fails with a
    /// [`DispatchFailure`](crate::DispatchFailure) whose
    /// [`is_timeout`](crate::DispatchFailure::is_timeout) is true and whose source is a
    /// [`TimeoutError`](crate::TimeoutError) of kind
    /// [`Connect`](crate::TimeoutKind::Connect), as the AWS SDK for Rust reports its
    /// `connect_timeout`; it is retried like other timeouts.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Limits a whole operation: every attempt and every backoff in between.
    pub fn operation_timeout(mut self, timeout: Duration) -> Self {
        self.operation_timeout = Some(timeout);
        self
    }

    /// Limits each attempt (sending the request and reading the whole response).
    pub fn operation_attempt_timeout(mut self, timeout: Duration) -> Self {
        self.operation_attempt_timeout = Some(timeout);
        self
    }

    /// The connect limit, if any.
    pub fn connect(&self) -> Option<Duration> {
        self.connect_timeout
    }

    /// The whole-operation limit, if any.
    pub fn operation(&self) -> Option<Duration> {
        self.operation_timeout
    }

    /// The per-attempt limit, if any.
    pub fn operation_attempt(&self) -> Option<Duration> {
        self.operation_attempt_timeout
    }
}
