//! Where shapes, members and traits were written: a side table next to the model, so two models
//! with the same shapes are equal wherever they came from.

use std::collections::BTreeMap;

/// 1-based line and column (columns count characters).
pub type Pos = (usize, usize);

/// One model file handed to [`super::parse_files`]: `.smithy` files are IDL, anything else is
/// JSON AST.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The name used in diagnostics (usually the path the user gave).
    pub name: String,
    pub text: String,
}

impl SourceFile {
    /// True for Smithy IDL files (`.smithy`).
    pub fn is_idl(&self) -> bool {
        self.name.ends_with(".smithy")
    }
}

/// Positions of one file's shapes (by absolute id), members and traits (by shape id, member name
/// and absolute trait id). JSON AST files have none.
#[derive(Clone, Debug, Default)]
pub struct Positions {
    pub shapes: BTreeMap<String, Pos>,
    pub members: BTreeMap<(String, String), Pos>,
    pub traits: BTreeMap<(String, Option<String>, String), Pos>,
}

/// Where a shape or member was defined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub file: String,
    pub pos: Option<Pos>,
}

/// Where each shape and member of a model was defined; prelude shapes have no entry.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    pub shapes: BTreeMap<String, Source>,
    pub members: BTreeMap<(String, String), Source>,
}
