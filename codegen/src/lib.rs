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
pub mod support;

use std::panic::{self, AssertUnwindSafe};

use diag::{Diagnostic, Diagnostics};
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
    /// What the model asks for that the crates leave out (operations, traits); never errors.
    pub warnings: Vec<Diagnostic>,
}

/// A model lowered to the IR of its service, before emission.
#[derive(Clone, Debug)]
pub struct Lowered {
    pub ir: ir::ServiceIr,
    /// Shapes in the service closure.
    pub shapes: usize,
    /// See [`Generated::warnings`].
    pub warnings: Vec<Diagnostic>,
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
///
/// Never panics: a panic inside the generator (a bug, whatever the model) is caught and reported
/// as an internal error diagnostic naming the panic.
pub fn generate_files(
    files: &[model::SourceFile],
    settings: &ir::Settings,
    opts: &EmitOptions,
) -> Result<Generated, Diagnostics> {
    generate_crates(files, settings, opts, false)
}

/// [`generate_files`] plus the service's protocol compliance test crate
/// (`<service>-protocol-tests`), from the `smithy.test` traits of the model.
pub fn generate_with_protocol_tests(
    files: &[model::SourceFile],
    settings: &ir::Settings,
    opts: &EmitOptions,
) -> Result<Generated, Diagnostics> {
    generate_crates(files, settings, opts, true)
}

fn generate_crates(
    files: &[model::SourceFile],
    settings: &ir::Settings,
    opts: &EmitOptions,
    protocol_tests: bool,
) -> Result<Generated, Diagnostics> {
    guarded(files, || {
        with_lowered(files, settings, |index, lowered| {
            let mut crates =
                emit::crates(&lowered.ir, opts).map_err(|e| with_warnings(e, &lowered.warnings))?;
            if protocol_tests {
                let tests = ir::protocol_tests::lower(index, &lowered.ir);
                crates.push(
                    emit::protocol_tests::protocol_tests_crate(&lowered.ir, &tests, opts)
                        .map_err(|e| with_warnings(e, &lowered.warnings))?,
                );
            }
            Ok(Generated {
                crates,
                shapes: lowered.shapes,
                operations: lowered.ir.operations.len(),
                warnings: lowered.warnings,
            })
        })
    })
}

/// Parses, upgrades (Smithy 1.0 `@enum` strings), validates and lowers a model: the IR and the
/// warnings of [`generate_files`], without emitting code. Panics are caught as there.
pub fn lower_files(
    files: &[model::SourceFile],
    settings: &ir::Settings,
) -> Result<Lowered, Diagnostics> {
    guarded(files, || lower_unguarded(files, settings))
}

fn lower_unguarded(
    files: &[model::SourceFile],
    settings: &ir::Settings,
) -> Result<Lowered, Diagnostics> {
    with_lowered(files, settings, |_, lowered| Ok(lowered))
}

/// Parses and upgrades the model, indexes the selected service and lowers it, then hands the
/// index (still borrowed from the model) and the lowered IR to `then`.
fn with_lowered<T>(
    files: &[model::SourceFile],
    settings: &ir::Settings,
    then: impl FnOnce(&index::ShapeIndex<'_>, Lowered) -> Result<T, Diagnostics>,
) -> Result<T, Diagnostics> {
    let mut model = model::parse_files(files)?;
    model::enum_trait::upgrade(&mut model)?;
    let index = index::ShapeIndex::for_service(&model, settings.service.as_deref())?;
    let mut warnings = index.warnings.clone();
    warnings.extend(support::unsupported_traits(&index));
    let ir = ir::lower(&index, settings).map_err(|e| with_warnings(e, &warnings))?;
    warnings.extend(ir.warnings.iter().cloned());
    let shapes = index.closure.len();
    then(
        &index,
        Lowered {
            ir,
            shapes,
            warnings,
        },
    )
}

/// The warnings found before a later pass failed come first, so the user sees everything.
fn with_warnings(errors: Diagnostics, warnings: &[Diagnostic]) -> Diagnostics {
    let mut all = Diagnostics(warnings.to_vec());
    all.0.extend(errors.0);
    all
}

/// Runs `run`, turning a panic into an internal-error diagnostic.
fn guarded<T>(
    files: &[model::SourceFile],
    run: impl FnOnce() -> Result<T, Diagnostics>,
) -> Result<T, Diagnostics> {
    panic::catch_unwind(AssertUnwindSafe(run)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without message".to_owned());
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        Err(Diagnostic::in_file(
            &names.join(", "),
            format!("internal error: the generator panicked: {what}"),
        )
        .help("this is a bug in Ingot, not in the model; please report it with the model")
        .into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error_diagnostic() {
        let files = [model::SourceFile {
            name: "model/a.json".into(),
            text: String::new(),
        }];
        let got = guarded(&files, || -> Result<(), Diagnostics> {
            panic!("index {} out of range", 7)
        });
        assert_eq!(
            got.unwrap_err().to_string(),
            "error: internal error: the generator panicked: index 7 out of range\n  --> model/a.json\n  = help: this is a bug in Ingot, not in the model; please report it with the model\n\n1 error found"
        );
        let got = guarded(&files, || -> Result<u8, Diagnostics> { Ok(1) });
        assert_eq!(got, Ok(1));
    }
}
