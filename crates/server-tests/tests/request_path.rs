//! The request path never panics and always answers a well-formed awsJson response, for
//! arbitrary methods, paths, headers and bodies (proptest), and for the cargo-fuzz body run over
//! a seeded corpus (the stable stand-in for `cargo fuzz run request_path`).

use std::collections::BTreeMap;

use ingot_server_tests::canned;
use ingot_server_tests::request_path::{fuzz_one, FuzzRequest, Harness, BODY_LIMIT};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

fn method() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just("POST".to_owned()),
        1 => Just("GET".to_owned()),
        1 => "[A-Za-z0-9!#$%&'*+.^_`|~-]{0,10}",
        1 => any::<String>(),
    ]
}

fn uri() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just("/".to_owned()),
        1 => "/[ -~]{0,16}",
        1 => any::<String>(),
    ]
}

fn header_value(known: &'static str) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => Just(known.as_bytes().to_vec()),
        1 => vec(any::<u8>(), 0..40),
        1 => "[ -~]{0,40}".prop_map(String::into_bytes),
    ]
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    let member = prop_oneof![
        "\"[ -~]{0,60}\"",
        "\"us-east-1_[a-zA-Z0-9]{0,50}\"",
        "\"import-[a-zA-Z0-9-]{0,50}\"",
        Just("null".to_owned()),
        any::<i64>().prop_map(|n| n.to_string()),
        Just("[]".to_owned()),
        Just("{}".to_owned()),
    ];
    prop_oneof![
        2 => (member.clone(), member).prop_map(|(pool, job)| {
            format!("{{\"UserPoolId\":{pool},\"JobId\":{job}}}").into_bytes()
        }),
        1 => Just(canned::VALID_BODY.as_bytes().to_vec()),
        1 => vec(any::<u8>(), 0..300),
        1 => "[ -~]{0,100}".prop_map(String::into_bytes),
        1 => Just(vec![b' '; BODY_LIMIT + 1]),
    ]
}

prop_compose! {
    fn request()(
        method in method(),
        uri in uri(),
        target in option::weighted(0.9, header_value(canned::TARGET)),
        content_type in option::weighted(0.9, header_value(canned::CONTENT_TYPE)),
        extra in vec(("[a-zA-Z0-9-]{1,20}", vec(any::<u8>(), 0..30)), 0..3),
        body in body(),
    ) -> FuzzRequest {
        let mut headers = Vec::new();
        if let Some(target) = target {
            headers.push(("X-Amz-Target".to_owned(), target));
        }
        if let Some(content_type) = content_type {
            headers.push(("Content-Type".to_owned(), content_type));
        }
        headers.extend(extra);
        FuzzRequest { method, uri, headers, body }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn request_path_never_panics_and_answers_well_formed(request in request()) {
        let harness = Harness::new();
        harness.run(&request).map_err(TestCaseError::fail)?;
    }
}

/// The libFuzzer-free smoke run of the `request_path` fuzz target: 20 000 seeded random inputs
/// through the exact fuzz body. It must reach every kind of answer, or it tests little.
#[test]
fn fuzz_body_smoke_over_seeded_corpus() {
    let mut rng = fastrand::Rng::with_seed(0x1260_7e57);
    let mut outcomes: BTreeMap<(u16, String), usize> = BTreeMap::new();
    let mut refused = 0usize;
    for _ in 0..20_000 {
        let len = rng.usize(0..256);
        let data: Vec<u8> = std::iter::repeat_with(|| rng.u8(..)).take(len).collect();
        match fuzz_one(&data) {
            Some(outcome) => {
                let name = outcome.error_type.unwrap_or_else(|| "OK".to_owned());
                *outcomes.entry((outcome.status, name)).or_default() += 1;
            }
            None => refused += 1,
        }
    }
    let reached: Vec<(u16, &str)> = outcomes.keys().map(|(s, n)| (*s, n.as_str())).collect();
    for expected in [
        (200, "OK"),
        (400, "UnknownOperationException"),
        (404, "UnknownOperationException"),
        (405, "MethodNotAllowedException"),
        (413, "RequestEntityTooLargeException"),
        (415, "UnsupportedMediaTypeException"),
        (400, "SerializationException"),
        // Constraint violations (Coral style) and the handler's modeled errors.
        (400, "InvalidParameterException"),
        (400, "NotAuthorizedException"),
        (400, "PreconditionNotMetException"),
        (400, "ResourceNotFoundException"),
        (400, "TooManyRequestsException"),
        (500, "InternalErrorException"),
    ] {
        assert!(
            reached.contains(&expected),
            "{expected:?} never reached; outcomes {outcomes:?}, refused {refused}"
        );
    }
    // Only an unparsable method or URI is refused; each is arbitrary in 1 input of 10.
    assert!(
        refused < 4_000,
        "too many inputs refused by http: {refused}"
    );
}
