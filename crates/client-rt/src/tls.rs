//! Which certificate authorities `https` endpoints are verified against, and the rustls client
//! configuration built from them.

use std::error::Error;
use std::fmt;
use std::sync::Arc;

use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::CertificateDer;
use rustls::{ClientConfig, RootCertStore};

use crate::error::ConstructionFailure;

/// The certificate authorities (roots) a client trusts on `https` endpoints.
///
/// By default the client trusts the Mozilla root program's authorities compiled into the binary
/// (the `webpki-roots` crate), so a build behaves the same on every machine. On top of, or
/// instead of, those it can trust:
///
/// - extra authorities of your own, e.g. a corporate TLS-inspecting proxy or a local test server:
///   [`add_root_certificates_pem`](Self::add_root_certificates_pem) and
///   [`add_root_certificate_der`](Self::add_root_certificate_der);
/// - the operating system's certificate store, with the `native-roots` cargo feature of
///   `ingot-client-rt`: `native_roots(true)`. The store is read once per
///   client construction (through `rustls-native-certs`: the system bundle on
///   Linux, which `SSL_CERT_FILE` / `SSL_CERT_DIR` override; the keychain on macOS; the system store
///   on Windows).
///
/// [`webpki_roots(false)`](Self::webpki_roots) drops the compiled-in authorities, so only the ones
/// you add (or the platform's) are trusted. A client left with no authority at all fails every
/// call with a construction failure instead of failing each handshake.
///
/// ```
/// use ingot_client_rt::{Config, Region, TlsConfig};
///
/// # fn run(pem: &[u8]) -> Result<(), ingot_client_rt::RootCertificateError> {
/// // Trust only a private CA.
/// let tls = TlsConfig::new().webpki_roots(false).add_root_certificates_pem(pem)?;
/// let config = Config::builder()
///     .region(Region::new("us-east-1"))
///     .tls_config(tls)
///     .build();
/// # let _ = config;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct TlsConfig {
    webpki_roots: bool,
    #[cfg(feature = "native-roots")]
    native_roots: bool,
    // Parsed when added, so a bad certificate is reported where it is given.
    extra_roots: RootCertStore,
}

impl Default for TlsConfig {
    fn default() -> Self {
        Self {
            webpki_roots: true,
            #[cfg(feature = "native-roots")]
            native_roots: false,
            extra_roots: RootCertStore::empty(),
        }
    }
}

impl fmt::Debug for TlsConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("TlsConfig");
        s.field("webpki_roots", &self.webpki_roots);
        #[cfg(feature = "native-roots")]
        s.field("native_roots", &self.native_roots);
        s.field("extra_roots", &self.extra_roots.len()).finish()
    }
}

impl TlsConfig {
    /// The default: the compiled-in Mozilla roots only.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether to trust the Mozilla roots compiled into the binary (default `true`).
    pub fn webpki_roots(mut self, enabled: bool) -> Self {
        self.webpki_roots = enabled;
        self
    }

    /// Whether to trust the operating system's certificate store too (default `false`).
    ///
    /// If the store cannot be read or holds no usable certificate, and no other root is
    /// trusted, calls fail with a construction failure saying why.
    #[cfg(feature = "native-roots")]
    pub fn native_roots(mut self, enabled: bool) -> Self {
        self.native_roots = enabled;
        self
    }

    /// Trusts every `CERTIFICATE` block of a PEM document (other blocks, such as keys, are
    /// skipped). Fails when there is no certificate or one is not a usable CA certificate.
    pub fn add_root_certificates_pem(mut self, pem: &[u8]) -> Result<Self, RootCertificateError> {
        let mut added = 0;
        for (index, cert) in CertificateDer::pem_slice_iter(pem).enumerate() {
            let cert = cert.map_err(|e| RootCertificateError::new(index, Box::new(e)))?;
            self.extra_roots
                .add(cert)
                .map_err(|e| RootCertificateError::new(index, Box::new(e)))?;
            added += 1;
        }
        if added == 0 {
            return Err(RootCertificateError::no_certificate());
        }
        Ok(self)
    }

    /// Trusts one DER-encoded certificate.
    pub fn add_root_certificate_der(
        mut self,
        der: impl Into<Vec<u8>>,
    ) -> Result<Self, RootCertificateError> {
        self.extra_roots
            .add(CertificateDer::from(der.into()))
            .map_err(|e| RootCertificateError::new(0, Box::new(e)))?;
        Ok(self)
    }

    /// How many authorities were added with the `add_*` methods.
    pub fn extra_root_count(&self) -> usize {
        self.extra_roots.len()
    }

