//! Cost of one endpoint resolution with the official Cognito and DynamoDB rule sets (read from
//! `../shared/models`; skipped with a notice when absent), plus parsing a rule set once.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use ingot_endpoint_rules::{Params, Partitions, RuleSet};

/// The model's `smithy.rules#endpointRuleSet` document.
fn rule_set_doc(file: &str) -> Option<serde_json::Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/models")
        .join(file);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("SKIP bench: {} is absent", path.display());
        return None;
    };
    let model: serde_json::Value = serde_json::from_str(&text).ok()?;
    model["shapes"]
        .as_object()?
        .values()
        .find_map(|s| s.get("traits")?.get("smithy.rules#endpointRuleSet"))
        .cloned()
}

fn bench(c: &mut Criterion) {
    let partitions = Partitions::builtin();
    let parse = |doc: &serde_json::Value| {
        RuleSet::from_json_value(doc).expect("the official rule set parses")
    };
    if let Some(doc) = rule_set_doc("cognito-identity-provider-2016-04-18.json") {
        let cognito = parse(&doc);
        let params = Params::new()
            .with("Region", "us-east-1")
            .with("UseFIPS", false)
            .with("UseDualStack", false);
        assert!(cognito.resolve(&params, partitions).is_ok());
        c.bench_function("resolve cognito us-east-1", |b| {
            b.iter(|| cognito.resolve(black_box(&params), partitions))
        });
        let fips = Params::new()
            .with("Region", "us-gov-west-1")
            .with("UseFIPS", true)
            .with("UseDualStack", true);
        assert!(cognito.resolve(&fips, partitions).is_ok());
        c.bench_function("resolve cognito us-gov-west-1 fips+dualstack", |b| {
            b.iter(|| cognito.resolve(black_box(&fips), partitions))
        });
    }
    if let Some(doc) = rule_set_doc("dynamodb-2012-08-10.json") {
        // Once per client: parsing and checking the rule set.
        c.bench_function("parse dynamodb rule set", |b| {
            b.iter(|| parse(black_box(&doc)))
        });
        let dynamodb = parse(&doc);
        let params = Params::new()
            .with("Region", "us-east-1")
            .with("UseFIPS", false)
            .with("UseDualStack", false);
        assert!(dynamodb.resolve(&params, partitions).is_ok());
        c.bench_function("resolve dynamodb us-east-1", |b| {
            b.iter(|| dynamodb.resolve(black_box(&params), partitions))
        });
        let account = params
            .clone()
            .with("AccountId", "111111111111")
            .with("AccountIdEndpointMode", "preferred");
        assert!(dynamodb.resolve(&account, partitions).is_ok());
        c.bench_function("resolve dynamodb us-east-1 account endpoint", |b| {
            b.iter(|| dynamodb.resolve(black_box(&account), partitions))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
