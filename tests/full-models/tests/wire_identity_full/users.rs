//! Operations an administrator runs on users: create, update, list, authenticate, settings.

use super::*;

#[tokio::test]
async fn admin_create_user() {
    assert_same_wire(
        "AdminCreateUser",
        "{}",
        async |c: ingot::Client| {
            c.admin_create_user()
                .user_pool_id(POOL)
                .username(USER)
                .set_user_attributes(Some(ingot_attrs(ATTRS)))
                .set_validation_data(Some(ingot_attrs(&[("signup-source", "web")])))
                .temporary_password("Temp-Passw0rd!")
                .force_alias_creation(true)
                .message_action(it::MessageActionType::Suppress)
                .set_desired_delivery_mediums(Some(vec![
                    it::DeliveryMediumType::Email,
                    it::DeliveryMediumType::Sms,
                ]))
                .set_client_metadata(Some(map(METADATA)))
                .send()
                .await
                .map(drop)
        },
        async |c: official::Client| {
            c.admin_create_user()
                .user_pool_id(POOL)
                .username(USER)
                .set_user_attributes(Some(official_attrs(ATTRS)))
                .set_validation_data(Some(official_attrs(&[("signup-source", "web")])))
                .temporary_password("Temp-Passw0rd!")
                .force_alias_creation(true)
                .message_action(ot::MessageActionType::Suppress)
                .set_desired_delivery_mediums(Some(vec![
                    ot::DeliveryMediumType::Email,
                    ot::DeliveryMediumType::Sms,
                ]))
                .set_client_metadata(Some(map(METADATA)))
                .send()
                .await
                .map(drop)
        },
        json!({
            "UserPoolId": POOL,
            "Username": USER,
            "UserAttributes": [
                {"Name": "email", "Value": "alice@example.com"},
                {"Name": "custom:tier", "Value": "gold"},
                {"Name": "email_verified", "Value": "true"}
            ],
            "ValidationData": [{"Name": "signup-source", "Value": "web"}],
            "TemporaryPassword": "Temp-Passw0rd!",
            "ForceAliasCreation": true,
            "MessageAction": "SUPPRESS",
            "DesiredDeliveryMediums": ["EMAIL", "SMS"],
            "ClientMetadata": {"source": "wire-test", "campaign": "q1"}
        }),
    )
    .await;
}

#[tokio::test]
async fn admin_update_user_attributes() {
    assert_same_wire(
        "AdminUpdateUserAttributes",
        "{}",
        async |c: ingot::Client| {
            c.admin_update_user_attributes()
                .user_pool_id(POOL)
                .username(USER)
                .set_user_attributes(Some(ingot_attrs(ATTRS)))
                .set_client_metadata(Some(map(METADATA)))
                .send()
                .await
                .map(drop)
        },
        async |c: official::Client| {
            c.admin_update_user_attributes()
                .user_pool_id(POOL)
                .username(USER)
                .set_user_attributes(Some(official_attrs(ATTRS)))
                .set_client_metadata(Some(map(METADATA)))
                .send()
                .await
                .map(drop)
        },
        json!({
            "UserPoolId": POOL,
            "Username": USER,
            "UserAttributes": [
                {"Name": "email", "Value": "alice@example.com"},
                {"Name": "custom:tier", "Value": "gold"},
                {"Name": "email_verified", "Value": "true"}
            ],
            "ClientMetadata": {"source": "wire-test", "campaign": "q1"}
        }),
    )
    .await;
}

