//! Cost of one endpoint resolution with the official Cognito and DynamoDB rule sets (read from
//! `../shared/models`; skipped with a notice when absent), plus parsing a rule set once.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use ingot_endpoint_rules::{Params, Partitions, RuleSet};

fn rule_set(file: &str) -> Option<RuleSet> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/models")
        .join(file);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("SKIP bench: {} is absent", path.display());
        return None;
    };
    let model: serde_json::Value = serde_json::from_str(&text).ok()?;
    let rules = model["shapes"]
        .as_object()?
        .values()
        .find_map(|s| s.get("traits")?.get("smithy.rules#endpointRuleSet"))?;
    Some(RuleSet::from_json_value(rules).expect("the official rule set parses"))
}

fn bench(c: &mut Criterion) {
    let partitions = Partitions::builtin();
    if let Some(cognito) = rule_set("cognito-identity-provider-2016-04-18.json") {
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
    if let Some(dynamodb) = rule_set("dynamodb-2012-08-10.json") {
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
