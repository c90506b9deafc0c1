use std::collections::BTreeSet;

use proptest::prelude::*;

use super::Pattern;

fn matches(source: &'static str, s: &str) -> bool {
    let p = Pattern::new(source);
    assert_eq!(p.compile_error(), None, "{source}");
    p.is_match(s)
}

#[test]
fn unanchored_like_ecma() {
    assert!(matches(r"\w+", "!hello!"));
    assert!(matches(r"\{####\}", "Your code is {####}."));
    assert!(!matches(r"\{####\}", "Your code is {###}."));
    assert!(!matches("^a$", "ba"));
}

#[test]
fn shorthands_are_ascii_only() {
    assert!(!matches(r"^\w$", "é"));
    assert!(matches(r"^\W$", "é"));
    assert!(!matches(r"^\d$", "٣")); // ARABIC-INDIC DIGIT THREE
    assert!(matches(r"^[\w]+$", "abc_123"));
    assert!(!matches(r"^[\w]+$", "abcé"));
    assert!(matches(r"^[^\w]$", "é"));
    assert!(matches(r"^[\W\d]+$", "é1"));
    // ASCII word boundaries: `é` is not a word character in ECMA.
    assert!(matches(r"\bx", "éx"));
    assert!(matches(r"a\b", "aé"));
    assert!(!matches(r"a\B", "aé"));
}

#[test]
fn whitespace_and_dot_like_ecma() {
    assert!(matches(r"^\s$", "\u{feff}"));
    assert!(!matches(r"^\s$", "\u{85}"));
    assert!(matches(r"^[\s]$", "\u{3000}"));
    assert!(matches(r"^[\S]+$", "a\u{85}"));
    assert!(!matches("^.$", "\r"));
    assert!(!matches("^.$", "\u{2028}"));
    assert!(matches("^.$", "é"));
    assert!(matches("(?s)^.$", "\n"));
}

#[test]
fn annex_b_literals() {
    assert!(matches("^[A-Za-z0-9-_=.]+$", "a-_=."));
    assert!(!matches("^[A-Za-z0-9-_=.]+$", "a+"));
    assert!(matches(r"^[\w-]+$", "a-b"));
    assert!(matches(r"^[\d-z]+$", "1-z"));
    assert!(!matches(r"^[\d-z]+$", "y"));
    assert!(matches("^a{2}$", "aa"));
    assert!(matches("^a{,}$", "a{,}"));
    assert!(matches("^x}]$", "x}]"));
    assert!(matches(r"^\/\:$", "/:"));
    assert!(matches(r"^\u0041\x42\u{1F600}\uD83D\uDE00\cJ$", "AB😀😀\n"));
    assert!(matches("^[&&~~-]+$", "&~-"));
    assert!(matches("^[[:]+$", "[:"));
    assert!(!matches("[]", "anything"));
    assert!(matches("^[^]$", "\n"));
    assert!(matches(r"^[\b]$", "\u{8}"));
    assert!(matches(r"^\c1$", "\\c1"));
    assert!(matches(r"^[\c]+$", "c\\"));
}

#[test]
fn lookaround_and_backreferences_use_fancy_regex() {
    let bucket = Pattern::new(r"^[0-9A-Za-z\.\-_]*(?<!\.)$");
    assert_eq!(bucket.compile_error(), None);
    assert!(bucket.is_match("my-bucket.name"));
    assert!(!bucket.is_match("my-bucket."));
    assert!(matches(r"^(\w)\1$", "aa"));
    assert!(!matches(r"^(\w)\1$", "ab"));
    assert!(matches(r"^(?<c>x)\k<c>$", "xx"));
    assert!(matches(r"^a(?=b)", "ab"));
    assert!(matches(r"(?<!a)\bx", "éx"));
    assert!(!matches(r"(?<!a)\bx", "ax"));
    assert!(!matches(r"^a(?!b)", "ab"));
}

#[test]
fn uncompilable_patterns_match_everything_and_say_why() {
    for source in ["[z-a]", "(", r"\uD800", "a{2,1}", r"\p{NoSuchProperty}"] {
        let p = Pattern::new(source);
        let reason = p.compile_error().map(str::to_owned);
        assert!(
            reason.as_deref().is_some_and(|r| r.contains(source)),
            "{source}: {reason:?}"
        );
        assert!(p.is_match("anything"), "{source}");
    }
}

#[test]
fn usable_in_a_static() {
    static EMAIL_ISH: Pattern =
        Pattern::new(r"^[\p{L}\p{M}\p{S}\p{N}\p{P}]+@[\p{L}\p{M}\p{S}\p{N}\p{P}]+$");
    assert_eq!(
        EMAIL_ISH.source(),
        r"^[\p{L}\p{M}\p{S}\p{N}\p{P}]+@[\p{L}\p{M}\p{S}\p{N}\p{P}]+$"
    );
    assert!(EMAIL_ISH.is_match("José@exämple.com"));
    assert!(!EMAIL_ISH.is_match("no at sign"));
    assert_eq!(
        format!("{:?}", EMAIL_ISH.clone()),
        format!("Pattern({:?})", EMAIL_ISH.source())
    );
}

