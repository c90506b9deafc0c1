//! Tokens -> the JSON AST of one file (shapes as `(absolute id, JSON body)` pairs in file
//! order), with relative shape ids resolved and every shape, member and trait position recorded.
//!
//! A syntax error stops the file at the first problem; problems of meaning (an unknown `use`,
//! an elided member with no source) are all reported.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::known::Known;
use super::lexer::{Pos, Tok, Token};
use crate::diag::Diagnostic;
use crate::model::raw::RawFile;
use crate::model::shape_id::{is_identifier, ShapeId, PRELUDE};
use crate::model::source::Positions;

/// Syntax errors stop the file; boxed because a diagnostic is large next to the values parsed.
type R<T> = Result<T, Box<Diagnostic>>;

/// The simple shape types: a name and optional mixins, no body.
const SIMPLE: &[&str] = &[
    "blob",
    "boolean",
    "document",
    "string",
    "byte",
    "short",
    "integer",
    "long",
    "float",
    "double",
    "bigInteger",
    "bigDecimal",
    "timestamp",
];

/// Every keyword that can start a shape statement.
const SHAPE_KEYWORDS: &[&str] = &[
    "blob",
    "boolean",
    "document",
    "string",
    "byte",
    "short",
    "integer",
    "long",
    "float",
    "double",
    "bigInteger",
    "bigDecimal",
    "timestamp",
    "enum",
    "intEnum",
    "list",
    "set",
    "map",
    "structure",
    "union",
    "service",
    "operation",
    "resource",
    "apply",
];

/// Nesting deeper than this is refused, so hostile input cannot overflow the stack.
const MAX_DEPTH: usize = 64;

/// Parses the tokens of `file`. Returns what was read (even after an error) and the problems.
pub fn parse(
    file: &str,
    tokens: Vec<Token>,
    known: &Known,
) -> (RawFile, Positions, Vec<Diagnostic>) {
    let mut p = Parser {
        file,
        tokens,
        i: 0,
        known,
        namespace: None,
        uses: BTreeMap::new(),
        input_suffix: "Input".to_owned(),
        output_suffix: "Output".to_owned(),
        out: RawFile::default(),
        positions: Positions::default(),
        diags: Vec::new(),
        depth: 0,
    };
    if let Err(d) = p.file_body() {
        p.diags.push(*d);
    }
    // An IDL file without `$version` is Smithy 1.0.
    p.out
        .version
        .get_or_insert_with(|| Value::String("1.0".into()));
    (p.out, p.positions, p.diags)
}

/// Traits collected before a shape or member: id -> (value, position).
type TraitList = Vec<(String, Value, Pos)>;

struct Parser<'a> {
    file: &'a str,
    tokens: Vec<Token>,
    i: usize,
    known: &'a Known,
    namespace: Option<String>,
    /// Shape name -> absolute id, from `use` statements.
    uses: BTreeMap<String, String>,
    input_suffix: String,
    output_suffix: String,
    out: RawFile,
    positions: Positions,
    diags: Vec<Diagnostic>,
    depth: usize,
}

