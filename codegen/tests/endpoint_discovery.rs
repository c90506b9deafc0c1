//! Endpoint discovery in the IR: what `model/ingot-wire-traits.json` lowers to, and the
//! warnings for discovery traits Ingot cannot use (never silently dropped).

use ingot_codegen::ir::{self, ServiceIr};
use serde_json::{json, Value};

const WIRE_MODEL: &str = include_str!("../../model/ingot-wire-traits.json");
const NS: &str = "ingot.wiretraits#";

fn lower(model: &Value) -> ServiceIr {
    let text = model.to_string();
    let model = ingot_codegen::model::parse_model("model/w.json", &text).expect("parses");
    let index = ingot_codegen::index::ShapeIndex::new(&model).expect("indexes");
    ir::lower(&index, &Default::default()).expect("lowers")
}

fn wire_model() -> Value {
    serde_json::from_str(WIRE_MODEL).expect("the test model is JSON")
}

fn shape<'a>(model: &'a mut Value, name: &str) -> &'a mut Value {
    &mut model["shapes"][format!("{NS}{name}")]
}

fn discovery_warnings(ir: &ServiceIr) -> Vec<String> {
    ir.warnings
        .iter()
        .map(ToString::to_string)
        .filter(|w| w.contains("clientEndpointDiscovery") || w.contains("DiscoveredEndpoint"))
        .collect()
}

#[test]
fn the_wire_model_discovers_with_describe_endpoints() {
    let ir = lower(&wire_model());
    let d = ir.discovery.as_ref().expect("discovery is usable");
    assert_eq!(d.operation.name, "describe_endpoints");
    assert_eq!(d.error, "InvalidEndpointException");
    assert_eq!(
        d.operation_member.as_ref().map(|m| m.name.as_str()),
        Some("operation")
    );
    assert_eq!(
        d.identifiers_member.as_ref().map(|m| m.name.as_str()),
        Some("identifiers")
    );
    assert_eq!(d.endpoints.field.name, "endpoints");
    assert_eq!(d.address.field.name, "address");
    assert_eq!(d.cache_period.field.name, "cache_period_in_minutes");
    let modes: Vec<_> = ir
        .operations
        .iter()
        .filter_map(|o| {
            let d = o.discovery.as_ref()?;
            let ids: Vec<_> = d.ids.iter().map(|(name, _)| name.as_str()).collect();
            Some((o.name.as_str(), d.required, ids))
        })
        .collect();
    assert_eq!(
        modes,
        [
            ("GetRecord", false, vec!["table"]),
            ("PutRecord", true, vec![])
        ]
    );
    assert_eq!(discovery_warnings(&ir), Vec::<String>::new());
}

#[test]
fn an_unusable_discovery_operation_is_warned_and_operations_keep_their_endpoint() {
    let mut model = wire_model();
    shape(&mut model, "Endpoint")["members"]["CachePeriodInMinutes"]["target"] =
        json!("smithy.api#Integer");
    let ir = lower(&model);
    assert!(ir.discovery.is_none());
    assert!(ir.operations.iter().all(|o| o.discovery.is_none()));
    assert_eq!(
        discovery_warnings(&ir),
        ["warning: `aws.api#clientEndpointDiscovery` cannot be used: the endpoint structure has no long `CachePeriodInMinutes`; operations marked `aws.api#clientDiscoveredEndpoint` use their resolved endpoint\n  --> model/w.json, shape `ingot.wiretraits#WireTraits`"]
    );

    let mut model = wire_model();
    shape(&mut model, "WireTraits")["traits"]["aws.api#clientEndpointDiscovery"]["error"] =
        json!(format!("{NS}Nope"));
    let warnings = discovery_warnings(&lower(&model));
    assert!(
        warnings[0].contains("error `Nope` is not an error structure of the service"),
        "{warnings:?}"
    );
}

#[test]
fn a_discovered_operation_without_the_service_trait_is_warned() {
    let mut model = wire_model();
    shape(&mut model, "WireTraits")["traits"]
        .as_object_mut()
        .expect("traits")
        .remove("aws.api#clientEndpointDiscovery");
    let ir = lower(&model);
    assert!(ir.operations.iter().all(|o| o.discovery.is_none()));
    assert_eq!(
        discovery_warnings(&ir),
        [
            "warning: operation `GetRecord` is marked `aws.api#clientDiscoveredEndpoint` but the service has no `aws.api#clientEndpointDiscovery`; it uses its resolved endpoint\n  --> model/w.json, shape `ingot.wiretraits#WireTraits`",
            "warning: operation `PutRecord` is marked `aws.api#clientDiscoveredEndpoint` but the service has no `aws.api#clientEndpointDiscovery`; it uses its resolved endpoint\n  --> model/w.json, shape `ingot.wiretraits#WireTraits`",
        ]
    );
}

#[test]
fn a_discovery_id_that_is_not_a_string_is_warned() {
    let mut model = wire_model();
    shape(&mut model, "GetRecordInput")["members"]["count"] = json!({
        "target": "smithy.api#Integer",
        "traits": {"aws.api#clientEndpointDiscoveryId": {}}
    });
    let ir = lower(&model);
    let op = ir
        .operations
        .iter()
        .find(|o| o.name == "GetRecord")
        .unwrap();
    let ids: Vec<_> = op
        .discovery
        .as_ref()
        .unwrap()
        .ids
        .iter()
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(ids, ["table"]);
    let warnings: Vec<String> = ir.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings.iter().any(|w| w.starts_with(
            "warning: `aws.api#clientEndpointDiscoveryId` member `count` is not a string"
        )),
        "{warnings:?}"
    );
}

#[test]
fn the_discovery_operation_never_discovers_itself() {
    let mut model = wire_model();
    shape(&mut model, "DescribeEndpoints")["traits"]["aws.api#clientDiscoveredEndpoint"] =
        json!({"required": true});
    let ir = lower(&model);
    let op = ir
        .operations
        .iter()
        .find(|o| o.name == "DescribeEndpoints")
        .unwrap();
    assert!(op.discovery.is_none());
    assert_eq!(
        discovery_warnings(&ir),
        ["warning: the discovery operation `DescribeEndpoints` is itself marked `aws.api#clientDiscoveredEndpoint`; it is sent to its resolved endpoint\n  --> model/w.json, shape `ingot.wiretraits#WireTraits`"]
    );
}
