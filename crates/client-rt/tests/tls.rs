//! The client over real TLS on loopback: a handshake with a server whose certificate comes from a
//! test CA (made with rcgen), a signed call over it, a refused unknown CA, and the connect timeout
//! covering a handshake that never completes.

mod support;

use std::error::Error;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ingot_client_rt::__private::{Client, InvokeError};
use ingot_client_rt::{
    Config, ConfigBuilder, Credentials, RetryConfig, TimeoutConfig, TimeoutError, TimeoutKind,
    TlsConfig,
};
use support::pki::test_pki;
use support::{recompute_signature, Reply, ScriptedServer, COGNITO};
use tokio::net::TcpListener;

const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

fn config_for(url: String) -> ConfigBuilder {
    Config::builder()
        .region(ingot_client_rt::Region::new("us-west-2"))
        .credentials_provider(Credentials::new("AKIDEXAMPLE", SECRET, None, None, "test"))
        .endpoint_url(url)
        .retry_config(
            RetryConfig::standard()
                .with_initial_backoff(Duration::from_millis(5))
                .with_max_backoff(Duration::from_millis(20)),
        )
}

/// Calls `ListUserPools`, failing the test instead of hanging if no limit ends the call.
async fn call_expecting_failure(client: &Client) -> InvokeError {
    tokio::time::timeout(
        Duration::from_secs(10),
        client.invoke("ListUserPools", b"{}".to_vec()),
    )
    .await
    .expect("the call ended within 10 s")
    .expect_err("the call fails")
}

/// `error` and its sources, joined the way error reporters print them.
fn chain(error: &dyn Error) -> String {
    let mut text = error.to_string();
    let mut next = error.source();
    while let Some(e) = next {
        text.push_str(": ");
        text.push_str(&e.to_string());
        next = e.source();
    }
    text
}

