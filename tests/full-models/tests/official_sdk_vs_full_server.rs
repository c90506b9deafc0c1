//! The official `aws-sdk-cognitoidentityprovider` crate calls a server generated from the full
//! Cognito model (ListUsers and AdminGetUser implemented, the other 120 answering 501).

use aws_sdk_cognitoidentityprovider as official;
use cognitoidentityprovider_server::operation::admin_get_user::{
    AdminGetUserError, AdminGetUserOutput,
};
use cognitoidentityprovider_server::operation::list_users::ListUsersOutput;
use cognitoidentityprovider_server::types::error::UserNotFoundException;
use cognitoidentityprovider_server::types::{AttributeType, UserStatusType, UserType};
use cognitoidentityprovider_server::ServiceBuilder;

fn user(name: &str) -> UserType {
    UserType::builder()
        .username(name)
        .enabled(true)
        .user_status(UserStatusType::Confirmed)
        .user_create_date(ingot_rt_time(1_736_443_496_379))
        .set_attributes(Some(vec![AttributeType::builder()
            .name("email")
            .value(format!("{name}@example.com"))
            .build()
            .unwrap()]))
        .build()
}

fn ingot_rt_time(millis: i64) -> cognitoidentityprovider_server::DateTime {
    cognitoidentityprovider_server::DateTime::from_millis(millis)
}

async fn start() -> (String, tokio::sync::oneshot::Sender<()>) {
    let service = ServiceBuilder::new()
        .list_users(|input, _ctx| async move {
            assert_eq!(input.user_pool_id(), Some("us-east-1_EXAMPLE"));
            let page = if input.pagination_token.is_none() {
                ListUsersOutput::builder()
                    .set_users(Some(vec![user("alice"), user("bob")]))
                    .pagination_token("page-2")
                    .build()
            } else {
                ListUsersOutput::builder()
                    .set_users(Some(vec![user("carol")]))
                    .build()
            };
            Ok(page)
        })
        .admin_get_user(|input, _ctx| async move {
            if input.username() != Some("alice") {
                return Err(AdminGetUserError::from(
                    UserNotFoundException::builder()
                        .message("User does not exist.")
                        .build(),
                ));
            }
            Ok(AdminGetUserOutput::builder()
                .username("alice")
                .enabled(true)
                .user_status(UserStatusType::Confirmed)
                .set_user_attributes(Some(vec![AttributeType::builder()
                    .name("email")
                    .value("alice@example.com")
                    .build()
                    .unwrap()]))
                .build()
                .unwrap())
        })
        .build_allowing_unimplemented();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(async move {
        let _ = ingot_server_rt::serve(listener, service, async move {
            let _ = rx.await;
        })
        .await;
    });
    (url, tx)
}

fn official_client(url: &str) -> official::Client {
    let config = official::Config::builder()
        .behavior_version(official::config::BehaviorVersion::latest())
        .region(official::config::Region::new("us-east-1"))
        .credentials_provider(official::config::Credentials::new(
            "AKID", "SECRET", None, None, "test",
        ))
        .endpoint_url(url)
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .build();
    official::Client::from_conf(config)
}

#[tokio::test]
async fn official_sdk_lists_and_gets_users_from_a_generated_full_model_server() {
    let (url, _stop) = start().await;
    let client = official_client(&url);

    let mut names = Vec::new();
    let mut pages = client
        .list_users()
        .user_pool_id("us-east-1_EXAMPLE")
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = page.expect("ListUsers page");
        for u in page.users() {
            assert!(u.enabled());
            assert_eq!(
                u.user_status(),
                Some(&official::types::UserStatusType::Confirmed)
            );
            let created = u.user_create_date().expect("a creation date");
            // The wire carries 1736443496.379 exactly; the official SDK reads it through an f64
            // (…496.378999…) and truncates, so compare at millisecond resolution with rounding.
            assert_eq!(
                (created.as_secs_f64() * 1000.0).round() as i64,
                1_736_443_496_379
            );
            names.push(u.username().unwrap_or_default().to_owned());
        }
    }
    assert_eq!(names, ["alice", "bob", "carol"]);

    let alice = client
        .admin_get_user()
        .user_pool_id("us-east-1_EXAMPLE")
        .username("alice")
        .send()
        .await
        .expect("AdminGetUser");
    assert_eq!(alice.username(), "alice");
    assert_eq!(
        alice.user_attributes()[0].value(),
        Some("alice@example.com")
    );

    let err = client
        .admin_get_user()
        .user_pool_id("us-east-1_EXAMPLE")
        .username("nobody")
        .send()
        .await
        .expect_err("unknown user")
        .into_service_error();
    assert!(err.is_user_not_found_exception(), "{err:?}");
    assert_eq!(
        official::error::ProvideErrorMetadata::message(&err),
        Some("User does not exist.")
    );

    // An operation without a handler answers 501 NotImplementedException, which the SDK surfaces.
    let err = client
        .list_groups()
        .user_pool_id("us-east-1_EXAMPLE")
        .send()
        .await
        .expect_err("not implemented");
    assert_eq!(
        official::error::ProvideErrorMetadata::code(&err),
        Some("NotImplementedException")
    );
}
