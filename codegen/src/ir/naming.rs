//! Every Rust name the generator emits is decided here: case conversion (heck), keyword escaping,
//! names our own API reserves, and deterministic resolution of collisions.

use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::BTreeSet;
use std::fmt;

/// A Rust identifier, already escaped; `raw` means it must be printed as `r#name`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RustIdent {
    pub name: String,
    pub raw: bool,
}

impl RustIdent {
    fn plain(name: String) -> Self {
        RustIdent { name, raw: false }
    }
}

impl fmt::Display for RustIdent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.raw {
            f.write_str("r#")?;
        }
        f.write_str(&self.name)
    }
}

/// Keywords of every edition up to 2024 (generated crates are 2021, but a keyword reserved later
/// is escaped too so the output survives an edition bump).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop",
    "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "static",
    "struct", "trait", "true", "try", "type", "typeof", "union", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers; they get a trailing underscore instead.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "extern", "_"];

/// Word-splitting fixes heck cannot know: `IPv4` is one word, not `I` + `Pv4`, and a plural
/// acronym (`URLs`, `ARNs`, `IDs`) is one word, not `UR` + `Ls`.
fn normalize(name: &str) -> String {
    let name = name.replace("IPv4", "Ipv4").replace("IPv6", "Ipv6");
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        let plural = run >= 2
            && chars.get(i + run) == Some(&'s')
            && chars
                .get(i + run + 1)
                .is_none_or(|c| !c.is_ascii_lowercase());
        if plural {
            out.push(chars[i]);
            out.extend(chars[i + 1..i + run].iter().map(char::to_ascii_lowercase));
            out.push('s');
            i += run + 1;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Escapes a candidate identifier.
fn escape(name: String) -> RustIdent {
    if name.is_empty() {
        return RustIdent::plain("_empty".to_owned());
    }
    if NOT_RAW.contains(&name.as_str()) {
        return RustIdent::plain(format!("{name}_"));
    }
    if name.as_bytes()[0].is_ascii_digit() {
        return RustIdent::plain(format!("_{name}"));
    }
    let raw = KEYWORDS.contains(&name.as_str());
    RustIdent { name, raw }
}

/// A type name: `UserImportJobType`, `IAMUser` -> `IamUser`.
pub fn type_name(shape_name: &str) -> RustIdent {
    escape(normalize(shape_name).to_upper_camel_case())
}

/// A struct field or builder method name: `UserPoolId` -> `user_pool_id`, `type` -> `r#type`.
/// `build` is reserved by builders and becomes `build_value`.
pub fn field_name(member: &str) -> RustIdent {
    let snake = normalize(member).to_snake_case();
    match snake.as_str() {
        "build" => RustIdent::plain("build_value".to_owned()),
        // The accessor would clash with the structure's own `builder()` (smithy-rs renames alike).
        "builder" => RustIdent::plain("builder_value".to_owned()),
        _ => escape(snake),
    }
}

/// An enum or union variant: `IN_PROGRESS` -> `InProgress`; `Unknown` is ours and becomes
/// `UnknownValue`.
pub fn variant_name(member: &str) -> RustIdent {
    let camel = normalize(member).to_upper_camel_case();
    match camel.as_str() {
        "Unknown" => RustIdent::plain("UnknownValue".to_owned()),
        _ => escape(camel),
    }
}

/// A function or module name for an operation: `StopUserImportJob` -> `stop_user_import_job`.
pub fn fn_name(operation: &str) -> RustIdent {
    field_name(operation)
}

/// The stem of an operation's own types: its shape name as written when that is an ASCII
/// upper-camel name (the SDK keeps acronyms there: `GetCSVHeader`), else `type_base`, the
/// normalized type name.
pub fn operation_type_stem(shape_name: &str, type_base: &str) -> String {
    let plain = shape_name.starts_with(|c: char| c.is_ascii_uppercase())
        && shape_name.chars().all(|c| c.is_ascii_alphanumeric());
    if plain { shape_name } else { type_base }.to_owned()
}

/// A crate name part, by the AWS SDK for Rust's rule (`aws-sdk-<this>`): the sdkId lower-cased
/// without its spaces, dashes and underscores. `Cognito Identity Provider` ->
/// `cognitoidentityprovider`, `DynamoDB` -> `dynamodb`.
pub fn crate_base(sdk_id: &str) -> String {
    sdk_id
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a [`crate_base`] result makes valid crate names (and, with `-` as `_`, Rust paths):
/// an ASCII lower-case letter first, then ASCII lower-case letters, digits and single `-`.
pub fn usable_crate_base(base: &str) -> bool {
    base.starts_with(|c: char| c.is_ascii_lowercase())
        && !base.ends_with('-')
        && !base.contains("--")
        && base
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The `AWS_ENDPOINT_URL_<NAME>` suffix: sdkId upper-cased with spaces as underscores.
pub fn env_name(sdk_id: &str) -> String {
    sdk_id.trim().replace([' ', '-'], "_").to_ascii_uppercase()
}

/// Makes `names` unique in order: a later duplicate gets `_2`, `_3`, ... (`2`, `3` for types) so
/// the result depends only on the input order, which callers keep deterministic.
pub fn dedupe(names: Vec<RustIdent>, type_like: bool) -> Vec<RustIdent> {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    names
        .into_iter()
        .map(|ident| {
            if taken.insert(ident.name.to_ascii_lowercase()) {
                return ident;
            }
            let sep = if type_like { "" } else { "_" };
            let mut n = 2;
            loop {
                let candidate = format!("{}{sep}{n}", ident.name);
                if taken.insert(candidate.to_ascii_lowercase()) {
                    return RustIdent::plain(candidate);
                }
                n += 1;
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn naming_table() {
        let cases: &[(&str, &str, &str, &str)] = &[
            // member,            field,               variant,          type
            ("UserPoolId", "user_pool_id", "UserPoolId", "UserPoolId"),
            ("IAMUser", "iam_user", "IamUser", "IamUser"),
            ("CNAMEPrefix", "cname_prefix", "CnamePrefix", "CnamePrefix"),
            ("IPv4Address", "ipv4_address", "Ipv4Address", "Ipv4Address"),
            (
                "CallbackURLs",
                "callback_urls",
                "CallbackUrls",
                "CallbackUrls",
            ),
            ("LogoutURLs", "logout_urls", "LogoutUrls", "LogoutUrls"),
            ("UserPoolIDs", "user_pool_ids", "UserPoolIds", "UserPoolIds"),
            ("ARNsForX", "arns_for_x", "ArnsForX", "ArnsForX"),
            ("IsUS", "is_us", "IsUs", "IsUs"),
            ("IN_PROGRESS", "in_progress", "InProgress", "InProgress"),
            ("type", "r#type", "Type", "Type"),
            ("match", "r#match", "Match", "Match"),
            ("self", "self_", "Self_", "Self_"),
            ("Self", "self_", "Self_", "Self_"),
            ("crate", "crate_", "Crate", "Crate"),
            ("super", "super_", "Super", "Super"),
            ("gen", "r#gen", "Gen", "Gen"),
            ("async", "r#async", "Async", "Async"),
            ("build", "build_value", "Build", "Build"),
            ("Builder", "builder_value", "Builder", "Builder"),
            ("Unknown", "unknown", "UnknownValue", "Unknown"),
            ("_1", "_1", "_1", "_1"),
        ];
        for (member, field, variant, ty) in cases {
            assert_eq!(field_name(member).to_string(), *field, "field for {member}");
            assert_eq!(
                variant_name(member).to_string(),
                *variant,
                "variant for {member}"
            );
            assert_eq!(type_name(member).to_string(), *ty, "type for {member}");
        }
    }

    #[test]
    fn crate_and_env_names() {
        assert_eq!(
            crate_base("Cognito Identity Provider"),
            "cognitoidentityprovider"
        );
        assert_eq!(crate_base("DynamoDB"), "dynamodb");
        assert_eq!(crate_base("Route 53 Domains"), "route53domains");
        assert_eq!(crate_base("SSO-OIDC"), "ssooidc");
        assert!(!usable_crate_base(&crate_base("Ünïcode")));
        assert_eq!(
            env_name("Cognito Identity Provider"),
            "COGNITO_IDENTITY_PROVIDER"
        );
    }

    #[test]
    fn operation_type_stems_keep_acronyms_as_the_sdk() {
        assert_eq!(
            operation_type_stem("AdminSetUserMFAPreference", "AdminSetUserMfaPreference"),
            "AdminSetUserMFAPreference"
        );
        assert_eq!(
            operation_type_stem("GetCSVHeader", "GetCsvHeader"),
            "GetCSVHeader"
        );
        assert_eq!(operation_type_stem("get_thing", "GetThing"), "GetThing");
        assert_eq!(operation_type_stem("Ünï", "Uni"), "Uni");
    }

    #[test]
    fn collisions_resolve_in_order() {
        let names = vec![
            field_name("fooBar"),
            field_name("foo_bar"),
            field_name("FooBar"),
        ];
        let out: Vec<String> = dedupe(names, false)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(out, ["foo_bar", "foo_bar_2", "foo_bar_3"]);
        let types: Vec<String> = dedupe(vec![type_name("A_b"), type_name("AB")], true)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(types, ["AB", "Ab2"]);
    }
}
