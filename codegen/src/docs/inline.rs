//! Inline Markdown: escaped text, code spans, emphasis, links and hard line breaks.
//!
//! Text is escaped so that rustdoc shows it as written: no accidental intra-doc links (`[x]`),
//! HTML (`<x>`), emphasis, code spans, strike-through or entities, and no bare-URL warnings.

/// Marks a hard line break inside a paragraph until the paragraph is finished (see
/// [`Inline::finish`]); text never contains it because whitespace is collapsed first.
const BREAK: char = '\n';

/// Builds the Markdown of one paragraph (or one link text), collapsing whitespace as HTML does.
#[derive(Debug, Default)]
pub(crate) struct Inline {
    out: String,
    /// Inside link text: no nested links or autolinks.
    in_link: bool,
    /// Building a piece of a paragraph: a leading space is kept, because it separates the piece
    /// from what precedes it once the piece is placed.
    fragment: bool,
    /// Start and end offsets and content of the last code span: a code span right after it is
    /// merged into it, because two adjacent spans would fuse their backtick fences.
    last_code: Option<(usize, usize, String)>,
}

impl Inline {
    pub(crate) fn in_link() -> Self {
        Inline {
            out: String::new(),
            in_link: true,
            fragment: true,
            last_code: None,
        }
    }

    /// An empty builder for content nested in this one (same link state).
    pub(crate) fn nested(&self) -> Self {
        Inline {
            out: String::new(),
            in_link: self.in_link,
            fragment: true,
            last_code: None,
        }
    }

    pub(crate) fn is_in_link(&self) -> bool {
        self.in_link
    }

    /// One collapsible space: never at the start, never doubled, never after a break.
    pub(crate) fn space(&mut self) {
        let separates = if self.out.is_empty() {
            self.fragment
        } else {
            !self.out.ends_with([' ', BREAK])
        };
        if separates {
            self.out.push(' ');
        }
    }

    pub(crate) fn hard_break(&mut self) {
        if self.out.ends_with(' ') {
            self.out.pop();
        }
        self.out.push(BREAK);
    }

    /// Appends text, collapsing ASCII whitespace runs to one space and escaping Markdown syntax.
    pub(crate) fn text(&mut self, text: &str) {
        if text.starts_with(|c: char| c.is_ascii_whitespace()) {
            self.space();
        }
        let mut words = text.split_ascii_whitespace().peekable();
        while let Some(word) = words.next() {
            self.word(word);
            if words.peek().is_some() {
                self.space();
            }
        }
        if text.ends_with(|c: char| c.is_ascii_whitespace()) {
            self.space();
        }
    }

    /// Appends already-rendered Markdown.
    pub(crate) fn raw(&mut self, markdown: &str) {
        self.out.push_str(markdown);
    }

    /// Re-applies the spaces or line breaks found at the edge of a fragment (see [`split_edges`]).
    pub(crate) fn edge(&mut self, edge: &str) {
        if edge.contains(BREAK) {
            self.hard_break();
        } else if !edge.is_empty() {
            self.space();
        }
    }

    /// Appends a code span showing `text` literally (whitespace collapsed).
    pub(crate) fn code(&mut self, text: &str) {
        if text.starts_with(|c: char| c.is_ascii_whitespace()) {
            self.space();
        }
        let mut content = text.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        if !content.is_empty() {
            let start = match self.last_code.take() {
                Some((start, end, previous)) if end == self.out.len() => {
                    content.insert_str(0, &previous);
                    self.out.truncate(start);
                    start
                }
                _ => self.out.len(),
            };
            self.out.push_str(&code_span(&content));
            self.last_code = Some((start, self.out.len(), content));
        }
        if text.ends_with(|c: char| c.is_ascii_whitespace()) {
            self.space();
        }
    }

    /// The rendered Markdown with spaces kept, for nesting into another [`Inline`].
    pub(crate) fn into_fragment(self) -> String {
        self.out
    }

    /// The finished paragraph: lines trimmed, empty lines dropped, breaks as `\` line ends and
    /// each line start escaped. Empty when there is no content.
    pub(crate) fn finish(self) -> String {
        self.out
            .split(BREAK)
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(escape_line_start)
            .collect::<Vec<_>>()
            .join("\\\n")
    }

    fn word(&mut self, word: &str) {
        let mut rest = word;
        while let Some(at) = find_url(rest) {
            self.out.push_str(&escape_text(&rest[..at]));
            let len = url_len(&rest[at..]);
            let url = &rest[at..at + len];
            if self.in_link {
                self.out.push_str(&escape_text(url));
            } else {
                self.out.push('<');
                self.out.push_str(url);
                self.out.push('>');
            }
            rest = &rest[at + len..];
        }
        self.out.push_str(&escape_text(rest));
    }
}

/// Splits a fragment into leading spaces/breaks, content and trailing spaces/breaks, so markup
/// can go around the content only: `** x**` would not be emphasis.
pub(crate) fn split_edges(fragment: &str) -> (&str, &str, &str) {
    let inner = fragment.trim_matches([' ', BREAK]);
    let lead = fragment.len() - fragment.trim_start_matches([' ', BREAK]).len();
    (&fragment[..lead], inner, &fragment[lead + inner.len()..])
}

