//! Static description of one generated service: the facts the runtime needs to address, sign and
//! label its requests. Generated crates declare one `static` of [`ServiceInfo`].

pub use ingot_rt::Protocol;

use crate::client::AuthMode;
use crate::endpoint::{DiscoveryMode, EndpointDiscovery};

/// What a generated client tells the runtime about its service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceInfo {
    /// The service shape name, the part of `X-Amz-Target` before the dot
    /// (e.g. `AWSCognitoIdentityProviderService`).
    pub target_prefix: &'static str,
    /// The protocol the service speaks.
    pub protocol: Protocol,
    /// The SigV4 signing name from `aws.auth#sigv4` (e.g. `cognito-idp`).
    pub signing_name: &'static str,
    /// The host label of the default endpoint (e.g. `cognito-idp`).
    pub endpoint_prefix: &'static str,
    /// The sdkId in upper snake case (e.g. `COGNITO_IDENTITY_PROVIDER`), used in the
    /// `AWS_ENDPOINT_URL_<env_name>` override.
    pub env_name: &'static str,
    /// The sdkId (e.g. `Cognito Identity Provider`), used in the user agent.
    pub sdk_id: &'static str,
    /// `@awsQueryCompatible`: requests carry `x-amzn-query-mode: true` and error codes come
    /// from the `x-amzn-query-error` header when present.
    pub query_compatible: bool,
    /// The service's `@retryable` errors, which the standard retry strategy retries.
    pub retryable_errors: &'static [RetryableError],
    /// The model's `smithy.rules#endpointRuleSet` as JSON text, parsed once per client. Without
    /// one, the client uses AWS's standard regional pattern
    /// `https://<endpoint_prefix>.<region>.<partition's DNS suffix>` (with FIPS and dual-stack
    /// variants and the configured endpoint URL), written as a rule set too.
    pub endpoint_rule_set: Option<&'static str>,
    /// `aws.api#clientEndpointDiscovery`: how to discover endpoints for the operations marked
    /// `@clientDiscoveredEndpoint`.
    pub endpoint_discovery: Option<EndpointDiscovery>,
}

/// A modeled error marked `@retryable`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryableError {
    /// The error shape's name, as matched against [`ErrorMetadata::shape_name`](crate::ErrorMetadata::shape_name).
    pub shape_name: &'static str,
    /// `@retryable(throttling: true)`: retried as a throttling error.
    pub throttling: bool,
}

/// What the runtime needs to know about one operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OperationInfo {
    /// The operation shape's name, the part of `X-Amz-Target` after the dot.
    pub name: &'static str,
    /// Whether requests are signed.
    pub auth: AuthMode,
    /// `@requestCompression`: the encoding request bodies may be compressed with.
    pub request_compression: Option<RequestEncoding>,
    /// `@endpoint(hostPrefix)`: the template put in front of the endpoint's host, with
    /// `{Label}`s filled from the call's `@hostLabel` members (see
    /// [`EndpointCall::host_label`](crate::endpoint::EndpointCall::host_label)).
    pub host_prefix: Option<&'static str>,
    /// `@clientDiscoveredEndpoint`: the call goes to a discovered endpoint (see
    /// [`EndpointDiscovery`]).
    pub endpoint_discovery: Option<DiscoveryMode>,
}

/// A content coding the client can compress request bodies with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestEncoding {
    /// `Content-Encoding: gzip`.
    Gzip,
}
