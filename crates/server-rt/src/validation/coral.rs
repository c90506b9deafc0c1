//! AWS Coral validation messages, as Cognito and other AWS services write them:
//! `2 validation errors detected: Value 'x' at 'userPoolId' failed to satisfy constraint: ...; ...`.

use super::{count_phrase, range_side, RangeSide};
use crate::violation::{ConstraintKind, PathSeg, Violation};

/// The full message: count, a colon, then every item joined by `"; "`.
pub(super) fn message(violations: &[Violation]) -> String {
    let items: Vec<String> = violations.iter().map(item).collect();
    format!("{}: {}", count_phrase(violations.len()), items.join("; "))
}

fn item(v: &Violation) -> String {
    let path = path(&v.path);
    let subject = match (&v.kind, &v.value) {
        // Coral prints a missing value as the word null.
        (ConstraintKind::Required, _) => format!("Value null at '{path}'"),
        (_, Some(value)) => format!("Value '{value}' at '{path}'"),
        (_, None) => format!("Value at '{path}'"),
    };
    format!("{subject} failed to satisfy constraint: {}", constraint(v))
}

fn constraint(v: &Violation) -> String {
    match &v.kind {
        ConstraintKind::Required => "Member must not be null".to_owned(),
        ConstraintKind::Length { len, min, max } => {
            let len = *len as u64;
            match (min, max) {
                (Some(min), _) if len < *min => {
                    format!("Member must have length greater than or equal to {min}")
                }
                (_, Some(max)) if len > *max => {
                    format!("Member must have length less than or equal to {max}")
                }
                (Some(min), Some(max)) => {
                    format!("Member must have length between {min} and {max}, inclusive")
                }
                (Some(min), None) => {
                    format!("Member must have length greater than or equal to {min}")
                }
                (None, Some(max)) => format!("Member must have length less than or equal to {max}"),
                (None, None) => "Member must have a valid length".to_owned(),
            }
        }
        ConstraintKind::Pattern(pattern) => format!(
            "Member must satisfy regular expression pattern: {}",
            strip_anchors(pattern)
        ),
        ConstraintKind::Range { min, max } => {
            match range_side(v.value.as_deref(), min.as_deref(), max.as_deref()) {
                RangeSide::BelowMin => format!(
                    "Member must have value greater than or equal to {}",
                    min.as_deref().unwrap_or_default()
                ),
                RangeSide::AboveMax => format!(
                    "Member must have value less than or equal to {}",
                    max.as_deref().unwrap_or_default()
                ),
                RangeSide::Unknown => format!(
                    "Member must have value between {} and {}, inclusive",
                    min.as_deref().unwrap_or("-Infinity"),
                    max.as_deref().unwrap_or("Infinity")
                ),
            }
        }
        ConstraintKind::Enum(values) => {
            format!(
                "Member must satisfy enum value set: [{}]",
                values.join(", ")
            )
        }
        ConstraintKind::IntEnum(values) => format!(
            "Member must satisfy enum value set: [{}]",
            super::int_list(values)
        ),
        ConstraintKind::UnionMember(members) => format!(
            "Member must have exactly one of these members set: [{}]",
            members.join(", ")
        ),
        ConstraintKind::UniqueItems => "Member must have unique values".to_owned(),
    }
}

/// Coral prints patterns without their `^`/`$` anchors. An escaped `\$` is literal text and stays.
fn strip_anchors(pattern: &str) -> &str {
    let pattern = pattern.strip_prefix('^').unwrap_or(pattern);
    match pattern.strip_suffix('$') {
        Some(rest) if !rest.ends_with('\\') => rest,
        _ => pattern,
    }
}

/// `lambdaConfig.customMessage`, `userAttributes.1.member.value`: members in lowerCamelCase,
/// list elements as their 1-based index followed by `member`, map values by their key.
fn path(segments: &[PathSeg]) -> String {
    let parts: Vec<String> = segments
        .iter()
        .map(|seg| match seg {
            PathSeg::Member(name) => lower_first(name),
            PathSeg::Index(i) => format!("{}.member", i + 1),
            PathSeg::Key(key) => key.clone(),
        })
        .collect();
    parts.join(".")
}

