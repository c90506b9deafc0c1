//! `serve()` over a real loopback listener: keep-alive, panic recovery, graceful shutdown and the
//! header-read timeout. Every wait is bounded.

mod common;

use std::time::Duration;

use common::cognito_like;
use common::wire::{header, raw_request, read_response, start};
use ingot_server_rt::{serve, ServeConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(10);

#[tokio::test]
async fn keep_alive_connection_survives_a_panicking_handler() {
    let server = start(ServeConfig::default()).await;
    timeout(LIMIT, async {
        let mut conn = BufReader::new(TcpStream::connect(server.addr).await.expect("connect"));
        conn.get_mut()
            .write_all(raw_request("Panic", "{}").as_bytes())
            .await
            .expect("write");
        let (status, headers, body) = read_response(&mut conn).await;
        assert_eq!(status, 500);
        assert_eq!(
            header(&headers, "x-amzn-errortype"),
            Some("InternalFailure")
        );
        assert!(body.contains("\"__type\":\"InternalFailure\""), "{body}");

        // Same connection, next request.
        conn.get_mut()
            .write_all(raw_request("Echo", r#"{"x":1}"#).as_bytes())
            .await
            .expect("write");
        let (status, headers, body) = read_response(&mut conn).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(
            header(&headers, "content-type"),
            Some("application/x-amz-json-1.1")
        );
        assert!(header(&headers, "x-amzn-requestid").is_some());
        assert!(body.contains("\"x\":1"), "{body}");
    })
    .await
    .expect("bounded");
    let _ = server.stop.send(());
    timeout(LIMIT, server.task)
        .await
        .expect("stops")
        .expect("join")
        .expect("serve ok");
}

#[tokio::test]
async fn graceful_shutdown_finishes_in_flight_requests_and_stops_accepting() {
    let server = start(ServeConfig::default()).await;
    let addr = server.addr;
    timeout(LIMIT, async move {
        let mut conn = BufReader::new(TcpStream::connect(addr).await.expect("connect"));
        conn.get_mut()
            .write_all(raw_request("Slow", "{}").as_bytes())
            .await
            .expect("write");
        // Let the request reach the handler, then ask the server to stop.
        tokio::time::sleep(Duration::from_millis(100)).await;
        server.stop.send(()).expect("server running");
        let (status, _, body) = read_response(&mut conn).await;
        assert_eq!(status, 200);
        assert_eq!(body, r#"{"done":true}"#);
        server.task.await.expect("join").expect("serve ok");
        assert!(
            TcpStream::connect(addr).await.is_err(),
            "listener closed after shutdown"
        );
    })
    .await
    .expect("bounded");
}

#[tokio::test]
async fn slow_client_is_cut_off_by_header_read_timeout() {
    let config = ServeConfig::default().header_read_timeout(Duration::from_millis(200));
    let server = start(config).await;
    let started = tokio::time::Instant::now();
    timeout(Duration::from_secs(3), async {
        let mut conn = TcpStream::connect(server.addr).await.expect("connect");
        conn.write_all(b"POST / HTTP/1.1\r\nHost: localhost\r\n")
            .await
            .expect("write");
        // The server closes the connection (possibly after a 408); read until it does.
        let mut sink = Vec::new();
        let _ = conn.read_to_end(&mut sink).await;
        let text = String::from_utf8_lossy(&sink);
        assert!(
            sink.is_empty() || text.starts_with("HTTP/1.1 408"),
            "{text}"
        );
    })
    .await
    .expect("connection closed well before the 10 s default timeout");
    assert!(started.elapsed() >= Duration::from_millis(200));
    let _ = server.stop.send(());
    timeout(LIMIT, server.task)
        .await
        .expect("stops")
        .expect("join")
        .expect("serve ok");
}

#[tokio::test]
async fn serve_with_defaults_answers_and_stops() {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("addr");
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(serve(listener, cognito_like(), async {
        let _ = stopped.await;
    }));
    timeout(LIMIT, async {
        let mut conn = BufReader::new(TcpStream::connect(addr).await.expect("connect"));
        conn.get_mut()
            .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n")
            .await
            .expect("write");
        let (status, headers, _) = read_response(&mut conn).await;
        assert_eq!(status, 405);
        assert_eq!(header(&headers, "allow"), Some("POST"));
    })
    .await
    .expect("bounded");
    stop.send(()).expect("server running");
    timeout(LIMIT, task)
        .await
        .expect("stops")
        .expect("join")
        .expect("serve ok");
}
