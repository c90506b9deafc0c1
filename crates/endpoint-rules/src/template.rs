//! Template strings (`"https://{Region}.{PartitionResult#dnsSuffix}"`), split once at parse time.

use crate::expr::{parse_path, PathPart, Slot};

/// A template split into literal text and variable references.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Template {
    pub parts: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Lit(String),
    /// `{name}` or `{name#path}`: the variable's value, or the attribute at `path`.
    Var {
        slot: Slot,
        path: Vec<PathPart>,
    },
}

/// A parsed template string: a plain string when it has no `{...}`, else a template.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Parsed {
    Plain(String),
    Template(Template),
}

/// Parses `text`, resolving each variable name with `lookup`. `{{` and `}}` stand for `{`
/// and `}`; any other unbalanced brace is an error.
pub(crate) fn parse(text: &str, lookup: &dyn Fn(&str) -> Option<Slot>) -> Result<Parsed, String> {
    let mut parts = Vec::new();
    let mut lit = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        lit.push_str(&rest[..i]);
        let brace = &rest[i..];
        if let Some(after) = brace.strip_prefix("{{") {
            lit.push('{');
            rest = after;
        } else if let Some(after) = brace.strip_prefix("}}") {
            lit.push('}');
            rest = after;
        } else if let Some(after) = brace.strip_prefix('{') {
            let end = after
                .find('}')
                .ok_or_else(|| format!("unclosed `{{` in template `{text}`"))?;
            let inner = &after[..end];
            let (name, path) = match inner.split_once('#') {
                Some((name, path)) => {
                    let path = parse_path(path).ok_or_else(|| {
                        format!("bad attribute path `{path}` in template `{text}`")
                    })?;
                    (name, path)
                }
                None => (inner, Vec::new()),
            };
            if name.is_empty() || name.contains('{') {
                return Err(format!("bad variable `{inner}` in template `{text}`"));
            }
            let slot = lookup(name)
                .ok_or_else(|| format!("template `{text}` refers to undefined `{name}`"))?;
            if !lit.is_empty() {
                parts.push(Part::Lit(std::mem::take(&mut lit)));
            }
            parts.push(Part::Var { slot, path });
            rest = &after[end + 1..];
        } else {
            return Err(format!("unmatched `}}` in template `{text}`"));
        }
    }
    lit.push_str(rest);
    if parts.is_empty() {
        return Ok(Parsed::Plain(lit));
    }
    if !lit.is_empty() {
        parts.push(Part::Lit(lit));
    }
    Ok(Parsed::Template(Template { parts }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(name: &str) -> Option<Slot> {
        ["Region", "P"].iter().position(|n| *n == name)
    }

    #[test]
    fn splits_variables_and_attribute_paths() {
        let Parsed::Template(t) = parse("https://{Region}.{P#dnsSuffix}/x", &lookup).unwrap()
        else {
            panic!("expected a template")
        };
        assert_eq!(
            t.parts,
            vec![
                Part::Lit("https://".into()),
                Part::Var {
                    slot: 0,
                    path: vec![]
                },
                Part::Lit(".".into()),
                Part::Var {
                    slot: 1,
                    path: vec![PathPart::Key("dnsSuffix".into())]
                },
                Part::Lit("/x".into()),
            ]
        );
    }

    #[test]
    fn doubled_braces_are_literal() {
        assert_eq!(
            parse("a{{b}}c", &lookup).unwrap(),
            Parsed::Plain("a{b}c".into())
        );
        assert_eq!(
            parse("ü{{{Region}}}", &lookup).unwrap(),
            Parsed::Template(Template {
                parts: vec![
                    Part::Lit("ü{".into()),
                    Part::Var {
                        slot: 0,
                        path: vec![]
                    },
                    Part::Lit("}".into())
                ]
            })
        );
    }

    #[test]
    fn malformed_templates_are_errors() {
        for bad in [
            "{Region", "{}", "}", "{Nope}", "{P#}", "{P#a[x]}", "x}y", "{#a}",
        ] {
            assert!(parse(bad, &lookup).is_err(), "{bad}");
        }
    }
}
