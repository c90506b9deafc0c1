//! Static description of one generated service: the facts the runtime needs to address, sign and
//! label its requests. Generated crates declare one `static` of [`ServiceInfo`].

pub use ingot_rt::Protocol;

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
}
