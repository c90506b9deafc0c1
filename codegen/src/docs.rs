//! Smithy `@documentation` (HTML in AWS models) to rustdoc Markdown.
//!
//! A deliberately small converter: block tags become paragraph breaks or list items, `<code>`
//! becomes backticks, links keep their text and absolute target, every other tag is dropped with
//! its text kept. Whitespace is collapsed so model indentation never turns into code blocks, and
//! characters rustdoc would misread (`[`, `]`, `<`, `>`, `*`, `_`, `#` and backticks in text) are
//! escaped.

/// Converts `html` to Markdown; never panics, whatever the input.
pub fn html_to_markdown(html: &str) -> String {
    let mut out = Converter::default();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.text(&rest[..start]);
        let Some(len) = rest[start..].find('>') else {
            out.text(&rest[start..]);
            rest = "";
            break;
        };
        out.tag(&rest[start + 1..start + len]);
        rest = &rest[start + len + 1..];
    }
    out.text(rest);
    out.finish()
}

#[derive(Default)]
struct Converter {
    out: String,
    /// Inside `<code>`: text is emitted verbatim between backticks.
    code: bool,
    /// Pending link target of an open `<a href>`.
    href: Option<String>,
    list_depth: usize,
    /// Just opened a code span or link: the next word follows without a space.
    fresh: bool,
}

impl Converter {
    fn text(&mut self, raw: &str) {
        let decoded = decode_entities(raw);
        for word in decoded.split_whitespace() {
            if !self.fresh && !self.out.is_empty() && !self.out.ends_with(['\n', ' ']) {
                self.out.push(' ');
            }
            self.fresh = false;
            if self.code {
                self.out.push_str(&word.replace('`', "'"));
            } else {
                self.out.push_str(&escape(word));
            }
        }
        // Keep a separating space after text that ended in whitespace.
        if decoded.ends_with(char::is_whitespace) && !self.fresh && !self.out.ends_with(['\n', ' ']) && !self.out.is_empty() {
            self.out.push(' ');
        }
    }

    fn tag(&mut self, tag: &str) {
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("p" | "div" | "note" | "important" | "pre" | "dl" | "h1" | "h2" | "h3" | "h4", _) => self.paragraph(),
            ("ul" | "ol", false) => {
                self.list_depth += 1;
                self.paragraph();
            }
            ("ul" | "ol", true) => {
                self.list_depth = self.list_depth.saturating_sub(1);
                self.paragraph();
            }
            ("li" | "dt" | "dd", false) => {
                self.line_break();
                let indent = "  ".repeat(self.list_depth.saturating_sub(1));
                self.out.push_str(&format!("{indent}- "));
            }
            ("br", _) => self.line_break(),
            ("code", false) if !self.code => {
                self.space();
                self.out.push('`');
                self.code = true;
                self.fresh = true;
            }
            ("code", true) if self.code => {
                self.trim_trailing_space();
                if self.out.ends_with('`') {
                    self.out.pop(); // an empty code span
                } else {
                    self.out.push('`');
                }
                self.code = false;
            }
            ("a", false) => {
                self.href = attribute(tag, "href").filter(|h| h.starts_with("http://") || h.starts_with("https://"));
                if self.href.is_some() {
                    self.space();
                    self.out.push('[');
                    self.fresh = true;
                }
            }
            ("a", true) => {
                if let Some(href) = self.href.take() {
                    self.trim_trailing_space();
                    self.out.push_str(&format!("]({href})"));
                }
            }
            _ => {}
        }
    }

    fn space(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with(['\n', ' ']) {
            self.out.push(' ');
        }
    }

    fn trim_trailing_space(&mut self) {
        while self.out.ends_with(' ') {
            self.out.pop();
        }
    }

    fn line_break(&mut self) {
        self.close_code();
        self.trim_trailing_space();
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn paragraph(&mut self) {
        self.line_break();
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn close_code(&mut self) {
        if self.code {
            self.trim_trailing_space();
            self.out.push('`');
            self.code = false;
        }
        if self.href.take().is_some() {
            self.out.push(']');
        }
    }

    fn finish(mut self) -> String {
        self.close_code();
        let lines: Vec<&str> = self.out.lines().map(str::trim_end).collect();
        let mut text = lines.join("\n");
        while text.contains("\n\n\n") {
            text = text.replace("\n\n\n", "\n\n");
        }
        text.trim().to_owned()
    }
}

/// Escapes what rustdoc would read as Markdown or HTML in plain text.
fn escape(word: &str) -> String {
    if word.starts_with("http://") || word.starts_with("https://") {
        return format!("<{word}>");
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if matches!(c, '[' | ']' | '<' | '>' | '*' | '_' | '`' | '#' | '\\' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!("{name}="))? + name.len() + 1;
    let rest = &tag[at..];
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let end = rest[1..].find(quote)?;
    Some(rest[1..1 + end].to_owned())
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::html_to_markdown as md;

    #[test]
    fn conversion_table() {
        let cases = [
            ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
            ("Use <code>StopUserImportJob</code> now.", "Use `StopUserImportJob` now."),
            ("<ul><li>a</li><li>b</li></ul>", "- a\n- b"),
            ("<a href=\"https://aws.amazon.com\">AWS</a>", "[AWS](https://aws.amazon.com)"),
            ("<a href=\"relative\">text</a>", "text"),
            ("  indented\n      text ", "indented text"),
            ("a [b] <i>c</i> d_e *f*", "a \\[b\\] c d\\_e \\*f\\*"),
            ("x &lt;tag&gt; &amp; y", "x \\<tag\\> & y"),
            ("see https://example.com/x now", "see <https://example.com/x> now"),
            ("<p>unclosed <b", "unclosed \\<b"),
            ("", ""),
        ];
        for (html, want) in cases {
            assert_eq!(md(html), want, "for {html:?}");
        }
    }

    #[test]
    fn nothing_left_that_rustdoc_reads_as_code_blocks() {
        let html = "<p>The status:</p>\n            <ul>\n              <li>\n                 <p><code>Created</code> - created.</p>\n              </li>\n            </ul>";
        let out = md(html);
        assert!(out.lines().all(|l| !l.starts_with("    ")), "{out}");
    }
}
