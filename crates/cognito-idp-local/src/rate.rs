//! `--max-rps`: a token bucket shared by all connections.
//!
//! The bucket holds at most `N` tokens and refills continuously at `N` tokens per second; each
//! operation call takes one token, and a call that finds the bucket empty is answered with
//! `TooManyRequestsException`. So a burst of up to `N` calls passes at once, and the sustained
//! rate is `N` per second. It starts full. Requests refused before they reach the operation
//! (protocol errors, bad signatures, validation failures) take no token.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A token bucket of `rate` tokens refilled at `rate` per second.
#[derive(Debug)]
pub struct RateLimiter {
    rate: f64,
    state: Mutex<Bucket>,
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    refilled_at: Instant,
}

impl RateLimiter {
    /// A full bucket allowing `rate` calls per second (`rate` ≥ 1; the command line enforces it).
    pub fn new(rate: u32, now: Instant) -> Self {
        let rate = f64::from(rate.max(1));
        Self {
            rate,
            state: Mutex::new(Bucket {
                tokens: rate,
                refilled_at: now,
            }),
        }
    }

    /// Takes a token at time `now`; `false` when the bucket is empty.
    pub fn try_acquire(&self, now: Instant) -> bool {
        // The bucket is two numbers updated together; a poisoned lock still holds usable ones.
        let mut bucket = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // A clock reading earlier than the last one (callers race for the lock) refills nothing.
        let elapsed = now
            .checked_duration_since(bucket.refilled_at)
            .unwrap_or(Duration::ZERO);
        bucket.tokens = (bucket.tokens + elapsed.as_secs_f64() * self.rate).min(self.rate);
        bucket.refilled_at = bucket.refilled_at.max(now);
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn burst_of_rate_then_refill_at_rate() {
        let start = Instant::now();
        let limiter = RateLimiter::new(4, start);
        for _ in 0..4 {
            assert!(limiter.try_acquire(start));
        }
        assert!(!limiter.try_acquire(start), "the burst is 4");
        // A quarter second brings back exactly one token.
        let later = start + Duration::from_millis(250);
        assert!(limiter.try_acquire(later));
        assert!(!limiter.try_acquire(later));
        // A long pause refills to the cap, not beyond.
        let much_later = later + Duration::from_secs(60);
        for _ in 0..4 {
            assert!(limiter.try_acquire(much_later));
        }
        assert!(!limiter.try_acquire(much_later));
    }

    #[test]
    fn earlier_clock_readings_do_not_refill_or_panic() {
        let start = Instant::now() + Duration::from_secs(1);
        let limiter = RateLimiter::new(1, start);
        assert!(limiter.try_acquire(start));
        assert!(!limiter.try_acquire(start - Duration::from_millis(500)));
    }
}
