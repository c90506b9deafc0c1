//! [`ReadJson`] implementations for the Smithy simple types and collections.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};

use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;
use serde_json::Value;

use super::{JsonError, JsonKey, PathSeg, ReadCx, ReadJson};
use crate::blob::Blob;
use crate::number::{BigDecimal, BigInteger};
use crate::time::{DateTime, TimestampFormat};

/// Standard alphabet; padding optional on input, since some producers strip it.
const BASE64_LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Integral floats are accepted as integers only up to 2^53, where `f64` is still exact.
const MAX_EXACT_F64_INT: f64 = 9_007_199_254_740_992.0;

impl ReadJson for String {
    fn read_json(v: &Value, cx: &mut ReadCx) -> Result<Self, JsonError> {
        match v {
            Value::String(s) => Ok(s.clone()),
            _ => Err(cx.type_error("a string", v)),
        }
    }
}

impl ReadJson for bool {
    fn read_json(v: &Value, cx: &mut ReadCx) -> Result<Self, JsonError> {
        v.as_bool().ok_or_else(|| cx.type_error("a boolean", v))
    }
}

/// Reads any JSON integer as `i128` so each target type can range-check it. `1.0`-style
/// integral floats are tolerated (within 2^53); `1.5` is rejected.
fn read_integer(v: &Value, cx: &ReadCx) -> Result<i128, JsonError> {
    let Value::Number(n) = v else {
        return Err(cx.type_error("an integer", v));
    };
    if let Some(i) = n.as_i64() {
        return Ok(i128::from(i));
    }
    if let Some(u) = n.as_u64() {
        return Ok(i128::from(u));
    }
    match n.as_f64() {
        // The guard makes the cast exact.
        Some(f) if f.fract() == 0.0 && f.abs() <= MAX_EXACT_F64_INT => Ok(f as i128),
        _ => Err(cx.error(format!("expected an integer, found {n}"))),
    }
}

macro_rules! read_int {
    ($($t:ty),*) => {$(
        impl ReadJson for $t {
            fn read_json(v: &Value, cx: &mut ReadCx) -> Result<Self, JsonError> {
                let wide = read_integer(v, cx)?;
                <$t>::try_from(wide).map_err(|_| {
                    cx.error(format!("{wide} is out of range for {}", stringify!($t)))
                })
            }
        }
    )*};
}
read_int!(i8, i16, i32, i64);

/// A JSON number, or exactly `"NaN"`, `"Infinity"` or `"-Infinity"`.
fn read_float(v: &Value, cx: &ReadCx) -> Result<f64, JsonError> {
    match v {
        Value::Number(n) => n
            .as_f64()
            .ok_or_else(|| cx.error("number is not representable")),
        Value::String(s) => match s.as_str() {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            _ => Err(cx.error(format!("expected a number, found the string {s:?}"))),
        },
        _ => Err(cx.type_error("a number", v)),
    }
}

impl ReadJson for f64 {
    fn read_json(v: &Value, cx: &mut ReadCx) -> Result<Self, JsonError> {
        read_float(v, cx)
    }
}

impl ReadJson for f32 {
    fn read_json(v: &Value, cx: &mut ReadCx) -> Result<Self, JsonError> {
        let wide = read_float(v, cx)?;
        // Rounding decimal -> f64 -> f32 equals rounding straight to f32 (53 >= 2*24 + 2 bits).
        let narrow = wide as f32;
        if narrow.is_infinite() && wide.is_finite() {
            return Err(cx.error(format!("{v} is out of range for f32")));
        }
        Ok(narrow)
    }
}

impl ReadJson for Blob {
    fn read_json(v: &Value, cx: &mut ReadCx) -> Result<Self, JsonError> {
        let Value::String(s) = v else {
            return Err(cx.type_error("a base64 string", v));
        };
        BASE64_LENIENT
            .decode(s)
            .map(Blob::from)
            .map_err(|e| cx.error(format!("invalid base64: {e}")))
    }
}

impl ReadJson for DateTime {
    /// Epoch seconds; other formats go through [`ReadCx::timestamp`].
    fn read_json(v: &Value, cx: &mut ReadCx) -> Result<Self, JsonError> {
        cx.timestamp(v, TimestampFormat::EpochSeconds)
    }
}

impl ReadJson for BigInteger {
    /// Without serde_json's `arbitrary_precision`, integers beyond `u64`/`i64` arrive as `f64`;
    /// integral ones are accepted with the precision `f64` kept.
    fn read_json(v: &Value, cx: &mut ReadCx) -> Result<Self, JsonError> {
        let Value::Number(n) = v else {
            return Err(cx.type_error("an integer", v));
        };
        let text = match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 => format!("{f}"),
            _ => n.to_string(),
        };
        text.parse().map_err(|e| cx.error(format!("{e}")))
    }
}

impl ReadJson for BigDecimal {
    fn read_json(v: &Value, cx: &mut ReadCx) -> Result<Self, JsonError> {
        let Value::Number(n) = v else {
            return Err(cx.type_error("a number", v));
        };
        n.to_string().parse().map_err(|e| cx.error(format!("{e}")))
    }
}

impl<T: ReadJson> ReadJson for Box<T> {
    fn read_json(v: &Value, cx: &mut ReadCx) -> Result<Self, JsonError> {
        T::read_json(v, cx).map(Box::new)
    }
}

impl<T: ReadJson> ReadJson for Option<T> {
    /// `null` is `None`. As a list item or map value this is what makes a collection sparse;
    /// dense collections reject `null` because `T` itself does.
    fn read_json(v: &Value, cx: &mut ReadCx) -> Result<Self, JsonError> {
        if v.is_null() {
            Ok(None)
        } else {
            T::read_json(v, cx).map(Some)
        }
    }
}

impl<T: ReadJson> ReadJson for Vec<T> {
    fn read_json(v: &Value, cx: &mut ReadCx) -> Result<Self, JsonError> {
        let items = cx.expect_array(v)?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            cx.push(PathSeg::Index(i));
            let read = T::read_json(item, cx);
            cx.pop();
            out.push(read?);
        }
        Ok(out)
    }
}

impl<K, V, S> ReadJson for HashMap<K, V, S>
where
    K: JsonKey + Eq + Hash,
    V: ReadJson,
    S: BuildHasher + Default,
{
    fn read_json(v: &Value, cx: &mut ReadCx) -> Result<Self, JsonError> {
        let entries = cx.expect_object(v)?;
        let mut out = HashMap::with_capacity_and_hasher(entries.len(), S::default());
        for (key, value) in entries {
            cx.push(PathSeg::Key(key.clone()));
            let read = V::read_json(value, cx);
            cx.pop();
            out.insert(K::from_key(key), read?);
        }
        Ok(out)
    }
}
