//! A forgiving parser for the small HTML dialect of AWS `@documentation` strings.
//!
//! It never fails: anything that is not a well-formed tag of a known element is text. That matters
//! because AWS docs write placeholders such as `<client-id>--<epoch-create-time>` and
//! `Test User <testuser@example.com>` without escaping them; they must survive as text.

use super::entities;

/// A parsed document fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    /// Text with character references decoded and whitespace as written.
    Text(String),
    Element(Element),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Element {
    /// Lower-case tag name.
    pub(crate) name: String,
    /// Attributes in source order, names lower-cased, values decoded.
    pub(crate) attrs: Vec<(String, String)>,
    pub(crate) children: Vec<Node>,
}

impl Element {
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// All text below this element, tags removed.
    pub(crate) fn text_content(&self) -> String {
        let mut out = String::new();
        collect_text(&self.children, &mut out);
        out
    }
}

fn collect_text(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.name == "br" => out.push('\n'),
            Node::Element(e) => collect_text(&e.children, out),
        }
    }
}

/// Elements recognised as tags. Anything else in angle brackets is text (see the module docs).
/// Besides the ones the renderer understands this lists common HTML and the AWS-specific
/// `fullname`, so that they are dropped (keeping their text) rather than shown as markup.
const KNOWN_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "article",
    "aside",
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "dd",
    "del",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "font",
    "footer",
    "fullname",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "i",
    "img",
    "important",
    "ins",
    "kbd",
    "li",
    "main",
    "mark",
    "nav",
    "note",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Elements that never have content, whether or not they are written `<x/>`.
const VOID_ELEMENTS: &[&str] = &["br", "hr", "img", "wbr"];

/// Deeper nesting than this is flattened, so hostile input cannot overflow the renderer's stack.
const MAX_DEPTH: usize = 48;

#[derive(Debug)]
enum Token {
    Text(String),
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End(String),
}

/// Parses `html` into a tree. Unclosed elements end at the end of input; stray end tags are ignored.
pub(crate) fn parse(html: &str) -> Vec<Node> {
    let mut builder = TreeBuilder {
        open: vec![Element {
            name: String::new(),
            attrs: Vec::new(),
            children: Vec::new(),
        }],
    };
    let tokens = Tokenizer { rest: html };
    for token in tokens {
        builder.push(token);
    }
    builder.finish()
}

struct TreeBuilder {
    /// Open elements; the first is the synthetic root and is never popped by a tag.
    open: Vec<Element>,
}

impl TreeBuilder {
    fn push(&mut self, token: Token) {
        match token {
            Token::Text(text) => self.append(Node::Text(text)),
            Token::Start {
                name,
                attrs,
                self_closing,
            } => {
                self.close_implied_by(&name);
                let element = Element {
                    name,
                    attrs,
                    children: Vec::new(),
                };
                if self_closing
                    || VOID_ELEMENTS.contains(&element.name.as_str())
                    || self.open.len() > MAX_DEPTH
                {
                    self.append(Node::Element(element));
                } else {
                    self.open.push(element);
                }
            }
            Token::End(name) => {
                if let Some(at) = self.open.iter().skip(1).rposition(|e| e.name == name) {
                    self.close_down_to(at + 1);
                }
            }
        }
    }

    /// `<li>` ends the previous item of the same list, `<dt>`/`<dd>` the previous term or
    /// definition, `<p>` an open paragraph: the HTML rules for end tags that may be omitted.
    fn close_implied_by(&mut self, name: &str) {
        let (closes, boundaries): (&[&str], &[&str]) = match name {
            "li" => (&["li"], &["ul", "ol"]),
            "dt" | "dd" => (&["dt", "dd"], &["dl"]),
            "p" => (
                &["p"],
                &["li", "dd", "dt", "note", "important", "td", "th", "div"],
            ),
            _ => return,
        };
        for at in (1..self.open.len()).rev() {
            let open = self.open[at].name.as_str();
            if closes.contains(&open) {
                self.close_down_to(at);
                return;
            }
            if boundaries.contains(&open) {
                return;
            }
        }
    }

    /// Closes every open element from the innermost one down to index `at` (inclusive).
    fn close_down_to(&mut self, at: usize) {
        while self.open.len() > at.max(1) {
            if let Some(done) = self.open.pop() {
                self.append(Node::Element(done));
            }
        }
    }

    fn append(&mut self, node: Node) {
        if let Some(parent) = self.open.last_mut() {
            parent.children.push(node);
        }
    }

    fn finish(mut self) -> Vec<Node> {
        self.close_down_to(1);
        self.open
            .pop()
            .map(|root| root.children)
            .unwrap_or_default()
    }
}

struct Tokenizer<'a> {
    rest: &'a str,
}

impl Iterator for Tokenizer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            if let Some(after) = self.rest.strip_prefix("<!--") {
                // Comments vanish; an unterminated one swallows the rest, as in browsers.
                self.rest = after.find("-->").map_or("", |end| &after[end + 3..]);
                continue;
            }
            if self.rest.starts_with('<') {
                if let Some((token, len)) = tag(self.rest) {
                    self.rest = &self.rest[len..];
                    match token {
                        Some(token) => return Some(token),
                        None => continue,
                    }
                }
            }
            // Text runs to the next `<` that could start a tag (never empty: a `<` that did not
            // start a tag is taken as text here). The search starts after the first character,
            // which may be multi-byte (`</code>—Not`), never at byte 1.
            let first = self.rest.chars().next().map_or(0, char::len_utf8);
            let end = self.rest[first..]
                .find('<')
                .map_or(self.rest.len(), |i| i + first);
            let text = entities::decode(&self.rest[..end]);
            self.rest = &self.rest[end..];
            return Some(Token::Text(text));
        }
    }
}