impl Parser<'_> {
    // ---- token access: documentation comments are skipped unless asked for ----

    /// Index of the next token that is not a documentation comment, starting at `from`.
    fn skip_docs_from(&self, mut from: usize) -> usize {
        while matches!(self.tokens.get(from).map(|t| &t.tok), Some(Tok::Doc(_))) {
            from += 1;
        }
        from
    }

    fn peek(&self) -> &Tok {
        let j = self.skip_docs_from(self.i);
        self.tokens.get(j).map_or(&Tok::Eof, |t| &t.tok)
    }

    /// The token after the next one.
    fn peek_second(&self) -> &Tok {
        let j = self.skip_docs_from(self.skip_docs_from(self.i) + 1);
        self.tokens.get(j).map_or(&Tok::Eof, |t| &t.tok)
    }

    fn pos(&self) -> Pos {
        let j = self.skip_docs_from(self.i);
        self.tokens
            .get(j)
            .or(self.tokens.last())
            .map_or((1, 1), |t| t.pos)
    }

    fn next(&mut self) -> (Tok, Pos) {
        let j = self.skip_docs_from(self.i);
        match self.tokens.get(j) {
            Some(t) => {
                self.i = j + 1;
                (t.tok.clone(), t.pos)
            }
            None => (Tok::Eof, self.pos()),
        }
    }

    /// Consecutive `///` lines here, joined as a `documentation` trait value.
    fn take_docs(&mut self) -> Option<(String, Pos)> {
        let mut lines = Vec::new();
        let mut pos = None;
        while let Some(Token {
            tok: Tok::Doc(line),
            pos: at,
        }) = self.tokens.get(self.i)
        {
            pos.get_or_insert(*at);
            lines.push(line.clone());
            self.i += 1;
        }
        Some((lines.join("\n"), pos?))
    }

    fn error(&self, pos: Pos, message: impl Into<String>) -> Box<Diagnostic> {
        Box::new(Diagnostic::in_file(self.file, message).at(pos.0, pos.1))
    }

    fn expected(&self, what: &str) -> Box<Diagnostic> {
        let pos = self.pos();
        let found = self.peek().describe();
        self.error(pos, format!("expected {what}, found {found}"))
    }

    fn eat(&mut self, c: char) -> bool {
        if *self.peek() == Tok::Punct(c) {
            self.next();
            true
        } else {
            false
        }
    }

    /// Eats `close` (true); false when something else comes; an error naming the opening
    /// bracket at `open` when the file ends first.
    fn close(&mut self, open: Pos, close: char) -> R<bool> {
        if self.eat(close) {
            return Ok(true);
        }
        if *self.peek() == Tok::Eof {
            let opening = match close {
                '}' => '{',
                ']' => '[',
                _ => '(',
            };
            let pos = self.pos();
            return Err(self.error(
                pos,
                format!("expected `{close}` to close the `{opening}` at line {}, column {}, found the end of the file", open.0, open.1),
            ));
        }
        Ok(false)
    }

    fn expect(&mut self, c: char) -> R<Pos> {
        let pos = self.pos();
        if self.eat(c) {
            Ok(pos)
        } else {
            Err(self.expected(&format!("`{c}`")))
        }
    }

    fn is_keyword(&self, word: &str) -> bool {
        matches!(self.peek(), Tok::Ident(w) if w == word)
    }

    fn ident(&mut self, what: &str) -> R<(String, Pos)> {
        match self.peek().clone() {
            Tok::Ident(s) => {
                let (_, pos) = self.next();
                Ok((s, pos))
            }
            _ => Err(self.expected(what)),
        }
    }

    /// A simple identifier (a shape or member name).
    fn name(&mut self, what: &str) -> R<(String, Pos)> {
        let (s, pos) = self.ident(what)?;
        if is_identifier(&s) {
            Ok((s, pos))
        } else {
            Err(self.error(pos, format!("`{s}` is not a valid {what}")))
        }
    }

    // ---- sections ----

    fn file_body(&mut self) -> R<()> {
        while *self.peek() == Tok::Punct('$') {
            self.control()?;
        }
        while self.is_keyword("metadata") {
            self.metadata()?;
        }
        if self.is_keyword("namespace") {
            self.next();
            let (ns, pos) = self.ident("a namespace")?;
            if ns.is_empty() || !ns.split('.').all(is_identifier) {
                return Err(self.error(pos, format!("`{ns}` is not a valid namespace")));
            }
            self.namespace = Some(ns);
        }
        while self.is_keyword("use") {
            self.use_statement()?;
        }
        loop {
            if *self.peek() == Tok::Eof {
                return Ok(());
            }
            self.shape_or_apply()?;
        }
    }

    fn control(&mut self) -> R<()> {
        self.expect('$')?;
        let (key, _) = self.ident("a control statement name")?;
        self.expect(':')?;
        let pos = self.pos();
        let value = self.node()?;
        let text = value.as_str().map(str::to_owned);
        match (key.as_str(), text) {
            ("version", Some(v)) => {
                if !matches!(v.as_str(), "1" | "1.0" | "2" | "2.0") {
                    return Err(self.error(
                        pos,
                        format!("unsupported IDL version `{v}` (expected \"2.0\" or \"1.0\")"),
                    ));
                }
                self.out.version = Some(Value::String(if v.starts_with('1') {
                    "1.0".into()
                } else {
                    "2.0".into()
                }));
            }
            ("operationInputSuffix", Some(s)) => self.input_suffix = s,
            ("operationOutputSuffix", Some(s)) => self.output_suffix = s,
            ("version" | "operationInputSuffix" | "operationOutputSuffix", None) => {
                return Err(self.error(pos, format!("`${key}` must be a string")))
            }
            // Unknown control statements are allowed and mean nothing to us.
            _ => {}
        }
        Ok(())
    }

    fn metadata(&mut self) -> R<()> {
        self.next();
        let key = match self.next() {
            (Tok::Ident(s) | Tok::Str(s), _) => s,
            (other, pos) => {
                return Err(self.error(
                    pos,
                    format!("expected a metadata key, found {}", other.describe()),
                ))
            }
        };
        self.expect('=')?;
        let value = self.node()?;
        self.out.metadata.push((key, value));
        Ok(())
    }

    fn use_statement(&mut self) -> R<()> {
        self.next();
        let (id, pos) = self.ident("an absolute shape id")?;
        let parsed =
            ShapeId::parse(&id).map_err(|e| self.error(pos, format!("invalid `use`: {e}")))?;
        if !self.known.contains(parsed.as_str()) {
            self.diags.push(
                self.error(
                    pos,
                    format!("`use` names `{id}`, which is not defined in the model"),
                )
                .help("load the file that defines it, or fix the shape id"),
            );
        }
        let name = parsed.name().to_owned();
        if let Some(other) = self.uses.insert(name.clone(), id.clone()) {
            if other != id {
                self.diags.push(*self.error(
                    pos,
                    format!("`use` of `{id}` conflicts with `use` of `{other}`"),
                ));
            }
        }
        Ok(())
    }

    // ---- shape ids ----

    fn namespace_at(&self, pos: Pos) -> R<&str> {
        self.namespace
            .as_deref()
            .ok_or_else(|| self.error(pos, "shapes need a `namespace` statement before them"))
    }

    /// Resolves a shape id as written: absolute ids as they are; relative ones by `use`, then the
    /// file's namespace, then the prelude; an id found nowhere stays in the file's namespace.
    fn resolve(&self, text: &str, pos: Pos) -> R<String> {
        let (base, member) = match text.split_once('$') {
            Some((b, m)) => (b, Some(m)),
            None => (text, None),
        };
        let id = if base.contains('#') {
            ShapeId::parse(base).map_err(|e| self.error(pos, e))?;
            base.to_owned()
        } else {
            if !is_identifier(base) {
                return Err(self.error(pos, format!("`{text}` is not a valid shape id")));
            }
            self.resolve_relative(base)
                .unwrap_or(format!("{}#{base}", self.namespace_at(pos)?))
        };
        match member {
            Some(m) if is_identifier(m) => Ok(format!("{id}${m}")),
            Some(_) => Err(self.error(pos, format!("`{text}` is not a valid shape id"))),
            None => Ok(id),
        }
    }

    fn resolve_relative(&self, name: &str) -> Option<String> {
        if let Some(id) = self.uses.get(name) {
            return Some(id.clone());
        }
        if let Some(ns) = &self.namespace {
            let local = format!("{ns}#{name}");
            if self.known.contains(&local) {
                return Some(local);
            }
        }
        let prelude = format!("{PRELUDE}#{name}");
        self.known.contains(&prelude).then_some(prelude)
    }

    /// A shape id token, resolved.
    fn target(&mut self, what: &str) -> R<String> {
        let (text, pos) = self.ident(what)?;
        self.resolve(&text, pos)
    }

    // ---- traits ----

    fn traits(&mut self) -> R<TraitList> {
        let mut list = TraitList::new();
        if let Some((doc, pos)) = self.take_docs() {
            list.push((format!("{PRELUDE}#documentation"), Value::String(doc), pos));
        }
        while *self.peek() == Tok::Punct('@') {
            let (id, value, pos) = self.one_trait()?;
            // An explicit `@documentation` replaces the doc comment.
            list.retain(|(other, _, _)| *other != id || id != format!("{PRELUDE}#documentation"));
            if list.iter().any(|(other, _, _)| *other == id) {
                return Err(self.error(pos, format!("trait `{id}` is applied twice")));
            }
            list.push((id, value, pos));
            // Doc comments between traits still document the shape.
            if let Some((doc, pos)) = self.take_docs() {
                list.push((format!("{PRELUDE}#documentation"), Value::String(doc), pos));
            }
        }
        Ok(list)
    }

    /// `@id` or `@id(...)`.
    fn one_trait(&mut self) -> R<(String, Value, Pos)> {
        let pos = self.expect('@')?;
        let id = self.target("a trait shape id")?;
        let value = self.trait_body()?;
        Ok((id, value, pos))
    }

    /// `(...)` after a trait id: nothing or `()` is `{}`; `key: value, ...` is an object; else one
    /// node value.
    fn trait_body(&mut self) -> R<Value> {
        let open = self.pos();
        if !self.eat('(') {
            return Ok(json!({}));
        }
        if self.close(open, ')')? {
            return Ok(json!({}));
        }
        let structured = matches!(self.peek(), Tok::Ident(_) | Tok::Str(_))
            && *self.peek_second() == Tok::Punct(':');
        let value = if structured {
            self.object_entries(open, ')')?
        } else {
            let v = self.node()?;
            self.expect(')')?;
            v
        };
        Ok(value)
    }

    fn record_traits(
        &mut self,
        shape: &str,
        member: Option<&str>,
        traits: &TraitList,
    ) -> Map<String, Value> {
        let mut map = Map::new();
        for (id, value, pos) in traits {
            self.positions.traits.insert(
                (shape.to_owned(), member.map(str::to_owned), id.clone()),
                *pos,
            );
            map.insert(id.clone(), value.clone());
        }
        map
    }

    // ---- node values ----

    fn node(&mut self) -> R<Value> {
        self.depth += 1;
        let result = if self.depth > MAX_DEPTH {
            let pos = self.pos();
            Err(self.error(pos, format!("values nest deeper than {MAX_DEPTH} levels")))
        } else {
            self.node_inner()
        };
        self.depth -= 1;
        result
    }

    fn node_inner(&mut self) -> R<Value> {
        let (tok, pos) = self.next();
        match tok {
            Tok::Punct('{') => self.object_entries(pos, '}'),
            Tok::Punct('[') => {
                let mut items = Vec::new();
                while !self.close(pos, ']')? {
                    items.push(self.node()?);
                }
                Ok(Value::Array(items))
            }
            Tok::Str(s) => Ok(Value::String(s)),
            Tok::Number(n) => serde_json::from_str::<serde_json::Number>(&n)
                .map(Value::Number)
                .map_err(|_| self.error(pos, format!("`{n}` is not a valid number"))),
            Tok::Ident(w) => Ok(match w.as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                "null" => Value::Null,
                // An unquoted shape id becomes its absolute id when it names a shape, else it
                // stays the string as written.
                _ => Value::String(self.resolve_value_id(&w)),
            }),
            other => Err(self.error(pos, format!("expected a value, found {}", other.describe()))),
        }
    }

    fn resolve_value_id(&self, text: &str) -> String {
        if text.contains('#') || !is_identifier(text) {
            return text.to_owned();
        }
        self.resolve_relative(text)
            .unwrap_or_else(|| text.to_owned())
    }

    /// `key: value` pairs up to `close`; keys are identifiers or strings.
    fn object_entries(&mut self, open: Pos, close: char) -> R<Value> {
        let mut map = Map::new();
        while !self.close(open, close)? {
            let (key, pos) = match self.next() {
                (Tok::Ident(s) | Tok::Str(s), pos) => (s, pos),
                (other, pos) => {
                    return Err(self.error(
                        pos,
                        format!(
                            "expected an object key or `{close}`, found {}",
                            other.describe()
                        ),
                    ))
                }
            };
            self.expect(':')?;
            let value = self.node()?;
            if map.insert(key.clone(), value).is_some() {
                return Err(self.error(pos, format!("duplicate object key `{key}`")));
            }
        }
        Ok(Value::Object(map))
    }

    // ---- shapes ----

    fn shape_or_apply(&mut self) -> R<()> {
        let traits = self.traits()?;
        let (tok, pos) = self.next();
        let Tok::Ident(keyword) = tok else {
            return Err(self.error(
                pos,
                format!("expected a shape statement, found {}", tok.describe()),
            ));
        };
        if keyword == "apply" {
            // Documentation comments before `apply` document nothing and are dropped.
            let doc = format!("{PRELUDE}#documentation");
            if let Some((_, _, at)) = traits.iter().find(|(id, _, _)| *id != doc) {
                return Err(self.error(*at, "traits cannot be placed before `apply`"));
            }
            return self.apply();
        }
        if matches!(keyword.as_str(), "use" | "namespace" | "metadata") {
            return Err(self.error(
                pos,
                format!("`{keyword}` statements must come before the shapes"),
            ));
        }
        if !SHAPE_KEYWORDS.contains(&keyword.as_str()) {
            return Err(Box::new(
                self.error(pos, format!("unknown shape type `{keyword}`"))
                    .help(format!("use one of: {}", SHAPE_KEYWORDS.join(", "))),
            ));
        }
        let (name, name_pos) = self.name("shape name")?;
        let id = format!("{}#{name}", self.namespace_at(name_pos)?);
        let body = match keyword.as_str() {
            k if SIMPLE.contains(&k) => {
                let mut body = shape_body(k);
                self.mixins(&mut body)?;
                body
            }
            "enum" | "intEnum" => {
                let mut body = shape_body(&keyword);
                self.mixins(&mut body)?;
                let members = self.enum_members(&id, keyword == "enum")?;
                body.insert("members".into(), Value::Object(members));
                body
            }
            "list" | "set" | "map" | "structure" | "union" => {
                let resource = self.for_resource()?;
                let mut body = shape_body(&keyword);
                let mixins = self.mixins(&mut body)?;
                let members = self.members(&id, resource.as_deref(), &mixins)?;
                self.place_members(&id, &keyword, &mut body, members, pos)?;
                body
            }
            "service" | "resource" => {
                let mut body = shape_body(&keyword);
                self.mixins(&mut body)?;
                let open = self.expect('{')?;
                let Value::Object(fields) = self.object_entries(open, '}')? else {
                    unreachable!("object_entries returns an object")
                };
                self.service_fields(&keyword, fields, &mut body, open)?;
                body
            }
            "operation" => {
                let mut body = shape_body("operation");
                self.mixins(&mut body)?;
                self.operation_body(&id, &mut body)?;
                body
            }
            other => unreachable!("`{other}` was checked against SHAPE_KEYWORDS"),
        };
        self.push_shape(id, body, traits, name_pos);
        Ok(())
    }

    fn push_shape(
        &mut self,
        id: String,
        mut body: Map<String, Value>,
        traits: TraitList,
        pos: Pos,
    ) {
        let traits = self.record_traits(&id, None, &traits);
        if !traits.is_empty() {
            body.insert("traits".into(), Value::Object(traits));
        }
        self.positions.shapes.insert(id.clone(), pos);
        self.out.shapes.push((id, Value::Object(body)));
    }

    /// `with [A, B]`; returns the resolved mixin ids.
    fn mixins(&mut self, body: &mut Map<String, Value>) -> R<Vec<String>> {
        if !self.is_keyword("with") {
            return Ok(Vec::new());
        }
        self.next();
        let open = self.expect('[')?;
        let mut ids = Vec::new();
        while !self.close(open, ']')? {
            ids.push(self.target("a mixin shape id")?);
        }
        let refs = ids.iter().map(|t| json!({ "target": t })).collect();
        body.insert("mixins".into(), Value::Array(refs));
        Ok(ids)
    }

    /// `for Resource`, whose identifiers and properties elided members may name.
    fn for_resource(&mut self) -> R<Option<String>> {
        if !self.is_keyword("for") {
            return Ok(None);
        }
        self.next();
        self.target("a resource shape id").map(Some)
    }

    /// `{ [docs] [traits] name: Target [= default] ... }`, or `$name` for an elided target.
    fn members(
        &mut self,
        shape: &str,
        resource: Option<&str>,
        mixins: &[String],
    ) -> R<Vec<(String, Value, Pos)>> {
        let open = self.expect('{')?;
        let mut out: Vec<(String, Value, Pos)> = Vec::new();
        loop {
            let traits = self.traits()?;
            if self.close(open, '}')? {
                return Ok(out);
            }
            let elided = self.eat('$');
            let (name, pos) = self.name("member name")?;
            let target = if elided {
                self.elided_target(&name, pos, resource, mixins)
            } else {
                self.expect(':')?;
                Some(self.target("a member target")?)
            };
            let mut traits = self.record_traits(shape, Some(&name), &traits);
            if *self.peek() == Tok::Punct('=') {
                let (_, at) = self.next();
                let value = self.node()?;
                let key = format!("{PRELUDE}#default");
                if traits.insert(key.clone(), value).is_some() {
                    return Err(
                        self.error(at, "a member cannot have both `= value` and `@default`")
                    );
                }
                self.positions
                    .traits
                    .insert((shape.to_owned(), Some(name.clone()), key), at);
            }
            if out.iter().any(|(n, _, _)| *n == name) {
                return Err(self.error(pos, format!("duplicate member `{name}`")));
            }
            self.positions
                .members
                .insert((shape.to_owned(), name.clone()), pos);
            let Some(target) = target else { continue };
            let mut member = Map::new();
            member.insert("target".into(), Value::String(target));
            if !traits.is_empty() {
                member.insert("traits".into(), Value::Object(traits));
            }
            out.push((name, Value::Object(member), pos));
        }
    }

    fn elided_target(
        &mut self,
        name: &str,
        pos: Pos,
        resource: Option<&str>,
        mixins: &[String],
    ) -> Option<String> {
        let found = resource
            .and_then(|r| self.known.resource_target(r, name))
            .or_else(|| {
                mixins
                    .iter()
                    .find_map(|m| self.known.member_target(m, name))
            });
        if found.is_none() {
            self.diags.push(
                self.error(pos, format!("elided member `${name}` matches no identifier or property of a `for` resource and no mixin member"))
                    .help(format!("write the target, e.g. `{name}: String`")),
            );
        }
        found
    }

    /// Puts members where the JSON AST has them for this shape type.
    fn place_members(
        &mut self,
        id: &str,
        keyword: &str,
        body: &mut Map<String, Value>,
        members: Vec<(String, Value, Pos)>,
        pos: Pos,
    ) -> R<()> {
        let allowed: &[&str] = match keyword {
            "list" | "set" => &["member"],
            "map" => &["key", "value"],
            _ => {
                body.insert(
                    "members".into(),
                    Value::Object(members.into_iter().map(|(n, v, _)| (n, v)).collect()),
                );
                return Ok(());
            }
        };
        for (name, value, at) in members {
            if !allowed.contains(&name.as_str()) {
                return Err(self.error(
                    at,
                    format!(
                        "a {keyword} has no member `{name}` (it has {})",
                        allowed.join(" and ")
                    ),
                ));
            }
            body.insert(name, value);
        }
        // Members inherited from mixins are filled in when mixins are flattened.
        let has_mixins = body.contains_key("mixins");
        if !has_mixins && allowed.iter().any(|m| !body.contains_key(*m)) {
            return Err(self.error(
                pos,
                format!("`{id}` needs the member(s) {}", allowed.join(" and ")),
            ));
        }
        Ok(())
    }

    fn enum_members(&mut self, shape: &str, string_enum: bool) -> R<Map<String, Value>> {
        let open = self.expect('{')?;
        let mut out = Map::new();
        loop {
            let traits = self.traits()?;
            if self.close(open, '}')? {
                return Ok(out);
            }
            let (name, pos) = self.name("enum member name")?;
            let mut traits = self.record_traits(shape, Some(&name), &traits);
            let key = format!("{PRELUDE}#enumValue");
            if *self.peek() == Tok::Punct('=') {
                let (_, at) = self.next();
                let value = self.node()?;
                traits.insert(key.clone(), value);
                self.positions
                    .traits
                    .insert((shape.to_owned(), Some(name.clone()), key), at);
            } else if string_enum && !traits.contains_key(&key) {
                // An enum member without a value has its own name as value.
                traits.insert(key, Value::String(name.clone()));
            }
            self.positions
                .members
                .insert((shape.to_owned(), name.clone()), pos);
            let member = json!({ "target": format!("{PRELUDE}#Unit"), "traits": traits });
            if out.insert(name.clone(), member).is_some() {
                return Err(self.error(pos, format!("duplicate member `{name}`")));
            }
        }
    }

    /// `{ input: X | input := {...}, output: ..., errors: [...] }`.
    fn operation_body(&mut self, id: &str, body: &mut Map<String, Value>) -> R<()> {
        let open = self.expect('{')?;
        while !self.close(open, '}')? {
            let (key, pos) = self.name("`input`, `output` or `errors`")?;
            match key.as_str() {
                "input" | "output" => {
                    let value = if *self.peek() == Tok::Walrus {
                        self.next();
                        let suffix = if key == "input" {
                            &self.input_suffix
                        } else {
                            &self.output_suffix
                        };
                        let name = format!("{id}{suffix}");
                        self.inline_structure(name.clone(), &key, pos)?;
                        name
                    } else {
                        self.expect(':')?;
                        self.target("a structure shape id")?
                    };
                    if body
                        .insert(key.clone(), json!({ "target": value }))
                        .is_some()
                    {
                        return Err(self.error(pos, format!("`{key}` is given twice")));
                    }
                }
                "errors" => {
                    self.expect(':')?;
                    let open = self.expect('[')?;
                    let mut errors = Vec::new();
                    while !self.close(open, ']')? {
                        errors.push(json!({ "target": self.target("an error shape id")? }));
                    }
                    if body.insert(key, Value::Array(errors)).is_some() {
                        return Err(self.error(open, "`errors` is given twice"));
                    }
                }
                other => {
                    return Err(self.error(
                        pos,
                        format!(
                        "an operation has no property `{other}` (it has input, output and errors)"
                    ),
                    ))
                }
            }
        }
        Ok(())
    }

    /// `:= [traits] [for R] [with [..]] { members }` as the structure `id`, marked `@input` or
    /// `@output`.
    fn inline_structure(&mut self, id: String, role: &str, pos: Pos) -> R<()> {
        let mut traits = self.traits()?;
        let resource = self.for_resource()?;
        let mut body = shape_body("structure");
        let mixins = self.mixins(&mut body)?;
        let members = self.members(&id, resource.as_deref(), &mixins)?;
        self.place_members(&id, "structure", &mut body, members, pos)?;
        let marker = format!("{PRELUDE}#{role}");
        if !traits.iter().any(|(t, _, _)| *t == marker) {
            traits.push((marker, json!({}), pos));
        }
        self.push_shape(id, body, traits, pos);
        Ok(())
    }

    /// Service and resource properties: shape ids become `{"target": id}` as in the JSON AST.
    fn service_fields(
        &mut self,
        keyword: &str,
        fields: Map<String, Value>,
        body: &mut Map<String, Value>,
        pos: Pos,
    ) -> R<()> {
        for (key, value) in fields {
            let converted = match (keyword, key.as_str()) {
                ("service", "version") => value,
                ("service", "rename") => self.rename(value, pos)?,
                (_, "operations" | "resources" | "errors")
                | ("resource", "collectionOperations") => {
                    let Value::Array(items) = value else {
                        return Err(self.error(pos, format!("`{key}` must be a list of shape ids")));
                    };
                    let refs: R<Vec<Value>> =
                        items.iter().map(|v| self.id_ref(v, &key, pos)).collect();
                    Value::Array(refs?)
                }
                ("resource", "create" | "put" | "read" | "update" | "delete" | "list") => {
                    self.id_ref(&value, &key, pos)?
                }
                ("resource", "identifiers" | "properties") => {
                    let Value::Object(map) = value else {
                        return Err(self.error(pos, format!("`{key}` must map names to shape ids")));
                    };
                    let mut out = Map::new();
                    for (name, v) in map {
                        out.insert(name, self.id_ref(&v, &key, pos)?);
                    }
                    Value::Object(out)
                }
                _ => return Err(self.error(pos, format!("a {keyword} has no property `{key}`"))),
            };
            body.insert(key, converted);
        }
        Ok(())
    }

    fn id_ref(&self, v: &Value, key: &str, pos: Pos) -> R<Value> {
        let Some(text) = v.as_str() else {
            return Err(self.error(pos, format!("`{key}` must name shapes by shape id")));
        };
        Ok(json!({ "target": self.resolve(text, pos)? }))
    }

    fn rename(&self, value: Value, pos: Pos) -> R<Value> {
        let Value::Object(map) = value else {
            return Err(self.error(pos, "`rename` must map shape ids to new names"));
        };
        let mut out = Map::new();
        for (k, v) in map {
            out.insert(self.resolve(&k, pos)?, v);
        }
        Ok(Value::Object(out))
    }

    /// `apply Target @trait` or `apply Target { @trait ... }`.
    fn apply(&mut self) -> R<()> {
        let (text, pos) = self.ident("the shape id to apply traits to")?;
        let id = self.resolve(&text, pos)?;
        let open = self.pos();
        let traits = if self.eat('{') {
            let traits = self.traits()?;
            if !self.close(open, '}')? {
                return Err(self.expected("`}`"));
            }
            traits
        } else if *self.peek() == Tok::Punct('@') {
            vec![self.one_trait()?]
        } else {
            return Err(self.expected("a trait or `{` after `apply`"));
        };
        let (shape, member) = match id.split_once('$') {
            Some((s, m)) => (s.to_owned(), Some(m.to_owned())),
            None => (id.clone(), None),
        };
        let mut map = Map::new();
        for (trait_id, value, at) in traits {
            self.positions
                .traits
                .insert((shape.clone(), member.clone(), trait_id.clone()), at);
            map.insert(trait_id, value);
        }
        self.out
            .shapes
            .push((id, json!({ "type": "apply", "traits": map })));
        Ok(())
    }
}

fn shape_body(ty: &str) -> Map<String, Value> {
    let mut body = Map::new();
    body.insert("type".into(), Value::String(ty.to_owned()));
    body
}