/// A code span for `content` (no newlines): the fence is one backtick longer than any backtick
/// run inside, and content touching a fence is padded so the fences stay separate.
pub(crate) fn code_span(content: &str) -> String {
    let longest = longest_run(content, '`');
    let fence = "`".repeat(longest + 1);
    let pad = if content.starts_with('`') || content.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{content}{pad}{fence}")
}

/// The length of the longest run of `c` in `text`.
pub(crate) fn longest_run(text: &str, c: char) -> usize {
    let mut longest = 0;
    let mut current = 0;
    for ch in text.chars() {
        current = if ch == c { current + 1 } else { 0 };
        longest = longest.max(current);
    }
    longest
}

/// Escapes one whitespace-free piece of text.
fn escape_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let escape = match c {
            // Always significant to rustdoc's Markdown (`~` is strike-through).
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '~' => true,
            // Inside a word (`snake_case`) `_` cannot start or end emphasis.
            '_' => {
                let before = i.checked_sub(1).and_then(|p| chars.get(p));
                let after = chars.get(i + 1);
                !(before.is_some_and(|b| b.is_alphanumeric())
                    && after.is_some_and(|a| a.is_alphanumeric()))
            }
            // Only where it could begin an entity reference.
            '&' => chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#'),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what would make a line start a heading (`#`), a list item (`-`, `+`, `1.`, `1)`) or a
/// thematic break. Everything else that matters at a line start (`>`, `*`, backticks, `~`) is
/// escaped everywhere already.
fn escape_line_start(line: &str) -> String {
    if line.starts_with(['#', '-', '+']) {
        return format!("\\{line}");
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=9).contains(&digits) && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line.to_owned()
}

/// Where the first `http://` or `https://` URL starts in `word`.
fn find_url(word: &str) -> Option<usize> {
    let at = word.find("http")?;
    let rest = &word[at..];
    if rest.starts_with("https://") || rest.starts_with("http://") {
        return Some(at);
    }
    find_url(&rest[4..]).map(|next| at + 4 + next)
}

/// The length of the URL at the start of `text`: up to a character that cannot appear in an
/// autolink, minus trailing punctuation that belongs to the sentence (and an unbalanced `)`).
fn url_len(text: &str) -> usize {
    let mut end = text
        .find(|c: char| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`'))
        .unwrap_or(text.len());
    loop {
        let url = &text[..end];
        let Some(last) = url.chars().last() else {
            return end;
        };
        let unbalanced = last == ')' && url.matches(')').count() > url.matches('(').count();
        if matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '_' | '~'
        ) || unbalanced
        {
            end -= last.len_utf8();
        } else {
            return end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{code_span, escape_line_start, escape_text, url_len, Inline};

    #[test]
    fn escapes_text() {
        let cases = [
            ("plain", "plain"),
            ("[x]", "\\[x\\]"),
            ("<b>", "\\<b\\>"),
            ("a*b", "a\\*b"),
            ("snake_case", "snake_case"),
            ("_lead", "\\_lead"),
            ("trail_", "trail\\_"),
            ("(x_)", "(x\\_)"),
            ("`tick`", "\\`tick\\`"),
            ("C:\\dir", "C:\\\\dir"),
            ("~1", "\\~1"),
            ("&amp;", "\\&amp;"),
            ("AT&T", "AT\\&T"),
            ("a&", "a&"),
            ("#1", "#1"),
        ];
        for (input, want) in cases {
            assert_eq!(escape_text(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn escapes_line_starts() {
        let cases = [
            ("# x", "\\# x"),
            ("- x", "\\- x"),
            ("+ x", "\\+ x"),
            ("2024. x", "2024\\. x"),
            ("1) x", "1\\) x"),
            ("1234567890. x", "1234567890. x"),
            ("12 x", "12 x"),
            ("x # y", "x # y"),
        ];
        for (input, want) in cases {
            assert_eq!(escape_line_start(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn code_spans_outfence_backticks() {
        let cases = [
            ("x", "`x`"),
            ("a`b", "``a`b``"),
            ("``", "``` `` ```"),
            ("`a", "`` `a ``"),
        ];
        for (input, want) in cases {
            assert_eq!(code_span(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn url_ends_before_sentence_punctuation() {
        let cases = [
            ("https://a.b/c.", "https://a.b/c"),
            ("https://a.b/(c)", "https://a.b/(c)"),
            ("https://a.b/c)", "https://a.b/c"),
            ("https://a.b/c\"x", "https://a.b/c"),
            ("https://a.b/?q=1&r=2,", "https://a.b/?q=1&r=2"),
        ];
        for (input, want) in cases {
            assert_eq!(&input[..url_len(input)], want, "input: {input:?}");
        }
    }

    #[test]
    fn collapses_whitespace_and_breaks_lines() {
        let mut p = Inline::default();
        p.text("  a \n\t b  ");
        p.hard_break();
        p.text(" # c ");
        p.hard_break();
        p.hard_break();
        assert_eq!(p.finish(), "a b\\\n\\# c");

        let mut p = Inline::default();
        p.text("see https://x.y/z. Or (http://q)");
        assert_eq!(p.finish(), "see <https://x.y/z>. Or (<http://q>)");

        let mut p = Inline::in_link();
        p.text("https://x.y");
        assert_eq!(p.finish(), "https://x.y");
    }
}
