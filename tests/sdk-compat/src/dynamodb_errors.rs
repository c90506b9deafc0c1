//! DynamoDB errors: `SdkError::ServiceError`, `into_service_error()`, flat per-operation error
//! enums, `is_*` checks, error metadata, request ids, `?` into the crate-level `Error`,
//! `DisplayErrorContext`.

use aws_sdk_dynamodb::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::operation::describe_table::DescribeTableError;
use aws_sdk_dynamodb::operation::get_item::GetItemError;
use aws_sdk_dynamodb::operation::put_item::{PutItemError, PutItemOutput};
use aws_sdk_dynamodb::operation::RequestId;
use aws_sdk_dynamodb::types::AttributeValue;
use aws_sdk_dynamodb::{Client, Error};

/// `if let Err(SdkError::ServiceError(e))` and the operation's error enum.
pub async fn describe_missing_table(client: &Client, table: &str) -> String {
    match client.describe_table().table_name(table).send().await {
        Ok(_) => "exists".to_string(),
        Err(SdkError::ServiceError(e)) => match e.err() {
            DescribeTableError::ResourceNotFoundException(inner) => {
                format!("not found: message present {}", inner.message().is_some())
            }
            other => format!("other service error: {:?}", other.code()),
        },
        Err(other) => format!("transport: {}", DisplayErrorContext(&other)),
    }
}

/// `into_service_error()` and a pattern on the flat enum.
pub async fn get_from_missing_table(client: &Client, table: &str) -> String {
    let result = client
        .get_item()
        .table_name(table)
        .key("pk", AttributeValue::S("x".into()))
        .send()
        .await;
    match result {
        Ok(_) => "found".into(),
        Err(err) => {
            let err = err.into_service_error();
            if let GetItemError::ResourceNotFoundException(_) = err {
                "resource not found".into()
            } else {
                format!("unexpected: {:?}", err.code())
            }
        }
    }
}

/// A failed condition: `is_conditional_check_failed_exception()`, `code()`, `message()`,
/// `meta()` and the request id.
pub async fn put_if_absent(
    client: &Client,
    table: &str,
    pk: &str,
) -> Result<Vec<String>, SdkError<PutItemError>> {
    let result: Result<PutItemOutput, _> = client
        .put_item()
        .table_name(table)
        .item("pk", AttributeValue::S(pk.into()))
        .item("sk", AttributeValue::N("1".into()))
        .condition_expression("attribute_not_exists(pk)")
        .send()
        .await;
    match result {
        Ok(out) => Ok(vec![format!(
            "written (request id present: {})",
            out.request_id().is_some()
        )]),
        Err(err) => match err.as_service_error() {
            Some(e) if e.is_conditional_check_failed_exception() => Ok(vec![
                "condition failed".to_string(),
                format!("code: {:?}", e.code()),
                format!("message present: {}", e.message().is_some()),
                format!("meta code: {:?}", e.meta().code()),
                format!("request id present: {}", err.request_id().is_some()),
            ]),
            _ => Err(err),
        },
    }
}

/// `?` converts every operation's error into the crate-level `Error`, which can be matched.
pub async fn item_count_or_zero(client: &Client, table: &str) -> Result<i64, Error> {
    let described = client.describe_table().table_name(table).send().await;
    match described.map_err(Error::from) {
        Ok(out) => Ok(out.table().and_then(|t| t.item_count()).unwrap_or(0)),
        Err(Error::ResourceNotFoundException(_)) => Ok(0),
        Err(other) => Err(other),
    }
}

/// The crate-level error's `Display` and `std::error::Error` impls, as applications log it.
pub async fn log_failure(client: &Client, table: &str) -> String {
    async fn go(client: &Client, table: &str) -> Result<(), Error> {
        client.delete_table().table_name(table).send().await?;
        Ok(())
    }
    match go(client, table).await {
        Ok(()) => "deleted".into(),
        Err(err) => {
            let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(err);
            format!("failed: {}", !boxed.to_string().is_empty())
        }
    }
}

/// `DisplayErrorContext` prints the whole chain, including the service's message.
pub async fn error_context_text(client: &Client, table: &str) -> Option<String> {
    let err = client
        .describe_table()
        .table_name(table)
        .send()
        .await
        .err()?;
    let message = err
        .as_service_error()
        .and_then(|e| e.message())
        .map(str::to_owned);
    let text = format!("{}", DisplayErrorContext(&err));
    Some(format!(
        "context mentions the code: {}; mentions the message: {}",
        text.contains("ResourceNotFoundException"),
        message.is_some_and(|m| text.contains(&m))
    ))
}

/// Errors converted into a boxed error for `main() -> Result<(), Box<dyn Error>>` programs.
pub async fn boxed(client: &Client) -> Result<usize, Box<dyn std::error::Error>> {
    let out = client.list_tables().send().await?;
    Ok(out.table_names().len())
}
