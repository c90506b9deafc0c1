//! Turning parameters into an endpoint: the model's rules (cached per parameter set) or a
//! user's [`ResolveEndpoint`].

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use http::{HeaderName, HeaderValue};

use super::{rules, Endpoint, Params, Partitions, RuleSet};
use crate::error::{BoxError, ConstructionFailure};

/// Resolves the endpoint of a call from its rule-set parameters. Set one with
/// [`ConfigBuilder::endpoint_resolver`](crate::ConfigBuilder::endpoint_resolver) to route calls
/// yourself (tests, proxies); the model's rules are then not consulted, and results are not
/// cached.
pub trait ResolveEndpoint: Send + Sync + fmt::Debug {
    /// The endpoint for `params` (the same parameters the model's rules would get), or why
    /// there is none; the error reaches the caller as a construction failure, before sending.
    fn resolve_endpoint(&self, params: &Params) -> Result<rules::Endpoint, BoxError>;
}

/// A resolved endpoint, checked and ready to use: the URL, the headers every request to it
/// carries, and the SigV4 scope its `authSchemes` property asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedEndpoint {
    endpoint: Endpoint,
    headers: Vec<(HeaderName, HeaderValue)>,
    signing_name: Option<String>,
    signing_region: Option<String>,
}

impl ResolvedEndpoint {
    /// Checks an endpoint a rule set (or resolver) produced: a valid `http(s)` URL, valid
    /// header names and values.
    pub fn from_rules(resolved: &rules::Endpoint) -> Result<Self, ConstructionFailure> {
        let endpoint = Endpoint::parse(&resolved.url)?;
        let mut headers = Vec::new();
        for (name, values) in &resolved.headers {
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|e| {
                ConstructionFailure::new(
                    format!("the resolved endpoint has an invalid header name {name:?}"),
                    Some(Box::new(e)),
                )
            })?;
            for value in values {
                let value = HeaderValue::from_str(value).map_err(|e| {
                    ConstructionFailure::new(
                        format!("the resolved endpoint has an invalid value for header `{name}`"),
                        Some(Box::new(e)),
                    )
                })?;
                headers.push((name.clone(), value));
            }
        }
        // The first SigV4 scheme decides; other schemes (e.g. sigv4a) are not signed with here,
        // so the client's own signing name and region stay in force for them.
        let sigv4 = resolved
            .auth_schemes()
            .into_iter()
            .find(|scheme| scheme.name == "sigv4");
        let (signing_name, signing_region) = match sigv4 {
            Some(scheme) => (scheme.signing_name, scheme.signing_region),
            None => (None, None),
        };
        Ok(Self {
            endpoint,
            headers,
            signing_name,
            signing_region,
        })
    }

    /// The URL requests are POSTed to.
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// Headers the endpoint asks every request to carry.
    pub fn headers(&self) -> &[(HeaderName, HeaderValue)] {
        &self.headers
    }

    /// The SigV4 signing name from the endpoint's `authSchemes`, if it sets one.
    pub fn signing_name(&self) -> Option<&str> {
        self.signing_name.as_deref()
    }

    /// The SigV4 signing region from the endpoint's `authSchemes`, if it sets one.
    pub fn signing_region(&self) -> Option<&str> {
        self.signing_region.as_deref()
    }

    /// The same endpoint with a host prefix in front of its host.
    /// An endpoint without headers or signing overrides (a discovered one: signed for the
    /// client's region and the service's signing name).
    pub(crate) fn from_endpoint(endpoint: Endpoint) -> Self {
        Self {
            endpoint,
            headers: Vec::new(),
            signing_name: None,
            signing_region: None,
        }
    }

    pub(crate) fn with_host_prefix(&self, prefix: &str) -> Result<Self, ConstructionFailure> {
        Ok(Self {
            endpoint: self.endpoint.with_host_prefix(prefix)?,
            ..self.clone()
        })
    }
}

/// At most this many parameter sets keep their result; a client sees few distinct sets (one
/// per region, FIPS and dual-stack combination, and per resource for account-based rules).
const CACHE_CAPACITY: usize = 256;

type Cached = Result<Arc<ResolvedEndpoint>, ConstructionFailure>;

/// How a client resolves endpoints.
pub(crate) enum Resolver {
    /// The model's rules (or the standard pattern), with results cached per parameter set.
    Rules {
        rules: Arc<RuleSet>,
        partitions: Option<Arc<Partitions>>,
        cache: Mutex<HashMap<Params, Cached>>,
    },
    /// The user's resolver, asked on every call.
    Custom(Arc<dyn ResolveEndpoint>),
}

impl fmt::Debug for Resolver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Resolver::Rules { partitions, .. } => f
                .debug_struct("Rules")
                .field("custom_partitions", &partitions.is_some())
                .finish_non_exhaustive(),
            Resolver::Custom(r) => f.debug_tuple("Custom").field(r).finish(),
        }
    }
}

impl Resolver {
    pub(crate) fn rules(rules: Arc<RuleSet>, partitions: Option<Arc<Partitions>>) -> Self {
        Resolver::Rules {
            rules,
            partitions,
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// The endpoint for `params`: a rules error is a construction failure carrying the rule's
    /// message.
    pub(crate) fn resolve(&self, params: &Params) -> Cached {
        match self {
            Resolver::Custom(resolver) => {
                let resolved = resolver.resolve_endpoint(params).map_err(|e| {
                    ConstructionFailure::new(format!("endpoint resolution failed: {e}"), Some(e))
                })?;
                ResolvedEndpoint::from_rules(&resolved).map(Arc::new)
            }
            Resolver::Rules {
                rules,
                partitions,
                cache,
            } => {
                if let Some(hit) = lock(cache).get(params) {
                    return hit.clone();
                }
                let partitions = partitions
                    .as_deref()
                    .unwrap_or_else(|| Partitions::builtin());
                let result = match rules.resolve(params, partitions) {
                    Ok(resolved) => ResolvedEndpoint::from_rules(&resolved).map(Arc::new),
                    Err(e) => Err(ConstructionFailure::new(e.to_string(), Some(Box::new(e)))),
                };
                let mut cache = lock(cache);
                if cache.len() >= CACHE_CAPACITY {
                    // Any entry will do: a full cache means parameters vary per call anyway.
                    if let Some(evict) = cache.keys().next().cloned() {
                        cache.remove(&evict);
                    }
                }
                cache.insert(params.clone(), result.clone());
                result
            }
        }
    }

    /// Entries in the cache (for tests).
    #[cfg(test)]
    pub(crate) fn cached(&self) -> usize {
        match self {
            Resolver::Rules { cache, .. } => lock(cache).len(),
            Resolver::Custom(_) => 0,
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // Entries are inserted whole, so a panic elsewhere cannot leave the map half-written.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
