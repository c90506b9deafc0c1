//! Client configuration: region, credentials, endpoint override, retry, timeout and TLS settings,
//! built explicitly or read from the standard AWS environment variables.

use std::collections::BTreeMap;
use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::SystemTime;

use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use aws_credential_types::Credentials;
pub use aws_smithy_runtime_api::client::behavior_version::BehaviorVersion;
pub use aws_types::region::Region;

use crate::compression::RequestCompressionConfig;
use crate::endpoint::{Partitions, ResolveEndpoint, Value};
use crate::retry::RetryConfig;
use crate::timeout::TimeoutConfig;
use crate::tls::TlsConfig;

/// Looks up an environment variable by name; `None` when unset.
pub type EnvLookup = Arc<dyn Fn(&str) -> Option<String> + Send + Sync>;

/// The clock used for SigV4 signing times.
pub type TimeSource = Arc<dyn Fn() -> SystemTime + Send + Sync>;

/// Everything a client needs besides the description of its service: region, credentials,
/// endpoint, retry, timeout and TLS settings.
/// Cheap to clone; `Debug` never shows secrets.
#[derive(Clone, Default)]
pub struct Config {
    region: Option<Region>,
    credentials: Option<SharedCredentialsProvider>,
    endpoint_url: Option<String>,
    endpoint_discovery_enabled: Option<bool>,
    retry: RetryConfig,
    timeout: TimeoutConfig,
    tls: TlsConfig,
    time_source: Option<TimeSource>,
    env: Option<EnvLookup>,
    compression: RequestCompressionConfig,
    use_fips: Option<bool>,
    use_dual_stack: Option<bool>,
    account_id_endpoint_mode: Option<String>,
    disable_host_prefix: bool,
    partitions: Option<Arc<Partitions>>,
    endpoint_resolver: Option<Arc<dyn ResolveEndpoint>>,
    client_context_params: BTreeMap<String, Value>,
    host_overrides: BTreeMap<String, IpAddr>,
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
    pub fn region(&self) -> Option<&Region> {
        self.region.as_ref()
    }

    /// The credentials provider, if one was set.
    pub fn credentials_provider(&self) -> Option<&SharedCredentialsProvider> {
        self.credentials.as_ref()
    }

    /// The explicitly configured endpoint URL (environment overrides are not included).
    pub fn endpoint_url(&self) -> Option<&str> {
        self.endpoint_url.as_deref()
    }

    /// Whether operations with optional endpoint discovery discover their endpoint (`None`:
    /// not set, which means no, as the AWS SDKs default). Operations that require discovery
    /// always discover unless an endpoint URL is configured.
    pub fn endpoint_discovery_enabled(&self) -> Option<bool> {
        self.endpoint_discovery_enabled
    }

    /// The retry settings; always `Some` (the defaults when none were set), an `Option` as the
    /// SDK's.
    pub fn retry_config(&self) -> Option<&RetryConfig> {
        Some(&self.retry)
    }

    /// The timeout settings; always `Some`, as [`retry_config`](Self::retry_config).
    pub fn timeout_config(&self) -> Option<&TimeoutConfig> {
        Some(&self.timeout)
    }

    pub(crate) fn retry(&self) -> &RetryConfig {
        &self.retry
    }

