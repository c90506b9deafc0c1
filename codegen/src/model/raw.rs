//! Reading the JSON text: syntax errors with line and column, and a shapes table that keeps
//! duplicate keys so they can be reported instead of silently overwritten.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

/// The top level of a JSON AST file, metadata and shapes in file order, duplicates kept. The IDL
/// front end produces the same.
#[derive(Clone, Debug, Default)]
pub struct RawFile {
    pub version: Option<Value>,
    pub metadata: Vec<(String, Value)>,
    pub shapes: Vec<(String, Value)>,
}

/// A syntax or top-level structure error with its 1-based position.
pub struct SyntaxError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

/// Parses `text`; nesting deeper than serde_json's recursion limit is an error, not a crash.
pub fn read(text: &str) -> Result<RawFile, SyntaxError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = de
        .deserialize_map(FileVisitor)
        .and_then(|file| de.end().map(|()| file));
    parsed.map_err(|e| SyntaxError {
        message: strip_position(&e.to_string()),
        line: e.line(),
        column: e.column(),
    })
}

/// serde_json appends " at line L column C"; we print the position separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

struct FileVisitor;

impl<'de> Visitor<'de> for FileVisitor {
    type Value = RawFile;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Smithy JSON AST object with `smithy` and `shapes`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawFile, A::Error> {
        let mut file = RawFile::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "smithy" => file.version = Some(map.next_value()?),
                "shapes" => file.shapes = map.next_value::<Pairs>()?.0,
                "metadata" => file.metadata = map.next_value::<Pairs>()?.0,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(file)
    }
}

struct Pairs(Vec<(String, Value)>);

impl<'de> de::Deserialize<'de> for Pairs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct PairsVisitor;
        impl<'de> Visitor<'de> for PairsVisitor {
            type Value = Pairs;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some(entry) = map.next_entry::<String, Value>()? {
                    pairs.push(entry);
                }
                Ok(Pairs(pairs))
            }
        }
        d.deserialize_map(PairsVisitor)
    }
}
