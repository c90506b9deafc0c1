//! A synthetic model `copies` times the size of a real one, to show how generation time grows
//! with the number of shapes: every shape but the service is copied under a new name
//! (`Name` -> `NameN`), references are renamed to match, and the one service lists the
//! operations of every copy.

use serde_json::{Map, Value};

/// The model JSON AST `model` with its shapes copied `copies` times (copy 1 keeps the names).
pub fn multiply(model: &Value, copies: usize) -> Result<Value, String> {
    let shapes = model
        .get("shapes")
        .and_then(Value::as_object)
        .ok_or("the model has no `shapes` object")?;
    let (services, others): (Vec<_>, Vec<_>) = shapes
        .iter()
        .partition(|(_, shape)| shape.get("type").and_then(Value::as_str) == Some("service"));
    let [(service_id, service)] = services.as_slice() else {
        return Err(format!(
            "expected one service shape, found {}",
            services.len()
        ));
    };
    // Trait definitions are applied by id; renaming them would orphan their applications.
    let renamed: Vec<&String> = others
        .iter()
        .filter(|(_, shape)| {
            shape
                .get("traits")
                .and_then(Value::as_object)
                .is_none_or(|t| !t.contains_key("smithy.api#trait"))
        })
        .map(|(id, _)| *id)
        .collect();
    let mut out = Map::new();
    let mut service = (*service).clone();
    let mut operations = Vec::new();
    for copy in 1..=copies {
        let rename = |id: &str| -> Option<String> {
            if copy == 1 || !renamed.iter().any(|r| r.as_str() == id) {
                return None;
            }
            Some(format!("{id}{copy}"))
        };
        for (id, shape) in &others {
            let mut shape = (*shape).clone();
            rename_targets(&mut shape, &rename);
            let new_id = rename(id).unwrap_or_else(|| (*id).clone());
            if copy > 1 && new_id == **id {
                // A trait definition: one copy is enough.
                continue;
            }
            out.insert(new_id, shape);
        }
        if let Some(list) = service.get("operations").and_then(Value::as_array) {
            for op in list {
                let mut op = op.clone();
                rename_targets(&mut op, &rename);
                operations.push(op);
            }
        }
    }
    if let Some(slot) = service.get_mut("operations") {
        *slot = Value::Array(operations);
    }
    out.insert((*service_id).clone(), service);
    let mut model = model.clone();
    model["shapes"] = Value::Object(out);
    Ok(model)
}

/// Renames every `"target": ID` inside `value` (members, inputs, outputs, errors, operations).
fn rename_targets(value: &mut Value, rename: &dyn Fn(&str) -> Option<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    Value::String(id) if key == "target" => {
                        if let Some(new) = rename(id) {
                            *id = new;
                        }
                    }
                    _ => rename_targets(v, rename),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rename_targets(v, rename)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn copies_shapes_and_renames_references() {
        let model = json!({"smithy": "2.0", "shapes": {
            "ns#Svc": {"type": "service", "operations": [{"target": "ns#Op"}]},
            "ns#Op": {"type": "operation", "input": {"target": "ns#In"}},
            "ns#In": {"type": "structure", "members": {"a": {"target": "smithy.api#String"}}},
            "ns#tag": {"type": "structure", "traits": {"smithy.api#trait": {}}}
        }});
        let big = multiply(&model, 3).expect("multiplied");
        let shapes = big["shapes"].as_object().expect("shapes");
        assert_eq!(shapes.len(), 1 + 3 * 2 + 1, "{shapes:?}");
        assert_eq!(big["shapes"]["ns#Op3"]["input"]["target"], "ns#In3");
        assert_eq!(
            big["shapes"]["ns#In2"]["members"]["a"]["target"],
            "smithy.api#String"
        );
        assert_eq!(
            big["shapes"]["ns#Svc"]["operations"],
            json!([{"target": "ns#Op"}, {"target": "ns#Op2"}, {"target": "ns#Op3"}])
        );
    }

    #[test]
    fn refuses_a_model_without_one_service() {
        assert!(multiply(&json!({"shapes": {}}), 2).is_err());
        assert!(multiply(&json!({}), 2).is_err());
    }
}
