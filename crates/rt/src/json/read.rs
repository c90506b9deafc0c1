//! The read side: [`ReadJson`], [`ReadCx`] (path tracking and required-member bookkeeping) and
//! [`JsonError`].

use std::fmt;

use serde_json::{Map, Value};

use crate::time::{DateTime, TimestampFormat};

/// Decodes `Self` from a parsed JSON value.
pub trait ReadJson: Sized {
    /// Reads `v`; errors are reported at `cx`'s current path.
    fn read_json(v: &Value, cx: &mut ReadCx) -> Result<Self, JsonError>;
}

/// A map key type: `String`, or a generated (open) enum using its wire value.
pub trait JsonKey: Sized {
    /// Converts a wire key. Infallible because enums keep unknown values.
    fn from_key(key: &str) -> Self;
    /// The wire key.
    fn as_key(&self) -> &str;
}

impl JsonKey for String {
    fn from_key(key: &str) -> Self {
        key.to_owned()
    }

    fn as_key(&self) -> &str {
        self
    }
}

/// One step of the path to the value being read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathSeg {
    /// A structure member, by wire name.
    Member(&'static str),
    /// A list index.
    Index(usize),
    /// A map key.
    Key(String),
}

/// A value could not be decoded. The path is a JSON Pointer (RFC 6901) into the document, e.g.
/// `/UserImportJob/CreationDate`, empty for the root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    path: String,
    message: String,
}

impl JsonError {
    /// Where the problem is (`""` for the root).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What the problem is.
    pub fn message(&self) -> &str {
        &self.message
    }

    pub(crate) fn at_root(message: impl Into<String>) -> Self {
        JsonError {
            path: String::new(),
            message: message.into(),
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{} at {}", self.message, self.path)
        }
    }
}

impl std::error::Error for JsonError {}

/// State threaded through one decode: the current path and the `@required` members found
/// missing so far.
#[derive(Debug, Default)]
pub struct ReadCx {
    path: Vec<PathSeg>,
    missing: Vec<Vec<PathSeg>>,
}

impl ReadCx {
    /// A context at the root.
    pub fn new() -> Self {
        ReadCx::default()
    }

    /// `v` as an object, or an error naming what was found.
    pub fn expect_object<'v>(&self, v: &'v Value) -> Result<&'v Map<String, Value>, JsonError> {
        v.as_object().ok_or_else(|| self.type_error("an object", v))
    }

    /// `v` as an array, or an error naming what was found.
    pub fn expect_array<'v>(&self, v: &'v Value) -> Result<&'v [Value], JsonError> {
        v.as_array()
            .map(Vec::as_slice)
            .ok_or_else(|| self.type_error("an array", v))
    }

    /// Reads one structure member: `null` is `Ok(None)` (absent); otherwise `name` is pushed on
    /// the path while `T` is read.
    pub fn member<T: ReadJson>(
        &mut self,
        name: &'static str,
        v: &Value,
    ) -> Result<Option<T>, JsonError> {
        if v.is_null() {
            return Ok(None);
        }
        self.push(PathSeg::Member(name));
        let result = T::read_json(v, self);
        self.pop();
        result.map(Some)
    }

    /// [`member`](Self::member) for a timestamp in an explicit format.
    pub fn timestamp_member(
        &mut self,
        name: &'static str,
        v: &Value,
        format: TimestampFormat,
    ) -> Result<Option<DateTime>, JsonError> {
        if v.is_null() {
            return Ok(None);
        }
        self.push(PathSeg::Member(name));
        let result = self.timestamp(v, format);
        self.pop();
        result.map(Some)
    }

    /// Reads a timestamp value in `format` at the current path: a number for epoch seconds, a
    /// string for date-time and http-date. Also usable for list items and map values.
    pub fn timestamp(&self, v: &Value, format: TimestampFormat) -> Result<DateTime, JsonError> {
        let parsed = match (format, v) {
            (TimestampFormat::EpochSeconds, Value::Number(n)) => {
                // The number's text is exact for integers and the shortest round-trip form
                // for floats, so `.379` stays 379 ms.
                DateTime::from_str(&n.to_string(), format)
            }
            (TimestampFormat::DateTime | TimestampFormat::HttpDate, Value::String(s)) => {
                DateTime::from_str(s, format)
            }
            (TimestampFormat::EpochSeconds, _) => return Err(self.type_error("a number", v)),
            _ => return Err(self.type_error("a string", v)),
        };
        parsed.map_err(|e| self.error(e.to_string()))
    }

    /// Resolves an `@required` member: `None` (absent or null) records the member's path in
    /// the missing list and yields `T::default()` (Smithy client error correction; a server
    /// turns the list into "must not be null" violations).
    pub fn required<T: Default>(&mut self, value: Option<T>, name: &'static str) -> T {
        match value {
            Some(v) => v,
            None => {
                let mut path = self.path.clone();
                path.push(PathSeg::Member(name));
                self.missing.push(path);
                T::default()
            }
        }
    }

    /// Resolves an `@required` member that is still an `Option` in Rust (every member of an
    /// operation input, a required structure or union): `None` records the member's path in
    /// the missing list, as [`required`](Self::required) does, and stays `None`.
    pub fn required_optional<T>(&mut self, value: Option<T>, name: &'static str) -> Option<T> {
        if value.is_none() {
            let mut path = self.path.clone();
            path.push(PathSeg::Member(name));
            self.missing.push(path);
        }
        value
    }

    /// Paths of the missing required members, in the order they were found; clears the list.
    pub fn take_missing(&mut self) -> Vec<Vec<PathSeg>> {
        std::mem::take(&mut self.missing)
    }

    /// An error at the current path.
    pub fn error(&self, message: impl Into<String>) -> JsonError {
        JsonError {
            path: self.path_string(),
            message: message.into(),
        }
    }

    /// "expected {expected}, found {kind of v}" at the current path.
    pub fn type_error(&self, expected: &str, v: &Value) -> JsonError {
        self.error(format!("expected {expected}, found {}", kind(v)))
    }

    /// Enters a list item, map value or member.
    pub fn push(&mut self, seg: PathSeg) {
        self.path.push(seg);
    }

    /// Leaves the innermost [`push`](Self::push).
    pub fn pop(&mut self) {
        self.path.pop();
    }

    /// The current path as a JSON Pointer.
    pub fn path_string(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            out.push('/');
            match seg {
                PathSeg::Member(name) => push_pointer_token(&mut out, name),
                PathSeg::Index(i) => out.push_str(&i.to_string()),
                PathSeg::Key(key) => push_pointer_token(&mut out, key),
            }
        }
        out
    }
}

/// RFC 6901 escaping, so keys containing `/` or `~` keep the path unambiguous.
fn push_pointer_token(out: &mut String, token: &str) {
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// A short name for the JSON type of `v`, for error messages.
pub(crate) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
