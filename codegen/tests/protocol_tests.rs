//! Lowering of the `smithy.test` compliance traits: which cases become which tests, the service
//! selector, and (when the reference suite is present) that all 199 awsJson cases are found.

use std::path::Path;

use ingot_codegen::ir::protocol_tests::{self, CaseKind, ProtocolTests, Side, Value};
use ingot_codegen::ir::{self, Settings};
use ingot_codegen::model::SourceFile;

const MODEL: &str = r#"{
  "smithy": "2.0",
  "shapes": {
    "t#S": {
      "type": "service",
      "version": "1",
      "operations": [{ "target": "t#Op" }],
      "traits": { "aws.protocols#awsJson1_0": {} }
    },
    "t#Other": {
      "type": "service",
      "version": "1",
      "traits": { "aws.protocols#awsJson1_1": {} }
    },
    "t#Op": {
      "type": "operation",
      "input": { "target": "t#OpInput" },
      "errors": [{ "target": "t#Oops" }],
      "traits": {
        "smithy.test#httpRequestTests": [
          { "id": "Sends", "protocol": "aws.protocols#awsJson1_0", "method": "POST", "uri": "/",
            "headers": { "X-Amz-Target": "S.Op" }, "body": "{\"n\":1}", "bodyMediaType": "application/json",
            "params": { "n": 1, "tags": ["a", "b"], "when": 1.5 }, "appliesTo": "client" },
          { "id": "BadParams", "protocol": "aws.protocols#awsJson1_0", "method": "POST", "uri": "/",
            "params": { "nope": 1 } },
          { "id": "OtherProtocol", "protocol": "aws.protocols#restJson1", "method": "POST", "uri": "/" }
        ],
        "smithy.test#httpMalformedRequestTests": [
          { "id": "Bad", "protocol": "aws.protocols#awsJson1_0",
            "request": { "method": "POST", "uri": "/", "body": "${v}" },
            "response": { "code": 400, "headers": { "X-Amzn-Errortype": "SerializationException" } },
            "testParameters": { "v": ["[", "{"] } }
        ]
      }
    },
    "t#OpInput": {
      "type": "structure",
      "members": {
        "n": { "target": "smithy.api#Integer" },
        "tags": { "target": "t#Tags" },
        "when": { "target": "smithy.api#Timestamp" }
      }
    },
    "t#Tags": { "type": "list", "member": { "target": "smithy.api#String" } },
    "t#Oops": {
      "type": "structure",
      "members": { "message": { "target": "smithy.api#String" } },
      "traits": {
        "smithy.api#error": "client",
        "smithy.test#httpResponseTests": [
          { "id": "OopsError", "protocol": "aws.protocols#awsJson1_0", "code": 400,
            "body": "{\"__type\":\"Oops\",\"message\":\"hi\"}", "bodyMediaType": "application/json",
            "params": { "message": "hi" } }
        ]
      }
    }
  }
}"#;

fn tests_of(files: &[SourceFile], service: &str) -> Result<ProtocolTests, String> {
    let model = ingot_codegen::model::parse_files(files).map_err(|d| d.to_string())?;
    let index = ingot_codegen::index::ShapeIndex::for_service(&model, Some(service))
        .map_err(|d| d.to_string())?;
    let ir = ir::lower(&index, &Settings::default()).map_err(|d| d.to_string())?;
    Ok(protocol_tests::lower(&index, &ir))
}

fn model() -> Vec<SourceFile> {
    vec![SourceFile {
        name: "t.json".into(),
        text: MODEL.into(),
    }]
}

#[test]
fn cases_become_one_test_per_side() {
    let tests = tests_of(&model(), "S").expect("lowers");
    assert_eq!(tests.protocol, "awsJson1_0");
    let names: Vec<(&str, Side)> = tests
        .cases
        .iter()
        .map(|c| (c.fn_name.name.as_str(), c.side))
        .collect();
    assert_eq!(
        names,
        [
            ("client_request_bad_params", Side::ClientRequest),
            ("client_request_sends", Side::ClientRequest),
            ("client_response_oops_error", Side::ClientResponse),
            ("malformed_request_bad_case0", Side::Malformed),
            ("malformed_request_bad_case1", Side::Malformed),
            ("server_request_bad_params", Side::ServerRequest),
            ("server_response_oops_error", Side::ServerResponse),
        ]
    );
}

