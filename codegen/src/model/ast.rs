//! The typed mirror of the Smithy 2.0 JSON AST, after `apply` and mixins are resolved.
//!
//! No decisions live here: this is the model as written, with traits we use typed and every trait
//! kept raw as well.

use std::collections::BTreeMap;

use super::shape_id::ShapeId;
use super::traits::Traits;

/// A parsed model file.
#[derive(Clone, Debug)]
pub struct Model {
    /// The file name as the user gave it (for diagnostics and headers).
    pub file: String,
    /// Every shape of the file plus the prelude, by id.
    pub shapes: BTreeMap<ShapeId, Shape>,
}

/// One shape.
#[derive(Clone, Debug)]
pub struct Shape {
    pub id: ShapeId,
    pub kind: ShapeKind,
    pub traits: Traits,
}

/// A member of an aggregate shape, in declaration order.
#[derive(Clone, Debug)]
pub struct Member {
    pub name: String,
    pub target: ShapeId,
    pub traits: Traits,
}

/// One variant per Smithy shape type.
// A model has one service and hundreds of other shapes; boxing the large variant buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
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
#[derive(Clone, Debug)]
pub struct Operation {
    /// `smithy.api#Unit` when absent.
    pub input: ShapeId,
    /// `smithy.api#Unit` when absent.
    pub output: ShapeId,
    pub errors: Vec<ShapeId>,
}

/// A service shape.
#[derive(Clone, Debug)]
pub struct Service {
    pub version: Option<String>,
    pub operations: Vec<ShapeId>,
    pub resources: Vec<ShapeId>,
    pub errors: Vec<ShapeId>,
    /// Shape id -> new name, for the service closure.
    pub rename: BTreeMap<ShapeId, String>,
}

/// A resource shape: only what binds operations and resources matters for code generation.
#[derive(Clone, Debug)]
pub struct Resource {
    /// Lifecycle operations (create, put, read, update, delete, list), then `operations` and
    /// `collectionOperations`.
    pub operations: Vec<ShapeId>,
    pub resources: Vec<ShapeId>,
    /// Identifier and property targets.
    pub targets: Vec<ShapeId>,
}
