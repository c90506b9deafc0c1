//! [`Blob`]: an owned byte buffer (Smithy `blob`), base64-encoded on the JSON wire.

use std::fmt;

/// Raw bytes. Debug prints short contents as an escaped byte string and long ones by length,
/// so logging a large payload stays readable.
#[derive(Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Blob(Vec<u8>);

/// Blobs up to this many bytes are shown in full by `Debug`.
const DEBUG_SHOW_LIMIT: usize = 64;

impl Blob {
    /// Wraps the bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Blob(bytes.into())
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Number of bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no bytes.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Unwraps the bytes.
    pub fn into_inner(self) -> Vec<u8> {
        self.into_bytes()
    }

    /// The bytes, by value (the SDK also names it `into_bytes`).
    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Blob(bytes)
    }
}

impl From<&[u8]> for Blob {
    fn from(bytes: &[u8]) -> Self {
        Blob(bytes.to_vec())
    }
}

impl<const N: usize> From<[u8; N]> for Blob {
    fn from(bytes: [u8; N]) -> Self {
        Blob(bytes.to_vec())
    }
}

impl From<&str> for Blob {
    fn from(text: &str) -> Self {
        Blob(text.as_bytes().to_vec())
    }
}

impl From<String> for Blob {
    fn from(text: String) -> Self {
        Blob(text.into_bytes())
    }
}

impl From<Blob> for Vec<u8> {
    fn from(blob: Blob) -> Self {
        blob.0
    }
}

impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.len() <= DEBUG_SHOW_LIMIT {
            write!(f, "Blob(b\"{}\")", self.0.escape_ascii())
        } else {
            write!(f, "Blob({} bytes)", self.0.len())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        let b = Blob::new(vec![1u8, 2, 3]);
        assert_eq!(b.as_ref(), &[1, 2, 3]);
        assert_eq!(Blob::from(&[1u8, 2, 3][..]), b);
        assert_eq!(Blob::from([1u8, 2, 3]), b);
        assert_eq!(Blob::from("hi").into_inner(), b"hi".to_vec());
        assert_eq!(Blob::from(String::from("hi")), Blob::from("hi"));
        assert_eq!(Vec::from(b.clone()), vec![1, 2, 3]);
        assert_eq!(b.len(), 3);
        assert!(!b.is_empty());
        assert!(Blob::default().is_empty());
    }

    #[test]
    fn debug_shows_short_content_and_long_length() {
        assert_eq!(format!("{:?}", Blob::from("a\"\n")), r#"Blob(b"a\"\n")"#);
        assert_eq!(format!("{:?}", Blob::new(vec![0u8; 65])), "Blob(65 bytes)");
    }
}
