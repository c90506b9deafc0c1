//! The crate's errors: a bad rule set, a bad partition table, a failed resolution.

use std::fmt;

/// A rule set that cannot be used: bad JSON, an unknown function, a reference to an undefined
/// name, a malformed template, an unsupported version...
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleSetError {
    pub(crate) path: String,
    pub(crate) message: String,
}

impl RuleSetError {
    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }

    /// Where in the rule set the problem is, as a JSON path such as `rules[2].conditions[0]`
    /// (empty for the whole document).
    pub fn path(&self) -> &str {
        &self.path
    }
}

impl fmt::Display for RuleSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "invalid endpoint rule set: {}", self.message)
        } else {
            write!(
                f,
                "invalid endpoint rule set at {}: {}",
                self.path, self.message
            )
        }
    }
}

impl std::error::Error for RuleSetError {}

/// A partition table that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartitionsError {
    pub(crate) message: String,
}

impl fmt::Display for PartitionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid partition table: {}", self.message)
    }
}

impl std::error::Error for PartitionsError {}

/// Why a resolution produced no endpoint.
///
/// For an `error` rule of the rule set, [`Display`](fmt::Display) is exactly the rule's
/// (templated) message and [`ResolveError::is_rule_error`] is true. Otherwise it describes the
/// failure: a missing required parameter, a parameter of the wrong type, no rule matched, or a
/// value of the wrong type during evaluation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolveError {
    kind: ResolveErrorKind,
    message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ResolveErrorKind {
    Rule,
    Evaluation,
}

impl ResolveError {
    pub(crate) fn rule(message: String) -> Self {
        Self {
            kind: ResolveErrorKind::Rule,
            message,
        }
    }

    pub(crate) fn eval(message: impl Into<String>) -> Self {
        Self {
            kind: ResolveErrorKind::Evaluation,
            message: message.into(),
        }
    }

    /// True when an `error` rule of the rule set matched: the message is the service's own.
    pub fn is_rule_error(&self) -> bool {
        self.kind == ResolveErrorKind::Rule
    }

    /// The message (the same text as `Display`).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ResolveError {}
