//! The AWS partition table behind `aws.partition`: which partition a region belongs to and
//! that partition's DNS suffixes and capabilities.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};

use serde_json::Value as Json;

use crate::error::PartitionsError;
use crate::val::Val;

/// The table the AWS SDKs embed (`partitions.json`, version 1.1), shipped with this crate.
const BUILTIN: &str = include_str!("../data/partitions.json");

/// A partition table, parsed once: explicit regions in a hash map, region patterns compiled.
#[derive(Debug)]
pub struct Partitions {
    /// Region name → its partition's outputs with the region's own overrides applied.
    regions: HashMap<String, Val>,
    /// `(regionRegex, outputs)` in table order.
    patterns: Vec<(regress::Regex, Val)>,
    /// The `aws` partition's outputs, for regions nothing else claims.
    fallback: Option<Val>,
}

impl Partitions {
    /// The partition table shipped with this crate, parsed on first use.
    pub fn builtin() -> &'static Partitions {
        static TABLE: OnceLock<Partitions> = OnceLock::new();
        TABLE.get_or_init(|| {
            // The shipped table is a constant checked by this crate's tests.
            Partitions::from_json_str(BUILTIN).expect("the shipped partition table parses")
        })
    }

    /// Parses a partition table in the `partitions.json` format (e.g. a newer one than the
    /// shipped table).
    pub fn from_json_str(json: &str) -> Result<Partitions, PartitionsError> {
        let err = |m: String| PartitionsError { message: m };
        let doc: Json = serde_json::from_str(json).map_err(|e| err(format!("not JSON: {e}")))?;
        let partitions = doc
            .get("partitions")
            .and_then(Json::as_array)
            .ok_or_else(|| err("expected a `partitions` array".into()))?;
        let mut table = Partitions {
            regions: HashMap::new(),
            patterns: Vec::new(),
            fallback: None,
        };
        for (i, p) in partitions.iter().enumerate() {
            let id = p
                .get("id")
                .and_then(Json::as_str)
                .ok_or_else(|| err(format!("partitions[{i}] has no `id`")))?;
            let outputs = p
                .get("outputs")
                .and_then(Json::as_object)
                .ok_or_else(|| err(format!("partition `{id}` has no `outputs` object")))?;
            let mut fields = BTreeMap::new();
            merge(&mut fields, outputs);
            let record = Val::Record(Arc::new(fields.clone()));
            let pattern = p
                .get("regionRegex")
                .and_then(Json::as_str)
                .ok_or_else(|| err(format!("partition `{id}` has no `regionRegex`")))?;
            let regex = regress::Regex::new(pattern).map_err(|e| {
                err(format!(
                    "partition `{id}`: bad regionRegex `{pattern}`: {e}"
                ))
            })?;
            if let Some(regions) = p.get("regions").and_then(Json::as_object) {
                for (region, overrides) in regions {
                    let entry = match overrides.as_object() {
                        Some(o) if o.keys().any(|k| k != "description") => {
                            let mut fields = fields.clone();
                            merge(&mut fields, o);
                            Val::Record(Arc::new(fields))
                        }
                        _ => record.clone(),
                    };
                    // The first partition listing a region wins, as in table order.
                    table.regions.entry(region.clone()).or_insert(entry);
                }
            }
            if id == "aws" {
                table.fallback = Some(record.clone());
            }
            table.patterns.push((regex, record));
        }
        Ok(table)
    }

    /// The partition record for `region`: the partition listing it, else the first whose
    /// `regionRegex` matches, else the `aws` partition (as the SDKs do for unknown regions).
    pub(crate) fn lookup(&self, region: &str) -> Option<Val> {
        if let Some(record) = self.regions.get(region) {
            return Some(record.clone());
        }
        self.patterns
            .iter()
            .find(|(regex, _)| regex.find(region).is_some())
            .map(|(_, record)| record.clone())
            .or_else(|| self.fallback.clone())
    }
}

/// Copies the output fields of `from` into `into` (strings and booleans; `description` is
/// documentation, not an output).
fn merge(into: &mut BTreeMap<String, Val>, from: &serde_json::Map<String, Json>) {
    for (k, v) in from {
        let v = match v {
            Json::String(s) => Val::Str(s.clone()),
            Json::Bool(b) => Val::Bool(*b),
            _ => continue,
        };
        if k != "description" {
            into.insert(k.clone(), v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::PathPart;

    fn attr(v: &Val, key: &str) -> Option<Val> {
        v.at(&[PathPart::Key(key.into())]).cloned()
    }

    #[test]
    fn builtin_table_resolves_listed_matched_and_unknown_regions() {
        let t = Partitions::builtin();
        let cn = t.lookup("cn-north-1").unwrap();
        assert_eq!(attr(&cn, "name"), Some(Val::Str("aws-cn".into())));
        assert_eq!(
            attr(&cn, "dnsSuffix"),
            Some(Val::Str("amazonaws.com.cn".into()))
        );
        assert_eq!(attr(&cn, "supportsFIPS"), Some(Val::Bool(true)));
        // Not listed, but the gov-cloud pattern matches.
        let gov = t.lookup("us-gov-central-9").unwrap();
        assert_eq!(attr(&gov, "name"), Some(Val::Str("aws-us-gov".into())));
        // Matches nothing: the aws partition.
        let other = t.lookup("mars-east-1").unwrap();
        assert_eq!(attr(&other, "name"), Some(Val::Str("aws".into())));
        assert_eq!(
            attr(&t.lookup("").unwrap(), "name"),
            Some(Val::Str("aws".into()))
        );
    }

    #[test]
    fn region_patterns_use_ecma_ascii_classes() {
        // `\w` in ECMA-262 is ASCII-only, so a non-ASCII letter does not match `us-gov-\w+-\d+`.
        let t = Partitions::builtin();
        assert_eq!(
            attr(&t.lookup("us-gov-wést-1").unwrap(), "name"),
            Some(Val::Str("aws".into()))
        );
        assert_eq!(
            attr(&t.lookup("eusc-de-east-2").unwrap(), "name"),
            Some(Val::Str("aws-eusc".into()))
        );
    }

    #[test]
    fn region_overrides_apply_and_custom_tables_parse() {
        let t = Partitions::from_json_str(
            r#"{"version":"1.1","partitions":[{"id":"aws","regionRegex":"^x-\\d$","outputs":{"name":"aws","dnsSuffix":"a.com","supportsFIPS":true},
                "regions":{"x-1":{"description":"one","supportsFIPS":false}}}]}"#,
        )
        .unwrap();
        assert_eq!(
            attr(&t.lookup("x-1").unwrap(), "supportsFIPS"),
            Some(Val::Bool(false))
        );
        assert_eq!(
            attr(&t.lookup("x-2").unwrap(), "supportsFIPS"),
            Some(Val::Bool(true))
        );
        assert!(Partitions::from_json_str("{}").is_err());
        assert!(Partitions::from_json_str(
            r#"{"partitions":[{"id":"a","outputs":{},"regionRegex":"("}]}"#
        )
        .is_err());
    }
}
