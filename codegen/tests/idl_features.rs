//! Each IDL feature against the JSON AST it means, written by hand: both must print the same
//! model-json.

use ingot_codegen::model::{self, SourceFile};

fn model_json(files: &[(&str, &str)]) -> String {
    let files: Vec<SourceFile> = files
        .iter()
        .map(|(name, text)| SourceFile {
            name: (*name).to_owned(),
            text: (*text).to_owned(),
        })
        .collect();
    let m = model::parse_files(&files).unwrap_or_else(|d| panic!("{d}"));
    model::to_json_string(&m)
}

fn assert_same(idl: &[(&str, &str)], json: &str) {
    let from_idl = model_json(idl);
    let from_json = model_json(&[("expected.json", json)]);
    assert_eq!(from_idl, from_json);
}

#[test]
fn inline_input_output_with_suffixes_mixins_and_traits() {
    let idl = r#"$version: "2"
$operationInputSuffix: "Request"
$operationOutputSuffix: "Response"
namespace ex

operation Op {
    input := @sensitive with [Common] {
        name: String = "x"
    }
    output := {}
    errors: [Oops]
}

@mixin
structure Common { id: Integer }

@error("client")
structure Oops {}
"#;
    let json = r#"{"smithy": "2.0", "shapes": {
        "ex#Op": {"type": "operation", "input": {"target": "ex#OpRequest"},
                  "output": {"target": "ex#OpResponse"}, "errors": [{"target": "ex#Oops"}]},
        "ex#OpRequest": {"type": "structure", "mixins": [{"target": "ex#Common"}],
            "members": {"name": {"target": "smithy.api#String", "traits": {"smithy.api#default": "x"}}},
            "traits": {"smithy.api#sensitive": {}, "smithy.api#input": {}}},
        "ex#OpResponse": {"type": "structure", "members": {}, "traits": {"smithy.api#output": {}}},
        "ex#Common": {"type": "structure", "members": {"id": {"target": "smithy.api#Integer"}},
                      "traits": {"smithy.api#mixin": {}}},
        "ex#Oops": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "client"}}
    }}"#;
    assert_same(&[("m.smithy", idl)], json);
}

#[test]
fn resources_for_binding_and_elided_members() {
    let idl = r#"$version: "2"
namespace ex

resource City {
    identifiers: { cityId: CityId }
    properties: { name: String }
    read: GetCity
    operations: [Rename]
    collectionOperations: [ListCities]
    resources: [Street]
}
string CityId
resource Street {}
@readonly operation GetCity { input := for City { @required $cityId } output := for City { $name } }
operation Rename {}
operation ListCities {}

@mixin structure Base { tag: String }
structure Tagged with [Base] { @required $tag }
"#;
    let json = r#"{"smithy": "2.0", "shapes": {
        "ex#City": {"type": "resource",
            "identifiers": {"cityId": {"target": "ex#CityId"}},
            "properties": {"name": {"target": "smithy.api#String"}},
            "read": {"target": "ex#GetCity"}, "operations": [{"target": "ex#Rename"}],
            "collectionOperations": [{"target": "ex#ListCities"}], "resources": [{"target": "ex#Street"}]},
        "ex#CityId": {"type": "string"},
        "ex#Street": {"type": "resource"},
        "ex#GetCity": {"type": "operation", "input": {"target": "ex#GetCityInput"},
                       "output": {"target": "ex#GetCityOutput"}, "traits": {"smithy.api#readonly": {}}},
        "ex#GetCityInput": {"type": "structure", "traits": {"smithy.api#input": {}},
            "members": {"cityId": {"target": "ex#CityId", "traits": {"smithy.api#required": {}}}}},
        "ex#GetCityOutput": {"type": "structure", "traits": {"smithy.api#output": {}},
            "members": {"name": {"target": "smithy.api#String"}}},
        "ex#Rename": {"type": "operation"},
        "ex#ListCities": {"type": "operation"},
        "ex#Base": {"type": "structure", "members": {"tag": {"target": "smithy.api#String"}},
                    "traits": {"smithy.api#mixin": {}}},
        "ex#Tagged": {"type": "structure", "mixins": [{"target": "ex#Base"}],
            "members": {"tag": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}}}}
    }}"#;
    assert_same(&[("m.smithy", idl)], json);
}

