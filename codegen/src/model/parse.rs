//! From JSON AST (and, through [`crate::idl`], IDL) files to one [`Model`]: shape ids checked,
//! duplicates across files reported with both places, `apply` merged, mixins flattened, traits
//! typed, prelude added. Every problem becomes a diagnostic naming file, shape, member and (for
//! IDL) line and column; nothing here panics on any input.
//!
//! The built-in prelude wins: a file that defines a `smithy.api` shape the built-in prelude
//! defines too (the official `prelude.smithy` does) is skipped silently when the definition is
//! identical (type and traits), so prelude files load next to any model; a different definition
//! is an error. Other `smithy.api` shapes of such a file (trait definitions) are kept.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::ast::{Member, Model, Operation, Resource, Service, Shape, ShapeKind};
use super::prelude::prelude_shapes;
use super::raw::RawFile;
use super::read;
use super::shape_id::{is_identifier, ShapeId};
use super::source::{Positions, Source, SourceFile, Sources};
use super::traits::Traits;
use crate::diag::{Diagnostic, Diagnostics};

/// Parses one model file (JSON AST, or IDL when `file` ends in `.smithy`). `file` is the name
/// used in diagnostics.
pub fn parse_model(file: &str, text: &str) -> Result<Model, Diagnostics> {
    parse_files(&[SourceFile {
        name: file.to_owned(),
        text: text.to_owned(),
    }])
}

/// Assembles one model from several files, JSON AST and IDL mixed.
pub fn parse_files(files: &[SourceFile]) -> Result<Model, Diagnostics> {
    let (raws, positions) = read::read_files(files)?;
    let mut p = Parser {
        files: files
            .iter()
            .map(|f| f.name.clone())
            .zip(positions)
            .collect(),
        current: 0,
        origin: BTreeMap::new(),
        diags: Diagnostics::default(),
    };
    let mut metadata = BTreeMap::new();
    for (i, raw) in raws.iter().enumerate() {
        p.current = i;
        p.check_version(raw.version.as_ref());
        p.merge_metadata(&mut metadata, &raw.metadata);
    }
    let mut shapes = p.collect_shapes(raws);
    p.flatten_mixins(&mut shapes);
    let mut model_shapes = BTreeMap::new();
    for (id, shape) in prelude_shapes() {
        model_shapes.insert(id, shape);
    }
    for (id, pending) in shapes {
        if let Some(shape) = p.type_shape(pending) {
            model_shapes.insert(id, shape);
        }
    }
    let sources = p.sources(&model_shapes);
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    p.diags.into_result(Model {
        file: names.join(", "),
        shapes: model_shapes,
        metadata,
        sources,
    })
}

/// A shape before its traits are typed; members keep raw traits too.
struct Pending {
    id: ShapeId,
    /// Index of the file that defines the shape.
    file: usize,
    ty: String,
    body: Map<String, Value>,
    traits: BTreeMap<String, Value>,
    members: Vec<PendingMember>,
    mixins: Vec<ShapeId>,
}

struct PendingMember {
    name: String,
    target: ShapeId,
    traits: BTreeMap<String, Value>,
}

/// How deep mixins may use mixins; real models use two or three levels.
const MAX_MIXIN_DEPTH: usize = 32;

const SHAPE_TYPES: &[&str] = &[
    "blob",
    "boolean",
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
    "document",
    "enum",
    "intEnum",
    "list",
    "set",
    "map",
    "structure",
    "union",
    "operation",
    "service",
    "resource",
    "apply",
];

struct Parser {
    /// Each file's name and the positions of what it defines.
    files: Vec<(String, Positions)>,
    /// The file being read, for problems found before a shape's origin is recorded.
    current: usize,
    /// Shape id -> the file that defines it.
    origin: BTreeMap<String, usize>,
    diags: Diagnostics,
}

impl Parser {
    /// A diagnostic about `shape` (and `member`, and trait `trait_id`) naming the file that
    /// defines it and the most precise position known.
    fn locate(
        &self,
        shape: &str,
        member: Option<&str>,
        trait_id: Option<&str>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let index = self.origin.get(shape).copied().unwrap_or(self.current);
        let Some((file, positions)) = self.files.get(index) else {
            return Diagnostic::shape("", shape, message);
        };
        let key = |m: Option<&str>| (shape.to_owned(), m.map(str::to_owned));
        let trait_pos = trait_id.and_then(|t| {
            let (s, m) = key(member);
            positions.traits.get(&(s, m, t.to_owned()))
        });
        let member_pos =
            member.and_then(|m| positions.members.get(&(shape.to_owned(), m.to_owned())));
        let pos = trait_pos
            .or(member_pos)
            .or_else(|| positions.shapes.get(shape));
        let mut d = Diagnostic::shape(file, shape, message);
        if let Some(m) = member {
            d = d.member(m);
        }
        match pos {
            Some((line, column)) => d.at(*line, *column),
            None => d,
        }
    }

