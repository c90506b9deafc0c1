//! A byte cursor shared by the text timestamp parsers, and the year writer they share.

use super::DateTimeParseError;

/// Years `0..=9999` are written with four digits; others with a sign and at least four digits
/// (ISO 8601 expanded representation), which [`Cursor::year`] accepts back.
pub(crate) fn write_year(out: &mut String, year: i64) {
    if (0..=9999).contains(&year) {
        out.push_str(&format!("{year:04}"));
    } else {
        out.push_str(&format!("{year:+05}"));
    }
}

/// Walks ASCII text; every failure names the format, the position and what was expected.
pub(crate) struct Cursor<'a> {
    text: &'a str,
    pos: usize,
    format: &'static str,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(text: &'a str, format: &'static str) -> Self {
        Cursor {
            text,
            pos: 0,
            format,
        }
    }

    pub(crate) fn error(&self, what: &str) -> DateTimeParseError {
        DateTimeParseError::new(format!(
            "`{}` is not a valid {}: {what} (at byte {})",
            self.text, self.format, self.pos
        ))
    }

    pub(crate) fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    pub(crate) fn eat(&mut self, b: u8) -> bool {
        self.eat_any(&[b])
    }

    pub(crate) fn eat_any(&mut self, set: &[u8]) -> bool {
        match self.peek() {
            Some(b) if set.contains(&b) => {
                self.pos += 1;
                true
            }
            _ => false,
        }
    }

    pub(crate) fn expect(&mut self, b: u8) -> Result<(), DateTimeParseError> {
        self.expect_any(&[b])
    }

    pub(crate) fn expect_any(&mut self, set: &[u8]) -> Result<(), DateTimeParseError> {
        if self.eat_any(set) {
            Ok(())
        } else {
            let wanted: String = set.iter().map(|&b| char::from(b)).collect();
            Err(self.error(&format!("expected one of `{wanted}`")))
        }
    }

    /// Exactly `len` ASCII letters.
    pub(crate) fn word(&mut self, len: usize) -> Result<&'a str, DateTimeParseError> {
        let bytes = self.text.as_bytes();
        let end = self.pos + len;
        match bytes.get(self.pos..end) {
            Some(w) if w.iter().all(u8::is_ascii_alphabetic) => {
                // All ASCII, so `pos..end` lies on char boundaries.
                let word = &self.text[self.pos..end];
                self.pos = end;
                Ok(word)
            }
            _ => Err(self.error("expected a name")),
        }
    }

    fn digits(&mut self) -> &'a str {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        &self.text[start..self.pos]
    }

    /// Exactly `len` digits whose value lies in `min..=max`.
    pub(crate) fn number(
        &mut self,
        len: usize,
        min: u32,
        max: u32,
        what: &str,
    ) -> Result<u32, DateTimeParseError> {
        let start = self.pos;
        let digits = self.digits();
        if digits.len() != len {
            self.pos = start;
            return Err(self.error(&format!("expected a {len}-digit {what}")));
        }
        let value = digits.bytes().fold(0, |v, b| v * 10 + u32::from(b - b'0'));
        if !(min..=max).contains(&value) {
            self.pos = start;
            return Err(self.error(&format!("{what} is out of range")));
        }
        Ok(value)
    }

    /// Four digits, or a sign followed by four or more digits (expanded years).
    pub(crate) fn year(&mut self) -> Result<i64, DateTimeParseError> {
        let sign = if self.eat(b'+') {
            Some(1)
        } else if self.eat(b'-') {
            Some(-1)
        } else {
            None
        };
        let start = self.pos;
        let digits = self.digits();
        let valid_len = match sign {
            None => digits.len() == 4,
            // Twelve digits cover every year an i64 second count can reach.
            Some(_) => (4..=12).contains(&digits.len()),
        };
        if !valid_len {
            self.pos = start;
            return Err(self.error("expected a four-digit year"));
        }
        let value = digits
            .bytes()
            .fold(0i64, |v, b| v * 10 + i64::from(b - b'0'));
        Ok(sign.unwrap_or(1) * value)
    }

    /// One or more fraction digits as nanoseconds; digits past the ninth are truncated.
    pub(crate) fn fraction(&mut self) -> Result<u32, DateTimeParseError> {
        let digits = self.digits();
        if digits.is_empty() {
            return Err(self.error("expected fraction digits"));
        }
        let mut nanos = 0;
        for i in 0..9 {
            let d = digits.as_bytes().get(i).map_or(0, |b| u32::from(b - b'0'));
            nanos = nanos * 10 + d;
        }
        Ok(nanos)
    }

    pub(crate) fn finish(&self) -> Result<(), DateTimeParseError> {
        if self.pos == self.text.len() {
            Ok(())
        } else {
            Err(self.error("unexpected trailing text"))
        }
    }
}
