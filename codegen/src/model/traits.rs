//! Traits: the ones the generator uses are typed; every trait is also kept raw.
//!
//! [`Traits::from_raw`] checks the value type of each known trait and reports the ones that are
//! wrong; unknown traits are normal in AWS models (rule sets, smoke tests, waiters) and are kept
//! without comment.

use std::collections::BTreeMap;

use serde_json::Value;

/// `smithy.api#error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorFault {
    Client,
    Server,
}

/// `smithy.api#timestampFormat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampFormat {
    EpochSeconds,
    DateTime,
    HttpDate,
}

/// `smithy.api#length`; bounds are inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Length {
    pub min: Option<u64>,
    pub max: Option<u64>,
}

/// `smithy.api#range`; bounds are inclusive and may be decimals, so the text is kept.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Range {
    pub min: Option<serde_json::Number>,
    pub max: Option<serde_json::Number>,
}

/// `smithy.api#enumValue`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EnumValue {
    String(String),
    Int(i64),
}

/// `smithy.api#paginated`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Paginated {
    pub input_token: Option<String>,
    pub output_token: Option<String>,
    pub items: Option<String>,
    pub page_size: Option<String>,
}

/// `smithy.api#deprecated`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Deprecated {
    pub message: Option<String>,
    pub since: Option<String>,
}

/// `aws.api#service`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AwsService {
    pub sdk_id: String,
    pub endpoint_prefix: Option<String>,
}

/// The protocols the generator supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Protocol {
    AwsJson1_0,
    AwsJson1_1,
}

impl Protocol {
    /// The protocol trait id.
    pub fn trait_id(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "aws.protocols#awsJson1_0",
            Protocol::AwsJson1_1 => "aws.protocols#awsJson1_1",
        }
    }
}

/// A shape's or member's traits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Traits {
    pub documentation: Option<String>,
    pub required: bool,
    pub sensitive: bool,
    pub sparse: bool,
    pub client_optional: bool,
    pub idempotency_token: bool,
    pub input: bool,
    pub output: bool,
    pub unique_items: bool,
    pub mixin: bool,
    pub error: Option<ErrorFault>,
    pub http_error: Option<u16>,
    pub retryable: Option<bool>,
    pub length: Option<Length>,
    pub range: Option<Range>,
    pub pattern: Option<String>,
    /// `Some(Value::Null)` is an explicit "no default".
    pub default: Option<Value>,
    pub enum_value: Option<EnumValue>,
    pub timestamp_format: Option<TimestampFormat>,
    pub paginated: Option<Paginated>,
    pub deprecated: Option<Deprecated>,
    pub aws_service: Option<AwsService>,
    pub sigv4_name: Option<String>,
    pub protocols: Vec<Protocol>,
    /// Every trait as written, by absolute trait id.
    pub raw: BTreeMap<String, Value>,
}

/// A known trait whose value has the wrong shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraitError {
    pub trait_id: String,
    pub message: String,
}

impl Traits {
    /// Types the known traits of `raw`; every wrong value is reported.
    pub fn from_raw(raw: BTreeMap<String, Value>) -> (Traits, Vec<TraitError>) {
        let mut t = Traits::default();
        let mut errors = Vec::new();
        for (id, value) in &raw {
            if let Err(message) = t.set(id, value) {
                errors.push(TraitError {
                    trait_id: id.clone(),
                    message,
                });
            }
        }
        t.raw = raw;
        (t, errors)
    }

