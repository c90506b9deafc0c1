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
    /// A builder starting from the default limits (connect 3.1 s), as the SDK's
    /// `TimeoutConfig::builder()` whose unset limits fall back to those defaults.
    pub fn builder() -> TimeoutConfigBuilder {
        TimeoutConfigBuilder {
            config: Self::default(),
        }
    }

    /// A builder starting from these limits.
    pub fn to_builder(&self) -> TimeoutConfigBuilder {
        TimeoutConfigBuilder {
            config: self.clone(),
        }
    }

    /// No limits at all, connecting included.
    pub fn disabled() -> Self {
        Self {
            connect_timeout: None,
            operation_timeout: None,
            operation_attempt_timeout: None,
        }
    }

    /// The connect limit, if any.
    pub fn connect_timeout(&self) -> Option<Duration> {
        self.connect_timeout
    }

    /// The whole-operation limit, if any.
    pub fn operation_timeout(&self) -> Option<Duration> {
        self.operation_timeout
    }

    /// The per-attempt limit, if any.
    pub fn operation_attempt_timeout(&self) -> Option<Duration> {
        self.operation_attempt_timeout
    }

    /// Whether any limit is set.
    pub fn has_timeouts(&self) -> bool {
        self.connect_timeout.is_some()
            || self.operation_timeout.is_some()
            || self.operation_attempt_timeout.is_some()
    }

    /// A builder starting from these limits, as the SDK's `into_builder`.
    pub fn into_builder(self) -> TimeoutConfigBuilder {
        TimeoutConfigBuilder { config: self }
    }
}

/// Builds a [`TimeoutConfig`]; limits not set keep their default.
#[derive(Debug, Clone)]
pub struct TimeoutConfigBuilder {
    config: TimeoutConfig,
}

impl Default for TimeoutConfigBuilder {
    fn default() -> Self {
        TimeoutConfig::builder()
    }
}

impl TimeoutConfigBuilder {
    /// The same as [`TimeoutConfig::builder`].
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets or unsets the connect limit.
    pub fn set_connect_timeout(&mut self, timeout: Option<Duration>) -> &mut Self {
        self.config.connect_timeout = timeout;
        self
    }

    /// Sets or unsets the whole-operation limit.
    pub fn set_operation_timeout(&mut self, timeout: Option<Duration>) -> &mut Self {
        self.config.operation_timeout = timeout;
        self
    }

    /// Sets or unsets the per-attempt limit.
    pub fn set_operation_attempt_timeout(&mut self, timeout: Option<Duration>) -> &mut Self {
        self.config.operation_attempt_timeout = timeout;
        self
    }

    /// Removes the connect limit (the default is 3.1 s).
    pub fn disable_connect_timeout(mut self) -> Self {
        self.config.connect_timeout = None;
        self
    }

    /// Removes the whole-operation limit.
    pub fn disable_operation_timeout(mut self) -> Self {
        self.config.operation_timeout = None;
        self
    }

    /// Removes the per-attempt limit.
    pub fn disable_operation_attempt_timeout(mut self) -> Self {
        self.config.operation_attempt_timeout = None;
        self
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
        self.config.connect_timeout = Some(timeout);
        self
    }

    /// Limits a whole operation: every attempt and every backoff in between.
    pub fn operation_timeout(mut self, timeout: Duration) -> Self {
        self.config.operation_timeout = Some(timeout);
        self
    }

    /// Limits each attempt (sending the request and reading the whole response).
    pub fn operation_attempt_timeout(mut self, timeout: Duration) -> Self {
        self.config.operation_attempt_timeout = Some(timeout);
        self
    }

    /// The limits.
    pub fn build(self) -> TimeoutConfig {
        self.config
    }
}
