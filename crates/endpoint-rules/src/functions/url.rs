//! `parseURL`.

use std::net::Ipv6Addr;

use crate::val::Val;

/// Parses an `http` or `https` URL into `scheme`, `authority` (host and port as written, no
/// user info), `path` (as written, possibly empty), `normalizedPath` (starting and ending with
/// `/`) and `isIp`. None when it has a query (the spec's rule), another scheme, or no host.
pub(crate) fn parse_url(value: &str) -> Option<Val> {
    let (scheme, rest) = value.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    // A fragment is not part of the endpoint; a query is not allowed at all.
    let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
    if rest.contains('?') {
        return None;
    }
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let authority = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let is_ip = host_is_ip(authority)?;
    let normalized = match (path.starts_with('/'), path.ends_with('/')) {
        _ if path.is_empty() => "/".to_owned(),
        (true, true) => path.to_owned(),
        (true, false) => format!("{path}/"),
        (false, _) => format!("/{path}/"),
    };
    Some(Val::record([
        ("scheme", Val::Str(scheme)),
        ("authority", Val::Str(authority.to_owned())),
        ("path", Val::Str(path.to_owned())),
        ("normalizedPath", Val::Str(normalized)),
        ("isIp", Val::Bool(is_ip)),
    ]))
}

/// Whether the authority's host is an IP address; None when the authority is malformed
/// (empty host, bad port, unclosed IPv6 bracket, characters no host has).
fn host_is_ip(authority: &str) -> Option<bool> {
    let (host, port) = if let Some(inner) = authority.strip_prefix('[') {
        let (v6, after) = inner.split_once(']')?;
        v6.parse::<Ipv6Addr>().ok()?;
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':')?),
        };
        (None, port)
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (Some(host), Some(port)),
            None => (Some(authority), None),
        }
    };
    if let Some(port) = port {
        if port.is_empty()
            || !port.bytes().all(|b| b.is_ascii_digit())
            || port.parse::<u16>().is_err()
        {
            return None;
        }
    }
    match host {
        None => Some(true),
        Some(host) => {
            let bad = |c: char| {
                c.is_whitespace()
                    || c.is_control()
                    || matches!(c, '[' | ']' | '@' | '/' | '\\' | ':')
            };
            if host.is_empty() || host.contains(bad) {
                return None;
            }
            Some(is_ipv4(host))
        }
    }
}

/// A dotted-quad IPv4 address (four decimal parts, each 0 to 255).
pub(crate) fn is_ipv4(host: &str) -> bool {
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 3
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u8>().is_ok()
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::PathPart;

    fn fields(url: &str) -> Option<(String, String, String, String, bool)> {
        let v = parse_url(url)?;
        let s = |k: &str| match v.at(&[PathPart::Key(k.into())]) {
            Some(Val::Str(s)) => s.clone(),
            other => panic!("{k}: {other:?}"),
        };
        let ip = matches!(v.at(&[PathPart::Key("isIp".into())]), Some(Val::Bool(true)));
        Some((
            s("scheme"),
            s("authority"),
            s("path"),
            s("normalizedPath"),
            ip,
        ))
    }

    fn t(
        a: &str,
        b: &str,
        c: &str,
        d: &str,
        e: bool,
    ) -> Option<(String, String, String, String, bool)> {
        Some((a.into(), b.into(), c.into(), d.into(), e))
    }

    #[test]
    fn parses_the_spec_examples() {
        assert_eq!(
            fields("https://example.com"),
            t("https", "example.com", "", "/", false)
        );
        assert_eq!(
            fields("http://example.com:80/foo/bar"),
            t("http", "example.com:80", "/foo/bar", "/foo/bar/", false)
        );
        assert_eq!(
            fields("https://127.0.0.1"),
            t("https", "127.0.0.1", "", "/", true)
        );
        assert_eq!(
            fields("https://[fe80::1]"),
            t("https", "[fe80::1]", "", "/", true)
        );
        assert_eq!(
            fields("https://[fe80::1]:8443/a/"),
            t("https", "[fe80::1]:8443", "/a/", "/a/", true)
        );
        assert_eq!(
            fields("HTTPS://user:pw@host:1/p"),
            t("https", "host:1", "/p", "/p/", false)
        );
        assert_eq!(fields("https://example.com:8443?foo=bar&faz=baz"), None);
    }

    #[test]
    fn host_labels_are_not_validated_but_ports_and_ips_are_recognised() {
        assert_eq!(
            fields("http://99_ab-.com"),
            t("http", "99_ab-.com", "", "/", false)
        );
        assert_eq!(
            fields("https://authority.com/"),
            t("https", "authority.com", "/", "/", false)
        );
        assert_eq!(
            fields("http://192.168.1.1:1234/foo/"),
            t("http", "192.168.1.1:1234", "/foo/", "/foo/", true)
        );
        assert_eq!(
            fields("https://[2001:db8:85a3:8d3:1319:8a2e:370:7348]:443"),
            t(
                "https",
                "[2001:db8:85a3:8d3:1319:8a2e:370:7348]:443",
                "",
                "/",
                true
            )
        );
        assert_eq!(
            fields("https://999.999.abc.blah"),
            t("https", "999.999.abc.blah", "", "/", false)
        );
        assert_eq!(fields("http://abc.com:a/foo"), None);
        assert_eq!(fields("acbd://example.com"), None);
    }

    #[test]
    fn rejects_malformed_urls() {
        for bad in [
            "example.com",
            "ftp://x",
            "https://",
            "https://:80",
            "https://a:b",
            "https://a:99999",
            "https://[::1",
            "https://[zz]",
            "https://a b",
            "https://a/?q",
        ] {
            assert_eq!(parse_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn ipv4_shapes() {
        assert!(is_ipv4("192.168.5.4"));
        assert!(!is_ipv4("256.1.1.1"));
        assert!(!is_ipv4("1.2.3"));
        assert!(!is_ipv4("a.b.c.d"));
    }
}
