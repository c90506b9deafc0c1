//! [`BuildError`]: returned by generated builders when a required member was not set.

use std::fmt;

/// A builder's `build()` was called without a required member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    type_name: &'static str,
    field: &'static str,
}

impl BuildError {
    /// Used by generated builders.
    #[doc(hidden)]
    pub fn missing_field(type_name: &'static str, field: &'static str) -> Self {
        BuildError { type_name, field }
    }

    /// The type being built.
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The Rust name of the missing field.
    pub fn field(&self) -> &'static str {
        self.field
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` was not specified but it is required when building {}",
            self.field, self.type_name
        )
    }
}

impl std::error::Error for BuildError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_field_and_type() {
        let err = BuildError::missing_field("StopUserImportJobInput", "job_id");
        assert_eq!(
            err.to_string(),
            "`job_id` was not specified but it is required when building StopUserImportJobInput"
        );
        assert_eq!(
            (err.type_name(), err.field()),
            ("StopUserImportJobInput", "job_id")
        );
        let as_dyn: &dyn std::error::Error = &err;
        assert!(as_dyn.source().is_none());
    }
}
