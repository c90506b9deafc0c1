//! Test support for the generated Cognito server: a canned service, one fuzz-able request model,
//! and the checks every response of the request path must pass.
//!
//! The same [`request_path::fuzz_one`] body runs under cargo-fuzz (`fuzz/`, nightly) and as a
//! seeded stable smoke test (`tests/request_path.rs`), so both exercise exactly the same code.

pub mod canned;
pub mod request_path;
