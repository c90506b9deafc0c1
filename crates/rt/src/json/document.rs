//! Conversions between [`Document`] and JSON.

use std::collections::HashMap;

use serde_json::Value;

use super::{JsonError, JsonWriter, ReadCx, ReadJson, WriteJson};
use crate::document::{Document, Number};

/// Converts a parsed JSON value. Integers become `PosInt`/`NegInt` by sign, other numbers
/// `Float`.
pub fn read_document(v: &Value) -> Document {
    match v {
        Value::Null => Document::Null,
        Value::Bool(b) => Document::Bool(*b),
        Value::Number(n) => Document::Number(if let Some(u) = n.as_u64() {
            Number::PosInt(u)
        } else if let Some(i) = n.as_i64() {
            Number::NegInt(i)
        } else {
            // serde_json numbers are always one of u64, i64 or finite f64.
            Number::Float(n.as_f64().unwrap_or(f64::NAN))
        }),
        Value::String(s) => Document::String(s.clone()),
        Value::Array(items) => Document::Array(items.iter().map(read_document).collect()),
        Value::Object(entries) => Document::Object(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), read_document(v)))
                .collect::<HashMap<_, _>>(),
        ),
    }
}

/// Converts to a JSON value. Non-finite floats, which JSON numbers cannot hold, become the
/// strings `"NaN"`, `"Infinity"` and `"-Infinity"` like every other awsJson float.
pub fn to_value(d: &Document) -> Value {
    match d {
        Document::Null => Value::Null,
        Document::Bool(b) => Value::Bool(*b),
        Document::Number(Number::PosInt(u)) => Value::from(*u),
        Document::Number(Number::NegInt(i)) => Value::from(*i),
        Document::Number(Number::Float(f)) => match serde_json::Number::from_f64(*f) {
            Some(n) => Value::Number(n),
            None => Value::String(non_finite_name(*f).to_owned()),
        },
        Document::String(s) => Value::String(s.clone()),
        Document::Array(items) => Value::Array(items.iter().map(to_value).collect()),
        Document::Object(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), to_value(v)))
                .collect(),
        ),
    }
}

fn non_finite_name(f: f64) -> &'static str {
    if f.is_nan() {
        "NaN"
    } else if f > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    }
}

impl WriteJson for Document {
    /// Inline JSON; object keys sorted, so the same document always writes the same bytes.
    fn write_json(&self, w: &mut JsonWriter) {
        match self {
            Document::Null => w.null(),
            Document::Bool(b) => w.bool(*b),
            Document::Number(Number::PosInt(u)) => w.u64(*u),
            Document::Number(Number::NegInt(i)) => w.i64(*i),
            Document::Number(Number::Float(f)) => w.f64(*f),
            Document::String(s) => w.string(s),
            Document::Array(items) => items.write_json(w),
            Document::Object(entries) => {
                let mut sorted: Vec<_> = entries.iter().collect();
                sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
                let mut object = w.object();
                for (key, value) in sorted {
                    value.write_json(object.key(key));
                }
                object.end();
            }
        }
    }
}

impl ReadJson for Document {
    fn read_json(v: &Value, _cx: &mut ReadCx) -> Result<Self, JsonError> {
        Ok(read_document(v))
    }
}
