//! IDL text -> tokens with 1-based line and column (columns count characters, not bytes).
//!
//! Commas are whitespace in the IDL, so they never become tokens. Plain `//` comments are
//! dropped; `///` documentation comments become [`Tok::Doc`] tokens for the parser to attach.

use super::text::{decode_string, decode_text_block};

/// A position in the file: 1-based line and column.
pub type Pos = (usize, usize);

/// One token.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// An identifier or shape id: letters, digits, `_`, `.`, `#`, `$` (checked by the parser).
    Ident(String),
    /// A quoted string or text block, escapes decoded.
    Str(String),
    /// A number exactly as written.
    Number(String),
    /// One of `{ } [ ] ( ) : = @ $`.
    Punct(char),
    /// `:=`, the inline input/output structure.
    Walrus,
    /// The text of one `///` line after the slashes (and one space).
    Doc(String),
    Eof,
}

impl Tok {
    /// How the token reads in a diagnostic.
    pub fn describe(&self) -> String {
        match self {
            Tok::Ident(s) => format!("`{s}`"),
            Tok::Str(_) => "a string".to_owned(),
            Tok::Number(n) => format!("the number `{n}`"),
            Tok::Punct(c) => format!("`{c}`"),
            Tok::Walrus => "`:=`".to_owned(),
            Tok::Doc(_) => "a documentation comment".to_owned(),
            Tok::Eof => "the end of the file".to_owned(),
        }
    }
}

/// A token and where it starts.
#[derive(Clone, Debug)]
pub struct Token {
    pub tok: Tok,
    pub pos: Pos,
}

/// A lexical error and where it is.
#[derive(Clone, Debug)]
pub struct LexError {
    pub message: String,
    pub pos: Pos,
}

/// Splits `text` into tokens, ending with [`Tok::Eof`].
pub fn tokenize(text: &str) -> Result<Vec<Token>, LexError> {
    let mut lx = Lexer {
        // A byte order mark is not part of the text.
        chars: text
            .strip_prefix('\u{feff}')
            .unwrap_or(text)
            .chars()
            .collect(),
        i: 0,
        line: 1,
        col: 1,
    };
    let mut out = Vec::new();
    loop {
        lx.skip_space();
        let pos = (lx.line, lx.col);
        let Some(c) = lx.peek(0) else {
            out.push(Token { tok: Tok::Eof, pos });
            return Ok(out);
        };
        let tok =
            match c {
                '/' => match lx.comment(pos)? {
                    Some(doc) => Tok::Doc(doc),
                    None => continue,
                },
                '"' => lx.string(pos)?,
                ':' if lx.peek(1) == Some('=') => {
                    lx.bump();
                    lx.bump();
                    Tok::Walrus
                }
                '{' | '}' | '[' | ']' | '(' | ')' | ':' | '=' | '@' | '$' => {
                    lx.bump();
                    Tok::Punct(c)
                }
                '-' | '0'..='9' => Tok::Number(lx.take_while(|c| {
                    c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E')
                })),
                c if c.is_ascii_alphabetic() || c == '_' => Tok::Ident(lx.take_while(|c| {
                    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '#' | '$')
                })),
                other => {
                    return Err(LexError {
                        message: format!("unexpected character `{}`", other.escape_debug()),
                        pos,
                    })
                }
            };
        out.push(Token { tok, pos });
    }
}

struct Lexer {
    chars: Vec<char>,
    i: usize,
    line: usize,
    col: usize,
}

impl Lexer {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek(0)?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek(0).filter(|c| keep(*c)) {
            s.push(c);
            self.bump();
        }
        s
    }

    fn skip_space(&mut self) {
        while self
            .peek(0)
            .is_some_and(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | ','))
        {
            self.bump();
        }
    }

    /// A `//` comment to the end of the line; `Some(text)` for a `///` documentation comment.
    fn comment(&mut self, pos: Pos) -> Result<Option<String>, LexError> {
        if self.peek(1) != Some('/') {
            return Err(LexError {
                message: "unexpected character `/` (comments start with `//`)".to_owned(),
                pos,
            });
        }
        let doc = self.peek(2) == Some('/');
        let line = self.take_while(|c| c != '\n');
        if !doc {
            return Ok(None);
        }
        let body = line.strip_prefix("///").unwrap_or_default();
        let body = body.strip_prefix(' ').unwrap_or(body);
        Ok(Some(body.trim_end_matches('\r').to_owned()))
    }

    /// A `"string"` or a `"""text block"""`, decoded.
    fn string(&mut self, pos: Pos) -> Result<Tok, LexError> {
        let block = self.peek(1) == Some('"') && self.peek(2) == Some('"');
        let quotes = if block { 3 } else { 1 };
        for _ in 0..quotes {
            self.bump();
        }
        let mut raw = String::new();
        loop {
            let Some(c) = self.bump() else {
                return Err(LexError {
                    message: if block {
                        "unterminated text block (missing closing `\"\"\"`)".to_owned()
                    } else {
                        "unterminated string (missing closing `\"`)".to_owned()
                    },
                    pos,
                });
            };
            match c {
                '\\' => {
                    raw.push(c);
                    if let Some(next) = self.bump() {
                        raw.push(next);
                    }
                }
                '"' if !block => break,
                '"' if self.peek(0) == Some('"') && self.peek(1) == Some('"') => {
                    self.bump();
                    self.bump();
                    break;
                }
                _ => raw.push(c),
            }
        }
        let decoded = if block {
            decode_text_block(&raw)
        } else {
            decode_string(&raw)
        };
        decoded
            .map(Tok::Str)
            .map_err(|message| LexError { message, pos })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok> {
        tokenize(text).unwrap().into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn splits_statements_and_skips_commas_and_comments() {
        assert_eq!(
            toks("// c\n/// Doc\n@length(min: 1,) string Name"),
            vec![
                Tok::Doc("Doc".into()),
                Tok::Punct('@'),
                Tok::Ident("length".into()),
                Tok::Punct('('),
                Tok::Ident("min".into()),
                Tok::Punct(':'),
                Tok::Number("1".into()),
                Tok::Punct(')'),
                Tok::Ident("string".into()),
                Tok::Ident("Name".into()),
                Tok::Eof,
            ]
        );
        assert_eq!(toks("input := {}")[1], Tok::Walrus);
    }

    #[test]
    fn positions_count_characters() {
        let t = tokenize("\"é\" x").unwrap();
        assert_eq!(t[1].pos, (1, 5));
    }

    #[test]
    fn unterminated_string_names_its_start() {
        let e = tokenize("a \"open\n").unwrap_err();
        assert_eq!(
            (e.message.as_str(), e.pos),
            ("unterminated string (missing closing `\"`)", (1, 3))
        );
    }
}
