//! Ingot's code generator: Smithy 2.0 models (JSON AST or IDL) in, Rust crates out.
//!
//! The flow is one way: [`model`] parses the JSON AST (IDL files through the `idl` front end), [`index`] validates it and computes the
//! service closure, [`ir`] makes every decision (names, optionality, boxing, wire names), and
//! [`emit`] turns the IR into formatted Rust source. Nothing here touches the file system: the
//! caller gets file contents back and decides where they go.

pub mod diag;
pub mod docs;
pub mod emit;
pub(crate) mod idl;
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
    /// What the model asks for that the generated code does not honour, reported rather than
    /// dropped silently; generation still succeeded.
    pub warnings: Vec<diag::Diagnostic>,
}

/// Parses, validates, lowers and emits one model file (JSON AST, or IDL when `file` ends in
/// `.smithy`): the types, client and server crates of its service.
pub fn generate(
    file: &str,
    text: &str,
    settings: &ir::Settings,
    opts: &EmitOptions,
) -> Result<Generated, Diagnostics> {
    generate_files(
        &[model::SourceFile {
            name: file.to_owned(),
            text: text.to_owned(),
        }],
        settings,
        opts,
    )
}

/// [`generate`] for a model assembled from several files, JSON AST and IDL mixed.
pub fn generate_files(
    files: &[model::SourceFile],
    settings: &ir::Settings,
    opts: &EmitOptions,
) -> Result<Generated, Diagnostics> {
    let model = model::parse_files(files)?;
    let index = index::ShapeIndex::new(&model)?;
    let ir = ir::lower(&index, settings)?;
    Ok(Generated {
        crates: emit::crates(&ir, opts)?,
        shapes: index.closure.len(),
        operations: ir.operations.len(),
        warnings: ir.warnings.clone(),
    })
}
