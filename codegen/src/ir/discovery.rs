//! Endpoint discovery: `aws.api#clientEndpointDiscovery` on the service (which operation
//! discovers endpoints, which error invalidates one), `aws.api#clientDiscoveredEndpoint` on
//! operations and `aws.api#clientEndpointDiscoveryId` on their input members, resolved against
//! the generated types here so the emitter only reads. The runtime keeps the cache.
//!
//! A discovery operation whose shapes do not fit (an `Endpoints` list of structures with a
//! string `Address` and a long `CachePeriodInMinutes`) is a warning, and the operations then use
//! their resolved endpoint: never silent.

use serde_json::Value;

use super::endpoint::Report;
use super::lower::resolve_path;
use super::{NamedKind, OperationIr, PathStep, RustIdent, Ty, TyKind, TypeDef, TypeKind, TypePath};
use crate::model::{Shape, ShapeKind};

const SERVICE_TRAIT: &str = "aws.api#clientEndpointDiscovery";
const OPERATION_TRAIT: &str = "aws.api#clientDiscoveredEndpoint";
const ID_TRAIT: &str = "aws.api#clientEndpointDiscoveryId";

/// The service's discovery operation, as the generated client calls it.
#[derive(Clone, Debug, PartialEq)]
pub struct DiscoveryIr {
    /// The discovery operation's module (e.g. `describe_endpoints`).
    pub operation: RustIdent,
    /// Its input type.
    pub input: TypePath,
    /// The input's `Operation` member (a string), if it has one.
    pub operation_member: Option<RustIdent>,
    /// The input's `Identifiers` member (a map of strings), if it has one.
    pub identifiers_member: Option<RustIdent>,
    /// The output's `Endpoints` list.
    pub endpoints: PathStep,
    /// `Address` of each endpoint.
    pub address: PathStep,
    /// `CachePeriodInMinutes` of each endpoint.
    pub cache_period: PathStep,
    /// The wire name of the error that invalidates a discovered endpoint.
    pub error: String,
}

/// `@clientDiscoveredEndpoint` of one operation.
#[derive(Clone, Debug, PartialEq)]
pub struct OperationDiscovery {
    /// `required: true`: the operation only works on a discovered endpoint.
    pub required: bool,
    /// The `@clientEndpointDiscoveryId` members (wire name, string member), in model order.
    pub ids: Vec<(String, PathStep)>,
}

/// The discovery facts of one operation with synthetic input `input` (from `input_shape`).
pub(super) fn operation(
    op: &Shape,
    input_shape: &Shape,
    input: &TypeDef,
    types: &[TypeDef],
    report: &mut Report<'_>,
) -> Option<OperationDiscovery> {
    let required = op
        .traits
        .raw
        .get(OPERATION_TRAIT)?
        .get("required")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let members = match &input_shape.kind {
        ShapeKind::Structure(ms) => ms.as_slice(),
        _ => &[],
    };
    let mut ids = Vec::new();
    for m in members
        .iter()
        .filter(|m| m.traits.raw.contains_key(ID_TRAIT))
    {
        match resolve_path(input, &m.name, types) {
            Some((mut steps, ty)) if steps.len() == 1 && matches!(ty.kind, TyKind::String) => {
                ids.push((m.name.clone(), steps.remove(0)));
            }
            _ => report.warn(
                op.id.as_str(),
                format!("`{ID_TRAIT}` member `{}` is not a string; it is not sent as a discovery identifier", m.name),
            ),
        }
    }
    Some(OperationDiscovery { required, ids })
}

