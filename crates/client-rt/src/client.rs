//! The client generated crates wrap: one `invoke` per operation call, which addresses, signs,
//! sends, retries and times out an awsJson request.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http::header::{CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, HOST, USER_AGENT};
use http::{HeaderMap, HeaderName, HeaderValue, Method, Request};
use http_body_util::{BodyExt, Full};
use tracing::Instrument;

use crate::config::Config;
use crate::credentials::CredentialsCache;
use crate::endpoint::{
    configured_endpoint_url, expand_host_prefix, BuiltIns, DiscoveryCache, DiscoveryMode,
    EndpointCall, Params, ResolvedEndpoint, Resolver, RuleSet,
};
use crate::error::{
    ConstructionFailure, DispatchFailure, InvokeError, ResponseError, ServiceErrorResponse,
    TimeoutError, TimeoutKind,
};
use crate::error_meta::{parse_error_metadata, parse_query_compatible_error_metadata};
use crate::response::RawResponse;
use crate::retry::{classify_response, RetryKind, TokenBucket};
use crate::service::{OperationInfo, ServiceInfo};
use crate::signing::{sign_request, SigningContext};
use crate::transport::{build_http_client, HttpClient};

/// How an operation authenticates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthMode {
    /// Signed with SigV4 (the default for AWS services).
    SigV4,
    /// Sent unsigned: operations with `@auth([])` (e.g. Cognito's `InitiateAuth`).
    Anonymous,
}

/// A client for one service. Cloning is cheap: clones share the connection pool, the credentials
/// cache and the retry quota.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    service: &'static ServiceInfo,
    config: Config,
    /// The client-wide rule parameters and the resolver, or why the rule set is unusable.
    endpoints: Result<(BuiltIns, Resolver), ConstructionFailure>,
    http: Result<HttpClient, ConstructionFailure>,
    /// Discovered endpoints, when the service discovers them and no endpoint URL is configured
    /// (a configured URL wins over discovery, as in the AWS SDKs).
    discovery: Option<DiscoveryCache>,
    credentials: Option<CredentialsCache>,
    retry_quota: TokenBucket,
    x_amz_user_agent: HeaderValue,
    user_agent: HeaderValue,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("service", &self.inner.service.sdk_id)
            .field(
                "endpoint_params",
                &self.inner.endpoints.as_ref().map(|(b, _)| b.params()),
            )
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

static X_AMZ_TARGET: HeaderName = HeaderName::from_static("x-amz-target");
static X_AMZ_USER_AGENT: HeaderName = HeaderName::from_static("x-amz-user-agent");
static INVOCATION_ID: HeaderName = HeaderName::from_static("amz-sdk-invocation-id");
static SDK_REQUEST: HeaderName = HeaderName::from_static("amz-sdk-request");
static X_AMZN_QUERY_MODE: HeaderName = HeaderName::from_static("x-amzn-query-mode");

/// A request body as sent: compressed or not, the same bytes on every attempt.
struct Payload {
    body: Bytes,
    content_encoding: Option<&'static str>,
}

impl Client {
    /// Creates a client for `service`. Never fails: a configuration problem (an unusable rule
    /// set, TLS roots) is returned by every call as a construction failure.
    ///
    /// The service's endpoint rule set is parsed here and its client-wide parameters fixed:
    /// region, FIPS, dual-stack, account-id endpoint mode, client context parameters and
    /// `SDK::Endpoint` (explicit `endpoint_url` > `AWS_ENDPOINT_URL_<env_name>` >
    /// `AWS_ENDPOINT_URL`, both only when the config came from the environment). Each call then
    /// resolves its endpoint from these and its own parameters, before anything is sent.
    pub fn new(service: &'static ServiceInfo, config: Config) -> Self {
        let endpoints = endpoint_setup(service, &config);
        let http = build_http_client(
            config.timeouts().connect_timeout(),
            config.tls_config(),
            config.host_overrides(),
        );
        let credentials = config
            .credentials_provider()
            .cloned()
            .map(CredentialsCache::new);
        let (user_agent, x_amz_user_agent) = user_agents(service);
        let no_env = |_: &str| None;
        let env: &dyn Fn(&str) -> Option<String> = match config.env() {
            Some(lookup) => lookup.as_ref(),
            None => &no_env,
        };
        let discovery = (service.endpoint_discovery.is_some()
            && configured_endpoint_url(service, config.endpoint_url(), env).is_none())
        .then(DiscoveryCache::default);
        Self {
            inner: Arc::new(Inner {
                service,
                config,
                endpoints,
                http,
                discovery,
                credentials,
                retry_quota: TokenBucket::new(),
                x_amz_user_agent,
                user_agent,
            }),
        }
    }

