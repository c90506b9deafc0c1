//! The static type check the spec asks of a rule set, run once after parsing: every function
//! gets arguments of its types, templates and endpoint URLs, headers and error messages are
//! strings, and `getAttr` paths fit the record they read (`parseURL`, `aws.parseArn` and
//! `aws.partition` results have known fields). Optionality is not tracked: an unset value at
//! run time makes its condition fail, as the evaluator does.

use crate::error::RuleSetError;
use crate::expr::{Call, Expr, Func, PathPart, Rule, RuleKind, Slot};
use crate::ruleset::{ParamType, Parameter};
use crate::template::Part;

#[derive(Clone, Debug, PartialEq)]
enum Ty {
    Str,
    Bool,
    Int,
    Array(Box<Ty>),
    Record(Record),
    /// Unknown statically (a literal record's fields, a partition output the table may add).
    Any,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Record {
    Url,
    Arn,
    Partition,
}

impl Ty {
    fn name(&self) -> String {
        match self {
            Ty::Str => "string".into(),
            Ty::Bool => "boolean".into(),
            Ty::Int => "integer".into(),
            Ty::Array(inner) => format!("array of {}", inner.name()),
            Ty::Record(Record::Url) => "URL record".into(),
            Ty::Record(Record::Arn) => "ARN record".into(),
            Ty::Record(Record::Partition) => "partition record".into(),
            Ty::Any => "value".into(),
        }
    }

    /// The name with its article: "a string", "an integer".
    fn a(&self) -> String {
        let name = self.name();
        let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {name}")
    }

    /// Whether a value of type `self` fits where `want` is expected.
    fn fits(&self, want: &Ty) -> bool {
        match (self, want) {
            (Ty::Any, _) | (_, Ty::Any) => true,
            (Ty::Array(a), Ty::Array(b)) => a.fits(b),
            (a, b) => a == b,
        }
    }

    /// The common type of two branches (`coalesce`, `ite`).
    fn unify(&self, other: &Ty) -> Option<Ty> {
        match (self, other) {
            (Ty::Any, t) | (t, Ty::Any) => Some(t.clone()),
            (Ty::Array(a), Ty::Array(b)) => Some(Ty::Array(Box::new(a.unify(b)?))),
            (a, b) if a == b => Some(a.clone()),
            _ => None,
        }
    }

    fn at(&self, path: &[PathPart]) -> Result<Ty, String> {
        let mut cur = self.clone();
        for part in path {
            cur = match (part, &cur) {
                (_, Ty::Any) => Ty::Any,
                (PathPart::Index(_), Ty::Array(inner)) => (**inner).clone(),
                (PathPart::Key(k), Ty::Record(r)) => field(*r, k)?,
                (PathPart::Key(k), t) => return Err(format!("{} has no attribute `{k}`", t.a())),
                (PathPart::Index(i), t) => {
                    return Err(format!("{} cannot be indexed by [{i}]", t.a()))
                }
            };
        }
        Ok(cur)
    }
}

fn field(record: Record, key: &str) -> Result<Ty, String> {
    Ok(match (record, key) {
        (Record::Url, "scheme" | "authority" | "path" | "normalizedPath") => Ty::Str,
        (Record::Url, "isIp") => Ty::Bool,
        (Record::Arn, "partition" | "service" | "region" | "accountId") => Ty::Str,
        (Record::Arn, "resourceId") => Ty::Array(Box::new(Ty::Str)),
        (
            Record::Partition,
            "name" | "dnsSuffix" | "dualStackDnsSuffix" | "implicitGlobalRegion",
        ) => Ty::Str,
        (Record::Partition, "supportsFIPS" | "supportsDualStack") => Ty::Bool,
        // A newer partition table may carry more outputs.
        (Record::Partition, _) => Ty::Any,
        (r, k) => return Err(format!("{} has no attribute `{k}`", Ty::Record(r).a())),
    })
}

pub(crate) fn check(
    parameters: &[Parameter],
    rules: &[Rule],
    slot_count: usize,
) -> Result<(), RuleSetError> {
    let mut slots = vec![Ty::Any; slot_count];
    for (slot, p) in slots.iter_mut().zip(parameters) {
        *slot = match p.ty {
            ParamType::String => Ty::Str,
            ParamType::Boolean => Ty::Bool,
            ParamType::StringArray => Ty::Array(Box::new(Ty::Str)),
        };
    }
    let mut checker = Checker { slots };
    checker.rules(rules, "rules")
}

struct Checker {
    /// Each variable's type; an `assign` slot is set when its condition is visited, which the
    /// parser guarantees is before any reference to it.
    slots: Vec<Ty>,
}

impl Checker {
    fn rules(&mut self, rules: &[Rule], path: &str) -> Result<(), RuleSetError> {
        for (i, rule) in rules.iter().enumerate() {
            let path = format!("{path}[{i}]");
            for (j, condition) in rule.conditions.iter().enumerate() {
                let at = format!("{path}.conditions[{j}]");
                let ty = self
                    .call(&condition.call)
                    .map_err(|m| RuleSetError::new(&at, m))?;
                if let Some(slot) = condition.assign {
                    self.set(slot, ty);
                }
            }
            match &rule.kind {
                RuleKind::Endpoint(spec) => {
                    let at = format!("{path}.endpoint");
                    let err = |m| RuleSetError::new(&at, m);
                    self.expect(&spec.url, &Ty::Str, "the url").map_err(err)?;
                    for (name, values) in &spec.headers {
                        for v in values {
                            self.expect(v, &Ty::Str, &format!("header `{name}`"))
                                .map_err(err)?;
                        }
                    }
                    for (_, v) in &spec.properties {
                        self.property(v).map_err(err)?;
                    }
                }
                RuleKind::Error(message) => self
                    .expect(message, &Ty::Str, "the error message")
                    .map_err(|m| RuleSetError::new(format!("{path}.error"), m))?,
                RuleKind::Tree(children) => self.rules(children, &format!("{path}.rules"))?,
            }
        }
        Ok(())
    }

