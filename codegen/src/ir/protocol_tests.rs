//! The Smithy protocol compliance tests of a service (`smithy.test#httpRequestTests`,
//! `httpResponseTests`, `httpMalformedRequestTests`), lowered against the service's IR: every
//! case names its operation, the side it runs on, the HTTP message it expects or sends, and its
//! `params` as a typed value tree the emitter only prints.
//!
//! A case whose `params` do not fit the model (a member that does not exist, a value of the
//! wrong kind) is kept with the reason, so the emitted test fails naming it instead of the case
//! silently vanishing.

use heck::ToSnakeCase;
use serde_json::Value as Json;

use super::RustIdent;
use super::{NamedKind, OperationIr, ServiceIr, Ty, TyKind, TypeKind, TypePath};
use crate::index::ShapeIndex;
use crate::model::ShapeKind;

const REQUEST_TESTS: &str = "smithy.test#httpRequestTests";
const RESPONSE_TESTS: &str = "smithy.test#httpResponseTests";
const MALFORMED_TESTS: &str = "smithy.test#httpMalformedRequestTests";

/// Every compliance case of one service, in model order per shape, shapes sorted by id.
#[derive(Clone, Debug)]
pub struct ProtocolTests {
    /// The protocol trait's name, e.g. `awsJson1_0`.
    pub protocol: String,
    pub cases: Vec<TestCase>,
}

/// Which generated component a case exercises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Side {
    ClientRequest,
    ClientResponse,
    ServerRequest,
    ServerResponse,
    /// `httpMalformedRequestTests`: the server's answer to a bad request.
    Malformed,
}

impl Side {
    /// The label in test names and reports, e.g. `client-request`.
    pub fn label(self) -> &'static str {
        match self {
            Side::ClientRequest => "client-request",
            Side::ClientResponse => "client-response",
            Side::ServerRequest => "server-request",
            Side::ServerResponse => "server-response",
            Side::Malformed => "malformed-request",
        }
    }
}

/// One test to emit: a case on one side.
#[derive(Clone, Debug)]
pub struct TestCase {
    /// The case's `id` in the model.
    pub id: String,
    pub side: Side,
    /// The test function's name: `<side>_<id in snake case>`, unique in the service.
    pub fn_name: RustIdent,
    /// Index into [`ServiceIr::operations`].
    pub operation: usize,
    pub documentation: Option<String>,
    pub kind: CaseKind,
}

/// What the case checks.
#[derive(Clone, Debug)]
pub enum CaseKind {
    /// Client: build `input`, send, compare the request with `expected`. Server: parse
    /// `expected` as the request and compare the input with `input`.
    Request {
        expected: HttpMessage,
        input: Result<Value, String>,
    },
    /// Client: parse `expected` as the response and compare with `outcome`. Server: answer
    /// with `outcome` and compare the response with `expected`.
    Response {
        expected: HttpMessage,
        outcome: Result<Outcome, String>,
    },
    /// The server answers `request` with a response matching `expected`.
    Malformed {
        request: HttpMessage,
        expected: HttpMessage,
        /// `messageRegex` of the expected body (its `contents` is `expected.body`).
        body_regex: Option<String>,
    },
}

/// An HTTP request or response as a case writes it.
#[derive(Clone, Debug, Default)]
pub struct HttpMessage {
    pub method: Option<String>,
    pub uri: Option<String>,
    /// `host` of a request test (the endpoint the client is configured with).
    pub host: Option<String>,
    /// `resolvedHost`: the host the request must be sent to.
    pub resolved_host: Option<String>,
    pub code: Option<u16>,
    /// Header values as the case writes them (name as written).
    pub headers: Vec<(String, String)>,
    pub require_headers: Vec<String>,
    pub forbid_headers: Vec<String>,
    /// `None`: the body is not checked.
    pub body: Option<String>,
    pub body_media_type: Option<String>,
}

/// The typed result a response case stands for.
#[derive(Clone, Debug)]
pub enum Outcome {
    Output(Value),
    Error { error: TypePath, value: Value },
}