/// Coral lowercases only the first character of a member name (`UserPoolId` -> `userPoolId`).
fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
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
    fn single_pattern_violation_matches_cognito() {
        let msg = message(&[v(
            vec![PathSeg::Member("UserPoolId")],
            Some("YOUR_USER_POOL_ID"),
            ConstraintKind::Pattern("^[\\w-]+_[0-9a-zA-Z]+$"),
        )]);
        assert_eq!(
            msg,
            "1 validation error detected: Value 'YOUR_USER_POOL_ID' at 'userPoolId' failed to satisfy \
             constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+"
        );
    }

    #[test]
    fn several_violations_with_nested_paths_and_sensitive_values() {
        let msg = message(&[
            v(
                vec![PathSeg::Member("Password")],
                None,
                ConstraintKind::Length {
                    len: 3,
                    min: Some(6),
                    max: Some(256),
                },
            ),
            v(
                vec![
                    PathSeg::Member("UserAttributes"),
                    PathSeg::Index(0),
                    PathSeg::Member("Value"),
                ],
                Some("x"),
                ConstraintKind::Length {
                    len: 3000,
                    min: Some(0),
                    max: Some(2048),
                },
            ),
            v(
                vec![PathSeg::Member("ClientMetadata"), PathSeg::Key("k1".into())],
                Some("v"),
                ConstraintKind::Pattern("\\{####\\}"),
            ),
            v(
                vec![PathSeg::Member("MaxResults")],
                Some("100"),
                ConstraintKind::Range {
                    min: Some("1".into()),
                    max: Some("60".into()),
                },
            ),
            v(
                vec![
                    PathSeg::Member("LambdaConfig"),
                    PathSeg::Member("CustomMessage"),
                ],
                None,
                ConstraintKind::Required,
            ),
            v(
                vec![PathSeg::Member("Status")],
                Some("Nope"),
                ConstraintKind::Enum(&["Created", "Pending"]),
            ),
            v(
                vec![PathSeg::Member("Names")],
                Some("[a, a]"),
                ConstraintKind::UniqueItems,
            ),
            v(
                vec![PathSeg::Member("Level")],
                Some("5"),
                ConstraintKind::IntEnum(&[1, 10]),
            ),
            v(
                vec![PathSeg::Member("Choice")],
                None,
                ConstraintKind::UnionMember(&["Name", "Node"]),
            ),
        ]);
        let expected = [
            "9 validation errors detected: Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6",
            "Value 'x' at 'userAttributes.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 2048",
            "Value 'v' at 'clientMetadata.k1' failed to satisfy constraint: Member must satisfy regular expression pattern: \\{####\\}",
            "Value '100' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
            "Value null at 'lambdaConfig.customMessage' failed to satisfy constraint: Member must not be null",
            "Value 'Nope' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Created, Pending]",
            "Value '[a, a]' at 'names' failed to satisfy constraint: Member must have unique values",
            "Value '5' at 'level' failed to satisfy constraint: Member must satisfy enum value set: [1, 10]",
            "Value at 'choice' failed to satisfy constraint: Member must have exactly one of these members set: [Name, Node]",
        ]
        .join("; ");
        assert_eq!(msg, expected);
    }

    #[test]
    fn range_below_min_and_sensitive_range() {
        let below = item(&v(
            vec![PathSeg::Member("Limit")],
            Some("0"),
            ConstraintKind::Range {
                min: Some("1".into()),
                max: Some("60".into()),
            },
        ));
        assert!(
            below.ends_with("Member must have value greater than or equal to 1"),
            "{below}"
        );
        let hidden = item(&v(
            vec![PathSeg::Member("Limit")],
            None,
            ConstraintKind::Range {
                min: Some("1".into()),
                max: Some("60".into()),
            },
        ));
        assert_eq!(
            hidden,
            "Value at 'limit' failed to satisfy constraint: Member must have value between 1 and 60, inclusive"
        );
    }

    #[test]
    fn anchors_are_stripped_but_escaped_dollar_stays() {
        assert_eq!(
            strip_anchors("^import-[0-9a-zA-Z-]+$"),
            "import-[0-9a-zA-Z-]+"
        );
        assert_eq!(strip_anchors("^(?s).*\\{####\\}.*$"), "(?s).*\\{####\\}.*");
        assert_eq!(strip_anchors("cost\\$"), "cost\\$");
        assert_eq!(strip_anchors("\\w+"), "\\w+");
    }

    #[test]
    fn first_letter_only_is_lowered() {
        assert_eq!(lower_first("UserPoolId"), "userPoolId");
        assert_eq!(lower_first("MFAOptions"), "mFAOptions");
        assert_eq!(lower_first(""), "");
    }
}
