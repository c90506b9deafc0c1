//! `@endpoint(hostPrefix: "{name}-data.")` on the wire: the `@hostLabel` member is substituted
//! and the request goes to the prefixed host (resolved to loopback with `resolve_host`, as a
//! custom endpoint keeps the prefix in the AWS SDKs too); a bad label fails before sending;
//! `disable_host_prefix` leaves the host alone.

use std::net::{IpAddr, Ipv4Addr};

use ingot_wire_traits_tests::{config, Reply, ScriptedServer};
use wire_traits_client::{error::SdkError, Client};

const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// `http://things.test:<port>`: a name only the client's host overrides know.
fn endpoint(server: &ScriptedServer) -> (String, String) {
    let port = server.url().rsplit(':').next().expect("port").to_owned();
    (format!("http://things.test:{port}"), port)
}

#[tokio::test]
async fn the_label_is_substituted_and_the_request_goes_to_the_prefixed_host() {
    let server = ScriptedServer::start(vec![Reply::ok(r#"{"data":"x"}"#)]).await;
    let (url, port) = endpoint(&server);
    let client = Client::from_conf(
        config(&url)
            .resolve_host("thing-1-data.things.test", LOOPBACK)
            .build(),
    );
    let out = client
        .get_thing_data()
        .name("thing-1")
        .send()
        .await
        .unwrap();
    assert_eq!(out.data.as_deref(), Some("x"));
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].header("host"),
        Some(format!("thing-1-data.things.test:{port}").as_str())
    );
    // The prefixed host is what is signed.
    let auth = requests[0].header("authorization").expect("signed");
    assert!(
        auth.contains("SignedHeaders=") && auth.contains("host"),
        "{auth}"
    );
}

#[tokio::test]
async fn a_bad_label_fails_before_sending() {
    let server = ScriptedServer::start(vec![Reply::ok("{}")]).await;
    let (url, _) = endpoint(&server);
    let client = Client::from_conf(config(&url).build());
    for bad in ["two.labels", "-dash", "", "spa ce", "ünï"] {
        match client.get_thing_data().name(bad).send().await {
            Err(SdkError::ConstructionFailure(e)) => assert!(
                e.to_string().starts_with("invalid host label `name`"),
                "{bad:?}: {e}"
            ),
            other => panic!("{bad:?}: expected a construction failure, got {other:?}"),
        }
    }
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn disabling_host_prefixes_keeps_the_endpoint_host() {
    let server = ScriptedServer::start(vec![Reply::ok("{}")]).await;
    let client = Client::from_conf(config(server.url()).disable_host_prefix(true).build());
    client
        .get_thing_data()
        .name("thing-1")
        .send()
        .await
        .unwrap();
    let host = server.requests()[0].header("host").map(str::to_owned);
    assert_eq!(host.as_deref(), server.url().strip_prefix("http://"));
}

#[tokio::test]
async fn operations_without_a_prefix_use_the_endpoint_host() {
    let server = ScriptedServer::start(vec![Reply::ok("{}")]).await;
    let (url, port) = endpoint(&server);
    let client = Client::from_conf(config(&url).resolve_host("things.test", LOOPBACK).build());
    client.get_thing().name("thing-1").send().await.unwrap();
    assert_eq!(
        server.requests()[0].header("host"),
        Some(format!("things.test:{port}").as_str())
    );
}
