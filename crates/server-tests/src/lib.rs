//! Test support for the generated Cognito server: a canned service, one fuzz-able request model,
//! and the checks every response of the request path must pass; and the SigV4 verifier's fuzz
//! body.
//!
//! The same [`request_path::fuzz_one`] and [`sigv4::fuzz_one`] bodies run under cargo-fuzz
//! (`fuzz/`, nightly) and as seeded stable smoke tests (`tests/request_path.rs`,
//! `tests/sigv4_fuzz.rs`), so both exercise exactly the same code.

pub mod canned;
pub mod request_path;
pub mod sigv4;
