//! Request compression (`@requestCompression`, facts §3.12): operations that allow it send bodies
//! at or over a size threshold gzip-compressed with `Content-Encoding: gzip`. The body is
//! compressed once per call, before signing, so the signature covers the bytes on the wire.

use std::io::Write as _;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::config::EnvLookup;
use crate::error::ConstructionFailure;
use crate::service::RequestEncoding;

/// The smallest body compressed by default (10 KiB), as in the AWS SDKs.
pub const DEFAULT_MIN_COMPRESSION_SIZE_BYTES: u32 = 10_240;

/// The largest allowed threshold (10 MiB); larger settings are refused.
pub const MAX_MIN_COMPRESSION_SIZE_BYTES: u32 = 10_485_760;

/// Whether and from which size request bodies are compressed. The defaults compress bodies of
/// 10240 bytes or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestCompressionConfig {
    disabled: bool,
    min_size_bytes: u32,
}

impl Default for RequestCompressionConfig {
    fn default() -> Self {
        Self {
            disabled: false,
            min_size_bytes: DEFAULT_MIN_COMPRESSION_SIZE_BYTES,
        }
    }
}

impl RequestCompressionConfig {
    /// Turns compression off (`true`) or on (`false`, the default).
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = disabled;
        self
    }

    /// Sets the smallest body size that is compressed, `0..=10485760`; other values make every
    /// call of a compressing operation fail as a construction failure.
    pub fn min_size_bytes(mut self, bytes: u32) -> Self {
        self.min_size_bytes = bytes;
        self
    }

    /// Whether compression is turned off.
    pub fn is_disabled(&self) -> bool {
        self.disabled
    }

    /// The smallest body size that is compressed.
    pub fn min_size(&self) -> u32 {
        self.min_size_bytes
    }

    /// Applies `AWS_DISABLE_REQUEST_COMPRESSION` (`true`/`false`, any case) and
    /// `AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES` (a number). Values that do not parse are
    /// ignored, as `AWS_MAX_ATTEMPTS` is; a number out of range is kept so that calls report it.
    pub(crate) fn with_env(mut self, lookup: &EnvLookup) -> Self {
        if let Some(disabled) = lookup("AWS_DISABLE_REQUEST_COMPRESSION")
            .and_then(|v| v.trim().to_ascii_lowercase().parse::<bool>().ok())
        {
            self.disabled = disabled;
        }
        if let Some(min) = lookup("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES")
            .and_then(|v| v.trim().parse::<u32>().ok())
        {
            self.min_size_bytes = min;
        }
        self
    }

    /// The body to send and its `Content-Encoding`, if it was compressed: `body` itself when the
    /// operation does not allow compression, compression is disabled or the body is smaller than
    /// the threshold.
    pub(crate) fn apply(
        &self,
        encoding: Option<RequestEncoding>,
        body: Vec<u8>,
    ) -> Result<(Vec<u8>, Option<&'static str>), ConstructionFailure> {
        let Some(encoding) = encoding.filter(|_| !self.disabled) else {
            return Ok((body, None));
        };
        if self.min_size_bytes > MAX_MIN_COMPRESSION_SIZE_BYTES {
            return Err(ConstructionFailure::new(
                format!(
                    "request_min_compression_size_bytes must be between 0 and {MAX_MIN_COMPRESSION_SIZE_BYTES}, got {}",
                    self.min_size_bytes
                ),
                None,
            ));
        }
        if (body.len() as u64) < u64::from(self.min_size_bytes) {
            return Ok((body, None));
        }
        match encoding {
            RequestEncoding::Gzip => gzip(&body).map(|gz| (gz, Some("gzip"))),
        }
    }
}

fn gzip(body: &[u8]) -> Result<Vec<u8>, ConstructionFailure> {
    let fail = |e: std::io::Error| {
        ConstructionFailure::new("failed to gzip the request body", Some(Box::new(e)))
    };
    let mut encoder = GzEncoder::new(Vec::with_capacity(body.len() / 4), Compression::default());
    encoder.write_all(body).map_err(fail)?;
    encoder.finish().map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;
    use std::sync::Arc;

    fn gunzip(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(data)
            .read_to_end(&mut out)
            .expect("valid gzip");
        out
    }

    #[test]
    fn compresses_at_and_over_the_threshold_only() {
        let cfg = RequestCompressionConfig::default().min_size_bytes(8);
        let gzip = Some(RequestEncoding::Gzip);
        let (body, enc) = cfg.apply(gzip, b"1234567".to_vec()).unwrap();
        assert_eq!((body.as_slice(), enc), (&b"1234567"[..], None));
        let (body, enc) = cfg.apply(gzip, b"12345678".to_vec()).unwrap();
        assert_eq!(enc, Some("gzip"));
        assert_eq!(gunzip(&body), b"12345678");
        // Operations without the trait, and a disabled config, never compress.
        let (_, enc) = cfg.apply(None, vec![b'x'; 100]).unwrap();
        assert_eq!(enc, None);
        let (_, enc) = cfg.disabled(true).apply(gzip, vec![b'x'; 100]).unwrap();
        assert_eq!(enc, None);
        // Zero compresses even an empty body.
        let cfg = RequestCompressionConfig::default().min_size_bytes(0);
        let (body, enc) = cfg.apply(gzip, Vec::new()).unwrap();
        assert_eq!((gunzip(&body).len(), enc), (0, Some("gzip")));
    }

    #[test]
    fn default_threshold_is_10240() {
        let cfg = RequestCompressionConfig::default();
        let gzip = Some(RequestEncoding::Gzip);
        assert_eq!(cfg.apply(gzip, vec![b'a'; 10_239]).unwrap().1, None);
        assert_eq!(cfg.apply(gzip, vec![b'a'; 10_240]).unwrap().1, Some("gzip"));
    }

    #[test]
    fn out_of_range_threshold_fails_the_call_not_the_config() {
        let cfg =
            RequestCompressionConfig::default().min_size_bytes(MAX_MIN_COMPRESSION_SIZE_BYTES + 1);
        let err = cfg
            .apply(Some(RequestEncoding::Gzip), b"{}".to_vec())
            .unwrap_err();
        assert!(err.to_string().contains("between 0 and 10485760"), "{err}");
        // Operations that never compress are unaffected.
        assert!(cfg.apply(None, b"{}".to_vec()).is_ok());
        let cfg =
            RequestCompressionConfig::default().min_size_bytes(MAX_MIN_COMPRESSION_SIZE_BYTES);
        assert!(cfg
            .apply(Some(RequestEncoding::Gzip), b"{}".to_vec())
            .is_ok());
    }

    #[test]
    fn env_vars_are_read_and_bad_values_ignored() {
        let env = |pairs: &'static [(&'static str, &'static str)]| -> EnvLookup {
            Arc::new(move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            })
        };
        let cfg = RequestCompressionConfig::default().with_env(&env(&[
            ("AWS_DISABLE_REQUEST_COMPRESSION", "TRUE"),
            ("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "128"),
        ]));
        assert!(cfg.is_disabled());
        assert_eq!(cfg.min_size(), 128);
        let cfg = RequestCompressionConfig::default().with_env(&env(&[
            ("AWS_DISABLE_REQUEST_COMPRESSION", "yes"),
            ("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "-1"),
        ]));
        assert_eq!(cfg, RequestCompressionConfig::default());
    }
}
