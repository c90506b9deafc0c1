//! Loads credentials through the configured provider and keeps them until shortly before they
//! expire, so a provider that makes network calls (IMDS, STS, SSO) is not hit on every request.

use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use aws_credential_types::Credentials;

use crate::error::ConstructionFailure;

/// Credentials are refreshed this long before their expiry, so a request signed with them still
/// arrives while they are valid.
const EXPIRY_BUFFER: Duration = Duration::from_secs(5 * 60);
/// Credentials without an expiry are re-read this often, so rotated credentials are picked up.
const NO_EXPIRY_TTL: Duration = Duration::from_secs(15 * 60);

#[derive(Debug)]
pub(crate) struct CredentialsCache {
    provider: SharedCredentialsProvider,
    cached: Mutex<Option<(Credentials, SystemTime)>>,
}

impl CredentialsCache {
    pub(crate) fn new(provider: SharedCredentialsProvider) -> Self {
        Self {
            provider,
            cached: Mutex::new(None),
        }
    }

    pub(crate) async fn get(&self) -> Result<Credentials, ConstructionFailure> {
        let now = SystemTime::now();
        if let Some((creds, valid_until)) = self.lock().as_ref() {
            if now < *valid_until {
                return Ok(creds.clone());
            }
        }
        // Two concurrent misses may both load; that costs one extra provider call, never a
        // wrong result, and avoids holding a lock across an await.
        let creds = self.provider.provide_credentials().await.map_err(|e| {
            ConstructionFailure::new("failed to load credentials", Some(Box::new(e)))
        })?;
        let valid_until = match creds.expiry() {
            Some(expiry) => expiry.checked_sub(EXPIRY_BUFFER).unwrap_or(expiry),
            None => now + NO_EXPIRY_TTL,
        };
        *self.lock() = Some((creds.clone(), valid_until));
        Ok(creds)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(Credentials, SystemTime)>> {
        // The guarded value is replaced whole, so a panic elsewhere cannot leave it half-written.
        self.cached
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_credential_types::provider::future;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    #[derive(Debug)]
    struct Counting {
        calls: Arc<AtomicUsize>,
        expiry: Option<SystemTime>,
    }

    impl ProvideCredentials for Counting {
        fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
        where
            Self: 'a,
        {
            let n = self.calls.fetch_add(1, Ordering::SeqCst);
            future::ProvideCredentials::ready(Ok(Credentials::new(
                format!("AKID{n}"),
                "secret",
                None,
                self.expiry,
                "counting",
            )))
        }
    }

    fn cache(expiry: Option<SystemTime>) -> (CredentialsCache, Arc<AtomicUsize>) {
        let calls = Arc::new(AtomicUsize::new(0));
        let provider = Counting {
            calls: calls.clone(),
            expiry,
        };
        (
            CredentialsCache::new(SharedCredentialsProvider::new(provider)),
            calls,
        )
    }

    #[tokio::test]
    async fn reuses_valid_credentials() {
        let (cache, calls) = cache(Some(SystemTime::now() + Duration::from_secs(3600)));
        assert_eq!(cache.get().await.unwrap().access_key_id(), "AKID0");
        assert_eq!(cache.get().await.unwrap().access_key_id(), "AKID0");
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn reloads_credentials_near_expiry() {
        let (cache, calls) = cache(Some(SystemTime::now() + Duration::from_secs(60)));
        assert_eq!(cache.get().await.unwrap().access_key_id(), "AKID0");
        assert_eq!(cache.get().await.unwrap().access_key_id(), "AKID1");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn provider_errors_are_construction_failures() {
        #[derive(Debug)]
        struct Failing;
        impl ProvideCredentials for Failing {
            fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
            where
                Self: 'a,
            {
                future::ProvideCredentials::ready(Err(
                    aws_credential_types::provider::error::CredentialsError::not_loaded_no_source(),
                ))
            }
        }
        let cache = CredentialsCache::new(SharedCredentialsProvider::new(Failing));
        let err = cache.get().await.unwrap_err();
        assert_eq!(err.to_string(), "failed to load credentials");
    }
}
