//! `cognito-idp-local`: a local Amazon Cognito service answering `StopUserImportJob` from an
//! in-memory store, built on the Ingot-generated server (`cognitoidentityprovider-server`).
//!
//! Semantics follow Cognito: a job that is `Pending` or `InProgress` becomes `Stopped`, with
//! `CompletionDate` set to now and `CompletionMessage` "The Import Job was stopped by the
//! developer."; any other status gives `PreconditionNotMetException`; an unknown user pool or
//! job gives `ResourceNotFoundException`. Requests are checked in this order: protocol and
//! SigV4 (by the runtime), input validation (`InvalidParameterException`), the rate limit
//! (`--max-rps`, [`rate`]), injected [`fault`]s, then the [`store`].
//!
//! The binary is a thin shell over [`cli::Args`], [`seed::Seed::load`], [`app::service`] and
//! [`server::RunningServer`]; tests use the same pieces in-process.

pub mod app;
pub mod cli;
pub mod fault;
pub mod log;
pub mod rate;
pub mod seed;
pub mod server;
pub mod store;

pub use app::{service, Options};
pub use seed::Seed;
pub use server::RunningServer;
