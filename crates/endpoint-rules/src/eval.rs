//! Evaluation of a parsed rule set: parameters into slots, then the rules in order.

use std::collections::BTreeMap;

use crate::error::ResolveError;
use crate::expr::{Call, Expr, Func, Rule, RuleKind};
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
                    let url = self.string(&spec.url, "endpoint url")?;
                    let mut headers = BTreeMap::new();
                    for (name, values) in &spec.headers {
                        let values = values
                            .iter()
                            .map(|v| self.string(v, "header value"))
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
                    Err(ResolveError::rule(self.string(message, "error message")?))
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
            let holds = !matches!(value, None | Some(Val::Bool(false)));
            if let (Some(slot), true) = (condition.assign, holds) {
                if let Some(s) = self.slots.get_mut(slot) {
                    *s = value;
                }
            }
            if !holds {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn expr(&mut self, expr: &Expr) -> Result<Option<Val>, ResolveError> {
        Ok(match expr {
            Expr::Str(s) => Some(Val::Str(s.clone())),
            Expr::Template(t) => Some(Val::Str(self.template(t)?)),
            Expr::Bool(b) => Some(Val::Bool(*b)),
            Expr::Int(i) => Some(Val::Int(*i)),
            Expr::Number(_) => {
                return Err(ResolveError::eval(
                    "a non-integer number is not a value here",
                ))
            }
            Expr::Array(items) => Some(Val::Array(
                items
                    .iter()
                    .map(|i| {
                        self.expr(i)?
                            .ok_or_else(|| ResolveError::eval("an array element is unset"))
                    })
                    .collect::<Result<_, _>>()?,
            )),
            Expr::Record(fields) => Some(Val::Record(std::sync::Arc::new(
                fields
                    .iter()
                    .map(|(k, v)| {
                        let v = self.expr(v)?.ok_or_else(|| {
                            ResolveError::eval(format!("record field `{k}` is unset"))
                        })?;
                        Ok((k.clone(), v))
                    })
                    .collect::<Result<_, ResolveError>>()?,
            ))),
            Expr::Ref(slot) => self.slots.get(*slot).cloned().flatten(),
            Expr::Call(call) => self.call(call)?,
        })
    }

    fn call(&mut self, call: &Call) -> Result<Option<Val>, ResolveError> {
        let args = call.args.as_slice();
        match (&call.func, args) {
            // The lazy ones: only the arguments needed are evaluated.
            (Func::Coalesce, _) => {
                for arg in args {
                    if let Some(v) = self.expr(arg)? {
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
            (Func::Ite, [cond, then, otherwise]) => match self.expr(cond)? {
                Some(Val::Bool(true)) => self.expr(then),
                Some(Val::Bool(false)) => self.expr(otherwise),
                Some(v) => Err(type_error("ite", "boolean", &v)),
                None => Err(ResolveError::eval("the condition of `ite` is unset")),
            },
            (Func::IsSet, [arg]) => Ok(Some(Val::Bool(self.expr(arg)?.is_some()))),
            (Func::GetAttr(path), [target]) => {
                Ok(self.expr(target)?.and_then(|v| v.at(path).cloned()))
            }
            (func, _) => {
                let values = args
                    .iter()
                    .map(|a| self.expr(a))
                    .collect::<Result<Vec<_>, _>>()?;
                functions::apply(func, values, self.partitions)
            }
        }
    }

    fn template(&mut self, template: &Template) -> Result<String, ResolveError> {
        let mut out = String::new();
        for part in &template.parts {
            match part {
                Part::Lit(s) => out.push_str(s),
                Part::Var { slot, path } => {
                    let value = self
                        .slots
                        .get(*slot)
                        .and_then(Option::as_ref)
                        .and_then(|v| v.at(path));
                    match value {
                        Some(Val::Str(s)) => out.push_str(s),
                        Some(v) => return Err(type_error("a template", "string", v)),
                        None => {
                            return Err(ResolveError::eval("a template refers to an unset value"))
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    fn string(&mut self, expr: &Expr, what: &str) -> Result<String, ResolveError> {
        match self.expr(expr)? {
            Some(Val::Str(s)) => Ok(s),
            Some(v) => Err(type_error(what, "string", &v)),
            None => Err(ResolveError::eval(format!("the {what} is unset"))),
        }
    }

    /// An endpoint property as JSON, templates filled in.
    fn property(&mut self, expr: &Expr) -> Result<serde_json::Value, ResolveError> {
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
