//! Rewrites an ECMA-262 regular expression into the syntax of the `regex`/`fancy-regex` crates
//! with ECMA meaning.
//!
//! The two dialects mostly agree; the differences handled here are:
//! - `\d`, `\w`, `\b` are ASCII-only in ECMA but Unicode-aware in Rust: expanded to explicit
//!   ASCII sets (`\b` becomes Rust's ASCII word boundary `(?-u:\b)`).
//! - `\s` in ECMA is a fixed list (Unicode spaces, line terminators, U+FEFF, but not U+0085):
//!   expanded to that list.
//! - `.` in ECMA excludes all four line terminators, Rust's only `\n`.
//! - ECMA (Annex B) tolerates a literal `{`, `}` or `]`, identity escapes of any character, a
//!   literal `-` after a class escape inside `[...]`, `[]` and `[^]`; Rust rejects or reads
//!   them differently. Literals are re-emitted as `\x{..}` so no character is ever
//!   mis-read as Rust syntax (`&&`, `--`, `[:` inside classes, ...).
//! - `\uXXXX` (with surrogate pairs), `\u{..}`, `\cX`, `\0`, `\v` become `\x{..}` forms.
//!
//! Inline flag groups such as `(?s)` are not ECMA but appear in real models; they are passed
//! through, and an `s` flag anywhere stops `.` from being restricted (an approximation: the
//! flag is not scoped to its group).

use std::fmt::Write as _;
use std::iter::Peekable;
use std::str::Chars;

/// ECMA `\s`: WhiteSpace (TAB, VT, FF, ZWNBSP, and every Zs) plus LineTerminator.
const ECMA_SPACE: &str = r"\t\n\x0B\x0C\r\x20\xA0\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";
const ECMA_DIGIT: &str = "0-9";
const ECMA_WORD: &str = "0-9A-Za-z_";
/// What ECMA `.` matches without the `s` flag: anything but a line terminator.
const ECMA_DOT: &str = r"[^\n\r\x{2028}\x{2029}]";

/// `char_escape` is only called for `\c` when a letter follows; callers handle the rest.
const LONE_CONTROL: &str = "internal: `\\c` without a control letter";

/// Which engine the output is for. They differ only in ASCII word boundaries: `regex` has
/// `(?-u:\b)`, `fancy-regex` rejects `(?-u:...)` but supports the lookaround spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Engine {
    Regex,
    Fancy,
}

/// ECMA `\b` / `\B` as lookarounds over the ASCII word set, for `fancy-regex`.
const FANCY_WORD_BOUNDARY: &str =
    "(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))";
const FANCY_NOT_WORD_BOUNDARY: &str =
    "(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))";

/// Translates `source` for `engine`; the error explains which ECMA construct could not be
/// expressed.
pub(crate) fn translate(source: &str, engine: Engine) -> Result<String, String> {
    let mut t = Translator {
        chars: source.chars().peekable(),
        out: String::with_capacity(source.len() * 2),
        dot_all: false,
        engine,
    };
    t.run()?;
    Ok(t.out)
}

/// One element of a character class.
enum ClassAtom {
    Char(char),
    /// A ready-made set fragment (`0-9`, `\p{L}`, a nested negated class).
    Set(String),
}

struct Translator<'a> {
    chars: Peekable<Chars<'a>>,
    out: String,
    dot_all: bool,
    engine: Engine,
}

