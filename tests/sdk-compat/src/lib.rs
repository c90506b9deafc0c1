//! Programs written against the official AWS SDK for Rust's documented API (`aws-sdk-dynamodb`,
//! `aws-sdk-cognitoidentityprovider`, `aws-config`), in the style of the SDK's own examples.
//!
//! The same source is built twice: by `../official/Cargo.toml` against the official crates and by
//! `../ingot/Cargo.toml` against the Ingot-generated ones, whose manifest differs only in the
//! `package =` renames of the two service crates. Every snippet is a small public function so the
//! compiler checks it in both builds; a subset is run against a local server by `bin/run.rs`,
//! which prints the same lines through either build.
//!
//! Only API a faithful clone can provide is used: no interceptors, orchestrator internals,
//! waiters, presigning or event streams.

pub mod cognito;
pub mod cognito_errors;
pub mod config;
pub mod dynamodb;
pub mod dynamodb_errors;
pub mod paginators;