    fn push(&mut self, d: Diagnostic) -> &mut Diagnostic {
        self.diags.push(d);
        self.diags
            .0
            .last_mut()
            .unwrap_or_else(|| unreachable!("just pushed"))
    }

    fn err_shape(&mut self, shape: &str, message: impl Into<String>) -> &mut Diagnostic {
        let d = self.locate(shape, None, None, message);
        self.push(d)
    }

    fn err_member(&mut self, shape: &str, member: &str, message: impl Into<String>) {
        let d = self.locate(shape, Some(member), None, message);
        self.push(d);
    }

    fn file_name(&self) -> &str {
        self.files.get(self.current).map_or("", |(f, _)| f.as_str())
    }

    /// Metadata of all files: lists concatenate, equal values are fine, others conflict.
    fn merge_metadata(&mut self, into: &mut BTreeMap<String, Value>, entries: &[(String, Value)]) {
        for (key, value) in entries {
            let merged = match into.get_mut(key) {
                None => {
                    into.insert(key.clone(), value.clone());
                    continue;
                }
                Some(existing) if existing == value => true,
                Some(Value::Array(existing)) => match value {
                    Value::Array(more) => {
                        existing.extend(more.iter().cloned());
                        true
                    }
                    _ => false,
                },
                Some(_) => false,
            };
            if !merged {
                let d = Diagnostic::in_file(
                    self.file_name(),
                    format!("metadata `{key}` conflicts with the value another file gives it"),
                )
                .help("metadata values may only differ when both are lists");
                self.push(d);
            }
        }
    }

    /// Where each shape and member of the model was defined.
    fn sources(&self, shapes: &BTreeMap<ShapeId, Shape>) -> Sources {
        let mut sources = Sources::default();
        for (id, shape) in shapes {
            let Some((file, positions)) = self
                .origin
                .get(id.as_str())
                .and_then(|i| self.files.get(*i))
            else {
                continue;
            };
            let shape_pos = positions.shapes.get(id.as_str()).copied();
            sources.shapes.insert(
                id.as_str().to_owned(),
                Source {
                    file: file.clone(),
                    pos: shape_pos,
                },
            );
            for m in shape.kind.members() {
                let key = (id.as_str().to_owned(), m.name.clone());
                let pos = positions.members.get(&key).copied().or(shape_pos);
                sources.members.insert(
                    key,
                    Source {
                        file: file.clone(),
                        pos,
                    },
                );
            }
        }
        sources
    }

    fn check_version(&mut self, version: Option<&Value>) {
        match version.and_then(Value::as_str) {
            Some(v) if v == "2" || v.starts_with("2.") || v == "1" || v.starts_with("1.") => {}
            Some(v) => self.diags.push(
                Diagnostic::in_file(
                    self.file_name(),
                    format!("unsupported Smithy version `{v}`"),
                )
                .help("Ingot reads Smithy 2.0 (and 1.0) JSON AST models"),
            ),
            None => self.diags.push(
                Diagnostic::in_file(
                    self.file_name(),
                    "missing top-level `smithy` version string",
                )
                .help("add \"smithy\": \"2.0\" at the top of the file"),
            ),
        }
    }

