//! Cognito errors: flat per-operation enums, `is_*`, metadata, request ids, the crate-level
//! `Error`, `DisplayErrorContext`.

use aws_sdk_cognitoidentityprovider::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_cognitoidentityprovider::operation::admin_get_user::AdminGetUserError;
use aws_sdk_cognitoidentityprovider::operation::create_user_pool::CreateUserPoolOutput;
use aws_sdk_cognitoidentityprovider::operation::describe_user_pool::DescribeUserPoolError;
use aws_sdk_cognitoidentityprovider::operation::RequestId;
use aws_sdk_cognitoidentityprovider::{Client, Error};

/// A missing user: the variant, its message and the error code.
pub async fn get_missing_user(client: &Client, pool_id: &str) -> Vec<String> {
    let result = client
        .admin_get_user()
        .user_pool_id(pool_id)
        .username("nobody")
        .send()
        .await;
    match result {
        Ok(_) => vec!["found".into()],
        Err(err) => match err.into_service_error() {
            AdminGetUserError::UserNotFoundException(e) => vec![
                "user not found".into(),
                format!("message present: {}", e.message().is_some()),
                format!("code: {:?}", e.code()),
            ],
            other => vec![format!("unexpected: {:?}", other.code())],
        },
    }
}

/// A missing pool through `SdkError::ServiceError` and `is_resource_not_found_exception()`.
pub async fn describe_missing_pool(client: &Client, pool_id: &str) -> String {
    match client
        .describe_user_pool()
        .user_pool_id(pool_id)
        .send()
        .await
    {
        Err(SdkError::ServiceError(e)) if e.err().is_resource_not_found_exception() => {
            format!(
                "pool not found (request id present: {})",
                e.err().request_id().is_some()
            )
        }
        Err(SdkError::ServiceError(e)) => match e.into_err() {
            DescribeUserPoolError::NotAuthorizedException(_) => "not authorized".into(),
            other => format!("other: {:?}", other.meta().code()),
        },
        Err(other) => format!("{}", DisplayErrorContext(&other)),
        Ok(_) => "found".into(),
    }
}

/// `?` into the crate-level `Error`, then matching its variants.
pub async fn user_exists(client: &Client, pool_id: &str, username: &str) -> Result<bool, Error> {
    async fn get(client: &Client, pool_id: &str, username: &str) -> Result<(), Error> {
        client
            .admin_get_user()
            .user_pool_id(pool_id)
            .username(username)
            .send()
            .await?;
        Ok(())
    }
    match get(client, pool_id, username).await {
        Ok(()) => Ok(true),
        Err(Error::UserNotFoundException(_)) => Ok(false),
        Err(other) => Err(other),
    }
}

/// The crate-level error exposes metadata too.
pub async fn crate_error_code(client: &Client) -> Option<String> {
    let err: Error = client
        .delete_user_pool()
        .user_pool_id("us-east-1_doesnotexist")
        .send()
        .await
        .err()?
        .into();
    Some(format!("{:?}", err.code()))
}

/// Duplicate usernames: `is_username_exists_exception()`.
pub async fn create_twice(client: &Client, pool_id: &str, username: &str) -> Result<String, Error> {
    let first = client
        .admin_create_user()
        .user_pool_id(pool_id)
        .username(username)
        .message_action(aws_sdk_cognitoidentityprovider::types::MessageActionType::Suppress)
        .send()
        .await;
    first?;
    let second = client
        .admin_create_user()
        .user_pool_id(pool_id)
        .username(username)
        .message_action(aws_sdk_cognitoidentityprovider::types::MessageActionType::Suppress)
        .send()
        .await;
    Ok(match second {
        Ok(_) => "created twice".into(),
        Err(err)
            if err
                .as_service_error()
                .is_some_and(|e| e.is_username_exists_exception()) =>
        {
            "username exists".into()
        }
        Err(err) => return Err(err.into()),
    })
}

/// The request id of a successful call.
pub async fn request_id_of_create(client: &Client) -> Result<bool, Error> {
    let out: CreateUserPoolOutput = client
        .create_user_pool()
        .pool_name("request-id")
        .send()
        .await?;
    Ok(out.request_id().is_some())
}

/// `DisplayErrorContext` of the crate-level error.
pub async fn crate_error_context(client: &Client, pool_id: &str) -> Option<bool> {
    let err = Error::from(
        client
            .admin_get_user()
            .user_pool_id(pool_id)
            .username("nobody")
            .send()
            .await
            .err()?,
    );
    Some(format!("{}", DisplayErrorContext(&err)).contains("UserNotFoundException"))
}
