//! [`JsonWriter`]: a streaming JSON text builder.

use crate::time::{DateTime, TimestampFormat};

/// Accumulates JSON text in a `String`.
///
/// Objects and arrays are written through guards ([`ObjectWriter`], [`ArrayWriter`]) that add
/// commas between entries and close the container when dropped; `end()` only makes the close
/// explicit. Each `key()`/`item()` call must be followed by exactly one value written to the
/// returned writer, otherwise the output is not valid JSON.
#[derive(Debug, Default, Clone)]
pub struct JsonWriter {
    out: String,
}

impl JsonWriter {
    /// An empty writer.
    pub fn new() -> Self {
        JsonWriter::default()
    }

    /// The text written so far.
    pub fn as_str(&self) -> &str {
        &self.out
    }

    /// The text written.
    pub fn into_string(self) -> String {
        self.out
    }

    /// Starts an object (writes `{`); the guard writes `}` when ended or dropped.
    pub fn object(&mut self) -> ObjectWriter<'_> {
        self.out.push('{');
        ObjectWriter {
            writer: self,
            first: true,
        }
    }

    /// Starts an array (writes `[`); the guard writes `]` when ended or dropped.
    pub fn array(&mut self) -> ArrayWriter<'_> {
        self.out.push('[');
        ArrayWriter {
            writer: self,
            first: true,
        }
    }

    /// A JSON string, escaped per RFC 8259 (quotes, backslash and control characters).
    pub fn string(&mut self, s: &str) {
        escape_into(&mut self.out, s);
    }

    /// `true` / `false`.
    pub fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    /// `null`.
    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    /// An integer.
    pub fn i64(&mut self, v: i64) {
        self.out.push_str(&v.to_string());
    }

    /// A non-negative integer.
    pub fn u64(&mut self, v: u64) {
        self.out.push_str(&v.to_string());
    }

    /// A float in its shortest round-trip form; NaN and the infinities become the strings
    /// `"NaN"`, `"Infinity"` and `"-Infinity"` as awsJson requires.
    pub fn f64(&mut self, v: f64) {
        if v.is_nan() {
            self.out.push_str("\"NaN\"");
        } else if v.is_infinite() {
            self.out.push_str(if v > 0.0 {
                "\"Infinity\""
            } else {
                "\"-Infinity\""
            });
        } else {
            // Debug prints the shortest text that parses back to `v`, using an exponent for
            // very large/small magnitudes; both forms are valid JSON numbers.
            self.out.push_str(&format!("{v:?}"));
        }
    }

    /// Like [`f64`](Self::f64) with the shortest text that round-trips through `f32`.
    pub fn f32(&mut self, v: f32) {
        if v.is_finite() {
            self.out.push_str(&format!("{v:?}"));
        } else {
            self.f64(f64::from(v));
        }
    }

    /// A timestamp: a number for epoch seconds, a string for the text formats.
    pub fn timestamp(&mut self, v: &DateTime, format: TimestampFormat) {
        let text = v.fmt_expanded(format);
        match format {
            TimestampFormat::EpochSeconds => self.out.push_str(&text),
            TimestampFormat::DateTime | TimestampFormat::HttpDate => self.string(&text),
        }
    }

    /// Number text written verbatim (for `bigInteger`/`bigDecimal`, already validated).
    pub fn raw_number(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// Already-serialized JSON written verbatim (e.g. a [`Value`](super::Value)'s text).
    pub fn raw_json(&mut self, text: &str) {
        self.out.push_str(text);
    }
}

/// Writes the members of an object; see [`JsonWriter`] for the protocol.
#[derive(Debug)]
pub struct ObjectWriter<'a> {
    writer: &'a mut JsonWriter,
    first: bool,
}

impl ObjectWriter<'_> {
    /// Writes `"k":` (preceded by a comma when needed) and returns the writer for the value.
    pub fn key(&mut self, k: &str) -> &mut JsonWriter {
        if !std::mem::take(&mut self.first) {
            self.writer.out.push(',');
        }
        self.writer.string(k);
        self.writer.out.push(':');
        self.writer
    }

    /// Closes the object (same as dropping the guard).
    pub fn end(self) {}
}

