//! Absolute shape ids (`namespace#Name`), validated once at parse time.

use std::fmt;

/// An absolute Smithy shape id without a member part, e.g. `com.example#Weather`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShapeId(String);

/// The prelude namespace.
pub const PRELUDE: &str = "smithy.api";

impl ShapeId {
    /// Parses `namespace#Name`; member ids (`ns#Name$member`) and relative ids are rejected.
    pub fn parse(text: &str) -> Result<ShapeId, String> {
        let Some((namespace, name)) = text.split_once('#') else {
            return Err(format!(
                "`{text}` is not an absolute shape id (expected `namespace#Name`)"
            ));
        };
        if name.contains('$') {
            return Err(format!(
                "`{text}` is a member id; a shape id was expected here"
            ));
        }
        if namespace.is_empty() || !namespace.split('.').all(is_identifier) {
            return Err(format!("`{text}` has an invalid namespace `{namespace}`"));
        }
        if !is_identifier(name) {
            return Err(format!("`{text}` has an invalid shape name `{name}`"));
        }
        Ok(ShapeId(text.to_owned()))
    }

    /// A prelude shape id, `smithy.api#name`.
    pub fn prelude(name: &str) -> ShapeId {
        ShapeId(format!("{PRELUDE}#{name}"))
    }

    /// The namespace part.
    pub fn namespace(&self) -> &str {
        self.0.split_once('#').map_or("", |(ns, _)| ns)
    }

    /// The shape name part.
    pub fn name(&self) -> &str {
        self.0
            .split_once('#')
            .map_or(self.0.as_str(), |(_, name)| name)
    }

    /// The whole id.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for `smithy.api#...` shapes.
    pub fn is_prelude(&self) -> bool {
        self.namespace() == PRELUDE
    }
}

impl fmt::Display for ShapeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Smithy's identifier grammar: `(1*"_" (ALPHA / DIGIT)) / ALPHA`, then `*(ALPHA / DIGIT / "_")`.
pub fn is_identifier(s: &str) -> bool {
    let bytes = s.as_bytes();
    let underscores = bytes.iter().take_while(|b| **b == b'_').count();
    let Some(first) = bytes.get(underscores) else {
        return false;
    };
    let first_ok = if underscores > 0 {
        first.is_ascii_alphanumeric()
    } else {
        first.is_ascii_alphabetic()
    };
    first_ok
        && bytes[underscores + 1..]
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_absolute_ids() {
        let id = ShapeId::parse("com.amazonaws.cognitoidentityprovider#UserPoolIdType").unwrap();
        assert_eq!(id.namespace(), "com.amazonaws.cognitoidentityprovider");
        assert_eq!(id.name(), "UserPoolIdType");
        assert!(ShapeId::parse("smithy.api#String").unwrap().is_prelude());
    }

    #[test]
    fn rejects_bad_ids() {
        for bad in [
            "Foo",
            "#Foo",
            "ns#",
            "ns#Foo$bar",
            "n..s#Foo",
            "ns#1Foo",
            "ns#Fo-o",
            "ns#_",
        ] {
            assert!(ShapeId::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(ShapeId::parse("ns#_1Foo").is_ok());
    }
}
