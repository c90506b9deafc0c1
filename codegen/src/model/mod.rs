//! A plain mirror of the Smithy JSON AST. It makes no code generation decisions.

pub mod ast;
mod parse;
mod prelude;
mod raw;
pub mod shape_id;
pub mod traits;

pub use ast::{Member, Model, Operation, Resource, Service, Shape, ShapeKind};
pub use parse::parse_model;
pub use shape_id::ShapeId;
pub use traits::Traits;
