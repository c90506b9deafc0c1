//! The endpoint traits: `smithy.rules#endpointRuleSet` and `#endpointTests` (embedded as
//! data), `#clientContextParams`, `#staticContextParams`, `#contextParam` and
//! `#operationContextParams` (resolved against the input types here, so emitters only read),
//! and `smithy.api#endpoint` host prefixes with their `@hostLabel` members.
//!
//! What the model asks for and Ingot cannot honour is a warning naming the shape, never silent.

use serde_json::Value;

use super::lower::resolve_path;
use super::naming;
use super::{
    ClientParam, ContextParam, ContextSource, EndpointIr, HostPrefix, NamedKind, OperationEndpoint,
    ParamKind, PathStep, StaticValue, TyKind, TypeDef, TypeKind,
};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Shape, ShapeKind};

const RULE_SET: &str = "smithy.rules#endpointRuleSet";
const TESTS: &str = "smithy.rules#endpointTests";
const CLIENT_PARAMS: &str = "smithy.rules#clientContextParams";
const STATIC_PARAMS: &str = "smithy.rules#staticContextParams";
const CONTEXT_PARAM: &str = "smithy.rules#contextParam";
const OPERATION_PARAMS: &str = "smithy.rules#operationContextParams";
const ENDPOINT: &str = "smithy.api#endpoint";
const HOST_LABEL: &str = "smithy.api#hostLabel";

/// The built-ins `ingot-client-rt` fills (its `endpoint::SUPPORTED_BUILT_INS`; the generator
/// does not depend on the runtime, so the list is repeated here).
const SUPPORTED_BUILT_INS: &[&str] = &[
    "AWS::Region",
    "AWS::UseFIPS",
    "AWS::UseDualStack",
    "SDK::Endpoint",
    "AWS::Auth::AccountId",
    "AWS::Auth::AccountIdEndpointMode",
];

/// Collects problems: `errors` make the model unusable, `warnings` are reported and generation
/// goes on.
pub(super) struct Report<'a> {
    pub(super) file: &'a str,
    pub(super) errors: &'a mut Diagnostics,
    pub(super) warnings: &'a mut Vec<Diagnostic>,
}

impl Report<'_> {
    pub(super) fn warn(&mut self, shape: &str, message: impl Into<String>) {
        self.warnings
            .push(Diagnostic::shape(self.file, shape, message).warning());
    }
}

/// The service-level endpoint facts. `operations` are the service's operation wire names.
pub(super) fn service(
    service: &Shape,
    operations: &[String],
    report: &mut Report<'_>,
) -> EndpointIr {
    let id = service.id.as_str();
    let raw = &service.traits.raw;
    let rule_set = raw.get(RULE_SET).map(|rules| {
        check_built_ins(id, rules, report);
        rules.to_string()
    });
    if rule_set.is_none() {
        report.warn(
            id,
            "the service has no `smithy.rules#endpointRuleSet`; clients use the standard regional pattern `https://<endpointPrefix>.<region>.<partition DNS suffix>`",
        );
    }
    let cases = raw
        .get(TESTS)
        .and_then(|t| t.get("testCases"))
        .and_then(Value::as_array)
        .filter(|cases| !cases.is_empty() && rule_set.is_some());
    let mut tested_operations: Vec<String> = cases
        .into_iter()
        .flatten()
        .filter_map(|case| case.get("operationInputs").and_then(Value::as_array))
        .flatten()
        .filter_map(|input| input.get("operationName").and_then(Value::as_str))
        .map(str::to_owned)
        .collect();
    tested_operations.sort();
    tested_operations.dedup();
    tested_operations.retain(|name| {
        let known = operations.contains(name);
        if !known {
            report.warn(
                id,
                format!("`smithy.rules#endpointTests` call operation `{name}`, which the service does not have; those cases fail"),
            );
        }
        known
    });
    let tests = cases
        .and_then(|_| raw.get(TESTS))
        .map(|t| serde_json::to_string_pretty(t).unwrap_or_else(|_| t.to_string()) + "\n");
    EndpointIr {
        rule_set,
        tests,
        tested_operations,
        client_params: client_params(service, report),
    }
}

/// Warns about built-ins the runtime does not fill: such parameters stay unset.
fn check_built_ins(id: &str, rules: &Value, report: &mut Report<'_>) {
    let Some(params) = rules.get("parameters").and_then(Value::as_object) else {
        return;
    };
    for (name, p) in params {
        if let Some(built_in) = p.get("builtIn").and_then(Value::as_str) {
            if !SUPPORTED_BUILT_INS.contains(&built_in) {
                report.warn(
                    id,
                    format!("endpoint parameter `{name}` is bound to built-in `{built_in}`, which Ingot clients do not provide; it stays unset (its default applies)"),
                );
            }
        }
    }
}

