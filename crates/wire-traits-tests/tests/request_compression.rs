//! `@requestCompression` on the wire, both directions: the generated client gzips `PutBlob`
//! bodies at or over the threshold, sets `Content-Encoding: gzip` and signs the compressed bytes;
//! the generated server (verifying SigV4) decompresses them, holds the decompressed body to its
//! limit and answers bad encodings AWS-style.

use std::io::{Read as _, Write as _};

use flate2::write::GzEncoder;
use flate2::Compression;
use ingot_server_rt::SigV4Verifier;
use ingot_wire_traits_tests::{
    client, config, post, serve, Captured, Reply, ScriptedServer, AKID, SECRET,
};
use wire_traits_client::{config::Builder as ConfigBuilder, config::Credentials, Client};
use wire_traits_server::operation::put_blob::PutBlobOutput;
use wire_traits_server::ServiceBuilder;

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn gunzip(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(data)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}

/// The `data` member of a request, decompressing when the request says it is gzip.
fn sent_data(request: &Captured) -> String {
    let body = match request.header("content-encoding") {
        Some("gzip") => gunzip(&request.body),
        None => request.body.to_vec(),
        Some(other) => panic!("unexpected content-encoding {other}"),
    };
    let json: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    json["data"].as_str().expect("data").to_owned()
}

/// A server whose PutBlob answers the length of the data it got, verifying signatures.
fn service(body_limit: usize) -> ingot_server_rt::AwsJsonService {
    ServiceBuilder::new()
        .put_blob(|input, ctx| async move {
            assert_eq!(ctx.access_key_id.as_deref(), Some(AKID));
            Ok(PutBlobOutput::builder()
                .length(input.data().unwrap_or_default().len() as i64)
                .build()
                .expect("length is set"))
        })
        .get_thing(|input, _| async move {
            Ok(
                wire_traits_server::operation::get_thing::GetThingOutput::builder()
                    .set_name(input.name)
                    .build(),
            )
        })
        .body_limit(body_limit)
        .sigv4(SigV4Verifier::new([(AKID, SECRET)]))
        .build_allowing_unimplemented()
}

const OK: &str = r#"{"length":0}"#;

#[tokio::test]
async fn bodies_at_or_over_the_default_threshold_are_gzipped_and_signed_compressed() {
    let server = ScriptedServer::start(vec![Reply::ok(OK), Reply::ok(OK)]).await;
    let client = client(server.url());
    // The JSON body is `{"data":"..."}`: 11 bytes of framing.
    let at = "a".repeat(10_240 - 11);
    let under = "a".repeat(10_240 - 12);
    client.put_blob().data(at.clone()).send().await.unwrap();
    client.put_blob().data(under.clone()).send().await.unwrap();

    let requests = server.requests();
    let (big, small) = (&requests[0], &requests[1]);
    assert_eq!(big.header("content-encoding"), Some("gzip"));
    assert_eq!(
        big.header("content-length"),
        Some(big.body.len().to_string().as_str()),
        "content-length is the compressed size"
    );
    assert!(big.body.len() < 200, "10 KiB of 'a' compresses well");
    assert_eq!(sent_data(big), at);
    let auth = big.header("authorization").unwrap();
    assert!(auth.contains("content-encoding"), "signed: {auth}");
    assert_eq!(small.header("content-encoding"), None);
    assert_eq!(small.body.len(), 10_239);
    assert_eq!(sent_data(small), under);
}

