//! Runs a model's `smithy.rules#endpointTests` against a generated client. Generated client
//! crates carry their model's cases as data (`tests/endpoint_tests.json`) and a test that calls
//! [`run`]; each case is checked through the client's own parameter building.
//!
//! A case with `operationInputs` configures a client with the case's `builtInParams` and
//! `clientParams`, builds the named operation's input from `operationParams`, and resolves with
//! the parameters the client would send that call with. A case without them resolves its
//! `params` directly. Either way the expected URL, headers and properties, or the expected
//! error message, must match exactly.

use std::fmt;
use std::time::SystemTime;

use serde_json::{Map, Value as Json};

use super::{builtins, Params, Partitions, RuleSet, Value};
use crate::client::Client;
use crate::config::Config;
use crate::endpoint::EndpointCall;
use crate::service::{OperationInfo, ServiceInfo};
use crate::Credentials;

/// Builds the call of one operation from its input as JSON (the case's `operationParams`):
/// `(operation name, input JSON) -> (operation, call)`.
pub type OperationCalls<'a> =
    dyn Fn(&str, &str) -> Result<(&'static OperationInfo, EndpointCall), String> + 'a;

/// How the cases went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Cases in the model.
    pub total: usize,
    /// Cases that matched.
    pub passed: usize,
    /// What went wrong in each failed case.
    pub failures: Vec<String>,
}

impl Outcome {
    /// Every case passed.
    pub fn all_passed(&self) -> bool {
        self.failures.is_empty() && self.passed == self.total
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{} endpoint test cases passed",
            self.passed, self.total
        )?;
        for failure in &self.failures {
            write!(f, "\n  FAILED {failure}")?;
        }
        Ok(())
    }
}

/// Runs every case of `cases` (the `smithy.rules#endpointTests` trait value as JSON) against
/// `service`'s rule set; `operations` builds the calls of `operationInputs`.
pub fn run(service: &'static ServiceInfo, cases: &str, operations: &OperationCalls<'_>) -> Outcome {
    let mut outcome = Outcome::default();
    let fail = |outcome: &mut Outcome, why: String| outcome.failures.push(why);
    let cases: Json = match serde_json::from_str(cases) {
        Ok(cases) => cases,
        Err(e) => {
            fail(&mut outcome, format!("the test cases are not JSON: {e}"));
            return outcome;
        }
    };
    let Some(json) = service.endpoint_rule_set else {
        fail(
            &mut outcome,
            format!("{} has no endpoint rule set", service.sdk_id),
        );
        return outcome;
    };
    let rules = match RuleSet::from_json_str(json) {
        Ok(rules) => rules,
        Err(e) => {
            fail(&mut outcome, format!("the rule set is invalid: {e}"));
            return outcome;
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            fail(&mut outcome, format!("no runtime: {e}"));
            return outcome;
        }
    };
    let list = cases
        .get("testCases")
        .and_then(Json::as_array)
        .map_or(&[][..], Vec::as_slice);
    outcome.total = list.len();
    for (i, case) in list.iter().enumerate() {
        let name = case
            .get("documentation")
            .and_then(Json::as_str)
            .unwrap_or("(undocumented)");
        let result = match case.get("operationInputs").and_then(Json::as_array) {
            Some(inputs) => inputs.iter().try_for_each(|input| {
                let params = runtime.block_on(operation_params(service, input, operations))?;
                check(&rules, &params, case)
            }),
            None => json_params(case.get("params")).and_then(|p| check(&rules, &p, case)),
        };
        match result {
            Ok(()) => outcome.passed += 1,
            Err(why) => fail(&mut outcome, format!("case {i} ({name}): {why}")),
        }
    }
    outcome
}