/// A `params` value, typed by the member it sets.
#[derive(Clone, Debug)]
pub enum Value {
    Bool(bool),
    /// An integer of the given kind (`Byte` .. `Long`), as written.
    Int(TyKind, i64),
    /// `Float` or `Double`: a finite number as written, or `NaN`, `Infinity`, `-Infinity`.
    Float(TyKind, String),
    String(String),
    Blob(Vec<u8>),
    /// Epoch seconds as written (exact decimal text).
    Timestamp(String),
    BigInteger(String),
    BigDecimal(String),
    /// A document, as JSON text.
    Document(String),
    Structure {
        path: TypePath,
        fallible: bool,
        members: Vec<(RustIdent, Value)>,
    },
    Union {
        path: TypePath,
        variant: RustIdent,
        /// `None` for a unit variant.
        value: Option<Box<Value>>,
        /// The variant holds its value in a `Box` (the shape recurses through it).
        boxed: bool,
    },
    Enum(TypePath, String),
    IntEnum(TypePath, i32),
    /// Items of a list; `None` is a null of a sparse list.
    List {
        sparse: bool,
        items: Vec<Option<Value>>,
    },
    /// Entries of a map; `None` is a null of a sparse map.
    Map {
        sparse: bool,
        entries: Vec<(Value, Option<Value>)>,
    },
}

impl Value {
    /// A float that is NaN somewhere inside: typed values holding one are compared through
    /// their JSON form, as NaN never equals itself.
    pub fn has_nan(&self) -> bool {
        match self {
            Value::Float(_, text) => text == "NaN",
            Value::Structure { members, .. } => members.iter().any(|(_, v)| v.has_nan()),
            Value::Union { value, .. } => value.as_ref().is_some_and(|v| v.has_nan()),
            Value::List { items, .. } => items.iter().flatten().any(Value::has_nan),
            Value::Map { entries, .. } => entries
                .iter()
                .filter_map(|(_, v)| v.as_ref())
                .any(Value::has_nan),
            _ => false,
        }
    }
}

/// Collects the compliance cases of `ir`'s service whose `protocol` is the service's.
pub fn lower(index: &ShapeIndex<'_>, ir: &ServiceIr) -> ProtocolTests {
    let protocol = protocol_name(ir.protocol.trait_id()).to_owned();
    let mut cases = Vec::new();
    for id in &index.closure {
        let shape = index.shape(id);
        let traits = &shape.traits.raw;
        match &shape.kind {
            ShapeKind::Operation(_) => {
                let Some(op) = ir.operations.iter().position(|o| o.name == id.name()) else {
                    continue;
                };
                for case in trait_cases(traits.get(REQUEST_TESTS), &protocol) {
                    request_cases(ir, op, case, &mut cases);
                }
                for case in trait_cases(traits.get(RESPONSE_TESTS), &protocol) {
                    response_cases(ir, op, None, case, &mut cases);
                }
                for case in trait_cases(traits.get(MALFORMED_TESTS), &protocol) {
                    malformed_cases(op, case, &mut cases);
                }
            }
            ShapeKind::Structure(_) if shape.traits.error.is_some() => {
                let Some(def) = ir.types.iter().find(|t| t.shape_id == id.as_str()) else {
                    continue;
                };
                // An error's cases run on the first operation (by name) that can return it.
                let Some(op) = ir
                    .operations
                    .iter()
                    .position(|o| o.errors.contains(&def.path))
                else {
                    continue;
                };
                for case in trait_cases(traits.get(RESPONSE_TESTS), &protocol) {
                    response_cases(ir, op, Some(&def.path), case, &mut cases);
                }
            }
            _ => {}
        }
    }
    cases.sort_by(|a, b| a.fn_name.cmp(&b.fn_name));
    ProtocolTests { protocol, cases }
}

/// `aws.protocols#awsJson1_0` or `awsJson1_0` -> `awsJson1_0`.
fn protocol_name(id: &str) -> &str {
    id.rsplit_once('#').map_or(id, |(_, name)| name)
}

