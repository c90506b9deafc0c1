//! Runtime for Ingot-generated awsJson 1.0/1.1 clients.
//!
//! Generated client crates describe their service and operations and hand each call to this
//! crate, which does everything else: endpoint resolution, SigV4 signing, the pooled HTTP
//! transport (rustls; trusted roots set with [`TlsConfig`]), retries, timeouts, reading error
//! responses and paginating. What users see is shaped as the AWS SDK for Rust's: [`Config`] (with
//! `Config::from(&SdkConfig)` under the `sdk-config` feature), [`SdkError`] with
//! [`DisplayErrorContext`] and the [`ProvideErrorMetadata`] / [`RequestId`] traits, and
//! [`PaginationStream`]. What only generated code uses lives in the hidden `__private` module
//! and is not a stable API.
//!
//! ```
//! use std::time::Duration;
//! use ingot_client_rt::{Config, Credentials, Region, RetryConfig, TimeoutConfig};
//!
//! let config = Config::builder()
//!     .region(Region::new("us-east-1"))
//!     .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "example"))
//!     .retry_config(RetryConfig::standard().with_max_attempts(5))
//!     .timeout_config(
//!         TimeoutConfig::builder()
//!             .operation_timeout(Duration::from_secs(30))
//!             .build(),
//!     )
//!     .build();
//! assert_eq!(config.region().map(|r| r.as_ref()), Some("us-east-1"));
//! ```

mod client;
mod compression;
mod config;
mod credentials;
pub mod endpoint;
mod error;
mod error_meta;
mod paginate;
mod response;
mod retry;
mod service;
mod signing;
mod timeout;
mod tls;
mod token;
mod transport;

pub use compression::{
    RequestCompressionConfig, DEFAULT_MIN_COMPRESSION_SIZE_BYTES, MAX_MIN_COMPRESSION_SIZE_BYTES,
};
pub use config::{BehaviorVersion, Config, ConfigBuilder, EnvLookup, Region, TimeSource};
pub use endpoint::{Endpoint, ResolveEndpoint, ResolvedEndpoint};
pub use error::{
    BoxError, ConstructionFailure, CreateUnhandledError, DispatchFailure, DisplayErrorContext,
    ResponseError, SdkError, ServiceError, TimeoutError, TimeoutKind,
};
pub use ingot_rt::error::{ErrorMetadata, ProvideErrorMetadata, RequestId};
pub use ingot_rt::BuildError;
pub use paginate::PaginationStream;
pub use response::RawResponse;
pub use retry::RetryConfig;
pub use timeout::{TimeoutConfig, TimeoutConfigBuilder};
pub use tls::{RootCertificateError, TlsConfig};

pub use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
pub use aws_credential_types::Credentials;
/// What `aws-config` loads; see [`Config`]'s `From<&SdkConfig>`.
#[cfg(feature = "sdk-config")]
pub use aws_types::SdkConfig;

/// What only generated code uses: the raw client and its `invoke`, the service and operation
/// descriptions, error-response parsing, the pagination loop, and the crates generated code
/// reaches through this runtime (so generated crates depend on it alone). Not a stable API.
#[doc(hidden)]
pub mod __private {
    pub use crate::client::{AuthMode, Client};
    pub use crate::endpoint::EndpointCall;
    pub use crate::error::{ErrorResponseParser, InvokeError, ServiceErrorResponse, Unhandled};
    pub use crate::error_meta::{
        parse_error_metadata, parse_query_compatible_error_metadata, sanitize_error_code,
    };
    pub use crate::paginate::{items, pages, Paginated};
    pub use crate::service::{
        OperationInfo, Protocol, RequestEncoding, RetryableError, ServiceInfo,
    };
    pub use crate::token::idempotency_token;
    pub use ::bytes;
    pub use ::futures_util;
    pub use ::http;
}
