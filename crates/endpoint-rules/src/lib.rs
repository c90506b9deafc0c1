//! A Smithy endpoint rules engine.
//!
//! Every AWS model carries its service's endpoint logic as data: the `smithy.rules#endpointRuleSet`
//! trait (a tree of rules over typed parameters) and its expected results
//! (`smithy.rules#endpointTests`). This crate parses the rule set **once** into a compact tree
//! (templates pre-split, functions resolved to an enum, variables resolved to slots) and evaluates
//! it per call without re-parsing.
//!
//! ```
//! use ingot_endpoint_rules::{Params, Partitions, RuleSet, Value};
//!
//! let rules = RuleSet::from_json_str(r#"{
//!     "version": "1.0",
//!     "parameters": { "Region": { "type": "string", "builtIn": "AWS::Region", "required": true } },
//!     "rules": [{
//!         "conditions": [{ "fn": "aws.partition", "argv": [{ "ref": "Region" }], "assign": "P" }],
//!         "endpoint": { "url": "https://svc.{Region}.{P#dnsSuffix}" },
//!         "type": "endpoint"
//!     }]
//! }"#).unwrap();
//! let params = Params::new().with("Region", Value::String("cn-north-1".into()));
//! let endpoint = rules.resolve(&params, Partitions::builtin()).unwrap();
//! assert_eq!(endpoint.url, "https://svc.cn-north-1.amazonaws.com.cn");
//! ```
//!
//! The AWS partition table (`aws.partition`) ships inside the crate ([`Partitions::builtin`]); a
//! newer table can be passed with [`Partitions::from_json_str`].
//!
//! # Design
//!
//! The rules are interpreted from the model's data rather than compiled into Rust: every AWS
//! model carries them, so one engine serves every service with no generated code per service.
//! Parsing does all the work that does not depend on the call (name resolution to slots,
//! template splitting, function dispatch, static type check; about 0.4 ms for DynamoDB's rule
//! set, once per client), leaving about 1–2 µs per resolution (criterion bench
//! `benches/resolve.rs`), which a client pays once per distinct [`Params`] when it caches
//! endpoints.
//!
//! Functions follow the Smithy rules-engine standard library (`isSet`, `not`, `booleanEquals`,
//! `stringEquals`, `getAttr`, `substring`, `uriEncode`, `parseURL`, `isValidHostLabel`,
//! `split`, `coalesce`, `ite`) and the AWS library (`aws.partition`, `aws.parseArn`,
//! `aws.isVirtualHostableS3Bucket`). A condition whose function returns none or `false` does not
//! hold; a tree rule whose conditions hold is terminal; rule exhaustion is an error.

mod endpoint;
mod error;
mod eval;
mod expr;
mod functions;
mod parse;
mod partitions;
mod ruleset;
mod template;
mod typecheck;
mod val;
mod value;

pub use endpoint::{AuthScheme, Endpoint};
pub use error::{PartitionsError, ResolveError, RuleSetError};
pub use partitions::Partitions;
pub use ruleset::{Deprecated, ParamType, Parameter, RuleSet};
pub use value::{Params, Value};