    /// The configuration the client was built with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The service this client calls.
    pub fn service(&self) -> &'static ServiceInfo {
        self.inner.service
    }

    /// The rule-set parameters of a call of `op` with `call`'s values: the client-wide ones,
    /// the account id of the credentials (for signed operations whose rules take one), then the
    /// call's own.
    pub async fn endpoint_params(
        &self,
        op: &OperationInfo,
        call: &EndpointCall,
    ) -> Result<Params, ConstructionFailure> {
        let (builtins, _) = self.inner.endpoints.as_ref().map_err(Clone::clone)?;
        let account_id = match (builtins.account_id_param(), &self.inner.credentials) {
            (Some(_), Some(credentials)) if op.auth == AuthMode::SigV4 => credentials
                .get()
                .await?
                .account_id()
                .map(|id| id.as_str().to_owned()),
            _ => None,
        };
        Ok(builtins.with_call(call, account_id.as_deref()))
    }

    /// Where a call of `op` with `call`'s values goes: its parameters resolved by the rules (or
    /// the configured resolver), with the operation's host prefix applied unless disabled. A
    /// rules error is a construction failure carrying the rule's message.
    pub async fn resolve_endpoint(
        &self,
        op: &OperationInfo,
        call: &EndpointCall,
    ) -> Result<Arc<ResolvedEndpoint>, ConstructionFailure> {
        let (builtins, resolver) = self.inner.endpoints.as_ref().map_err(Clone::clone)?;
        // The common case, a call adding nothing to the client-wide parameters, looks them up
        // as they are, without building a new set.
        let resolved = if !call.has_params() && builtins.account_id_param().is_none() {
            resolver.resolve(builtins.params())?
        } else {
            resolver.resolve(&self.endpoint_params(op, call).await?)?
        };
        match op.host_prefix {
            Some(template) if !self.inner.config.disable_host_prefix() => {
                let prefix = expand_host_prefix(template, call.host_labels())?;
                Ok(Arc::new(resolved.with_host_prefix(&prefix)?))
            }
            _ => Ok(resolved),
        }
    }

    /// POSTs `body` to `/` with `X-Amz-Target: <target_prefix>.<operation>` and the protocol's
    /// Content-Type, SigV4-signed, with retries and timeouts. Returns the 2xx response, or the
    /// classified failure of the last attempt.
    pub async fn invoke(
        &self,
        operation: &'static str,
        body: Vec<u8>,
    ) -> Result<RawResponse, InvokeError> {
        self.invoke_with_auth(operation, body, AuthMode::SigV4)
            .await
    }

    /// Like [`Self::invoke`], choosing whether the request is signed.
    pub async fn invoke_with_auth(
        &self,
        operation: &'static str,
        body: Vec<u8>,
        auth: AuthMode,
    ) -> Result<RawResponse, InvokeError> {
        let op = OperationInfo {
            name: operation,
            auth,
            request_compression: None,
            host_prefix: None,
            endpoint_discovery: None,
        };
        self.invoke_operation(&op, body).await
    }

    /// Like [`Self::invoke`], for the operation `op` describes: its auth mode, and whether the
    /// body may be compressed (`@requestCompression`, per the client's
    /// [`RequestCompressionConfig`](crate::RequestCompressionConfig)).
    pub async fn invoke_operation(
        &self,
        op: &OperationInfo,
        body: Vec<u8>,
    ) -> Result<RawResponse, InvokeError> {
        self.invoke_call(op, &EndpointCall::new(), body).await
    }

    /// Like [`Self::invoke_operation`], with the endpoint parameters and host labels of this
    /// call (what generated operations send).
    pub async fn invoke_call(
        &self,
        op: &OperationInfo,
        call: &EndpointCall,
        body: Vec<u8>,
    ) -> Result<RawResponse, InvokeError> {
        let span = tracing::info_span!(
            "invoke",
            rpc.system = "aws-api",
            rpc.service = self.inner.service.sdk_id,
            rpc.method = op.name,
            attempts = tracing::field::Empty,
            status = tracing::field::Empty,
        );
        // Compressed once, before any signing, so every attempt sends and signs the same bytes.
        let (body, content_encoding) = self
            .inner
            .config
            .request_compression()
            .apply(op.request_compression, body)
            .map_err(InvokeError::Construction)?;
        let payload = Payload {
            body: Bytes::from(body),
            content_encoding,
        };
        // The span is handed down explicitly rather than read back with `Span::current()`, so the
        // fields are recorded even under subscribers that do not track the current span.
        let call = self.call_with_retries(op, call, &payload, span.clone());
        let outer = span.clone();
        async move {
            let result = match self.inner.config.timeouts().operation_timeout() {
                Some(limit) => match tokio::time::timeout(limit, call).await {
                    Ok(result) => result,
                    Err(_elapsed) => Err(timed_out(TimeoutKind::Operation, limit)),
                },
                None => call.await,
            };
            let status = match &result {
                Ok(raw) => Some(raw.status),
                Err(InvokeError::Service(e)) => Some(e.raw.status),
                Err(_) => None,
            };
            if let Some(status) = status {
                outer.record("status", status);
            }
            if let Err(e) = &result {
                tracing::debug!(error = %e, "call failed");
            }
            result
        }
        .instrument(span)
        .await
    }

    async fn call_with_retries(
        &self,
        op: &OperationInfo,
        call: &EndpointCall,
        payload: &Payload,
        span: tracing::Span,
    ) -> Result<RawResponse, InvokeError> {
        let inner = &*self.inner;
        // Once per call, before anything is sent: every attempt goes to the same endpoint.
        let (endpoint, discovered) = self
            .call_endpoint(op, call)
            .await
            .map_err(InvokeError::Construction)?;
        let http = inner
            .http
            .as_ref()
            .map_err(|e| InvokeError::Construction(e.clone()))?;
        let retry = inner.config.retry();
        let max_attempts = retry.max_attempts();
        let invocation_id =
            HeaderValue::from_str(&uuid::Uuid::new_v4().to_string()).map_err(|e| {
                InvokeError::Construction(ConstructionFailure::new(
                    "invalid invocation id",
                    Some(Box::new(e)),
                ))
            })?;

        let mut attempt = 1;
        loop {
            span.record("attempts", attempt);
            let request = self
                .build_request(
                    &endpoint,
                    op,
                    payload,
                    attempt,
                    max_attempts,
                    &invocation_id,
                )
                .await
                .map_err(InvokeError::Construction)?;
            let (error, kind, server_hint) = match send(
                http,
                request,
                inner.config.timeouts().operation_attempt_timeout(),
            )
            .await
            {
                Ok(raw) if (200..300).contains(&raw.status) => {
                    inner.retry_quota.refund();
                    return Ok(raw);
                }
                Ok(raw) => {
                    let meta = if inner.service.query_compatible {
                        parse_query_compatible_error_metadata(raw.status, &raw.headers, &raw.body)
                    } else {
                        parse_error_metadata(raw.status, &raw.headers, &raw.body)
                    };
                    if let (true, Some(d), Some(cache)) = (
                        discovered,
                        &inner.service.endpoint_discovery,
                        &inner.discovery,
                    ) {
                        if meta.shape_name() == Some(d.error) {
                            cache.evict(call.discovery_ids());
                        }
                    }
                    let kind = classify_response(inner.service.retryable_errors, raw.status, &meta);
                    let hint = retry_after(&raw.headers);
                    (
                        InvokeError::Service(ServiceErrorResponse { meta, raw }),
                        kind,
                        hint,
                    )
                }
                Err(e @ InvokeError::Timeout(_)) => (e, RetryKind::Timeout, None),
                // A refused certificate stays refused: retrying only delays the error.
                Err(InvokeError::Dispatch(e)) if e.is_certificate_refused() => {
                    return Err(InvokeError::Dispatch(e))
                }
                Err(InvokeError::Dispatch(e)) if e.is_timeout() => {
                    (InvokeError::Dispatch(e), RetryKind::Timeout, None)
                }
                Err(e @ (InvokeError::Dispatch(_) | InvokeError::Response(_))) => {
                    (e, RetryKind::Transient, None)
                }
                Err(e) => return Err(e),
            };
            if kind == RetryKind::Never || attempt >= max_attempts {
                return Err(error);
            }
            if !inner.retry_quota.try_acquire(kind) {
                tracing::debug!("retry quota exhausted; not retrying");
                return Err(error);
            }
            let delay = retry.backoff(attempt - 1, server_hint);
            tracing::debug!(attempt, ?kind, ?delay, error = %error, "retrying");
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    /// The endpoint of a call, and whether it was discovered. Operations marked
    /// `@clientDiscoveredEndpoint` use a discovered endpoint when discovery applies (always
    /// for required discovery, when enabled for optional); a failed discovery fails a
    /// required call and sends an optional one to the rules-resolved endpoint.
    async fn call_endpoint(
        &self,
        op: &OperationInfo,
        call: &EndpointCall,
    ) -> Result<(Arc<ResolvedEndpoint>, bool), ConstructionFailure> {
        let inner = &*self.inner;
        let (Some(mode), Some(discovery), Some(cache)) = (
            op.endpoint_discovery,
            &inner.service.endpoint_discovery,
            &inner.discovery,
        ) else {
            return Ok((self.resolve_endpoint(op, call).await?, false));
        };
        if mode == DiscoveryMode::Optional
            && inner.config.endpoint_discovery_enabled() != Some(true)
        {
            return Ok((self.resolve_endpoint(op, call).await?, false));
        }
        match cache
            .endpoint(self, discovery, op.name, call.discovery_ids())
            .await
        {
            Ok(endpoint) => Ok((endpoint, true)),
            Err(e) if mode == DiscoveryMode::Optional => {
                tracing::debug!(error = %e, "endpoint discovery failed; using the resolved endpoint");
                Ok((self.resolve_endpoint(op, call).await?, false))
            }
            Err(e) => Err(ConstructionFailure::new(
                format!("{} requires endpoint discovery: {e}", op.name),
                Some(Box::new(e)),
            )),
        }
    }

    async fn build_request(
        &self,
        resolved: &ResolvedEndpoint,
        op: &OperationInfo,
        payload: &Payload,
        attempt: u32,
        max_attempts: u32,
        invocation_id: &HeaderValue,
    ) -> Result<Request<Full<Bytes>>, ConstructionFailure> {
        let inner = &*self.inner;
        let endpoint = resolved.endpoint();
        let invalid = |what: &str, e: Box<dyn std::error::Error + Send + Sync>| {
            ConstructionFailure::new(format!("invalid {what}"), Some(e))
        };
        let mut request = Request::builder()
            .method(Method::POST)
            .uri(endpoint.uri().clone())
            .body(Full::new(payload.body.clone()))
            .map_err(|e| invalid("request", Box::new(e)))?;

        let headers = request.headers_mut();
        headers.insert(
            HOST,
            HeaderValue::from_str(&endpoint.host_header())
                .map_err(|e| invalid("host", Box::new(e)))?,
        );
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static(inner.service.protocol.content_type()),
        );
        headers.insert(CONTENT_LENGTH, HeaderValue::from(payload.body.len()));
        if let Some(encoding) = payload.content_encoding {
            headers.insert(CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        if inner.service.query_compatible {
            headers.insert(X_AMZN_QUERY_MODE.clone(), HeaderValue::from_static("true"));
        }
        let target = format!("{}.{}", inner.service.target_prefix, op.name);
        headers.insert(
            X_AMZ_TARGET.clone(),
            HeaderValue::from_str(&target).map_err(|e| invalid("operation name", Box::new(e)))?,
        );
        headers.insert(X_AMZ_USER_AGENT.clone(), inner.x_amz_user_agent.clone());
        // Headers the endpoint asks for are signed like the protocol's own.
        for (name, value) in resolved.headers() {
            headers.append(name.clone(), value.clone());
        }

        if op.auth == AuthMode::SigV4 {
            let credentials = inner
                .credentials
                .as_ref()
                .ok_or_else(|| {
                    ConstructionFailure::new("no credentials provider configured", None)
                })?
                .get()
                .await?;
            // The endpoint's `authSchemes` decide the scope when they name one (e.g. a
            // partition-wide signing region); the configuration and the model otherwise.
            let region = resolved
                .signing_region()
                .or(inner.config.region().map(|r| r.as_ref()))
                .ok_or_else(|| {
                    ConstructionFailure::new("no region configured to sign the request for", None)
                })?;
            let ctx = SigningContext {
                credentials: &credentials,
                region,
                signing_name: resolved
                    .signing_name()
                    .unwrap_or(inner.service.signing_name),
                time: inner.config.now(),
            };
            sign_request(&mut request, &payload.body, &ctx)?;
        }

        // Added after signing: they change per attempt or may be rewritten by proxies.
        let headers = request.headers_mut();
        headers.insert(USER_AGENT, inner.user_agent.clone());
        headers.insert(INVOCATION_ID.clone(), invocation_id.clone());
        headers.insert(
            SDK_REQUEST.clone(),
            HeaderValue::from_str(&format!("attempt={attempt}; max={max_attempts}"))
                .map_err(|e| invalid("attempt header", Box::new(e)))?,
        );
        Ok(request)
    }
}

/// The client-wide endpoint parameters and resolver of `service` under `config`.
fn endpoint_setup(
    service: &ServiceInfo,
    config: &Config,
) -> Result<(BuiltIns, Resolver), ConstructionFailure> {
    let standard;
    let json = match service.endpoint_rule_set {
        Some(json) => json,
        None => {
            standard = crate::endpoint::standard_rule_set(service.endpoint_prefix);
            &standard
        }
    };
    let rules = RuleSet::from_json_str(json).map_err(|e| {
        ConstructionFailure::new(
            format!(
                "the endpoint rule set of {} is invalid: {e}",
                service.sdk_id
            ),
            Some(Box::new(e)),
        )
    })?;
    let builtins = BuiltIns::new(service, config, &rules);
    let resolver = match config.endpoint_resolver() {
        Some(custom) => Resolver::Custom(custom.clone()),
        None => Resolver::rules(Arc::new(rules), config.partitions().cloned()),
    };
    Ok((builtins, resolver))
}

/// One attempt: send, then read the whole body, within the attempt timeout if any.
async fn send(
    http: &HttpClient,
    request: Request<Full<Bytes>>,
    limit: Option<Duration>,
) -> Result<RawResponse, InvokeError> {
    let exchange = async {
        let response = http.request(request).await.map_err(|e| {
            let connect = e.is_connect();
            InvokeError::Dispatch(DispatchFailure::new(e, connect))
        })?;
        let (parts, body) = response.into_parts();
        let body = body
            .collect()
            .await
            .map_err(|e| InvokeError::Response(ResponseError::new(e, None)))?
            .to_bytes();
        Ok(RawResponse {
            status: parts.status.as_u16(),
            headers: parts.headers,
            body,
        })
    };
    match limit {
        Some(limit) => match tokio::time::timeout(limit, exchange).await {
            Ok(result) => result,
            Err(_elapsed) => Err(timed_out(TimeoutKind::OperationAttempt, limit)),
        },
        None => exchange.await,
    }
}

fn timed_out(kind: TimeoutKind, limit: Duration) -> InvokeError {
    InvokeError::Timeout(TimeoutError::new(kind, limit))
}

/// The delay a service asked for in `x-amz-retry-after` (milliseconds).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    headers
        .get("x-amz-retry-after")?
        .to_str()
        .ok()?
        .trim()
        .parse::<u64>()
        .ok()
        .map(Duration::from_millis)
}

/// `User-Agent` and `x-amz-user-agent` values naming this runtime and the service, in the
/// space-separated `name/version` form AWS SDKs use.
fn user_agents(service: &ServiceInfo) -> (HeaderValue, HeaderValue) {
    let api: String = service
        .sdk_id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let base = format!("ingot/{}", env!("CARGO_PKG_VERSION"));
    let os = std::env::consts::OS;
    // Every piece is ASCII alphanumeric or fixed text, so these values are always valid headers.
    let ua = format!("{base} os/{os} lang/rust");
    let amz = format!("{base} ua/2.1 api/{api} os/{os} lang/rust");
    let to_value =
        |s: String| HeaderValue::from_str(&s).unwrap_or_else(|_| HeaderValue::from_static("ingot"));
    (to_value(ua), to_value(amz))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::Protocol;

    static SERVICE: ServiceInfo = ServiceInfo {
        target_prefix: "AWSCognitoIdentityProviderService",
        protocol: Protocol::AwsJson1_1,
        signing_name: "cognito-idp",
        endpoint_prefix: "cognito-idp",
        env_name: "COGNITO_IDENTITY_PROVIDER",
        sdk_id: "Cognito Identity Provider",
        query_compatible: false,
        retryable_errors: &[],
        endpoint_rule_set: None,
        endpoint_discovery: None,
    };

    #[test]
    fn user_agents_name_ingot_and_the_api() {
        let (ua, amz) = user_agents(&SERVICE);
        let amz = amz.to_str().unwrap();
        assert!(ua.to_str().unwrap().starts_with("ingot/"));
        assert!(amz.contains(" api/cognitoidentityprovider "), "{amz}");
    }

    #[test]
    fn retry_after_header_is_milliseconds() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert("x-amz-retry-after", HeaderValue::from_static("1500"));
        assert_eq!(retry_after(&headers), Some(Duration::from_millis(1500)));
        headers.insert("x-amz-retry-after", HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&headers), None);
    }

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    }

    static OP: OperationInfo = OperationInfo {
        name: "GetUser",
        auth: AuthMode::SigV4,
        request_compression: None,
        host_prefix: None,
        endpoint_discovery: None,
    };

    fn resolve(config: Config) -> Result<String, String> {
        let client = Client::new(&SERVICE, config);
        runtime()
            .block_on(client.resolve_endpoint(&OP, &EndpointCall::new()))
            .map(|e| e.endpoint().uri().to_string())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn bad_configuration_surfaces_on_call_not_on_new() {
        let client = Client::new(&SERVICE, Config::builder().build());
        let result = runtime().block_on(client.invoke("GetUser", b"{}".to_vec()));
        match result {
            Err(InvokeError::Construction(e)) => {
                assert_eq!(e.to_string(), "Invalid Configuration: Missing Region")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn standard_rules_without_a_model_rule_set() {
        let region = |r: &str| {
            Config::builder()
                .region(crate::Region::new(r.to_owned()))
                .build()
        };
        assert_eq!(
            resolve(region("eu-west-1")).unwrap(),
            "https://cognito-idp.eu-west-1.amazonaws.com/"
        );
        assert_eq!(
            resolve(region("cn-north-1")).unwrap(),
            "https://cognito-idp.cn-north-1.amazonaws.com.cn/"
        );
        let fips = Config::builder()
            .region(crate::Region::new("us-gov-west-1"))
            .use_fips(true)
            .build();
        assert_eq!(
            resolve(fips).unwrap(),
            "https://cognito-idp-fips.us-gov-west-1.amazonaws.com/"
        );
        let dual = Config::builder()
            .region(crate::Region::new("us-east-1"))
            .use_dual_stack(true)
            .build();
        assert_eq!(
            resolve(dual).unwrap(),
            "https://cognito-idp.us-east-1.api.aws/"
        );
        let custom = Config::builder()
            .region(crate::Region::new("us-east-1"))
            .endpoint_url("http://127.0.0.1:9")
            .build();
        assert_eq!(resolve(custom).unwrap(), "http://127.0.0.1:9/");
        let bad = Config::builder()
            .region(crate::Region::new("us-east-1"))
            .endpoint_url("http://127.0.0.1:9")
            .use_fips(true)
            .build();
        assert_eq!(
            resolve(bad).unwrap_err(),
            "Invalid Configuration: FIPS and custom endpoint are not supported"
        );
    }

    #[test]
    fn results_are_cached_per_parameter_set() {
        let client = Client::new(
            &SERVICE,
            Config::builder()
                .region(crate::Region::new("us-east-1"))
                .build(),
        );
        let rt = runtime();
        let first = rt
            .block_on(client.resolve_endpoint(&OP, &EndpointCall::new()))
            .unwrap();
        let second = rt
            .block_on(client.resolve_endpoint(&OP, &EndpointCall::new()))
            .unwrap();
        assert!(Arc::ptr_eq(&first, &second));
        let (_, resolver) = client.inner.endpoints.as_ref().unwrap();
        assert_eq!(resolver.cached(), 1);
    }

    #[test]
    fn the_cache_is_bounded() {
        let client = Client::new(
            &SERVICE,
            Config::builder()
                .region(crate::Region::new("us-east-1"))
                .build(),
        );
        let rt = runtime();
        for i in 0..300 {
            let call = EndpointCall::new().param(
                "Unused",
                crate::endpoint::Value::String(format!("value-{i}")),
            );
            rt.block_on(client.resolve_endpoint(&OP, &call)).unwrap();
        }
        let (_, resolver) = client.inner.endpoints.as_ref().unwrap();
        assert_eq!(resolver.cached(), 256);
    }

    #[test]
    fn a_user_partition_table_replaces_the_built_in_one() {
        let table = r#"{"version": "1.1", "partitions": [{
            "id": "lab", "regionRegex": "^lab-[a-z]+-\\d+$", "regions": {"lab-west-1": {}},
            "outputs": {"name": "lab", "dnsSuffix": "lab.example", "dualStackDnsSuffix": "dual.lab.example",
                        "supportsFIPS": false, "supportsDualStack": true, "implicitGlobalRegion": "lab-west-1"}
        }]}"#;
        let partitions = crate::endpoint::Partitions::from_json_str(table).unwrap();
        let config = Config::builder()
            .region(crate::Region::new("lab-west-1"))
            .partitions(partitions)
            .build();
        assert_eq!(
            resolve(config).unwrap(),
            "https://cognito-idp.lab-west-1.lab.example/"
        );
        let fips = Config::builder()
            .region(crate::Region::new("lab-west-1"))
            .use_fips(true)
            .partitions(crate::endpoint::Partitions::from_json_str(table).unwrap())
            .build();
        assert_eq!(
            resolve(fips).unwrap_err(),
            "FIPS is enabled but this partition does not support FIPS"
        );
    }

    #[test]
    fn account_id_comes_from_the_credentials_of_signed_calls() {
        let rules = r#"{"version": "1.0", "parameters": {
            "AccountId": {"type": "string", "builtIn": "AWS::Auth::AccountId", "required": false},
            "Mode": {"type": "string", "builtIn": "AWS::Auth::AccountIdEndpointMode", "required": false}},
          "rules": [
            {"conditions": [{"fn": "isSet", "argv": [{"ref": "AccountId"}]}], "type": "endpoint",
             "endpoint": {"url": "https://{AccountId}.{Mode}.example"}},
            {"conditions": [], "type": "endpoint", "endpoint": {"url": "https://none.{Mode}.example"}}]}"#;
        let service: &'static ServiceInfo = Box::leak(Box::new(ServiceInfo {
            endpoint_rule_set: Some(rules),
            ..SERVICE
        }));
        let creds = aws_credential_types::Credentials::builder()
            .access_key_id("AKID")
            .secret_access_key("SECRET")
            .account_id("123456789012")
            .provider_name("test")
            .build();
        let client = Client::new(
            service,
            Config::builder().credentials_provider(creds).build(),
        );
        let rt = runtime();
        let url = |op: &OperationInfo| {
            rt.block_on(client.resolve_endpoint(op, &EndpointCall::new()))
                .unwrap()
                .endpoint()
                .uri()
                .to_string()
        };
        assert_eq!(url(&OP), "https://123456789012.preferred.example/");
        let anonymous = OperationInfo {
            auth: AuthMode::Anonymous,
            ..OP
        };
        assert_eq!(url(&anonymous), "https://none.preferred.example/");
    }
}
