//! String literals: escapes and the text block's incidental-indentation rules (Smithy IDL 2.0,
//! "Text blocks"). Works on characters, so any Unicode text is safe.

/// Decodes the escapes of a quoted string's raw contents. Line endings are normalized to `\n`.
pub fn decode_string(raw: &str) -> Result<String, String> {
    unescape(&raw.replace("\r\n", "\n"))
}

/// A text block's raw contents (between the `"""`s) -> its value: the opening line break is
/// dropped, the smallest indentation of the non-blank lines and of the closing line is removed
/// from every line, trailing spaces are removed, then escapes are decoded.
pub fn decode_text_block(raw: &str) -> Result<String, String> {
    let normalized = raw.replace("\r\n", "\n");
    let Some(body) = normalized.strip_prefix('\n') else {
        return Err("a text block must start with a line break after the opening `\"\"\"`".into());
    };
    let lines: Vec<&str> = body.split('\n').collect();
    let last = lines.len().saturating_sub(1);
    let indent = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| *i == last || !is_blank(l))
        .map(|(_, l)| leading_ws(l))
        .min()
        .unwrap_or(0);
    let stripped: Vec<String> = lines
        .iter()
        .map(|l| {
            l.chars()
                .skip(indent)
                .collect::<String>()
                .trim_end_matches([' ', '\t'])
                .to_owned()
        })
        .collect();
    unescape(&stripped.join("\n"))
}

fn is_blank(line: &str) -> bool {
    line.chars().all(|c| c == ' ' || c == '\t')
}

fn leading_ws(line: &str) -> usize {
    line.chars().take_while(|c| *c == ' ' || *c == '\t').count()
}

fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('"') => out.push('"'),
            Some('\'') => out.push('\''),
            Some('\\') => out.push('\\'),
            Some('/') => out.push('/'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            // An escaped line break continues the line.
            Some('\n') => {}
            Some('u') => out.push(unicode_escape(&mut it)?),
            Some(other) => return Err(format!("invalid escape `\\{}`", other.escape_debug())),
            None => return Err("a string cannot end with a lone `\\`".into()),
        }
    }
    Ok(out)
}

/// `\uXXXX`, with a following `\uXXXX` low surrogate when the first is a high surrogate.
fn unicode_escape(it: &mut std::str::Chars<'_>) -> Result<char, String> {
    let first = hex4(it)?;
    if (0xD800..0xDC00).contains(&first) {
        let (Some('\\'), Some('u')) = (it.next(), it.next()) else {
            return Err("a `\\u` high surrogate must be followed by a `\\u` low surrogate".into());
        };
        let second = hex4(it)?;
        if !(0xDC00..0xE000).contains(&second) {
            return Err("a `\\u` high surrogate must be followed by a `\\u` low surrogate".into());
        }
        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        return char::from_u32(code).ok_or_else(|| "invalid `\\u` escape".to_owned());
    }
    char::from_u32(first).ok_or_else(|| "invalid `\\u` escape (a lone surrogate)".to_owned())
}

fn hex4(it: &mut std::str::Chars<'_>) -> Result<u32, String> {
    let digits: String = it.take(4).collect();
    if digits.chars().count() != 4 || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err("`\\u` must be followed by four hex digits".into());
    }
    u32::from_str_radix(&digits, 16).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_decode_escapes() {
        assert_eq!(
            decode_string(
                r#"a\"b\\c\n\u00e9\ud83d\ude00 x\
y"#
            )
            .unwrap(),
            "a\"b\\c\né😀 xy"
        );
        assert!(decode_string(r"\q").is_err());
        assert!(decode_string(r"\u12").is_err());
        assert!(decode_string(r"\ud800").is_err());
    }

    #[test]
    fn text_blocks_drop_incidental_indentation() {
        assert_eq!(
            decode_text_block("\n    foo\n      bar\n    ").unwrap(),
            "foo\n  bar\n"
        );
        assert_eq!(
            decode_text_block("\n    foo  \n\n    bar").unwrap(),
            "foo\n\nbar"
        );
        // The closing line's indentation counts even though it is blank.
        assert_eq!(decode_text_block("\n    foo\n  ").unwrap(), "  foo\n");
        assert_eq!(
            decode_text_block("\n  \"quoted\" \\n").unwrap(),
            "\"quoted\" \n"
        );
        assert!(decode_text_block("no newline").is_err());
    }
}
