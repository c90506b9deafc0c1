//! The `native-roots` feature: the platform's certificate store is trusted. The store is pointed at
//! a test CA with `SSL_CERT_FILE` (honoured by `rustls-native-certs` on every platform), so the
//! test does not depend on the machine's own store. Its own test binary, since it sets a process
//! environment variable.
#![cfg(feature = "native-roots")]

mod support;

use std::time::Duration;

use ingot_client_rt::__private::Client;
use ingot_client_rt::{Config, Credentials, RetryConfig, TlsConfig};
use support::pki::test_pki;
use support::{Reply, ScriptedServer, COGNITO};

#[tokio::test]
async fn the_platform_store_is_trusted_when_asked_for() {
    let pki = test_pki();
    let dir = std::env::temp_dir().join(format!("ingot-native-roots-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bundle = dir.join("ca.pem");
    std::fs::write(&bundle, &pki.ca_pem).expect("write CA bundle");
    std::env::set_var("SSL_CERT_FILE", &bundle);
    std::env::remove_var("SSL_CERT_DIR");

    let server =
        ScriptedServer::start_tls(vec![Reply::ok("{}"), Reply::ok("{}")], pki.server).await;
    let config = |tls: TlsConfig| {
        Config::builder()
            .region(ingot_client_rt::Region::new("us-west-2"))
            .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "test"))
            .endpoint_url(server.url_https())
            .retry_config(RetryConfig::disabled())
            .tls_config(tls)
            .build()
    };
    let call = |client: Client| async move {
        tokio::time::timeout(
            Duration::from_secs(10),
            client.invoke("ListUserPools", b"{}".to_vec()),
        )
        .await
        .expect("the call ended within 10 s")
    };

    let native_only = TlsConfig::new().webpki_roots(false).native_roots(true);
    call(Client::new(&COGNITO, config(native_only)))
        .await
        .expect("the CA from the platform store is trusted");

    // Without the platform store the same server is refused.
    let err = call(Client::new(&COGNITO, config(TlsConfig::new())))
        .await
        .expect_err("the test CA is not a compiled-in root");
    assert!(
        matches!(&err, ingot_client_rt::__private::InvokeError::Dispatch(d) if d.is_certificate_refused()),
        "{err:?}"
    );
    assert_eq!(server.requests().len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}
