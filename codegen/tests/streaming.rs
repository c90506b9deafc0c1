//! Operations that stream (a `@streaming` blob or an event stream, in the input or the output,
//! directly or through members) are left out of the generated client and server with a warning
//! naming the operation and the streaming shape; the rest of the service is generated.

use ingot_codegen::emit::EmitOptions;

const MODEL: &str = r#"{
  "smithy": "2.0",
  "shapes": {
    "ex#Svc": {"type": "service", "version": "1",
               "operations": [{"target": "ex#GetThing"}, {"target": "ex#Download"},
                              {"target": "ex#Subscribe"}, {"target": "ex#Upload"}],
               "traits": {"aws.protocols#awsJson1_0": {}, "aws.api#service": {"sdkId": "Streams"}}},
    "ex#GetThing": {"type": "operation", "input": {"target": "ex#GetThingInput"}},
    "ex#GetThingInput": {"type": "structure", "members": {"id": {"target": "smithy.api#String"}}},
    "ex#Download": {"type": "operation", "output": {"target": "ex#DownloadOutput"}},
    "ex#DownloadOutput": {"type": "structure", "members": {"body": {"target": "ex#Bytes"}}},
    "ex#Bytes": {"type": "blob", "traits": {"smithy.api#streaming": {}}},
    "ex#Subscribe": {"type": "operation", "output": {"target": "ex#SubscribeOutput"}},
    "ex#SubscribeOutput": {"type": "structure", "members": {"events": {"target": "ex#Events"}}},
    "ex#Events": {"type": "union", "members": {"tick": {"target": "ex#Tick"}},
                  "traits": {"smithy.api#streaming": {}}},
    "ex#Tick": {"type": "structure", "members": {"at": {"target": "smithy.api#Timestamp"}}},
    "ex#Upload": {"type": "operation", "input": {"target": "ex#UploadInput"}},
    "ex#UploadInput": {"type": "structure", "members": {"wrapped": {"target": "ex#Wrapper"}}},
    "ex#Wrapper": {"type": "structure", "members": {"data": {"target": "ex#Bytes"}}}
  }
}"#;

fn opts() -> EmitOptions {
    EmitOptions {
        runtime_dir: "../../crates".into(),
        command: "cargo xtask gen".into(),
    }
}

#[test]
fn streaming_operations_are_left_out_with_a_warning() {
    let files = [ingot_codegen::model::SourceFile {
        name: "model/streams.json".into(),
        text: MODEL.into(),
    }];
    let lowered =
        ingot_codegen::lower_files(&files, &Default::default()).unwrap_or_else(|d| panic!("{d}"));
    let warnings: Vec<String> = lowered.warnings.iter().map(ToString::to_string).collect();
    let help = "the service's other operations are generated; a streaming operation is never generated with a buffered body";
    assert_eq!(
        warnings,
        [
            format!("warning: operation left out of the generated client and server: its output reaches the streaming blob `ex#Bytes`, and Ingot does not support streaming yet\n  --> model/streams.json, shape `ex#Download`\n  = help: {help}"),
            format!("warning: operation left out of the generated client and server: its output reaches the event stream `ex#Events`, and Ingot does not support streaming yet\n  --> model/streams.json, shape `ex#Subscribe`\n  = help: {help}"),
            format!("warning: operation left out of the generated client and server: its input reaches the streaming blob `ex#Bytes`, and Ingot does not support streaming yet\n  --> model/streams.json, shape `ex#Upload`\n  = help: {help}"),
            "warning: the service has no `smithy.rules#endpointRuleSet`; clients use the standard regional pattern `https://<endpointPrefix>.<region>.<partition DNS suffix>`\n  --> model/streams.json, shape `ex#Svc`".to_owned(),
        ]
    );
    let ir = lowered.ir;
    let ops: Vec<&str> = ir.operations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(ops, ["GetThing"]);
    let types: Vec<&str> = ir.types.iter().map(|t| t.wire_name.as_str()).collect();
    for gone in [
        "Bytes",
        "Events",
        "Tick",
        "Wrapper",
        "DownloadOutput",
        "UploadInput",
    ] {
        assert!(!types.contains(&gone), "{gone} in {types:?}");
    }
}

#[test]
fn generated_crates_have_no_trace_of_streaming_operations() {
    let generated =
        ingot_codegen::generate("model/streams.json", MODEL, &Default::default(), &opts())
            .unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(generated.operations, 1);
    // Three streaming operations, and the missing endpoint rule set.
    assert_eq!(generated.warnings.len(), 4);
    for krate in &generated.crates {
        for file in &krate.files {
            for gone in [
                "download",
                "Download",
                "subscribe",
                "Upload",
                "Tick",
                "Events",
            ] {
                assert!(
                    !file.contents.contains(gone),
                    "{}/{} mentions {gone}",
                    krate.name,
                    file.path
                );
            }
        }
    }
}