impl Drop for ObjectWriter<'_> {
    fn drop(&mut self) {
        self.writer.out.push('}');
    }
}

/// Writes the items of an array; see [`JsonWriter`] for the protocol.
#[derive(Debug)]
pub struct ArrayWriter<'a> {
    writer: &'a mut JsonWriter,
    first: bool,
}

impl ArrayWriter<'_> {
    /// Writes a comma when needed and returns the writer for the next item.
    pub fn item(&mut self) -> &mut JsonWriter {
        if !std::mem::take(&mut self.first) {
            self.writer.out.push(',');
        }
        self.writer
    }

    /// Closes the array (same as dropping the guard).
    pub fn end(self) {}
}

impl Drop for ArrayWriter<'_> {
    fn drop(&mut self) {
        self.writer.out.push(']');
    }
}

/// Appends `s` as a quoted JSON string. Only `"`, `\` and U+0000..U+001F must be escaped;
/// everything else (including U+2028/U+2029) is valid inside a JSON string as is.
fn escape_into(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let mut clean_from = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0x00..=0x1F => "",
            _ => continue,
        };
        // `i` is at an ASCII byte, hence a char boundary.
        out.push_str(&s[clean_from..i]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{b:04x}"));
        } else {
            out.push_str(escape);
        }
        clean_from = i + 1;
    }
    out.push_str(&s[clean_from..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_containers_and_commas() {
        let mut w = JsonWriter::new();
        let mut o = w.object();
        o.key("a").i64(-1);
        {
            let mut a = o.key("b").array();
            a.item().bool(true);
            a.item().null();
            a.item().object().end();
            a.end();
        }
        o.key("c").u64(u64::MAX);
        o.end();
        assert_eq!(
            w.into_string(),
            r#"{"a":-1,"b":[true,null,{}],"c":18446744073709551615}"#
        );
    }

    #[test]
    fn dropping_a_guard_closes_it() {
        let mut w = JsonWriter::new();
        {
            let mut a = w.array();
            a.item().string("x");
        }
        assert_eq!(w.as_str(), r#"["x"]"#);
    }

    #[test]
    fn string_escapes() {
        let mut w = JsonWriter::new();
        w.string("a\"b\\c\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{7f}é\u{2028}😀");
        assert_eq!(
            w.as_str(),
            "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0000\\u001f\u{7f}é\u{2028}😀\""
        );
    }

    #[test]
    fn floats() {
        let cases: [(f64, &str); 8] = [
            (f64::NAN, "\"NaN\""),
            (f64::INFINITY, "\"Infinity\""),
            (f64::NEG_INFINITY, "\"-Infinity\""),
            (1.0, "1.0"),
            (1234.5, "1234.5"),
            (0.1, "0.1"),
            (1e300, "1e300"),
            (-0.0, "-0.0"),
        ];
        for (v, want) in cases {
            let mut w = JsonWriter::new();
            w.f64(v);
            assert_eq!(w.as_str(), want);
        }
        let mut w = JsonWriter::new();
        w.f32(0.1);
        assert_eq!(w.as_str(), "0.1");
    }

    #[test]
    fn timestamps_by_format() {
        let t = DateTime::from_millis(946_845_296_123);
        let mut w = JsonWriter::new();
        let mut a = w.array();
        a.item().timestamp(&t, TimestampFormat::EpochSeconds);
        a.item().timestamp(&t, TimestampFormat::DateTime);
        a.item().timestamp(&t, TimestampFormat::HttpDate);
        a.item().raw_number("123456789012345678901234567890");
        a.end();
        assert_eq!(
            w.as_str(),
            r#"[946845296.123,"2000-01-02T20:34:56.123Z","Sun, 02 Jan 2000 20:34:56 GMT",123456789012345678901234567890]"#
        );
    }
}
