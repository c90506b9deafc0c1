//! Test support for the generated Cognito client's integration tests and benchmark.
//!
//! The tests talk to a [`CaptureServer`] on 127.0.0.1 only: it records every request it gets and
//! answers from a script, so a test can check both what a client sent and how it read the answer.
//! No real code lives here; this crate exists for its `tests/` and `benches/`.

mod server;

pub use server::{CannedResponse, CaptureServer, CapturedRequest};