#[test]
fn node_values_text_blocks_comments_and_trait_forms() {
    let idl = r#"$version: "2.0"
metadata "shared" = [1]
metadata other = { a: null, b: [true, false], c: -1.5e2 }
namespace ex

/// First line
///   indented second
@tags(["a", "b"]) // a plain comment
@externalDocumentation("Home": "https://example.com")
@deprecated
@since("1")
string A

@documentation("""
    Text block with "quotes",
      indentation kept,  
    an escape\tand a \
    joined line.
    """)
@pattern("^\\d+$")
string B

apply A {
    @sensitive
    @unstable
}
apply B @length(min: 1)
"#;
    let json = r#"{"smithy": "2.0",
      "metadata": {"shared": [1], "other": {"a": null, "b": [true, false], "c": -150.0}},
      "shapes": {
        "ex#A": {"type": "string", "traits": {
            "smithy.api#documentation": "First line\n  indented second",
            "smithy.api#tags": ["a", "b"],
            "smithy.api#externalDocumentation": {"Home": "https://example.com"},
            "smithy.api#deprecated": {}, "smithy.api#since": "1",
            "smithy.api#sensitive": {}, "smithy.api#unstable": {}}},
        "ex#B": {"type": "string", "traits": {
            "smithy.api#documentation": "Text block with \"quotes\",\n  indentation kept,\nan escape\tand a joined line.\n",
            "smithy.api#pattern": "^\\d+$",
            "smithy.api#length": {"min": 1}}}
    }}"#;
    assert_same(&[("m.smithy", idl)], json);
}

#[test]
fn relative_ids_resolve_by_use_then_namespace_then_prelude() {
    let other = "$version: \"2\"\nnamespace other\nstring String\nstring Only\n";
    let main = r#"$version: "2"
namespace ex
use other#Only

structure S {
    viaUse: Only
    viaPrelude: String
    viaNamespace: Local
    absolute: other#String
}
string Local
"#;
    let json = r#"{"smithy": "2.0", "shapes": {
        "other#String": {"type": "string"}, "other#Only": {"type": "string"},
        "ex#Local": {"type": "string"},
        "ex#S": {"type": "structure", "members": {
            "viaUse": {"target": "other#Only"}, "viaPrelude": {"target": "smithy.api#String"},
            "viaNamespace": {"target": "ex#Local"}, "absolute": {"target": "other#String"}}}
    }}"#;
    assert_same(&[("other.smithy", other), ("main.smithy", main)], json);
}

#[test]
fn enums_maps_unions_and_smithy_1_sets() {
    let v2 = r#"$version: "2"
namespace ex
enum Suit {
    /// Hearts.
    HEART
    SPADE = "spade"
}
intEnum Rank { ACE = 1 KING = 13 }
map Counts { key: String value: Integer }
union U { a: String b: Unit }
service Svc { version: "1" rename: { "ex#U": "Choice" } }
"#;
    let v1 = "$version: \"1.0\"\nnamespace one\nset Names {\n    member: String\n}\n";
    let json = r#"{"smithy": "2.0", "shapes": {
        "ex#Suit": {"type": "enum", "members": {
            "HEART": {"target": "smithy.api#Unit", "traits": {"smithy.api#documentation": "Hearts.", "smithy.api#enumValue": "HEART"}},
            "SPADE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "spade"}}}},
        "ex#Rank": {"type": "intEnum", "members": {
            "ACE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}},
            "KING": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 13}}}},
        "ex#Counts": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#Integer"}},
        "ex#U": {"type": "union", "members": {"a": {"target": "smithy.api#String"}, "b": {"target": "smithy.api#Unit"}}},
        "ex#Svc": {"type": "service", "version": "1", "rename": {"ex#U": "Choice"}},
        "one#Names": {"type": "list", "member": {"target": "smithy.api#String"}, "traits": {"smithy.api#uniqueItems": {}}}
    }}"#;
    assert_same(&[("v2.smithy", v2), ("v1.smithy", v1)], json);
}
