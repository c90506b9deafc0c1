//! [`BuildError`]: returned by generated builders when a required member was not set, with the
//! constructors and `Display` text of the AWS SDK's `aws_smithy_types::error::operation::BuildError`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::error::Error;
use std::fmt;
use std::hash::Hash;
use std::sync::Arc;

/// A builder's `build()` failed: a required member was not set, or a value is invalid.
#[derive(Clone, Debug)]
pub struct BuildError {
    kind: Kind,
}

#[derive(Clone, Debug)]
enum Kind {
    MissingField {
        field: &'static str,
        details: Cow<'static, str>,
    },
    InvalidField {
        field: &'static str,
        details: String,
    },
    Other(Arc<dyn Error + Send + Sync + 'static>),
}

impl BuildError {
    /// A required field was not set; `details` says which and where.
    pub fn missing_field(field: &'static str, details: &'static str) -> Self {
        BuildError {
            kind: Kind::MissingField {
                field,
                details: Cow::Borrowed(details),
            },
        }
    }

    /// A field holds a value that cannot be used.
    pub fn invalid_field(field: &'static str, details: impl Into<String>) -> Self {
        BuildError {
            kind: Kind::InvalidField {
                field,
                details: details.into(),
            },
        }
    }

    /// Any other failure while building.
    pub fn other(source: impl Into<Box<dyn Error + Send + Sync + 'static>>) -> Self {
        BuildError {
            kind: Kind::Other(Arc::from(source.into())),
        }
    }

    /// The required member `field` (its Rust name) of `type_name` was not set: the text the
    /// SDK's generated builders use, composed here so generated code names each once.
    #[doc(hidden)]
    pub fn required(type_name: &'static str, field: &'static str) -> Self {
        BuildError {
            kind: Kind::MissingField {
                field,
                details: Cow::Owned(format!(
                    "{field} was not specified but it is required when building {type_name}"
                )),
            },
        }
    }

    /// The field that was missing or invalid, if the error is about one.
    pub fn field(&self) -> Option<&'static str> {
        match &self.kind {
            Kind::MissingField { field, .. } | Kind::InvalidField { field, .. } => Some(field),
            Kind::Other(_) => None,
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::MissingField { field, details } => write!(f, "{field} was missing: {details}"),
            Kind::InvalidField { field, details } => {
                write!(f, "invalid field in input: {field} (details: {details})")
            }
            Kind::Other(_) => f.write_str("error during request construction"),
        }
    }
}

impl Error for BuildError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match &self.kind {
            Kind::Other(source) => Some(source.as_ref()),
            _ => None,
        }
    }
}

/// Operation inputs: their `@required` members are `Option`s (as in the SDK, so `build()`
/// never fails on them), and a client checks them before anything is sent.
#[doc(hidden)]
pub trait RequiredMembers {
    /// The first required member that is not set, as a [`BuildError`].
    fn check_required(&self) -> Result<(), BuildError>;
}

/// An input's required members as `(field, is set)`: the first one not set, as a [`BuildError`].
#[doc(hidden)]
pub fn require(
    type_name: &'static str,
    members: &[(&'static str, bool)],
) -> Result<(), BuildError> {
    match members.iter().find(|(_, set)| !set) {
        Some((field, _)) => Err(BuildError::required(type_name, field)),
        None => Ok(()),
    }
}

/// A list member's accessor: its items, or none when it is not set (as the SDK's accessors).
pub fn list<T>(value: &Option<Vec<T>>) -> &[T] {
    value.as_deref().unwrap_or_default()
}

/// A builder's appending list setter: adds `item`, starting the list when it is not set.
#[doc(hidden)]
pub fn push<T>(list: &mut Option<Vec<T>>, item: T) {
    list.get_or_insert_with(Vec::new).push(item);
}

/// A builder's map setter: inserts one entry, starting the map when it is not set.
#[doc(hidden)]
pub fn insert<K: Eq + Hash, V>(map: &mut Option<HashMap<K, V>>, key: K, value: V) {
    map.get_or_insert_with(HashMap::new).insert(key, value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_reads_as_the_sdk_message() {
        let err = BuildError::required("RecoveryOptionType", "priority");
        assert_eq!(
            err.to_string(),
            "priority was missing: priority was not specified but it is required when building RecoveryOptionType"
        );
        assert_eq!(err.field(), Some("priority"));
        assert!(err.source().is_none());
        let same = BuildError::missing_field(
            "priority",
            "priority was not specified but it is required when building RecoveryOptionType",
        );
        assert_eq!(same.to_string(), err.to_string());
    }

    #[test]
    fn invalid_and_other_read_as_the_sdk_messages() {
        assert_eq!(
            BuildError::invalid_field("limit", "must be positive").to_string(),
            "invalid field in input: limit (details: must be positive)"
        );
        let other = BuildError::other("boom");
        assert_eq!(other.to_string(), "error during request construction");
        assert_eq!(other.source().map(|s| s.to_string()), Some("boom".into()));
        assert_eq!(other.field(), None);
    }

    struct Input(Option<u8>);
    impl RequiredMembers for Input {
        fn check_required(&self) -> Result<(), BuildError> {
            require("Input", &[("other", true), ("value", self.0.is_some())])
        }
    }

    #[test]
    fn require_names_the_first_member_not_set() {
        assert!(Input(Some(1)).check_required().is_ok());
        let err = Input(None).check_required().err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some(
                "value was missing: value was not specified but it is required when building Input"
            )
        );
    }

    #[test]
    fn collection_helpers_start_append_and_read() {
        let mut items: Option<Vec<u8>> = None;
        assert!(list(&items).is_empty());
        push(&mut items, 1);
        push(&mut items, 2);
        assert_eq!(list(&items), &[1, 2]);
        let mut map: Option<HashMap<&str, u8>> = None;
        insert(&mut map, "a", 1);
        insert(&mut map, "b", 2);
        insert(&mut map, "a", 3);
        assert_eq!(map.map(|m| (m.len(), m["a"])), Some((2, 3)));
    }
}
