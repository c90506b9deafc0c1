//! Ingot code generator.