#[tokio::test]
async fn list_users() {
    let filter = "email ^= \"alice\"";
    assert_same_wire(
        "ListUsers",
        r#"{"Users":[]}"#,
        async |c: ingot::Client| {
            c.list_users()
                .user_pool_id(POOL)
                .set_attributes_to_get(Some(vec!["email".to_owned(), "sub".to_owned()]))
                .limit(25)
                .pagination_token("page-2")
                .filter(filter)
                .send()
                .await
                .map(drop)
        },
        async |c: official::Client| {
            c.list_users()
                .user_pool_id(POOL)
                .set_attributes_to_get(Some(vec!["email".to_owned(), "sub".to_owned()]))
                .limit(25)
                .pagination_token("page-2")
                .filter(filter)
                .send()
                .await
                .map(drop)
        },
        json!({
            "UserPoolId": POOL,
            "AttributesToGet": ["email", "sub"],
            "Limit": 25,
            "PaginationToken": "page-2",
            "Filter": filter
        }),
    )
    .await;
}

#[tokio::test]
async fn admin_initiate_auth() {
    let params = &[
        ("USERNAME", USER),
        ("PASSWORD", "Passw0rd!"),
        ("SECRET_HASH", "abc="),
    ];
    let headers = [("User-Agent", "test/1.0"), ("X-Forwarded-For", "192.0.2.1")];
    assert_same_wire(
        "AdminInitiateAuth",
        "{}",
        async |c: ingot::Client| {
            c.admin_initiate_auth()
                .user_pool_id(POOL)
                .client_id(CLIENT_ID)
                .auth_flow(it::AuthFlowType::AdminUserPasswordAuth)
                .set_auth_parameters(Some(map(params)))
                .set_client_metadata(Some(map(METADATA)))
                .analytics_metadata(
                    it::AnalyticsMetadataType::builder()
                        .analytics_endpoint_id("endpoint-1")
                        .build(),
                )
                .context_data(
                    it::ContextDataType::builder()
                        .ip_address("192.0.2.1")
                        .server_name("auth.example.com")
                        .server_path("/login")
                        .set_http_headers(Some(
                            headers
                                .iter()
                                .map(|(n, v)| {
                                    it::HttpHeader::builder()
                                        .header_name(*n)
                                        .header_value(*v)
                                        .build()
                                })
                                .collect::<Vec<_>>(),
                        ))
                        .encoded_data("ZW5jb2RlZA==")
                        .build()
                        .expect("required members set"),
                )
                .session("session-1")
                .send()
                .await
                .map(drop)
        },
        async |c: official::Client| {
            c.admin_initiate_auth()
                .user_pool_id(POOL)
                .client_id(CLIENT_ID)
                .auth_flow(ot::AuthFlowType::AdminUserPasswordAuth)
                .set_auth_parameters(Some(map(params)))
                .set_client_metadata(Some(map(METADATA)))
                .analytics_metadata(
                    ot::AnalyticsMetadataType::builder()
                        .analytics_endpoint_id("endpoint-1")
                        .build(),
                )
                .context_data(
                    ot::ContextDataType::builder()
                        .ip_address("192.0.2.1")
                        .server_name("auth.example.com")
                        .server_path("/login")
                        .set_http_headers(Some(
                            headers
                                .iter()
                                .map(|(n, v)| {
                                    ot::HttpHeader::builder()
                                        .header_name(*n)
                                        .header_value(*v)
                                        .build()
                                })
                                .collect(),
                        ))
                        .encoded_data("ZW5jb2RlZA==")
                        .build()
                        .expect("required members set"),
                )
                .session("session-1")
                .send()
                .await
                .map(drop)
        },
        json!({
            "UserPoolId": POOL,
            "ClientId": CLIENT_ID,
            "AuthFlow": "ADMIN_USER_PASSWORD_AUTH",
            "AuthParameters": {"USERNAME": USER, "PASSWORD": "Passw0rd!", "SECRET_HASH": "abc="},
            "ClientMetadata": {"source": "wire-test", "campaign": "q1"},
            "AnalyticsMetadata": {"AnalyticsEndpointId": "endpoint-1"},
            "ContextData": {
                "IpAddress": "192.0.2.1",
                "ServerName": "auth.example.com",
                "ServerPath": "/login",
                "HttpHeaders": [
                    {"headerName": "User-Agent", "headerValue": "test/1.0"},
                    {"headerName": "X-Forwarded-For", "headerValue": "192.0.2.1"}
                ],
                "EncodedData": "ZW5jb2RlZA=="
            },
            "Session": "session-1"
        }),
    )
    .await;
}