    fn set(&mut self, id: &str, v: &Value) -> Result<(), String> {
        match id {
            "smithy.api#documentation" => self.documentation = Some(string(v)?),
            "smithy.api#required" => self.required = annotation(v)?,
            "smithy.api#sensitive" => self.sensitive = annotation(v)?,
            "smithy.api#sparse" => self.sparse = annotation(v)?,
            "smithy.api#clientOptional" => self.client_optional = annotation(v)?,
            "smithy.api#idempotencyToken" => self.idempotency_token = annotation(v)?,
            "smithy.api#input" => self.input = annotation(v)?,
            "smithy.api#output" => self.output = annotation(v)?,
            "smithy.api#uniqueItems" => self.unique_items = annotation(v)?,
            "smithy.api#mixin" => self.mixin = v.is_object() || annotation(v)?,
            "smithy.api#error" => {
                self.error = Some(match v.as_str() {
                    Some("client") => ErrorFault::Client,
                    Some("server") => ErrorFault::Server,
                    _ => return Err(expected("\"client\" or \"server\"", v)),
                })
            }
            "smithy.api#httpError" => {
                let status = v
                    .as_u64()
                    .filter(|s| (100..=599).contains(s))
                    .ok_or_else(|| {
                        expected("an HTTP status code (an integer from 100 to 599)", v)
                    })?;
                self.http_error = Some(status as u16);
            }
            "smithy.api#retryable" => {
                let obj = object(v)?;
                self.retryable = Some(opt_bool(obj, "throttling")?.unwrap_or(false));
            }
            "smithy.api#length" => {
                let obj = object(v)?;
                self.length = Some(Length {
                    min: opt_u64(obj, "min")?,
                    max: opt_u64(obj, "max")?,
                });
            }
            "smithy.api#range" => {
                let obj = object(v)?;
                self.range = Some(Range {
                    min: opt_number(obj, "min")?,
                    max: opt_number(obj, "max")?,
                });
            }
            "smithy.api#pattern" => self.pattern = Some(string(v)?),
            "smithy.api#default" => self.default = Some(v.clone()),
            "smithy.api#enumValue" => {
                self.enum_value = Some(match v {
                    Value::String(s) => EnumValue::String(s.clone()),
                    Value::Number(n) => EnumValue::Int(
                        n.as_i64()
                            .filter(|i| i32::try_from(*i).is_ok())
                            .ok_or_else(|| expected("a string or a 32-bit integer", v))?,
                    ),
                    _ => return Err(expected("a string or an integer", v)),
                })
            }
            "smithy.api#timestampFormat" => {
                self.timestamp_format = Some(match v.as_str() {
                    Some("epoch-seconds") => TimestampFormat::EpochSeconds,
                    Some("date-time") => TimestampFormat::DateTime,
                    Some("http-date") => TimestampFormat::HttpDate,
                    _ => {
                        return Err(expected(
                            "\"epoch-seconds\", \"date-time\" or \"http-date\"",
                            v,
                        ))
                    }
                })
            }
            "smithy.api#paginated" => {
                let obj = object(v)?;
                self.paginated = Some(Paginated {
                    input_token: opt_string(obj, "inputToken")?,
                    output_token: opt_string(obj, "outputToken")?,
                    items: opt_string(obj, "items")?,
                    page_size: opt_string(obj, "pageSize")?,
                });
            }
            "smithy.api#deprecated" => {
                let obj = object(v)?;
                self.deprecated = Some(Deprecated {
                    message: opt_string(obj, "message")?,
                    since: opt_string(obj, "since")?,
                });
            }
            "aws.api#service" => {
                let obj = object(v)?;
                self.aws_service = Some(AwsService {
                    sdk_id: opt_string(obj, "sdkId")?
                        .ok_or_else(|| "expected an object with a string `sdkId`".to_owned())?,
                    endpoint_prefix: opt_string(obj, "endpointPrefix")?,
                });
            }
            "aws.auth#sigv4" => {
                let obj = object(v)?;
                self.sigv4_name = Some(
                    opt_string(obj, "name")?
                        .ok_or_else(|| "expected an object with a string `name`".to_owned())?,
                );
            }
            "aws.protocols#awsJson1_0" => {
                object(v)?;
                self.protocols.push(Protocol::AwsJson1_0);
            }
            "aws.protocols#awsJson1_1" => {
                object(v)?;
                self.protocols.push(Protocol::AwsJson1_1);
            }
            _ => {}
        }
        Ok(())
    }
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn expected(what: &str, v: &Value) -> String {
    format!("expected {what}, found {}", describe(v))
}

fn string(v: &Value) -> Result<String, String> {
    v.as_str()
        .map(str::to_owned)
        .ok_or_else(|| expected("a string", v))
}

/// Annotation traits are `{}` in Smithy 2.0; Smithy 1.0 JSON may write `true`.
fn annotation(v: &Value) -> Result<bool, String> {
    match v {
        Value::Object(o) if o.is_empty() => Ok(true),
        Value::Bool(true) => Ok(true),
        _ => Err(expected("an empty object `{}`", v)),
    }
}

fn object(v: &Value) -> Result<&serde_json::Map<String, Value>, String> {
    v.as_object().ok_or_else(|| expected("an object", v))
}

fn field<'a>(obj: &'a serde_json::Map<String, Value>, key: &str) -> Option<&'a Value> {
    obj.get(key).filter(|v| !v.is_null())
}

