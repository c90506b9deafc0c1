//! Endpoint discovery (`aws.api#clientEndpointDiscovery`): operations marked
//! `@clientDiscoveredEndpoint` go to an endpoint the service's discovery operation names. The
//! generated client supplies the discovery call ([`EndpointDiscovery::discover`], a normal
//! signed call of that client); this module keeps the answers per identifier set for their
//! `CachePeriodInMinutes`, refreshes them in the background shortly before they expire, and
//! forgets one when a call is answered with the service's discovery error.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use super::{Endpoint, ResolvedEndpoint};
use crate::client::Client;
use crate::error::ConstructionFailure;

/// An error of the discovery call, boxed.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The pending result of a discovery call.
pub type DiscoveryFuture =
    Pin<Box<dyn Future<Output = Result<Vec<DiscoveredEndpoint>, BoxError>> + Send>>;

/// What a service with `aws.api#clientEndpointDiscovery` tells the runtime.
#[derive(Clone, Copy)]
pub struct EndpointDiscovery {
    /// The shape name of the error that means "this endpoint is no longer valid" (e.g.
    /// `InvalidEndpointException`): a call answered with it evicts the endpoint it used.
    pub error: &'static str,
    /// Calls the discovery operation with the client it is given.
    pub discover: fn(Client, DiscoveryRequest) -> DiscoveryFuture,
}

impl fmt::Debug for EndpointDiscovery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EndpointDiscovery")
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

// A service declares one discovery function; the error name identifies the configuration.
impl PartialEq for EndpointDiscovery {
    fn eq(&self, other: &Self) -> bool {
        self.error == other.error && std::ptr::fn_addr_eq(self.discover, other.discover)
    }
}
impl Eq for EndpointDiscovery {}

/// `@clientDiscoveredEndpoint(required)` of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscoveryMode {
    /// The operation only works on a discovered endpoint: a failed discovery fails the call.
    Required,
    /// Discovery is used when enabled (see
    /// [`ConfigBuilder::endpoint_discovery_enabled`](crate::ConfigBuilder::endpoint_discovery_enabled));
    /// a failed discovery falls back to the rules-resolved endpoint.
    Optional,
}

/// The input of one discovery call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoveryRequest {
    /// The name of the operation the endpoint is for (the discovery input's `Operation`).
    pub operation: &'static str,
    /// The call's `@clientEndpointDiscoveryId` members by name (the discovery input's
    /// `Identifiers`), sorted.
    pub identifiers: Vec<(&'static str, String)>,
}

/// One entry of the discovery output's `Endpoints`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoveredEndpoint {
    /// A host name or URL; `https://` is assumed without a scheme.
    pub address: String,
    /// How long the endpoint may be used.
    pub cache_period_in_minutes: i64,
}

/// Refreshes start this long before expiry (at most half the cache period), so calls keep
/// using the cached endpoint while the new one is fetched.
const REFRESH_AHEAD: Duration = Duration::from_secs(60);

/// At most this many identifier sets keep an endpoint.
const MAX_ENTRIES: usize = 256;

