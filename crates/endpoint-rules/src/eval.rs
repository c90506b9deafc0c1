//! Evaluation of a parsed rule set: parameters into slots, then the rules in order.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::error::ResolveError;
use crate::expr::{Call, Expr, Func, PathPart, Rule, RuleKind, Slot};
use crate::functions;
use crate::partitions::Partitions;
use crate::ruleset::RuleSet;
use crate::template::{Part, Template};
use crate::val::Val;
use crate::value::Params;
use crate::Endpoint;

pub(crate) fn resolve(
    rules: &RuleSet,
    params: &Params,
    partitions: &Partitions,
) -> Result<Endpoint, ResolveError> {
    let mut slots = vec![None; rules.slot_count];
    for (slot, p) in slots.iter_mut().zip(&rules.parameters) {
        match params.get(&p.name).or(p.default.as_ref()) {
            Some(v) if p.ty.accepts(v) => *slot = Some(Val::from(v)),
            Some(_) => {
                return Err(ResolveError::eval(format!(
                    "endpoint parameter `{}` must be a {}",
                    p.name,
                    p.ty.as_str()
                )))
            }
            None if p.required => {
                return Err(ResolveError::eval(format!(
                    "missing required endpoint parameter `{}`",
                    p.name
                )))
            }
            None => {}
        }
    }
    let mut eval = Eval { slots, partitions };
    match eval.rules(&rules.rules)? {
        Some(endpoint) => Ok(endpoint),
        None => Err(exhausted()),
    }
}

fn exhausted() -> ResolveError {
    ResolveError::eval(
        "no endpoint rule matched the parameters (the rule set has no fallback for them)",
    )
}

struct Eval<'a> {
    /// Parameters, then one slot per `assign`; `None` is unset.
    slots: Vec<Option<Val>>,
    partitions: &'a Partitions,
}

