//! The model back to JSON AST in one normal form (`cargo xtask model-json`): shapes sorted by id,
//! the built-in prelude left out, mixins already flattened, `apply` already merged, keys in a
//! fixed order (trait ids and object keys inside values sorted, members in declaration order),
//! operation input/output left out when `smithy.api#Unit`. The same model written as IDL or as
//! JSON AST prints identically.

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

use super::ast::{Member, Model, Shape, ShapeKind};
use super::prelude::prelude_shapes;
use super::shape_id::ShapeId;

/// The normal-form JSON AST of `model`.
pub fn to_json(model: &Model) -> Value {
    let builtin: BTreeSet<ShapeId> = prelude_shapes().into_iter().map(|(id, _)| id).collect();
    let mut root = Map::new();
    root.insert("smithy".into(), json!("2.0"));
    if !model.metadata.is_empty() {
        let metadata = model
            .metadata
            .iter()
            .map(|(k, v)| (k.clone(), sorted(v)))
            .collect();
        root.insert("metadata".into(), Value::Object(metadata));
    }
    let shapes = model
        .shapes
        .iter()
        .filter(|(id, _)| !builtin.contains(*id))
        .map(|(id, shape)| (id.as_str().to_owned(), shape_json(shape)))
        .collect();
    root.insert("shapes".into(), Value::Object(shapes));
    Value::Object(root)
}

/// [`to_json`] pretty-printed, with a final line break.
pub fn to_json_string(model: &Model) -> String {
    let mut text = serde_json::to_string_pretty(&to_json(model))
        .unwrap_or_else(|e| unreachable!("a JSON value always serializes: {e}"));
    text.push('\n');
    text
}

fn shape_json(shape: &Shape) -> Value {
    let mut body = Map::new();
    body.insert("type".into(), json!(shape.kind.type_name()));
    match &shape.kind {
        ShapeKind::Enum(members)
        | ShapeKind::IntEnum(members)
        | ShapeKind::Structure(members)
        | ShapeKind::Union(members) => {
            let members = members.iter().map(|m| (m.name.clone(), member_json(m)));
            body.insert("members".into(), Value::Object(members.collect()));
        }
        ShapeKind::List(member) => {
            body.insert("member".into(), member_json(member));
        }
        ShapeKind::Map { key, value } => {
            body.insert("key".into(), member_json(key));
            body.insert("value".into(), member_json(value));
        }
        ShapeKind::Operation(op) => {
            let unit = ShapeId::prelude("Unit");
            if op.input != unit {
                body.insert("input".into(), target(&op.input));
            }
            if op.output != unit {
                body.insert("output".into(), target(&op.output));
            }
            insert_targets(&mut body, "errors", &op.errors);
        }
        ShapeKind::Service(s) => {
            if let Some(v) = &s.version {
                body.insert("version".into(), json!(v));
            }
            insert_targets(&mut body, "operations", &s.operations);
            insert_targets(&mut body, "resources", &s.resources);
            insert_targets(&mut body, "errors", &s.errors);
            if !s.rename.is_empty() {
                let rename = s
                    .rename
                    .iter()
                    .map(|(k, v)| (k.as_str().to_owned(), json!(v)));
                body.insert("rename".into(), Value::Object(rename.collect()));
            }
        }
        ShapeKind::Resource(r) => {
            for (key, named) in [
                ("identifiers", &r.identifiers),
                ("properties", &r.properties),
            ] {
                if !named.is_empty() {
                    let map = named.iter().map(|(n, id)| (n.clone(), target(id)));
                    body.insert(key.into(), Value::Object(map.collect()));
                }
            }
            for (key, id) in &r.lifecycle {
                body.insert(key.clone(), target(id));
            }
            insert_targets(&mut body, "operations", &r.instance_operations);
            insert_targets(&mut body, "collectionOperations", &r.collection_operations);
            insert_targets(&mut body, "resources", &r.resources);
        }
        _ => {}
    }
    insert_traits(&mut body, &shape.traits.raw);
    Value::Object(body)
}

fn member_json(m: &Member) -> Value {
    let mut body = Map::new();
    body.insert("target".into(), json!(m.target.as_str()));
    insert_traits(&mut body, &m.traits.raw);
    Value::Object(body)
}

fn target(id: &ShapeId) -> Value {
    json!({ "target": id.as_str() })
}

fn insert_targets(body: &mut Map<String, Value>, key: &str, ids: &[ShapeId]) {
    if !ids.is_empty() {
        body.insert(key.into(), Value::Array(ids.iter().map(target).collect()));
    }
}

fn insert_traits(body: &mut Map<String, Value>, raw: &std::collections::BTreeMap<String, Value>) {
    if !raw.is_empty() {
        let traits = raw.iter().map(|(k, v)| (k.clone(), sorted(v)));
        body.insert("traits".into(), Value::Object(traits.collect()));
    }
}

/// `v` with the keys of every object sorted.
fn sorted(v: &Value) -> Value {
    match v {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.clone(), sorted(v)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}
