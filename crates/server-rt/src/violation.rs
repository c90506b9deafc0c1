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
    /// A value outside an intEnum's value set.
    IntEnum(&'static [i32]),
    /// A union naming a member the union does not have; the union's members (wire names).
    UnionMember(&'static [&'static str]),
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

/// All violations of one request: a "must not be null" for each required member the reader found
/// missing, then every checked violation except those under a missing member (the reader filled
/// it with a zero value only to keep going; its length or pattern says nothing).
pub fn with_missing(missing: Vec<Vec<PathSeg>>, checked: Vec<Violation>) -> Vec<Violation> {
    let kept: Vec<Violation> = checked
        .into_iter()
        .filter(|v| !missing.iter().any(|m| v.path.starts_with(m)))
        .collect();
    missing
        .into_iter()
        .map(|path| Violation {
            path,
            value: None,
            kind: ConstraintKind::Required,
        })
        .chain(kept)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_member_reports_only_required() {
        let missing = vec![vec![PathSeg::Member("JobId")]];
        let checked = vec![
            Violation {
                path: vec![PathSeg::Member("JobId")],
                value: Some(String::new()),
                kind: ConstraintKind::Length {
                    len: 0,
                    min: Some(1),
                    max: Some(55),
                },
            },
            Violation {
                path: vec![PathSeg::Member("UserPoolId")],
                value: Some("x".into()),
                kind: ConstraintKind::Pattern("^a$"),
            },
        ];
        let all = with_missing(missing, checked);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].kind, ConstraintKind::Required);
        assert_eq!(all[0].path, vec![PathSeg::Member("JobId")]);
        assert_eq!(all[1].path, vec![PathSeg::Member("UserPoolId")]);
    }
}
