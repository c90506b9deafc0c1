//! SigV4 signing of a raw request with `aws-sigv4`, as the raw signing client and the load
//! generator need it.

use std::time::SystemTime;

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;

use crate::{BoxError, REGION, SERVICE};

/// Signs requests with one key for Cognito user pools in [`REGION`].
#[derive(Debug, Clone)]
pub struct Signer {
    identity: Identity,
}

impl Signer {
    /// A signer for `akid` / `secret`.
    pub fn new(akid: &str, secret: &str) -> Self {
        let credentials = Credentials::new(akid, secret, None, None, "bench");
        Self {
            identity: credentials.into(),
        }
    }

    /// Adds `X-Amz-Date` and `Authorization` for `time` over every header already on `request`
    /// (which must include `host`) and `body`.
    pub fn sign<B>(
        &self,
        request: &mut http::Request<B>,
        body: &[u8],
        time: SystemTime,
    ) -> Result<(), BoxError> {
        let params = v4::SigningParams::builder()
            .identity(&self.identity)
            .region(REGION)
            .name(SERVICE)
            .time(time)
            .settings(SigningSettings::default())
            .build()?
            .into();
        let headers = request
            .headers()
            .iter()
            .map(|(name, value)| Ok((name.as_str(), value.to_str()?)))
            .collect::<Result<Vec<_>, http::header::ToStrError>>()?;
        let uri = request.uri().to_string();
        let signable = SignableRequest::new(
            request.method().as_str(),
            uri,
            headers.into_iter(),
            SignableBody::Bytes(body),
        )?;
        let (instructions, _signature) = sign(signable, &params)?.into_parts();
        instructions.apply_to_request_http1x(request);
        Ok(())
    }
}
