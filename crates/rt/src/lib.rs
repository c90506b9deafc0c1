//! Ingot runtime: the types and codec pieces shared by every Ingot-generated model crate.
//!
//! Generated code reaches everything through absolute `::ingot_rt::...` paths, so this crate is
//! its only dependency. It deliberately has no HTTP stack: it only knows Smithy values
//! ([`Blob`], [`Document`], [`DateTime`], big numbers, open enums), how to build them
//! ([`BuildError`]), hide them ([`redact`]) and put them on the awsJson wire ([`json`]).
//! Constraint checks (`@pattern` and friends) are the server's business and live in `ingot-server-rt`,
//! so clients and model-only users never compile a regex engine.

pub mod blob;
pub mod build;
pub mod document;
pub mod enums;
pub mod error;
pub mod json;
pub mod number;
pub mod protocol;
pub mod redact;
pub mod time;

pub use blob::Blob;
pub use build::BuildError;
pub use document::{Document, Number};
pub use enums::{UnknownEnumValue, UnknownIntVariantValue, UnknownVariantValue};
pub use error::{ErrorMetadata, ProvideErrorMetadata, RequestId};
pub use number::{BigDecimal, BigInteger};
pub use protocol::Protocol;
pub use time::{DateTime, DateTimeFormatError, DateTimeParseError, TimestampFormat};

/// Re-exports for generated code only; not part of the stable API.
#[doc(hidden)]
pub mod __private {
    pub use serde_json;
}
