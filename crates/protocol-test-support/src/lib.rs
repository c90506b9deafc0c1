//! Helpers of the Smithy protocol compliance tests Ingot generates (`cargo xtask compliance`).
//!
//! Generated tests stay small: they build typed values from a case's `params` and hand the
//! HTTP side to these helpers. Clients talk to a loopback [`FakeServer`] that records each
//! request and answers with a canned response; servers are called in-process through their
//! `tower::Service` ([`call`]). [`check_message`] compares what was seen with what the case
//! expects and panics listing every difference.

mod check;
mod json;
mod server;

pub use check::{check_body_regex, check_message, Expected, Seen};
pub use json::{assert_json_eq, json_eq};
pub use server::{call, client_config, request, Canned, FakeServer, Slot};
