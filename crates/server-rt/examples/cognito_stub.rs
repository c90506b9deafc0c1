//! A hand-written stand-in for a generated Cognito server, for trying real AWS clients against
//! the runtime: serves `StopUserImportJob` on 127.0.0.1 with SigV4 verification.
//!
//! ```text
//! cargo run -p ingot-server-rt --example cognito_stub -- 127.0.0.1:9229
//! AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=secret aws cognito-idp stop-user-import-job \
//!     --endpoint-url http://127.0.0.1:9229 --region us-east-1 --user-pool-id us-east-1_A --job-id import-1
//! ```
//! The accepted key is `AKIDEXAMPLE` / `secret`. Ctrl-C stops the server gracefully.

use ingot_server_rt::{
    json_body, operation_fn, serve, AwsJsonService, ConstraintKind, OperationOutcome, PathSeg,
    Protocol, RequestRejection, SigV4Verifier, ValidationStyle, Violation,
};

fn stop_user_import_job() -> ingot_server_rt::OperationFn {
    operation_fn(|body, _ctx| async move {
        let input: serde_json::Value = serde_json::from_slice(json_body(&body))
            .map_err(|e| RequestRejection::Serialization(e.to_string()))?;
        let mut violations = Vec::new();
        for (member, pattern) in [
            ("UserPoolId", "^[\\w-]+_[0-9a-zA-Z]+$"),
            ("JobId", "^import-[0-9a-zA-Z-]+$"),
        ] {
            match input.get(member).and_then(|v| v.as_str()) {
                None => violations.push(Violation {
                    path: vec![PathSeg::Member(member)],
                    value: None,
                    kind: ConstraintKind::Required,
                }),
                // A stand-in for the generated regex check: only the prefix is looked at here.
                Some(v) if member == "JobId" && !v.starts_with("import-") => {
                    violations.push(Violation {
                        path: vec![PathSeg::Member(member)],
                        value: Some(v.to_owned()),
                        kind: ConstraintKind::Pattern(pattern),
                    })
                }
                Some(_) => {}
            }
        }
        if !violations.is_empty() {
            return Err(RequestRejection::Validation(violations));
        }
        let output = serde_json::json!({
            "UserImportJob": {
                "JobId": input["JobId"],
                "UserPoolId": input["UserPoolId"],
                "Status": "Stopped",
                "ImportedUsers": 0, "SkippedUsers": 0, "FailedUsers": 0
            }
        });
        Ok(OperationOutcome::Output(Some(output.to_string())))
    })
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:9229".to_owned());
    let service = AwsJsonService::new(
        Protocol::AwsJson1_1,
        "AWSCognitoIdentityProviderService",
        "com.amazonaws.cognitoidentityprovider",
        ValidationStyle::Coral {
            error_type: "InvalidParameterException",
        },
    )
    .operation("StopUserImportJob", stop_user_import_job())
    .sigv4(Some(
        SigV4Verifier::new([("AKIDEXAMPLE", "secret")]).with_service("cognito-idp"),
    ));
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("listening on {}", listener.local_addr()?);
    serve(listener, service, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}
