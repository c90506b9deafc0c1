//! One StopUserImportJob call with Ingot's generated client: the program whose stripped size and
//! cold release build `cargo xtask bench` measures (it copies this file into a project of its
//! own). `one-call-ingot ENDPOINT` prints the job's status.

use cognitoidentityprovider_client::{config::Credentials, Client, Config};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let endpoint = std::env::args()
        .nth(1)
        .ok_or("usage: one-call-ingot ENDPOINT")?;
    let config = Config::builder()
        .region(cognitoidentityprovider_client::config::Region::new(
            "us-west-2",
        ))
        .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "one-call"))
        .endpoint_url(endpoint)
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
