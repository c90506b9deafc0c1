//! JSON → the compact rule tree, with every name, function, arity and template checked once.

use serde_json::{Map, Value as Json};

use crate::error::RuleSetError;
use crate::expr::{parse_path, Call, Condition, EndpointSpec, Expr, Func, Rule, RuleKind, Slot};
use crate::ruleset::{Deprecated, ParamType, Parameter, RuleSet};
use crate::template;
use crate::value::Value;

/// The rules engine versions this engine implements (all functions of 1.1+ included).
const VERSIONS: &[&str] = &["1.0", "1.1", "1.2", "1.3"];

/// How deeply rules and expressions may nest: real rule sets stay far below, and the bound
/// keeps a hostile document from exhausting the stack during parsing or evaluation.
const MAX_DEPTH: usize = 64;

pub(crate) fn rule_set(doc: &Json) -> Result<RuleSet, RuleSetError> {
    let obj = doc
        .as_object()
        .ok_or_else(|| RuleSetError::new("", "expected a JSON object"))?;
    let version = match obj.get("version") {
        Some(Json::String(v)) if VERSIONS.contains(&v.as_str()) => v.clone(),
        Some(Json::String(v)) => {
            return Err(RuleSetError::new(
                "version",
                format!("unsupported rules engine version `{v}`"),
            ))
        }
        _ => return Err(RuleSetError::new("version", "expected a version string")),
    };
    let mut parameters = match obj.get("parameters") {
        Some(Json::Object(params)) => params
            .iter()
            .map(|(name, p)| parameter(name, p))
            .collect::<Result<Vec<_>, _>>()?,
        _ => {
            return Err(RuleSetError::new(
                "parameters",
                "expected an object of parameters",
            ))
        }
    };
    // Name order whatever map type serde_json was built with (`preserve_order` keeps file order).
    parameters.sort_by(|a, b| a.name.cmp(&b.name));
    let mut parser = Parser {
        scope: parameters
            .iter()
            .enumerate()
            .map(|(i, p)| (p.name.clone(), i))
            .collect(),
        next_slot: parameters.len(),
    };
    let rules = parser.rules(obj.get("rules"), "rules", 0)?;
    crate::typecheck::check(&parameters, &rules, parser.next_slot)?;
    Ok(RuleSet {
        version,
        parameters,
        rules,
        slot_count: parser.next_slot,
    })
}

fn parameter(name: &str, p: &Json) -> Result<Parameter, RuleSetError> {
    let path = format!("parameters.{name}");
    let err = |m: String| RuleSetError::new(path.clone(), m);
    if name.is_empty() || name.contains(['{', '}', '#']) {
        return Err(err(format!("invalid parameter name `{name}`")));
    }
    let p = p
        .as_object()
        .ok_or_else(|| err("expected an object".into()))?;
    // Older rule sets spell the types with a capital letter (`String`, `Boolean`).
    let ty = match p
        .get("type")
        .and_then(Json::as_str)
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("string") => ParamType::String,
        Some("boolean") => ParamType::Boolean,
        Some("stringarray") => ParamType::StringArray,
        _ => return Err(err("`type` must be string, boolean or stringArray".into())),
    };
    let default = match p.get("default") {
        None | Some(Json::Null) => None,
        Some(d) => {
            let value = match d {
                Json::String(s) => Value::String(s.clone()),
                Json::Bool(b) => Value::Bool(*b),
                Json::Array(items) => Value::StringArray(
                    items
                        .iter()
                        .map(|i| i.as_str().map(str::to_owned))
                        .collect::<Option<_>>()
                        .ok_or_else(|| err("a stringArray default holds only strings".into()))?,
                ),
                _ => {
                    return Err(err(
                        "`default` must be a string, boolean or array of strings".into(),
                    ))
                }
            };
            if !ty.accepts(&value) {
                return Err(err(format!("`default` is not a {}", ty.as_str())));
            }
            Some(value)
        }
    };
    let deprecated = match p.get("deprecated") {
        None | Some(Json::Null) => None,
        Some(Json::Object(d)) => Some(Deprecated {
            message: opt_str(d, "message").map_err(err)?,
            since: opt_str(d, "since").map_err(err)?,
        }),
        Some(_) => return Err(err("`deprecated` must be an object".into())),
    };
    Ok(Parameter {
        name: name.to_owned(),
        ty,
        built_in: opt_str(p, "builtIn").map_err(err)?,
        required: match p.get("required") {
            None | Some(Json::Null) => false,
            Some(Json::Bool(b)) => *b,
            Some(_) => return Err(err("`required` must be a boolean".into())),
        },
        default,
        documentation: opt_str(p, "documentation").map_err(err)?,
        deprecated,
    })
}

fn opt_str(obj: &Map<String, Json>, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("`{key}` must be a string")),
    }
}

struct Parser {
    /// Names visible at the current point (the spec forbids shadowing, so names are unique).
    scope: Vec<(String, Slot)>,
    next_slot: Slot,
}

