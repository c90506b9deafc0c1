//! A resolved endpoint and its auth schemes.

use std::collections::BTreeMap;

/// The result of a resolution: where to send the request, with what headers and properties.
#[derive(Clone, Debug, PartialEq)]
pub struct Endpoint {
    /// The endpoint URL, e.g. `https://cognito-idp.us-east-1.amazonaws.com`.
    pub url: String,
    /// Headers the request must carry, each with its values in rule order.
    pub headers: BTreeMap<String, Vec<String>>,
    /// The endpoint's properties (e.g. `authSchemes`), templates filled in.
    pub properties: serde_json::Map<String, serde_json::Value>,
}

/// One entry of an endpoint's `authSchemes` property.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AuthScheme {
    /// The scheme's name, e.g. `sigv4` or `sigv4a`.
    pub name: String,
    /// `signingName`: the service name to sign with.
    pub signing_name: Option<String>,
    /// `signingRegion`: the region to sign with (`sigv4`).
    pub signing_region: Option<String>,
    /// `signingRegionSet`: the regions to sign for (`sigv4a`).
    pub signing_region_set: Vec<String>,
    /// `disableDoubleEncoding`.
    pub disable_double_encoding: Option<bool>,
}

impl Endpoint {
    /// The `authSchemes` property, in preference order. Entries that are not objects with a
    /// string `name` are skipped; fields of the wrong type read as absent.
    pub fn auth_schemes(&self) -> Vec<AuthScheme> {
        let Some(serde_json::Value::Array(schemes)) = self.properties.get("authSchemes") else {
            return Vec::new();
        };
        schemes
            .iter()
            .filter_map(|scheme| {
                let scheme = scheme.as_object()?;
                let text = |key: &str| scheme.get(key).and_then(|v| v.as_str()).map(str::to_owned);
                Some(AuthScheme {
                    name: text("name")?,
                    signing_name: text("signingName"),
                    signing_region: text("signingRegion"),
                    signing_region_set: scheme
                        .get("signingRegionSet")
                        .and_then(|v| v.as_array())
                        .map(|set| {
                            set.iter()
                                .filter_map(|r| r.as_str().map(str::to_owned))
                                .collect()
                        })
                        .unwrap_or_default(),
                    disable_double_encoding: scheme
                        .get("disableDoubleEncoding")
                        .and_then(|v| v.as_bool()),
                })
            })
            .collect()
    }
}
