//! The values expressions evaluate to: strings, booleans, integers, arrays and records.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::expr::PathPart;
use crate::value::Value;

/// A runtime value. Records are shared (`Arc`) because the partition table hands out the same
/// record on every call.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Val {
    Str(String),
    Bool(bool),
    Int(i64),
    Array(Vec<Val>),
    Record(Arc<BTreeMap<String, Val>>),
}

impl Val {
    pub fn record(fields: impl IntoIterator<Item = (&'static str, Val)>) -> Val {
        Val::Record(Arc::new(
            fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        ))
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            Val::Str(_) => "string",
            Val::Bool(_) => "boolean",
            Val::Int(_) => "integer",
            Val::Array(_) => "array",
            Val::Record(_) => "record",
        }
    }

    /// The value at `path`; `None` when a key is missing, an index is out of range, or a step
    /// does not fit the value's shape.
    pub fn at(&self, path: &[PathPart]) -> Option<&Val> {
        let mut cur = self;
        for part in path {
            cur = match (part, cur) {
                (PathPart::Key(k), Val::Record(fields)) => fields.get(k)?,
                (PathPart::Index(i), Val::Array(items)) => items.get(*i)?,
                _ => return None,
            };
        }
        Some(cur)
    }

    /// The value as endpoint-property JSON.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Val::Str(s) => serde_json::Value::String(s.clone()),
            Val::Bool(b) => serde_json::Value::Bool(*b),
            Val::Int(i) => serde_json::Value::from(*i),
            Val::Array(items) => serde_json::Value::Array(items.iter().map(Val::to_json).collect()),
            Val::Record(fields) => serde_json::Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

impl From<&Value> for Val {
    fn from(value: &Value) -> Self {
        match value {
            Value::String(s) => Val::Str(s.clone()),
            Value::Bool(b) => Val::Bool(*b),
            Value::StringArray(items) => Val::Array(items.iter().cloned().map(Val::Str).collect()),
        }
    }
}
