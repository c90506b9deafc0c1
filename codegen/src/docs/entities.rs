//! HTML character references (`&lt;`, `&#39;`, `&#x2014;`) in text and attribute values.

/// Named references worth knowing: the XML five, `nbsp`, and the typographic ones that show up in
/// hand-written API docs. Anything else is left as written (and later escaped, so it stays visible).
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("hellip", '\u{2026}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("ldquo", '\u{201c}'),
    ("rdquo", '\u{201d}'),
    ("bull", '\u{2022}'),
    ("middot", '\u{b7}'),
    ("times", '\u{d7}'),
    ("copy", '\u{a9}'),
    ("reg", '\u{ae}'),
    ("trade", '\u{2122}'),
];

/// Longest reference body we look at (`#x10FFFF` and every name above fit).
const MAX_REFERENCE_LEN: usize = 10;

/// Replaces every recognised character reference in `text`; unrecognised ones stay verbatim.
pub(crate) fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match after
            .find(';')
            .filter(|&end| end <= MAX_REFERENCE_LEN)
            .and_then(|end| Some((reference(&after[..end])?, end)))
        {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference body (between `&` and `;`) stands for.
fn reference(body: &str) -> Option<char> {
    if let Some(number) = body.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()) => {
                u32::from_str_radix(hex, 16).ok()?
            }
            None if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) => {
                number.parse().ok()?
            }
            _ => return None,
        };
        // HTML maps NUL, surrogates and out-of-range numbers to the replacement character.
        return Some(
            char::from_u32(code)
                .filter(|&c| c != '\0')
                .unwrap_or('\u{fffd}'),
        );
    }
    NAMED
        .iter()
        .find(|(name, _)| *name == body)
        .map(|&(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_named_and_numeric_references() {
        let cases = [
            (
                "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&apos;",
                "a <b> & \"c\" 'd'",
            ),
            ("x&nbsp;y", "x\u{a0}y"),
            ("&#8212; &#x2014; &#X2014;", "\u{2014} \u{2014} \u{2014}"),
            ("&#0; &#xD800; &#99999999;", "\u{fffd} \u{fffd} \u{fffd}"),
            (
                "AT&T; &unknown; & ; &#; &#x; &#12a;",
                "AT&T; &unknown; & ; &#; &#x; &#12a;",
            ),
            ("tail &amp", "tail &amp"),
            ("&amp;lt;", "&lt;"),
            ("&&lt;", "&<"),
            ("no references", "no references"),
        ];
        for (input, want) in cases {
            assert_eq!(decode(input), want, "input: {input:?}");
        }
    }
}
