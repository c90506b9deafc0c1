//! Ingot's code generator: Smithy 2.0 JSON AST models in, Rust crates out.
//!
//! The flow is one way: [`model`] parses the JSON AST, [`index`] validates it and computes the
//! service closure, [`ir`] makes every decision (names, optionality, boxing, wire names), and
//! [`emit`] turns the IR into formatted Rust source. Nothing here touches the file system: the
//! caller gets file contents back and decides where they go.

pub mod diag;
pub mod docs;
pub mod emit;
pub mod index;
pub mod ir;
pub mod model;

use diag::Diagnostics;
use emit::{EmitOptions, GeneratedCrate};

/// What one model produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generated {
    /// The types, client and server crates.
    pub crates: Vec<GeneratedCrate>,
    /// Shapes in the service closure.
    pub shapes: usize,
    /// Operations of the service.
    pub operations: usize,
}

/// Parses, validates, lowers and emits one model file: the types, client and server crates of
/// its service.
pub fn generate(
    file: &str,
    text: &str,
    settings: &ir::Settings,
    opts: &EmitOptions,
) -> Result<Generated, Diagnostics> {
    let model = model::parse_model(file, text)?;
    let index = index::ShapeIndex::new(&model)?;
    let ir = ir::lower(&index, settings)?;
    Ok(Generated {
        crates: emit::crates(&ir, opts)?,
        shapes: index.closure.len(),
        operations: ir.operations.len(),
    })
}