fn client_params(service: &Shape, report: &mut Report<'_>) -> Vec<ClientParam> {
    let Some(params) = service
        .traits
        .raw
        .get(CLIENT_PARAMS)
        .and_then(Value::as_object)
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, def) in params {
        let kind = match def.get("type").and_then(Value::as_str) {
            Some(t) => param_kind(t),
            None => None,
        };
        let Some(kind) = kind else {
            report.warn(
                service.id.as_str(),
                format!("client context parameter `{name}` has an unsupported type; no setter is generated"),
            );
            continue;
        };
        out.push(ClientParam {
            name: name.clone(),
            setter: naming::fn_name(name),
            kind,
            docs: def
                .get("documentation")
                .and_then(Value::as_str)
                .map(str::to_owned),
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn param_kind(t: &str) -> Option<ParamKind> {
    match t.to_ascii_lowercase().as_str() {
        "string" => Some(ParamKind::String),
        "boolean" => Some(ParamKind::Bool),
        "stringarray" => Some(ParamKind::StringArray),
        _ => None,
    }
}

/// The endpoint facts of one operation whose synthetic input type is `input` (built from the
/// model structure `input_shape`); `types` are the service's named types.
pub(super) fn operation(
    op: &Shape,
    input_shape: &Shape,
    input: &TypeDef,
    types: &[TypeDef],
    report: &mut Report<'_>,
) -> OperationEndpoint {
    let id = op.id.as_str();
    let mut out = OperationEndpoint::default();
    if let Some(statics) = op.traits.raw.get(STATIC_PARAMS).and_then(Value::as_object) {
        for (name, def) in statics {
            match def.get("value").and_then(static_value) {
                Some(value) => out.static_params.push((name.clone(), value)),
                None => report.warn(
                    id,
                    format!("static context parameter `{name}` has an unsupported value; it is not sent"),
                ),
            }
        }
    }
    let members = match &input_shape.kind {
        ShapeKind::Structure(ms) => ms.as_slice(),
        _ => &[],
    };
    for m in members {
        let Some(name) = m
            .traits
            .raw
            .get(CONTEXT_PARAM)
            .and_then(|t| t.get("name"))
            .and_then(Value::as_str)
        else {
            continue;
        };
        match scalar_path(input, &[m.name.as_str()], types) {
            Some(source) => out.context_params.push(ContextParam {
                name: name.to_owned(),
                source,
            }),
            None => report.warn(
                id,
                format!("`@contextParam` member `{}` is not a string, boolean or list of strings; parameter `{name}` is not bound", m.name),
            ),
        }
    }
    if let Some(params) = op
        .traits
        .raw
        .get(OPERATION_PARAMS)
        .and_then(Value::as_object)
    {
        for (name, def) in params {
            let path = def.get("path").and_then(Value::as_str).unwrap_or_default();
            match context_path(input, path, types) {
                Some(source) => out.context_params.push(ContextParam {
                    name: name.clone(),
                    source,
                }),
                None => report.warn(
                    id,
                    format!("`operationContextParams` path `{path}` for parameter `{name}` is outside the supported subset (`A.B`, `keys(A)`, `A[*].B`, `A[*].[B, C.D][]` over strings); the parameter is not bound"),
                ),
            }
        }
    }
    out.host_prefix = host_prefix(op, members, input, report);
    out
}

fn static_value(v: &Value) -> Option<StaticValue> {
    match v {
        Value::String(s) => Some(StaticValue::String(s.clone())),
        Value::Bool(b) => Some(StaticValue::Bool(*b)),
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .map(StaticValue::StringArray),
        _ => None,
    }
}

/// A member path ending in a string, boolean or list of strings.
fn scalar_path(start: &TypeDef, parts: &[&str], types: &[TypeDef]) -> Option<ContextSource> {
    let (steps, ty) = resolve_path(start, &parts.join("."), types)?;
    let kind = match &ty.kind {
        TyKind::String => ParamKind::String,
        TyKind::Boolean => ParamKind::Bool,
        TyKind::List {
            member,
            sparse: false,
        } if member.kind == TyKind::String => ParamKind::StringArray,
        _ => return None,
    };
    Some(ContextSource::Path { steps, kind })
}

/// The supported subset of the JMESPath of `operationContextParams`.
fn context_path(input: &TypeDef, path: &str, types: &[TypeDef]) -> Option<ContextSource> {
    let path = path.trim();
    if let Some(inner) = path.strip_prefix("keys(").and_then(|p| p.strip_suffix(')')) {
        let inner = inner.trim();
        if inner == "@" || !is_dotted(inner) {
            return None;
        }
        let (steps, ty) = resolve_path(input, inner, types)?;
        return match &ty.kind {
            TyKind::Map { key, .. } if key.kind == TyKind::String => {
                Some(ContextSource::Keys { steps })
            }
            _ => None,
        };
    }
    let Some((list_path, rest)) = path.split_once("[*]") else {
        if !is_dotted(path) {
            return None;
        }
        return scalar_path(input, &path.split('.').collect::<Vec<_>>(), types);
    };
    if !is_dotted(list_path) {
        return None;
    }
    let (list, ty) = resolve_path(input, list_path, types)?;
    let TyKind::List {
        member,
        sparse: false,
    } = &ty.kind
    else {
        return None;
    };
    if rest.is_empty() {
        return (member.kind == TyKind::String).then_some(ContextSource::Projection {
            list,
            each: Vec::new(),
        });
    }
    let TyKind::Named(element, NamedKind::Structure) = &member.kind else {
        return None;
    };
    let element = types.iter().find(|t| &t.path == element)?;
    let rest = rest.strip_prefix('.')?;
    let paths: Vec<&str> = match rest.strip_prefix('[').and_then(|r| r.strip_suffix("][]")) {
        Some(multi) => multi.split(',').map(str::trim).collect(),
        None => vec![rest],
    };
    let mut each = Vec::new();
    for p in paths {
        if !is_dotted(p) {
            return None;
        }
        let (steps, ty) = resolve_path(element, p, types)?;
        if ty.kind != TyKind::String {
            return None;
        }
        each.push(steps);
    }
    Some(ContextSource::Projection { list, each })
}

/// `A`, `A.B`, ...: member names separated by dots.
fn is_dotted(path: &str) -> bool {
    !path.is_empty()
        && path.split('.').all(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

/// `@endpoint(hostPrefix)`: every `{Label}` must name a `@hostLabel` string member.
fn host_prefix(
    op: &Shape,
    members: &[crate::model::Member],
    input: &TypeDef,
    report: &mut Report<'_>,
) -> Option<HostPrefix> {
    let template = op
        .traits
        .raw
        .get(ENDPOINT)?
        .get("hostPrefix")
        .and_then(Value::as_str);
    let id = op.id.as_str();
    let Some(template) = template else {
        report.errors.push(
            Diagnostic::shape(report.file, id, "`@endpoint` needs a string `hostPrefix`")
                .help("write it as `{\"hostPrefix\": \"data.\"}`"),
        );
        return None;
    };
    let TypeKind::Structure(s) = &input.kind else {
        return None;
    };
    let mut labels = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            report.errors.push(Diagnostic::shape(
                report.file,
                id,
                format!("`@endpoint` host prefix {template:?} has an unclosed `{{`"),
            ));
            return None;
        };
        let label = &after[..close];
        let model_member = members.iter().find(|m| m.name == label);
        let member = s.members.iter().find(|m| m.wire_name == label);
        match (model_member, member) {
            (Some(mm), Some(m))
                if mm.traits.raw.contains_key(HOST_LABEL) && m.ty.kind == TyKind::String =>
            {
                labels.push((
                    label.to_owned(),
                    PathStep {
                        field: m.rust_name.clone(),
                        optional: m.optional,
                        boxed: m.boxed,
                    },
                ));
            }
            _ => {
                report.errors.push(
                    Diagnostic::shape(
                        report.file,
                        id,
                        format!("`@endpoint` host prefix label `{{{label}}}` names no `@hostLabel` string member of the input"),
                    )
                    .help("add `@hostLabel` (and `@required`) to the input member of that name"),
                );
                return None;
            }
        }
        rest = &after[close + 1..];
    }
    Some(HostPrefix {
        template: template.to_owned(),
        labels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_paths() {
        for good in ["A", "A.B", "Table_Name.x1"] {
            assert!(is_dotted(good), "{good}");
        }
        for bad in ["", "A.", ".A", "A..B", "A[0]", "1A", "keys(A)", "A B"] {
            assert!(!is_dotted(bad), "{bad}");
        }
    }

    #[test]
    fn param_kinds() {
        assert_eq!(param_kind("String"), Some(ParamKind::String));
        assert_eq!(param_kind("boolean"), Some(ParamKind::Bool));
        assert_eq!(param_kind("stringArray"), Some(ParamKind::StringArray));
        assert_eq!(param_kind("integer"), None);
    }
}
