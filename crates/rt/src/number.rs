//! [`BigInteger`] and [`BigDecimal`]: arbitrary-precision numbers kept as their decimal text.
//!
//! The runtime does not do arithmetic on them; it only guarantees the text is a valid JSON
//! number (so it can be written to the wire verbatim) of the right kind.

use std::fmt;
use std::str::FromStr;

/// The text is not a valid number of the requested kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberParseError {
    kind: &'static str,
    text: String,
}

impl fmt::Display for NumberParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a valid {}", self.text, self.kind)
    }
}

impl std::error::Error for NumberParseError {}

/// An integer of any size (Smithy `bigInteger`), as text matching `-?(0|[1-9][0-9]*)`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BigInteger(String);

/// A decimal of any size and precision (Smithy `bigDecimal`), as JSON number text
/// (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BigDecimal(String);

impl BigInteger {
    /// The decimal text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl BigDecimal {
    /// The decimal text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for BigInteger {
    fn default() -> Self {
        BigInteger("0".to_owned())
    }
}

impl Default for BigDecimal {
    fn default() -> Self {
        BigDecimal("0".to_owned())
    }
}

impl FromStr for BigInteger {
    type Err = NumberParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let rest = integer_part(text);
        match rest {
            Some("") => Ok(BigInteger(text.to_owned())),
            _ => Err(NumberParseError {
                kind: "bigInteger",
                text: text.to_owned(),
            }),
        }
    }
}

impl FromStr for BigDecimal {
    type Err = NumberParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let rest = integer_part(text)
            .and_then(|rest| match rest.strip_prefix('.') {
                Some(frac) => digits(frac),
                None => Some(rest),
            })
            .and_then(|rest| match rest.strip_prefix(['e', 'E']) {
                Some(exp) => digits(exp.strip_prefix(['+', '-']).unwrap_or(exp)),
                None => Some(rest),
            });
        match rest {
            Some("") => Ok(BigDecimal(text.to_owned())),
            _ => Err(NumberParseError {
                kind: "bigDecimal",
                text: text.to_owned(),
            }),
        }
    }
}

impl fmt::Display for BigInteger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for BigDecimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

macro_rules! from_primitive {
    ($target:ident: $($t:ty),*) => {$(
        impl From<$t> for $target {
            fn from(v: $t) -> Self {
                $target(v.to_string())
            }
        }
    )*};
}
from_primitive!(BigInteger: i8, i16, i32, i64, i128, u8, u16, u32, u64, u128);
from_primitive!(BigDecimal: i8, i16, i32, i64, i128, u8, u16, u32, u64, u128);

impl From<BigInteger> for BigDecimal {
    fn from(v: BigInteger) -> Self {
        BigDecimal(v.0)
    }
}

/// Consumes `-?(0|[1-9][0-9]*)`, returning the rest.
fn integer_part(text: &str) -> Option<&str> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    if let Some(rest) = unsigned.strip_prefix('0') {
        return Some(rest);
    }
    match unsigned.as_bytes().first() {
        Some(b'1'..=b'9') => digits(unsigned),
        _ => None,
    }
}

/// Consumes one or more ASCII digits, returning the rest.
fn digits(text: &str) -> Option<&str> {
    let end = text
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(text.len());
    (end > 0).then(|| &text[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_integer_syntax() {
        for ok in ["0", "-0", "7", "-123456789012345678901234567890"] {
            assert_eq!(
                ok.parse::<BigInteger>().map(|b| b.to_string()),
                Ok(ok.to_owned())
            );
        }
        for bad in ["", "-", "01", "1.0", "1e3", "+1", " 1", "1 ", "abc", "0x10"] {
            let err = bad.parse::<BigInteger>().unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("`{bad}` is not a valid bigInteger")
            );
        }
    }

    #[test]
    fn big_decimal_syntax() {
        for ok in [
            "0",
            "-0.5",
            "1.25",
            "1e3",
            "1E+3",
            "-1.5e-30",
            "123456789012345678901234567890.1",
        ] {
            assert_eq!(ok.parse::<BigDecimal>().unwrap().as_str(), ok);
        }
        for bad in [
            "", ".5", "1.", "01.5", "1e", "1e+", "+1", "NaN", "1.5.5", "1_000",
        ] {
            assert!(bad.parse::<BigDecimal>().is_err(), "{bad}");
        }
    }

    #[test]
    fn conversions() {
        assert_eq!(BigInteger::from(-5i64).as_str(), "-5");
        assert_eq!(
            BigDecimal::from(BigInteger::from(u128::MAX)).as_str(),
            u128::MAX.to_string()
        );
        assert_eq!(BigInteger::default().as_str(), "0");
    }
}
