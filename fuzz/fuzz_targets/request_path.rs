//! Whole request path of the generated Cognito server (routing, content type, body limit,
//! parsing, validation, handler outcome, error writing) on structured arbitrary requests.
//! The body is shared with the stable smoke test in crates/server-tests; it panics when a
//! response is not a well-formed awsJson answer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The outcome only matters to the smoke test's coverage tally.
    let _ = ingot_server_tests::request_path::fuzz_one(data);
});
