//! Support types for generated enums.
//!
//! Smithy enums are open: a client must keep values it does not know. Generated enums carry
//! them in an `Unknown(UnknownVariantValue)` variant, whose payload is opaque so users cannot
//! construct a value that collides with a known variant.

use std::fmt;

/// A string enum value not known when the code was generated.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownVariantValue(String);

impl UnknownVariantValue {
    /// Used by generated code only; constructing one by hand would bypass the known variants.
    #[doc(hidden)]
    pub fn new(value: impl Into<String>) -> Self {
        UnknownVariantValue(value.into())
    }

    /// The wire value.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An int enum value not known when the code was generated.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownIntVariantValue(i32);

impl UnknownIntVariantValue {
    /// Used by generated code only; constructing one by hand would bypass the known variants.
    #[doc(hidden)]
    pub fn new(value: i32) -> Self {
        UnknownIntVariantValue(value)
    }

    /// The wire value.
    pub fn value(&self) -> i32 {
        self.0
    }
}

/// A strict parse (`try_parse`) met a value that is not one of the enum's known values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownEnumValue {
    type_name: &'static str,
    value: String,
}

impl UnknownEnumValue {
    /// Used by generated code.
    #[doc(hidden)]
    pub fn new(type_name: &'static str, value: impl Into<String>) -> Self {
        UnknownEnumValue {
            type_name,
            value: value.into(),
        }
    }

    /// The enum's Rust type name.
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The rejected value.
    pub fn value(&self) -> &str {
        &self.value
    }
}

impl fmt::Display for UnknownEnumValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The SDK's `UnknownVariantError` text.
        write!(f, "unknown enum variant: '{}'", self.value)
    }
}

impl std::error::Error for UnknownEnumValue {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accessors_and_display() {
        assert_eq!(UnknownVariantValue::new("X").as_str(), "X");
        assert_eq!(UnknownIntVariantValue::new(-4).value(), -4);
        let err = UnknownEnumValue::new("Color", "Mauve".to_owned());
        assert_eq!(err.to_string(), "unknown enum variant: 'Mauve'");
        assert_eq!((err.type_name(), err.value()), ("Color", "Mauve"));
        assert!(UnknownVariantValue::new("a") < UnknownVariantValue::new("b"));
    }
}