#[tokio::test]
async fn admin_list_user_auth_events() {
    assert_same_wire(
        "AdminListUserAuthEvents",
        r#"{"AuthEvents":[]}"#,
        async |c: ingot::Client| {
            c.admin_list_user_auth_events()
                .user_pool_id(POOL)
                .username(USER)
                .max_results(20)
                .next_token("token-2")
                .send()
                .await
                .map(drop)
        },
        async |c: official::Client| {
            c.admin_list_user_auth_events()
                .user_pool_id(POOL)
                .username(USER)
                .max_results(20)
                .next_token("token-2")
                .send()
                .await
                .map(drop)
        },
        json!({"UserPoolId": POOL, "Username": USER, "MaxResults": 20, "NextToken": "token-2"}),
    )
    .await;
}

#[tokio::test]
async fn admin_set_user_settings() {
    assert_same_wire(
        "AdminSetUserSettings",
        "{}",
        async |c: ingot::Client| {
            c.admin_set_user_settings()
                .user_pool_id(POOL)
                .username(USER)
                .set_mfa_options(Some(vec![
                    it::MfaOptionType::builder()
                        .delivery_medium(it::DeliveryMediumType::Sms)
                        .attribute_name("phone_number")
                        .build(),
                    it::MfaOptionType::builder()
                        .delivery_medium(it::DeliveryMediumType::Email)
                        .attribute_name("email")
                        .build(),
                ]))
                .send()
                .await
                .map(drop)
        },
        async |c: official::Client| {
            c.admin_set_user_settings()
                .user_pool_id(POOL)
                .username(USER)
                .set_mfa_options(Some(vec![
                    ot::MfaOptionType::builder()
                        .delivery_medium(ot::DeliveryMediumType::Sms)
                        .attribute_name("phone_number")
                        .build(),
                    ot::MfaOptionType::builder()
                        .delivery_medium(ot::DeliveryMediumType::Email)
                        .attribute_name("email")
                        .build(),
                ]))
                .send()
                .await
                .map(drop)
        },
        json!({
            "UserPoolId": POOL,
            "Username": USER,
            "MFAOptions": [
                {"DeliveryMedium": "SMS", "AttributeName": "phone_number"},
                {"DeliveryMedium": "EMAIL", "AttributeName": "email"}
            ]
        }),
    )
    .await;
}

#[tokio::test]
async fn admin_set_user_mfa_preference() {
    assert_same_wire(
        "AdminSetUserMFAPreference",
        "{}",
        async |c: ingot::Client| {
            c.admin_set_user_mfa_preference()
                .user_pool_id(POOL)
                .username(USER)
                .sms_mfa_settings(
                    it::SmsMfaSettingsType::builder()
                        .enabled(true)
                        .preferred_mfa(true)
                        .build(),
                )
                .software_token_mfa_settings(
                    it::SoftwareTokenMfaSettingsType::builder()
                        .enabled(true)
                        .preferred_mfa(true)
                        .build(),
                )
                .send()
                .await
                .map(drop)
        },
        async |c: official::Client| {
            c.admin_set_user_mfa_preference()
                .user_pool_id(POOL)
                .username(USER)
                .sms_mfa_settings(
                    ot::SmsMfaSettingsType::builder()
                        .enabled(true)
                        .preferred_mfa(true)
                        .build(),
                )
                .software_token_mfa_settings(
                    ot::SoftwareTokenMfaSettingsType::builder()
                        .enabled(true)
                        .preferred_mfa(true)
                        .build(),
                )
                .send()
                .await
                .map(drop)
        },
        json!({
            "UserPoolId": POOL,
            "Username": USER,
            "SMSMfaSettings": {"Enabled": true, "PreferredMfa": true},
            "SoftwareTokenMfaSettings": {"Enabled": true, "PreferredMfa": true}
        }),
    )
    .await;
}
