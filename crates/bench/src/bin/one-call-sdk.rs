//! One StopUserImportJob call with the official SDK (static credentials, endpoint URL, plain
//! HTTP connector, no aws-config): the anchor of `one-call-ingot`. `one-call-sdk ENDPOINT`
//! prints the job's status.

use aws_sdk_cognitoidentityprovider::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_cognitoidentityprovider::{Client, Config};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let endpoint = std::env::args()
        .nth(1)
        .ok_or("usage: one-call-sdk ENDPOINT")?;
    let config = Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-west-2"))
        .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "one-call"))
        .endpoint_url(endpoint)
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .build();
    let output = Client::from_conf(config)
        .stop_user_import_job()
        .user_pool_id("us-west-2_EXAMPLE")
        .job_id("import-mAgUtd8PMm")
        .send()
        .await?;
    let status = output.user_import_job.and_then(|job| job.status);
    println!("{status:?}");
    Ok(())
}
