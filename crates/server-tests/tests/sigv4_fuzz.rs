//! The libFuzzer-free run of the `sigv4` fuzz target: seeded random inputs through the exact
//! fuzz body (`ingot_server_tests::sigv4::fuzz_one`), which panics when verification panics or
//! breaks a property. It must reach acceptance and every rejection kind, or it tests little.

use std::collections::BTreeMap;

use arbitrary::Unstructured;
use ingot_server_tests::sigv4::{fuzz_one, SigV4Case, Verdict};

#[test]
fn sigv4_fuzz_body_over_seeded_inputs() {
    let mut rng = fastrand::Rng::with_seed(0x5167_0004);
    let mut verdicts: BTreeMap<Verdict, usize> = BTreeMap::new();
    let mut refused = 0usize;
    let mut must_accept = 0usize;
    for _ in 0..4_000 {
        let len = rng.usize(0..320);
        let data: Vec<u8> = std::iter::repeat_with(|| rng.u8(..)).take(len).collect();
        let case = SigV4Case::decode(&mut Unstructured::new(&data));
        must_accept += usize::from(case.is_ok_and(|c| c.must_accept.is_some()));
        match fuzz_one(&data) {
            Some(verdict) => *verdicts.entry(verdict).or_default() += 1,
            None => refused += 1,
        }
    }
    eprintln!("verdicts {verdicts:?}, refused by http {refused}, must accept {must_accept}");
    // The differential property (intact aws-sigv4 signatures are accepted) was really exercised.
    assert!(
        must_accept > 200,
        "only {must_accept} intact signed requests"
    );
    let accepted = |akid: &str| verdicts.get(&Verdict::Accepted(akid.to_owned())).copied();
    assert!(accepted("AKIDEXAMPLE").is_some(), "{verdicts:?}");
    assert!(accepted("AKIDOTHER").is_some(), "{verdicts:?}");
    for name in [
        "MissingAuthenticationTokenException",
        "IncompleteSignatureException",
        "UnrecognizedClientException",
        "InvalidSignatureException",
    ] {
        assert!(
            verdicts.contains_key(&Verdict::Rejected(name)),
            "{name} never reached: {verdicts:?}, refused {refused}"
        );
    }
    assert!(
        refused < 1_500,
        "too many inputs refused by http: {refused}"
    );
}

/// Inputs cargo-fuzz found, kept as regressions of the fuzz body.
#[test]
fn inputs_found_by_cargo_fuzz_pass() {
    // Request target `*`: signed by aws-sigv4 as the URL's path `/`, so not the same request;
    // the body no longer expects it to be accepted.
    assert!(fuzz_one(&[0x2a, 0x45, 0x2a, 0x45]).is_some());
    // Request target `//`, signed as `/` because the signer (like every AWS SDK) normalizes the
    // path: the verifier used to sign `//` as is and refuse it.
    assert_eq!(
        fuzz_one(&[0xcc, 0x09, 0x2f, 0x2f, 0xf9, 0x02]),
        Some(Verdict::Accepted("AKIDEXAMPLE".to_owned()))
    );
    // A signed header whose value is a tab: SigV4 trims spaces only, the verifier trimmed all
    // ASCII whitespace.
    assert_eq!(
        fuzz_one(&[0x6c, 0x40, 0x40, 0x40, 0x40, 0x09, 0x73, 0x73, 0x74, 0x74]),
        Some(Verdict::Accepted("AKIDEXAMPLE".to_owned()))
    );
    // Queries with `+` (a space to aws-sigv4, a plus to the verifier): outside the property.
    for data in [
        &[
            0x3a, 0x3b, 0x2f, 0x3f, 0x2d, 0x2f, 0x2d, 0x3b, 0x2b, 0x59, 0xbc,
        ][..],
        &[
            0x3c, 0x3b, 0x2f, 0x3b, 0x76, 0x2f, 0x2f, 0x3f, 0x2f, 0x2b, 0x80, 0x08,
        ],
    ] {
        assert!(fuzz_one(data).is_some());
    }
}
