//! Error types of the `time` module.

use std::fmt;

/// Text could not be parsed as a timestamp in the requested format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateTimeParseError {
    message: String,
}

impl DateTimeParseError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        DateTimeParseError {
            message: message.into(),
        }
    }
}

impl fmt::Display for DateTimeParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid timestamp: {}", self.message)
    }
}

impl std::error::Error for DateTimeParseError {}

/// A timestamp could not be converted to or from another representation (out of range, NaN).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversionError {
    message: &'static str,
}

impl ConversionError {
    pub(crate) const fn new(message: &'static str) -> Self {
        ConversionError { message }
    }
}

impl fmt::Display for ConversionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl std::error::Error for ConversionError {}

/// A timestamp could not be written in the requested format (the SDK's `DateTimeFormatError`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateTimeFormatError {
    message: &'static str,
}

impl DateTimeFormatError {
    pub(crate) const fn new(message: &'static str) -> Self {
        DateTimeFormatError { message }
    }
}

impl fmt::Display for DateTimeFormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "failed to format date-time: {}", self.message)
    }
}

impl std::error::Error for DateTimeFormatError {}