#[test]
fn params_are_typed_and_misfits_keep_their_reason() {
    let tests = tests_of(&model(), "S").expect("lowers");
    let input = |id: &str| {
        let case = tests.cases.iter().find(|c| c.id == id).expect("case");
        match &case.kind {
            CaseKind::Request { input, .. } => input.clone(),
            other => panic!("not a request case: {other:?}"),
        }
    };
    match input("Sends").expect("params fit") {
        Value::Structure { members, .. } => {
            let kinds: Vec<String> = members
                .iter()
                .map(|(name, v)| format!("{}={v:?}", name.name))
                .collect();
            assert_eq!(
                kinds,
                [
                    "n=Int(Integer, 1)",
                    "tags=List { sparse: false, items: [Some(String(\"a\")), Some(String(\"b\"))] }",
                    "when=Timestamp(\"1.5\")",
                ]
            );
        }
        other => panic!("not a structure: {other:?}"),
    }
    assert_eq!(
        input("BadParams").expect_err("params do not fit"),
        "params: OpInput has no member `nope`"
    );
}

#[test]
fn malformed_parameters_are_substituted() {
    let tests = tests_of(&model(), "S").expect("lowers");
    let bodies: Vec<Option<String>> = tests
        .cases
        .iter()
        .filter_map(|c| match &c.kind {
            CaseKind::Malformed {
                request, expected, ..
            } => {
                assert_eq!(expected.code, Some(400));
                Some(request.body.clone())
            }
            _ => None,
        })
        .collect();
    assert_eq!(bodies, [Some("[".to_owned()), Some("{".to_owned())]);
}

#[test]
fn the_service_selector_picks_one_service() {
    let other = tests_of(&model(), "t#Other").expect("lowers");
    assert!(other.cases.is_empty(), "Other has no operations");
    let err = tests_of(&model(), "Nope").expect_err("no such service");
    assert!(
        err.contains("the model defines no service `Nope`") && err.contains("t#Other, t#S"),
        "{err}"
    );
    let model = ingot_codegen::model::parse_files(&model()).expect("parses");
    let err = ingot_codegen::index::ShapeIndex::new(&model).expect_err("two services");
    assert!(err.to_string().contains("`--service NAME`"), "{err}");
}

/// The reference suite: every case of the awsJson 1.0 and 1.1 folders is found (199 cases;
/// cases that apply to both sides count once per side).
#[test]
fn the_reference_suite_has_199_cases() {
    let suite =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/reference/smithy/protocol-tests");
    if !suite.is_dir() {
        println!("SKIP: {} not found", suite.display());
        return;
    }
    let mut ids = std::collections::BTreeSet::new();
    for protocol in ["awsJson1_0", "awsJson1_1"] {
        let mut files = Vec::new();
        let mut paths = vec![
            suite.join("shared-types.smithy"),
            suite.join("aws-config.smithy"),
        ];
        // The trait definitions (`smithy.test`, `aws.protocols`, ...) live next to the suite.
        let mut stack = vec![suite.join(protocol), suite.join("../traits")];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).expect("suite folder").flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    paths.push(p);
                }
            }
        }
        for p in paths {
            files.push(SourceFile {
                name: p.display().to_string(),
                text: std::fs::read_to_string(&p).expect("suite file"),
            });
        }
        let model = ingot_codegen::model::parse_files(&files).expect("the suite parses");
        let services: Vec<String> = model
            .shapes
            .values()
            .filter(|s| s.kind.type_name() == "service")
            .map(|s| s.id.as_str().to_owned())
            .collect();
        for service in services {
            let tests = tests_of(&files, &service).expect("the suite lowers");
            for case in &tests.cases {
                // A request and a response case may share an id: they are two cases.
                let family = match case.side {
                    Side::ClientRequest | Side::ServerRequest => "request",
                    Side::ClientResponse | Side::ServerResponse => "response",
                    Side::Malformed => "malformed",
                };
                let id = case.id.split("_case").next().unwrap_or(&case.id);
                ids.insert((protocol, family, id.to_owned()));
            }
        }
    }
    assert_eq!(ids.len(), 199);
}