    fn collect_shapes(&mut self, files: Vec<RawFile>) -> BTreeMap<ShapeId, Pending> {
        let builtin: BTreeMap<ShapeId, Shape> = prelude_shapes().into_iter().collect();
        let mut shapes: BTreeMap<ShapeId, Pending> = BTreeMap::new();
        let mut lowercase: BTreeMap<String, ShapeId> = BTreeMap::new();
        let mut applies = Vec::new();
        let pairs = files
            .into_iter()
            .enumerate()
            .flat_map(|(i, f)| f.shapes.into_iter().map(move |pair| (i, pair)));
        for (file, (key, value)) in pairs {
            self.current = file;
            let (base, member) = match key.split_once('$') {
                Some((b, m)) => (b.to_owned(), Some(m.to_owned())),
                None => (key.clone(), None),
            };
            let id = match ShapeId::parse(&base) {
                Ok(id) => id,
                Err(e) => {
                    self.err_shape(&key, format!("invalid shape id: {e}"));
                    continue;
                }
            };
            let Value::Object(body) = value else {
                self.err_shape(&key, "a shape must be a JSON object with a `type`");
                continue;
            };
            let ty = match body.get("type").and_then(Value::as_str) {
                Some(t) if SHAPE_TYPES.contains(&t) => t.to_owned(),
                Some(t) => {
                    self.err_shape(&key, format!("unknown shape type `{t}`"))
                        .help = Some(format!("use one of: {}", SHAPE_TYPES.join(", ")));
                    continue;
                }
                None => {
                    self.err_shape(&key, "missing string field `type`");
                    continue;
                }
            };
            let traits = self.raw_traits(&key, None, body.get("traits"));
            if ty == "apply" {
                applies.push((file, id, member, traits));
                continue;
            }
            if let Some(prelude) = builtin.get(&id) {
                let has_members = body
                    .get("members")
                    .and_then(Value::as_object)
                    .is_some_and(|m| !m.is_empty());
                if prelude.kind.type_name() != ty || prelude.traits.raw != traits || has_members {
                    self.err_shape(id.as_str(), "this definition of a prelude shape differs from the built-in prelude")
                        .help = Some("remove it: the prelude is built in, and only identical copies of it may be loaded".into());
                }
                continue;
            }
            if member.is_some() {
                self.err_shape(&key, "a member id can only be the key of an `apply` shape");
                continue;
            }
            if shapes.contains_key(&id) {
                let first = self.locate(id.as_str(), None, None, "");
                let place = match first.position {
                    Some((line, column)) => format!("{}:{line}:{column}", first.file),
                    None => first.file,
                };
                let here = self
                    .files
                    .get(file)
                    .and_then(|(_, p)| p.shapes.get(id.as_str()).copied());
                let name = self.file_name().to_owned();
                let mut d = Diagnostic::shape(&name, id.as_str(), "duplicate shape id").help(format!(
                    "it is also defined at {place}; each shape id may be defined once, remove or rename one of them"
                ));
                if let Some((line, column)) = here {
                    d = d.at(line, column);
                }
                self.push(d);
                continue;
            }
            if let Some(other) = lowercase.insert(id.as_str().to_ascii_lowercase(), id.clone()) {
                self.err_shape(
                    id.as_str(),
                    format!("shape id conflicts with `{other}`: ids may not differ only by case"),
                );
                continue;
            }
            self.origin.insert(id.as_str().to_owned(), file);
            let members = self.pending_members(&id, &ty, &body);
            let mixins = self.targets(&id, &body, "mixins");
            shapes.insert(
                id.clone(),
                Pending {
                    id,
                    file,
                    ty,
                    body,
                    traits,
                    members,
                    mixins,
                },
            );
        }
        for (file, id, member, traits) in applies {
            self.current = file;
            self.apply(&mut shapes, &id, member.as_deref(), traits);
        }
        shapes
    }

    fn raw_traits(
        &mut self,
        shape: &str,
        member: Option<&str>,
        v: Option<&Value>,
    ) -> BTreeMap<String, Value> {
        match v {
            None => BTreeMap::new(),
            Some(Value::Object(map)) => map.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            Some(_) => {
                let d = self.locate(shape, member, None, "`traits` must be an object");
                self.push(d);
                BTreeMap::new()
            }
        }
    }

