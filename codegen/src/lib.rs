//! Ingot code generator.

pub mod docs;