impl Translator<'_> {
    fn run(&mut self) -> Result<(), String> {
        while let Some(c) = self.chars.next() {
            match c {
                '\\' => self.escape()?,
                '[' => self.class()?,
                '.' if self.dot_all => self.out.push_str("(?s:.)"),
                '.' => self.out.push_str(ECMA_DOT),
                '{' if self.at_quantifier_body() => {
                    self.out.push('{');
                    for q in self.chars.by_ref() {
                        self.out.push(q);
                        if q == '}' {
                            break;
                        }
                    }
                }
                '{' | '}' | ']' => push_literal(&mut self.out, c),
                '(' => self.group_open(),
                _ => self.out.push(c),
            }
        }
        Ok(())
    }

    /// After `(`: passes group syntax through, normalizing `(?<name>` to `(?P<name>` (accepted
    /// by both engines) and noticing inline `s` flags.
    fn group_open(&mut self) {
        self.out.push('(');
        if self.chars.peek() != Some(&'?') {
            return;
        }
        self.chars.next();
        self.out.push('?');
        let mut lookahead = self.chars.clone();
        if lookahead.next() == Some('<') && lookahead.next().is_some_and(|c| c != '=' && c != '!') {
            self.chars.next();
            self.out.push_str("P<");
            return;
        }
        let mut enabling = true;
        while let Some(&c) = self.chars.peek() {
            if !(c.is_ascii_alphabetic() || c == '-') {
                break;
            }
            if c == '-' {
                enabling = false;
            } else if c == 's' && enabling {
                self.dot_all = true;
            }
            self.out.push(c);
            self.chars.next();
        }
    }

    /// Whether the text after a `{` is a quantifier body `n}`, `n,}` or `n,m}`.
    fn at_quantifier_body(&self) -> bool {
        let rest: String = self.chars.clone().take_while(|&c| c != '}').collect();
        let closed = self.chars.clone().nth(rest.chars().count()) == Some('}');
        let (min, max) = rest.split_once(',').unwrap_or((&rest, "0"));
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        closed && !min.is_empty() && digits(min) && digits(max)
    }

    /// After `\` outside a class.
    fn escape(&mut self) -> Result<(), String> {
        let Some(c) = self.chars.next() else {
            return Err("pattern ends with a lone backslash".to_owned());
        };
        match c {
            'd' => write_set(&mut self.out, false, ECMA_DIGIT),
            'D' => write_set(&mut self.out, true, ECMA_DIGIT),
            'w' => write_set(&mut self.out, false, ECMA_WORD),
            'W' => write_set(&mut self.out, true, ECMA_WORD),
            's' => write_set(&mut self.out, false, ECMA_SPACE),
            'S' => write_set(&mut self.out, true, ECMA_SPACE),
            'b' if self.engine == Engine::Fancy => self.out.push_str(FANCY_WORD_BOUNDARY),
            'B' if self.engine == Engine::Fancy => self.out.push_str(FANCY_NOT_WORD_BOUNDARY),
            'b' => self.out.push_str(r"(?-u:\b)"),
            'B' => self.out.push_str(r"(?-u:\B)"),
            'p' | 'P' => {
                let property = self.property(c)?;
                self.out.push_str(&property);
            }
            '1'..='9' => {
                // A backreference; only fancy-regex accepts it.
                self.out.push('\\');
                self.out.push(c);
                while let Some(d) = self.chars.next_if(char::is_ascii_digit) {
                    self.out.push(d);
                }
            }
            'k' if self.chars.peek() == Some(&'<') => self.out.push_str(r"\k"),
            'c' if !self.chars.peek().is_some_and(char::is_ascii_alphabetic) => {
                // Annex B: `\c` without a letter is a literal backslash followed by `c`.
                push_literal(&mut self.out, '\\');
                self.out.push('c');
            }
            _ => {
                let literal = self.char_escape(c)?;
                push_literal(&mut self.out, literal);
            }
        }
        Ok(())
    }

    /// `\p{..}` / `\P{..}`, passed through (both dialects spell properties the same way).
    fn property(&mut self, kind: char) -> Result<String, String> {
        if self.chars.next() != Some('{') {
            return Err(format!("`\\{kind}` must be followed by `{{...}}`"));
        }
        let name: String = self.chars.by_ref().take_while(|&c| c != '}').collect();
        Ok(format!("\\{kind}{{{name}}}"))
    }

    /// Escapes that denote a single character (`c` is the character after `\`). Anything not
    /// recognised is an identity escape (Annex B), i.e. the character itself.
    fn char_escape(&mut self, c: char) -> Result<char, String> {
        Ok(match c {
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            'f' => '\x0C',
            'v' => '\x0B',
            '0' if !self.chars.peek().is_some_and(char::is_ascii_digit) => '\0',
            'c' => match self.chars.next_if(char::is_ascii_alphabetic) {
                // ASCII letter: its code modulo 32 is the control character (<= 26).
                Some(letter) => char::from(letter as u8 % 32),
                None => return Err(LONE_CONTROL.to_owned()),
            },
            'x' => self.hex_digits(2).unwrap_or('x'),
            'u' => self.unicode_escape()?,
            other => other,
        })
    }

    /// Exactly `n` hex digits as a char, consuming them only on success.
    fn hex_digits(&mut self, n: usize) -> Option<char> {
        let text: String = self.chars.clone().take(n).collect();
        if text.chars().count() != n || !text.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let value = u32::from_str_radix(&text, 16).ok()?;
        let c = char::from_u32(value)?;
        for _ in 0..n {
            self.chars.next();
        }
        Some(c)
    }

    /// After `\u`: `{hex}`, `XXXX`, or a surrogate pair `XXXX\uXXXX`.
    fn unicode_escape(&mut self) -> Result<char, String> {
        if self.chars.next_if_eq(&'{').is_some() {
            let hex: String = self.chars.by_ref().take_while(|&c| c != '}').collect();
            return u32::from_str_radix(&hex, 16)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| format!("`\\u{{{hex}}}` is not a valid code point"));
        }
        let text: String = self.chars.clone().take(4).collect();
        let Some(high) = (text.len() == 4)
            .then(|| u32::from_str_radix(&text, 16).ok())
            .flatten()
        else {
            // Annex B: `\u` without four hex digits is the letter `u`.
            return Ok('u');
        };
        for _ in 0..4 {
            self.chars.next();
        }
        if let Some(c) = char::from_u32(high) {
            return Ok(c);
        }
        // A high surrogate must be followed by `\u` + low surrogate to name a character.
        let mut pair = self.chars.clone();
        let low_text: String = if pair.next() == Some('\\') && pair.next() == Some('u') {
            pair.take(4).collect()
        } else {
            String::new()
        };
        match u32::from_str_radix(&low_text, 16) {
            Ok(low) if (0xD800..0xDC00).contains(&high) && (0xDC00..0xE000).contains(&low) => {
                for _ in 0..6 {
                    self.chars.next();
                }
                let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                char::from_u32(combined).ok_or_else(|| "invalid surrogate pair".to_owned())
            }
            _ => Err(format!(
                "`\\u{text}` is a lone surrogate, which UTF-8 text cannot contain"
            )),
        }
    }

    /// After `[`: translates a whole class.
    fn class(&mut self) -> Result<(), String> {
        let negated = self.chars.next_if_eq(&'^').is_some();
        if self.chars.next_if_eq(&']').is_some() {
            // ECMA `[]` matches nothing and `[^]` matches anything.
            self.out.push_str(if negated {
                "(?s:.)"
            } else {
                r"[^\x{0}-\x{10FFFF}]"
            });
            return Ok(());
        }
        let mut body = String::new();
        loop {
            let atom = match self.chars.next() {
                None => return Err("unterminated character class".to_owned()),
                Some(']') => break,
                Some(c) => self.class_atom(c)?,
            };
            let ClassAtom::Char(start) = atom else {
                push_class_atom(&mut body, atom);
                continue;
            };
            let mut after = self.chars.clone();
            let is_range = after.next() == Some('-') && after.next().is_some_and(|c| c != ']');
            if !is_range {
                push_class_atom(&mut body, ClassAtom::Char(start));
                continue;
            }
            self.chars.next(); // the '-'
            let Some(next) = self.chars.next() else {
                return Err("unterminated character class".to_owned());
            };
            match self.class_atom(next)? {
                ClassAtom::Char(end) if start <= end => {
                    push_class_literal(&mut body, start);
                    body.push('-');
                    push_class_literal(&mut body, end);
                }
                ClassAtom::Char(end) => {
                    return Err(format!(
                        "range out of order in character class: {start:?}-{end:?}"
                    ));
                }
                // Annex B: a class escape next to `-` makes the `-` literal.
                set => {
                    push_class_atom(&mut body, ClassAtom::Char(start));
                    push_class_literal(&mut body, '-');
                    push_class_atom(&mut body, set);
                }
            }
        }
        write_set(&mut self.out, negated, &body);
        Ok(())
    }

    /// One class element starting with `c` (already consumed).
    fn class_atom(&mut self, c: char) -> Result<ClassAtom, String> {
        if c != '\\' {
            return Ok(ClassAtom::Char(c));
        }
        let Some(e) = self.chars.next() else {
            return Err("pattern ends with a lone backslash".to_owned());
        };
        let negated_set = |body: &str| format!("[^{body}]");
        Ok(match e {
            'd' => ClassAtom::Set(ECMA_DIGIT.to_owned()),
            'D' => ClassAtom::Set(negated_set(ECMA_DIGIT)),
            'w' => ClassAtom::Set(ECMA_WORD.to_owned()),
            'W' => ClassAtom::Set(negated_set(ECMA_WORD)),
            's' => ClassAtom::Set(ECMA_SPACE.to_owned()),
            'S' => ClassAtom::Set(negated_set(ECMA_SPACE)),
            'p' | 'P' => ClassAtom::Set(self.property(e)?),
            // Inside a class `\b` is backspace.
            'b' => ClassAtom::Char('\x08'),
            '-' => ClassAtom::Char('-'),
            'c' if !self.chars.peek().is_some_and(char::is_ascii_alphabetic) => {
                // Annex B: both the backslash and the `c` are class members.
                ClassAtom::Set(r"\x{5C}c".to_owned())
            }
            other => ClassAtom::Char(self.char_escape(other)?),
        })
    }
}