    fn pending_members(
        &mut self,
        id: &ShapeId,
        ty: &str,
        body: &Map<String, Value>,
    ) -> Vec<PendingMember> {
        let entries: Vec<(String, &Value)> = match ty {
            "list" | "set" => body
                .get("member")
                .map(|m| vec![("member".to_owned(), m)])
                .unwrap_or_default(),
            "map" => ["key", "value"]
                .into_iter()
                .filter_map(|k| body.get(k).map(|m| (k.to_owned(), m)))
                .collect(),
            "structure" | "union" | "enum" | "intEnum" => match body.get("members") {
                None => Vec::new(),
                Some(Value::Object(m)) => m.iter().map(|(k, v)| (k.clone(), v)).collect(),
                Some(_) => {
                    self.err_shape(id.as_str(), "`members` must be an object");
                    Vec::new()
                }
            },
            _ => Vec::new(),
        };
        if matches!(ty, "list" | "set") && entries.is_empty() {
            self.err_shape(id.as_str(), "a list must have a `member`");
        }
        if ty == "map" && entries.len() != 2 {
            self.err_shape(id.as_str(), "a map must have a `key` and a `value`");
        }
        let mut seen = BTreeSet::new();
        let mut members = Vec::new();
        for (name, v) in entries {
            if !is_identifier(&name) {
                self.err_member(
                    id.as_str(),
                    &name,
                    format!("`{name}` is not a valid member name"),
                );
                continue;
            }
            if !seen.insert(name.to_ascii_lowercase()) {
                self.err_member(
                    id.as_str(),
                    &name,
                    "member names may not differ only by case",
                );
                continue;
            }
            let target = match v.get("target").and_then(Value::as_str).map(ShapeId::parse) {
                Some(Ok(t)) => t,
                Some(Err(e)) => {
                    self.err_member(id.as_str(), &name, format!("invalid member target: {e}"));
                    continue;
                }
                None => {
                    self.err_member(id.as_str(), &name, "member has no string `target`");
                    continue;
                }
            };
            let traits = self.raw_traits(id.as_str(), Some(&name), v.get("traits"));
            members.push(PendingMember {
                name,
                target,
                traits,
            });
        }
        members
    }

    /// Reads `[{"target": id}, ...]` at `key`.
    fn targets(&mut self, id: &ShapeId, body: &Map<String, Value>, key: &str) -> Vec<ShapeId> {
        let Some(v) = body.get(key) else {
            return Vec::new();
        };
        let Some(items) = v.as_array() else {
            self.err_shape(
                id.as_str(),
                format!("`{key}` must be an array of {{\"target\": ...}} objects"),
            );
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| self.target_ref(id, key, item))
            .collect()
    }

    /// Reads `{"target": id}`.
    fn target_ref(&mut self, id: &ShapeId, key: &str, v: &Value) -> Option<ShapeId> {
        match v.get("target").and_then(Value::as_str).map(ShapeId::parse) {
            Some(Ok(t)) => Some(t),
            Some(Err(e)) => {
                self.err_shape(id.as_str(), format!("invalid `{key}` target: {e}"));
                None
            }
            None => {
                self.err_shape(
                    id.as_str(),
                    format!("`{key}` entries must be {{\"target\": \"ns#Name\"}}"),
                );
                None
            }
        }
    }

    fn apply(
        &mut self,
        shapes: &mut BTreeMap<ShapeId, Pending>,
        id: &ShapeId,
        member: Option<&str>,
        traits: BTreeMap<String, Value>,
    ) {
        let Some(shape) = shapes.get_mut(id) else {
            let d = self.locate(
                id.as_str(),
                member,
                None,
                "`apply` targets a shape that is not defined in the model",
            );
            self.push(d);
            return;
        };
        let target = match member {
            None => &mut shape.traits,
            Some(m) => match shape.members.iter_mut().find(|pm| pm.name == m) {
                Some(pm) => &mut pm.traits,
                None => {
                    self.err_member(
                        id.as_str(),
                        m,
                        "`apply` targets a member that does not exist",
                    );
                    return;
                }
            },
        };
        let mut conflicts = Vec::new();
        for (trait_id, value) in traits {
            if let Err(message) = merge_trait(target, &trait_id, value) {
                conflicts.push((trait_id, message));
            }
        }
        for (trait_id, message) in conflicts {
            let d = self.locate(id.as_str(), member, Some(&trait_id), message);
            self.push(d);
        }
    }

    /// Copies mixin members (first, depth-first left to right) and traits into each shape.
    fn flatten_mixins(&mut self, shapes: &mut BTreeMap<ShapeId, Pending>) {
        let with_mixins: Vec<ShapeId> = shapes
            .values()
            .filter(|s| !s.mixins.is_empty())
            .map(|s| s.id.clone())
            .collect();
        let mut done = BTreeSet::new();
        for id in with_mixins {
            self.flatten_one(shapes, &id, &mut done, &mut Vec::new());
        }
    }

