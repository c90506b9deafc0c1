//! The parsed rule set and its parameters: the public face of the engine.

use crate::error::{ResolveError, RuleSetError};
use crate::eval;
use crate::expr::Rule;
use crate::partitions::Partitions;
use crate::value::{Params, Value};
use crate::Endpoint;

/// The type of a rule-set parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParamType {
    /// `string`
    String,
    /// `boolean`
    Boolean,
    /// `stringArray`
    StringArray,
}

impl ParamType {
    /// Whether `value` is of this type.
    pub fn accepts(self, value: &Value) -> bool {
        matches!(
            (self, value),
            (ParamType::String, Value::String(_))
                | (ParamType::Boolean, Value::Bool(_))
                | (ParamType::StringArray, Value::StringArray(_))
        )
    }

    /// The type's name in the rule set (`string`, `boolean`, `stringArray`).
    pub fn as_str(self) -> &'static str {
        match self {
            ParamType::String => "string",
            ParamType::Boolean => "boolean",
            ParamType::StringArray => "stringArray",
        }
    }
}

/// A parameter's `deprecated` object.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Deprecated {
    /// What to use instead.
    pub message: Option<String>,
    /// When it was deprecated (a date string).
    pub since: Option<String>,
}

/// One parameter of a rule set, as declared.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Parameter {
    /// The parameter's name, e.g. `Region` (what [`Params`] keys on).
    pub name: String,
    /// Its type.
    pub ty: ParamType,
    /// The built-in it is bound to, e.g. `AWS::Region`, `AWS::UseFIPS`, `SDK::Endpoint`.
    pub built_in: Option<String>,
    /// Resolution fails when the parameter is unset and has no default.
    pub required: bool,
    /// The value used when the caller leaves the parameter unset.
    pub default: Option<Value>,
    /// The parameter's documentation.
    pub documentation: Option<String>,
    /// Set when the parameter is deprecated.
    pub deprecated: Option<Deprecated>,
}

/// A parsed `smithy.rules#endpointRuleSet` (rules engine versions 1.0 to 1.3).
///
/// Parsing validates the whole rule set (types of parameters and defaults, function names and
/// arities, references to parameters and assigned variables in scope, templates, and the static
/// types of function arguments, template insertions, URLs, headers and error messages), so
/// [`RuleSet::resolve`] only evaluates. Resolution never panics, whatever the rule set or
/// parameters.
#[derive(Clone, Debug)]
pub struct RuleSet {
    pub(crate) version: String,
    pub(crate) parameters: Vec<Parameter>,
    pub(crate) rules: Vec<Rule>,
    /// Parameters take slots `0..parameters.len()`, each `assign` its own slot after them.
    pub(crate) slot_count: usize,
}

impl RuleSet {
    /// Parses the trait value given as JSON text.
    pub fn from_json_str(json: &str) -> Result<RuleSet, RuleSetError> {
        let value: serde_json::Value = serde_json::from_str(json)
            .map_err(|e| RuleSetError::new("", format!("not JSON: {e}")))?;
        Self::from_json_value(&value)
    }

    /// Parses the trait value (the JSON document of `smithy.rules#endpointRuleSet`).
    pub fn from_json_value(value: &serde_json::Value) -> Result<RuleSet, RuleSetError> {
        crate::parse::rule_set(value)
    }

    /// The rule set's declared parameters, in name order.
    pub fn parameters(&self) -> &[Parameter] {
        &self.parameters
    }

    /// The parameter named `name`.
    pub fn parameter(&self, name: &str) -> Option<&Parameter> {
        self.parameters.iter().find(|p| p.name == name)
    }

    /// The parameter bound to the built-in `built_in` (e.g. `AWS::Region`, `SDK::Endpoint`).
    pub fn parameter_for_built_in(&self, built_in: &str) -> Option<&Parameter> {
        self.parameters
            .iter()
            .find(|p| p.built_in.as_deref() == Some(built_in))
    }

    /// The rules engine version the rule set declares (e.g. `1.0`).
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Evaluates the rules for `params`, looking partitions up in `partitions`.
    ///
    /// Unset parameters take their defaults; a required parameter that is still unset, or a
    /// parameter of the wrong type, is an error. An `error` rule that matches gives an error whose
    /// message is the rule's (see [`ResolveError::is_rule_error`]).
    pub fn resolve(
        &self,
        params: &Params,
        partitions: &Partitions,
    ) -> Result<Endpoint, ResolveError> {
        eval::resolve(self, params, partitions)
    }
}
