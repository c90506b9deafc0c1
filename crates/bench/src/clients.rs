//! The four clients of the client figure, each making one checked StopUserImportJob call.
//!
//! Ingot's generated client and the official SDK serialize, sign (real clock), send and parse;
//! the raw hyper-util client posts pre-built bytes; the raw signing client does the same but signs
//! each request with `aws-sigv4` first. A call whose answer is wrong fails the run, so a broken
//! client cannot look fast.

use std::time::SystemTime;

use aws_sdk_cognitoidentityprovider as sdk;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::rt::TokioExecutor;

use crate::signing::Signer;
use crate::{BoxError, AKID, CONTENT_TYPE, JOB, POOL, REGION, SECRET, TARGET};

/// The subjects in report order: Ingot first, then its anchors.
pub const SUBJECTS: [&str; 4] = ["ingot", "sdk", "raw", "raw-sigv4"];

/// One client of the figure, built once and shared by every concurrent task.
#[derive(Debug, Clone)]
pub enum Subject {
    /// Ingot's generated Cognito client.
    Ingot(cognitoidentityprovider_client::Client),
    /// The official `aws-sdk-cognitoidentityprovider`.
    Sdk(sdk::Client),
    /// A hyper-util client posting pre-built bytes, signed per call when it has a signer.
    Raw(Box<Raw>),
}

impl Subject {
    /// The client named `name` (one of [`SUBJECTS`]) calling `endpoint`.
    pub fn new(name: &str, endpoint: &str) -> Result<Self, BoxError> {
        Ok(match name {
            "ingot" => Self::Ingot(ingot_client(endpoint)),
            "sdk" => Self::Sdk(sdk_client(endpoint)),
            "raw" => Self::Raw(Box::new(Raw::new(endpoint, None)?)),
            "raw-sigv4" => Self::Raw(Box::new(Raw::new(
                endpoint,
                Some(Signer::new(AKID, SECRET)),
            )?)),
            other => return Err(format!("unknown client {other:?}").into()),
        })
    }

    /// One StopUserImportJob call, checked.
    pub async fn call(&self) -> Result<(), BoxError> {
        match self {
            Self::Ingot(client) => {
                let output = client
                    .stop_user_import_job()
                    .user_pool_id(POOL)
                    .job_id(JOB)
                    .send()
                    .await?;
                check_job_id(output.user_import_job.and_then(|job| job.job_id))
            }
            Self::Sdk(client) => {
                let output = client
                    .stop_user_import_job()
                    .user_pool_id(POOL)
                    .job_id(JOB)
                    .send()
                    .await?;
                check_job_id(output.user_import_job.and_then(|job| job.job_id))
            }
            Self::Raw(raw) => raw.call().await,
        }
    }
}

fn check_job_id(id: Option<String>) -> Result<(), BoxError> {
    match id {
        Some(id) if id == JOB => Ok(()),
        other => Err(format!("unexpected JobId {other:?}").into()),
    }
}

fn ingot_client(endpoint: &str) -> cognitoidentityprovider_client::Client {
    use cognitoidentityprovider_client::config::{Credentials, Region};
    use cognitoidentityprovider_client::{Client, Config};
    let config = Config::builder()
        .region(Region::new(REGION))
        .credentials_provider(Credentials::new(AKID, SECRET, None, None, "bench"))
        .endpoint_url(endpoint)
        .build();
    Client::from_conf(config)
}

/// Static credentials, an endpoint URL and a plain-HTTP hyper connector: no aws-config, no TLS.
fn sdk_client(endpoint: &str) -> sdk::Client {
    let config = sdk::Config::builder()
        .behavior_version(sdk::config::BehaviorVersion::latest())
        .region(sdk::config::Region::new(REGION))
        .credentials_provider(sdk::config::Credentials::new(
            AKID, SECRET, None, None, "bench",
        ))
        .endpoint_url(endpoint)
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .build();
    sdk::Client::from_conf(config)
}

/// The raw anchors: a keep-alive hyper-util client and the request bytes, built once.
#[derive(Debug, Clone)]
pub struct Raw {
    client: HyperClient<HttpConnector, Full<Bytes>>,
    uri: http::Uri,
    host: http::HeaderValue,
    body: Bytes,
    signer: Option<Signer>,
}

impl Raw {
    fn new(endpoint: &str, signer: Option<Signer>) -> Result<Self, BoxError> {
        let uri: http::Uri = endpoint.parse()?;
        let host = uri
            .authority()
            .ok_or_else(|| format!("endpoint {endpoint} has no host"))?
            .as_str()
            .parse()?;
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        Ok(Self {
            client: HyperClient::builder(TokioExecutor::new()).build(connector),
            uri,
            host,
            body: Bytes::from(crate::request_body()),
            signer,
        })
    }

    async fn call(&self) -> Result<(), BoxError> {
        let mut request = http::Request::post(self.uri.clone())
            .header(http::header::HOST, self.host.clone())
            .header(http::header::CONTENT_TYPE, CONTENT_TYPE)
            .header("x-amz-target", TARGET)
            .body(Full::new(self.body.clone()))?;
        if let Some(signer) = &self.signer {
            signer.sign(&mut request, &self.body, SystemTime::now())?;
        }
        let response = self.client.request(request).await?;
        let status = response.status();
        let body = response.into_body().collect().await?.to_bytes();
        if status != http::StatusCode::OK || body.is_empty() {
            return Err(format!("raw client: status {status}, {} body bytes", body.len()).into());
        }
        Ok(())
    }
}
