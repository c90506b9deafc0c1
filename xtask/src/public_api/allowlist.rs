//! The allow-list of SDK items a faithful clone does not provide, each with its reason.
//!
//! Format: one entry per line, `PATTERN  # reason`; `*` in PATTERN matches any text (`::`
//! included); blank lines and lines starting with `#` are comments. A pattern matches an item's
//! path (`operation::get_item::GetItemError::meta`), or its `kind path` text when the pattern
//! starts with a kind and a space (`impl *: Intercept`). `{op}` stands for the operation module
//! of the item's `operation::<op>` path and `{Op}` for its UpperCamelCase name, so
//! `type operation::{op}::{Op}` means each operation's own struct and nothing else.

use super::listing::{Item, KINDS};

#[derive(Debug)]
pub struct Entry {
    pub line: usize,
    pub pattern: String,
    pub reason: String,
}

pub fn parse(text: &str) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((pattern, reason)) = line.split_once(" #") else {
            return Err(format!(
                "allow-list line {}: `{line}` has no `# reason`",
                i + 1
            ));
        };
        let (pattern, reason) = (pattern.trim(), reason.trim());
        if reason.is_empty() || pattern.is_empty() {
            return Err(format!(
                "allow-list line {}: a pattern and a reason are both needed",
                i + 1
            ));
        }
        entries.push(Entry {
            line: i + 1,
            pattern: pattern.to_owned(),
            reason: reason.to_owned(),
        });
    }
    Ok(entries)
}

impl Entry {
    pub fn matches(&self, item: &Item) -> bool {
        let pattern = if self.pattern.contains("{op}") || self.pattern.contains("{Op}") {
            let Some(op) = operation_of(&item.path) else {
                return false;
            };
            // The SDK names an operation's own types after the operation as written
            // (`GetCSVHeader` in `operation::get_csv_header`), so `{Op}` takes the item's
            // spelling when it is the operation's name in any letter case.
            let camel = upper_camel(op);
            let own = item
                .path
                .split("::")
                .nth(2)
                .map(|s| s.split_once(": ").map_or(s, |(ty, _)| ty))
                .filter(|s| s.eq_ignore_ascii_case(&camel))
                .unwrap_or(&camel);
            self.pattern.replace("{op}", op).replace("{Op}", own)
        } else {
            self.pattern.clone()
        };
        let kinded = pattern
            .split_once(' ')
            .is_some_and(|(kind, _)| KINDS.contains(&kind));
        if kinded {
            glob(&pattern, &item.to_string())
        } else {
            glob(&pattern, &item.path)
        }
    }
}

/// `get_item` of `operation::get_item::...`.
fn operation_of(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("operation::")?;
    Some(rest.split("::").next().unwrap_or(rest))
}

fn upper_camel(snake: &str) -> String {
    snake
        .split('_')
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// `*`-only wildcard match over chars (no byte slicing of the subject).
pub fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    // Classic two-pointer match with backtracking to the last `*`.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && p[pi] != '*' && p[pi] == t[ti] {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob("config::*", "config::Builder::new"));
        assert!(glob("*::waiters::*", "client::waiters::table_exists"));
        assert!(glob("a*c", "abbbc"));
        assert!(!glob("a*c", "abbbd"));
        assert!(glob("*", ""));
        assert!(glob("é*✓", "éa✓"));
        assert!(!glob("config::*", "configs::x"));
    }

    #[test]
    fn lines_need_reasons() {
        assert!(parse("config::* # interceptors").is_ok());
        assert!(parse("config::*").is_err());
        assert!(parse("config::* #   ").is_err());
        let entries = parse("# comment\n\nimpl *: Intercept # no interceptors\n").unwrap();
        assert_eq!(entries.len(), 1);
        assert!(entries[0].matches(&Item {
            kind: "impl",
            path: "Foo: Intercept".into()
        }));
        assert!(!entries[0].matches(&Item {
            kind: "method",
            path: "Foo: Intercept".into()
        }));
        let op = parse("type operation::{op}::{Op} # the operation struct").unwrap();
        let item = |path: &str| Item {
            kind: "type",
            path: path.into(),
        };
        assert!(op[0].matches(&item("operation::get_item::GetItem")));
        assert!(op[0].matches(&item("operation::get_csv_header::GetCSVHeader")));
        assert!(!op[0].matches(&item("operation::get_csv_header::GetCSVHeaderError")));
        let traits = parse("impl operation::{op}::{Op}: * # its traits").unwrap();
        assert!(traits[0].matches(&Item {
            kind: "impl",
            path: "operation::get_csv_header::GetCSVHeader: Clone".into()
        }));
        assert!(!op[0].matches(&item("operation::get_item::GetItemInput")));
        assert!(!op[0].matches(&item("operation::get_item::PutItem")));
        assert!(!op[0].matches(&item("types::GetItem")));
        let path_only = parse("types::Foo: Debug # why").unwrap();
        assert!(path_only[0].matches(&Item {
            kind: "impl",
            path: "types::Foo: Debug".into()
        }));
    }
}
