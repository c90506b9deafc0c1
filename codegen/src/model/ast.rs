//! The typed mirror of the Smithy 2.0 JSON AST, after `apply` and mixins are resolved.
//!
//! No decisions live here: this is the model as written, with traits we use typed and every trait
//! kept raw as well.

use std::collections::BTreeMap;

use serde_json::Value;

use super::shape_id::ShapeId;
use super::source::{Source, Sources};
use super::traits::Traits;
use crate::diag::Diagnostic;

/// A parsed model, from one file or several.
#[derive(Clone, Debug)]
pub struct Model {
    /// The file names as the user gave them, joined by `, ` (for diagnostics and headers).
    pub file: String,
    /// Every shape of the files plus the prelude, by id.
    pub shapes: BTreeMap<ShapeId, Shape>,
    /// The merged `metadata` of all files.
    pub metadata: BTreeMap<String, Value>,
    /// Where each shape and member was defined.
    pub sources: Sources,
}

/// Two models are equal when they define the same shapes and metadata, wherever they were
/// written (file names and positions are not part of a model).
impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.shapes == other.shapes && self.metadata == other.metadata
    }
}

impl Model {
    /// A problem with shape `id`, naming the file (and position) that defines it.
    pub fn shape_diagnostic(&self, id: &str, message: impl Into<String>) -> Diagnostic {
        let source = self.sources.shapes.get(id);
        located(
            Diagnostic::shape(source.map_or(&self.file, |s| &s.file), id, message),
            source,
        )
    }

    /// A problem with member `member` of shape `id`, naming where the member was defined.
    pub fn member_diagnostic(
        &self,
        id: &str,
        member: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        let key = (id.to_owned(), member.to_owned());
        let source = self
            .sources
            .members
            .get(&key)
            .or(self.sources.shapes.get(id));
        let d = Diagnostic::shape(source.map_or(&self.file, |s| &s.file), id, message);
        located(d.member(member), source)
    }
}

fn located(d: Diagnostic, source: Option<&Source>) -> Diagnostic {
    match source.and_then(|s| s.pos) {
        Some((line, column)) => d.at(line, column),
        None => d,
    }
}

/// One shape.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    pub id: ShapeId,
    pub kind: ShapeKind,
    pub traits: Traits,
}

/// A member of an aggregate shape, in declaration order.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub name: String,
    pub target: ShapeId,
    pub traits: Traits,
}

/// One variant per Smithy shape type.
// A model has one service and hundreds of other shapes; boxing the large variant buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum ShapeKind {
    Blob,
    Boolean,
    String,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    Timestamp,
    Document,
    Enum(Vec<Member>),
    IntEnum(Vec<Member>),
    List(Member),
    Map { key: Member, value: Member },
    Structure(Vec<Member>),
    Union(Vec<Member>),
    Operation(Operation),
    Service(Service),
    Resource(Resource),
}

impl ShapeKind {
    /// The Smithy type name, as written in the JSON AST.
    pub fn type_name(&self) -> &'static str {
        match self {
            ShapeKind::Blob => "blob",
            ShapeKind::Boolean => "boolean",
            ShapeKind::String => "string",
            ShapeKind::Byte => "byte",
            ShapeKind::Short => "short",
            ShapeKind::Integer => "integer",
            ShapeKind::Long => "long",
            ShapeKind::Float => "float",
            ShapeKind::Double => "double",
            ShapeKind::BigInteger => "bigInteger",
            ShapeKind::BigDecimal => "bigDecimal",
            ShapeKind::Timestamp => "timestamp",
            ShapeKind::Document => "document",
            ShapeKind::Enum(_) => "enum",
            ShapeKind::IntEnum(_) => "intEnum",
            ShapeKind::List(_) => "list",
            ShapeKind::Map { .. } => "map",
            ShapeKind::Structure(_) => "structure",
            ShapeKind::Union(_) => "union",
            ShapeKind::Operation(_) => "operation",
            ShapeKind::Service(_) => "service",
            ShapeKind::Resource(_) => "resource",
        }
    }

    /// The members of aggregate shapes (list member, map key and value included), in order.
    pub fn members(&self) -> Vec<&Member> {
        match self {
            ShapeKind::Enum(m)
            | ShapeKind::IntEnum(m)
            | ShapeKind::Structure(m)
            | ShapeKind::Union(m) => m.iter().collect(),
            ShapeKind::List(m) => vec![m],
            ShapeKind::Map { key, value } => vec![key, value],
            _ => Vec::new(),
        }
    }
}

/// An operation shape.
#[derive(Clone, Debug, PartialEq)]
pub struct Operation {
    /// `smithy.api#Unit` when absent.
    pub input: ShapeId,
    /// `smithy.api#Unit` when absent.
    pub output: ShapeId,
    pub errors: Vec<ShapeId>,
}

/// A service shape.
#[derive(Clone, Debug, PartialEq)]
pub struct Service {
    pub version: Option<String>,
    pub operations: Vec<ShapeId>,
    pub resources: Vec<ShapeId>,
    pub errors: Vec<ShapeId>,
    /// Shape id -> new name, for the service closure.
    pub rename: BTreeMap<ShapeId, String>,
}

/// A resource shape.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    pub identifiers: Vec<(String, ShapeId)>,
    pub properties: Vec<(String, ShapeId)>,
    /// The lifecycle operations present, by name (`create`, `put`, `read`, `update`, `delete`,
    /// `list`), in that order.
    pub lifecycle: Vec<(String, ShapeId)>,
    /// `operations`: instance operations.
    pub instance_operations: Vec<ShapeId>,
    pub collection_operations: Vec<ShapeId>,
    pub resources: Vec<ShapeId>,
}

impl Resource {
    /// Every operation the resource binds: lifecycle, instance, then collection operations.
    pub fn operations(&self) -> impl Iterator<Item = &ShapeId> {
        self.lifecycle
            .iter()
            .map(|(_, id)| id)
            .chain(&self.instance_operations)
            .chain(&self.collection_operations)
    }

    /// Identifier and property targets.
    pub fn targets(&self) -> impl Iterator<Item = &ShapeId> {
        self.identifiers
            .iter()
            .chain(&self.properties)
            .map(|(_, id)| id)
    }
}
