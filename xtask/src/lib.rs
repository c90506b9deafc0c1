//! `cargo xtask`: the only code in the workspace that reads models from disk and writes
//! `generated/`. The generator itself (`ingot-codegen`) does no I/O.

pub mod bench;
pub mod compliance;
pub mod gen;
pub mod moto;
pub mod public_api;
pub mod sdk_compat;
pub mod test;
pub mod venv;
