//! SigV4 `Authorization` parsing and verification on requests signed by the official signer and
//! mutated, assembled from near-valid parts, or arbitrary. The body is shared with the stable
//! test in crates/server-tests (`tests/sigv4_fuzz.rs`); it panics when verification panics or
//! breaks a property (see `ingot_server_tests::sigv4`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The verdict only matters to the stable test's coverage tally.
    let _ = ingot_server_tests::sigv4::fuzz_one(data);
});
