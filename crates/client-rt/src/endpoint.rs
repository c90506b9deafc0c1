//! Where requests go: explicit URL > `AWS_ENDPOINT_URL_<SERVICE>` > `AWS_ENDPOINT_URL` > the
//! default `https://<endpointPrefix>.<region>.<partition suffix>` (facts §7.2, §7.3).

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

/// Picks the endpoint for `service`.
///
/// `explicit` is the configured `endpoint_url`; `env` looks up environment variables (pass
/// `|_| None` to ignore the environment). `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` disables the
/// environment overrides. The default endpoint needs `region`.
pub fn resolve_endpoint(
    service: &ServiceInfo,
    explicit: Option<&str>,
    region: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Endpoint, ConstructionFailure> {
    if let Some(url) = explicit {
        return Endpoint::parse(url);
    }
    let set = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    let ignore_env = set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
    if !ignore_env {
        let service_var = format!("AWS_ENDPOINT_URL_{}", service.env_name);
        if let Some(url) = set(&service_var).or_else(|| set("AWS_ENDPOINT_URL")) {
            return Endpoint::parse(&url);
        }
    }
    let region = region
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .ok_or_else(|| ConstructionFailure::new("Invalid Configuration: Missing Region", None))?;
    // The region becomes a host label, so anything but a plain label would redirect traffic.
    if !is_host_label(region) {
        return Err(ConstructionFailure::new(
            format!("invalid region {region:?}"),
            None,
        ));
    }
    Endpoint::parse(&format!(
        "https://{}.{region}.{}",
        service.endpoint_prefix,
        dns_suffix(region)
    ))
}

/// The DNS suffix of the AWS partition a region belongs to.
fn dns_suffix(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "amazonaws.com.cn"
    } else if region.starts_with("us-isob-") {
        "sc2s.sgov.gov"
    } else if region.starts_with("us-iso-") {
        "c2s.ic.gov"
    } else {
        "amazonaws.com"
    }
}

fn is_host_label(s: &str) -> bool {
    s.len() <= 63
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
    };

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    fn resolve(
        explicit: Option<&str>,
        region: Option<&str>,
        vars: &[(&str, &str)],
    ) -> Result<String, String> {
        resolve_endpoint(&COGNITO, explicit, region, &env(vars))
            .map(|e| e.uri().to_string())
            .map_err(|e| e.to_string())
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
            resolve(Some("http://explicit:3"), Some("us-east-1"), ALL).unwrap(),
            "http://explicit:3/"
        );
        assert_eq!(
            resolve(None, Some("us-east-1"), ALL).unwrap(),
            "http://service.local:1/"
        );
        assert_eq!(
            resolve(None, Some("us-east-1"), &ALL[1..]).unwrap(),
            "http://global.local:2/"
        );
        assert_eq!(
            resolve(None, Some("us-east-1"), &[]).unwrap(),
            "https://cognito-idp.us-east-1.amazonaws.com/"
        );
    }

    #[test]
    fn env_overrides_can_be_ignored_and_empty_ones_do_not_count() {
        let vars = [
            ALL[0],
            ALL[1],
            ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE"),
        ];
        assert_eq!(
            resolve(None, Some("eu-west-1"), &vars).unwrap(),
            "https://cognito-idp.eu-west-1.amazonaws.com/"
        );
        let vars = [("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", " "), ALL[1]];
        assert_eq!(
            resolve(None, None, &vars).unwrap(),
            "http://global.local:2/"
        );
    }

    #[test]
    fn partitions() {
        assert_eq!(
            resolve(None, Some("cn-north-1"), &[]).unwrap(),
            "https://cognito-idp.cn-north-1.amazonaws.com.cn/"
        );
        assert_eq!(
            resolve(None, Some("us-gov-west-1"), &[]).unwrap(),
            "https://cognito-idp.us-gov-west-1.amazonaws.com/"
        );
        assert_eq!(
            resolve(None, Some("us-iso-east-1"), &[]).unwrap(),
            "https://cognito-idp.us-iso-east-1.c2s.ic.gov/"
        );
        assert_eq!(
            resolve(None, Some("us-isob-east-1"), &[]).unwrap(),
            "https://cognito-idp.us-isob-east-1.sc2s.sgov.gov/"
        );
    }

    #[test]
    fn missing_or_bad_region() {
        assert_eq!(
            resolve(None, None, &[]).unwrap_err(),
            "Invalid Configuration: Missing Region"
        );
        assert_eq!(
            resolve(None, Some(" "), &[]).unwrap_err(),
            "Invalid Configuration: Missing Region"
        );
        assert!(resolve(None, Some("us-east-1.evil.example/x"), &[])
            .unwrap_err()
            .contains("invalid region"));
        // An explicit endpoint needs no region.
        assert!(resolve(Some("http://127.0.0.1:9"), None, &[]).is_ok());
    }

    #[test]
    fn endpoint_paths_get_a_trailing_slash() {
        assert_eq!(
            resolve(Some("https://example.com/custom"), None, &[]).unwrap(),
            "https://example.com/custom/"
        );
        assert_eq!(
            resolve(Some("https://example.com/custom/"), None, &[]).unwrap(),
            "https://example.com/custom/"
        );
        assert_eq!(
            resolve(Some("https://example.com"), None, &[]).unwrap(),
            "https://example.com/"
        );
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
            assert!(resolve(Some(url), None, &[]).is_err(), "{url}");
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
