//! Redaction of `@sensitive` values in Debug output.

use std::fmt;

/// Printed instead of a sensitive value.
pub const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// Stands in for a sensitive field: `.field("password", &Redacted)` prints [`REDACTED`].
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_value() {
        struct Login;
        impl fmt::Debug for Login {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct("Login")
                    .field("password", &Redacted)
                    .finish()
            }
        }
        assert_eq!(
            format!("{Login:?}"),
            "Login { password: *** Sensitive Data Redacted *** }"
        );
        assert_eq!(Redacted.to_string(), REDACTED);
    }
}