    fn set(&mut self, slot: Slot, ty: Ty) {
        if let Some(s) = self.slots.get_mut(slot) {
            *s = ty;
        }
    }

    fn slot(&self, slot: Slot) -> Ty {
        self.slots.get(slot).cloned().unwrap_or(Ty::Any)
    }

    fn expect(&self, expr: &Expr, want: &Ty, what: &str) -> Result<(), String> {
        let got = self.expr(expr)?;
        if got.fits(want) {
            Ok(())
        } else {
            Err(format!("{what} must be {}, not {}", want.a(), got.a()))
        }
    }

    fn expr(&self, expr: &Expr) -> Result<Ty, String> {
        Ok(match expr {
            Expr::Str(_) => Ty::Str,
            Expr::Template(t) => {
                for part in &t.parts {
                    if let Part::Var { slot, path } = part {
                        let ty = self.slot(*slot).at(path)?;
                        if !ty.fits(&Ty::Str) {
                            return Err(format!("a template inserts {}, not a string", ty.a()));
                        }
                    }
                }
                Ty::Str
            }
            Expr::Bool(_) => Ty::Bool,
            Expr::Int(_) => Ty::Int,
            Expr::Number(n) => return Err(format!("{n} is not an integer")),
            Expr::Array(items) => {
                let mut ty = Ty::Any;
                for item in items {
                    let t = self.expr(item)?;
                    ty = ty.unify(&t).ok_or("an array mixes element types")?;
                }
                Ty::Array(Box::new(ty))
            }
            Expr::Record(fields) => {
                for (_, v) in fields {
                    self.expr(v)?;
                }
                Ty::Any
            }
            Expr::Ref(slot) => self.slot(*slot),
            Expr::Call(call) => self.call(call)?,
        })
    }

    /// Endpoint properties: only the templates inside need checking.
    fn property(&self, expr: &Expr) -> Result<(), String> {
        match expr {
            Expr::Number(_) => Ok(()),
            Expr::Array(items) => items.iter().try_for_each(|i| self.property(i)),
            Expr::Record(fields) => fields.iter().try_for_each(|(_, v)| self.property(v)),
            other => self.expr(other).map(drop),
        }
    }

    fn call(&self, call: &Call) -> Result<Ty, String> {
        use Ty::{Bool, Int, Str};
        let name = call.func.name();
        let args = |want: &[Ty]| -> Result<(), String> {
            for (i, (arg, want)) in call.args.iter().zip(want).enumerate() {
                let got = self.expr(arg)?;
                if !got.fits(want) {
                    return Err(format!(
                        "argument {} of `{name}` must be {}, not {}",
                        i + 1,
                        want.a(),
                        got.a()
                    ));
                }
            }
            Ok(())
        };
        Ok(match &call.func {
            Func::IsSet => {
                args(&[Ty::Any])?;
                Bool
            }
            Func::Not => {
                args(&[Bool])?;
                Bool
            }
            Func::BooleanEquals => {
                args(&[Bool, Bool])?;
                Bool
            }
            Func::StringEquals => {
                args(&[Str, Str])?;
                Bool
            }
            Func::GetAttr(path) => match call.args.first() {
                Some(target) => self.expr(target)?.at(path)?,
                None => Ty::Any,
            },
            Func::Substring => {
                args(&[Str, Int, Int, Bool])?;
                Str
            }
            Func::UriEncode => {
                args(&[Str])?;
                Str
            }
            Func::ParseUrl => {
                args(&[Str])?;
                Ty::Record(Record::Url)
            }
            Func::IsValidHostLabel | Func::AwsIsVirtualHostableS3Bucket => {
                args(&[Str, Bool])?;
                Bool
            }
            Func::Split => {
                args(&[Str, Str, Int])?;
                Ty::Array(Box::new(Str))
            }
            Func::AwsPartition => {
                args(&[Str])?;
                Ty::Record(Record::Partition)
            }
            Func::AwsParseArn => {
                args(&[Str])?;
                Ty::Record(Record::Arn)
            }
            Func::Coalesce => self.common(name, &call.args)?,
            Func::Ite => match call.args.as_slice() {
                [cond, then, otherwise] => {
                    let c = self.expr(cond)?;
                    if !c.fits(&Bool) {
                        return Err(format!(
                            "the condition of `ite` must be a boolean, not {}",
                            c.a()
                        ));
                    }
                    self.common(name, [then, otherwise])?
                }
                _ => Ty::Any,
            },
        })
    }

    fn common<'e>(
        &self,
        name: &str,
        exprs: impl IntoIterator<Item = &'e Expr>,
    ) -> Result<Ty, String> {
        let mut ty = Ty::Any;
        for e in exprs {
            let t = self.expr(e)?;
            ty = ty
                .unify(&t)
                .ok_or_else(|| format!("the arguments of `{name}` mix {} and {}", ty.a(), t.a()))?;
        }
        Ok(ty)
    }
}
