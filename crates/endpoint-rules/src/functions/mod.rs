//! The standard library and AWS functions over evaluated arguments. (`isSet`, `getAttr`,
//! `coalesce` and `ite` need unevaluated or unset arguments and live in the evaluator.)

mod arn;
mod host;
mod strings;
mod url;

use crate::error::ResolveError;
use crate::eval::type_error;
use crate::expr::Func;
use crate::partitions::Partitions;
use crate::val::Val;

pub(crate) use arn::parse_arn;
pub(crate) use host::{is_valid_host_label, is_virtual_hostable_s3_bucket};
pub(crate) use strings::{split, substring, uri_encode};
pub(crate) use url::parse_url;

/// Applies `func`. An unset argument makes the result unset (the condition does not hold);
/// an argument of the wrong type is an evaluation error.
pub(crate) fn apply(
    func: &Func,
    args: Vec<Option<Val>>,
    partitions: &Partitions,
) -> Result<Option<Val>, ResolveError> {
    let Some(args) = args.into_iter().collect::<Option<Vec<Val>>>() else {
        return Ok(None);
    };
    let name = name(func);
    let s = |v| as_str(name, v);
    let b = |v| as_bool(name, v);
    let i = |v| as_int(name, v);
    Ok(match (func, args.as_slice()) {
        (Func::Not, [v]) => Some(Val::Bool(!b(v)?)),
        (Func::BooleanEquals, [x, y]) => Some(Val::Bool(b(x)? == b(y)?)),
        (Func::StringEquals, [x, y]) => Some(Val::Bool(s(x)? == s(y)?)),
        (Func::Substring, [input, start, stop, reverse]) => {
            substring(s(input)?, i(start)?, i(stop)?, b(reverse)?).map(|s| Val::Str(s.to_owned()))
        }
        (Func::UriEncode, [v]) => Some(Val::Str(uri_encode(s(v)?))),
        (Func::ParseUrl, [v]) => parse_url(s(v)?),
        (Func::IsValidHostLabel, [v, sub]) => Some(Val::Bool(is_valid_host_label(s(v)?, b(sub)?))),
        (Func::Split, [v, delimiter, limit]) => split(s(v)?, s(delimiter)?, i(limit)?)
            .map(|parts| Val::Array(parts.into_iter().map(Val::Str).collect())),
        (Func::AwsPartition, [region]) => partitions.lookup(s(region)?),
        (Func::AwsParseArn, [v]) => parse_arn(s(v)?),
        (Func::AwsIsVirtualHostableS3Bucket, [v, sub]) => {
            Some(Val::Bool(is_virtual_hostable_s3_bucket(s(v)?, b(sub)?)))
        }
        _ => {
            return Err(ResolveError::eval(format!(
                "`{name}` called with the wrong arguments"
            )))
        }
    })
}

fn as_str<'v>(name: &str, v: &'v Val) -> Result<&'v str, ResolveError> {
    match v {
        Val::Str(s) => Ok(s),
        other => Err(type_error(name, "string", other)),
    }
}

fn as_bool(name: &str, v: &Val) -> Result<bool, ResolveError> {
    match v {
        Val::Bool(b) => Ok(*b),
        other => Err(type_error(name, "boolean", other)),
    }
}

fn as_int(name: &str, v: &Val) -> Result<i64, ResolveError> {
    match v {
        Val::Int(i) => Ok(*i),
        other => Err(type_error(name, "integer", other)),
    }
}

fn name(func: &Func) -> &'static str {
    match func {
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
