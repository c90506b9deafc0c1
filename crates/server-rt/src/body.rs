//! Reading a request body into memory under a size limit.

use bytes::Bytes;
use http_body::Body;
use http_body_util::{BodyExt, LengthLimitError, Limited};

use crate::reply::FrameworkError;
use crate::serve::BodyReadTimeout;
use crate::BoxError;

/// The default request body limit: 1 MiB.
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

/// Collects `body`, failing with 413 once it grows past `limit` bytes. A declared
/// `Content-Length` over the limit fails before anything is read; a body that [`serve`](crate::serve)
/// stopped waiting for fails with 408.
pub(crate) async fn collect<B>(
    content_length: Option<u64>,
    body: B,
    limit: usize,
) -> Result<Bytes, FrameworkError>
where
    B: Body + Send,
    B::Data: Send,
    B::Error: Into<BoxError>,
{
    if content_length.is_some_and(|len| len > limit as u64) {
        return Err(FrameworkError::PayloadTooLarge(limit));
    }
    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(err) if err.downcast_ref::<LengthLimitError>().is_some() => {
            Err(FrameworkError::PayloadTooLarge(limit))
        }
        Err(err) if err.downcast_ref::<BodyReadTimeout>().is_some() => {
            Err(FrameworkError::RequestTimeout)
        }
        Err(err) => Err(FrameworkError::Serialization(format!(
            "Failed to read the request body: {err}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::Full;

    #[tokio::test]
    async fn limit_is_inclusive_and_checked_on_data_and_header() {
        let body = || Full::new(Bytes::from_static(b"12345"));
        assert_eq!(
            collect(None, body(), 5).await,
            Ok(Bytes::from_static(b"12345"))
        );
        assert_eq!(
            collect(None, body(), 4).await,
            Err(FrameworkError::PayloadTooLarge(4))
        );
        assert_eq!(
            collect(Some(10), body(), 5).await,
            Err(FrameworkError::PayloadTooLarge(5))
        );
    }

    /// A body whose only frame is the timeout error `serve` gives a stalled body.
    struct Stalled;

    impl Body for Stalled {
        type Data = Bytes;
        type Error = BoxError;

        fn poll_frame(
            self: std::pin::Pin<&mut Self>,
            _cx: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Result<http_body::Frame<Bytes>, BoxError>>> {
            let timeout = std::time::Duration::from_secs(1);
            std::task::Poll::Ready(Some(Err(Box::new(BodyReadTimeout { timeout }))))
        }
    }

    #[tokio::test]
    async fn a_body_read_timeout_is_a_request_timeout() {
        assert_eq!(
            collect(None, Stalled, 5).await,
            Err(FrameworkError::RequestTimeout)
        );
    }
}
