//! Runtime for Ingot-generated awsJson 1.0/1.1 clients.
//!
//! Generated client crates describe their service with a `static` [`ServiceInfo`] and call
//! [`Client::invoke`] with a serialized body; this crate does everything else: endpoint
//! resolution, SigV4 signing, the pooled HTTP transport (rustls; trusted roots set with
//! [`TlsConfig`]), retries, timeouts, and reading error metadata. Users configure it through [`Config`] and see failures as [`SdkError`].
//!
//! ```no_run
//! use ingot_client_rt::{Client, Config, Credentials, Protocol, ServiceInfo};
//!
//! static SERVICE: ServiceInfo = ServiceInfo {
//!     target_prefix: "AWSCognitoIdentityProviderService",
//!     protocol: Protocol::AwsJson1_1,
//!     signing_name: "cognito-idp",
//!     endpoint_prefix: "cognito-idp",
//!     env_name: "COGNITO_IDENTITY_PROVIDER",
//!     sdk_id: "Cognito Identity Provider",
//!     query_compatible: false,
//!     retryable_errors: &[],
//!     endpoint_rule_set: None,
//!     endpoint_discovery: None,
//! };
//!
//! # async fn run() -> Result<(), ingot_client_rt::InvokeError> {
//! let config = Config::builder()
//!     .region(ingot_client_rt::Region::new("us-east-1"))
//!     .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "example"))
//!     .build();
//! let client = Client::new(&SERVICE, config);
//! let response = client.invoke("ListUserPools", br#"{"MaxResults":10}"#.to_vec()).await?;
//! println!("{} {:?}", response.status, response.request_id());
//! # Ok(())
//! # }
//! ```

mod client;
mod compression;
mod config;
mod credentials;
pub mod endpoint;
mod error;
mod error_meta;
pub mod paginate;
mod response;
mod retry;
mod service;
mod signing;
mod timeout;
mod tls;
mod token;
mod transport;

pub use client::{AuthMode, Client};
pub use compression::{
    RequestCompressionConfig, DEFAULT_MIN_COMPRESSION_SIZE_BYTES, MAX_MIN_COMPRESSION_SIZE_BYTES,
};
pub use config::{BehaviorVersion, Config, ConfigBuilder, EnvLookup, Region, TimeSource};
pub use endpoint::{Endpoint, EndpointCall, ResolveEndpoint, ResolvedEndpoint};
pub use error::{
    BoxError, ConstructionFailure, CreateUnhandledError, DispatchFailure, DisplayErrorContext,
    InvokeError, ResponseError, SdkError, ServiceError, ServiceErrorResponse, TimeoutError,
    TimeoutKind, Unhandled,
};
pub use error_meta::{
    parse_error_metadata, parse_query_compatible_error_metadata, sanitize_error_code,
};
pub use ingot_rt::error::{ErrorMetadata, ProvideErrorMetadata, RequestId};
pub use ingot_rt::BuildError;
pub use paginate::{Paginated, PaginationStream};
pub use response::RawResponse;
pub use retry::RetryConfig;
pub use service::{OperationInfo, Protocol, RequestEncoding, RetryableError, ServiceInfo};
pub use timeout::{TimeoutConfig, TimeoutConfigBuilder};
pub use tls::{RootCertificateError, TlsConfig};
pub use token::idempotency_token;

pub use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
pub use aws_credential_types::Credentials;
/// What `aws-config` loads; see [`Config`]'s `From<&SdkConfig>`.
#[cfg(feature = "sdk-config")]
pub use aws_types::SdkConfig;

/// Crates generated code reaches through this runtime, so generated crates depend on it alone.
#[doc(hidden)]
pub mod __private {
    pub use crate::error::ErrorResponseParser;
    pub use ::bytes;
    pub use ::futures_util;
    pub use ::http;
}