/// `[body]` or `[^body]`.
fn write_set(out: &mut String, negated: bool, body: &str) {
    out.push('[');
    if negated {
        out.push('^');
    }
    out.push_str(body);
    out.push(']');
}

fn push_class_atom(body: &mut String, atom: ClassAtom) {
    match atom {
        ClassAtom::Char(c) => push_class_literal(body, c),
        ClassAtom::Set(set) => body.push_str(&set),
    }
}

/// A literal outside a class: alphanumerics and non-ASCII as themselves, the rest as `\x{..}`.
fn push_literal(out: &mut String, c: char) {
    if c.is_alphanumeric() || (!c.is_ascii() && !c.is_whitespace()) {
        out.push(c);
    } else {
        // Writing to a String cannot fail.
        let _ = write!(out, "\\x{{{:X}}}", u32::from(c));
    }
}

/// Inside a class the same rule keeps `-`, `]`, `[`, `^`, `&`, `~` from being read as syntax.
fn push_class_literal(body: &mut String, c: char) {
    push_literal(body, c);
}

#[cfg(test)]
mod tests {
    use super::{Engine, FANCY_WORD_BOUNDARY};

    fn translate(source: &str) -> Result<String, String> {
        super::translate(source, Engine::Regex)
    }

    #[test]
    fn shorthands_become_ascii_sets() {
        assert_eq!(translate(r"\w+").unwrap(), "[0-9A-Za-z_]+");
        assert_eq!(translate(r"^\d\D$").unwrap(), "^[0-9][^0-9]$");
        assert_eq!(translate(r"[\w-]").unwrap(), r"[0-9A-Za-z_\x{2D}]");
        assert_eq!(translate(r"[^\W]").unwrap(), "[^[^0-9A-Za-z_]]");
        assert_eq!(translate(r"\bx").unwrap(), r"(?-u:\b)x");
        let fancy = super::translate(r"\bx", Engine::Fancy).unwrap();
        assert_eq!(fancy, format!("{FANCY_WORD_BOUNDARY}x"));
    }

