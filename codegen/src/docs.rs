//! Placeholder until the HTML converter lands: keeps text, drops tags.

/// Converts Smithy documentation (HTML in AWS models) to rustdoc Markdown.
pub fn html_to_markdown(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace(['[', ']'], "")
}
