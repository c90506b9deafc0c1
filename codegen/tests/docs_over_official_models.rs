//! Runs `html_to_markdown` over every `smithy.api#documentation` string of the official AWS
//! models in `../shared/models/` (skipped with a notice when absent) and checks the Markdown is
//! well-formed: no raw HTML tags, balanced code spans and code fences, no trailing whitespace.

use std::path::PathBuf;

use ingot_codegen::docs::html_to_markdown;
use proptest::prelude::*;
use serde_json::Value;

fn collect_docs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("smithy.api#documentation", Value::String(doc)) => out.push(doc.clone()),
                    _ => collect_docs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_docs(v, out)),
        _ => {}
    }
}

/// Problems in `markdown`, as a list of descriptions (empty when fine).
fn markdown_problems(markdown: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if markdown.starts_with('\n') || markdown.ends_with('\n') {
        problems.push("leading or trailing blank line".to_owned());
    }
    let mut fence: Option<String> = None;
    for line in markdown.lines() {
        if line != line.trim_end() {
            problems.push(format!("trailing whitespace: {line:?}"));
        }
        let content = strip_list_markers(line);
        match &fence {
            Some(open) => {
                if content == open {
                    fence = None;
                }
            }
            // CommonMark: a backtick fence's info string has no backticks, otherwise the line
            // is a paragraph starting with a long code span.
            None if content.starts_with("```")
                && !content.trim_start_matches('`').contains('`') =>
            {
                let ticks = content.len() - content.trim_start_matches('`').len();
                fence = Some("`".repeat(ticks));
            }
            None => problems.extend(inline_problems(content)),
        }
    }
    if let Some(open) = fence {
        problems.push(format!("code fence {open} never closed"));
    }
    problems
}

/// The line without indentation and list item markers (a code fence may open a list item).
fn strip_list_markers(line: &str) -> &str {
    let mut rest = line.trim_start_matches(' ');
    loop {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let marker = if rest.starts_with("- ") {
            2
        } else if digits > 0 && rest[digits..].starts_with(". ") {
            digits + 2
        } else {
            return rest;
        };
        rest = rest[marker..].trim_start_matches(' ');
    }
}

/// Checks one line outside code blocks: every code span closes on the line (we never wrap inside
/// one), and every unescaped `<` outside code spans starts an autolink.
fn inline_problems(line: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '`' => {
                let run = chars[i..].iter().take_while(|&&c| c == '`').count();
                // Find the closing run of exactly the same length; backslashes are literal here.
                let mut j = i + run;
                let mut closed = false;
                while j < chars.len() {
                    let r = chars[j..].iter().take_while(|&&c| c == '`').count();
                    if r == run {
                        closed = true;
                        j += r;
                        break;
                    }
                    j += r.max(1);
                }
                if !closed {
                    problems.push(format!("unbalanced backticks in {line:?}"));
                    return problems;
                }
                i = j;
            }
            '<' => {
                let rest: String = chars[i + 1..].iter().collect();
                let autolink = ["https://", "http://", "mailto:"]
                    .iter()
                    .any(|s| rest.starts_with(s))
                    && rest.contains('>');
                if !autolink {
                    problems.push(format!("raw `<` (HTML tag?) in {line:?}"));
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    problems
}

#[test]
fn checker_catches_bad_markdown() {
    let bad = ["a <p> b", "a `b", "``a`", "```text\nx", "x \ny", "\nx"];
    for markdown in bad {
        assert!(
            !markdown_problems(markdown).is_empty(),
            "checker missed {markdown:?}"
        );
    }
    let good = [
        "a \\<p\\> `<p>` <https://x.y> ``a`b`` \\`",
        "```text\n<p> `\n```",
        "- a\n  ````text\n  ```\n  ````",
        "``` `` ``` x",
    ];
    for markdown in good {
        assert_eq!(
            markdown_problems(markdown),
            Vec::<String>::new(),
            "{markdown:?}"
        );
    }
}

#[test]
fn every_official_documentation_string_converts_cleanly() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/models");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("SKIP: ../shared/models not found; official documentation strings not checked");
        return;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let model: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
        collect_docs(&model, &mut docs);
    }
    assert!(
        !docs.is_empty(),
        "no documentation strings in {}",
        dir.display()
    );

    let mut failures = Vec::new();
    for doc in &docs {
        let markdown = html_to_markdown(doc);
        let problems = markdown_problems(&markdown);
        if !problems.is_empty() {
            failures.push(format!(
                "{}\n  input: {doc:?}\n  output: {markdown:?}",
                problems.join("; ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} documentation strings converted badly:\n{}",
        failures.len(),
        docs.len(),
        failures.join("\n")
    );
}

/// Pieces that, shuffled together, make plenty of malformed and adversarial HTML.
const PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<code>",
    "</code>",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<ul>",
    "<ol>",
    "<li>",
    "</li>",
    "</ul>",
    "<pre>",
    "</pre>",
    "<note>",
    "</note>",
    "<dl><dt>",
    "<dd>",
    "<br/>",
    "<a href=\"https://example.com/x\">",
    "<a href=\"/rel\">",
    "<a>",
    "</a>",
    "<!--",
    "-->",
    "<client-id>",
    "&lt;",
    "&amp;",
    "&#96;",
    "&#",
    "&",
    "<",
    ">",
    "`",
    "``",
    "```",
    "*",
    "_",
    "[",
    "]",
    "#",
    "- ",
    "1. ",
    "\\",
    "~",
    " ",
    "\n",
    "https://example.com/",
    "word",
    "a_b",
];

proptest! {
    #[test]
    fn any_mix_of_pieces_gives_well_formed_markdown(
        picks in proptest::collection::vec(0..PIECES.len(), 0..40)
    ) {
        let html: String = picks.iter().map(|&i| PIECES[i]).collect();
        let markdown = html_to_markdown(&html);
        let problems = markdown_problems(&markdown);
        prop_assert!(problems.is_empty(), "{html:?} -> {markdown:?}: {problems:?}");
    }
}