type Key = Vec<(&'static str, String)>;

struct Entry {
    endpoint: Arc<ResolvedEndpoint>,
    refresh_at: SystemTime,
    expires: SystemTime,
    refreshing: bool,
}

/// The discovered endpoints of one client, per identifier set.
#[derive(Default)]
pub(crate) struct DiscoveryCache {
    entries: Arc<Mutex<HashMap<Key, Entry>>>,
}

impl DiscoveryCache {
    /// The endpoint for a call of `operation` with `identifiers`: the cached one while valid
    /// (starting a background refresh when it nears expiry), else a fresh discovery.
    pub(crate) async fn endpoint(
        &self,
        client: &Client,
        discovery: &EndpointDiscovery,
        operation: &'static str,
        identifiers: &[(&'static str, String)],
    ) -> Result<Arc<ResolvedEndpoint>, ConstructionFailure> {
        let mut key: Key = identifiers.to_vec();
        key.sort();
        let now = client.config().now();
        {
            let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(entry) = entries.get_mut(&key) {
                if now < entry.expires {
                    if now >= entry.refresh_at && !entry.refreshing {
                        entry.refreshing = true;
                        self.refresh_in_background(client, discovery, operation, key.clone());
                    }
                    return Ok(entry.endpoint.clone());
                }
            }
        }
        let entry = fetch(client, discovery, operation, key.clone()).await?;
        let endpoint = entry.endpoint.clone();
        self.insert(key, entry);
        Ok(endpoint)
    }

    /// Forgets the endpoint of `identifiers` (the service said it is no longer valid).
    pub(crate) fn evict(&self, identifiers: &[(&'static str, String)]) {
        let mut key: Key = identifiers.to_vec();
        key.sort();
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&key);
    }

    fn insert(&self, key: Key, entry: Entry) {
        insert(&self.entries, key, entry);
    }

    fn refresh_in_background(
        &self,
        client: &Client,
        discovery: &EndpointDiscovery,
        operation: &'static str,
        key: Key,
    ) {
        let entries = self.entries.clone();
        let client = client.clone();
        let discovery = *discovery;
        tokio::spawn(async move {
            match fetch(&client, &discovery, operation, key.clone()).await {
                Ok(entry) => insert(&entries, key, entry),
                Err(e) => {
                    tracing::debug!(error = %e, "endpoint discovery refresh failed; the cached endpoint stays until it expires");
                    if let Some(entry) = entries
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .get_mut(&key)
                    {
                        entry.refreshing = false;
                    }
                }
            }
        });
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

fn insert(entries: &Mutex<HashMap<Key, Entry>>, key: Key, entry: Entry) {
    let mut entries = entries.lock().unwrap_or_else(PoisonError::into_inner);
    if entries.len() >= MAX_ENTRIES && !entries.contains_key(&key) {
        entries.clear();
    }
    entries.insert(key, entry);
}

/// One discovery call, turned into a cache entry.
async fn fetch(
    client: &Client,
    discovery: &EndpointDiscovery,
    operation: &'static str,
    identifiers: Key,
) -> Result<Entry, ConstructionFailure> {
    let request = DiscoveryRequest {
        operation,
        identifiers,
    };
    let fetched_at = client.config().now();
    let endpoints = (discovery.discover)(client.clone(), request)
        .await
        .map_err(|e| {
            ConstructionFailure::new(format!("endpoint discovery failed: {e}"), Some(e))
        })?;
    entry_from(&endpoints, fetched_at)
}

/// The first usable endpoint of a discovery answer.
fn entry_from(
    endpoints: &[DiscoveredEndpoint],
    fetched_at: SystemTime,
) -> Result<Entry, ConstructionFailure> {
    let first = endpoints.first().ok_or_else(|| {
        ConstructionFailure::new("endpoint discovery returned no endpoints", None)
    })?;
    let address = first.address.trim();
    let url = if address.contains("://") {
        address.to_owned()
    } else {
        format!("https://{address}")
    };
    let endpoint = Endpoint::parse(&url).map_err(|e| {
        ConstructionFailure::new(
            format!("endpoint discovery returned an unusable address: {e}"),
            Some(Box::new(e)),
        )
    })?;
    let minutes = u64::try_from(first.cache_period_in_minutes).unwrap_or(0);
    let period = Duration::from_secs(minutes.saturating_mul(60));
    let expires = fetched_at + period;
    Ok(Entry {
        endpoint: Arc::new(ResolvedEndpoint::from_endpoint(endpoint)),
        refresh_at: expires - REFRESH_AHEAD.min(period / 2),
        expires,
        refreshing: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn discovered(address: &str, minutes: i64) -> Vec<DiscoveredEndpoint> {
        vec![DiscoveredEndpoint {
            address: address.to_owned(),
            cache_period_in_minutes: minutes,
        }]
    }

    #[test]
    fn addresses_without_a_scheme_are_https() {
        let t = SystemTime::UNIX_EPOCH;
        let entry = entry_from(&discovered("a.example.com", 10), t).unwrap();
        assert_eq!(
            entry.endpoint.endpoint().uri().to_string(),
            "https://a.example.com/"
        );
        assert_eq!(entry.expires, t + Duration::from_secs(600));
        assert_eq!(entry.refresh_at, t + Duration::from_secs(540));
        let entry = entry_from(&discovered("http://b.example:8000", 1), t).unwrap();
        assert_eq!(
            entry.endpoint.endpoint().uri().to_string(),
            "http://b.example:8000/"
        );
        assert_eq!(entry.refresh_at, t + Duration::from_secs(30));
    }

    #[test]
    fn empty_or_bad_answers_are_errors() {
        let t = SystemTime::UNIX_EPOCH;
        let err = entry_from(&[], t).err().unwrap();
        assert_eq!(err.to_string(), "endpoint discovery returned no endpoints");
        assert!(entry_from(&discovered("ftp://x", 1), t).is_err());
        // A negative period means "do not cache": the entry is expired at once.
        let entry = entry_from(&discovered("a.example", -5), t).unwrap();
        assert_eq!(entry.expires, t);
    }

    #[test]
    fn eviction_uses_the_sorted_identifiers() {
        let cache = DiscoveryCache::default();
        let entry = entry_from(&discovered("a.example", 1), SystemTime::UNIX_EPOCH).unwrap();
        cache.insert(vec![("A", "1".into()), ("B", "2".into())], entry);
        assert_eq!(cache.len(), 1);
        cache.evict(&[("B", "2".into()), ("A", "1".into())]);
        assert_eq!(cache.len(), 0);
    }
}
