//! The standard library and AWS functions as plain Rust functions over strings, booleans and
//! integers. The evaluator (`eval.rs`) dispatches to them; `isSet`, `not`, the equalities,
//! `getAttr`, `coalesce` and `ite` are a line each there.

mod arn;
mod host;
mod strings;
mod url;

pub(crate) use arn::parse_arn;
pub(crate) use host::{is_valid_host_label, is_virtual_hostable_s3_bucket};
pub(crate) use strings::{split, substring, uri_encode};
pub(crate) use url::parse_url;