    #[test]
    fn literals_and_annex_b() {
        assert_eq!(translate(r"\{####\}").unwrap(), r"\x{7B}####\x{7D}");
        assert_eq!(translate("a{2,3}b{,}").unwrap(), r"a{2,3}b\x{7B},\x{7D}");
        assert_eq!(
            translate("[A-Za-z0-9-_=.]").unwrap(),
            r"[A-Za-z0-9\x{2D}\x{5F}\x{3D}\x{2E}]"
        );
        assert_eq!(translate(r"\u0041\u{1F600}\x41\cJ").unwrap(), "A😀A\\x{A}");
        assert_eq!(translate(r"\uD83D\uDE00").unwrap(), "😀");
        assert_eq!(translate("[]").unwrap(), r"[^\x{0}-\x{10FFFF}]");
        assert_eq!(translate("[^]").unwrap(), "(?s:.)");
        assert_eq!(translate(".").unwrap(), r"[^\n\r\x{2028}\x{2029}]");
        assert_eq!(translate("(?s).").unwrap(), "(?s)(?s:.)");
        assert_eq!(translate("(?<year>x)").unwrap(), "(?P<year>x)");
        assert_eq!(translate("(?<!a)(?<=b)").unwrap(), "(?<!a)(?<=b)");
    }

    #[test]
    fn untranslatable_input_is_an_error() {
        assert!(translate("\\").is_err());
        assert!(translate("[abc").is_err());
        assert!(translate("[z-a]").is_err());
        assert!(translate(r"\uD800").is_err());
    }
}
