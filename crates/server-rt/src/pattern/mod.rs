//! [`Pattern`]: server-side `@pattern` checks with ECMA-262 semantics.
//!
//! Smithy patterns are ECMA-262 regular expressions and are **not** implicitly anchored
//! (`\w+` matches `"!hello!"`). Each pattern is translated to Rust regex syntax with ECMA
//! meaning (see `translate`) and compiled on first use with the `regex` crate, falling back to
//! `fancy-regex` for lookaround and backreferences (e.g. Cognito's `(?<!\.)`).
//!
//! A pattern that cannot be compiled at all never panics: it is treated as matching every
//! input (validation is skipped for it, mirroring a server that cannot enforce it) and the
//! reason is available from [`Pattern::compile_error`]. Likewise, if `fancy-regex` gives up on
//! an input (backtracking limit), the input is treated as matching.

mod translate;

use std::fmt;
use std::sync::OnceLock;

use translate::{translate, Engine};

/// A lazily compiled ECMA-262 regular expression, usable in a `static`.
pub struct Pattern {
    source: &'static str,
    compiled: OnceLock<Compiled>,
}

enum Compiled {
    Regex(regex::Regex),
    Fancy(fancy_regex::Regex),
    Invalid(String),
}

impl Pattern {
    /// A pattern from its ECMA-262 source; nothing is compiled until first use.
    pub const fn new(source: &'static str) -> Self {
        Pattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// The ECMA-262 source, as written in the model.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether `s` contains a match (unanchored, like ECMA `RegExp.prototype.test`).
    pub fn is_match(&self, s: &str) -> bool {
        match self.compiled() {
            Compiled::Regex(re) => re.is_match(s),
            Compiled::Fancy(re) => re.is_match(s).unwrap_or(true),
            Compiled::Invalid(_) => true,
        }
    }

    /// Why the pattern could not be compiled, if it could not (it then matches everything).
    pub fn compile_error(&self) -> Option<&str> {
        match self.compiled() {
            Compiled::Invalid(reason) => Some(reason),
            Compiled::Regex(_) | Compiled::Fancy(_) => None,
        }
    }

    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| compile(self.source))
    }
}

fn compile(source: &str) -> Compiled {
    let invalid =
        |reason: String| Compiled::Invalid(format!("cannot translate `{source}`: {reason}"));
    let plain = match translate(source, Engine::Regex) {
        Ok(t) => t,
        Err(reason) => return invalid(reason),
    };
    if let Ok(re) = regex::Regex::new(&plain) {
        return Compiled::Regex(re);
    }
    let fancy = match translate(source, Engine::Fancy) {
        Ok(t) => t,
        Err(reason) => return invalid(reason),
    };
    match fancy_regex::Regex::new(&fancy) {
        Ok(re) => Compiled::Fancy(re),
        Err(e) => Compiled::Invalid(format!("cannot compile `{source}` (as `{fancy}`): {e}")),
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

impl Clone for Pattern {
    /// Copies the source; the clone compiles on its own first use.
    fn clone(&self) -> Self {
        Pattern::new(self.source)
    }
}

#[cfg(test)]
mod tests;