/// The cases of one trait value written for `protocol`.
fn trait_cases<'j>(value: Option<&'j Json>, protocol: &str) -> Vec<&'j Json> {
    value
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .filter(|c| c.get("protocol").and_then(Json::as_str).map(protocol_name) == Some(protocol))
        .collect()
}

/// The sides a request or response case applies to (`appliesTo`, else both).
fn sides(case: &Json, client: Side, server: Side) -> Vec<Side> {
    match case.get("appliesTo").and_then(Json::as_str) {
        Some("client") => vec![client],
        Some("server") => vec![server],
        _ => vec![client, server],
    }
}

fn test_case(id: &str, side: Side, op: usize, case: &Json, kind: CaseKind) -> TestCase {
    let stem = format!("{}_{}", side.label(), id).to_snake_case();
    TestCase {
        id: id.to_owned(),
        side,
        fn_name: RustIdent {
            name: stem,
            raw: false,
        },
        operation: op,
        documentation: str_field(case, "documentation"),
        kind,
    }
}

fn request_cases(ir: &ServiceIr, op: usize, case: &Json, out: &mut Vec<TestCase>) {
    let id = str_field(case, "id").unwrap_or_default();
    let operation = &ir.operations[op];
    let expected = message(case);
    let input = params(ir, &operation.input, case);
    for side in sides(case, Side::ClientRequest, Side::ServerRequest) {
        let kind = CaseKind::Request {
            expected: expected.clone(),
            input: input.clone(),
        };
        out.push(test_case(&id, side, op, case, kind));
    }
}

fn response_cases(
    ir: &ServiceIr,
    op: usize,
    error: Option<&TypePath>,
    case: &Json,
    out: &mut Vec<TestCase>,
) {
    let id = str_field(case, "id").unwrap_or_default();
    let operation: &OperationIr = &ir.operations[op];
    let expected = message(case);
    let outcome = match error {
        Some(path) => params(ir, path, case).map(|value| Outcome::Error {
            error: path.clone(),
            value,
        }),
        None => params(ir, &operation.output, case).map(Outcome::Output),
    };
    for side in sides(case, Side::ClientResponse, Side::ServerResponse) {
        let kind = CaseKind::Response {
            expected: expected.clone(),
            outcome: outcome.clone(),
        };
        out.push(test_case(&id, side, op, case, kind));
    }
}

fn malformed_cases(op: usize, case: &Json, out: &mut Vec<TestCase>) {
    let id = str_field(case, "id").unwrap_or_default();
    let null = Json::Null;
    let request = message(case.get("request").unwrap_or(&null));
    let response = case.get("response").unwrap_or(&null);
    let mut expected = message(response);
    let body = response.get("body");
    let assertion = body.and_then(|b| b.get("assertion"));
    expected.body = assertion.and_then(|a| str_field(a, "contents"));
    expected.body_media_type = body.and_then(|b| str_field(b, "mediaType"));
    let body_regex = assertion.and_then(|a| str_field(a, "messageRegex"));
    // Parameterized cases (`testParameters`) expand into one test per parameter set.
    let sets = parameter_sets(case);
    for (n, set) in sets.iter().enumerate() {
        let subst = |m: &HttpMessage| substitute_message(m, set);
        let case_id = if sets.len() > 1 {
            format!("{id}_case{n}")
        } else {
            id.clone()
        };
        let kind = CaseKind::Malformed {
            request: subst(&request),
            expected: subst(&expected),
            body_regex: body_regex.as_deref().map(|r| substitute(r, set)),
        };
        out.push(test_case(&case_id, Side::Malformed, op, case, kind));
    }
}