    fn flatten_one(
        &mut self,
        shapes: &mut BTreeMap<ShapeId, Pending>,
        id: &ShapeId,
        done: &mut BTreeSet<ShapeId>,
        stack: &mut Vec<ShapeId>,
    ) {
        if done.contains(id) {
            return;
        }
        if stack.contains(id) {
            self.err_shape(id.as_str(), "mixins form a cycle");
            return;
        }
        if stack.len() >= MAX_MIXIN_DEPTH {
            // Flattening recurses once per level: a hostile chain must not overflow the stack.
            self.err_shape(
                id.as_str(),
                format!("mixins nest deeper than {MAX_MIXIN_DEPTH} levels"),
            )
            .help =
                Some("flatten the chain of mixins: a shape may use several mixins directly".into());
            return;
        }
        let Some(mixins) = shapes.get(id).map(|s| s.mixins.clone()) else {
            return;
        };
        stack.push(id.clone());
        let mut members = Vec::new();
        let mut traits = BTreeMap::new();
        for mixin in &mixins {
            self.flatten_one(shapes, mixin, done, stack);
            let Some(m) = shapes.get(mixin) else {
                self.err_shape(id.as_str(), format!("mixin `{mixin}` is not defined"));
                continue;
            };
            for pm in &m.members {
                members.retain(|x: &PendingMember| x.name != pm.name);
                members.push(PendingMember {
                    name: pm.name.clone(),
                    target: pm.target.clone(),
                    traits: pm.traits.clone(),
                });
            }
            let local: BTreeSet<String> = m
                .traits
                .get("smithy.api#mixin")
                .and_then(|v| v.get("localTraits"))
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            for (k, v) in &m.traits {
                if k != "smithy.api#mixin" && !local.contains(k) {
                    traits.insert(k.clone(), v.clone());
                }
            }
        }
        stack.pop();
        if let Some(shape) = shapes.get_mut(id) {
            for own in shape.members.drain(..) {
                match members.iter_mut().find(|m| m.name == own.name) {
                    // A redeclared inherited member keeps its place; its own traits win.
                    Some(inherited) => {
                        inherited.target = own.target;
                        inherited.traits.extend(own.traits);
                    }
                    None => members.push(own),
                }
            }
            shape.members = members;
            traits.extend(std::mem::take(&mut shape.traits));
            shape.traits = traits;
            shape.mixins.clear();
        }
        done.insert(id.clone());
    }

