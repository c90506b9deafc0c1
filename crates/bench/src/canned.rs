//! The raw hyper 1 server both figures compare against: it reads each request's body and
//! answers the same bytes every time, with nothing else on the path.

use std::convert::Infallible;

use bytes::Bytes;
use http::{Request, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

use crate::CONTENT_TYPE;

/// The answer the server gives to every request.
#[derive(Debug, Clone)]
pub struct Canned {
    /// The status code.
    pub status: StatusCode,
    /// The awsJson body.
    pub body: Bytes,
}

impl Canned {
    /// StopUserImportJob's documented success response.
    pub fn sample() -> Self {
        Self {
            status: StatusCode::OK,
            body: Bytes::from_static(ingot_cognito_tests::SAMPLE_RESPONSE.as_bytes()),
        }
    }

    fn response(&self) -> Response<Full<Bytes>> {
        let mut response = Response::new(Full::new(self.body.clone()));
        *response.status_mut() = self.status;
        let headers = response.headers_mut();
        headers.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static(CONTENT_TYPE),
        );
        headers.insert(
            "x-amzn-requestid",
            http::HeaderValue::from_static("00000000-0000-0000-0000-000000000000"),
        );
        response
    }
}

/// Serves `canned` on every connection `listener` accepts, until the process ends.
pub async fn serve(listener: TcpListener, canned: Canned) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors and the like: the load generator will report the failure.
            Err(_) => continue,
        };
        // Small answers: Nagle would only add latency, as in every server measured here.
        let _ = stream.set_nodelay(true);
        let canned = canned.clone();
        let service = service_fn(move |request: Request<Incoming>| {
            let canned = canned.clone();
            async move {
                // Read the request as any real server must; its content is ignored.
                let _ = request.into_body().collect().await;
                Ok::<_, Infallible>(canned.response())
            }
        });
        tokio::spawn(async move {
            // A client hanging up mid-request is not the server's failure.
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
