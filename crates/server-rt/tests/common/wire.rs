//! A server on a loopback port and raw HTTP/1.1 over TCP, for the serving tests.

use std::net::SocketAddr;
use std::time::Duration;

use ingot_server_rt::{
    operation_fn, serve_with_config, AwsJsonService, OperationOutcome, ServeConfig,
};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use super::{cognito_like, target};

/// How long the `Slow` operation takes.
pub const SLOW: Duration = Duration::from_millis(300);

/// [`cognito_like`] plus `Slow`, which answers `{"done":true}` after [`SLOW`].
pub fn slow_service() -> AwsJsonService {
    cognito_like().operation(
        "Slow",
        operation_fn(|_, _| async {
            tokio::time::sleep(SLOW).await;
            Ok(OperationOutcome::Output(Some(r#"{"done":true}"#.into())))
        }),
    )
}

pub struct Server {
    pub addr: SocketAddr,
    pub stop: oneshot::Sender<()>,
    pub task: JoinHandle<std::io::Result<()>>,
}

/// Serves [`slow_service`] with `config` on a free loopback port.
pub async fn start(config: ServeConfig) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("addr");
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(serve_with_config(
        listener,
        slow_service(),
        async {
            let _ = stopped.await;
        },
        config,
    ));
    Server { addr, stop, task }
}

impl Server {
    /// Stops the server and waits (bounded) until serving returned.
    pub async fn stop(self) {
        let _ = self.stop.send(());
        tokio::time::timeout(Duration::from_secs(10), self.task)
            .await
            .expect("stops")
            .expect("join")
            .expect("serve ok");
    }
}

/// The head of a request for `op` declaring `body_len` body bytes.
pub fn raw_head(op: &str, body_len: usize) -> String {
    format!(
        "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.1\r\n\
         X-Amz-Target: {}\r\nContent-Length: {body_len}\r\n\r\n",
        target(op)
    )
}

/// A complete request for `op` with `body`.
pub fn raw_request(op: &str, body: &str) -> String {
    format!("{}{body}", raw_head(op, body.len()))
}

/// Reads one HTTP/1.1 response with a Content-Length body: (status, lowercase headers, body).
pub async fn read_response(
    reader: &mut BufReader<TcpStream>,
) -> (u16, Vec<(String, String)>, String) {
    let mut status_line = String::new();
    reader
        .read_line(&mut status_line)
        .await
        .expect("status line");
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("status code in {status_line:?}"));
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).await.expect("header line");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':').expect("header");
        headers.push((name.to_ascii_lowercase(), value.trim().to_owned()));
    }
    let len: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .map(|(_, v)| v.parse().expect("length"))
        .unwrap_or(0);
    let mut body = vec![0; len];
    reader.read_exact(&mut body).await.expect("body");
    (status, headers, String::from_utf8(body).expect("utf8"))
}

pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Reads until the server closes the connection (EOF or reset) and returns what came.
pub async fn read_until_closed(stream: &mut TcpStream) -> Vec<u8> {
    let mut sink = Vec::new();
    let _ = stream.read_to_end(&mut sink).await;
    sink
}
