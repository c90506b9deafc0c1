//! Standard retry mode (facts §7.1): which failures are retried, how long to wait, and the retry
//! quota that stops retry storms when a service is unhealthy.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use crate::service::RetryableError;
use ingot_rt::error::ErrorMetadata;

/// How many attempts to make and how long to back off between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryConfig {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
}

impl Default for RetryConfig {
    fn default() -> Self {
        Self::standard()
    }
}

impl RetryConfig {
    /// The AWS standard mode: 3 attempts in all, backoff starting at 1 s and capped at 20 s.
    pub fn standard() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(20),
        }
    }

    /// A single attempt, no retries.
    pub fn disabled() -> Self {
        Self::standard().with_max_attempts(1)
    }

    /// Sets the number of attempts in all, the first included; 0 is treated as 1.
    pub fn with_max_attempts(mut self, max_attempts: u32) -> Self {
        self.max_attempts = max_attempts.max(1);
        self
    }

    /// Sets the base of the exponential backoff.
    pub fn with_initial_backoff(mut self, initial_backoff: Duration) -> Self {
        self.initial_backoff = initial_backoff;
        self
    }

    /// Sets the cap of a single backoff.
    pub fn with_max_backoff(mut self, max_backoff: Duration) -> Self {
        self.max_backoff = max_backoff;
        self
    }

    /// The number of attempts in all.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The base of the exponential backoff.
    pub fn initial_backoff(&self) -> Duration {
        self.initial_backoff
    }

    /// The cap of a single backoff.
    pub fn max_backoff(&self) -> Duration {
        self.max_backoff
    }

    /// The upper bound of the backoff before retry number `retry` (0 for the first retry):
    /// `min(initial * 2^retry, max)`. The actual wait is this times a random factor in `[0, 1)`.
    pub(crate) fn backoff_ceiling(&self, retry: u32) -> Duration {
        let factor = 2u32.checked_pow(retry).unwrap_or(u32::MAX);
        self.initial_backoff
            .checked_mul(factor)
            .map_or(self.max_backoff, |d| d.min(self.max_backoff))
    }

    /// The wait before retry number `retry`: full jitter over [`Self::backoff_ceiling`], unless the
    /// service asked for a delay (`x-amz-retry-after`), which is honoured up to the cap.
    pub(crate) fn backoff(&self, retry: u32, server_hint: Option<Duration>) -> Duration {
        match server_hint {
            Some(hint) => hint.min(self.max_backoff),
            None => self.backoff_ceiling(retry).mul_f64(fastrand::f64()),
        }
    }
}

/// Why a failed attempt may be retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RetryKind {
    /// The service is shedding load.
    Throttling,
    /// A 5xx or an I/O hiccup that may well succeed next time.
    Transient,
    /// The attempt timed out; costs more quota because it held a connection longest.
    Timeout,
    /// Retrying would fail the same way (every other 4xx).
    Never,
}

/// Error codes AWS services use for throttling (including Cognito's `LimitExceededException`).
const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// Error codes for transient failures that are safe to retry whatever the status.
const TRANSIENT_CODES: &[&str] = &["RequestTimeout", "RequestTimeoutException"];

/// Statuses retried on their own; 429 is deliberately absent (its code decides).
const TRANSIENT_STATUSES: &[u16] = &[500, 502, 503, 504];

/// Classifies a non-2xx response in the standard strategy's order: a modeled `@retryable` error
/// of the service (matched by shape name; throttling when `throttling: true`), then the known
/// AWS error codes, then the status.
pub(crate) fn classify_response(
    retryable: &[RetryableError],
    status: u16,
    meta: &ErrorMetadata,
) -> RetryKind {
    let modeled = meta
        .shape_name()
        .and_then(|name| retryable.iter().find(|e| e.shape_name == name));
    match modeled {
        Some(e) if e.throttling => RetryKind::Throttling,
        Some(_) => RetryKind::Transient,
        None => classify_service_error(status, meta.code()),
    }
}

/// Classifies by error code, then status.
pub(crate) fn classify_service_error(status: u16, code: Option<&str>) -> RetryKind {
    match code {
        Some(code) if THROTTLING_CODES.contains(&code) => RetryKind::Throttling,
        Some(code) if TRANSIENT_CODES.contains(&code) => RetryKind::Transient,
        _ if TRANSIENT_STATUSES.contains(&status) => RetryKind::Transient,
        _ => RetryKind::Never,
    }
}

/// The retry quota shared by all clones of a client: retries spend tokens, successes earn them
/// back, and an empty bucket means failures are returned at once instead of retried.
#[derive(Debug)]
pub(crate) struct TokenBucket {
    tokens: AtomicU32,
}

const BUCKET_CAPACITY: u32 = 500;
const RETRY_COST: u32 = 5;
const TIMEOUT_RETRY_COST: u32 = 10;
const SUCCESS_REFUND: u32 = 1;

impl TokenBucket {
    pub(crate) fn new() -> Self {
        Self {
            tokens: AtomicU32::new(BUCKET_CAPACITY),
        }
    }

