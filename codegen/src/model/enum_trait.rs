//! Smithy 1.0 `@enum` on string shapes, upgraded to Smithy 2.0 enum shapes before anything else
//! looks at the model, so the index, the IR and the emitters see one kind of enum.
//!
//! Each enum definition becomes a member targeting `Unit` with the value as `@enumValue`, its
//! documentation and `@deprecated`. A definition's `name` is the member name; a definition
//! without one gets a name derived from its value (`t2.micro` -> `T2_MICRO`), made unique in
//! definition order (`_2`, `_3`, ...), so the result depends only on the model.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::ast::{Member, Model, ShapeKind};
use super::shape_id::{is_identifier, ShapeId};
use super::traits::Traits;
use crate::diag::Diagnostics;

const ENUM: &str = "smithy.api#enum";

/// Turns every string shape with `@enum` into an enum shape; a malformed `@enum` is an error.
pub fn upgrade(model: &mut Model) -> Result<(), Diagnostics> {
    let mut diags = Diagnostics::default();
    let ids: Vec<ShapeId> = model
        .shapes
        .values()
        .filter(|s| matches!(s.kind, ShapeKind::String) && s.traits.raw.contains_key(ENUM))
        .map(|s| s.id.clone())
        .collect();
    for id in ids {
        let Some(definitions) = model.shapes.get(&id).and_then(|s| s.traits.raw.get(ENUM)) else {
            continue;
        };
        match members(definitions) {
            Ok(members) => {
                if let Some(shape) = model.shapes.get_mut(&id) {
                    shape.kind = ShapeKind::Enum(members);
                    let mut raw = std::mem::take(&mut shape.traits.raw);
                    raw.remove(ENUM);
                    // The other traits were typed from the same values already.
                    shape.traits = Traits::from_raw(raw).0;
                }
            }
            Err(message) => diags.push(
                model
                    .shape_diagnostic(id.as_str(), format!("invalid `@enum` trait: {message}"))
                    .help("write it as a list of {\"value\": \"...\", \"name\": \"IDENTIFIER\"} objects, or use an enum shape"),
            ),
        }
    }
    diags.into_result(())
}

/// The members for a list of enum definitions.
fn members(definitions: &Value) -> Result<Vec<Member>, String> {
    let Some(list) = definitions.as_array() else {
        return Err("expected a list of enum definitions".into());
    };
    if list.is_empty() {
        return Err("the list of enum definitions is empty".into());
    }
    let mut values = BTreeSet::new();
    let mut given = Vec::with_capacity(list.len());
    for (i, d) in list.iter().enumerate() {
        let Some(d) = d.as_object() else {
            return Err(format!("definition {} is not an object", i + 1));
        };
        let value = match d.get("value") {
            Some(Value::String(v)) if !v.is_empty() => v.clone(),
            _ => {
                return Err(format!(
                    "definition {} needs a non-empty string `value`",
                    i + 1
                ))
            }
        };
        if !values.insert(value.clone()) {
            return Err(format!("the value `{value}` is defined twice"));
        }
        let name = match d.get("name") {
            None | Some(Value::Null) => None,
            Some(Value::String(n)) if is_identifier(n) => Some(n.clone()),
            Some(_) => {
                return Err(format!(
                    "the `name` of value `{value}` must be an identifier"
                ))
            }
        };
        given.push((value, name, d));
    }
    // Given names first, so a derived name never takes one the model chose.
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for (value, name, _) in &given {
        if let Some(n) = name {
            if !taken.insert(n.to_ascii_lowercase()) {
                return Err(format!(
                    "the name `{n}` (of value `{value}`) is used twice (names may not differ only by case)"
                ));
            }
        }
    }
    given
        .into_iter()
        .map(|(value, name, d)| {
            let name = name.unwrap_or_else(|| unique(derived_name(&value), &mut taken));
            Ok(Member {
                name,
                target: ShapeId::prelude("Unit"),
                traits: member_traits(value, d)?,
            })
        })
        .collect()
}

/// `@enumValue`, `@documentation` and `@deprecated` of one definition.
fn member_traits(value: String, d: &Map<String, Value>) -> Result<Traits, String> {
    let mut raw = std::collections::BTreeMap::new();
    raw.insert(
        "smithy.api#enumValue".to_owned(),
        Value::String(value.clone()),
    );
    match d.get("documentation") {
        None | Some(Value::Null) => {}
        Some(Value::String(doc)) => {
            raw.insert(
                "smithy.api#documentation".to_owned(),
                Value::String(doc.clone()),
            );
        }
        Some(_) => {
            return Err(format!(
                "the `documentation` of value `{value}` must be a string"
            ))
        }
    }
    match d.get("deprecated") {
        None | Some(Value::Null) | Some(Value::Bool(false)) => {}
        Some(Value::Bool(true)) => {
            raw.insert(
                "smithy.api#deprecated".to_owned(),
                Value::Object(Map::new()),
            );
        }
        Some(_) => {
            return Err(format!(
                "the `deprecated` of value `{value}` must be a boolean"
            ))
        }
    }
    Ok(Traits::from_raw(raw).0)
}

/// An identifier from a value: ASCII letters and digits upper-cased, every other run of
/// characters one `_`; `_` in front of a leading digit, `VALUE` when nothing is left.
fn derived_name(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_uppercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    let out = out.trim_end_matches('_');
    match out.chars().next() {
        None => "VALUE".to_owned(),
        Some(c) if c.is_ascii_digit() => format!("_{out}"),
        Some(_) => out.to_owned(),
    }
}

/// `name`, or `name_2`, `name_3`, ... : the first not taken (ignoring case).
fn unique(name: String, taken: &mut BTreeSet<String>) -> String {
    if taken.insert(name.to_ascii_lowercase()) {
        return name;
    }
    (2..)
        .map(|n| format!("{name}_{n}"))
        .find(|candidate| taken.insert(candidate.to_ascii_lowercase()))
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::{derived_name, unique};
    use std::collections::BTreeSet;

    #[test]
    fn derives_identifiers_from_values() {
        let cases = [
            ("t2.micro", "T2_MICRO"),
            ("in-progress", "IN_PROGRESS"),
            ("Already_Fine", "ALREADY_FINE"),
            ("2xlarge", "_2XLARGE"),
            ("a  b", "A_B"),
            ("--x--", "X"),
            ("é", "VALUE"),
            ("***", "VALUE"),
            ("Größe", "GR_E"),
        ];
        for (value, want) in cases {
            let got = derived_name(value);
            assert_eq!(got, want, "value {value:?}");
            assert!(crate::model::shape_id::is_identifier(&got), "{got}");
        }
    }

    #[test]
    fn unique_names_in_order() {
        let mut taken = BTreeSet::from(["a_b".to_owned()]);
        assert_eq!(unique("A_B".into(), &mut taken), "A_B_2");
        assert_eq!(unique("A_B".into(), &mut taken), "A_B_3");
        assert_eq!(unique("C".into(), &mut taken), "C");
    }
}