impl Eval<'_> {
    /// The first rule whose conditions hold decides; `None` when none do.
    fn rules(&mut self, rules: &[Rule]) -> Result<Option<Endpoint>, ResolveError> {
        for rule in rules {
            if !self.conditions_hold(rule)? {
                continue;
            }
            return match &rule.kind {
                RuleKind::Endpoint(spec) => {
                    let url = self.output(&spec.url, "endpoint url")?;
                    let mut headers = BTreeMap::new();
                    for (name, values) in &spec.headers {
                        let values = values
                            .iter()
                            .map(|v| self.output(v, "header value"))
                            .collect::<Result<Vec<_>, _>>()?;
                        headers
                            .entry(name.clone())
                            .or_insert_with(Vec::new)
                            .extend(values);
                    }
                    let mut properties = serde_json::Map::new();
                    for (name, value) in &spec.properties {
                        properties.insert(name.clone(), self.property(value)?);
                    }
                    Ok(Some(Endpoint {
                        url,
                        headers,
                        properties,
                    }))
                }
                RuleKind::Error(message) => {
                    Err(ResolveError::rule(self.output(message, "error message")?))
                }
                // A tree whose conditions hold is terminal: its rules must decide.
                RuleKind::Tree(children) => match self.rules(children)? {
                    Some(endpoint) => Ok(Some(endpoint)),
                    None => Err(exhausted()),
                },
            };
        }
        Ok(None)
    }

    /// A condition holds unless its function returns none or `false`; `assign` binds the value.
    fn conditions_hold(&mut self, rule: &Rule) -> Result<bool, ResolveError> {
        for condition in &rule.conditions {
            let value = self.call(&condition.call)?;
            if matches!(value.as_deref(), None | Some(Val::Bool(false))) {
                return Ok(false);
            }
            if let Some(slot) = condition.assign {
                let value = value.map(Cow::into_owned);
                if let Some(s) = self.slots.get_mut(slot) {
                    *s = value;
                }
            }
        }
        Ok(true)
    }

    /// Evaluates `expr`, borrowing from the variables where it can (`Ref`, `getAttr`).
    fn expr<'s>(&'s self, expr: &'s Expr) -> Result<Option<Cow<'s, Val>>, ResolveError> {
        let owned = |v| Ok(Some(Cow::Owned(v)));
        match expr {
            Expr::Str(s) => owned(Val::Str(s.clone())),
            Expr::Template(t) => owned(Val::Str(self.template(t)?)),
            Expr::Bool(b) => owned(Val::Bool(*b)),
            Expr::Int(i) => owned(Val::Int(*i)),
            Expr::Number(_) => Err(ResolveError::eval(
                "a non-integer number is not a value here",
            )),
            Expr::Array(items) => owned(Val::Array(
                items
                    .iter()
                    .map(|i| match self.expr(i)? {
                        Some(v) => Ok(v.into_owned()),
                        None => Err(ResolveError::eval("an array element is unset")),
                    })
                    .collect::<Result<_, _>>()?,
            )),
            Expr::Record(fields) => owned(Val::Record(Arc::new(
                fields
                    .iter()
                    .map(|(k, v)| match self.expr(v)? {
                        Some(v) => Ok((k.clone(), v.into_owned())),
                        None => Err(ResolveError::eval(format!("record field `{k}` is unset"))),
                    })
                    .collect::<Result<_, ResolveError>>()?,
            ))),
            Expr::Ref(slot) => Ok(self
                .slots
                .get(*slot)
                .and_then(Option::as_ref)
                .map(Cow::Borrowed)),
            Expr::Call(call) => self.call(call),
        }
    }

    fn call<'s>(&'s self, call: &'s Call) -> Result<Option<Cow<'s, Val>>, ResolveError> {
        let name = call.func.name();
        let owned = |v| Ok(Some(Cow::Owned(v)));
        // An unset argument makes the result unset (the condition does not hold).
        macro_rules! arg {
            ($kind:ident, $e:expr) => {
                match self.$kind($e, name)? {
                    Some(v) => v,
                    None => return Ok(None),
                }
            };
        }
        match (&call.func, call.args.as_slice()) {
            (Func::IsSet, [arg]) => owned(Val::Bool(self.expr(arg)?.is_some())),
            (Func::Not, [v]) => owned(Val::Bool(!arg!(boolean, v))),
            (Func::BooleanEquals, [a, b]) => owned(Val::Bool(arg!(boolean, a) == arg!(boolean, b))),
            (Func::StringEquals, [a, b]) => owned(Val::Bool(arg!(string, a) == arg!(string, b))),
            (Func::GetAttr(path), [target]) => Ok(match self.expr(target)? {
                Some(Cow::Borrowed(v)) => v.at(path).map(Cow::Borrowed),
                Some(Cow::Owned(v)) => v.at(path).cloned().map(Cow::Owned),
                None => None,
            }),
            // Lazy: arguments after the first set one are not evaluated.
            (Func::Coalesce, args) => {
                for arg in args {
                    if let Some(v) = self.expr(arg)? {
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
            (Func::Ite, [cond, then, otherwise]) => match self.boolean(cond, name)? {
                Some(true) => self.expr(then),
                Some(false) => self.expr(otherwise),
                None => Err(ResolveError::eval("the condition of `ite` is unset")),
            },
            (Func::Substring, [input, start, stop, reverse]) => {
                let input = arg!(string, input);
                let sub = functions::substring(
                    &input,
                    arg!(int, start),
                    arg!(int, stop),
                    arg!(boolean, reverse),
                );
                Ok(sub.map(|s| Cow::Owned(Val::Str(s.to_owned()))))
            }
            (Func::UriEncode, [v]) => owned(Val::Str(functions::uri_encode(&arg!(string, v)))),
            (Func::ParseUrl, [v]) => Ok(functions::parse_url(&arg!(string, v)).map(Cow::Owned)),
            (Func::IsValidHostLabel, [v, sub]) => owned(Val::Bool(functions::is_valid_host_label(
                &arg!(string, v),
                arg!(boolean, sub),
            ))),
            (Func::Split, [v, delimiter, limit]) => {
                let parts =
                    functions::split(&arg!(string, v), &arg!(string, delimiter), arg!(int, limit));
                Ok(parts.map(|p| Cow::Owned(Val::Array(p.into_iter().map(Val::Str).collect()))))
            }
            (Func::AwsPartition, [region]) => Ok(self
                .partitions
                .lookup(&arg!(string, region))
                .map(Cow::Owned)),
            (Func::AwsParseArn, [v]) => Ok(functions::parse_arn(&arg!(string, v)).map(Cow::Owned)),
            (Func::AwsIsVirtualHostableS3Bucket, [v, sub]) => owned(Val::Bool(
                functions::is_virtual_hostable_s3_bucket(&arg!(string, v), arg!(boolean, sub)),
            )),
            _ => Err(ResolveError::eval(format!(
                "`{name}` called with the wrong number of arguments"
            ))),
        }
    }

    /// A string argument, borrowed from the rule set or the variables where it can be.
    fn string<'s>(
        &'s self,
        expr: &'s Expr,
        name: &str,
    ) -> Result<Option<Cow<'s, str>>, ResolveError> {
        match expr {
            Expr::Str(s) => Ok(Some(Cow::Borrowed(s))),
            // `"{Name}"` alone is the variable itself: borrow it rather than build a copy.
            Expr::Template(t) => match t.parts.as_slice() {
                [Part::Var { slot, path }] => Ok(Some(Cow::Borrowed(self.inserted(*slot, path)?))),
                _ => Ok(Some(Cow::Owned(self.template(t)?))),
            },
            other => match self.expr(other)? {
                None => Ok(None),
                Some(Cow::Borrowed(Val::Str(s))) => Ok(Some(Cow::Borrowed(s))),
                Some(Cow::Owned(Val::Str(s))) => Ok(Some(Cow::Owned(s))),
                Some(v) => Err(type_error(name, "string", &v)),
            },
        }
    }

    fn boolean(&self, expr: &Expr, name: &str) -> Result<Option<bool>, ResolveError> {
        match self.expr(expr)?.as_deref() {
            None => Ok(None),
            Some(Val::Bool(b)) => Ok(Some(*b)),
            Some(v) => Err(type_error(name, "boolean", v)),
        }
    }

    fn int(&self, expr: &Expr, name: &str) -> Result<Option<i64>, ResolveError> {
        match self.expr(expr)?.as_deref() {
            None => Ok(None),
            Some(Val::Int(i)) => Ok(Some(*i)),
            Some(v) => Err(type_error(name, "integer", v)),
        }
    }

    fn template(&self, template: &Template) -> Result<String, ResolveError> {
        let mut out = String::with_capacity(64);
        for part in &template.parts {
            match part {
                Part::Lit(s) => out.push_str(s),
                Part::Var { slot, path } => out.push_str(self.inserted(*slot, path)?),
            }
        }
        Ok(out)
    }

    /// The string a template's `{name#path}` inserts.
    fn inserted(&self, slot: Slot, path: &[PathPart]) -> Result<&str, ResolveError> {
        match self
            .slots
            .get(slot)
            .and_then(Option::as_ref)
            .and_then(|v| v.at(path))
        {
            Some(Val::Str(s)) => Ok(s),
            Some(v) => Err(type_error("a template", "string", v)),
            None => Err(ResolveError::eval("a template refers to an unset value")),
        }
    }

    /// A string result (endpoint URL, header value, error message); unset is an error here.
    fn output(&self, expr: &Expr, what: &str) -> Result<String, ResolveError> {
        match self.string(expr, what)? {
            Some(s) => Ok(s.into_owned()),
            None => Err(ResolveError::eval(format!("the {what} is unset"))),
        }
    }

    /// An endpoint property as JSON, templates filled in.
    fn property(&self, expr: &Expr) -> Result<serde_json::Value, ResolveError> {
        Ok(match expr {
            Expr::Number(n) => serde_json::Value::Number(n.clone()),
            Expr::Array(items) => serde_json::Value::Array(
                items
                    .iter()
                    .map(|i| self.property(i))
                    .collect::<Result<_, _>>()?,
            ),
            Expr::Record(fields) => serde_json::Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| Ok((k.clone(), self.property(v)?)))
                    .collect::<Result<_, ResolveError>>()?,
            ),
            other => match self.expr(other)? {
                Some(v) => v.to_json(),
                None => return Err(ResolveError::eval("an endpoint property is unset")),
            },
        })
    }
}

pub(crate) fn type_error(what: &str, expected: &str, got: &Val) -> ResolveError {
    ResolveError::eval(format!(
        "{what} expects a {expected}, got a {}",
        got.type_name()
    ))
}
