//! Constraint violations as the generated validators report them, before any message is written.

/// One step of the path from the top-level input to the violating value: the reader's own path
/// type, so missing required members recorded while parsing need no conversion.
pub use ingot_rt::json::PathSeg;

/// The constraint that a value broke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConstraintKind {
    /// A `@required` member was absent or null.
    Required,
    /// `@length`: `len` is the measured length (characters, bytes, items or pairs).
    Length {
        /// The measured length.
        len: usize,
        /// Inclusive lower bound, if modeled.
        min: Option<u64>,
        /// Inclusive upper bound, if modeled.
        max: Option<u64>,
    },
    /// `@pattern`, with the model's pattern text.
    Pattern(&'static str),
    /// `@range`, bounds as the model writes them (they may be decimals).
    Range {
        /// Inclusive lower bound, if modeled.
        min: Option<String>,
        /// Inclusive upper bound, if modeled.
        max: Option<String>,
    },
    /// A value outside an enum's value set.
    Enum(&'static [&'static str]),
    /// `@uniqueItems` on a list that holds a repeated value.
    UniqueItems,
}

/// One broken constraint at one place in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Where the value sits, from the input structure down.
    pub path: Vec<PathSeg>,
    /// The offending value as text, for messages; `None` when the value is `@sensitive`
    /// (or, for [`ConstraintKind::Required`], absent).
    pub value: Option<String>,
    /// Which constraint failed.
    pub kind: ConstraintKind,
}
