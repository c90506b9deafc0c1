//! `smithy.framework#ValidationException` messages, worded as the Smithy validation model's
//! protocol tests expect. Values are never printed, which also keeps `@sensitive` data out.

use super::count_phrase;
use crate::violation::{ConstraintKind, PathSeg, Violation};

/// `N validation error(s) detected. <field message>; <field message>` (note the full stop).
pub(super) fn message(violations: &[Violation]) -> String {
    let items: Vec<String> = violations.iter().map(field_message).collect();
    format!("{}. {}", count_phrase(violations.len()), items.join("; "))
}

/// The `fieldList` array: one `{path, message}` per violation.
pub(super) fn field_list(violations: &[Violation]) -> serde_json::Value {
    violations
        .iter()
        .map(|v| serde_json::json!({ "path": json_pointer(&v.path), "message": field_message(v) }))
        .collect()
}

fn field_message(v: &Violation) -> String {
    let path = json_pointer(&v.path);
    let failed = "failed to satisfy constraint: Member must";
    match &v.kind {
        ConstraintKind::Required => format!("Value at '{path}' {failed} not be null"),
        ConstraintKind::Length { len, min, max } => {
            let bound = match (min, max) {
                (Some(min), Some(max)) => format!("between {min} and {max}, inclusive"),
                (Some(min), None) => format!("greater than or equal to {min}"),
                (None, Some(max)) => format!("less than or equal to {max}"),
                (None, None) => "a valid length".to_owned(),
            };
            format!("Value with length {len} at '{path}' {failed} have length {bound}")
        }
        ConstraintKind::Pattern(pattern) => {
            format!("Value at '{path}' {failed} satisfy regular expression pattern: {pattern}")
        }
        ConstraintKind::Range { min, max } => {
            let bound = match (min, max) {
                (Some(min), Some(max)) => format!("be between {min} and {max}, inclusive"),
                (Some(min), None) => format!("be greater than or equal to {min}"),
                (None, Some(max)) => format!("be less than or equal to {max}"),
                (None, None) => "be within range".to_owned(),
            };
            format!("Value at '{path}' {failed} {bound}")
        }
        ConstraintKind::Enum(values) => format!(
            "Value at '{path}' {failed} satisfy enum value set: [{}]",
            values.join(", ")
        ),
        ConstraintKind::IntEnum(values) => format!(
            "Value at '{path}' {failed} satisfy enum value set: [{}]",
            super::int_list(values)
        ),
        ConstraintKind::UnionMember(members) => format!(
            "Value at '{path}' {failed} have exactly one of these members set: [{}]",
            members.join(", ")
        ),
        ConstraintKind::UniqueItems => {
            format!("Value with repeated values at '{path}' {failed} have unique values")
        }
    }
}

/// RFC 6901 JSON pointer with exact member names: `/Items/0/Name`, map values by key.
fn json_pointer(segments: &[PathSeg]) -> String {
    let mut out = String::new();
    for seg in segments {
        out.push('/');
        match seg {
            PathSeg::Member(name) => escape_into(&mut out, name),
            PathSeg::Index(i) => out.push_str(&i.to_string()),
            PathSeg::Key(key) => escape_into(&mut out, key),
        }
    }
    out
}

fn escape_into(out: &mut String, token: &str) {
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(path: Vec<PathSeg>, value: Option<&str>, kind: ConstraintKind) -> Violation {
        Violation {
            path,
            value: value.map(str::to_owned),
            kind,
        }
    }

    #[test]
    fn messages_match_smithy_wording() {
        let cases = [
            (
                v(vec![PathSeg::Member("s")], Some("abc"), ConstraintKind::Length { len: 3, min: Some(4), max: Some(8) }),
                "Value with length 3 at '/s' failed to satisfy constraint: Member must have length between 4 and 8, inclusive",
            ),
            (
                v(vec![PathSeg::Member("s")], None, ConstraintKind::Length { len: 1, min: Some(2), max: None }),
                "Value with length 1 at '/s' failed to satisfy constraint: Member must have length greater than or equal to 2",
            ),
            (
                v(vec![PathSeg::Member("JobId")], Some("x"), ConstraintKind::Pattern("^import-[0-9a-zA-Z-]+$")),
                "Value at '/JobId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^import-[0-9a-zA-Z-]+$",
            ),
            (
                v(vec![PathSeg::Member("n")], Some("0"), ConstraintKind::Range { min: Some("2".into()), max: Some("8".into()) }),
                "Value at '/n' failed to satisfy constraint: Member must be between 2 and 8, inclusive",
            ),
            (
                v(vec![PathSeg::Member("n")], Some("9"), ConstraintKind::Range { min: None, max: Some("8.5".into()) }),
                "Value at '/n' failed to satisfy constraint: Member must be less than or equal to 8.5",
            ),
            (
                v(vec![PathSeg::Member("e")], Some("z"), ConstraintKind::Enum(&["Foo", "Bar"])),
                "Value at '/e' failed to satisfy constraint: Member must satisfy enum value set: [Foo, Bar]",
            ),
            (
                v(vec![PathSeg::Member("level")], Some("5"), ConstraintKind::IntEnum(&[1, 10])),
                "Value at '/level' failed to satisfy constraint: Member must satisfy enum value set: [1, 10]",
            ),
            (
                v(vec![PathSeg::Member("choice")], None, ConstraintKind::UnionMember(&["name", "node"])),
                "Value at '/choice' failed to satisfy constraint: Member must have exactly one of these members set: [name, node]",
            ),
            (
                v(vec![PathSeg::Member("l")], None, ConstraintKind::UniqueItems),
                "Value with repeated values at '/l' failed to satisfy constraint: Member must have unique values",
            ),
        ];
        for (violation, expected) in cases {
            assert_eq!(field_message(&violation), expected);
        }
    }

    #[test]
    fn values_never_appear_even_when_given() {
        let msg = message(&[v(
            vec![PathSeg::Member("Password")],
            Some("hunter2"),
            ConstraintKind::Pattern("x"),
        )]);
        assert!(!msg.contains("hunter2"), "{msg}");
        assert!(
            msg.starts_with("1 validation error detected. Value at '/Password'"),
            "{msg}"
        );
    }

    #[test]
    fn pointer_paths_cover_index_key_and_escaping() {
        assert_eq!(
            json_pointer(&[
                PathSeg::Member("list"),
                PathSeg::Index(2),
                PathSeg::Member("m")
            ]),
            "/list/2/m"
        );
        assert_eq!(
            json_pointer(&[PathSeg::Member("map"), PathSeg::Key("a/b~c".into())]),
            "/map/a~1b~0c"
        );
        assert_eq!(json_pointer(&[]), "");
    }

    #[test]
    fn field_list_has_one_entry_per_violation() {
        let list = field_list(&[
            v(vec![PathSeg::Member("a")], None, ConstraintKind::Required),
            v(
                vec![PathSeg::Member("b"), PathSeg::Key("k".into())],
                None,
                ConstraintKind::Required,
            ),
        ]);
        assert_eq!(list.as_array().map(Vec::len), Some(2));
        assert_eq!(list[1]["path"], "/b/k");
    }
}
