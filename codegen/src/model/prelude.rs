//! The `smithy.api` prelude shapes every model may target.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::ast::{Shape, ShapeKind};
use super::shape_id::ShapeId;
use super::traits::Traits;

/// Prelude shapes by id: the simple types, their `Primitive*` zero-default variants and `Unit`.
pub fn prelude_shapes() -> Vec<(ShapeId, Shape)> {
    type Simple = (&'static str, fn() -> ShapeKind);
    let simple: [Simple; 13] = [
        ("String", || ShapeKind::String),
        ("Blob", || ShapeKind::Blob),
        ("BigInteger", || ShapeKind::BigInteger),
        ("BigDecimal", || ShapeKind::BigDecimal),
        ("Timestamp", || ShapeKind::Timestamp),
        ("Document", || ShapeKind::Document),
        ("Boolean", || ShapeKind::Boolean),
        ("Byte", || ShapeKind::Byte),
        ("Short", || ShapeKind::Short),
        ("Integer", || ShapeKind::Integer),
        ("Long", || ShapeKind::Long),
        ("Float", || ShapeKind::Float),
        ("Double", || ShapeKind::Double),
    ];
    let mut out = Vec::new();
    for (name, kind) in simple {
        out.push(shape(name, kind(), BTreeMap::new()));
        if !matches!(
            name,
            "String" | "Blob" | "BigInteger" | "BigDecimal" | "Timestamp" | "Document"
        ) {
            let zero = if name == "Boolean" {
                json!(false)
            } else {
                json!(0)
            };
            let traits = BTreeMap::from([("smithy.api#default".to_owned(), zero)]);
            out.push(shape(&format!("Primitive{name}"), kind(), traits));
        }
    }
    let unit = BTreeMap::from([(
        "smithy.api#unitType".to_owned(),
        Value::Object(Default::default()),
    )]);
    out.push(shape("Unit", ShapeKind::Structure(Vec::new()), unit));
    out
}

fn shape(name: &str, kind: ShapeKind, raw: BTreeMap<String, Value>) -> (ShapeId, Shape) {
    let id = ShapeId::prelude(name);
    let (traits, _) = Traits::from_raw(raw);
    (id.clone(), Shape { id, kind, traits })
}
