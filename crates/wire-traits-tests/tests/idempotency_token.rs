//! `@idempotencyToken` on the wire: an unset token is filled with a fresh UUID v4 in the JSON
//! body, a token the caller set is sent as given, and the generated server receives it.

use ingot_wire_traits_tests::{client, serve, Reply, ScriptedServer};
use wire_traits_server::operation::create_thing::CreateThingOutput;
use wire_traits_server::ServiceBuilder;

fn body_token(body: &[u8]) -> Option<String> {
    let json: serde_json::Value = serde_json::from_slice(body).expect("JSON body");
    json["clientToken"].as_str().map(str::to_owned)
}

#[tokio::test]
async fn unset_token_is_a_fresh_uuid_v4_and_a_given_one_is_kept() {
    let server =
        ScriptedServer::start(vec![Reply::ok("{}"), Reply::ok("{}"), Reply::ok("{}")]).await;
    let client = client(server.url());
    client.create_thing().name("a").send().await.unwrap();
    client.create_thing().name("a").send().await.unwrap();
    client
        .create_thing()
        .name("a")
        .client_token("my-own-token")
        .send()
        .await
        .unwrap();

    let tokens: Vec<String> = server
        .requests()
        .iter()
        .map(|r| body_token(&r.body).expect("clientToken in the body"))
        .collect();
    for token in &tokens[..2] {
        let uuid = uuid::Uuid::parse_str(token).expect("a UUID");
        assert_eq!(uuid.get_version_num(), 4, "{token}");
        assert_eq!(token.len(), 36, "hyphenated form: {token}");
        assert_eq!(*token, token.to_lowercase());
    }
    assert_ne!(tokens[0], tokens[1], "each call gets its own token");
    assert_eq!(tokens[2], "my-own-token");
}

#[tokio::test]
async fn the_generated_server_receives_the_token() {
    let service = ServiceBuilder::new()
        .create_thing(|input, _| async move {
            Ok(CreateThingOutput::builder()
                .set_client_token(input.client_token)
                .build())
        })
        .build_allowing_unimplemented();
    let (url, _stop) = serve(service).await;
    let client = client(&url);
    let out = client.create_thing().name("a").send().await.unwrap();
    let token = out.client_token.expect("the server saw a token");
    assert_eq!(uuid::Uuid::parse_str(&token).unwrap().get_version_num(), 4);
    let out = client
        .create_thing()
        .name("a")
        .client_token("kept")
        .send()
        .await
        .unwrap();
    assert_eq!(out.client_token.as_deref(), Some("kept"));
}
