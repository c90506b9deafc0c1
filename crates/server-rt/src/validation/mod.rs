//! Turning constraint violations into the one 400 response that names all of them.
//!
//! Two message styles exist and differ in punctuation, paths and what they print, so each has its
//! own module: [`coral`] (what AWS services such as Cognito answer) and [`smithy`]
//! (`smithy.framework#ValidationException`).

mod coral;
mod smithy;

use http::StatusCode;

use crate::reply::ErrorReply;
use crate::violation::Violation;
use ingot_rt::Protocol;

/// How constraint violations are reported. Every style lists all violations in one response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValidationStyle {
    /// AWS Coral style, as Cognito answers: status 400, `__type` = `error_type` (e.g.
    /// `InvalidParameterException`, in the service namespace for awsJson 1.0) and a message
    /// `N validation error(s) detected: <item>; <item>`. Paths are lowerCamelCase and
    /// dot-separated, list elements print as `<1-based index>.member`, patterns print without
    /// `^`/`$`, and only the bound that was broken is named.
    Coral {
        /// The error shape name, e.g. `InvalidParameterException`.
        error_type: &'static str,
    },
    /// `smithy.framework#ValidationException` (`ValidationException` in awsJson 1.1), status 400,
    /// with `message` and a `fieldList` of `{path, message}` where `path` is a JSON pointer.
    /// Values are never printed.
    Smithy,
}

/// The namespace of the Smithy validation error.
const SMITHY_NAMESPACE: &str = "smithy.framework";

impl ValidationStyle {
    /// Builds the summary message this style writes for `violations`.
    pub fn message(&self, violations: &[Violation]) -> String {
        match self {
            ValidationStyle::Coral { .. } => coral::message(violations),
            ValidationStyle::Smithy => smithy::message(violations),
        }
    }

    /// Builds the complete reply for `violations`.
    pub(crate) fn reply(
        &self,
        protocol: Protocol,
        service_namespace: &str,
        violations: &[Violation],
    ) -> ErrorReply {
        match self {
            ValidationStyle::Coral { error_type } => ErrorReply::with_message(
                protocol,
                StatusCode::BAD_REQUEST,
                service_namespace,
                error_type,
                &coral::message(violations),
            ),
            ValidationStyle::Smithy => {
                let name = "ValidationException";
                let mut object = serde_json::Map::new();
                object.insert(
                    "__type".into(),
                    protocol.error_type(SMITHY_NAMESPACE, name).into(),
                );
                object.insert("message".into(), smithy::message(violations).into());
                object.insert("fieldList".into(), smithy::field_list(violations));
                ErrorReply {
                    status: StatusCode::BAD_REQUEST,
                    short_name: name.to_owned(),
                    body: serde_json::Value::Object(object).to_string(),
                    query_error: None,
                }
            }
        }
    }
}

/// An intEnum's values as messages list them: `1, 10`.
fn int_list(values: &[i32]) -> String {
    values
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `"1 validation error detected"` / `"N validation errors detected"`, shared by both styles.
fn count_phrase(n: usize) -> String {
    if n == 1 {
        "1 validation error detected".to_owned()
    } else {
        format!("{n} validation errors detected")
    }
}

/// Which side of a `@range` a value fell outside, so Coral can name only that bound.
/// Decimal text is compared as `f64`, which is exact enough to pick a side for a message.
fn range_side(value: Option<&str>, min: Option<&str>, max: Option<&str>) -> RangeSide {
    let parse = |s: Option<&str>| s.and_then(|s| s.trim().parse::<f64>().ok());
    match (parse(value), parse(min), parse(max)) {
        (Some(v), Some(lo), _) if v < lo => RangeSide::BelowMin,
        (Some(v), _, Some(hi)) if v > hi => RangeSide::AboveMax,
        _ => match (min, max) {
            (Some(_), None) => RangeSide::BelowMin,
            (None, Some(_)) => RangeSide::AboveMax,
            _ => RangeSide::Unknown,
        },
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RangeSide {
    BelowMin,
    AboveMax,
    Unknown,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::violation::{ConstraintKind, PathSeg};

    fn violations() -> Vec<Violation> {
        vec![
            Violation {
                path: vec![PathSeg::Member("UserPoolId")],
                value: Some("bad pool".into()),
                kind: ConstraintKind::Pattern("^[\\w-]+_[0-9a-zA-Z]+$"),
            },
            Violation {
                path: vec![PathSeg::Member("JobId")],
                value: None,
                kind: ConstraintKind::Required,
            },
        ]
    }

    #[test]
    fn coral_reply_is_the_modeled_error_with_all_items() {
        let style = ValidationStyle::Coral {
            error_type: "InvalidParameterException",
        };
        let reply = style.reply(
            Protocol::AwsJson1_1,
            "com.amazonaws.cognitoidentityprovider",
            &violations(),
        );
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert_eq!(reply.short_name, "InvalidParameterException");
        let body: serde_json::Value = serde_json::from_str(&reply.body).expect("json");
        assert_eq!(
            body,
            serde_json::json!({
                "__type": "InvalidParameterException",
                "message": "2 validation errors detected: Value 'bad pool' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+; Value null at 'jobId' failed to satisfy constraint: Member must not be null"
            })
        );
        let reply10 = style.reply(Protocol::AwsJson1_0, "com.example", &violations());
        let body10: serde_json::Value = serde_json::from_str(&reply10.body).expect("json");
        assert_eq!(body10["__type"], "com.example#InvalidParameterException");
    }

    #[test]
    fn smithy_reply_has_field_list() {
        let reply =
            ValidationStyle::Smithy.reply(Protocol::AwsJson1_0, "com.example", &violations());
        assert_eq!(reply.short_name, "ValidationException");
        let body: serde_json::Value = serde_json::from_str(&reply.body).expect("json");
        assert_eq!(
            body,
            serde_json::json!({
                "__type": "smithy.framework#ValidationException",
                "message": "2 validation errors detected. Value at '/UserPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\w-]+_[0-9a-zA-Z]+$; Value at '/JobId' failed to satisfy constraint: Member must not be null",
                "fieldList": [
                    {"path": "/UserPoolId", "message": "Value at '/UserPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\w-]+_[0-9a-zA-Z]+$"},
                    {"path": "/JobId", "message": "Value at '/JobId' failed to satisfy constraint: Member must not be null"}
                ]
            })
        );
        let reply11 =
            ValidationStyle::Smithy.reply(Protocol::AwsJson1_1, "com.example", &violations());
        let body11: serde_json::Value = serde_json::from_str(&reply11.body).expect("json");
        assert_eq!(body11["__type"], "ValidationException");
    }

    #[test]
    fn range_side_picks_the_broken_bound() {
        assert_eq!(
            range_side(Some("0"), Some("1"), Some("60")),
            RangeSide::BelowMin
        );
        assert_eq!(
            range_side(Some("61"), Some("1"), Some("60")),
            RangeSide::AboveMax
        );
        assert_eq!(range_side(None, Some("1"), None), RangeSide::BelowMin);
        assert_eq!(range_side(None, None, Some("9")), RangeSide::AboveMax);
        assert_eq!(range_side(None, Some("1"), Some("9")), RangeSide::Unknown);
    }
}
