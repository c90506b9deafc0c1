//! The published SDK follows the live service; the checked-in model is a snapshot, usually older.
//! SDK items of operations, types, members, enum values and operation errors that the model does
//! not define cannot be expected of a client generated from it: they are left out of the
//! comparison and counted. Names are compared folded (lower case, no `_`), so a naming difference
//! of ours still shows up as missing.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use serde_json::Value;

use crate::public_api::Item;

/// What [`without_model_skew`] left out.
#[derive(Debug, Default)]
pub struct Skew {
    /// The SDK items left out.
    pub items: Vec<Item>,
    /// The absent operations, types and `Type.member`s.
    pub names: BTreeSet<String>,
}

/// The model's names: shapes, and the members of each "owner" (a shape by folded name, or an
/// operation's `op#input`, `op#output`, `op#errors`).
struct Model {
    shapes: HashSet<String>,
    members: HashMap<String, HashSet<String>>,
}

fn load(model: &Path) -> Result<Model, String> {
    let text = std::fs::read_to_string(model).map_err(|e| format!("{}: {e}", model.display()))?;
    let json: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", model.display()))?;
    let shapes = json["shapes"]
        .as_object()
        .ok_or_else(|| format!("{}: no shapes", model.display()))?;
    let short = |id: &str| fold(id.rsplit_once('#').map_or(id, |(_, n)| n));
    let mut out = Model {
        shapes: HashSet::new(),
        members: HashMap::new(),
    };
    let member_names = |shape: &Value| -> HashSet<String> {
        let mut names: HashSet<String> = shape["members"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(m, _)| fold(m))
            .collect();
        // IDL 1.0 string enums: the SDK names a variant after `name`, or after `value`.
        for def in shape["traits"]["smithy.api#enum"]
            .as_array()
            .into_iter()
            .flatten()
        {
            names.extend(
                ["name", "value"]
                    .iter()
                    .filter_map(|k| def[*k].as_str())
                    .map(fold),
            );
        }
        names
    };
    for (id, shape) in shapes {
        let name = short(id);
        out.shapes.insert(name.clone());
        out.members.insert(name.clone(), member_names(shape));
        if shape["type"] == "operation" {
            for (key, io) in [("input", "input"), ("output", "output")] {
                let members = shape[key]["target"]
                    .as_str()
                    .and_then(|t| shapes.get(t))
                    .map(member_names)
                    .unwrap_or_default();
                out.members.insert(format!("{name}#{io}"), members);
            }
            let errors = shape["errors"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| e["target"].as_str())
                .map(short)
                .collect();
            out.members.insert(format!("{name}#errors"), errors);
        }
    }
    Ok(out)
}

/// Drops the SDK items the model cannot have produced; see the module docs.
pub fn without_model_skew(
    sdk: BTreeSet<Item>,
    model: &Path,
) -> Result<(BTreeSet<Item>, Skew), String> {
    let model = load(model)?;
    // Operations and types of the SDK that the model lacks.
    let mut absent_ops = BTreeSet::new();
    let mut absent_types = BTreeSet::new();
    // Members (fields, variants) of owners the model has, but that the model's owner lacks.
    let mut absent_members: HashMap<String, HashSet<String>> = HashMap::new();
    for item in &sdk {
        let segments: Vec<&str> = item.path.split("::").collect();
        match (item.kind, segments.as_slice()) {
            ("mod", ["operation", op]) if !model.shapes.contains(&fold(op)) => {
                absent_ops.insert(op.to_string());
            }
            ("type", ["types", name] | ["types", "error", name])
                if !model.shapes.contains(&fold(name)) =>
            {
                absent_types.insert(name.to_string());
            }
            ("field" | "variant", _) => {
                let Some((owner, member)) = owner_of(&segments) else {
                    continue;
                };
                let folded = fold(member);
                // The SDK's own catch-all variants are not model members.
                if matches!(folded.as_str(), "unhandled" | "unknown") {
                    continue;
                }
                if let Some(known) = model.members.get(&owner) {
                    // The SDK names a model value `UNKNOWN` `UnknownValue` (its own `Unknown`
                    // variant takes the name).
                    let renamed = folded == "unknownvalue" && known.contains("unknown");
                    if !known.contains(&folded) && !renamed {
                        absent_members.entry(owner).or_default().insert(folded);
                    }
                }
            }
            _ => {}
        }
    }
    let mut skew = Skew::default();
    skew.names.extend(absent_ops.iter().cloned());
    skew.names.extend(absent_types.iter().cloned());
    let op_prefixes: Vec<String> = absent_ops.iter().map(|op| fold(op)).collect();
    let kept = sdk
        .into_iter()
        .filter(|item| {
            let path = item.path.split(": ").next().unwrap_or(&item.path);
            let segments: Vec<&str> = path.split("::").collect();
            let absent_owner = segments.iter().any(|seg| {
                absent_types.contains(*seg)
                    || seg
                        .strip_suffix("Builder")
                        .is_some_and(|t| absent_types.contains(t))
                    || absent_ops.contains(*seg)
                    || (seg.starts_with(|c: char| c.is_ascii_uppercase())
                        && op_prefixes
                            .iter()
                            .any(|p| fold(seg).starts_with(p.as_str())))
            });
            let absent_member = matches!(item.kind, "field" | "variant" | "method")
                && owner_of(&segments).is_some_and(|(owner, member)| {
                    let folded = fold(strip_accessor(member));
                    let hit = absent_members
                        .get(&owner)
                        .is_some_and(|m| m.contains(&folded));
                    if hit {
                        skew.names
                            .insert(format!("{}.{member}", segments[segments.len() - 2]));
                    }
                    hit
                });
            let outside = absent_owner || absent_member;
            if outside {
                skew.items.push(item.clone());
            }
            !outside
        })
        .collect();
    Ok((kept, skew))
}

