//! `serve_with_config`'s limits against misbehaving clients over real loopback connections: a
//! slow-loris head, a body that stops, idle keep-alive, oversized headers, more connections
//! than allowed, and shutdown with a stalled client. In each, other clients are served and no
//! in-flight request is lost. Timeouts are configured in hundreds of milliseconds so the whole
//! file runs in a few seconds; every wait is bounded.

mod common;

use std::time::Duration;

use common::wire::{header, raw_head, raw_request, read_response, read_until_closed, start};
use ingot_server_rt::ServeConfig;
use tokio::io::{AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::time::{timeout, Instant};

/// Bound on any single wait in these tests.
const LIMIT: Duration = Duration::from_secs(5);
const SHORT: Duration = Duration::from_millis(300);

/// Every timeout long, so a test shortens only the one it is about.
fn relaxed() -> ServeConfig {
    ServeConfig::default()
        .header_read_timeout(LIMIT)
        .body_read_timeout(LIMIT)
        .idle_timeout(LIMIT)
        .shutdown_grace(LIMIT)
}

async fn connect(addr: std::net::SocketAddr) -> BufReader<TcpStream> {
    BufReader::new(TcpStream::connect(addr).await.expect("connect"))
}

/// Sends `Slow` on a new connection; the returned task yields its answer.
fn slow_call(addr: std::net::SocketAddr) -> tokio::task::JoinHandle<(u16, String)> {
    tokio::spawn(async move {
        let mut conn = connect(addr).await;
        conn.get_mut()
            .write_all(raw_request("Slow", "{}").as_bytes())
            .await
            .expect("write");
        let (status, _, body) = read_response(&mut conn).await;
        (status, body)
    })
}

/// One `Echo` round trip on a new connection.
async fn echo(addr: std::net::SocketAddr) -> u16 {
    let mut conn = connect(addr).await;
    conn.get_mut()
        .write_all(raw_request("Echo", r#"{"x":1}"#).as_bytes())
        .await
        .expect("write");
    read_response(&mut conn).await.0
}

#[tokio::test]
async fn slow_loris_is_disconnected_while_others_are_served() {
    let server = start(relaxed().header_read_timeout(SHORT)).await;
    let addr = server.addr;
    timeout(LIMIT, async {
        let in_flight = slow_call(addr);
        let started = Instant::now();
        let mut loris = TcpStream::connect(addr).await.expect("connect");
        // One header line every 50 ms, never the blank line that ends the head.
        let trickle = async {
            loris
                .write_all(b"POST / HTTP/1.1\r\n")
                .await
                .expect("write");
            for i in 0.. {
                tokio::time::sleep(Duration::from_millis(50)).await;
                if loris
                    .write_all(format!("X-Trickle-{i}: y\r\n").as_bytes())
                    .await
                    .is_err()
                {
                    break;
                }
            }
            read_until_closed(&mut loris).await
        };
        let (answer, others) =
            tokio::join!(trickle, async { [echo(addr).await, echo(addr).await] });
        let elapsed = started.elapsed();
        let text = String::from_utf8_lossy(&answer);
        assert!(
            answer.is_empty() || text.starts_with("HTTP/1.1 408"),
            "{text}"
        );
        assert!(elapsed >= SHORT, "cut off after {elapsed:?}");
        assert!(elapsed < SHORT * 4, "cut off only after {elapsed:?}");
        assert_eq!(others, [200, 200], "other clients are served meanwhile");
        assert_eq!(
            in_flight.await.expect("join"),
            (200, r#"{"done":true}"#.to_owned())
        );
        // The server still serves new clients afterwards.
        assert_eq!(echo(addr).await, 200);
    })
    .await
    .expect("bounded");
    server.stop().await;
}

#[tokio::test]
async fn stalled_body_is_answered_408_and_closed_while_others_are_served() {
    let server = start(relaxed().body_read_timeout(SHORT)).await;
    let addr = server.addr;
    timeout(LIMIT, async {
        let in_flight = slow_call(addr);
        let mut stalled = connect(addr).await;
        let started = Instant::now();
        // 10 of the 100 declared bytes, then nothing.
        stalled
            .get_mut()
            .write_all(format!("{}{{\"x\":\"1234", raw_head("Echo", 100)).as_bytes())
            .await
            .expect("write");
        let (answer, other) = tokio::join!(read_response(&mut stalled), echo(addr));
        let elapsed = started.elapsed();
        let (status, headers, body) = answer;
        assert_eq!(status, 408, "{body}");
        assert_eq!(
            header(&headers, "x-amzn-errortype"),
            Some("RequestTimeoutException")
        );
        assert_eq!(
            header(&headers, "content-type"),
            Some("application/x-amz-json-1.1")
        );
        assert!(header(&headers, "x-amzn-requestid").is_some());
        let json: serde_json::Value = serde_json::from_str(&body).expect("JSON error body");
        assert_eq!(json["__type"], "RequestTimeoutException");
        assert!(json["message"].is_string(), "{body}");
        assert!(elapsed >= SHORT, "answered after {elapsed:?}");
        // The rest of the body never comes, so the connection cannot be reused: it is closed.
        assert!(read_until_closed(stalled.get_mut()).await.is_empty());
        assert_eq!(other, 200, "another client is served meanwhile");
        assert_eq!(
            in_flight.await.expect("join"),
            (200, r#"{"done":true}"#.to_owned())
        );
    })
    .await
    .expect("bounded");
    server.stop().await;
}

#[tokio::test]
async fn idle_keep_alive_connection_is_closed_after_the_idle_timeout() {
    let server = start(relaxed().idle_timeout(SHORT)).await;
    timeout(LIMIT, async {
        let mut conn = connect(server.addr).await;
        let mut last_request = Instant::now();
        // Keep-alive works within the idle timeout...
        for _ in 0..2 {
            last_request = Instant::now();
            conn.get_mut()
                .write_all(raw_request("Echo", "{}").as_bytes())
                .await
                .expect("write");
            assert_eq!(read_response(&mut conn).await.0, 200);
            tokio::time::sleep(SHORT / 3).await;
        }
        // ...and an idle connection is closed once it runs out.
        assert!(read_until_closed(conn.get_mut()).await.is_empty());
        // The idle period began after the last request was sent, so this over-counts a little.
        let idle = last_request.elapsed();
        assert!(idle >= SHORT, "closed after {idle:?} idle");
        assert!(idle < SHORT * 4, "closed only after {idle:?} idle");
    })
    .await
    .expect("bounded");
    server.stop().await;
}

#[tokio::test]
async fn oversized_request_head_gets_431() {
    let server = start(relaxed().max_header_bytes(2048)).await;
    timeout(LIMIT, async {
        let mut conn = connect(server.addr).await;
        let big = format!(
            "POST / HTTP/1.1\r\nHost: localhost\r\nX-Big: {}\r\n\r\n",
            "a".repeat(4096)
        );
        conn.get_mut()
            .write_all(big.as_bytes())
            .await
            .expect("write");
        let answer = read_until_closed(conn.get_mut()).await;
        let text = String::from_utf8_lossy(&answer);
        assert!(text.starts_with("HTTP/1.1 431"), "{text}");
        // A head under the limit is fine.
        assert_eq!(echo(server.addr).await, 200);
    })
    .await
    .expect("bounded");
    server.stop().await;
}

#[tokio::test]
async fn extra_connections_wait_until_a_slot_frees() {
    let server = start(relaxed().max_connections(2)).await;
    let addr = server.addr;
    timeout(LIMIT, async {
        // Two slots taken: one with a request in flight, one idle.
        let mut busy = connect(addr).await;
        busy.get_mut()
            .write_all(raw_request("Slow", "{}").as_bytes())
            .await
            .expect("write");
        let idle = connect(addr).await;
        // Let the server accept both before the third arrives.
        tokio::time::sleep(Duration::from_millis(100)).await;
        let mut waiting = connect(addr).await;
        waiting
            .get_mut()
            .write_all(raw_request("Echo", "{}").as_bytes())
            .await
            .expect("write");
        // The in-flight request is answered and its connection stays open (keep-alive).
        let (status, _, body) = read_response(&mut busy).await;
        assert_eq!((status, body.as_str()), (200, r#"{"done":true}"#));
        assert!(
            timeout(SHORT, read_response(&mut waiting)).await.is_err(),
            "the third connection is not served while two are open"
        );
        // Closing one connection lets the waiting client in.
        drop(idle);
        let (status, _, _) = read_response(&mut waiting).await;
        assert_eq!(status, 200);
        // The busy connection was never disturbed.
        busy.get_mut()
            .write_all(raw_request("Echo", "{}").as_bytes())
            .await
            .expect("write");
        assert_eq!(read_response(&mut busy).await.0, 200);
    })
    .await
    .expect("bounded");
    server.stop().await;
}

#[tokio::test]
async fn shutdown_finishes_in_flight_closes_stalled_and_ends_within_the_grace_period() {
    let grace = Duration::from_millis(800);
    // Long timeouts: only shutdown ends the stalled connections.
    let server = start(relaxed().shutdown_grace(grace)).await;
    let addr = server.addr;
    timeout(LIMIT, async {
        // Idle keep-alive connection.
        let mut idle = connect(addr).await;
        idle.get_mut()
            .write_all(raw_request("Echo", "{}").as_bytes())
            .await
            .expect("write");
        assert_eq!(read_response(&mut idle).await.0, 200);
        // Half a request head.
        let mut loris = TcpStream::connect(addr).await.expect("connect");
        loris
            .write_all(b"POST / HTTP/1.1\r\nHost: x\r\n")
            .await
            .expect("write");
        // Headers and part of the body, then nothing.
        let mut stalled = TcpStream::connect(addr).await.expect("connect");
        stalled
            .write_all(format!("{}{{", raw_head("Echo", 50)).as_bytes())
            .await
            .expect("write");
        let in_flight = slow_call(addr);
        tokio::time::sleep(Duration::from_millis(100)).await;

        let stopping = Instant::now();
        server.stop.send(()).expect("server running");
        // Idle and half-head connections close at once, not at the end of the grace period.
        let (idle_left, loris_left) = tokio::join!(
            read_until_closed(idle.get_mut()),
            read_until_closed(&mut loris)
        );
        assert!(idle_left.is_empty() && loris_left.is_empty());
        assert!(stopping.elapsed() < grace / 2, "{:?}", stopping.elapsed());
        // The in-flight request is answered in full.
        assert_eq!(
            in_flight.await.expect("join"),
            (200, r#"{"done":true}"#.to_owned())
        );
        // The stalled client holds shutdown until the grace period, no longer.
        server.task.await.expect("join").expect("serve ok");
        let took = stopping.elapsed();
        assert!(
            took >= grace,
            "returned after {took:?}, before the grace period"
        );
        assert!(took < grace + SHORT, "returned only after {took:?}");
        assert!(read_until_closed(&mut stalled).await.is_empty());
        assert!(TcpStream::connect(addr).await.is_err(), "listener closed");
    })
    .await
    .expect("bounded");
}

#[tokio::test]
async fn unusable_config_is_refused_before_serving() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let err = ingot_server_rt::serve_with_config(
        listener,
        common::cognito_like(),
        std::future::pending(),
        ServeConfig::default().max_connections(0),
    )
    .await
    .expect_err("refused");
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    assert!(err.to_string().contains("max_connections"), "{err}");
}
