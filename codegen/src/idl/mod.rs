//! The Smithy IDL 2.0 front end: IDL text -> the JSON AST of the file plus the position of every
//! shape, member and trait, so the JSON AST parser ([`crate::model`]) builds the model and makes
//! every check for both front ends. Smithy 1.0 IDL loads where its syntax is still valid IDL 2.
//!
//! Relative shape ids and elided (`$name`) members depend on what other files define, so
//! [`crate::model::parse_files`] parses each IDL file twice: once to learn the shapes it defines
//! ([`Known`]), once to resolve against every file.

mod known;
mod lexer;
mod parser;
mod text;

pub use known::Known;

use crate::diag::Diagnostic;
use crate::model::raw::RawFile;
use crate::model::source::Positions;

/// Parses one IDL file. Returns what was read (also after an error) and every problem found.
pub fn parse(file: &str, text: &str, known: &Known) -> (RawFile, Positions, Vec<Diagnostic>) {
    match lexer::tokenize(text) {
        Ok(tokens) => parser::parse(file, tokens, known),
        Err(e) => (
            RawFile::default(),
            Positions::default(),
            vec![Diagnostic::in_file(file, e.message).at(e.pos.0, e.pos.1)],
        ),
    }
}
