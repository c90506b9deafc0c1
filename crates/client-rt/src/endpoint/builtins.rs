//! The parameters of one rule-set evaluation: the built-ins and client context parameters that
//! are fixed per client ([`BuiltIns`]), then what each call adds ([`EndpointCall`]).
//!
//! Precedence, lowest first, as the Smithy rules spec orders it: parameter default, built-in,
//! client context parameter, `@contextParam` / `operationContextParams`, `@staticContextParams`.

use std::collections::BTreeMap;

use super::{configured_endpoint_url, Params, RuleSet, Value};
use crate::config::Config;
use crate::service::ServiceInfo;

/// The built-ins this runtime provides, by their names in rule sets.
pub(crate) const REGION: &str = "AWS::Region";
pub(crate) const USE_FIPS: &str = "AWS::UseFIPS";
pub(crate) const USE_DUAL_STACK: &str = "AWS::UseDualStack";
pub(crate) const ENDPOINT: &str = "SDK::Endpoint";
pub(crate) const ACCOUNT_ID: &str = "AWS::Auth::AccountId";
pub(crate) const ACCOUNT_ID_ENDPOINT_MODE: &str = "AWS::Auth::AccountIdEndpointMode";

/// Every built-in a client fills; a rule set naming another one gets no value for it (the
/// generator warns about such models).
pub const SUPPORTED_BUILT_INS: &[&str] = &[
    REGION,
    USE_FIPS,
    USE_DUAL_STACK,
    ENDPOINT,
    ACCOUNT_ID,
    ACCOUNT_ID_ENDPOINT_MODE,
];

/// The parameters fixed for one client: built-ins from its [`Config`] (and the environment it
/// was read from) and its client context parameters. The account id is the exception: it comes
/// from the credentials of each call.
#[derive(Debug, Clone)]
pub struct BuiltIns {
    base: Params,
    /// The rule-set parameter bound to `AWS::Auth::AccountId`, if any.
    account_id_param: Option<String>,
}

impl BuiltIns {
    /// The parameters `config` gives `rules` for `service`.
    pub fn new(service: &ServiceInfo, config: &Config, rules: &RuleSet) -> Self {
        let no_env = |_: &str| None;
        let env: &dyn Fn(&str) -> Option<String> = match config.env() {
            Some(lookup) => lookup.as_ref(),
            None => &no_env,
        };
        let endpoint_url = configured_endpoint_url(service, config.endpoint_url(), env);
        let mut base = Params::default();
        let mut account_id_param = None;
        for p in rules.parameters() {
            let value = match p.built_in.as_deref() {
                Some(REGION) => config
                    .region()
                    .map(|r| Value::String(r.as_ref().trim().to_owned())),
                Some(USE_FIPS) => config.use_fips().map(Value::Bool),
                Some(USE_DUAL_STACK) => config.use_dual_stack().map(Value::Bool),
                Some(ENDPOINT) => endpoint_url.clone().map(Value::String),
                Some(ACCOUNT_ID_ENDPOINT_MODE) => Some(Value::String(
                    config
                        .account_id_endpoint_mode()
                        .unwrap_or(DEFAULT_ACCOUNT_ID_ENDPOINT_MODE)
                        .to_owned(),
                )),
                Some(ACCOUNT_ID) => {
                    account_id_param = Some(p.name.clone());
                    None
                }
                _ => None,
            };
            if let Some(value) = value {
                base.set(&p.name, value);
            }
        }
        // Client context parameters win over built-ins of the same name.
        let client_params: &BTreeMap<String, Value> = config.client_context_params();
        for p in rules.parameters() {
            if let Some(value) = client_params.get(&p.name) {
                base.set(&p.name, value.clone());
            }
        }
        Self {
            base,
            account_id_param,
        }
    }

    /// The client-wide parameters.
    pub fn params(&self) -> &Params {
        &self.base
    }

    /// The parameter that takes the caller's account id, when the rule set has one.
    pub fn account_id_param(&self) -> Option<&str> {
        self.account_id_param.as_deref()
    }

    /// The parameters of one call: these, with `account_id` and `call`'s values on top.
    pub fn with_call(&self, call: &EndpointCall, account_id: Option<&str>) -> Params {
        let mut params = self.base.clone();
        if let (Some(name), Some(id)) = (&self.account_id_param, account_id) {
            params.set(name, Value::String(id.to_owned()));
        }
        for (name, value) in &call.params {
            params.set(*name, value.clone());
        }
        params
    }
}

/// The AWS SDKs' default account-id endpoint mode.
pub(crate) const DEFAULT_ACCOUNT_ID_ENDPOINT_MODE: &str = "preferred";

/// What one call contributes to its endpoint: rule-set parameters from its input
/// (`@contextParam`, `smithy.rules#operationContextParams`) and its operation
/// (`@staticContextParams`), and the values of its `@hostLabel` members. Generated operations
/// build one per call; values set later win.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EndpointCall {
    params: Vec<(&'static str, Value)>,
    host_labels: Vec<(&'static str, String)>,
    discovery_ids: Vec<(&'static str, String)>,
}

impl EndpointCall {
    /// Nothing added: the client-wide parameters alone decide.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets rule-set parameter `name`.
    pub fn param(mut self, name: &'static str, value: Value) -> Self {
        self.params.push((name, value));
        self
    }

    /// Sets `name` when `value` is present (an unset input member leaves the parameter unset).
    pub fn param_opt(self, name: &'static str, value: Option<Value>) -> Self {
        match value {
            Some(value) => self.param(name, value),
            None => self,
        }
    }

    /// Gives host label `{name}` of the operation's host prefix its value.
    pub fn host_label(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.host_labels.push((name, value.into()));
        self
    }

    /// The host labels set.
    pub fn host_labels(&self) -> &[(&'static str, String)] {
        &self.host_labels
    }

    /// Adds an `@clientEndpointDiscoveryId` member's value: discovered endpoints are asked
    /// for, and cached, per set of these.
    pub fn discovery_id(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.discovery_ids.push((name, value.into()));
        self
    }

    /// Like [`Self::discovery_id`], for an optional member: unset adds nothing.
    pub fn discovery_id_opt(self, name: &'static str, value: Option<&str>) -> Self {
        match value {
            Some(value) => self.discovery_id(name, value),
            None => self,
        }
    }

    /// The discovery identifiers added so far.
    pub fn discovery_ids(&self) -> &[(&'static str, String)] {
        &self.discovery_ids
    }

    /// Whether the call adds no parameters (the client-wide ones are used as they are).
    pub fn has_params(&self) -> bool {
        !self.params.is_empty()
    }
}
