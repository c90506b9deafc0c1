//! The StopUserImportJob handler and the service built around it: rate limit, then faults, then
//! the store.

use std::sync::{Arc, Mutex};
use std::time::{Instant, SystemTime};

use cognitoidentityprovider_server::operation::stop_user_import_job::{
    StopUserImportJobError, StopUserImportJobInput, StopUserImportJobOutput,
};
use cognitoidentityprovider_server::types::error::TooManyRequestsException;
use cognitoidentityprovider_server::{
    MissingHandlers, RequestContext, ServiceBuilder, SigV4Verifier,
};
use ingot_rt::DateTime;

use crate::fault::Faults;
use crate::log::Logged;
use crate::rate::RateLimiter;
use crate::seed::Seed;
use crate::store::Store;

/// The message of `TooManyRequestsException` when `--max-rps` is exceeded.
pub const RATE_EXCEEDED_MESSAGE: &str = "Rate exceeded";

/// How the service is set up: the seed plus the command-line switches.
#[derive(Debug, Clone)]
pub struct Options {
    /// The checked seed.
    pub seed: Seed,
    /// `(access key id, secret)` pairs; empty: requests are not authenticated.
    pub credentials: Vec<(String, String)>,
    /// Calls per second allowed before `TooManyRequestsException` (see [`crate::rate`]).
    pub max_rps: Option<u32>,
    /// Request body limit in bytes; `None`: the runtime default (1 MiB).
    pub body_limit: Option<usize>,
}

impl Options {
    /// Options with this seed and nothing else switched on.
    pub fn new(seed: Seed) -> Self {
        Self {
            seed,
            credentials: Vec::new(),
            max_rps: None,
            body_limit: None,
        }
    }
}

/// The state every request shares.
#[derive(Debug)]
struct State {
    store: Mutex<Store>,
    faults: Faults,
    limiter: Option<RateLimiter>,
}

impl State {
    fn stop_user_import_job(
        &self,
        input: &StopUserImportJobInput,
        ctx: &RequestContext,
    ) -> Result<StopUserImportJobOutput, StopUserImportJobError> {
        if let Some(limiter) = &self.limiter {
            if !limiter.try_acquire(Instant::now()) {
                return Err(TooManyRequestsException::builder()
                    .message(RATE_EXCEEDED_MESSAGE)
                    .build()
                    .into());
            }
        }
        if let Some(error) = self.faults.take(input) {
            tracing::debug!(request_id = ctx.request_id, ?error, "injected fault");
            return Err(error);
        }
        // The store is plain data and every update completes before unlocking, so a lock
        // poisoned by an unrelated panic still holds a consistent store.
        let mut store = self
            .store
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Validation has refused requests without either member before the handler runs.
        let job = store.stop(
            input.user_pool_id().unwrap_or_default(),
            input.job_id().unwrap_or_default(),
            DateTime::from(SystemTime::now()),
        )?;
        Ok(StopUserImportJobOutput::builder()
            .user_import_job(job)
            .build())
    }
}

/// Builds the served service (with per-request logging) from `options`.
pub fn service(options: Options) -> Result<Logged, MissingHandlers> {
    let Options {
        seed,
        credentials,
        max_rps,
        body_limit,
    } = options;
    let state = Arc::new(State {
        store: Mutex::new(Store::new(seed.user_pools, seed.user_import_jobs)),
        faults: Faults::new(seed.faults),
        limiter: max_rps.map(|rate| RateLimiter::new(rate, Instant::now())),
    });
    let mut builder = ServiceBuilder::new().stop_user_import_job(move |input, ctx| {
        let state = Arc::clone(&state);
        async move { state.stop_user_import_job(&input, &ctx) }
    });
    if !credentials.is_empty() {
        // The region is not pinned: a local server answers whatever region the client is set to.
        builder = builder.sigv4(SigV4Verifier::new(credentials).with_service("cognito-idp"));
    }
    if let Some(limit) = body_limit {
        builder = builder.body_limit(limit);
    }
    Ok(Logged::new(builder.build()?))
}