/// The model owner of a member path and the member's name: `types::T::m` and
/// `types::builders::TBuilder::m` belong to `t`; `operation::op::OpInput::m`, its builder and
/// the fluent builder to `op#input`; `OpOutput` and its builder to `op#output`; `OpError` to
/// `op#errors`; `types::error::E` and its builder to `e`.
fn owner_of<'a>(segments: &[&'a str]) -> Option<(String, &'a str)> {
    let (member, owner_path) = segments.split_last()?;
    let ty = *owner_path.last()?;
    let owner = match owner_path {
        ["operation", op, ..] => {
            let camel = fold(op);
            let suffix = fold(ty).strip_prefix(camel.as_str())?.to_owned();
            let io = match suffix.as_str() {
                "input" | "inputbuilder" | "fluentbuilder" => "input",
                "output" | "outputbuilder" => "output",
                "error" => "errors",
                _ => return None,
            };
            format!("{camel}#{io}")
        }
        ["types", ..] => fold(
            ty.strip_suffix("Builder")
                .filter(|_| owner_path.contains(&"builders"))
                .unwrap_or(ty),
        ),
        _ => return None,
    };
    Some((owner, member))
}

/// `set_x`, `get_x`, `is_x`, `as_x` name member `x`.
fn strip_accessor(method: &str) -> &str {
    ["set_", "get_", "is_", "as_"]
        .iter()
        .find_map(|p| method.strip_prefix(p))
        .unwrap_or(method)
}

/// Lower case without `_`: `AdminGetUser` and `admin_get_user` fold alike.
fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(kind: &'static str, path: &str) -> Item {
        Item {
            kind,
            path: path.into(),
        }
    }

    #[test]
    fn drops_what_the_model_lacks_and_keeps_what_it_has() {
        let dir = std::env::temp_dir().join(format!("ingot-skew-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let model = dir.join("m.json");
        std::fs::write(
            &model,
            r#"{"smithy":"2.0","shapes":{
              "a#GetThing":{"type":"operation","input":{"target":"a#GetThingRequest"},"errors":[{"target":"a#Missing"}]},
              "a#GetThingRequest":{"type":"structure","members":{"Name":{"target":"smithy.api#String"}}},
              "a#Missing":{"type":"structure","members":{}},
              "a#Color":{"type":"enum","members":{"RED":{"target":"smithy.api#Unit"},"UNKNOWN":{"target":"smithy.api#Unit"}}}
            }}"#,
        )
        .unwrap();
        let sdk: BTreeSet<Item> = [
            item("mod", "operation::get_thing"),
            item("field", "operation::get_thing::GetThingInput::name"),
            item("field", "operation::get_thing::GetThingInput::added_later"),
            item(
                "method",
                "operation::get_thing::builders::GetThingFluentBuilder::set_added_later",
            ),
            item(
                "method",
                "operation::get_thing::builders::GetThingFluentBuilder::set_name",
            ),
            item("variant", "operation::get_thing::GetThingError::Missing"),
            item("variant", "operation::get_thing::GetThingError::NewError"),
            item("variant", "operation::get_thing::GetThingError::Unhandled"),
            item("mod", "operation::new_op"),
            item("method", "operation::new_op::NewOpInput::x"),
            item("method", "client::Client::new_op"),
            item("variant", "types::Color::Red"),
            item("variant", "types::Color::Blue"),
            item("variant", "types::Color::UnknownValue"),
            item("type", "types::Fresh"),
            item("method", "types::builders::FreshBuilder::build"),
            item("type", "types::error::FreshException"),
            item("variant", "Error::FreshException"),
            item(
                "method",
                "types::error::builders::FreshExceptionBuilder::message",
            ),
        ]
        .into_iter()
        .collect();
        let (kept, skew) = without_model_skew(sdk, &model).unwrap();
        let kept: Vec<String> = kept.iter().map(|i| i.to_string()).collect();
        assert_eq!(
            kept,
            [
                "field operation::get_thing::GetThingInput::name",
                "method operation::get_thing::builders::GetThingFluentBuilder::set_name",
                "mod operation::get_thing",
                "variant operation::get_thing::GetThingError::Missing",
                "variant operation::get_thing::GetThingError::Unhandled",
                "variant types::Color::Red",
                "variant types::Color::UnknownValue",
            ]
        );
        assert_eq!(skew.items.len(), 12);
        assert!(
            skew.names.contains("new_op") && skew.names.contains("Fresh"),
            "{:?}",
            skew.names
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