#[tokio::test]
async fn threshold_and_switch_are_configurable_and_other_operations_never_compress() {
    let server = ScriptedServer::start(vec![
        Reply::ok(OK),
        Reply::ok(OK),
        Reply::ok(OK),
        Reply::ok(r#"{}"#),
    ])
    .await;
    let tiny = Client::from_conf(
        config(server.url())
            .request_min_compression_size_bytes(0)
            .build(),
    );
    tiny.put_blob().data("x").send().await.unwrap();
    let off = Client::from_conf(
        config(server.url())
            .disable_request_compression(true)
            .build(),
    );
    off.put_blob()
        .data("x".repeat(20_000))
        .send()
        .await
        .unwrap();
    // The environment variables of the AWS SDKs.
    let env = ConfigBuilder::from_env_with(|name| match name {
        "AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES" => Some("16".to_owned()),
        _ => None,
    })
    .region(wire_traits_client::config::Region::new("us-west-2"))
    .endpoint_url(server.url())
    .credentials_provider(Credentials::new(AKID, SECRET, None, None, "test"))
    .build();
    Client::from_conf(env)
        .put_blob()
        .data("0123456789")
        .send()
        .await
        .unwrap();
    // GetThing has no @requestCompression, so even a compressing config leaves it alone.
    tiny.get_thing().name("x".repeat(64)).send().await.unwrap();

    let encodings: Vec<_> = server
        .requests()
        .iter()
        .map(|r| r.header("content-encoding").map(str::to_owned))
        .collect();
    assert_eq!(
        encodings,
        [Some("gzip".to_owned()), None, Some("gzip".to_owned()), None]
    );
    assert_eq!(sent_data(&server.requests()[0]), "x");
}

#[tokio::test]
async fn out_of_range_threshold_fails_before_sending() {
    let server = ScriptedServer::start(vec![]).await;
    let client = Client::from_conf(
        config(server.url())
            .request_min_compression_size_bytes(10_485_761)
            .build(),
    );
    let err = client.put_blob().data("x").send().await.unwrap_err();
    assert!(
        matches!(
            err,
            wire_traits_client::error::SdkError::ConstructionFailure(_)
        ),
        "{err:?}"
    );
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn generated_client_and_server_round_trip_compressed_bodies_with_sigv4() {
    let (url, _stop) = serve(service(1024 * 1024)).await;
    let client = client(&url);
    for len in [0, 100, 10_229, 10_230, 500_000] {
        let out = client
            .put_blob()
            .data("é".repeat(len / 2))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{len}: {e:?}"));
        assert_eq!(out.length, (len / 2 * 2) as i64, "{len}");
    }
}

#[tokio::test]
async fn server_decodes_gzip_and_rejects_bad_encodings_aws_style() {
    let limit = 4096;
    // Unsigned raw requests: this server verifies nothing.
    let service = ServiceBuilder::new()
        .put_blob(|input, _| async move {
            Ok(PutBlobOutput::builder()
                .length(input.data().unwrap_or_default().len() as i64)
                .build()
                .expect("length is set"))
        })
        .body_limit(limit)
        .build_allowing_unimplemented();
    let (url, _stop) = serve(service).await;
    let gz = [("content-encoding", "gzip")];

    let (status, _, body) = post(&url, "PutBlob", &gz, gzip(br#"{"data":"hello"}"#)).await;
    assert_eq!((status, body.as_str()), (200, r#"{"length":5}"#));
    // Uncompressed bodies are still accepted.
    let (status, _, _) = post(&url, "PutBlob", &[], br#"{"data":"hello"}"#.to_vec()).await;
    assert_eq!(status, 200);

    let (status, headers, body) = post(&url, "PutBlob", &gz, br#"{"data":"hello"}"#.to_vec()).await;
    assert_eq!(status, 400);
    assert_eq!(headers["x-amzn-errortype"], "SerializationException");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        json["__type"],
        "com.amazon.coral.service#SerializationException"
    );
    assert!(
        json["message"]
            .as_str()
            .unwrap()
            .starts_with("The request body is not valid gzip data"),
        "{body}"
    );

    // A small gzip of a body over the limit: the decompressed size counts.
    let bomb = format!(r#"{{"data":"{}"}}"#, "a".repeat(limit));
    let compressed = gzip(bomb.as_bytes());
    assert!(compressed.len() < limit);
    let (status, headers, _) = post(&url, "PutBlob", &gz, compressed).await;
    assert_eq!(status, 413);
    assert_eq!(
        headers["x-amzn-errortype"],
        "RequestEntityTooLargeException"
    );

    let (status, headers, body) = post(
        &url,
        "PutBlob",
        &[("content-encoding", "br")],
        b"{}".to_vec(),
    )
    .await;
    assert_eq!(status, 415);
    assert_eq!(headers["x-amzn-errortype"], "UnsupportedMediaTypeException");
    assert!(
        body.contains("Content-Encoding 'br' is not supported"),
        "{body}"
    );
}
