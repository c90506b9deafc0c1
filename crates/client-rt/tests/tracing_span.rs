//! Each call runs inside one `invoke` span that names the service and operation and records how
//! many attempts were made and the final status.

mod support;

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ingot_client_rt::__private::Client;
use ingot_client_rt::{Config, Credentials, RetryConfig};
use support::{Reply, ScriptedServer, COGNITO};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

type Fields = BTreeMap<String, String>;

/// Records every span's name and fields; nothing else.
#[derive(Default)]
struct SpanRecorder {
    spans: Arc<Mutex<Vec<(String, Fields)>>>,
}

struct FieldWriter<'a>(&'a mut Fields);

impl Visit for FieldWriter<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
}

impl Subscriber for SpanRecorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, attrs: &Attributes<'_>) -> Id {
        let mut fields = Fields::new();
        attrs.record(&mut FieldWriter(&mut fields));
        let mut spans = self.spans.lock().expect("lock");
        spans.push((attrs.metadata().name().to_owned(), fields));
        // Ids are 1-based positions in `spans` (an `Id` may not be zero).
        Id::from_u64(u64::try_from(spans.len()).unwrap_or(u64::MAX))
    }
    fn record(&self, span: &Id, values: &Record<'_>) {
        let mut spans = self.spans.lock().expect("lock");
        if let Some((_, fields)) = usize::try_from(span.into_u64())
            .ok()
            .and_then(|i| spans.get_mut(i - 1))
        {
            values.record(&mut FieldWriter(fields));
        }
    }
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, _: &Event<'_>) {}
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[tokio::test]
async fn one_span_per_call_with_service_operation_attempts_and_status() {
    let recorder = SpanRecorder::default();
    let spans = recorder.spans.clone();
    let _guard = tracing::subscriber::set_default(recorder);

    let server = ScriptedServer::start(vec![
        Reply::error(503, "ServiceUnavailable", "busy"),
        Reply::ok("{}"),
    ])
    .await;
    let config = Config::builder()
        .region(ingot_client_rt::Region::new("us-east-1"))
        .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "test"))
        .endpoint_url(server.url())
        .retry_config(RetryConfig::standard().with_initial_backoff(Duration::from_millis(1)))
        .build();
    let client = Client::new(&COGNITO, config);
    client
        .invoke("ListUserPools", b"{}".to_vec())
        .await
        .expect("success");

    let spans = spans.lock().expect("lock");
    let invokes: Vec<&Fields> = spans
        .iter()
        .filter(|(name, _)| name == "invoke")
        .map(|(_, fields)| fields)
        .collect();
    assert_eq!(invokes.len(), 1, "{spans:?}");
    let fields = invokes[0];
    assert_eq!(
        fields.get("rpc.service").map(String::as_str),
        Some("Cognito Identity Provider")
    );
    assert_eq!(
        fields.get("rpc.method").map(String::as_str),
        Some("ListUserPools")
    );
    assert_eq!(fields.get("attempts").map(String::as_str), Some("2"));
    assert_eq!(fields.get("status").map(String::as_str), Some("200"));
}