    /// The rustls configuration of the client: the chosen roots, the given crypto provider, its
    /// safe default TLS versions (1.2 and 1.3) and no client certificate.
    pub(crate) fn client_config(
        &self,
        provider: CryptoProvider,
    ) -> Result<ClientConfig, ConstructionFailure> {
        let roots = self.root_store()?;
        let config = ClientConfig::builder_with_provider(Arc::new(provider))
            .with_safe_default_protocol_versions()
            .map_err(|e| ConstructionFailure::new("failed to set up TLS", Some(Box::new(e))))?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Ok(config)
    }

    fn root_store(&self) -> Result<RootCertStore, ConstructionFailure> {
        let mut roots = RootCertStore::empty();
        if self.webpki_roots {
            roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        }
        #[cfg(feature = "native-roots")]
        let native_problem = if self.native_roots {
            add_native_roots(&mut roots)
        } else {
            None
        };
        #[cfg(not(feature = "native-roots"))]
        let native_problem: Option<String> = None;
        roots.extend(self.extra_roots.roots.iter().cloned());
        if roots.is_empty() {
            let mut message = String::from(
                "no trusted root certificates: enable the webpki or native roots, or add one",
            );
            if let Some(problem) = native_problem {
                message.push_str(&format!(" ({problem})"));
            }
            return Err(ConstructionFailure::new(message, None));
        }
        Ok(roots)
    }
}

/// Adds the platform's roots; returns what went wrong, if anything, for the caller's message.
#[cfg(feature = "native-roots")]
fn add_native_roots(roots: &mut RootCertStore) -> Option<String> {
    let found = rustls_native_certs::load_native_certs();
    let (added, ignored) = roots.add_parsable_certificates(found.certs);
    for error in &found.errors {
        tracing::warn!(%error, "could not read part of the platform's certificate store");
    }
    if ignored > 0 {
        tracing::debug!(
            ignored,
            "unusable certificates in the platform's store skipped"
        );
    }
    tracing::debug!(added, "trusting the platform's root certificates");
    match (added, found.errors.first()) {
        (0, Some(error)) => Some(format!("the platform's certificate store: {error}")),
        (0, None) => Some("the platform's certificate store holds no usable certificate".into()),
        _ => None,
    }
}

/// A root certificate given to [`TlsConfig`] could not be used.
#[derive(Debug)]
pub struct RootCertificateError {
    index: Option<usize>,
    source: Option<Box<dyn Error + Send + Sync + 'static>>,
}

impl RootCertificateError {
    fn new(index: usize, source: Box<dyn Error + Send + Sync + 'static>) -> Self {
        Self {
            index: Some(index),
            source: Some(source),
        }
    }

    fn no_certificate() -> Self {
        Self {
            index: None,
            source: None,
        }
    }
}

impl fmt::Display for RootCertificateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.index, &self.source) {
            (Some(index), Some(source)) => {
                write!(f, "root certificate #{} is not usable: {source}", index + 1)
            }
            _ => f.write_str("no CERTIFICATE block found in the PEM input"),
        }
    }
}

impl Error for RootCertificateError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provider() -> CryptoProvider {
        rustls::crypto::ring::default_provider()
    }

    #[test]
    fn default_trusts_the_compiled_in_roots() {
        let roots = TlsConfig::new().root_store().expect("roots");
        assert_eq!(roots.len(), webpki_roots::TLS_SERVER_ROOTS.len());
        assert!(TlsConfig::new().client_config(provider()).is_ok());
    }

    #[test]
    fn no_roots_at_all_is_a_construction_failure() {
        let err = TlsConfig::new()
            .webpki_roots(false)
            .client_config(provider())
            .unwrap_err();
        assert!(
            err.to_string().starts_with("no trusted root certificates"),
            "{err}"
        );
    }

    #[test]
    fn pem_without_certificates_is_refused() {
        let err = TlsConfig::new()
            .add_root_certificates_pem(b"not a pem document")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "no CERTIFICATE block found in the PEM input"
        );
    }

    #[test]
    fn garbage_der_is_refused_naming_the_certificate() {
        let err = TlsConfig::new()
            .add_root_certificate_der(vec![0x30, 0x03, 0x02, 0x01, 0x00])
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("root certificate #1 is not usable: "),
            "{err}"
        );
        assert!(err.source().is_some());
    }

    #[test]
    fn debug_counts_extra_roots() {
        let text = format!("{:?}", TlsConfig::new());
        assert!(text.contains("webpki_roots: true"), "{text}");
        assert!(text.contains("extra_roots: 0"), "{text}");
    }
}
