//! [`WriteJson`] and its implementations for the Smithy simple types and collections.

use std::collections::HashMap;

use base64::Engine as _;

use super::{JsonKey, JsonWriter};
use crate::blob::Blob;
use crate::number::{BigDecimal, BigInteger};
use crate::time::{DateTime, TimestampFormat};

/// Encodes `self` as one JSON value.
pub trait WriteJson {
    /// Writes exactly one value to `w`.
    fn write_json(&self, w: &mut JsonWriter);
}

impl WriteJson for str {
    fn write_json(&self, w: &mut JsonWriter) {
        w.string(self);
    }
}

impl WriteJson for String {
    fn write_json(&self, w: &mut JsonWriter) {
        w.string(self);
    }
}

impl WriteJson for bool {
    fn write_json(&self, w: &mut JsonWriter) {
        w.bool(*self);
    }
}

macro_rules! write_signed {
    ($($t:ty),*) => {$(
        impl WriteJson for $t {
            fn write_json(&self, w: &mut JsonWriter) {
                w.i64(i64::from(*self));
            }
        }
    )*};
}
write_signed!(i8, i16, i32, i64);

impl WriteJson for f32 {
    fn write_json(&self, w: &mut JsonWriter) {
        w.f32(*self);
    }
}

impl WriteJson for f64 {
    fn write_json(&self, w: &mut JsonWriter) {
        w.f64(*self);
    }
}

impl WriteJson for Blob {
    /// Standard, padded base64 (RFC 4648 §4).
    fn write_json(&self, w: &mut JsonWriter) {
        w.string(&base64::engine::general_purpose::STANDARD.encode(self.as_ref()));
    }
}

impl WriteJson for DateTime {
    /// Epoch seconds, the awsJson default; other formats go through [`JsonWriter::timestamp`].
    fn write_json(&self, w: &mut JsonWriter) {
        w.timestamp(self, TimestampFormat::EpochSeconds);
    }
}

impl WriteJson for BigInteger {
    fn write_json(&self, w: &mut JsonWriter) {
        w.raw_number(self.as_str());
    }
}

impl WriteJson for BigDecimal {
    fn write_json(&self, w: &mut JsonWriter) {
        w.raw_number(self.as_str());
    }
}

impl<T: WriteJson + ?Sized> WriteJson for &T {
    fn write_json(&self, w: &mut JsonWriter) {
        (**self).write_json(w);
    }
}

impl<T: WriteJson + ?Sized> WriteJson for Box<T> {
    fn write_json(&self, w: &mut JsonWriter) {
        (**self).write_json(w);
    }
}

impl<T: WriteJson> WriteJson for Option<T> {
    /// `None` is `null`: used for the entries of sparse lists and maps. Structure members that
    /// are unset are omitted by generated code instead.
    fn write_json(&self, w: &mut JsonWriter) {
        match self {
            Some(v) => v.write_json(w),
            None => w.null(),
        }
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write_json(&self, w: &mut JsonWriter) {
        self.as_slice().write_json(w);
    }
}

impl<T: WriteJson> WriteJson for [T] {
    fn write_json(&self, w: &mut JsonWriter) {
        let mut array = w.array();
        for item in self {
            item.write_json(array.item());
        }
        array.end();
    }
}

impl<K: JsonKey, V: WriteJson, S> WriteJson for HashMap<K, V, S> {
    /// Keys are written in sorted order so the output does not depend on hashing.
    fn write_json(&self, w: &mut JsonWriter) {
        let mut entries: Vec<(&str, &V)> = self.iter().map(|(k, v)| (k.as_key(), v)).collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut object = w.object();
        for (key, value) in entries {
            value.write_json(object.key(key));
        }
        object.end();
    }
}
