//! Turns the parsed HTML tree into Markdown blocks (paragraphs, lists, code blocks) and prints
//! them.

use super::html::{Element, Node};
use super::inline::{longest_run, split_edges, Inline};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// Finished inline Markdown; lines joined by hard breaks.
    Paragraph(String),
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    /// Preformatted text shown verbatim.
    Code(String),
}

/// How an element takes part in layout.
enum Role {
    /// Rendered inside the surrounding paragraph.
    Inline,
    /// Ends the surrounding paragraph; its content forms blocks of its own.
    Container,
    List {
        ordered: bool,
    },
    StrayItem,
    Definitions,
    Pre,
    Callout(&'static str),
}

fn role(name: &str) -> Role {
    match name {
        "ul" => Role::List { ordered: false },
        "ol" => Role::List { ordered: true },
        // A stray item outside a list still reads best as a list item.
        "li" => Role::StrayItem,
        "dl" => Role::Definitions,
        "pre" => Role::Pre,
        "note" => Role::Callout("Note"),
        "important" => Role::Callout("Important"),
        "p" | "div" | "dt" | "dd" | "blockquote" | "section" | "article" | "header" | "footer"
        | "nav" | "main" | "aside" | "body" | "html" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        | "table" | "thead" | "tbody" | "tfoot" | "tr" | "caption" | "hr" | "center" => {
            Role::Container
        }
        _ => Role::Inline,
    }
}

/// Converts a sequence of sibling nodes into blocks; runs of inline content become paragraphs.
pub(crate) fn blocks(nodes: &[Node]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut paragraph = Inline::default();
    for node in nodes {
        let element = match node {
            Node::Text(text) => {
                paragraph.text(text);
                continue;
            }
            Node::Element(element) => element,
        };
        let role = role(&element.name);
        if let Role::Inline = role {
            inline(element, &mut paragraph);
            continue;
        }
        flush(&mut paragraph, &mut out);
        match role {
            Role::Inline => {}
            Role::Container => out.extend(blocks(&element.children)),
            Role::List { ordered } => out.extend(list(ordered, &element.children)),
            Role::StrayItem => out.extend(list(false, std::slice::from_ref(node))),
            Role::Definitions => out.extend(definitions(&element.children)),
            Role::Pre => out.extend(pre(&element.text_content())),
            Role::Callout(label) => out.extend(callout(label, &element.children)),
        }
    }
    flush(&mut paragraph, &mut out);
    out
}

fn flush(paragraph: &mut Inline, out: &mut Vec<Block>) {
    let text = std::mem::take(paragraph).finish();
    if !text.is_empty() {
        out.push(Block::Paragraph(text));
    }
}

/// Renders an element inside a paragraph.
fn inline(element: &Element, out: &mut Inline) {
    match element.name.as_str() {
        "b" | "strong" => emphasis("**", element, out),
        "i" | "em" => emphasis("*", element, out),
        "code" | "tt" | "kbd" | "samp" => out.code(&element.text_content()),
        "a" => link(element, out),
        "br" => out.hard_break(),
        // Table cells, and block content misplaced inside inline markup, are kept apart by spaces.
        name if !matches!(role(name), Role::Inline) || matches!(name, "td" | "th") => {
            out.space();
            children_inline(&element.children, out);
            out.space();
        }
        _ => children_inline(&element.children, out),
    }
}

fn children_inline(nodes: &[Node], out: &mut Inline) {
    for node in nodes {
        match node {
            Node::Text(text) => out.text(text),
            Node::Element(element) => inline(element, out),
        }
    }
}

fn emphasis(marker: &str, element: &Element, out: &mut Inline) {
    let mut content = out.nested();
    children_inline(&element.children, &mut content);
    let content = content.into_fragment();
    let (lead, inner, trail) = split_edges(&content);
    out.edge(lead);
    if !inner.is_empty() {
        out.raw(&format!("{marker}{inner}{marker}"));
    }
    out.edge(trail);
}

/// `<a href>` becomes a Markdown link when the target is absolute; relative targets point into
/// AWS's website layout and would break in rustdoc, so only their text is kept. `<a>` without a
/// target names an API member in AWS docs: shown as code.
fn link(element: &Element, out: &mut Inline) {
    let Some(href) = element.attr("href") else {
        out.code(&element.text_content());
        return;
    };
    let href = href.trim();
    if out.is_in_link() || !is_absolute(href) {
        children_inline(&element.children, out);
        return;
    }
    let mut text = Inline::in_link();
    children_inline(&element.children, &mut text);
    let destination = link_destination(href);
    let text = text.into_fragment();
    let (lead, label, trail) = split_edges(&text);
    out.edge(lead);
    if label.is_empty() || label == href {
        out.raw(&format!("<{destination}>"));
    } else {
        out.raw(&format!("[{label}]({destination})"));
    }
    out.edge(trail);
}

fn is_absolute(href: &str) -> bool {
    ["https://", "http://", "mailto:"].iter().any(|scheme| {
        href.get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
    })
}

/// Percent-encodes what would end or confuse a link destination or autolink.
fn link_destination(href: &str) -> String {
    let mut out = String::with_capacity(href.len());
    for c in href.chars() {
        match c {
            ' ' | '(' | ')' | '<' | '>' | '`' | '"' | '\\' | '[' | ']' => {
                out.push_str(&format!("%{:02X}", u32::from(c)));
            }
            c if c.is_control() || c.is_whitespace() => {
                let mut buf = [0u8; 4];
                for byte in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// A list from the children of `<ul>`/`<ol>`; content outside `<li>` becomes an item of its own.
fn list(ordered: bool, children: &[Node]) -> Option<Block> {
    let mut items = Vec::new();
    let mut loose: Vec<Node> = Vec::new();
    for child in children {
        match child {
            Node::Element(e) if e.name == "li" => {
                push_item(&mut items, blocks(&loose));
                loose.clear();
                push_item(&mut items, blocks(&e.children));
            }
            other => loose.push(other.clone()),
        }
    }
    push_item(&mut items, blocks(&loose));
    (!items.is_empty()).then_some(Block::List { ordered, items })
}

fn push_item(items: &mut Vec<Vec<Block>>, item: Vec<Block>) {
    if !item.is_empty() {
        items.push(item);
    }
}

/// `<dl>` as a bullet list: each term starts an item holding the term and its definitions.
fn definitions(children: &[Node]) -> Option<Block> {
    let mut items: Vec<Vec<Block>> = Vec::new();
    let mut current: Vec<Block> = Vec::new();
    for child in children {
        let starts_item = matches!(child, Node::Element(e) if e.name == "dt");
        if starts_item && !current.is_empty() {
            items.push(std::mem::take(&mut current));
        }
        let content = match child {
            Node::Element(e) if matches!(e.name.as_str(), "dt" | "dd") => blocks(&e.children),
            other => blocks(std::slice::from_ref(other)),
        };
        current.extend(content);
    }
    push_item(&mut items, current);
    (!items.is_empty()).then_some(Block::List {
        ordered: false,
        items,
    })
}

/// Preformatted text: the newline after `<pre>` is not content (as in HTML), trailing blank
/// lines and common indentation are layout of the model file.
fn pre(text: &str) -> Option<Block> {
    let text = text
        .strip_prefix("\r\n")
        .or_else(|| text.strip_prefix('\n'))
        .unwrap_or(text);
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let first = lines.iter().position(|l| !l.is_empty())?;
    let last = lines.iter().rposition(|l| !l.is_empty())?;
    let lines = &lines[first..=last];
    let indent = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let body: Vec<&str> = lines
        .iter()
        .map(|l| l.get(indent..).unwrap_or(""))
        .collect();
    Some(Block::Code(body.join("\n")))
}

/// `<note>`/`<important>`: the content with its first paragraph labelled.
fn callout(label: &str, children: &[Node]) -> Vec<Block> {
    let mut content = blocks(children);
    let prefix = format!("**{label}:**");
    match content.first_mut() {
        Some(Block::Paragraph(first)) => *first = format!("{prefix} {first}"),
        Some(_) => content.insert(0, Block::Paragraph(prefix)),
        None => {}
    }
    content
}

/// Prints blocks separated by blank lines.
pub(crate) fn print(blocks: &[Block]) -> String {
    let mut lines = Vec::new();
    print_into(blocks, false, &mut lines);
    lines.join("\n")
}

/// Appends the lines of `blocks`. Inside a list item a nested list follows its paragraph
/// directly, which keeps simple nested lists tight.
fn print_into(blocks: &[Block], in_item: bool, lines: &mut Vec<String>) {
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 && !(in_item && matches!(block, Block::List { .. })) {
            lines.push(String::new());
        }
        match block {
            Block::Paragraph(text) => lines.extend(text.lines().map(str::to_owned)),
            Block::Code(code) => {
                let fence = "`".repeat(3.max(longest_run(code, '`') + 1));
                lines.push(format!("{fence}text"));
                lines.extend(code.lines().map(str::to_owned));
                lines.push(fence);
            }
            Block::List { ordered, items } => print_list(*ordered, items, lines),
        }
    }
}

fn print_list(ordered: bool, items: &[Vec<Block>], lines: &mut Vec<String>) {
    let rendered: Vec<Vec<String>> = items
        .iter()
        .map(|item| {
            let mut item_lines = Vec::new();
            print_into(item, true, &mut item_lines);
            item_lines
        })
        .collect();
    // Items with several blocks make the list loose; blank lines between items then read better.
    let loose = rendered
        .iter()
        .any(|item| item.iter().any(String::is_empty));
    for (n, item) in rendered.iter().enumerate() {
        if n > 0 && loose {
            lines.push(String::new());
        }
        let marker = if ordered {
            format!("{}. ", n + 1)
        } else {
            "- ".to_owned()
        };
        let indent = " ".repeat(marker.len());
        for (i, line) in item.iter().enumerate() {
            lines.push(match (i, line.is_empty()) {
                (0, _) => format!("{marker}{line}").trim_end().to_owned(),
                (_, true) => String::new(),
                (_, false) => format!("{indent}{line}"),
            });
        }
    }
}
