//! The test model's endpoint rules through the generated client: a client context parameter set
//! with its typed setter adds the header the rules ask for, signed; a rules error stops the
//! call before sending.

use ingot_wire_traits_tests::{config, Reply, ScriptedServer};
use wire_traits_client::{config::ClientContextParams, error::SdkError, Client};

#[tokio::test]
async fn client_context_params_reach_the_rules_and_their_headers_are_sent() {
    let server = ScriptedServer::start(vec![Reply::ok(r#"{"name":"t1"}"#), Reply::ok("{}")]).await;
    let client = Client::from_conf(config(server.url()).shard("blue").build());
    client.get_thing().name("t1").send().await.unwrap();
    let plain = Client::from_conf(config(server.url()).build());
    plain.get_thing().name("t1").send().await.unwrap();
    let requests = server.requests();
    assert_eq!(requests[0].header("x-wire-shard"), Some("blue"));
    let auth = requests[0].header("authorization").expect("signed");
    assert!(auth.contains("x-wire-shard"), "{auth}");
    assert_eq!(requests[1].header("x-wire-shard"), None);
}

#[tokio::test]
async fn a_rules_error_stops_the_call_before_sending() {
    let server = ScriptedServer::start(vec![Reply::ok("{}")]).await;
    let client = Client::from_conf(config(server.url()).use_fips(true).build());
    match client.put_blob().data("x").send().await {
        Err(SdkError::ConstructionFailure(e)) => assert_eq!(
            e.to_string(),
            "Invalid Configuration: FIPS and custom endpoint are not supported"
        ),
        other => panic!("expected a construction failure, got {other:?}"),
    }
    assert!(server.requests().is_empty());
}
