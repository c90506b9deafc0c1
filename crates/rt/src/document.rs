//! [`Document`]: an untyped JSON-like value (Smithy `document`).
//!
//! It is the AWS SDK for Rust's own type, `aws_smithy_types::Document` (with its `Number`): the
//! SDK re-exports it nowhere, so programs written for the SDK name it through that crate, and
//! generated code has to take exactly that type for them to build unchanged. Its objects are
//! `HashMap`s; the JSON writer sorts their keys so output stays deterministic.

pub use aws_smithy_types::{Document, Number};