/// Every `smithy.api#pattern` value in the Cognito model, with the number of occurrences.
fn cognito_patterns() -> Option<Vec<String>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/models/cognito-identity-provider-2016-04-18.json"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("NOTICE: {path} not found; skipping the Cognito pattern test");
        return None;
    };
    let model: serde_json::Value = serde_json::from_str(&text).ok()?;
    let mut found = Vec::new();
    collect_patterns(&model, &mut found);
    Some(found)
}

fn collect_patterns(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("smithy.api#pattern", serde_json::Value::String(p)) => out.push(p.clone()),
                    _ => collect_patterns(value, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect_patterns(i, out)),
        _ => {}
    }
}

#[test]
fn every_cognito_pattern_compiles() {
    let Some(patterns) = cognito_patterns() else {
        return;
    };
    assert_eq!(patterns.len(), 56);
    let unique: BTreeSet<String> = patterns.into_iter().collect();
    for source in unique {
        // Pattern::new wants 'static, like generated statics; leaking a few test strings is fine.
        let p = Pattern::new(Box::leak(source.into_boxed_str()));
        assert_eq!(p.compile_error(), None);
        // Exercise matching too, so a lazily failing engine would show up here.
        let _ = p.is_match("example-value_123");
    }
}

#[test]
fn cognito_patterns_mean_what_they_say() {
    let cases: [(&'static str, &str, bool); 10] = [
        (r"^[\w+=,.@-]+$", "user+tag@example.com", true),
        (r"^[\w+=,.@-]+$", "üser", false),
        (r"^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$", "Pässwörd!1", true),
        (r"^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$", "has space", false),
        (r"^[\S]+$", "no-space", true),
        (r"^[\S]+$", "a b", false),
        (r"^[0-9A-Za-z\.\-_]*(?<!\.)$", "", true),
        (r"^[\x21\x23-\x5B\x5D-\x7E]+$", "abc\"", false),
        ("^(?s)", "anything\nat all", true),
        (
            r"^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$",
            "my-domain",
            true,
        ),
    ];
    for (source, input, want) in cases {
        assert_eq!(matches(source, input), want, "{source} on {input:?}");
    }
}

proptest! {
    #[test]
    fn ascii_word_class_agrees_with_ecma(c in any::<char>()) {
        let ecma_word = c.is_ascii_alphanumeric() || c == '_';
        prop_assert_eq!(matches(r"^\w$", &c.to_string()), ecma_word);
        prop_assert_eq!(matches(r"^[^\W]$", &c.to_string()), ecma_word);
        prop_assert_eq!(matches(r"^\d$", &c.to_string()), c.is_ascii_digit());
    }

    #[test]
    fn translated_literals_match_themselves(s in "[ -~]{1,12}") {
        // Printable ASCII text with every punctuation character escaped (an ECMA identity
        // escape) matches itself.
        let escaped: String = s
            .chars()
            .flat_map(|c| if c.is_ascii_punctuation() { vec!['\\', c] } else { vec![c] })
            .collect();
        let source: &'static str = Box::leak(format!("^{escaped}$").into_boxed_str());
        let p = Pattern::new(source);
        prop_assert_eq!(p.compile_error(), None);
        prop_assert!(p.is_match(&s), "{} on {:?}", source, s);
    }

    #[test]
    fn never_panics(source in "\\PC{0,16}", input in "\\PC{0,16}") {
        let p = Pattern::new(Box::leak(source.into_boxed_str()));
        let _ = p.is_match(&input);
    }
}

/// Word-boundary patterns compiled by both engines (once: compiling per case is slow).
static BOUNDARY_PAIRS: std::sync::LazyLock<Vec<(regex::Regex, fancy_regex::Regex)>> =
    std::sync::LazyLock::new(|| {
        use super::translate::{translate, Engine};
        [r"\b", r"\B", r"\b\w", r"\w\B.", r"[^\w]\b"]
            .into_iter()
            .map(|source| {
                let plain = regex::Regex::new(&translate(source, Engine::Regex).unwrap());
                let fancy = fancy_regex::Regex::new(&translate(source, Engine::Fancy).unwrap());
                (plain.unwrap(), fancy.unwrap())
            })
            .collect()
    });

proptest! {
    /// Both engines' spellings of ECMA word boundaries agree on any text.
    #[test]
    fn word_boundaries_agree_across_engines(input in "[a-c_é1 .]{0,8}") {
        for (plain, fancy) in BOUNDARY_PAIRS.iter() {
            let plain_spans: Vec<_> = plain.find_iter(&input).map(|m| m.range()).collect();
            let fancy_spans: Vec<_> = fancy.find_iter(&input).map(|m| m.unwrap().range()).collect();
            prop_assert_eq!(plain_spans, fancy_spans, "{} on {:?}", plain.as_str(), input);
        }
    }
}
