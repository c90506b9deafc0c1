//! `@retryable` on the wire: a loopback server answers a modeled retryable error, then success.
//! Neither error's code nor status is one the standard strategy retries on its own (400 and 409),
//! so only the trait makes the client try again; an error without it is returned at once.

use ingot_wire_traits_tests::{client, config, Reply, ScriptedServer};
use wire_traits_client::operation::get_thing::GetThingError;
use wire_traits_client::{config::retry::RetryConfig, Client};

const FOUND: &str = r#"{"name":"thing"}"#;

#[tokio::test]
async fn throttling_error_is_retried_then_succeeds() {
    let server = ScriptedServer::start(vec![
        Reply::error(400, "CapacityExceeded", "slow down"),
        Reply::error(400, "CapacityExceeded", "slow down"),
        Reply::ok(FOUND),
    ])
    .await;
    let out = client(server.url())
        .get_thing()
        .name("thing")
        .send()
        .await
        .expect("third attempt succeeds");
    assert_eq!(out.name.as_deref(), Some("thing"));
    let attempts: Vec<_> = server
        .requests()
        .iter()
        .map(|r| r.header("amz-sdk-request").unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        attempts,
        ["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"]
    );
}

#[tokio::test]
async fn retryable_non_throttling_error_is_retried_then_succeeds() {
    let server = ScriptedServer::start(vec![
        Reply::error(409, "ThingBusy", "busy"),
        Reply::ok(FOUND),
    ])
    .await;
    client(server.url())
        .get_thing()
        .name("thing")
        .send()
        .await
        .expect("second attempt succeeds");
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn retryable_errors_stop_at_max_attempts_and_the_last_one_is_returned() {
    let server = ScriptedServer::start(vec![
        Reply::error(409, "ThingBusy", "first"),
        Reply::error(409, "ThingBusy", "second"),
        Reply::ok(FOUND),
    ])
    .await;
    let client = Client::from_conf(
        config(server.url())
            .retry_config(
                RetryConfig::standard()
                    .with_max_attempts(2)
                    .with_initial_backoff(std::time::Duration::from_millis(1)),
            )
            .build(),
    );
    let err = client.get_thing().name("thing").send().await.unwrap_err();
    let kind = err.as_service_error();
    assert!(
        matches!(kind, Some(GetThingError::ThingBusy(e)) if e.message() == Some("second")),
        "{kind:?}"
    );
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn modeled_errors_without_the_trait_are_not_retried() {
    let server = ScriptedServer::start(vec![
        Reply::error(404, "ThingNotFound", "no"),
        Reply::ok(FOUND),
    ])
    .await;
    let err = client(server.url())
        .get_thing()
        .name("thing")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(
        err.as_service_error(),
        Some(GetThingError::ThingNotFound(_))
    ));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn modeled_retries_spend_the_standard_retry_quota() {
    // The quota starts at 500 tokens and a (non-timeout) retry costs 5, throttling or not: with two
    // attempts per call, 100 failing calls retry once each and empty it; the next call is not
    // retried.
    let calls = 101;
    let script = (0..2 * calls)
        .map(|i| {
            // Calls alternate between a throttling and a non-throttling retryable error.
            if (i / 2) % 2 == 0 {
                Reply::error(400, "CapacityExceeded", "slow down")
            } else {
                Reply::error(409, "ThingBusy", "busy")
            }
        })
        .collect();
    let server = ScriptedServer::start(script).await;
    let client = Client::from_conf(
        config(server.url())
            .retry_config(
                RetryConfig::standard()
                    .with_max_attempts(2)
                    .with_initial_backoff(std::time::Duration::from_micros(10))
                    .with_max_backoff(std::time::Duration::from_micros(10)),
            )
            .build(),
    );
    for call in 0..calls {
        let err = client.get_thing().name("thing").send().await.unwrap_err();
        let expected_requests = if call < 100 { 2 * (call + 1) } else { 201 };
        assert_eq!(
            server.requests().len(),
            expected_requests,
            "call {call}: {err:?}"
        );
    }
}
