//! [`ServeConfig`]: the limits and timeouts of [`serve_with_config`](super::serve_with_config).

use std::time::Duration;

/// Connection limits, timeouts and the shutdown grace period of
/// [`serve_with_config`](super::serve_with_config).
///
/// Start from [`ServeConfig::default`] and change what you need with the setters:
///
/// ```
/// use std::time::Duration;
/// let config = ingot_server_rt::ServeConfig::default()
///     .body_read_timeout(Duration::from_secs(10))
///     .max_connections(64);
/// assert_eq!(config.idle_timeout, Duration::from_secs(60));
/// ```
///
/// | setting | default | when it is exceeded |
/// |---|---|---|
/// | [`header_read_timeout`](Self::header_read_timeout) | 10 s | the connection is closed without an answer (the request head never arrived) |
/// | [`body_read_timeout`](Self::body_read_timeout) | 30 s | the body read fails with [`BodyReadTimeout`](crate::BodyReadTimeout); [`AwsJsonService`](crate::AwsJsonService) answers 408 `RequestTimeoutException` and the connection closes |
/// | [`idle_timeout`](Self::idle_timeout) | 60 s | the idle keep-alive connection is closed |
/// | [`max_header_bytes`](Self::max_header_bytes) | 16 KiB | hyper answers 431 Request Header Fields Too Large and closes the connection |
/// | [`max_connections`](Self::max_connections) | 512 | further connections wait in the listen backlog, unread, until one closes |
/// | [`shutdown_grace`](Self::shutdown_grace) | 10 s | connections still open are closed and serving returns |
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ServeConfig {
    /// How long a request head (request line and headers) may take to arrive, counted from the
    /// connection's accept for its first request and from the first byte for later ones. A client
    /// that trickles its headers (slow loris) is disconnected when it runs out.
    pub header_read_timeout: Duration,
    /// How long a request body may take to arrive in full, counted from the moment the request
    /// head is complete. A client that stops mid-body gets the service's answer to
    /// [`BodyReadTimeout`](crate::BodyReadTimeout) (408 `RequestTimeoutException` from
    /// [`AwsJsonService`](crate::AwsJsonService)) and the connection is closed.
    pub body_read_timeout: Duration,
    /// How long a keep-alive connection may wait between the end of one answer and the first
    /// byte of the next request before it is closed.
    pub idle_timeout: Duration,
    /// The largest request head (request line plus headers) in bytes; a larger one is answered
    /// with hyper's 431 Request Header Fields Too Large and the connection is closed. Must be
    /// at least 1.
    pub max_header_bytes: usize,
    /// How many connections are served at once. The server stops accepting at the limit, so
    /// further clients wait in the operating system's listen backlog (their TCP handshake
    /// completes but nothing is read) until a connection closes; clients beyond the backlog are
    /// refused by the operating system. Must be between 1 and
    /// [`tokio::sync::Semaphore::MAX_PERMITS`].
    pub max_connections: usize,
    /// How long shutdown lets in-flight requests finish. Shutdown stops accepting at once, closes
    /// idle connections and connections still sending a request head, lets requests that reached
    /// the service finish, and once this period is over closes whatever is still open (such as a
    /// client stalled mid-body) and returns.
    pub shutdown_grace: Duration,
}

impl Default for ServeConfig {
    fn default() -> Self {
        Self {
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(60),
            max_header_bytes: 16 * 1024,
            max_connections: 512,
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

impl ServeConfig {
    /// Sets [`ServeConfig::header_read_timeout`].
    pub fn header_read_timeout(mut self, timeout: Duration) -> Self {
        self.header_read_timeout = timeout;
        self
    }

    /// Sets [`ServeConfig::body_read_timeout`].
    pub fn body_read_timeout(mut self, timeout: Duration) -> Self {
        self.body_read_timeout = timeout;
        self
    }

    /// Sets [`ServeConfig::idle_timeout`].
    pub fn idle_timeout(mut self, timeout: Duration) -> Self {
        self.idle_timeout = timeout;
        self
    }

    /// Sets [`ServeConfig::max_header_bytes`].
    pub fn max_header_bytes(mut self, bytes: usize) -> Self {
        self.max_header_bytes = bytes;
        self
    }

    /// Sets [`ServeConfig::max_connections`].
    pub fn max_connections(mut self, connections: usize) -> Self {
        self.max_connections = connections;
        self
    }

    /// Sets [`ServeConfig::shutdown_grace`].
    pub fn shutdown_grace(mut self, grace: Duration) -> Self {
        self.shutdown_grace = grace;
        self
    }

    /// Refuses values serving cannot work with, naming the setting.
    pub(super) fn check(&self) -> Result<(), String> {
        if self.max_header_bytes == 0 {
            return Err("max_header_bytes must be at least 1".to_owned());
        }
        if !(1..=tokio::sync::Semaphore::MAX_PERMITS).contains(&self.max_connections) {
            return Err(format!(
                "max_connections must be between 1 and {}, not {}",
                tokio::sync::Semaphore::MAX_PERMITS,
                self.max_connections
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setters_set_and_check_refuses_unusable_limits() {
        let config = ServeConfig::default()
            .header_read_timeout(Duration::from_millis(1))
            .body_read_timeout(Duration::from_millis(2))
            .idle_timeout(Duration::from_millis(3))
            .max_header_bytes(4)
            .max_connections(5)
            .shutdown_grace(Duration::from_millis(6));
        assert_eq!(config.header_read_timeout, Duration::from_millis(1));
        assert_eq!(config.body_read_timeout, Duration::from_millis(2));
        assert_eq!(config.idle_timeout, Duration::from_millis(3));
        assert_eq!(config.max_header_bytes, 4);
        assert_eq!(config.max_connections, 5);
        assert_eq!(config.shutdown_grace, Duration::from_millis(6));
        assert_eq!(config.check(), Ok(()));
        assert!(config.clone().max_connections(0).check().is_err());
        assert!(config.clone().max_header_bytes(0).check().is_err());
        assert!(config
            .max_connections(usize::MAX)
            .check()
            .is_err_and(|e| e.contains("max_connections")));
    }
}
