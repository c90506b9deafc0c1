//! `substring`, `uriEncode` and `split`.

use std::fmt::Write;

/// `substring(input, start, stop, reverse)`: the characters `start..stop` (counted from the
/// end when `reverse`), or none when the input is too short, the range is empty or reversed,
/// or the input is not ASCII (the spec's rule, which also makes byte slicing safe here).
pub(crate) fn substring(input: &str, start: i64, stop: i64, reverse: bool) -> Option<&str> {
    if !input.is_ascii() {
        return None;
    }
    let start = usize::try_from(start).ok()?;
    let stop = usize::try_from(stop).ok()?;
    let len = input.len();
    if start >= stop || stop > len {
        return None;
    }
    if reverse {
        input.get(len - stop..len - start)
    } else {
        input.get(start..stop)
    }
}

/// `uriEncode`: RFC 3986 percent-encoding of everything but the unreserved characters, with
/// upper-case hex digits.
pub(crate) fn uri_encode(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for byte in input.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// `split(value, delimiter, limit)`: `limit` 0 splits everywhere, `n > 0` gives at most `n`
/// parts. None for an empty delimiter or a negative limit (the rule set is invalid then).
pub(crate) fn split(value: &str, delimiter: &str, limit: i64) -> Option<Vec<String>> {
    if delimiter.is_empty() || limit < 0 {
        return None;
    }
    let parts: Vec<String> = match limit {
        0 => value.split(delimiter).map(str::to_owned).collect(),
        n => value
            .splitn(usize::try_from(n).unwrap_or(usize::MAX), delimiter)
            .map(str::to_owned)
            .collect(),
    };
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substring_counts_from_either_end_and_rejects_what_does_not_fit() {
        assert_eq!(substring("abcdefg", 0, 4, false), Some("abcd"));
        assert_eq!(substring("abcdefg", 0, 4, true), Some("defg"));
        assert_eq!(substring("abcdefg", 1, 3, true), Some("ef"));
        assert_eq!(substring("abcdefg", 0, 7, false), Some("abcdefg"));
        assert_eq!(substring("abc", 0, 4, false), None);
        assert_eq!(substring("abc", 2, 2, false), None);
        assert_eq!(substring("abc", 2, 1, false), None);
        assert_eq!(substring("abc", -1, 2, false), None);
        assert_eq!(substring("abcü", 0, 2, false), None, "non-ASCII input");
        assert_eq!(substring("🦀🦀🦀🦀", 0, 1, false), None);
        // Every ASCII character counts, control characters included.
        assert_eq!(substring("\u{7f}abcdef", 0, 4, false), Some("\u{7f}abc"));
        assert_eq!(substring("abcdef\u{80}", 0, 4, false), None);
    }

    #[test]
    fn uri_encode_keeps_only_unreserved_characters() {
        assert_eq!(uri_encode("aZ09-_.~"), "aZ09-_.~");
        assert_eq!(uri_encode("a b/c:d?e#f"), "a%20b%2Fc%3Ad%3Fe%23f");
        assert_eq!(
            uri_encode("%{}|@!$&'()*+;=<>\"^`\\,[]"),
            "%25%7B%7D%7C%40%21%24%26%27%28%29%2A%2B%3B%3D%3C%3E%22%5E%60%5C%2C%5B%5D"
        );
        assert_eq!(uri_encode("é"), "%C3%A9");
    }

    #[test]
    fn split_follows_the_limit() {
        let s = |v: &[&str]| Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(split("a--b--c", "--", 0), s(&["a", "b", "c"]));
        assert_eq!(split("a--b--c", "--", 2), s(&["a", "b--c"]));
        assert_eq!(split("--b--", "--", 0), s(&["", "b", ""]));
        assert_eq!(split("", "--", 0), s(&[""]));
        assert_eq!(split("----", "--", 0), s(&["", "", ""]));
        assert_eq!(split("mybucket", "--", 1), s(&["mybucket"]));
        assert_eq!(
            split("--x-s3--azid--suffix", "--", 4),
            s(&["", "x-s3", "azid", "suffix"])
        );
        assert_eq!(split("a", "", 0), None);
        assert_eq!(split("a", "-", -1), None);
    }
}
