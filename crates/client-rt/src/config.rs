//! Client configuration: region, credentials, endpoint override, retry, timeout and TLS settings,
//! built explicitly or read from the standard AWS environment variables.

use std::fmt;
use std::sync::Arc;
use std::time::SystemTime;

use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use aws_credential_types::Credentials;

use crate::compression::RequestCompressionConfig;
use crate::retry::RetryConfig;
use crate::timeout::TimeoutConfig;
use crate::tls::TlsConfig;

/// Looks up an environment variable by name; `None` when unset.
pub type EnvLookup = Arc<dyn Fn(&str) -> Option<String> + Send + Sync>;

/// The clock used for SigV4 signing times.
pub type TimeSource = Arc<dyn Fn() -> SystemTime + Send + Sync>;

/// Everything a [`Client`](crate::Client) needs besides its [`ServiceInfo`](crate::ServiceInfo).
/// Cheap to clone; `Debug` never shows secrets.
#[derive(Clone, Default)]
pub struct Config {
    region: Option<String>,
    credentials: Option<SharedCredentialsProvider>,
    endpoint_url: Option<String>,
    retry: RetryConfig,
    timeout: TimeoutConfig,
    tls: TlsConfig,
    time_source: Option<TimeSource>,
    env: Option<EnvLookup>,
    compression: RequestCompressionConfig,
}

impl Config {
    /// Starts an empty configuration (no region, no credentials, standard retries).
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// A builder pre-filled with this configuration, to override parts of it.
    pub fn to_builder(&self) -> ConfigBuilder {
        ConfigBuilder {
            config: self.clone(),
        }
    }

    /// Reads the process environment; see [`ConfigBuilder::from_env_with`].
    pub fn from_env() -> Self {
        ConfigBuilder::from_env().build()
    }

    /// The region calls are signed for and sent to.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The credentials provider, if one was set.
    pub fn credentials_provider(&self) -> Option<&SharedCredentialsProvider> {
        self.credentials.as_ref()
    }

    /// The explicitly configured endpoint URL (environment overrides are not included).
    pub fn endpoint_url(&self) -> Option<&str> {
        self.endpoint_url.as_deref()
    }

    /// The retry settings.
    pub fn retry_config(&self) -> &RetryConfig {
        &self.retry
    }

    /// The timeout settings.
    pub fn timeout_config(&self) -> &TimeoutConfig {
        &self.timeout
    }

    /// When `@requestCompression` operations compress their bodies.
    pub fn request_compression(&self) -> &RequestCompressionConfig {
        &self.compression
    }

    /// The trusted certificate authorities of `https` endpoints.
    pub fn tls_config(&self) -> &TlsConfig {
        &self.tls
    }

    /// The signing time: the configured time source, else the system clock.
    pub(crate) fn now(&self) -> SystemTime {
        self.time_source
            .as_ref()
            .map_or_else(SystemTime::now, |source| source())
    }

    /// The environment captured by `from_env`, consulted for endpoint overrides.
    pub(crate) fn env(&self) -> Option<&EnvLookup> {
        self.env.as_ref()
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Credentials are never printed, not even the access key id.
        f.debug_struct("Config")
            .field("region", &self.region)
            .field(
                "credentials_provider",
                &self.credentials.as_ref().map(|_| "** set **"),
            )
            .field("endpoint_url", &self.endpoint_url)
            .field("retry_config", &self.retry)
            .field("timeout_config", &self.timeout)
            .field("tls_config", &self.tls)
            .field("custom_time_source", &self.time_source.is_some())
            .field("reads_env", &self.env.is_some())
            .field("request_compression", &self.compression)
            .finish()
    }
}

/// Builds a [`Config`].
#[derive(Clone, Default)]
pub struct ConfigBuilder {
    config: Config,
}

impl fmt::Debug for ConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ConfigBuilder").field(&self.config).finish()
    }
}

impl ConfigBuilder {
    /// A builder filled from the process environment; see [`Self::from_env_with`].
    pub fn from_env() -> Self {
        Self::from_env_with(|name| std::env::var(name).ok())
    }

    /// A builder filled from an environment given as a lookup function, so tests need not touch
    /// the process environment.
    ///
    /// Reads `AWS_REGION` (else `AWS_DEFAULT_REGION`); `AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY` and the optional `AWS_SESSION_TOKEN`; `AWS_MAX_ATTEMPTS`;
    /// `AWS_DISABLE_REQUEST_COMPRESSION` and `AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES`. The
    /// lookup is kept so the client can resolve `AWS_ENDPOINT_URL_<SERVICE>` and
    /// `AWS_ENDPOINT_URL` once it knows its service. Empty values count as unset.
    pub fn from_env_with(lookup: impl Fn(&str) -> Option<String> + Send + Sync + 'static) -> Self {
        let lookup: EnvLookup = Arc::new(move |name| lookup(name).filter(|v| !v.trim().is_empty()));
        let mut builder = Self::default();
        if let Some(region) = lookup("AWS_REGION").or_else(|| lookup("AWS_DEFAULT_REGION")) {
            builder = builder.region(region.trim());
        }
        if let (Some(akid), Some(secret)) =
            (lookup("AWS_ACCESS_KEY_ID"), lookup("AWS_SECRET_ACCESS_KEY"))
        {
            let token = lookup("AWS_SESSION_TOKEN");
            builder = builder.credentials_provider(Credentials::new(
                akid.trim(),
                secret.trim(),
                token.map(|t| t.trim().to_owned()),
                None,
                "Environment",
            ));
        }
        // An unparseable or zero value is ignored rather than failing: the default still works.
        if let Some(attempts) = lookup("AWS_MAX_ATTEMPTS")
            .and_then(|v| v.trim().parse::<u32>().ok())
            .filter(|n| *n >= 1)
        {
            let retry = builder.config.retry.clone().with_max_attempts(attempts);
            builder = builder.retry_config(retry);
        }
        builder.config.compression = builder.config.compression.with_env(&lookup);
        builder.config.env = Some(lookup);
        builder
    }

