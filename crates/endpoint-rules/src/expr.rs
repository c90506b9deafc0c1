//! The compact tree a rule set is parsed into once, and evaluated from on every call.

use crate::template::Template;

/// Index of a variable: a parameter or the result of one `assign`.
pub(crate) type Slot = usize;

#[derive(Clone, Debug)]
pub(crate) struct Rule {
    pub conditions: Vec<Condition>,
    pub kind: RuleKind,
}

#[derive(Clone, Debug)]
pub(crate) enum RuleKind {
    Endpoint(EndpointSpec),
    /// The message expression (a string, usually a template).
    Error(Expr),
    Tree(Vec<Rule>),
}

#[derive(Clone, Debug)]
pub(crate) struct Condition {
    pub call: Call,
    pub assign: Option<Slot>,
}

#[derive(Clone, Debug)]
pub(crate) struct EndpointSpec {
    pub url: Expr,
    pub headers: Vec<(String, Vec<Expr>)>,
    pub properties: Vec<(String, Expr)>,
}

/// An expression. Literals are kept apart from templates so a plain string costs one clone.
#[derive(Clone, Debug)]
pub(crate) enum Expr {
    Str(String),
    Template(Template),
    Bool(bool),
    Int(i64),
    /// A JSON number that is not an `i64` (only meaningful in endpoint properties).
    Number(serde_json::Number),
    Array(Vec<Expr>),
    Record(Vec<(String, Expr)>),
    Ref(Slot),
    Call(Box<Call>),
}

#[derive(Clone, Debug)]
pub(crate) struct Call {
    pub func: Func,
    pub args: Vec<Expr>,
}

/// The functions of the standard and AWS libraries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Func {
    IsSet,
    Not,
    BooleanEquals,
    StringEquals,
    /// `getAttr` with its (literal) path parsed; `args` holds only the target.
    GetAttr(Vec<PathPart>),
    Substring,
    UriEncode,
    ParseUrl,
    IsValidHostLabel,
    Split,
    Coalesce,
    Ite,
    AwsPartition,
    AwsParseArn,
    AwsIsVirtualHostableS3Bucket,
}

impl Func {
    /// The function named `name`, with the number of arguments it takes (`None`: two or more).
    pub fn from_name(name: &str) -> Option<(Func, Option<usize>)> {
        Some(match name {
            "isSet" => (Func::IsSet, Some(1)),
            "not" => (Func::Not, Some(1)),
            "booleanEquals" => (Func::BooleanEquals, Some(2)),
            "stringEquals" => (Func::StringEquals, Some(2)),
            "getAttr" => (Func::GetAttr(Vec::new()), Some(2)),
            "substring" => (Func::Substring, Some(4)),
            "uriEncode" => (Func::UriEncode, Some(1)),
            "parseURL" => (Func::ParseUrl, Some(1)),
            "isValidHostLabel" => (Func::IsValidHostLabel, Some(2)),
            "split" => (Func::Split, Some(3)),
            "coalesce" => (Func::Coalesce, None),
            "ite" => (Func::Ite, Some(3)),
            "aws.partition" => (Func::AwsPartition, Some(1)),
            "aws.parseArn" => (Func::AwsParseArn, Some(1)),
            "aws.isVirtualHostableS3Bucket" => (Func::AwsIsVirtualHostableS3Bucket, Some(2)),
            _ => return None,
        })
    }
}

impl Func {
    /// The function's name in rule sets.
    pub fn name(&self) -> &'static str {
        match self {
            Func::IsSet => "isSet",
            Func::Not => "not",
            Func::BooleanEquals => "booleanEquals",
            Func::StringEquals => "stringEquals",
            Func::GetAttr(_) => "getAttr",
            Func::Substring => "substring",
            Func::UriEncode => "uriEncode",
            Func::ParseUrl => "parseURL",
            Func::IsValidHostLabel => "isValidHostLabel",
            Func::Split => "split",
            Func::Coalesce => "coalesce",
            Func::Ite => "ite",
            Func::AwsPartition => "aws.partition",
            Func::AwsParseArn => "aws.parseArn",
            Func::AwsIsVirtualHostableS3Bucket => "aws.isVirtualHostableS3Bucket",
        }
    }
}

/// One step of a `getAttr` path: `a.b[0]` is `Key("a"), Key("b"), Index(0)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PathPart {
    Key(String),
    Index(usize),
}

/// Parses a `getAttr` path (`a.b[0]`); `None` when malformed.
pub(crate) fn parse_path(path: &str) -> Option<Vec<PathPart>> {
    let mut parts = Vec::new();
    for segment in path.split('.') {
        match segment.split_once('[') {
            None => {
                if segment.is_empty() {
                    return None;
                }
                parts.push(PathPart::Key(segment.to_owned()));
            }
            Some((key, rest)) => {
                if !key.is_empty() {
                    parts.push(PathPart::Key(key.to_owned()));
                }
                let index = rest.strip_suffix(']')?;
                if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                parts.push(PathPart::Index(index.parse().ok()?));
            }
        }
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_parse_keys_and_indexes() {
        assert_eq!(
            parse_path("a.b[0]"),
            Some(vec![
                PathPart::Key("a".into()),
                PathPart::Key("b".into()),
                PathPart::Index(0)
            ])
        );
        assert_eq!(
            parse_path("resourceId[12]"),
            Some(vec![
                PathPart::Key("resourceId".into()),
                PathPart::Index(12)
            ])
        );
        assert_eq!(parse_path("[1]"), Some(vec![PathPart::Index(1)]));
        for bad in [
            "",
            "a..b",
            "a[",
            "a[x]",
            "a[1",
            "a[-1]",
            "a[]",
            "a[1]b",
            "a[99999999999999999999999]",
        ] {
            assert_eq!(parse_path(bad), None, "{bad}");
        }
    }
}