    /// Takes the cost of retrying after a failure of `kind`; false when the quota is exhausted.
    pub(crate) fn try_acquire(&self, kind: RetryKind) -> bool {
        let cost = match kind {
            RetryKind::Timeout => TIMEOUT_RETRY_COST,
            RetryKind::Throttling | RetryKind::Transient => RETRY_COST,
            RetryKind::Never => return false,
        };
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| t.checked_sub(cost))
            .is_ok()
    }

    /// Gives a token back after a successful attempt.
    pub(crate) fn refund(&self) {
        // An `Err` only means the bucket is already full, which is fine.
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                (t < BUCKET_CAPACITY).then(|| (t + SUCCESS_REFUND).min(BUCKET_CAPACITY))
            });
    }

    #[cfg(test)]
    fn available(&self) -> u32 {
        self.tokens.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttling_and_transient_codes_win_over_status() {
        assert_eq!(
            classify_service_error(400, Some("TooManyRequestsException")),
            RetryKind::Throttling
        );
        assert_eq!(
            classify_service_error(429, Some("TooManyRequestsException")),
            RetryKind::Throttling
        );
        assert_eq!(
            classify_service_error(400, Some("LimitExceededException")),
            RetryKind::Throttling
        );
        assert_eq!(
            classify_service_error(408, Some("RequestTimeoutException")),
            RetryKind::Transient
        );
    }

    #[test]
    fn modeled_retryable_errors_win_over_codes_and_status() {
        const RETRYABLE: &[RetryableError] = &[
            RetryableError {
                shape_name: "SlowDownPlease",
                throttling: true,
            },
            RetryableError {
                shape_name: "TryAgain",
                throttling: false,
            },
        ];
        let meta = |code: &str| ErrorMetadata::builder().code(code).status(400).build();
        assert_eq!(
            classify_response(RETRYABLE, 400, &meta("SlowDownPlease")),
            RetryKind::Throttling
        );
        assert_eq!(
            classify_response(RETRYABLE, 409, &meta("TryAgain")),
            RetryKind::Transient
        );
        assert_eq!(
            classify_response(RETRYABLE, 400, &meta("Other")),
            RetryKind::Never
        );
        assert_eq!(
            classify_response(&[], 400, &meta("TryAgain")),
            RetryKind::Never
        );
        assert_eq!(
            classify_response(RETRYABLE, 400, &meta("ThrottlingException")),
            RetryKind::Throttling
        );
    }

    #[test]
    fn statuses_alone() {
        for status in [500, 502, 503, 504] {
            assert_eq!(classify_service_error(status, None), RetryKind::Transient);
            assert_eq!(
                classify_service_error(status, Some("InternalErrorException")),
                RetryKind::Transient
            );
        }
        for status in [400, 403, 404, 429, 501] {
            assert_eq!(
                classify_service_error(status, None),
                RetryKind::Never,
                "{status}"
            );
        }
        assert_eq!(
            classify_service_error(400, Some("InvalidParameterException")),
            RetryKind::Never
        );
    }

    #[test]
    fn backoff_grows_exponentially_up_to_the_cap() {
        let cfg = RetryConfig::standard();
        assert_eq!(cfg.backoff_ceiling(0), Duration::from_secs(1));
        assert_eq!(cfg.backoff_ceiling(1), Duration::from_secs(2));
        assert_eq!(cfg.backoff_ceiling(4), Duration::from_secs(16));
        assert_eq!(cfg.backoff_ceiling(5), Duration::from_secs(20));
        assert_eq!(cfg.backoff_ceiling(40), Duration::from_secs(20));
        for retry in 0..8 {
            assert!(cfg.backoff(retry, None) < cfg.backoff_ceiling(retry));
        }
    }

    #[test]
    fn server_hint_is_used_but_capped() {
        let cfg = RetryConfig::standard().with_max_backoff(Duration::from_secs(3));
        assert_eq!(
            cfg.backoff(0, Some(Duration::from_millis(1500))),
            Duration::from_millis(1500)
        );
        assert_eq!(
            cfg.backoff(0, Some(Duration::from_secs(60))),
            Duration::from_secs(3)
        );
    }

    #[test]
    fn attempts_are_at_least_one() {
        assert_eq!(RetryConfig::disabled().max_attempts(), 1);
        assert_eq!(
            RetryConfig::standard().with_max_attempts(0).max_attempts(),
            1
        );
        assert_eq!(RetryConfig::default().max_attempts(), 3);
    }

    #[test]
    fn bucket_drains_and_refills() {
        let bucket = TokenBucket::new();
        assert!(!bucket.try_acquire(RetryKind::Never));
        let mut granted = 0;
        while bucket.try_acquire(RetryKind::Transient) {
            granted += 1;
        }
        assert_eq!(granted, BUCKET_CAPACITY / RETRY_COST);
        assert_eq!(bucket.available(), 0);
        for _ in 0..RETRY_COST {
            bucket.refund();
        }
        assert!(bucket.try_acquire(RetryKind::Throttling));
        assert!(!bucket.try_acquire(RetryKind::Timeout));
        for _ in 0..2 * BUCKET_CAPACITY {
            bucket.refund();
        }
        assert_eq!(bucket.available(), BUCKET_CAPACITY);
    }
}