    pub(crate) fn timeouts(&self) -> &TimeoutConfig {
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

    /// `AWS::UseFIPS`: whether FIPS endpoints are asked for (`None`: the rule set's default).
    pub fn use_fips(&self) -> Option<bool> {
        self.use_fips
    }

    /// `AWS::UseDualStack`: whether dual-stack (IPv6) endpoints are asked for.
    pub fn use_dual_stack(&self) -> Option<bool> {
        self.use_dual_stack
    }

    /// `AWS::Auth::AccountIdEndpointMode` (`preferred`, `required` or `disabled`); unset means
    /// `preferred`, as in the AWS SDKs.
    pub fn account_id_endpoint_mode(&self) -> Option<&str> {
        self.account_id_endpoint_mode.as_deref()
    }

    /// Whether `@endpoint(hostPrefix)` prefixes are left off the host.
    pub fn disable_host_prefix(&self) -> bool {
        self.disable_host_prefix
    }

    /// The partition table the rules' `aws.partition` reads, when it is not the built-in one.
    pub fn partitions(&self) -> Option<&Arc<Partitions>> {
        self.partitions.as_ref()
    }

    /// The user's endpoint resolver, when one replaces the model's rules.
    pub fn endpoint_resolver(&self) -> Option<&Arc<dyn ResolveEndpoint>> {
        self.endpoint_resolver.as_ref()
    }

    /// Client context parameters (`@clientContextParams`) by rule-set parameter name.
    pub fn client_context_params(&self) -> &BTreeMap<String, Value> {
        &self.client_context_params
    }

    /// Host names connected to at a fixed address instead of asking DNS.
    pub fn host_overrides(&self) -> &BTreeMap<String, IpAddr> {
        &self.host_overrides
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
            .field(
                "endpoint_discovery_enabled",
                &self.endpoint_discovery_enabled,
            )
            .field("retry_config", &self.retry)
            .field("timeout_config", &self.timeout)
            .field("tls_config", &self.tls)
            .field("custom_time_source", &self.time_source.is_some())
            .field("reads_env", &self.env.is_some())
            .field("request_compression", &self.compression)
            .field("use_fips", &self.use_fips)
            .field("use_dual_stack", &self.use_dual_stack)
            .field("account_id_endpoint_mode", &self.account_id_endpoint_mode)
            .field("disable_host_prefix", &self.disable_host_prefix)
            .field("custom_partitions", &self.partitions.is_some())
            .field("endpoint_resolver", &self.endpoint_resolver)
            .field("client_context_params", &self.client_context_params)
            .field("host_overrides", &self.host_overrides)
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
    /// An empty builder (nothing from the environment), as the SDK's `Builder::new()`.
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder filled from the process environment; see [`Self::from_env_with`].
    pub fn from_env() -> Self {
        Self::from_env_with(|name| std::env::var(name).ok())
    }

    /// A builder filled from an environment given as a lookup function, so tests need not touch
    /// the process environment.
    ///
    /// Reads `AWS_REGION` (else `AWS_DEFAULT_REGION`); `AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY` and the optional `AWS_SESSION_TOKEN`; `AWS_MAX_ATTEMPTS`;
    /// `AWS_DISABLE_REQUEST_COMPRESSION` and `AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES`;
    /// `AWS_USE_FIPS_ENDPOINT`, `AWS_USE_DUALSTACK_ENDPOINT` and
    /// `AWS_DISABLE_HOST_PREFIX_INJECTION` and `AWS_ENABLE_ENDPOINT_DISCOVERY` (`true` or `false`, other values ignored);
    /// `AWS_ACCOUNT_ID_ENDPOINT_MODE` and `AWS_ACCOUNT_ID` (the account id given to
    /// account-based endpoint rules along with the environment's credentials). The
    /// lookup is kept so the client can resolve `AWS_ENDPOINT_URL_<SERVICE>` and
    /// `AWS_ENDPOINT_URL` once it knows its service. Empty values count as unset.
    pub fn from_env_with(lookup: impl Fn(&str) -> Option<String> + Send + Sync + 'static) -> Self {
        let lookup: EnvLookup = Arc::new(move |name| lookup(name).filter(|v| !v.trim().is_empty()));
        let mut builder = Self::default();
        if let Some(region) = lookup("AWS_REGION").or_else(|| lookup("AWS_DEFAULT_REGION")) {
            builder = builder.region(Region::new(region.trim().to_owned()));
        }
        if let (Some(akid), Some(secret)) =
            (lookup("AWS_ACCESS_KEY_ID"), lookup("AWS_SECRET_ACCESS_KEY"))
        {
            let mut credentials = Credentials::builder()
                .access_key_id(akid.trim())
                .secret_access_key(secret.trim())
                .provider_name("Environment");
            if let Some(token) = lookup("AWS_SESSION_TOKEN") {
                credentials = credentials.session_token(token.trim());
            }
            if let Some(account) = lookup("AWS_ACCOUNT_ID") {
                credentials = credentials.account_id(account.trim());
            }
            builder = builder.credentials_provider(credentials.build());
        }
        let flag = |name: &str| {
            lookup(name).and_then(|v| match v.trim().to_ascii_lowercase().as_str() {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            })
        };
        builder.config.use_fips = flag("AWS_USE_FIPS_ENDPOINT");
        builder.config.use_dual_stack = flag("AWS_USE_DUALSTACK_ENDPOINT");
        builder.config.endpoint_discovery_enabled = flag("AWS_ENABLE_ENDPOINT_DISCOVERY");
        builder.config.disable_host_prefix =
            flag("AWS_DISABLE_HOST_PREFIX_INJECTION").unwrap_or(false);
        builder.config.account_id_endpoint_mode =
            lookup("AWS_ACCOUNT_ID_ENDPOINT_MODE").map(|m| m.trim().to_ascii_lowercase());
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

    /// Sets the region (e.g. `Region::new("us-east-1")`), or unsets it with `None`.
    pub fn region(mut self, region: impl Into<Option<Region>>) -> Self {
        self.config.region = region.into();
        self
    }

    /// Sets or unsets the region.
    pub fn set_region(&mut self, region: Option<Region>) -> &mut Self {
        self.config.region = region;
        self
    }

    /// Accepted for compatibility with the AWS SDK for Rust: this client always behaves as the
    /// latest behavior version does.
    pub fn behavior_version(self, _version: BehaviorVersion) -> Self {
        self
    }

    /// [`behavior_version`](Self::behavior_version) with the latest version, as the SDK's.
    pub fn behavior_version_latest(self) -> Self {
        self
    }

    /// [`behavior_version`](Self::behavior_version) in the SDK's `set_` form (also ignored).
    pub fn set_behavior_version(&mut self, _version: Option<BehaviorVersion>) -> &mut Self {
        self
    }

    /// Sets or unsets where credentials come from.
    pub fn set_credentials_provider(
        &mut self,
        provider: Option<SharedCredentialsProvider>,
    ) -> &mut Self {
        self.config.credentials = provider;
        self
    }

    /// Sets or unsets the endpoint URL.
    pub fn set_endpoint_url(&mut self, url: Option<String>) -> &mut Self {
        self.config.endpoint_url = url;
        self
    }

    /// Sets or unsets FIPS endpoints.
    pub fn set_use_fips(&mut self, enabled: Option<bool>) -> &mut Self {
        self.config.use_fips = enabled;
        self
    }

    /// Sets or unsets dual-stack endpoints.
    pub fn set_use_dual_stack(&mut self, enabled: Option<bool>) -> &mut Self {
        self.config.use_dual_stack = enabled;
        self
    }

    /// Sets the retry policy, or restores the default (standard, 3 attempts) with `None`.
    pub fn set_retry_config(&mut self, retry: Option<RetryConfig>) -> &mut Self {
        self.config.retry = retry.unwrap_or_default();
        self
    }

    /// Sets the time limits, or restores the default (connect 3.1 s) with `None`.
    pub fn set_timeout_config(&mut self, timeout: Option<TimeoutConfig>) -> &mut Self {
        self.config.timeout = timeout.unwrap_or_default();
        self
    }

    /// Sets where credentials come from: static [`Credentials`], or any provider such as
    /// aws-config's default chain.
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.config.credentials = Some(SharedCredentialsProvider::new(provider));
        self
    }

    /// Turns endpoint discovery on (or explicitly off) for operations where the model makes it
    /// optional (`@clientDiscoveredEndpoint(required: false)`); off by default.
    pub fn endpoint_discovery_enabled(mut self, enabled: bool) -> Self {
        self.config.endpoint_discovery_enabled = Some(enabled);
        self
    }

    /// Sends requests to this URL instead of the default endpoint (wins over the environment).
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.config.endpoint_url = Some(url.into());
        self
    }

    /// Asks for FIPS endpoints (`AWS::UseFIPS`).
    pub fn use_fips(mut self, enabled: impl Into<Option<bool>>) -> Self {
        self.config.use_fips = enabled.into();
        self
    }

    /// Asks for dual-stack (IPv4 and IPv6) endpoints (`AWS::UseDualStack`).
    pub fn use_dual_stack(mut self, enabled: impl Into<Option<bool>>) -> Self {
        self.config.use_dual_stack = enabled.into();
        self
    }

    /// Sets `AWS::Auth::AccountIdEndpointMode`: `preferred` (the default: account-based
    /// endpoints when the credentials carry an account id), `required` or `disabled`.
    pub fn account_id_endpoint_mode(mut self, mode: impl Into<String>) -> Self {
        self.config.account_id_endpoint_mode = Some(mode.into());
        self
    }

    /// Leaves `@endpoint(hostPrefix)` prefixes off the host (e.g. for a local test server).
    pub fn disable_host_prefix(mut self, disabled: bool) -> Self {
        self.config.disable_host_prefix = disabled;
        self
    }

    /// Replaces the built-in partition table (`aws.partition`), e.g. with a newer one read with
    /// [`Partitions::from_json_str`].
    pub fn partitions(mut self, partitions: Partitions) -> Self {
        self.config.partitions = Some(Arc::new(partitions));
        self
    }

    /// Resolves endpoints with `resolver` instead of the model's rules.
    pub fn endpoint_resolver(mut self, resolver: impl ResolveEndpoint + 'static) -> Self {
        self.config.endpoint_resolver = Some(Arc::new(resolver));
        self
    }

    /// Sets a client context parameter (`@clientContextParams`) by its rule-set name; generated
    /// clients offer typed setters for their service's parameters.
    pub fn client_context_param(mut self, name: impl Into<String>, value: Value) -> Self {
        self.config.client_context_params.insert(name.into(), value);
        self
    }

    /// Connects to `ip` for `host` without asking DNS, like curl's `--resolve`: for a local
    /// server standing in for a service's host names (host-prefixed or account-based ones
    /// included). The URL's port is kept; the request still names `host`, and TLS verifies it.
    pub fn resolve_host(mut self, host: impl Into<String>, ip: IpAddr) -> Self {
        self.config
            .host_overrides
            .insert(host.into().to_ascii_lowercase(), ip);
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

/// The settings `aws-config` loaded (`aws_config::load_from_env()`, `aws_config::defaults(..)`),
/// taken as the AWS SDK for Rust takes them: region, credentials provider, endpoint URL, retry
/// attempts and backoffs (standard mode; the adaptive mode is not implemented), connect,
/// operation and attempt timeouts (a limit the `SdkConfig` leaves unset keeps this client's
/// default), FIPS and dual-stack. Behavior version, app name, HTTP client, sleep and time
/// source are not used.
#[cfg(feature = "sdk-config")]
impl From<&aws_types::SdkConfig> for ConfigBuilder {
    fn from(sdk: &aws_types::SdkConfig) -> Self {
        let mut builder = Self::default().region(sdk.region().cloned());
        builder.config.credentials = sdk.credentials_provider();
        builder.config.endpoint_url = sdk.endpoint_url().map(str::to_owned);
        builder.config.use_fips = sdk.use_fips();
        builder.config.use_dual_stack = sdk.use_dual_stack();
        if let Some(retry) = sdk.retry_config() {
            builder.config.retry = RetryConfig::standard()
                .with_max_attempts(retry.max_attempts())
                .with_initial_backoff(retry.initial_backoff())
                .with_max_backoff(retry.max_backoff());
        }
        if let Some(timeout) = sdk.timeout_config() {
            let mut t = TimeoutConfig::builder();
            if let Some(d) = timeout.connect_timeout() {
                t = t.connect_timeout(d);
            }
            if let Some(d) = timeout.operation_timeout() {
                t = t.operation_timeout(d);
            }
            if let Some(d) = timeout.operation_attempt_timeout() {
                t = t.operation_attempt_timeout(d);
            }
            builder.config.timeout = t.build();
        }
        builder
    }
}

#[cfg(feature = "sdk-config")]
impl From<&aws_types::SdkConfig> for Config {
    fn from(sdk: &aws_types::SdkConfig) -> Self {
        ConfigBuilder::from(sdk).build()
    }
}

#[cfg(feature = "sdk-config")]
impl Config {
    /// The configuration `aws-config` loaded, as the SDK's `Config::new(&sdk_config)`.
    pub fn new(sdk: &aws_types::SdkConfig) -> Self {
        Self::from(sdk)
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

    #[test]
    fn sdk_style_set_methods() {
        let mut builder = ConfigBuilder::new();
        builder
            .set_endpoint_url(Some("http://localhost:4566".into()))
            .set_use_fips(Some(true))
            .set_use_dual_stack(Some(false))
            .set_retry_config(Some(RetryConfig::standard().with_max_attempts(9)))
            .set_timeout_config(Some(
                TimeoutConfig::builder()
                    .operation_timeout(Duration::from_secs(4))
                    .disable_connect_timeout()
                    .build(),
            ))
            .set_behavior_version(Some(BehaviorVersion::latest()));
        let config = builder.clone().build();
        assert_eq!(config.endpoint_url(), Some("http://localhost:4566"));
        assert_eq!(
            (config.use_fips(), config.use_dual_stack()),
            (Some(true), Some(false))
        );
        assert_eq!(
            config.retry_config().map(RetryConfig::max_attempts),
            Some(9)
        );
        let timeouts = config.timeout_config().expect("always set");
        assert_eq!(timeouts.connect_timeout(), None);
        assert_eq!(timeouts.operation_timeout(), Some(Duration::from_secs(4)));
        builder
            .set_retry_config(None)
            .set_timeout_config(None)
            .set_endpoint_url(None);
        let reset = builder.build();
        assert_eq!(reset.retry_config(), Some(&RetryConfig::default()));
        assert_eq!(reset.timeout_config(), Some(&TimeoutConfig::default()));
        assert_eq!(reset.endpoint_url(), None);
    }

    #[cfg(feature = "sdk-config")]
    #[tokio::test]
    async fn takes_what_sdk_config_holds() {
        let sdk = aws_types::SdkConfig::builder()
            .region(Region::new("eu-central-1"))
            .credentials_provider(SharedCredentialsProvider::new(Credentials::new(
                "AKID", "SECRET", None, None, "test",
            )))
            .endpoint_url("http://localhost:9229")
            .retry_config(aws_types::sdk_config::RetryConfig::standard().with_max_attempts(7))
            .timeout_config(
                aws_types::sdk_config::TimeoutConfig::builder()
                    .operation_timeout(Duration::from_secs(9))
                    .build(),
            )
            .use_fips(true)
            .build();
        let config = Config::from(&sdk);
        assert_eq!(config.region().map(Region::as_ref), Some("eu-central-1"));
        assert_eq!(creds(&config).await.access_key_id(), "AKID");
        assert_eq!(config.endpoint_url(), Some("http://localhost:9229"));
        assert_eq!(config.retry().max_attempts(), 7);
        let timeout = config.timeouts();
        assert_eq!(timeout.operation_timeout(), Some(Duration::from_secs(9)));
        assert_eq!(timeout.connect_timeout(), Some(Duration::from_millis(3100)));
        assert_eq!(
            (config.use_fips(), config.use_dual_stack()),
            (Some(true), None)
        );
        let empty = Config::from(&aws_types::SdkConfig::builder().build());
        assert!(empty.region().is_none() && empty.credentials_provider().is_none());
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
        assert_eq!(config.region().map(Region::as_ref), Some("eu-west-1"));
        assert_eq!(config.retry().max_attempts(), 5);
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
        assert_eq!(config.region().map(Region::as_ref), Some("us-west-2"));
        assert!(config.credentials_provider().is_none());
        assert_eq!(config.retry().max_attempts(), 3);
        let config = ConfigBuilder::from_env_with(env(&[("AWS_MAX_ATTEMPTS", "many")])).build();
        assert_eq!(config.retry().max_attempts(), 3);
        assert_eq!(config.region(), None);
    }

    #[test]
    fn endpoint_discovery_is_unset_unless_configured() {
        assert_eq!(Config::builder().build().endpoint_discovery_enabled(), None);
        let on = ConfigBuilder::from_env_with(env(&[("AWS_ENABLE_ENDPOINT_DISCOVERY", "TRUE")]));
        assert_eq!(on.clone().build().endpoint_discovery_enabled(), Some(true));
        let off = on.endpoint_discovery_enabled(false).build();
        assert_eq!(off.endpoint_discovery_enabled(), Some(false));
        let bad = ConfigBuilder::from_env_with(env(&[("AWS_ENABLE_ENDPOINT_DISCOVERY", "yes")]));
        assert_eq!(bad.build().endpoint_discovery_enabled(), None);
    }

    #[test]
    fn explicit_settings_override_env() {
        let config = ConfigBuilder::from_env_with(env(&[("AWS_REGION", "eu-west-1")]))
            .region(crate::Region::new("ap-south-1"))
            .endpoint_url("http://127.0.0.1:1")
            .timeout_config(
                TimeoutConfig::builder()
                    .operation_timeout(Duration::from_secs(2))
                    .build(),
            )
            .build();
        assert_eq!(config.region().map(Region::as_ref), Some("ap-south-1"));
        assert_eq!(config.endpoint_url(), Some("http://127.0.0.1:1"));
        assert_eq!(
            config.timeouts().operation_timeout(),
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