    /// Sets the region (e.g. `us-east-1`).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.config.region = Some(region.into());
        self
    }

    /// Sets where credentials come from: static [`Credentials`], or any provider such as
    /// aws-config's default chain.
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.config.credentials = Some(SharedCredentialsProvider::new(provider));
        self
    }

    /// Sends requests to this URL instead of the default endpoint (wins over the environment).
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.config.endpoint_url = Some(url.into());
        self
    }

    /// Sets the retry policy.
    pub fn retry_config(mut self, retry: RetryConfig) -> Self {
        self.config.retry = retry;
        self
    }

    /// Turns request compression of `@requestCompression` operations off (or back on).
    pub fn disable_request_compression(mut self, disabled: bool) -> Self {
        self.config.compression = self.config.compression.disabled(disabled);
        self
    }

    /// Sets the smallest request body that is compressed (default 10240 bytes; allowed
    /// `0..=10485760`, other values fail each call of a compressing operation).
    pub fn request_min_compression_size_bytes(mut self, bytes: u32) -> Self {
        self.config.compression = self.config.compression.min_size_bytes(bytes);
        self
    }

    /// Sets the time limits.
    pub fn timeout_config(mut self, timeout: TimeoutConfig) -> Self {
        self.config.timeout = timeout;
        self
    }

    /// Sets which certificate authorities `https` endpoints are verified against (by default the
    /// compiled-in Mozilla roots); see [`TlsConfig`].
    pub fn tls_config(mut self, tls: TlsConfig) -> Self {
        self.config.tls = tls;
        self
    }

    /// Replaces the clock used for signing, e.g. to produce byte-identical signed requests in tests.
    pub fn time_source(mut self, source: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        self.config.time_source = Some(Arc::new(source));
        self
    }

    /// Signs every request as if it were `time` (a shorthand for [`Self::time_source`]).
    pub fn fixed_signing_time(self, time: SystemTime) -> Self {
        self.time_source(move || time)
    }

    /// Finishes the configuration. Missing pieces (region, credentials) are reported by the first
    /// call that needs them, as a construction failure.
    pub fn build(self) -> Config {
        self.config
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::time::Duration;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + Send + Sync + 'static {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| map.get(name).cloned()
    }

    async fn creds(config: &Config) -> Credentials {
        config
            .credentials_provider()
            .expect("provider")
            .provide_credentials()
            .await
            .expect("credentials")
    }

    #[tokio::test]
    async fn reads_region_credentials_and_attempts() {
        let config = ConfigBuilder::from_env_with(env(&[
            ("AWS_REGION", "eu-west-1"),
            ("AWS_DEFAULT_REGION", "us-west-2"),
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SECRET_ACCESS_KEY", "SECRET"),
            ("AWS_SESSION_TOKEN", "TOKEN"),
            ("AWS_MAX_ATTEMPTS", "5"),
        ]))
        .build();
        assert_eq!(config.region(), Some("eu-west-1"));
        assert_eq!(config.retry_config().max_attempts(), 5);
        let c = creds(&config).await;
        assert_eq!(c.access_key_id(), "AKID");
        assert_eq!(c.secret_access_key(), "SECRET");
        assert_eq!(c.session_token(), Some("TOKEN"));
        assert!(config.env().is_some());
    }

    #[test]
    fn falls_back_and_ignores_incomplete_or_bad_values() {
        let config = ConfigBuilder::from_env_with(env(&[
            ("AWS_REGION", ""),
            ("AWS_DEFAULT_REGION", "us-west-2"),
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_MAX_ATTEMPTS", "0"),
        ]))
        .build();
        assert_eq!(config.region(), Some("us-west-2"));
        assert!(config.credentials_provider().is_none());
        assert_eq!(config.retry_config().max_attempts(), 3);
        let config = ConfigBuilder::from_env_with(env(&[("AWS_MAX_ATTEMPTS", "many")])).build();
        assert_eq!(config.retry_config().max_attempts(), 3);
        assert_eq!(config.region(), None);
    }

    #[test]
    fn explicit_settings_override_env() {
        let config = ConfigBuilder::from_env_with(env(&[("AWS_REGION", "eu-west-1")]))
            .region("ap-south-1")
            .endpoint_url("http://127.0.0.1:1")
            .timeout_config(TimeoutConfig::new().operation_timeout(Duration::from_secs(2)))
            .build();
        assert_eq!(config.region(), Some("ap-south-1"));
        assert_eq!(config.endpoint_url(), Some("http://127.0.0.1:1"));
        assert_eq!(
            config.timeout_config().operation(),
            Some(Duration::from_secs(2))
        );
    }

    #[test]
    fn debug_redacts_credentials() {
        let config = Config::builder()
            .credentials_provider(Credentials::new(
                "AKIDVISIBLE",
                "SECRETVALUE",
                Some("TOKENVALUE".into()),
                None,
                "t",
            ))
            .build();
        let text = format!("{config:?} {:?}", config.to_builder());
        for secret in ["AKIDVISIBLE", "SECRETVALUE", "TOKENVALUE"] {
            assert!(!text.contains(secret), "{text}");
        }
        assert!(text.contains("** set **"));
    }

    #[test]
    fn fixed_signing_time_is_used() {
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_440_938_160);
        let config = Config::builder().fixed_signing_time(t).build();
        assert_eq!(config.now(), t);
    }
}
