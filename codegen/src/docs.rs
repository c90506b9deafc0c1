//! Smithy `@documentation` to rustdoc Markdown.
//!
//! AWS models write documentation in a small HTML dialect (`<p>`, `<code>`, `<a href>`, lists,
//! `<note>`, ...). Rustdoc reads Markdown, in which stray HTML, `[brackets]` and bare URLs cause
//! warnings or broken rendering, so the HTML is converted and all other text is escaped.

mod blocks;
mod entities;
mod html;
mod inline;

/// Converts an HTML documentation string to Markdown that rustdoc renders as intended.
///
/// Never fails: malformed HTML is read the way a browser would roughly read it, and anything in
/// angle brackets that is not a known HTML element (such as the placeholder `<client-id>`) is
/// kept as text. The result has no trailing whitespace and no leading or trailing blank lines;
/// it is empty when the input has no visible content.
pub fn html_to_markdown(html: &str) -> String {
    let markdown = blocks::print(&blocks::blocks(&html::parse(html)));
    // Each piece is printed trimmed already; this keeps the promise even for code blocks.
    let lines: Vec<&str> = markdown.lines().map(str::trim_end).collect();
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let last = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(first, |l| l + 1);
    lines[first..last.max(first)].join("\n")
}

#[cfg(test)]
mod tests {
    use super::html_to_markdown;

    /// `(rule, input, expected output)`.
    const CASES: &[(&str, &str, &str)] = &[
        // Paragraphs and whitespace.
        ("empty", "", ""),
        ("blank", "  <p> </p>\n ", ""),
        ("plain text", "Just text.", "Just text."),
        (
            "plain text escaped",
            "a [b] <c> *d* _e_ f_g",
            r"a \[b\] \<c\> \*d\* \_e\_ f_g",
        ),
        (
            "paragraphs",
            "<p>One\n   two.</p>\n<p>Three.</p>",
            "One two.\n\nThree.",
        ),
        (
            "text around paragraphs",
            "lead<p>mid</p>tail",
            "lead\n\nmid\n\ntail",
        ),
        ("unclosed paragraphs", "<p>a<p>b", "a\n\nb"),
        (
            "pre keeps whitespace",
            "<pre>\n  a  b\n    c\n</pre>",
            "```text\na  b\n  c\n```",
        ),
        (
            "pre with fence inside",
            "<pre>```x```</pre>",
            "````text\n```x```\n````",
        ),
        ("pre without content", "<pre>\n  \n</pre>", ""),
        ("line break", "a<br/>b<br>c<br />", "a\\\nb\\\nc"),
        // Inline markup.
        ("code", "Use <code>GetUser</code>.", "Use `GetUser`."),
        ("code with backtick", "<code>a`b</code>", "``a`b``"),
        ("code edge backtick", "<code>`</code>", "`` ` ``"),
        (
            "code keeps markup literal",
            "<code>[x] <y> *z*</code>",
            "`[x] <y> *z*`",
        ),
        ("code with spaces", "a<code> b </code>c", "a `b` c"),
        ("empty code", "a<code> </code>b", "a b"),
        (
            "adjacent code merged",
            "<code>a`</code><code>`b</code>",
            "```a``b```",
        ),
        (
            "code after backtick text",
            "\\`<code>x</code>",
            "\\\\\\``x`",
        ),
        ("bold", "<b>x</b> and <strong>y</strong>", "**x** and **y**"),
        ("italic", "<i>x</i> and <em>y</em>", "*x* and *y*"),
        ("emphasis spaces moved out", "a<b> x </b>b", "a **x** b"),
        ("empty emphasis", "a<i></i>b", "ab"),
        ("nested emphasis", "<b><i>x</i></b>", "***x***"),
        // Links.
        (
            "link",
            r#"See <a href="https://x.y/z">the guide</a>."#,
            "See [the guide](https://x.y/z).",
        ),
        (
            "relative link",
            r#"<a href="/cognito/latest/x.html">page</a>"#,
            "page",
        ),
        (
            "link without href",
            "Call <a>DescribeTable</a>.",
            "Call `DescribeTable`.",
        ),
        (
            "link text is url",
            r#"<a href="https://x.y">https://x.y</a>"#,
            "<https://x.y>",
        ),
        (
            "link without text",
            r#"<a href="https://x.y"></a>"#,
            "<https://x.y>",
        ),
        (
            "link text escaped",
            r#"<a href="https://x.y">[a] <code>b</code></a>"#,
            r"[\[a\] `b`](https://x.y)",
        ),
        (
            "link destination encoded",
            r#"<a href="https://x.y/a b(c)">t</a>"#,
            "[t](https://x.y/a%20b%28c%29)",
        ),
        (
            "link entity in href",
            r#"<a href="https://x.y/?a=1&amp;b=2">t</a>"#,
            "[t](https://x.y/?a=1&b=2)",
        ),
        (
            "unsafe scheme",
            r#"<a href="javascript:alert(1)">t</a>"#,
            "t",
        ),
        (
            "bare url",
            "Go to https://x.y/z, then",
            "Go to <https://x.y/z>, then",
        ),
        (
            "bare url in parentheses",
            "(see http://x.y)",
            "(see <http://x.y>)",
        ),
        // Lists.
        (
            "bullet list",
            "<ul><li>a</li><li><p>b</p></li></ul>",
            "- a\n- b",
        ),
        (
            "ordered list",
            "<ol><li>a</li><li>b</li></ol>",
            "1. a\n2. b",
        ),
        (
            "nested list",
            "<ul><li>a<ul><li>b</li><li>c<ol><li>d</li></ol></li></ul></li><li>e</li></ul>",
            "- a\n  - b\n  - c\n    1. d\n- e",
        ),
        (
            "loose list",
            "<ul><li><p>a</p><p>b</p></li><li>c</li></ul>",
            "- a\n\n  b\n\n- c",
        ),
        ("unclosed items", "<ul><li>a<li>b</ul>", "- a\n- b"),
        (
            "list after paragraph",
            "<p>x</p><ul><li>a</li></ul>",
            "x\n\n- a",
        ),
        (
            "text item starting like a list",
            "<ul><li>- a</li><li>1. b</li></ul>",
            "- \\- a\n- 1\\. b",
        ),
        ("empty list", "<ul> <li> </li> </ul>", ""),
        (
            "definition list",
            "<dl><dt>A</dt><dd><p>x</p></dd><dt>B</dt><dd>y</dd></dl>",
            "- A\n\n  x\n\n- B\n\n  y",
        ),
        // Callouts.
        (
            "note",
            "<note><p>Careful.</p><p>More.</p></note>",
            "**Note:** Careful.\n\nMore.",
        ),
        (
            "important",
            "<important>Read <code>x</code>.</important>",
            "**Important:** Read `x`.",
        ),
        (
            "note with list",
            "<note><ul><li>a</li></ul></note>",
            "**Note:**\n\n- a",
        ),
        // Unknown tags, placeholders, entities.
        (
            "unknown tag dropped",
            "<fullname>Amazon X</fullname><p>y <span>z</span></p>",
            "Amazon X\n\ny z",
        ),
        (
            "placeholder kept",
            "<p>format <client-id>--<epoch-create-time>.</p>",
            r"format \<client-id\>--\<epoch-create-time\>.",
        ),
        (
            "address kept",
            "<code>Test User\n <testuser@example.com></code>",
            "`Test User <testuser@example.com>`",
        ),
        (
            "entities",
            "&lt;p&gt; &amp; &quot;q&quot; &#39;s&#39; a&nbsp;b &#x41;",
            "\\<p\\> & \"q\" 's' a\u{a0}b A",
        ),
        ("entity reference stays literal", "&amp;lt;", r"\&lt;"),
        (
            "heading-like start",
            "<p># not a heading</p>",
            r"\# not a heading",
        ),
        ("backticks in text", "a `b` c", r"a \`b\` c"),
        ("backslash in text", r"C:\x", r"C:\\x"),
        ("comment", "a<!-- hidden -->b", "ab"),
        // Non-ASCII text right after tags and entities (byte offsets must stay on char boundaries).
        (
            "multi-byte after end tag",
            "<code>StepScaling</code>—Not supported",
            "`StepScaling`—Not supported",
        ),
        (
            "multi-byte after start tag",
            "<p>“Configuring",
            "“Configuring",
        ),
        ("multi-byte after entity", "&amp;é&lt;€", "&é\\<€"),
        ("multi-byte after comment", "a<!---->😀", "a😀"),
        ("multi-byte after lone bracket", "<é <😀>", r"\<é \<😀\>"),
        // Malformed input.
        ("unclosed tags", "<p><b>bold <i>both", "**bold *both***"),
        ("stray close tags", "</b>a</p></ul>", "a"),
        ("broken tag", "<p class=\"x>text", "\\<p class=\"x\\>text"),
        ("lone brackets", "< > <<>>", r"\< \> \<\<\>\>"),
    ];

