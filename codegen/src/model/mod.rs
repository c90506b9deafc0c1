//! A plain mirror of the Smithy JSON AST. It makes no code generation decisions.

pub mod ast;
pub mod enum_trait;
mod parse;
mod prelude;
mod print;
pub(crate) mod raw;
mod read;
pub mod shape_id;
pub mod source;
pub mod traits;

pub use ast::{Member, Model, Operation, Resource, Service, Shape, ShapeKind};
pub use parse::{parse_files, parse_model};
pub use print::{to_json, to_json_string};
pub use shape_id::ShapeId;
pub use source::SourceFile;
pub use traits::Traits;
