//! Configuration: `aws-config`'s shared config, `Config::builder()`, `config::Builder::from`,
//! retry and timeout settings, endpoint URLs, reading the configuration back.

use std::time::Duration;

use aws_config::BehaviorVersion;
use aws_sdk_cognitoidentityprovider as cognito;
use aws_sdk_dynamodb as dynamodb;

/// The SDK's canonical start: the shared configuration from the environment, then a client.
pub async fn clients_from_shared_config() -> (dynamodb::Client, cognito::Client) {
    let config = aws_config::defaults(BehaviorVersion::latest())
        .region(dynamodb::config::Region::new("us-east-1"))
        .load()
        .await;
    (
        dynamodb::Client::new(&config),
        cognito::Client::new(&config),
    )
}

/// `aws_config::load_from_env()` is the short form the SDK's README shows.
#[allow(deprecated)]
pub async fn client_from_env() -> dynamodb::Client {
    let config = aws_config::load_from_env().await;
    dynamodb::Client::new(&config)
}

/// A client configured without `aws-config`: region, static credentials, a local endpoint.
pub fn dynamodb_from_conf(endpoint_url: &str) -> dynamodb::Client {
    let config = dynamodb::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(dynamodb::config::Region::new("us-east-1"))
        .credentials_provider(dynamodb::config::Credentials::new(
            "AKIDEXAMPLE",
            "secret",
            None,
            None,
            "static",
        ))
        .endpoint_url(endpoint_url)
        .build();
    dynamodb::Client::from_conf(config)
}

/// The same for Cognito, with `behavior_version_latest()` and a static region.
pub fn cognito_from_conf(endpoint_url: &str) -> cognito::Client {
    let config = cognito::Config::builder()
        .behavior_version_latest()
        .region(cognito::config::Region::from_static("us-east-1"))
        .credentials_provider(cognito::config::Credentials::for_tests())
        .endpoint_url(endpoint_url)
        .build();
    cognito::Client::from_conf(config)
}

/// Service-specific overrides on top of the shared configuration.
pub fn dynamodb_with_overrides(shared: &aws_config::SdkConfig) -> dynamodb::Client {
    let config = dynamodb::config::Builder::from(shared)
        .retry_config(dynamodb::config::retry::RetryConfig::standard().with_max_attempts(5))
        .timeout_config(
            dynamodb::config::timeout::TimeoutConfig::builder()
                .operation_timeout(Duration::from_secs(30))
                .operation_attempt_timeout(Duration::from_secs(10))
                .connect_timeout(Duration::from_secs(3))
                .build(),
        )
        .build();
    dynamodb::Client::from_conf(config)
}

/// Retries switched off and an endpoint URL on the shared loader.
pub async fn cognito_without_retries(endpoint_url: &str) -> cognito::Client {
    let shared = aws_config::defaults(BehaviorVersion::latest())
        .region("us-east-1")
        .endpoint_url(endpoint_url)
        .retry_config(aws_config::retry::RetryConfig::disabled())
        .load()
        .await;
    let config = cognito::config::Builder::from(&shared)
        .retry_config(cognito::config::retry::RetryConfig::disabled())
        .build();
    cognito::Client::from_conf(config)
}

/// `Config::from(&SdkConfig)`, then reading the settings back from the client.
pub fn describe_config(shared: &aws_config::SdkConfig) -> Vec<String> {
    let client = dynamodb::Client::from_conf(dynamodb::Config::from(shared));
    let config = client.config();
    vec![
        format!(
            "region: {}",
            config.region().map(|r| r.as_ref()).unwrap_or("none")
        ),
        format!(
            "max attempts: {:?}",
            config.retry_config().map(|r| r.max_attempts())
        ),
    ]
}

/// The crate versions, as the SDK's user agent reports them.
pub fn versions() -> (&'static str, &'static str) {
    (dynamodb::meta::PKG_VERSION, cognito::meta::PKG_VERSION)
}

/// A configuration can be turned back into a builder and changed.
pub fn rebuilt_with_region(client: &dynamodb::Client, region: &'static str) -> dynamodb::Client {
    let config = client
        .config()
        .to_builder()
        .region(dynamodb::config::Region::from_static(region))
        .build();
    dynamodb::Client::from_conf(config)
}