/// `testParameters`: name -> values, all of one length; one set per index (one empty set
/// without parameters).
fn parameter_sets(case: &Json) -> Vec<Vec<(String, String)>> {
    let Some(params) = case.get("testParameters").and_then(Json::as_object) else {
        return vec![Vec::new()];
    };
    let len = params
        .values()
        .filter_map(Json::as_array)
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    (0..len)
        .map(|i| {
            params
                .iter()
                .filter_map(|(k, v)| {
                    let value = v.as_array()?.get(i)?.as_str()?;
                    Some((k.clone(), value.to_owned()))
                })
                .collect()
        })
        .collect()
}

fn substitute(text: &str, set: &[(String, String)]) -> String {
    set.iter().fold(text.to_owned(), |t, (k, v)| {
        t.replace(&format!("${{{k}}}"), v)
    })
}

fn substitute_message(m: &HttpMessage, set: &[(String, String)]) -> HttpMessage {
    let s = |t: &Option<String>| t.as_deref().map(|t| substitute(t, set));
    HttpMessage {
        method: s(&m.method),
        uri: s(&m.uri),
        host: s(&m.host),
        resolved_host: s(&m.resolved_host),
        code: m.code,
        headers: m
            .headers
            .iter()
            .map(|(k, v)| (k.clone(), substitute(v, set)))
            .collect(),
        require_headers: m.require_headers.clone(),
        forbid_headers: m.forbid_headers.clone(),
        body: s(&m.body),
        body_media_type: m.body_media_type.clone(),
    }
}

fn str_field(v: &Json, key: &str) -> Option<String> {
    v.get(key).and_then(Json::as_str).map(str::to_owned)
}

fn str_list(v: &Json, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .filter_map(Json::as_str)
        .map(str::to_owned)
        .collect()
}

