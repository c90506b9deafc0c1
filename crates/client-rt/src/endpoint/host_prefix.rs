//! `@endpoint(hostPrefix: "{Label}-data.")`: the template with each `{Label}` replaced by the
//! call's `@hostLabel` member, every label checked before anything is sent.

use super::is_host_label;
use crate::error::ConstructionFailure;

/// Expands `template` with `labels` (member name, value). Each value must be a valid host label
/// (letters, digits, hyphens; 1 to 63 characters; no leading or trailing hyphen), and the result
/// must be dot-separated host labels ending in a dot or hyphen-free text the host follows.
pub fn expand_host_prefix(
    template: &str,
    labels: &[(&'static str, String)],
) -> Result<String, ConstructionFailure> {
    let fail = |why: String| ConstructionFailure::new(why, None);
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| fail(format!("invalid host prefix template {template:?}")))?;
        let name = &after[..close];
        let value = labels
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
            .ok_or_else(|| fail(format!("host label `{name}` is not set")))?;
        if !is_host_label(value) {
            return Err(fail(format!(
                "invalid host label `{name}`: {value:?} is not a valid DNS label (1 to 63 letters, digits or hyphens, not starting or ending with a hyphen)"
            )));
        }
        out.push_str(value);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    // The expanded prefix goes in front of the host: every dot-separated piece before the last
    // dot must itself be a label, so a prefix can never change the host's domain.
    let labels_part = out.strip_suffix('.').unwrap_or(&out);
    if !labels_part.is_empty() && !labels_part.split('.').all(is_host_label) {
        return Err(fail(format!("invalid host prefix {out:?}")));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
        pairs.iter().map(|(k, v)| (*k, (*v).to_owned())).collect()
    }

    #[test]
    fn substitutes_labels() {
        assert_eq!(expand_host_prefix("data.", &[]).unwrap(), "data.");
        assert_eq!(
            expand_host_prefix("{Name}-data.", &labels(&[("Name", "abc")])).unwrap(),
            "abc-data."
        );
        assert_eq!(
            expand_host_prefix("{A}.{B}.", &labels(&[("A", "x"), ("B", "y-1")])).unwrap(),
            "x.y-1."
        );
    }

    #[test]
    fn bad_labels_are_errors() {
        for bad in ["", "a.b", "-a", "a b", "é", "a/b"] {
            let err = expand_host_prefix("{Name}-data.", &labels(&[("Name", bad)])).unwrap_err();
            assert!(
                err.to_string().contains("invalid host label `Name`"),
                "{err}"
            );
        }
        let err = expand_host_prefix("{Missing}.", &[]).unwrap_err();
        assert_eq!(err.to_string(), "host label `Missing` is not set");
        assert!(expand_host_prefix("{Open", &[]).is_err());
    }
}