/// Reads a tag at the start of `input` (which starts with `<`). Returns the token (`None` for
/// declarations such as `<!DOCTYPE>`, which are skipped) and its length, or `None` when the text
/// is not a tag of a known element.
fn tag(input: &str) -> Option<(Option<Token>, usize)> {
    let body = &input[1..];
    if body.starts_with(['!', '?']) {
        return body.find('>').map(|end| (None, end + 2));
    }
    let (closing, body) = match body.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, body),
    };
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(body.len());
    let name = body[..name_len].to_ascii_lowercase();
    if !body.starts_with(|c: char| c.is_ascii_alphabetic())
        || !KNOWN_ELEMENTS.contains(&name.as_str())
    {
        return None;
    }
    let mut attrs = Vec::new();
    let mut rest = &body[name_len..];
    // The name must end at whitespace, `/` or `>`: `<b@x>` is text.
    if !rest.starts_with(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>') {
        return None;
    }
    let mut self_closing = false;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
        if let Some(after) = rest.strip_prefix('>') {
            let len = input.len() - after.len();
            let token = if closing {
                Token::End(name)
            } else {
                Token::Start {
                    name,
                    attrs,
                    self_closing,
                }
            };
            return Some((Some(token), len));
        }
        if let Some(after) = rest.strip_prefix('/') {
            self_closing = true;
            rest = after;
            continue;
        }
        self_closing = false;
        let (attr, after) = attribute(rest)?;
        attrs.push(attr);
        rest = after;
    }
}

/// Reads one `name`, `name=value`, `name="value"` or `name='value'` attribute.
fn attribute(input: &str) -> Option<((String, String), &str)> {
    let name_len = input
        .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
        .unwrap_or(input.len());
    if name_len == 0 {
        return None;
    }
    let name = input[..name_len].to_ascii_lowercase();
    let rest = input[name_len..].trim_start_matches(|c: char| c.is_ascii_whitespace());
    let Some(value_part) = rest.strip_prefix('=') else {
        return Some(((name, String::new()), rest));
    };
    let value_part = value_part.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let (raw, after) = match value_part.chars().next() {
        Some(quote @ ('"' | '\'')) => {
            let inner = &value_part[1..];
            let end = inner.find(quote)?;
            (&inner[..end], &inner[end + 1..])
        }
        _ => {
            let end = value_part
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .unwrap_or(value_part.len());
            (&value_part[..end], &value_part[end..])
        }
    };
    Some(((name, entities::decode(raw)), after))
}

#[cfg(test)]
mod tests {
    use super::{parse, Element, Node};

    fn text(t: &str) -> Node {
        Node::Text(t.to_owned())
    }

    fn el(name: &str, attrs: &[(&str, &str)], children: Vec<Node>) -> Node {
        Node::Element(Element {
            name: name.to_owned(),
            attrs: attrs
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
            children,
        })
    }

    #[test]
    fn builds_trees_from_tags_and_text() {
        let cases: Vec<(&str, Vec<Node>)> = vec![
            ("plain", vec![text("plain")]),
            (
                "<p>a <code>b</code></p>",
                vec![el(
                    "p",
                    &[],
                    vec![text("a "), el("code", &[], vec![text("b")])],
                )],
            ),
            (
                r#"<A HREF="x?a=1&amp;b=2" class='c' hidden>t</A>"#,
                vec![el(
                    "a",
                    &[("href", "x?a=1&b=2"), ("class", "c"), ("hidden", "")],
                    vec![text("t")],
                )],
            ),
            (
                "a<br/>b<br>c",
                vec![
                    text("a"),
                    el("br", &[], vec![]),
                    text("b"),
                    el("br", &[], vec![]),
                    text("c"),
                ],
            ),
            (
                "<ul><li>a<li>b</ul>",
                vec![el(
                    "ul",
                    &[],
                    vec![
                        el("li", &[], vec![text("a")]),
                        el("li", &[], vec![text("b")]),
                    ],
                )],
            ),
            (
                "<p>a<p>b",
                vec![el("p", &[], vec![text("a")]), el("p", &[], vec![text("b")])],
            ),
            ("x</p>y", vec![text("x"), text("y")]),
            (
                "<b><i>x</b>y",
                vec![el("b", &[], vec![el("i", &[], vec![text("x")])]), text("y")],
            ),
            ("a<!-- c -->b<!DOCTYPE html>", vec![text("a"), text("b")]),
            ("a<!-- never closed", vec![text("a")]),
            ("<client-id>--<x", vec![text("<client-id>--"), text("<x")]),
            (
                "<testuser@example.com>",
                vec![text("<testuser@example.com>")],
            ),
            ("1 < 2 <p", vec![text("1 "), text("< 2 "), text("<p")]),
            (
                "<a href=\"unterminated>t",
                vec![text("<a href=\"unterminated>t")],
            ),
            ("&lt;p&gt;", vec![text("<p>")]),
        ];
        for (input, want) in cases {
            assert_eq!(parse(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let html = "<b>".repeat(10_000) + "x";
        let mut depth = 0;
        let mut nodes = parse(&html);
        while let Some(Node::Element(e)) = nodes.first() {
            depth += 1;
            nodes = e.children.clone();
        }
        assert!(depth <= super::MAX_DEPTH + 1, "depth {depth}");
    }
}
