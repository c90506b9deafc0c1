//! `@awsQueryCompatible` on the wire, both directions: the generated server answers modeled errors
//! with `x-amzn-query-error: <Code>;<Fault>`, and the generated client reports that code as
//! `code()` (and the fault as `extra("type")`) while still matching the modeled error by `__type`,
//! as the AWS SDK for Rust does. Requests carry `x-amzn-query-mode: true`.

// These tests check that unknown or unreadable errors land in the `Unhandled` variant,
// which the SDK (and so the generated client) deprecates matching on.
#![allow(deprecated)]

use ingot_wire_traits_tests::{client, post, serve, Reply, ScriptedServer};
use wire_traits_client::error::ProvideErrorMetadata;
use wire_traits_client::operation::get_thing::GetThingError as ClientGetThingError;
use wire_traits_server::operation::get_thing::{GetThingError, GetThingOutput};
use wire_traits_server::types::error::{InternalProblem, ThingNotFound};
use wire_traits_server::ServiceBuilder;

/// A server whose GetThing knows only the thing `known`, fails with a server error for `broken`,
/// and answers `ThingNotFound` otherwise.
fn service() -> ingot_server_rt::AwsJsonService {
    ServiceBuilder::new()
        .get_thing(|input, _| async move {
            match input.name().unwrap_or_default() {
                "known" => Ok(GetThingOutput::builder().set_name(input.name).build()),
                "broken" => Err(GetThingError::from(
                    InternalProblem::builder().message("disk on fire").build(),
                )),
                _ => Err(GetThingError::from(
                    ThingNotFound::builder().message("no such thing").build(),
                )),
            }
        })
        .build_allowing_unimplemented()
}

#[tokio::test]
async fn server_sends_the_query_error_header_with_the_awsqueryerror_code_or_the_shape_name() {
    let (url, _stop) = serve(service()).await;

    let (status, headers, body) =
        post(&url, "GetThing", &[], br#"{"name":"missing"}"#.to_vec()).await;
    assert_eq!(status, 404);
    assert_eq!(
        headers["x-amzn-query-error"], "AWS.WireTraits.NoSuchThing;Sender",
        "the @awsQueryError code and the client fault"
    );
    assert_eq!(headers["x-amzn-errortype"], "ThingNotFound");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["__type"], "ingot.wiretraits#ThingNotFound");
    assert_eq!(json["message"], "no such thing");

    // No @awsQueryError: the shape name; a server error is the Receiver's fault.
    let (status, headers, _) = post(&url, "GetThing", &[], br#"{"name":"broken"}"#.to_vec()).await;
    assert_eq!(status, 500);
    assert_eq!(headers["x-amzn-query-error"], "InternalProblem;Receiver");

    // Success and protocol-level errors carry no query error.
    let (status, headers, _) = post(&url, "GetThing", &[], br#"{"name":"known"}"#.to_vec()).await;
    assert_eq!(status, 200);
    assert!(headers.get("x-amzn-query-error").is_none());
    let (status, headers, _) = post(&url, "GetThing", &[], b"{".to_vec()).await;
    assert_eq!(status, 400);
    assert!(headers.get("x-amzn-query-error").is_none());
}

#[tokio::test]
async fn generated_client_reads_the_generated_servers_query_error() {
    let (url, _stop) = serve(service()).await;
    let client = client(&url);

    let err = client
        .get_thing()
        .name("missing")
        .send()
        .await
        .expect_err("ThingNotFound");
    let service_err = err.as_service_error().expect("a service error");
    assert!(
        matches!(service_err, ClientGetThingError::ThingNotFound(e) if e.message() == Some("no such thing")),
        "{service_err:?}"
    );
    assert_eq!(err.code(), Some("AWS.WireTraits.NoSuchThing"));
    assert_eq!(err.meta().shape_name(), Some("ThingNotFound"));
    assert_eq!(err.meta().extra("type"), Some("Sender"));
    assert_eq!(err.message(), Some("no such thing"));

    let err = client.get_thing().name("broken").send().await.unwrap_err();
    assert!(matches!(
        err.as_service_error(),
        Some(ClientGetThingError::InternalProblem(_))
    ));
    assert_eq!(err.code(), Some("InternalProblem"));
    assert_eq!(err.meta().extra("type"), Some("Receiver"));
}

#[tokio::test]
async fn client_sends_query_mode_and_matches_by_type_whatever_the_header_says() {
    // As the official protocol test QueryCompatibleAwsJson10CustomCodeError: the header carries a
    // custom code, `__type` the shape; then the same error without the header.
    let server = ScriptedServer::start(vec![
        Reply::error(400, "ThingNotFound", "Hi").header("x-amzn-query-error", "Customized;Sender"),
        Reply::error(400, "ThingNotFound", "Hi"),
        Reply::error(400, "SomethingElse", "Hi").header("x-amzn-query-error", "AWS.Other;Sender"),
    ])
    .await;
    let client = client(server.url());

    let err = client.get_thing().name("a").send().await.unwrap_err();
    assert!(matches!(
        err.as_service_error(),
        Some(ClientGetThingError::ThingNotFound(_))
    ));
    assert_eq!(err.code(), Some("Customized"));
    assert_eq!(err.meta().extra("type"), Some("Sender"));

    let err = client.get_thing().name("a").send().await.unwrap_err();
    assert!(matches!(
        err.as_service_error(),
        Some(ClientGetThingError::ThingNotFound(_))
    ));
    assert_eq!(err.code(), Some("ThingNotFound"));
    assert_eq!(err.meta().extra("type"), None);

    let err = client.get_thing().name("a").send().await.unwrap_err();
    assert!(matches!(
        err.as_service_error(),
        Some(ClientGetThingError::Unhandled(_))
    ));
    assert_eq!(err.code(), Some("AWS.Other"));

    let requests = server.requests();
    assert_eq!(requests.len(), 3, "client errors are not retried");
    for r in &requests {
        assert_eq!(r.header("x-amzn-query-mode"), Some("true"));
        let signed = r.header("authorization").expect("signed");
        assert!(
            signed.contains("x-amzn-query-mode"),
            "the header is signed: {signed}"
        );
    }
}