fn opt_string(obj: &serde_json::Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    field(obj, key)
        .map(|v| string(v).map_err(|e| format!("`{key}`: {e}")))
        .transpose()
}

fn opt_bool(obj: &serde_json::Map<String, Value>, key: &str) -> Result<Option<bool>, String> {
    field(obj, key)
        .map(|v| {
            v.as_bool()
                .ok_or_else(|| format!("`{key}`: {}", expected("a boolean", v)))
        })
        .transpose()
}

fn opt_u64(obj: &serde_json::Map<String, Value>, key: &str) -> Result<Option<u64>, String> {
    field(obj, key)
        .map(|v| {
            v.as_u64()
                .ok_or_else(|| format!("`{key}`: {}", expected("a non-negative integer", v)))
        })
        .transpose()
}

fn opt_number(
    obj: &serde_json::Map<String, Value>,
    key: &str,
) -> Result<Option<serde_json::Number>, String> {
    field(obj, key)
        .map(|v| match v {
            Value::Number(n) => Ok(n.clone()),
            _ => Err(format!("`{key}`: {}", expected("a number", v))),
        })
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn typed(pairs: Value) -> (Traits, Vec<TraitError>) {
        let raw = pairs
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        Traits::from_raw(raw)
    }

    #[test]
    fn types_known_traits_and_keeps_unknown_ones() {
        let (t, errors) = typed(json!({
            "smithy.api#length": {"min": 1, "max": 55},
            "smithy.api#pattern": "^[\\w-]+$",
            "smithy.api#required": {},
            "smithy.api#error": "client",
            "smithy.api#httpError": 400,
            "smithy.rules#endpointRuleSet": {"anything": true}
        }));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            t.length,
            Some(Length {
                min: Some(1),
                max: Some(55)
            })
        );
        assert_eq!(t.pattern.as_deref(), Some("^[\\w-]+$"));
        assert!(t.required);
        assert_eq!(t.error, Some(ErrorFault::Client));
        assert_eq!(t.http_error, Some(400));
        assert!(t.raw.contains_key("smithy.rules#endpointRuleSet"));
    }

    #[test]
    fn reports_wrong_value_types() {
        let (_, errors) = typed(json!({
            "smithy.api#length": {"min": "1"},
            "smithy.api#required": "yes",
            "smithy.api#httpError": 4000
        }));
        let messages: Vec<_> = errors
            .iter()
            .map(|e| (e.trait_id.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            vec![
                (
                    "smithy.api#httpError",
                    "expected an HTTP status code (an integer from 100 to 599), found a number"
                ),
                (
                    "smithy.api#length",
                    "`min`: expected a non-negative integer, found a string"
                ),
                (
                    "smithy.api#required",
                    "expected an empty object `{}`, found a string"
                ),
            ]
        );
    }
}
