//! The generated Cognito client (full model) against moto's cognito-idp.

// These tests check that unknown or unreadable errors land in the `Unhandled` variant,
// which the SDK (and so the generated client) deprecates matching on.
#![allow(deprecated)]

mod support;

use cognitoidentityprovider_client::operation::stop_user_import_job::StopUserImportJobError;
use cognitoidentityprovider_client::types::{AttributeType, UserStatusType};
use cognitoidentityprovider_client::{
    config::Credentials, error::ProvideErrorMetadata, error::SdkError, Client, Config,
};

fn client() -> Client {
    let config = Config::builder()
        .region(cognitoidentityprovider_client::config::Region::new(
            "us-east-1",
        ))
        .endpoint_url(support::endpoint())
        .credentials_provider(Credentials::new("testing", "testing", None, None, "moto"))
        .build();
    Client::from_conf(config)
}

#[tokio::test]
async fn user_pool_lifecycle_users_groups_and_pagination() {
    let client = client();
    let pool_name = support::unique("ingot-pool-");
    let created = client
        .create_user_pool()
        .pool_name(&pool_name)
        .send()
        .await
        .expect("CreateUserPool");
    let pool = created.user_pool.expect("a user pool");
    let pool_id = pool.id.clone().expect("a pool id");
    assert_eq!(pool.name.as_deref(), Some(pool_name.as_str()));
    assert!(pool.creation_date.is_some());

    let app = client
        .create_user_pool_client()
        .user_pool_id(&pool_id)
        .client_name("ingot-app")
        .send()
        .await
        .expect("CreateUserPoolClient")
        .user_pool_client
        .expect("a client");
    assert_eq!(app.client_name.as_deref(), Some("ingot-app"));
    assert_eq!(app.user_pool_id.as_deref(), Some(pool_id.as_str()));
    assert!(app.client_id.is_some());

    for i in 0..25 {
        let email = AttributeType::builder()
            .name("email")
            .value(format!("user{i:02}@example.com"))
            .build()
            .unwrap();
        client
            .admin_create_user()
            .user_pool_id(&pool_id)
            .username(format!("user{i:02}"))
            .user_attributes(email)
            .send()
            .await
            .unwrap_or_else(|e| panic!("AdminCreateUser {i}: {e}"));
    }

    let mut pages = 0;
    let mut names = Vec::new();
    let mut stream = client
        .list_users()
        .user_pool_id(&pool_id)
        .into_paginator()
        .page_size(10)
        .send();
    while let Some(page) = stream.next().await {
        let page = page.expect("ListUsers page");
        pages += 1;
        names.extend(
            page.users
                .unwrap_or_default()
                .into_iter()
                .filter_map(|u| u.username),
        );
    }
    names.sort();
    let expected: Vec<String> = (0..25).map(|i| format!("user{i:02}")).collect();
    assert_eq!(pages, 3, "25 users at 10 per page");
    assert_eq!(names, expected, "every user exactly once");

    let items: Vec<_> = client
        .list_users()
        .user_pool_id(&pool_id)
        .into_paginator()
        .page_size(10)
        .items()
        .send()
        .collect()
        .await;
    assert_eq!(items.len(), 25);

    let user = client
        .admin_get_user()
        .user_pool_id(&pool_id)
        .username("user07")
        .send()
        .await
        .expect("AdminGetUser");
    assert_eq!(user.username, "user07");
    assert!(user.enabled);
    assert_eq!(user.user_status, Some(UserStatusType::ForceChangePassword));
    let email = user
        .user_attributes
        .unwrap_or_default()
        .into_iter()
        .find(|a| a.name == "email");
    assert_eq!(
        email.and_then(|a| a.value).as_deref(),
        Some("user07@example.com")
    );

    let group = client
        .create_group()
        .user_pool_id(&pool_id)
        .group_name("admins")
        .description("administrators")
        .send()
        .await
        .expect("CreateGroup")
        .group
        .expect("a group");
    assert_eq!(group.group_name.as_deref(), Some("admins"));
    for name in ["user03", "user11"] {
        client
            .admin_add_user_to_group()
            .user_pool_id(&pool_id)
            .username(name)
            .group_name("admins")
            .send()
            .await
            .expect("AdminAddUserToGroup");
    }
    let mut in_group: Vec<String> = client
        .list_users_in_group()
        .user_pool_id(&pool_id)
        .group_name("admins")
        .send()
        .await
        .expect("ListUsersInGroup")
        .users
        .unwrap_or_default()
        .into_iter()
        .filter_map(|u| u.username)
        .collect();
    in_group.sort();
    assert_eq!(in_group, ["user03", "user11"]);

    let described = client
        .describe_user_pool()
        .user_pool_id(&pool_id)
        .send()
        .await
        .expect("DescribeUserPool");
    assert_eq!(
        described.user_pool.and_then(|p| p.name).as_deref(),
        Some(pool_name.as_str())
    );

    client
        .delete_user_pool()
        .user_pool_id(&pool_id)
        .send()
        .await
        .expect("DeleteUserPool");
    let gone = client
        .describe_user_pool()
        .user_pool_id(&pool_id)
        .send()
        .await;
    let err = gone.expect_err("the pool is deleted");
    assert_eq!(err.code(), Some("ResourceNotFoundException"), "{err:?}");
}

#[tokio::test]
async fn stop_user_import_job_unimplemented_by_moto_is_a_typed_error() {
    let result = client()
        .stop_user_import_job()
        .user_pool_id("us-east-1_EXAMPLE")
        .job_id("import-mAgUtd8PMm")
        .send()
        .await;
    let err = result.expect_err("moto does not implement StopUserImportJob");
    // Whatever moto answers, it arrives as a typed SdkError, never a panic.
    match &err {
        SdkError::ServiceError(service) => {
            let kind = service.err();
            assert!(
                matches!(
                    kind,
                    StopUserImportJobError::Unhandled(_)
                        | StopUserImportJobError::ResourceNotFoundException(_)
                ),
                "{kind:?}"
            );
        }
        other => panic!("expected a service error, got {other:?}"),
    }
}
