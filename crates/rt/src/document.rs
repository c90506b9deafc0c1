//! [`Document`]: an untyped JSON-like value (Smithy `document`).

use std::collections::BTreeMap;

/// A protocol-agnostic open value. Objects are ordered by key so equality, Debug output and
/// serialization are deterministic.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Document {
    /// No value.
    #[default]
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number; see [`Number`] for how integers are normalized.
    Number(Number),
    /// Text.
    String(String),
    /// An ordered list.
    Array(Vec<Document>),
    /// A map from string keys.
    Object(BTreeMap<String, Document>),
}

/// A document number. Non-negative integers are always `PosInt` and negative ones `NegInt`
/// (every constructor in this crate normalizes), so derived equality compares values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// An integer `>= 0`.
    PosInt(u64),
    /// An integer `< 0`.
    NegInt(i64),
    /// A floating-point number.
    Float(f64),
}

impl Number {
    /// The value as `f64` (large integers round).
    pub fn as_f64(self) -> f64 {
        match self {
            // Precision loss above 2^53 is the documented behaviour of this accessor.
            Number::PosInt(v) => v as f64,
            Number::NegInt(v) => v as f64,
            Number::Float(v) => v,
        }
    }

    /// The value as `i64` when it is an integer that fits.
    pub fn as_i64(self) -> Option<i64> {
        match self {
            Number::PosInt(v) => i64::try_from(v).ok(),
            Number::NegInt(v) => Some(v),
            Number::Float(_) => None,
        }
    }

    /// The value as `u64` when it is a non-negative integer.
    pub fn as_u64(self) -> Option<u64> {
        match self {
            Number::PosInt(v) => Some(v),
            Number::NegInt(_) | Number::Float(_) => None,
        }
    }
}

impl From<i64> for Number {
    fn from(v: i64) -> Self {
        match u64::try_from(v) {
            Ok(pos) => Number::PosInt(pos),
            Err(_) => Number::NegInt(v),
        }
    }
}

impl From<u64> for Number {
    fn from(v: u64) -> Self {
        Number::PosInt(v)
    }
}

impl From<f64> for Number {
    fn from(v: f64) -> Self {
        Number::Float(v)
    }
}

impl From<bool> for Document {
    fn from(v: bool) -> Self {
        Document::Bool(v)
    }
}

impl From<&str> for Document {
    fn from(v: &str) -> Self {
        Document::String(v.to_owned())
    }
}

impl From<String> for Document {
    fn from(v: String) -> Self {
        Document::String(v)
    }
}

impl From<i32> for Document {
    fn from(v: i32) -> Self {
        Document::Number(Number::from(i64::from(v)))
    }
}

impl From<i64> for Document {
    fn from(v: i64) -> Self {
        Document::Number(Number::from(v))
    }
}

impl From<u64> for Document {
    fn from(v: u64) -> Self {
        Document::Number(Number::from(v))
    }
}

impl From<f64> for Document {
    fn from(v: f64) -> Self {
        Document::Number(Number::Float(v))
    }
}

impl From<Number> for Document {
    fn from(v: Number) -> Self {
        Document::Number(v)
    }
}

impl From<Vec<Document>> for Document {
    fn from(v: Vec<Document>) -> Self {
        Document::Array(v)
    }
}

impl From<BTreeMap<String, Document>> for Document {
    fn from(v: BTreeMap<String, Document>) -> Self {
        Document::Object(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_normalize_by_sign() {
        assert_eq!(Document::from(5i64), Document::Number(Number::PosInt(5)));
        assert_eq!(Document::from(-5i64), Document::Number(Number::NegInt(-5)));
        assert_eq!(Document::from(5u64), Document::from(5i64));
        assert_eq!(Document::from(7i32), Document::from(7u64));
    }

    #[test]
    fn conversions_and_accessors() {
        assert_eq!(Document::default(), Document::Null);
        assert_eq!(Document::from("a"), Document::String("a".into()));
        assert_eq!(Document::from(true), Document::Bool(true));
        assert_eq!(
            Document::from(vec![Document::Null]),
            Document::Array(vec![Document::Null])
        );
        let map = BTreeMap::from([("k".to_owned(), Document::from(1.5))]);
        assert_eq!(Document::from(map.clone()), Document::Object(map));
        assert_eq!(Number::NegInt(-3).as_i64(), Some(-3));
        assert_eq!(Number::PosInt(u64::MAX).as_i64(), None);
        assert_eq!(Number::Float(1.0).as_u64(), None);
        assert_eq!(Number::PosInt(2).as_f64(), 2.0);
    }
}