#[tokio::test]
async fn signed_call_over_https_trusting_an_added_pem_ca() {
    let pki = test_pki();
    let server =
        ScriptedServer::start_tls(vec![Reply::ok(r#"{"UserPools":[]}"#)], pki.server).await;
    let tls = TlsConfig::new()
        .add_root_certificates_pem(pki.ca_pem.as_bytes())
        .expect("CA certificate");
    assert_eq!(tls.extra_root_count(), 1);
    let client = Client::new(
        &COGNITO,
        config_for(server.url_https()).tls_config(tls).build(),
    );

    let response = client
        .invoke("ListUserPools", br#"{"MaxResults":10}"#.to_vec())
        .await
        .expect("the call succeeds over TLS");
    assert_eq!(response.status, 200);
    assert_eq!(&response.body[..], br#"{"UserPools":[]}"#);

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let (expected, sent) = recompute_signature(&requests[0], SECRET, "us-west-2", "cognito-idp");
    assert_eq!(sent, expected, "the signature verifies on the TLS server");
    assert_eq!(requests[0].body.as_ref(), br#"{"MaxResults":10}"#);
}

#[tokio::test]
async fn only_an_added_der_ca_can_replace_the_compiled_in_roots() {
    let pki = test_pki();
    let server = ScriptedServer::start_tls(vec![Reply::ok("{}")], pki.server).await;
    let tls = TlsConfig::new()
        .webpki_roots(false)
        .add_root_certificate_der(pki.ca_der.to_vec())
        .expect("CA certificate");
    let client = Client::new(
        &COGNITO,
        config_for(server.url_https()).tls_config(tls).build(),
    );
    client
        .invoke("ListUserPools", b"{}".to_vec())
        .await
        .expect("the call succeeds with only the test CA trusted");

    // With no roots at all, calls fail before connecting, saying why.
    let client = Client::new(
        &COGNITO,
        config_for(server.url_https())
            .tls_config(TlsConfig::new().webpki_roots(false))
            .build(),
    );
    let err = client
        .invoke("ListUserPools", b"{}".to_vec())
        .await
        .unwrap_err();
    let InvokeError::Construction(failure) = err else {
        panic!("expected a construction failure, got {err:?}");
    };
    assert!(
        failure
            .to_string()
            .starts_with("no trusted root certificates"),
        "{failure}"
    );
    assert_eq!(server.connections(), 1);
}

#[tokio::test]
async fn certificate_from_an_unknown_ca_is_refused_and_not_retried() {
    let pki = test_pki();
    let server = ScriptedServer::start_tls(vec![Reply::ok("{}")], pki.server).await;
    // Default roots: the test CA is not among them.
    let client = Client::new(&COGNITO, config_for(server.url_https()).build());
    let err = client
        .invoke("ListUserPools", b"{}".to_vec())
        .await
        .unwrap_err();
    let text = chain(&err);
    let InvokeError::Dispatch(dispatch) = &err else {
        panic!("expected a dispatch failure, got {err:?}");
    };
    assert!(dispatch.is_connect() && dispatch.is_certificate_refused());
    assert!(dispatch.is_other() && !dispatch.is_io());
    assert!(!dispatch.is_timeout());
    assert_eq!(
        err.to_string(),
        "failed to connect: the server's TLS certificate was refused"
    );
    assert!(
        text.contains("invalid peer certificate: UnknownIssuer"),
        "the cause names the problem: {text}"
    );
    assert!(server.requests().is_empty());
    // Three attempts are allowed, but a refused certificate is not retried.
    assert_eq!(server.connections(), 1);
}

/// A TCP listener that accepts connections and never says a word: every TLS handshake hangs.
async fn silent_listener() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("https://{}", listener.local_addr().expect("addr"));
    let accepted = Arc::new(AtomicUsize::new(0));
    let count = accepted.clone();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            count.fetch_add(1, Ordering::SeqCst);
            held.push(stream);
        }
    });
    (url, accepted)
}

fn assert_connect_timeout(err: &InvokeError, limit: Duration) {
    let InvokeError::Dispatch(dispatch) = err else {
        panic!("expected a dispatch failure, got {err:?}");
    };
    assert!(dispatch.is_connect() && dispatch.is_timeout(), "{err:?}");
    assert_eq!(err.to_string(), "failed to connect: timed out");
    let timeout = dispatch
        .source()
        .and_then(|s| s.downcast_ref::<TimeoutError>())
        .expect("the source is the client's TimeoutError");
    assert_eq!(timeout.kind(), TimeoutKind::Connect);
    assert_eq!(timeout.duration(), limit);
    assert_eq!(
        timeout.to_string(),
        format!("connect timeout of {limit:?} elapsed")
    );
}

#[tokio::test]
async fn hung_tls_handshake_hits_the_connect_timeout_and_is_retried() {
    let (url, accepted) = silent_listener().await;
    let limit = Duration::from_millis(300);
    let config = config_for(url)
        .retry_config(
            RetryConfig::standard()
                .with_max_attempts(2)
                .with_initial_backoff(Duration::from_millis(5))
                .with_max_backoff(Duration::from_millis(20)),
        )
        .timeout_config(TimeoutConfig::builder().connect_timeout(limit).build())
        .build();
    let client = Client::new(&COGNITO, config);
    let started = Instant::now();
    let err = call_expecting_failure(&client).await;
    let elapsed = started.elapsed();
    assert_connect_timeout(&err, limit);
    // TCP connected each time; the handshake is what hung, once per attempt.
    assert_eq!(accepted.load(Ordering::SeqCst), 2);
    assert!(
        elapsed >= 2 * limit && elapsed < 2 * limit + Duration::from_secs(2),
        "{elapsed:?}"
    );
}

#[tokio::test]
async fn tcp_connect_timeout_is_the_same_error_as_a_hung_handshake() {
    // A listener with a full accept queue drops new SYNs, so connecting to it hangs in TCP.
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket.bind("127.0.0.1:0".parse().unwrap()).expect("bind");
    let addr = socket.local_addr().expect("addr");
    let listener = socket.listen(1).expect("listen");
    let mut fillers = Vec::new();
    loop {
        match tokio::time::timeout(
            Duration::from_millis(200),
            tokio::net::TcpStream::connect(addr),
        )
        .await
        {
            Ok(Ok(stream)) => fillers.push(stream),
            Ok(Err(e)) => panic!("filler connection failed: {e}"),
            Err(_elapsed) => break, // the queue is full: connecting now hangs
        }
        assert!(fillers.len() < 64, "the accept queue never filled");
    }
    let limit = Duration::from_millis(300);
    let config = config_for(format!("https://{addr}"))
        .retry_config(RetryConfig::disabled())
        .timeout_config(TimeoutConfig::builder().connect_timeout(limit).build())
        .build();
    let client = Client::new(&COGNITO, config);
    let started = Instant::now();
    let err = call_expecting_failure(&client).await;
    let elapsed = started.elapsed();
    assert_connect_timeout(&err, limit);
    assert!(
        elapsed >= limit && elapsed < limit + Duration::from_secs(2),
        "{elapsed:?}"
    );
    drop((listener, fillers));
}