    fn type_shape(&mut self, p: Pending) -> Option<Shape> {
        self.current = p.file;
        let mut raw_traits = p.traits;
        if p.ty == "set" {
            // Smithy 1.0 sets are lists whose items must be unique.
            raw_traits
                .entry("smithy.api#uniqueItems".to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
        }
        let traits = self.typed_traits(&p.id, None, raw_traits);
        let mut members = Vec::new();
        for mut pm in p.members {
            if p.ty == "enum" {
                // An enum member without a value has its own name as value.
                let value = Value::String(pm.name.clone());
                pm.traits
                    .entry("smithy.api#enumValue".to_owned())
                    .or_insert(value);
            }
            let traits = self.typed_traits(&p.id, Some(&pm.name), pm.traits);
            members.push(Member {
                name: pm.name,
                target: pm.target,
                traits,
            });
        }
        let id = p.id.clone();
        let kind = match p.ty.as_str() {
            "blob" => ShapeKind::Blob,
            "boolean" => ShapeKind::Boolean,
            "string" => ShapeKind::String,
            "byte" => ShapeKind::Byte,
            "short" => ShapeKind::Short,
            "integer" => ShapeKind::Integer,
            "long" => ShapeKind::Long,
            "float" => ShapeKind::Float,
            "double" => ShapeKind::Double,
            "bigInteger" => ShapeKind::BigInteger,
            "bigDecimal" => ShapeKind::BigDecimal,
            "timestamp" => ShapeKind::Timestamp,
            "document" => ShapeKind::Document,
            "enum" => ShapeKind::Enum(members),
            "intEnum" => ShapeKind::IntEnum(members),
            "list" | "set" => {
                let member = members.into_iter().next()?;
                return Some(Shape {
                    id,
                    kind: ShapeKind::List(member),
                    traits,
                });
            }
            "map" => {
                let mut it = members.into_iter();
                let (key, value) = (it.next()?, it.next()?);
                ShapeKind::Map { key, value }
            }
            "structure" => ShapeKind::Structure(members),
            "union" => {
                if members.is_empty() && !traits.mixin {
                    self.err_shape(id.as_str(), "a union must have at least one member");
                }
                ShapeKind::Union(members)
            }
            "operation" => {
                let unit = ShapeId::prelude("Unit");
                let input = p
                    .body
                    .get("input")
                    .and_then(|v| self.target_ref(&id, "input", v))
                    .unwrap_or_else(|| unit.clone());
                let output = p
                    .body
                    .get("output")
                    .and_then(|v| self.target_ref(&id, "output", v))
                    .unwrap_or(unit);
                let errors = self.targets(&id, &p.body, "errors");
                ShapeKind::Operation(Operation {
                    input,
                    output,
                    errors,
                })
            }
            "service" => ShapeKind::Service(self.service(&id, &p.body)),
            "resource" => ShapeKind::Resource(self.resource(&id, &p.body)),
            other => unreachable!("shape type `{other}` was checked against SHAPE_TYPES"),
        };
        Some(Shape { id, kind, traits })
    }

    fn typed_traits(
        &mut self,
        id: &ShapeId,
        member: Option<&str>,
        raw: BTreeMap<String, Value>,
    ) -> Traits {
        let (traits, errors) = Traits::from_raw(raw);
        for e in errors {
            let d = self
                .locate(
                    id.as_str(),
                    member,
                    Some(&e.trait_id),
                    format!("invalid value for trait `{}`: {}", e.trait_id, e.message),
                )
                .help("see the trait's definition in the Smithy specification");
            self.push(d);
        }
        traits
    }

    fn service(&mut self, id: &ShapeId, body: &Map<String, Value>) -> Service {
        let mut rename = BTreeMap::new();
        if let Some(v) = body.get("rename") {
            match v.as_object() {
                Some(map) => {
                    for (k, v) in map {
                        match (ShapeId::parse(k), v.as_str()) {
                            (Ok(target), Some(name)) if is_identifier(name) => {
                                rename.insert(target, name.to_owned());
                            }
                            _ => {
                                self.err_shape(
                                    id.as_str(),
                                    format!("invalid `rename` entry `{k}`"),
                                )
                                .help = Some(
                                    "entries map an absolute shape id to a new shape name".into(),
                                );
                            }
                        }
                    }
                }
                None => {
                    self.err_shape(id.as_str(), "`rename` must be an object");
                }
            }
        }
        Service {
            version: body
                .get("version")
                .and_then(Value::as_str)
                .map(str::to_owned),
            operations: self.targets(id, body, "operations"),
            resources: self.targets(id, body, "resources"),
            errors: self.targets(id, body, "errors"),
            rename,
        }
    }

    fn resource(&mut self, id: &ShapeId, body: &Map<String, Value>) -> Resource {
        let mut lifecycle = Vec::new();
        for key in ["create", "put", "read", "update", "delete", "list"] {
            if let Some(v) = body.get(key) {
                if let Some(t) = self.target_ref(id, key, v) {
                    lifecycle.push((key.to_owned(), t));
                }
            }
        }
        Resource {
            identifiers: self.named_targets(id, body, "identifiers"),
            properties: self.named_targets(id, body, "properties"),
            lifecycle,
            instance_operations: self.targets(id, body, "operations"),
            collection_operations: self.targets(id, body, "collectionOperations"),
            resources: self.targets(id, body, "resources"),
        }
    }

    /// Reads `{"name": {"target": id}, ...}` (or `{"name": "id"}`) at `key`.
    fn named_targets(
        &mut self,
        id: &ShapeId,
        body: &Map<String, Value>,
        key: &str,
    ) -> Vec<(String, ShapeId)> {
        let Some(v) = body.get(key) else {
            return Vec::new();
        };
        let Some(map) = v.as_object() else {
            self.err_shape(id.as_str(), format!("`{key}` must be an object"));
            return Vec::new();
        };
        let mut out = Vec::new();
        for (name, v) in map {
            let wrapped = v.as_str().map(|s| serde_json::json!({ "target": s }));
            if let Some(t) = self.target_ref(id, key, wrapped.as_ref().unwrap_or(v)) {
                out.push((name.clone(), t));
            }
        }
        out
    }
}

/// Merges an `apply`d trait: lists concatenate, equal values are fine, anything else conflicts.
fn merge_trait(traits: &mut BTreeMap<String, Value>, id: &str, value: Value) -> Result<(), String> {
    match traits.get_mut(id) {
        None => {
            traits.insert(id.to_owned(), value);
            Ok(())
        }
        Some(existing) if *existing == value => Ok(()),
        Some(Value::Array(existing)) if value.is_array() => {
            if let Value::Array(more) = value {
                existing.extend(more);
            }
            Ok(())
        }
        Some(_) => Err(format!("conflicting values for trait `{id}` applied twice")),
    }
}