fn message(v: &Json) -> HttpMessage {
    let mut headers: Vec<(String, String)> = v
        .get("headers")
        .and_then(Json::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
        .collect();
    headers.sort();
    HttpMessage {
        method: str_field(v, "method"),
        uri: str_field(v, "uri"),
        host: str_field(v, "host"),
        resolved_host: str_field(v, "resolvedHost"),
        code: v
            .get("code")
            .and_then(Json::as_u64)
            .and_then(|c| u16::try_from(c).ok()),
        headers,
        require_headers: str_list(v, "requireHeaders"),
        forbid_headers: str_list(v, "forbidHeaders"),
        body: str_field(v, "body"),
        body_media_type: str_field(v, "bodyMediaType"),
    }
}

/// The case's `params` as a value of the structure at `path`.
fn params(ir: &ServiceIr, path: &TypePath, case: &Json) -> Result<Value, String> {
    let empty = Json::Object(Default::default());
    let params = case.get("params").unwrap_or(&empty);
    let ty = Ty {
        kind: TyKind::Named(path.clone(), NamedKind::Structure),
        constraints: Default::default(),
    };
    value(ir, &ty, params, "params")
}

/// `json` as a value of type `ty`; `at` names the place for errors.
fn value(ir: &ServiceIr, ty: &Ty, json: &Json, at: &str) -> Result<Value, String> {
    let wrong = || format!("{at}: {json} is not a valid {:?} value", ty.kind);
    Ok(match &ty.kind {
        TyKind::Boolean => Value::Bool(json.as_bool().ok_or_else(wrong)?),
        TyKind::Byte | TyKind::Short | TyKind::Integer | TyKind::Long => {
            let n = json.as_i64().ok_or_else(wrong)?;
            let fits = match ty.kind {
                TyKind::Byte => i8::try_from(n).is_ok(),
                TyKind::Short => i16::try_from(n).is_ok(),
                TyKind::Integer => i32::try_from(n).is_ok(),
                _ => true,
            };
            if !fits {
                return Err(wrong());
            }
            Value::Int(ty.kind.clone(), n)
        }
        TyKind::Float | TyKind::Double => match json {
            Json::Number(n) => Value::Float(ty.kind.clone(), n.to_string()),
            Json::String(s) if matches!(s.as_str(), "NaN" | "Infinity" | "-Infinity") => {
                Value::Float(ty.kind.clone(), s.clone())
            }
            _ => return Err(wrong()),
        },
        TyKind::BigInteger | TyKind::BigDecimal => {
            let text = match json {
                Json::Number(n) => n.to_string(),
                Json::String(s) => s.clone(),
                _ => return Err(wrong()),
            };
            if ty.kind == TyKind::BigInteger {
                Value::BigInteger(text)
            } else {
                Value::BigDecimal(text)
            }
        }
        TyKind::String => Value::String(json.as_str().ok_or_else(wrong)?.to_owned()),
        // Smithy test params write blobs as their text, not base64.
        TyKind::Blob => Value::Blob(json.as_str().ok_or_else(wrong)?.as_bytes().to_vec()),
        TyKind::Timestamp(_) => match json {
            Json::Number(n) => Value::Timestamp(n.to_string()),
            _ => return Err(wrong()),
        },
        TyKind::Document => Value::Document(json.to_string()),
        TyKind::Unit => return Err(format!("{at}: a unit has no value")),
        TyKind::List { member, sparse } => {
            let items = json.as_array().ok_or_else(wrong)?;
            let items = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    if item.is_null() && *sparse {
                        Ok(None)
                    } else {
                        value(ir, member, item, &format!("{at}[{i}]")).map(Some)
                    }
                })
                .collect::<Result<_, _>>()?;
            Value::List {
                sparse: *sparse,
                items,
            }
        }
        TyKind::Map {
            key,
            value: v,
            sparse,
        } => {
            let entries = json.as_object().ok_or_else(wrong)?;
            let entries = entries
                .iter()
                .map(|(k, item)| {
                    let at = format!("{at}.{k}");
                    let key = value(ir, key, &Json::String(k.clone()), &at)?;
                    if item.is_null() && *sparse {
                        Ok((key, None))
                    } else {
                        Ok((key, Some(value(ir, v, item, &at)?)))
                    }
                })
                .collect::<Result<_, String>>()?;
            Value::Map {
                sparse: *sparse,
                entries,
            }
        }
        TyKind::Named(path, _) => {
            let def = ir
                .type_def(path)
                .ok_or_else(|| format!("{at}: type {} is not generated", path.name))?;
            match &def.kind {
                TypeKind::Enum(_) => {
                    Value::Enum(path.clone(), json.as_str().ok_or_else(wrong)?.to_owned())
                }
                TypeKind::IntEnum(_) => {
                    let n = json.as_i64().and_then(|n| i32::try_from(n).ok());
                    Value::IntEnum(path.clone(), n.ok_or_else(wrong)?)
                }
                TypeKind::Structure(s) => {
                    let object = json.as_object().ok_or_else(wrong)?;
                    let mut members = Vec::new();
                    for (key, item) in object {
                        let m = s
                            .members
                            .iter()
                            .find(|m| &m.wire_name == key)
                            .ok_or_else(|| format!("{at}: {} has no member `{key}`", path.name))?;
                        // A null sets nothing: the member keeps its default.
                        if item.is_null() {
                            continue;
                        }
                        let v = value(ir, &m.ty, item, &format!("{at}.{key}"))?;
                        members.push((m.rust_name.clone(), v));
                    }
                    Value::Structure {
                        path: path.clone(),
                        fallible: s.fallible_build,
                        members,
                    }
                }
                TypeKind::Union(variants) => {
                    let object = json.as_object().ok_or_else(wrong)?;
                    let [(key, item)] = object.iter().collect::<Vec<_>>()[..] else {
                        return Err(format!("{at}: a union value has exactly one member"));
                    };
                    let m = variants
                        .iter()
                        .find(|m| &m.wire_name == key)
                        .ok_or_else(|| format!("{at}: {} has no variant `{key}`", path.name))?;
                    let value = match m.ty.kind {
                        TyKind::Unit => None,
                        _ => Some(Box::new(value(ir, &m.ty, item, &format!("{at}.{key}"))?)),
                    };
                    Value::Union {
                        path: path.clone(),
                        variant: m.rust_name.clone(),
                        value,
                        boxed: m.boxed,
                    }
                }
            }
        }
    })
}