/// The service's discovery operation and error, checked against the generated types. Without
/// a usable one, operations marked for discovery lose the mark (with a warning).
pub(super) fn service(
    service: &Shape,
    operations: &mut [OperationIr],
    types: &[TypeDef],
    report: &mut Report<'_>,
) -> Option<DiscoveryIr> {
    let id = service.id.as_str();
    let found = match service.traits.raw.get(SERVICE_TRAIT) {
        Some(t) => discovery(t, operations, types).map_err(|why| {
            report.warn(id, format!("`{SERVICE_TRAIT}` cannot be used: {why}; operations marked `{OPERATION_TRAIT}` use their resolved endpoint"));
        }),
        None => Err(()),
    };
    match found {
        Ok(ir) => {
            // The discovery call must go to the resolved endpoint, or it would discover itself.
            if let Some(op) = operations
                .iter_mut()
                .find(|o| o.fn_name == ir.operation && o.discovery.is_some())
            {
                op.discovery = None;
                report.warn(id, format!("the discovery operation `{}` is itself marked `{OPERATION_TRAIT}`; it is sent to its resolved endpoint", op.name));
            }
            Some(ir)
        }
        Err(()) => {
            for op in operations.iter_mut().filter(|o| o.discovery.is_some()) {
                op.discovery = None;
                if !service.traits.raw.contains_key(SERVICE_TRAIT) {
                    report.warn(id, format!("operation `{}` is marked `{OPERATION_TRAIT}` but the service has no `{SERVICE_TRAIT}`; it uses its resolved endpoint", op.name));
                }
            }
            None
        }
    }
}

fn discovery(
    t: &Value,
    operations: &[OperationIr],
    types: &[TypeDef],
) -> Result<DiscoveryIr, String> {
    let shape_name = |key: &str| {
        let target = t
            .get(key)
            .and_then(Value::as_str)
            .ok_or_else(|| format!("it has no `{key}`"))?;
        Ok::<_, String>(target.rsplit('#').next().unwrap_or(target).to_owned())
    };
    let op_name = shape_name("operation")?;
    let error = shape_name("error")?;
    let op = operations
        .iter()
        .find(|o| o.name == op_name)
        .ok_or_else(|| format!("operation `{op_name}` is not an operation of the service"))?;
    let def = |path: &TypePath| types.iter().find(|t| &t.path == path);
    let input = def(&op.input).ok_or("the discovery input type is missing")?;
    let output = def(&op.output).ok_or("the discovery output type is missing")?;
    let member = |ty: &TypeDef, name: &str, fits: &dyn Fn(&Ty) -> bool| {
        resolve_path(ty, name, types)
            .filter(|(steps, t)| steps.len() == 1 && fits(t))
            .map(|(mut steps, _)| steps.remove(0))
    };
    let is_string = |t: &Ty| matches!(t.kind, TyKind::String);
    let operation_member = member(input, "Operation", &is_string).map(|s| s.field);
    let identifiers_member = member(input, "Identifiers", &|t: &Ty| {
        matches!(&t.kind, TyKind::Map { key, value, sparse: false } if is_string(key) && is_string(value))
    })
    .map(|s| s.field);
    let (endpoints, list) = resolve_path(output, "Endpoints", types)
        .filter(|(steps, _)| steps.len() == 1)
        .ok_or("its output has no `Endpoints` member")?;
    let TyKind::List {
        member: item,
        sparse: false,
    } = &list.kind
    else {
        return Err("its output's `Endpoints` is not a dense list".into());
    };
    let TyKind::Named(item_path, NamedKind::Structure) = &item.kind else {
        return Err("its output's `Endpoints` is not a list of structures".into());
    };
    let item = def(item_path).ok_or("the endpoint type is missing")?;
    if !matches!(item.kind, TypeKind::Structure(_)) {
        return Err("the endpoint type is not a structure".into());
    }
    let address = member(item, "Address", &is_string)
        .ok_or("the endpoint structure has no string `Address`")?;
    let cache_period = member(item, "CachePeriodInMinutes", &|t: &Ty| {
        matches!(t.kind, TyKind::Long)
    })
    .ok_or("the endpoint structure has no long `CachePeriodInMinutes`")?;
    let error_known = types.iter().any(|t| {
        t.shape_id.rsplit('#').next() == Some(error.as_str())
            && matches!(&t.kind, TypeKind::Structure(s) if s.error.is_some())
    });
    if !error_known {
        return Err(format!(
            "error `{error}` is not an error structure of the service"
        ));
    }
    Ok(DiscoveryIr {
        operation: op.fn_name.clone(),
        input: op.input.clone(),
        operation_member,
        identifiers_member,
        endpoints: endpoints
            .into_iter()
            .next()
            .ok_or("no `Endpoints` member")?,
        address,
        cache_period,
        error,
    })
}
