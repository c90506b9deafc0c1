//! Where requests go. The service's `smithy.rules#endpointRuleSet` decides, evaluated by
//! `ingot-endpoint-rules` with parameters from the configuration (built-ins such as the region,
//! FIPS, dual-stack and the configured endpoint URL), the client context parameters and each
//! call's input; see the client. Results are cached per parameter set.
//!
//! This module holds the pieces: the parsed URL ([`Endpoint`]), the configured URL
//! ([`configured_endpoint_url`]), parameter building ([`EndpointCall`], built-ins), the resolver
//! ([`ResolveEndpoint`], the cached rules resolver), host prefixes and the runner of a model's
//! `smithy.rules#endpointTests` ([`endpoint_tests`]).

mod builtins;
mod default_rules;
mod discovery;
#[doc(hidden)]
pub mod endpoint_tests;
mod host_prefix;
mod resolver;

pub use builtins::{BuiltIns, SUPPORTED_BUILT_INS};
// Generated code only (also in `__private`).
#[doc(hidden)]
pub use builtins::EndpointCall;
pub(crate) use default_rules::standard_rule_set;
pub(crate) use discovery::DiscoveryCache;
// What generated code hands the discovery runtime.
#[doc(hidden)]
pub use discovery::{
    BoxError, DiscoveredEndpoint, DiscoveryFuture, DiscoveryMode, DiscoveryRequest,
    EndpointDiscovery,
};
#[doc(hidden)]
pub use host_prefix::expand_host_prefix;
pub use ingot_endpoint_rules as rules;
pub use ingot_endpoint_rules::{Params, Partitions, RuleSet, Value};
pub(crate) use resolver::Resolver;
pub use resolver::{ResolveEndpoint, ResolvedEndpoint};

use http::uri::Scheme;
use http::Uri;

use crate::error::ConstructionFailure;
use crate::service::ServiceInfo;

/// A resolved endpoint: the URI every request of the client is POSTed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    uri: Uri,
}

impl Endpoint {
    /// Parses an endpoint URL (`http` or `https`, with a host, optionally a path; no query).
    /// The request path is the URL's path with a trailing `/` (awsJson always POSTs to `/`).
    pub fn parse(url: &str) -> Result<Self, ConstructionFailure> {
        let bad = |why: &str| {
            ConstructionFailure::new(format!("invalid endpoint URL {url:?}: {why}"), None)
        };
        let uri: Uri = url.trim().parse().map_err(|e| {
            ConstructionFailure::new(format!("invalid endpoint URL {url:?}"), Some(Box::new(e)))
        })?;
        let scheme = uri
            .scheme()
            .cloned()
            .ok_or_else(|| bad("missing scheme (http:// or https://)"))?;
        if scheme != Scheme::HTTP && scheme != Scheme::HTTPS {
            return Err(bad("scheme must be http or https"));
        }
        let authority = uri
            .authority()
            .cloned()
            .ok_or_else(|| bad("missing host"))?;
        if authority.host().is_empty() {
            return Err(bad("missing host"));
        }
        if authority.as_str().contains('@') {
            return Err(bad("user info is not supported"));
        }
        if uri.query().is_some() {
            return Err(bad("a query string is not supported"));
        }
        let path = match uri.path() {
            "" | "/" => "/".to_owned(),
            p if p.ends_with('/') => p.to_owned(),
            p => format!("{p}/"),
        };
        let uri = Uri::builder()
            .scheme(scheme)
            .authority(authority)
            .path_and_query(path)
            .build()
            .map_err(|e| {
                ConstructionFailure::new(format!("invalid endpoint URL {url:?}"), Some(Box::new(e)))
            })?;
        Ok(Self { uri })
    }

    /// This endpoint with `prefix` (an expanded `@endpoint` host prefix such as `data-x.`) put
    /// in front of its host, as AWS SDKs do for every endpoint, custom ones included.
    pub fn with_host_prefix(&self, prefix: &str) -> Result<Self, ConstructionFailure> {
        let (Some(scheme), Some(authority)) = (self.uri.scheme(), self.uri.authority()) else {
            return Ok(self.clone());
        };
        let url = format!(
            "{scheme}://{prefix}{authority}{}",
            self.uri.path_and_query().map_or("/", |p| p.as_str())
        );
        Endpoint::parse(&url)
    }

    /// The full request URI.
    pub fn uri(&self) -> &Uri {
        &self.uri
    }

    /// The authority to send as `Host`: the default port for the scheme is left out, as the
    /// SigV4 signer and HTTP clients do.
    pub(crate) fn host_header(&self) -> String {
        let Some(authority) = self.uri.authority() else {
            return String::new();
        };
        let default_port = if self.uri.scheme() == Some(&Scheme::HTTPS) {
            443
        } else {
            80
        };
        match authority.port_u16() {
            Some(port) if port != default_port => format!("{}:{port}", authority.host()),
            _ => authority.host().to_owned(),
        }
    }
}

