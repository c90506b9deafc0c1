//! Diagnostics as values, printed like a compiler's.
//!
//! Every problem found in a model becomes a [`Diagnostic`] naming the file, the shape and the member
//! involved, what is wrong and, when we know it, what would fix it. Passes collect all of them before
//! failing so a user sees every problem in one run.

use std::fmt;

/// One problem found in a model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The model file, as the user named it.
    pub file: String,
    /// Line and column (1-based) when the problem has a position in the file (malformed JSON).
    pub position: Option<(usize, usize)>,
    /// The absolute shape id, when the problem belongs to a shape.
    pub shape: Option<String>,
    /// The member name, when the problem belongs to a member.
    pub member: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What would fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A problem in `file` that is not tied to a shape.
    pub fn in_file(file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_owned(),
            position: None,
            shape: None,
            member: None,
            message: message.into(),
            help: None,
        }
    }

    /// A problem with shape `shape` in `file`.
    pub fn shape(file: &str, shape: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            shape: Some(shape.into()),
            ..Diagnostic::in_file(file, message)
        }
    }

    /// Names the member the problem belongs to.
    pub fn member(mut self, member: impl Into<String>) -> Self {
        self.member = Some(member.into());
        self
    }

    /// Adds a hint on how to fix the problem.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the 1-based line and column.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.position = Some((line, column));
        self
    }
}

impl Diagnostic {
    /// The diagnostic printed as a warning (`warning: ...`) rather than an error.
    pub fn to_warning_string(&self) -> String {
        let text = self.to_string();
        match text.strip_prefix("error: ") {
            Some(rest) => format!("warning: {rest}"),
            None => text,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        write!(f, "  --> {}", self.file)?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        if let Some(shape) = &self.shape {
            write!(f, ", shape `{shape}`")?;
        }
        if let Some(member) = &self.member {
            write!(f, ", member `{member}`")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// Every diagnostic of one run; the error type of the generator.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Records one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value)` when nothing was recorded, else every diagnostic.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            write!(f, "{d}\n\n")?;
        }
        let n = self.0.len();
        write!(f, "{n} error{} found", if n == 1 { "" } else { "s" })
    }
}

impl std::error::Error for Diagnostics {}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}