impl Parser {
    fn lookup(&self, name: &str) -> Option<Slot> {
        self.scope
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, s)| *s)
    }

    fn rules(
        &mut self,
        v: Option<&Json>,
        path: &str,
        depth: usize,
    ) -> Result<Vec<Rule>, RuleSetError> {
        let items = match v {
            Some(Json::Array(items)) if !items.is_empty() => items,
            _ => {
                return Err(RuleSetError::new(
                    path,
                    "expected a non-empty array of rules",
                ))
            }
        };
        if depth > MAX_DEPTH {
            return Err(RuleSetError::new(path, "rules nest too deeply"));
        }
        items
            .iter()
            .enumerate()
            .map(|(i, r)| self.rule(r, &format!("{path}[{i}]"), depth))
            .collect()
    }

    fn rule(&mut self, v: &Json, path: &str, depth: usize) -> Result<Rule, RuleSetError> {
        let err = |m: &str| RuleSetError::new(path, m);
        let obj = v.as_object().ok_or_else(|| err("expected a rule object"))?;
        let conditions = match obj.get("conditions") {
            Some(Json::Array(c)) => c,
            _ => return Err(err("expected a `conditions` array")),
        };
        // Variables assigned by this rule's conditions are visible to its later conditions and
        // its body only.
        let mark = self.scope.len();
        let result = self.rule_body(obj, conditions, path, depth);
        self.scope.truncate(mark);
        result
    }

    fn rule_body(
        &mut self,
        obj: &Map<String, Json>,
        conditions: &[Json],
        path: &str,
        depth: usize,
    ) -> Result<Rule, RuleSetError> {
        let conditions = conditions
            .iter()
            .enumerate()
            .map(|(i, c)| self.condition(c, &format!("{path}.conditions[{i}]")))
            .collect::<Result<Vec<_>, _>>()?;
        let kind = match obj.get("type").and_then(Json::as_str) {
            Some("endpoint") => {
                let path = format!("{path}.endpoint");
                RuleKind::Endpoint(self.endpoint(obj.get("endpoint"), &path)?)
            }
            Some("error") => {
                let path = format!("{path}.error");
                let message = obj
                    .get("error")
                    .ok_or_else(|| RuleSetError::new(&path, "missing error message"))?;
                RuleKind::Error(self.expr(message, &path, 0)?)
            }
            Some("tree") => {
                RuleKind::Tree(self.rules(obj.get("rules"), &format!("{path}.rules"), depth + 1)?)
            }
            _ => {
                return Err(RuleSetError::new(
                    path,
                    "`type` must be endpoint, error or tree",
                ))
            }
        };
        Ok(Rule { conditions, kind })
    }

    fn condition(&mut self, v: &Json, path: &str) -> Result<Condition, RuleSetError> {
        let obj = v
            .as_object()
            .ok_or_else(|| RuleSetError::new(path, "expected a condition object"))?;
        let call = self.call(obj, path, 0)?;
        let assign = match obj.get("assign") {
            None | Some(Json::Null) => None,
            Some(Json::String(name)) if !name.is_empty() && !name.contains(['{', '}', '#']) => {
                if self.lookup(name).is_some() {
                    return Err(RuleSetError::new(
                        path,
                        format!(
                            "`assign` to `{name}` would shadow a parameter or variable in scope"
                        ),
                    ));
                }
                let slot = self.next_slot;
                self.next_slot += 1;
                self.scope.push((name.clone(), slot));
                Some(slot)
            }
            Some(_) => return Err(RuleSetError::new(path, "`assign` must be a variable name")),
        };
        Ok(Condition { call, assign })
    }

    fn endpoint(&mut self, v: Option<&Json>, path: &str) -> Result<EndpointSpec, RuleSetError> {
        let obj = v
            .and_then(Json::as_object)
            .ok_or_else(|| RuleSetError::new(path, "expected an endpoint object"))?;
        let url_path = format!("{path}.url");
        let url = obj
            .get("url")
            .ok_or_else(|| RuleSetError::new(&url_path, "missing url"))?;
        let url = self.expr(url, &url_path, 0)?;
        let headers = match obj.get("headers") {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Object(headers)) => headers
                .iter()
                .map(|(name, values)| {
                    let path = format!("{path}.headers.{name}");
                    let values = values.as_array().ok_or_else(|| {
                        RuleSetError::new(&path, "expected an array of header values")
                    })?;
                    let values = values
                        .iter()
                        .enumerate()
                        .map(|(i, v)| self.expr(v, &format!("{path}[{i}]"), 0))
                        .collect::<Result<Vec<_>, _>>()?;
                    Ok((name.clone(), values))
                })
                .collect::<Result<Vec<_>, RuleSetError>>()?,
            Some(_) => {
                return Err(RuleSetError::new(
                    format!("{path}.headers"),
                    "expected an object",
                ))
            }
        };
        let properties = match obj.get("properties") {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Object(props)) => props
                .iter()
                .map(|(k, v)| {
                    Ok((
                        k.clone(),
                        self.literal(v, &format!("{path}.properties.{k}"), 0)?,
                    ))
                })
                .collect::<Result<Vec<_>, RuleSetError>>()?,
            Some(_) => {
                return Err(RuleSetError::new(
                    format!("{path}.properties"),
                    "expected an object",
                ))
            }
        };
        Ok(EndpointSpec {
            url,
            headers,
            properties,
        })
    }

    fn string(&self, s: &str, path: &str) -> Result<Expr, RuleSetError> {
        match template::parse(s, &|name| self.lookup(name))
            .map_err(|m| RuleSetError::new(path, m))?
        {
            template::Parsed::Plain(s) => Ok(Expr::Str(s)),
            template::Parsed::Template(t) => Ok(Expr::Template(t)),
        }
    }

    /// An expression: a literal, a template string, `{"ref": ..}` or `{"fn": .., "argv": ..}`.
    fn expr(&self, v: &Json, path: &str, depth: usize) -> Result<Expr, RuleSetError> {
        if depth > MAX_DEPTH {
            return Err(RuleSetError::new(path, "expression nests too deeply"));
        }
        match v {
            Json::Object(obj) if obj.contains_key("ref") => {
                let name = obj
                    .get("ref")
                    .and_then(Json::as_str)
                    .ok_or_else(|| RuleSetError::new(path, "`ref` must be a string"))?;
                let slot = self.lookup(name).ok_or_else(|| {
                    RuleSetError::new(path, format!("reference to undefined `{name}`"))
                })?;
                Ok(Expr::Ref(slot))
            }
            Json::Object(obj) if obj.contains_key("fn") => {
                Ok(Expr::Call(Box::new(self.call(obj, path, depth)?)))
            }
            Json::Object(obj) => Ok(Expr::Record(
                obj.iter()
                    .map(|(k, v)| Ok((k.clone(), self.expr(v, &format!("{path}.{k}"), depth + 1)?)))
                    .collect::<Result<_, RuleSetError>>()?,
            )),
            Json::Array(items) => Ok(Expr::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| self.expr(v, &format!("{path}[{i}]"), depth + 1))
                    .collect::<Result<_, _>>()?,
            )),
            _ => self.scalar(v, path),
        }
    }

    /// An endpoint property: a literal whose strings may be templates. Objects are records
    /// here, never references or calls (the spec forbids those in properties).
    fn literal(&self, v: &Json, path: &str, depth: usize) -> Result<Expr, RuleSetError> {
        if depth > MAX_DEPTH {
            return Err(RuleSetError::new(path, "property nests too deeply"));
        }
        match v {
            Json::Object(obj) => Ok(Expr::Record(
                obj.iter()
                    .map(|(k, v)| {
                        Ok((
                            k.clone(),
                            self.literal(v, &format!("{path}.{k}"), depth + 1)?,
                        ))
                    })
                    .collect::<Result<_, RuleSetError>>()?,
            )),
            Json::Array(items) => Ok(Expr::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| self.literal(v, &format!("{path}[{i}]"), depth + 1))
                    .collect::<Result<_, _>>()?,
            )),
            _ => self.scalar(v, path),
        }
    }

    fn scalar(&self, v: &Json, path: &str) -> Result<Expr, RuleSetError> {
        match v {
            Json::String(s) => self.string(s, path),
            Json::Bool(b) => Ok(Expr::Bool(*b)),
            Json::Number(n) => Ok(n
                .as_i64()
                .map_or_else(|| Expr::Number(n.clone()), Expr::Int)),
            _ => Err(RuleSetError::new(path, "null is not a value")),
        }
    }

    fn call(
        &self,
        obj: &Map<String, Json>,
        path: &str,
        depth: usize,
    ) -> Result<Call, RuleSetError> {
        let err = |m: String| RuleSetError::new(path, m);
        let name = obj
            .get("fn")
            .and_then(Json::as_str)
            .ok_or_else(|| err("`fn` must be a function name".into()))?;
        let (func, arity) =
            Func::from_name(name).ok_or_else(|| err(format!("unknown function `{name}`")))?;
        let argv = obj
            .get("argv")
            .and_then(Json::as_array)
            .ok_or_else(|| err(format!("`{name}` needs an `argv` array")))?;
        match arity {
            Some(n) if argv.len() != n => {
                return Err(err(format!(
                    "`{name}` takes {n} argument(s), got {}",
                    argv.len()
                )))
            }
            None if argv.len() < 2 => {
                return Err(err(format!("`{name}` takes two or more arguments")))
            }
            _ => {}
        }
        if func == Func::GetAttr(Vec::new()) {
            // The path is a plain string literal, parsed here once.
            let attr = match argv.get(1) {
                Some(Json::String(p)) => parse_path(p).filter(|p| !p.is_empty()),
                _ => None,
            }
            .ok_or_else(|| err("`getAttr` needs a literal path such as `a.b[0]`".into()))?;
            let target = self.expr(&argv[0], &format!("{path}.argv[0]"), depth + 1)?;
            return Ok(Call {
                func: Func::GetAttr(attr),
                args: vec![target],
            });
        }
        let args = argv
            .iter()
            .enumerate()
            .map(|(i, a)| self.expr(a, &format!("{path}.argv[{i}]"), depth + 1))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Call { func, args })
    }
}