/// The configured `SDK::Endpoint`: explicit `endpoint_url` > `AWS_ENDPOINT_URL_<SERVICE>` >
/// `AWS_ENDPOINT_URL`. `env` looks up environment variables (pass `|_| None` to ignore the
/// environment); `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` disables the environment overrides.
/// Blank values count as unset.
pub fn configured_endpoint_url(
    service: &ServiceInfo,
    explicit: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Option<String> {
    if let Some(url) = explicit {
        return Some(url.trim().to_owned());
    }
    let set = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    let ignore_env = set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
    if ignore_env {
        return None;
    }
    let service_var = format!("AWS_ENDPOINT_URL_{}", service.env_name);
    set(&service_var)
        .or_else(|| set("AWS_ENDPOINT_URL"))
        .map(|url| url.trim().to_owned())
}

/// Whether `s` is one DNS label: 1 to 63 ASCII letters, digits or hyphens, not starting or
/// ending with a hyphen.
pub(crate) fn is_host_label(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::Protocol;

    static COGNITO: ServiceInfo = ServiceInfo {
        target_prefix: "AWSCognitoIdentityProviderService",
        protocol: Protocol::AwsJson1_1,
        signing_name: "cognito-idp",
        endpoint_prefix: "cognito-idp",
        env_name: "COGNITO_IDENTITY_PROVIDER",
        sdk_id: "Cognito Identity Provider",
        query_compatible: false,
        retryable_errors: &[],
        endpoint_rule_set: None,
        endpoint_discovery: None,
    };

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    fn configured(explicit: Option<&str>, vars: &[(&str, &str)]) -> Option<String> {
        configured_endpoint_url(&COGNITO, explicit, &env(vars))
    }

    const ALL: &[(&str, &str)] = &[
        (
            "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
            "http://service.local:1",
        ),
        ("AWS_ENDPOINT_URL", "http://global.local:2"),
    ];

    #[test]
    fn precedence() {
        assert_eq!(
            configured(Some("http://explicit:3"), ALL).as_deref(),
            Some("http://explicit:3")
        );
        assert_eq!(
            configured(None, ALL).as_deref(),
            Some("http://service.local:1")
        );
        assert_eq!(
            configured(None, &ALL[1..]).as_deref(),
            Some("http://global.local:2")
        );
        assert_eq!(configured(None, &[]), None);
    }

    #[test]
    fn env_overrides_can_be_ignored_and_empty_ones_do_not_count() {
        let vars = [
            ALL[0],
            ALL[1],
            ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE"),
        ];
        assert_eq!(configured(None, &vars), None);
        let vars = [("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", " "), ALL[1]];
        assert_eq!(
            configured(None, &vars).as_deref(),
            Some("http://global.local:2")
        );
    }

    #[test]
    fn endpoint_paths_get_a_trailing_slash() {
        let uri = |url: &str| Endpoint::parse(url).unwrap().uri().to_string();
        assert_eq!(
            uri("https://example.com/custom"),
            "https://example.com/custom/"
        );
        assert_eq!(
            uri("https://example.com/custom/"),
            "https://example.com/custom/"
        );
        assert_eq!(uri("https://example.com"), "https://example.com/");
    }

    #[test]
    fn bad_urls_are_errors() {
        for url in [
            "localhost:4566",
            "ftp://x",
            "",
            "http://",
            "http://a/?q=1",
            "http://u:p@host",
            "not a url",
        ] {
            assert!(Endpoint::parse(url).is_err(), "{url}");
        }
    }

    #[test]
    fn host_prefix_goes_before_the_host_and_keeps_port_and_path() {
        let e = Endpoint::parse("http://localhost:8080/base").unwrap();
        let prefixed = e.with_host_prefix("data-x.").unwrap();
        assert_eq!(
            prefixed.uri().to_string(),
            "http://data-x.localhost:8080/base/"
        );
        assert_eq!(prefixed.host_header(), "data-x.localhost:8080");
    }

    #[test]
    fn host_labels() {
        for good in ["a", "us-east-1", "A1", &"x".repeat(63)] {
            assert!(is_host_label(good), "{good}");
        }
        for bad in ["", "-a", "a-", "a.b", "a_b", "é", &"x".repeat(64)] {
            assert!(!is_host_label(bad), "{bad}");
        }
    }

    #[test]
    fn host_header_omits_default_ports() {
        let host = |url: &str| Endpoint::parse(url).unwrap().host_header();
        assert_eq!(host("https://a.example:443"), "a.example");
        assert_eq!(host("http://a.example:80/p"), "a.example");
        assert_eq!(host("http://127.0.0.1:8080"), "127.0.0.1:8080");
        assert_eq!(host("https://a.example:80"), "a.example:80");
        assert_eq!(host("http://[::1]:5000"), "[::1]:5000");
    }
}
