//! From JSON text to a [`Model`]: shape ids checked, `apply` merged, mixins flattened, traits typed,
//! prelude added. Every problem becomes a diagnostic; nothing here panics on any input.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::ast::{Member, Model, Operation, Resource, Service, Shape, ShapeKind};
use super::prelude::prelude_shapes;
use super::raw;
use super::shape_id::{is_identifier, ShapeId};
use super::traits::Traits;
use crate::diag::{Diagnostic, Diagnostics};

/// Parses one JSON AST file. `file` is the name used in diagnostics.
pub fn parse_model(file: &str, text: &str) -> Result<Model, Diagnostics> {
    let raw = raw::read(text).map_err(|e| {
        Diagnostic::in_file(file, format!("malformed JSON: {}", e.message))
            .at(e.line, e.column)
            .help("the model must be a Smithy 2.0 JSON AST document")
    })?;
    let mut p = Parser {
        file,
        diags: Diagnostics::default(),
    };
    p.check_version(raw.version.as_ref());
    let mut shapes = p.collect_shapes(raw.shapes);
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
    p.diags.into_result(Model {
        file: file.to_owned(),
        shapes: model_shapes,
    })
}

/// A shape before its traits are typed; members keep raw traits too.
struct Pending {
    id: ShapeId,
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

struct Parser<'a> {
    file: &'a str,
    diags: Diagnostics,
}

impl Parser<'_> {
    fn err_shape(&mut self, shape: &str, message: impl Into<String>) -> &mut Diagnostic {
        self.diags
            .push(Diagnostic::shape(self.file, shape, message));
        self.diags
            .0
            .last_mut()
            .unwrap_or_else(|| unreachable!("just pushed"))
    }

    fn check_version(&mut self, version: Option<&Value>) {
        match version.and_then(Value::as_str) {
            Some(v) if v == "2" || v.starts_with("2.") || v == "1" || v.starts_with("1.") => {}
            Some(v) => self.diags.push(
                Diagnostic::in_file(self.file, format!("unsupported Smithy version `{v}`"))
                    .help("Ingot reads Smithy 2.0 (and 1.0) JSON AST models"),
            ),
            None => self.diags.push(
                Diagnostic::in_file(self.file, "missing top-level `smithy` version string")
                    .help("add \"smithy\": \"2.0\" at the top of the file"),
            ),
        }
    }

    fn collect_shapes(&mut self, pairs: Vec<(String, Value)>) -> BTreeMap<ShapeId, Pending> {
        let mut shapes: BTreeMap<ShapeId, Pending> = BTreeMap::new();
        let mut lowercase: BTreeMap<String, ShapeId> = BTreeMap::new();
        let mut applies = Vec::new();
        for (key, value) in pairs {
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
                applies.push((id, member, traits));
                continue;
            }
            if member.is_some() {
                self.err_shape(&key, "a member id can only be the key of an `apply` shape");
                continue;
            }
            if shapes.contains_key(&id) {
                self.err_shape(id.as_str(), "duplicate shape id").help =
                    Some("each shape id may be defined once; remove or rename one of them".into());
                continue;
            }
            if let Some(other) = lowercase.insert(id.as_str().to_ascii_lowercase(), id.clone()) {
                self.err_shape(
                    id.as_str(),
                    format!("shape id conflicts with `{other}`: ids may not differ only by case"),
                );
                continue;
            }
            let members = self.pending_members(&id, &ty, &body);
            let mixins = self.targets(&id, &body, "mixins");
            shapes.insert(
                id.clone(),
                Pending {
                    id,
                    ty,
                    body,
                    traits,
                    members,
                    mixins,
                },
            );
        }
        for (id, member, traits) in applies {
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
                let d = Diagnostic::shape(self.file, shape, "`traits` must be an object");
                self.diags.push(match member {
                    Some(m) => d.member(m),
                    None => d,
                });
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
                self.err_shape(id.as_str(), format!("`{name}` is not a valid member name"))
                    .member = Some(name.clone());
                continue;
            }
            if !seen.insert(name.to_ascii_lowercase()) {
                self.err_shape(id.as_str(), "member names may not differ only by case")
                    .member = Some(name.clone());
                continue;
            }
            let target = match v.get("target").and_then(Value::as_str).map(ShapeId::parse) {
                Some(Ok(t)) => t,
                Some(Err(e)) => {
                    self.err_shape(id.as_str(), format!("invalid member target: {e}"))
                        .member = Some(name.clone());
                    continue;
                }
                None => {
                    self.err_shape(id.as_str(), "member has no string `target`")
                        .member = Some(name.clone());
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
        let file = self.file;
        let Some(shape) = shapes.get_mut(id) else {
            self.err_shape(
                id.as_str(),
                "`apply` targets a shape that is not defined in this file",
            );
            return;
        };
        let target = match member {
            None => &mut shape.traits,
            Some(m) => match shape.members.iter_mut().find(|pm| pm.name == m) {
                Some(pm) => &mut pm.traits,
                None => {
                    self.diags.push(
                        Diagnostic::shape(
                            file,
                            id.as_str(),
                            "`apply` targets a member that does not exist",
                        )
                        .member(m),
                    );
                    return;
                }
            },
        };
        for (trait_id, value) in traits {
            if let Err(message) = merge_trait(target, &trait_id, value) {
                let d = Diagnostic::shape(file, id.as_str(), message);
                self.diags.push(match member {
                    Some(m) => d.member(m),
                    None => d,
                });
            }
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
        let traits = self.typed_traits(&p.id, None, p.traits);
        let mut members = Vec::new();
        for pm in p.members {
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
                let mut traits = traits;
                // Smithy 1.0 sets are lists whose items must be unique.
                traits.unique_items |= p.ty == "set";
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
            let d = Diagnostic::shape(
                self.file,
                id.as_str(),
                format!("invalid value for trait `{}`: {}", e.trait_id, e.message),
            )
            .help("see the trait's definition in the Smithy specification");
            self.diags.push(match member {
                Some(m) => d.member(m),
                None => d,
            });
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
        let mut operations = Vec::new();
        for key in ["create", "put", "read", "update", "delete", "list"] {
            if let Some(v) = body.get(key) {
                operations.extend(self.target_ref(id, key, v));
            }
        }
        operations.extend(self.targets(id, body, "operations"));
        operations.extend(self.targets(id, body, "collectionOperations"));
        let mut targets = Vec::new();
        for key in ["identifiers", "properties"] {
            if let Some(Value::Object(map)) = body.get(key) {
                for v in map.values() {
                    let t = v.as_str().map(|s| serde_json::json!({ "target": s }));
                    match t {
                        Some(t) => targets.extend(self.target_ref(id, key, &t)),
                        None => targets.extend(self.target_ref(id, key, v)),
                    }
                }
            }
        }
        Resource {
            operations,
            resources: self.targets(id, body, "resources"),
            targets,
        }
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
