//! Every model file into the JSON AST form with the positions of what it defines: JSON AST files
//! through serde_json, IDL files through [`crate::idl`].

use super::raw::{self, RawFile};
use super::source::{Positions, SourceFile};
use crate::diag::{Diagnostic, Diagnostics};
use crate::idl;

/// Reads every file into the JSON AST form. IDL files are read twice: first to learn what each
/// defines, then to resolve relative ids and elided members against the whole model.
pub fn read_files(files: &[SourceFile]) -> Result<(Vec<RawFile>, Vec<Positions>), Diagnostics> {
    let mut diags = Diagnostics::default();
    let mut raws = Vec::new();
    for f in files {
        if f.is_idl() {
            let (raw, _, _) = idl::parse(&f.name, &f.text, &idl::Known::from_files([]));
            raws.push(raw);
            continue;
        }
        match raw::read(&f.text) {
            Ok(raw) => raws.push(raw),
            Err(e) => {
                diags.push(
                    Diagnostic::in_file(&f.name, format!("malformed JSON: {}", e.message))
                        .at(e.line, e.column)
                        .help("the model must be a Smithy 2.0 JSON AST document"),
                );
                raws.push(RawFile::default());
            }
        }
    }
    let known = idl::Known::from_files(&raws);
    let mut positions = Vec::new();
    for (f, raw) in files.iter().zip(raws.iter_mut()) {
        if f.is_idl() {
            let (resolved, pos, problems) = idl::parse(&f.name, &f.text, &known);
            *raw = resolved;
            positions.push(pos);
            diags.0.extend(problems);
        } else {
            positions.push(Positions::default());
        }
    }
    diags.into_result((raws, positions))
}