/// The parameters a client configured as `input` says sends its operation with.
async fn operation_params(
    service: &'static ServiceInfo,
    input: &Json,
    operations: &OperationCalls<'_>,
) -> Result<Params, String> {
    let empty = Map::new();
    let object = |key: &str| input.get(key).and_then(Json::as_object).unwrap_or(&empty);
    let mut config = Config::builder().fixed_signing_time(SystemTime::UNIX_EPOCH);
    let mut credentials = Credentials::builder()
        .access_key_id("AKIDTEST")
        .secret_access_key("SECRETTEST")
        .provider_name("endpoint tests");
    for (name, value) in object("builtInParams") {
        let string = || {
            value
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("built-in {name} is not a string"))
        };
        let flag = || {
            value
                .as_bool()
                .ok_or_else(|| format!("built-in {name} is not a boolean"))
        };
        config = match name.as_str() {
            builtins::REGION => config.region(crate::Region::new(string()?)),
            builtins::USE_FIPS => config.use_fips(flag()?),
            builtins::USE_DUAL_STACK => config.use_dual_stack(flag()?),
            builtins::ENDPOINT => config.endpoint_url(string()?),
            builtins::ACCOUNT_ID_ENDPOINT_MODE => config.account_id_endpoint_mode(string()?),
            builtins::ACCOUNT_ID => {
                credentials = credentials.account_id(string()?);
                config
            }
            other => return Err(format!("built-in {other} is not supported")),
        };
    }
    for (name, value) in object("clientParams") {
        config = config.client_context_param(name.clone(), to_value(name, value)?);
    }
    let config = config.credentials_provider(credentials.build()).build();
    let client = Client::new(service, config);
    let operation = input
        .get("operationName")
        .and_then(Json::as_str)
        .ok_or("an operation input without operationName")?;
    let op_input = input
        .get("operationParams")
        .map_or_else(|| "{}".to_owned(), Json::to_string);
    let (op, call) = operations(operation, &op_input)?;
    client
        .endpoint_params(op, &call)
        .await
        .map_err(|e| format!("building the parameters of {operation} failed: {e}"))
}

fn json_params(params: Option<&Json>) -> Result<Params, String> {
    let mut out = Params::default();
    if let Some(map) = params.and_then(Json::as_object) {
        for (name, value) in map {
            out.set(name, to_value(name, value)?);
        }
    }
    Ok(out)
}

fn to_value(name: &str, value: &Json) -> Result<Value, String> {
    match value {
        Json::String(s) => Ok(Value::String(s.clone())),
        Json::Bool(b) => Ok(Value::Bool(*b)),
        Json::Array(items) => items
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .map(Value::StringArray)
            .ok_or_else(|| format!("parameter {name}: only arrays of strings are supported")),
        other => Err(format!("parameter {name}: unsupported value {other}")),
    }
}

/// Resolves `params` and compares with the case's `expect`.
fn check(rules: &RuleSet, params: &Params, case: &Json) -> Result<(), String> {
    let expect = case.get("expect").ok_or("no `expect`")?;
    let result = rules.resolve(params, Partitions::builtin());
    if let Some(error) = expect.get("error").and_then(Json::as_str) {
        return match result {
            Err(e) if e.to_string() == error => Ok(()),
            Err(e) => Err(format!(
                "expected error {error:?}, got error {:?}",
                e.to_string()
            )),
            Ok(endpoint) => Err(format!("expected error {error:?}, got {}", endpoint.url)),
        };
    }
    let expected = expect
        .get("endpoint")
        .ok_or("`expect` has neither error nor endpoint")?;
    let endpoint =
        result.map_err(|e| format!("expected an endpoint, got error {:?}", e.to_string()))?;
    let url = expected
        .get("url")
        .and_then(Json::as_str)
        .unwrap_or_default();
    if endpoint.url != url {
        return Err(format!("expected URL {url}, got {}", endpoint.url));
    }
    let empty = Json::Object(Map::new());
    let headers = serde_json::to_value(&endpoint.headers).map_err(|e| e.to_string())?;
    let expected_headers = expected.get("headers").unwrap_or(&empty);
    if &headers != expected_headers {
        return Err(format!(
            "expected headers {expected_headers}, got {headers}"
        ));
    }
    let properties = Json::Object(endpoint.properties.clone());
    let expected_properties = expected.get("properties").unwrap_or(&empty);
    if &properties != expected_properties {
        return Err(format!(
            "expected properties {expected_properties}, got {properties}"
        ));
    }
    Ok(())
}
