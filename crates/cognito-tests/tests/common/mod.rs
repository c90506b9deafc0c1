//! Client construction shared by the integration tests.

// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use std::time::Duration;

use cognitoidentityprovider_client::{
    config::retry::RetryConfig, config::timeout::TimeoutConfig, config::Credentials, Client, Config,
};

pub const POOL: &str = "us-west-2_EXAMPLE";
pub const JOB: &str = "import-mAgUtd8PMm";

/// Fixed test credentials and region, the given endpoint, retry and timeout settings.
pub fn ingot_client(endpoint: &str, retry: RetryConfig, timeout: TimeoutConfig) -> Client {
    let config = Config::builder()
        .region(cognitoidentityprovider_client::config::Region::new(
            "us-west-2",
        ))
        .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "test"))
        .endpoint_url(endpoint)
        .retry_config(retry)
        .timeout_config(timeout)
        .build();
    Client::from_conf(config)
}

/// One attempt only, and a generous bound so a hung test fails instead of blocking CI.
pub fn single_shot(endpoint: &str) -> Client {
    ingot_client(
        endpoint,
        RetryConfig::disabled(),
        TimeoutConfig::builder()
            .operation_timeout(Duration::from_secs(5))
            .build(),
    )
}

/// Standard retries (3 attempts) with millisecond backoffs so retry tests stay fast.
pub fn fast_retries(endpoint: &str) -> Client {
    ingot_client(
        endpoint,
        RetryConfig::standard()
            .with_initial_backoff(Duration::from_millis(1))
            .with_max_backoff(Duration::from_millis(5)),
        TimeoutConfig::builder()
            .operation_timeout(Duration::from_secs(5))
            .build(),
    )
}