    #[test]
    fn converts_each_rule() {
        let mut failures = Vec::new();
        for (rule, input, want) in CASES {
            let got = html_to_markdown(input);
            if got != *want {
                failures.push(format!(
                    "{rule}: {input:?}\n   got: {got:?}\n  want: {want:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn output_has_no_trailing_whitespace_or_edge_blank_lines() {
        for (rule, input, _) in CASES {
            let got = html_to_markdown(input);
            assert!(
                !got.starts_with('\n') && !got.ends_with('\n'),
                "{rule}: {got:?}"
            );
            for line in got.lines() {
                assert_eq!(
                    line,
                    line.trim_end(),
                    "{rule}: trailing whitespace in {got:?}"
                );
            }
        }
    }

    #[test]
    fn survives_arbitrary_fragments() {
        // Every prefix and suffix of tricky inputs: truncated tags, entities and comments.
        let tricky = r#"<p>a <a href="https://x.y/(z)">l<b>i</b></a> &#x1F600; &amp<!-- c --> <ul><li>`x</li></ul><pre>``` y</pre><note>n</note></p>"#;
        for (i, _) in tricky.char_indices() {
            for piece in [&tricky[..i], &tricky[i..]] {
                let out = html_to_markdown(piece);
                assert!(
                    out.lines().all(|l| l == l.trim_end()),
                    "{piece:?} -> {out:?}"
                );
            }
        }
    }
}
