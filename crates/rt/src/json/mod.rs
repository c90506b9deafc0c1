//! awsJson codec building blocks used by generated (de)serializers.
//!
//! Writing streams text through [`JsonWriter`]; reading parses the whole body into a
//! [`Value`] with [`parse`] and walks it with [`ReadJson`] and a [`ReadCx`].
//!
//! ```
//! use ingot_rt::json::{self, JsonWriter, ReadCx, WriteJson};
//! use ingot_rt::{DateTime, TimestampFormat};
//!
//! // Writing a structure: unset members are simply not written.
//! let mut w = JsonWriter::new();
//! let mut object = w.object();
//! "job-1".write_json(object.key("JobId"));
//! object.key("CreationDate").timestamp(&DateTime::from_secs(1), TimestampFormat::DateTime);
//! object.end();
//! assert_eq!(w.into_string(), r#"{"JobId":"job-1","CreationDate":"1970-01-01T00:00:01Z"}"#);
//!
//! // Reading one back: null is absent, a missing @required member is recorded.
//! let value = json::parse(br#"{"JobId": null, "Count": 3}"#)?;
//! let mut cx = ReadCx::new();
//! let members = cx.expect_object(&value)?;
//! let job_id: Option<String> = match members.get("JobId") {
//!     Some(v) => cx.member("JobId", v)?,
//!     None => None,
//! };
//! let job_id: String = cx.required(job_id, "JobId");
//! let count: Option<i64> = cx.member("Count", &members["Count"])?;
//! assert_eq!((job_id.as_str(), count), ("", Some(3)));
//! assert_eq!(cx.take_missing(), [vec![ingot_rt::json::PathSeg::Member("JobId")]]);
//! # Ok::<(), json::JsonError>(())
//! ```

mod document;
mod read;
mod read_impls;
mod write_impls;
mod writer;

pub use serde_json::Value;

pub use document::{read_document, to_value};
pub use read::{JsonError, JsonKey, PathSeg, ReadCx, ReadJson};
pub use write_impls::WriteJson;
pub use writer::{ArrayWriter, JsonWriter, ObjectWriter};

/// Parses a body. An empty body is an error (callers that accept `""` check for it first);
/// messages carry serde_json's line and column. serde_json's recursion limit stays on, so
/// hostile deeply nested input fails instead of overflowing the stack.
pub fn parse(body: &[u8]) -> Result<Value, JsonError> {
    if body.is_empty() {
        return Err(JsonError::at_root("empty JSON body"));
    }
    serde_json::from_slice(body).map_err(|e| JsonError::at_root(format!("invalid JSON: {e}")))
}

/// Serializes one value to a string.
pub fn to_string<T: WriteJson + ?Sized>(value: &T) -> String {
    let mut w = JsonWriter::new();
    value.write_json(&mut w);
    w.into_string()
}

/// Parses `body` and reads a `T` from it; an empty body is an error.
pub fn from_slice<T: ReadJson>(body: &[u8], cx: &mut ReadCx) -> Result<T, JsonError> {
    T::read_json(&parse(body)?, cx)
}

/// Reads an awsJson message body: an empty (or all-whitespace) body is the empty object, as
/// servers must accept for requests and clients for responses (Unit output, header-only errors).
pub fn from_body<T: ReadJson>(body: &[u8], cx: &mut ReadCx) -> Result<T, JsonError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return T::read_json(&Value::Object(serde_json::Map::new()), cx);
    }
    from_slice(body, cx)
}

#[cfg(test)]
mod tests;
