//! Cognito user pools: pools with nested policies and schemas, app clients, users with
//! attributes, groups, authentication, reading outputs through accessors.

use aws_sdk_cognitoidentityprovider::primitives::Blob;
use aws_sdk_cognitoidentityprovider::types::{
    AttributeDataType, AttributeType, AuthFlowType, DeliveryMediumType, ExplicitAuthFlowsType,
    MessageActionType, PasswordPolicyType, SchemaAttributeType, StringAttributeConstraintsType,
    TimeUnitsType, TokenValidityUnitsType, UserPoolMfaType, UserPoolPolicyType, UserStatusType,
    UsernameAttributeType, VerifiedAttributeType,
};
use aws_sdk_cognitoidentityprovider::{Client, Error};

/// A pool with a password policy (numbers, bools), a custom schema attribute, list-of-enum and
/// map members appended one entry at a time. Returns the pool id.
pub async fn create_user_pool(client: &Client, name: &str) -> Result<String, Error> {
    let out = client
        .create_user_pool()
        .pool_name(name)
        .policies(
            UserPoolPolicyType::builder()
                .password_policy(
                    PasswordPolicyType::builder()
                        .minimum_length(10)
                        .require_uppercase(true)
                        .require_lowercase(true)
                        .require_numbers(true)
                        .require_symbols(false)
                        .temporary_password_validity_days(3)
                        .build(),
                )
                .build(),
        )
        .schema(
            SchemaAttributeType::builder()
                .name("team")
                .attribute_data_type(AttributeDataType::String)
                .mutable(true)
                .string_attribute_constraints(
                    StringAttributeConstraintsType::builder()
                        .min_length("1")
                        .max_length("64")
                        .build(),
                )
                .build(),
        )
        .auto_verified_attributes(VerifiedAttributeType::Email)
        .username_attributes(UsernameAttributeType::Email)
        .mfa_configuration(UserPoolMfaType::Off)
        .user_pool_tags("project", "ingot")
        .user_pool_tags("stage", "test")
        .send()
        .await?;
    Ok(out
        .user_pool()
        .and_then(|p| p.id())
        .unwrap_or_default()
        .to_string())
}

/// A plain pool with a name only (usernames are free-form).
pub async fn create_plain_pool(client: &Client, name: &str) -> Result<String, Error> {
    let out = client.create_user_pool().pool_name(name).send().await?;
    let Some(pool) = out.user_pool() else {
        return Ok(String::new());
    };
    Ok(pool.id().unwrap_or_default().to_owned())
}

/// Reads a pool back: its name, policy numbers, tags (a map accessor) and schema size.
pub async fn describe_user_pool(client: &Client, pool_id: &str) -> Result<Vec<String>, Error> {
    let out = client
        .describe_user_pool()
        .user_pool_id(pool_id)
        .send()
        .await?;
    let Some(pool) = out.user_pool() else {
        return Ok(vec!["no pool".into()]);
    };
    let policy = pool.policies().and_then(|p| p.password_policy());
    let mut tags: Vec<String> = pool
        .user_pool_tags()
        .map(|t| t.iter().map(|(k, v)| format!("{k}={v}")).collect())
        .unwrap_or_default();
    tags.sort();
    Ok(vec![
        format!("name: {}", pool.name().unwrap_or_default()),
        format!(
            "minimum length: {:?}, uppercase: {:?}",
            policy.map(|p| p.minimum_length()),
            policy.map(|p| p.require_uppercase())
        ),
        format!("tags: {tags:?}"),
        format!(
            "verified: {:?}",
            pool.auto_verified_attributes()
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>()
        ),
        format!("created set: {}", pool.creation_date().is_some()),
    ])
}

/// An app client with auth flows (list of enums), token validity (numbers and enums in a nested
/// structure) and `generate_secret` (bool). Returns the client id.
pub async fn create_app_client(client: &Client, pool_id: &str) -> Result<String, Error> {
    let out = client
        .create_user_pool_client()
        .user_pool_id(pool_id)
        .client_name("app")
        .generate_secret(false)
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowAdminUserPasswordAuth)
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowRefreshTokenAuth)
        .access_token_validity(2)
        .refresh_token_validity(30)
        .token_validity_units(
            TokenValidityUnitsType::builder()
                .access_token(TimeUnitsType::Hours)
                .refresh_token(TimeUnitsType::Days)
                .build(),
        )
        .send()
        .await?;
    Ok(out
        .user_pool_client()
        .and_then(|c| c.client_id())
        .unwrap_or_default()
        .to_string())
}

/// The app client read back: name, flows.
pub async fn describe_app_client(
    client: &Client,
    pool_id: &str,
    client_id: &str,
) -> Result<Vec<String>, Error> {
    let out = client
        .describe_user_pool_client()
        .user_pool_id(pool_id)
        .client_id(client_id)
        .send()
        .await?;
    let app = out.user_pool_client();
    let mut flows: Vec<&str> = app
        .map(|c| c.explicit_auth_flows().iter().map(|f| f.as_str()).collect())
        .unwrap_or_default();
    flows.sort();
    Ok(vec![
        format!("name: {:?}", app.and_then(|c| c.client_name())),
        format!("flows: {flows:?}"),
        format!("secret: {}", app.and_then(|c| c.client_secret()).is_some()),
    ])
}

/// A user with attributes (a list of structures whose `build()` can fail), a suppressed
/// welcome message and delivery mediums.
pub async fn admin_create_user(
    client: &Client,
    pool_id: &str,
    username: &str,
) -> Result<Option<String>, Error> {
    let out = client
        .admin_create_user()
        .user_pool_id(pool_id)
        .username(username)
        .user_attributes(
            AttributeType::builder()
                .name("email")
                .value(format!("{username}@example.com"))
                .build()?,
        )
        .user_attributes(
            AttributeType::builder()
                .name("email_verified")
                .value("true")
                .build()?,
        )
        .temporary_password("Temp-Passw0rd!")
        .message_action(MessageActionType::Suppress)
        .desired_delivery_mediums(DeliveryMediumType::Email)
        .send()
        .await?;
    Ok(out
        .user()
        .and_then(|u| u.user_status())
        .map(|s| s.as_str().to_string()))
}

/// A user read back through its accessors; the generated `sub` is not printed.
pub async fn admin_get_user(
    client: &Client,
    pool_id: &str,
    username: &str,
) -> Result<Vec<String>, Error> {
    let out = client
        .admin_get_user()
        .user_pool_id(pool_id)
        .username(username)
        .send()
        .await?;
    let mut attributes: Vec<String> = out
        .user_attributes()
        .iter()
        .filter(|a| a.name() != "sub")
        .map(|a| format!("{}={}", a.name(), a.value().unwrap_or_default()))
        .collect();
    attributes.sort();
    let confirmed = matches!(out.user_status(), Some(UserStatusType::Confirmed));
    Ok(vec![
        format!("username: {}", out.username()),
        format!("enabled: {}", out.enabled()),
        format!("confirmed: {confirmed}"),
        format!("attributes: {attributes:?}"),
        format!("created set: {}", out.user_create_date().is_some()),
        format!("mfa options: {}", out.mfa_options().len()),
    ])
}

/// A permanent password, so the user is confirmed.
pub async fn set_password(
    client: &Client,
    pool_id: &str,
    username: &str,
    password: &str,
) -> Result<(), Error> {
    client
        .admin_set_user_password()
        .user_pool_id(pool_id)
        .username(username)
        .password(password)
        .permanent(true)
        .send()
        .await?;
    Ok(())
}

/// Sign-in with the admin flow; the auth parameters map is appended one entry at a time.
/// Returns whether tokens came back (their values are random).
pub async fn admin_sign_in(
    client: &Client,
    pool_id: &str,
    client_id: &str,
    username: &str,
    password: &str,
) -> Result<Vec<String>, Error> {
    let out = client
        .admin_initiate_auth()
        .user_pool_id(pool_id)
        .client_id(client_id)
        .auth_flow(AuthFlowType::AdminUserPasswordAuth)
        .auth_parameters("USERNAME", username)
        .auth_parameters("PASSWORD", password)
        .send()
        .await?;
    let result = out.authentication_result();
    Ok(vec![
        format!("challenge: {:?}", out.challenge_name().map(|c| c.as_str())),
        format!(
            "access token: {}",
            result.and_then(|r| r.access_token()).is_some()
        ),
        format!("token type: {:?}", result.and_then(|r| r.token_type())),
        format!("expires in: {:?}", result.map(|r| r.expires_in())),
    ])
}

/// Changes attributes in place.
pub async fn update_attributes(
    client: &Client,
    pool_id: &str,
    username: &str,
) -> Result<(), Error> {
    client
        .admin_update_user_attributes()
        .user_pool_id(pool_id)
        .username(username)
        .user_attributes(
            AttributeType::builder()
                .name("given_name")
                .value("Ada")
                .build()?,
        )
        .send()
        .await?;
    Ok(())
}

/// Disables then enables a user.
pub async fn toggle_user(client: &Client, pool_id: &str, username: &str) -> Result<(), Error> {
    client
        .admin_disable_user()
        .user_pool_id(pool_id)
        .username(username)
        .send()
        .await?;
    client
        .admin_enable_user()
        .user_pool_id(pool_id)
        .username(username)
        .send()
        .await?;
    Ok(())
}

/// A group with a precedence (number) and a membership.
pub async fn group_membership(
    client: &Client,
    pool_id: &str,
    username: &str,
    group: &str,
) -> Result<Option<i32>, Error> {
    let out = client
        .create_group()
        .user_pool_id(pool_id)
        .group_name(group)
        .description("people who build")
        .precedence(5)
        .send()
        .await?;
    client
        .admin_add_user_to_group()
        .user_pool_id(pool_id)
        .username(username)
        .group_name(group)
        .send()
        .await?;
    Ok(out.group().and_then(|g| g.precedence()))
}

/// Users matching a filter, one page.
pub async fn find_users(
    client: &Client,
    pool_id: &str,
    prefix: &str,
) -> Result<Vec<String>, Error> {
    let out = client
        .list_users()
        .user_pool_id(pool_id)
        .filter(format!("username ^= \"{prefix}\""))
        .limit(60)
        .attributes_to_get("email")
        .send()
        .await?;
    let mut names: Vec<String> = out
        .users()
        .iter()
        .filter_map(|u| u.username().map(str::to_owned))
        .collect();
    names.sort();
    Ok(names)
}

/// Self-service sign-up: whether the user is confirmed, and that a `sub` came back.
pub async fn sign_up(
    client: &Client,
    client_id: &str,
    username: &str,
    password: &str,
) -> Result<(bool, bool), Error> {
    let out = client
        .sign_up()
        .client_id(client_id)
        .username(username)
        .password(password)
        .user_attributes(
            AttributeType::builder()
                .name("email")
                .value("new@example.com")
                .build()?,
        )
        .send()
        .await?;
    Ok((out.user_confirmed(), !out.user_sub().is_empty()))
}

/// Custom attributes added later (a list of nested structures).
pub async fn add_custom_attribute(client: &Client, pool_id: &str) -> Result<(), Error> {
    client
        .add_custom_attributes()
        .user_pool_id(pool_id)
        .custom_attributes(
            SchemaAttributeType::builder()
                .name("level")
                .attribute_data_type(AttributeDataType::Number)
                .mutable(true)
                .build(),
        )
        .send()
        .await?;
    Ok(())
}

/// A blob input: the hosted UI's logo.
pub async fn set_logo(client: &Client, pool_id: &str, png: Vec<u8>) -> Result<(), Error> {
    client
        .set_ui_customization()
        .user_pool_id(pool_id)
        .css(".logo { width: 10px }")
        .image_file(Blob::new(png))
        .send()
        .await?;
    Ok(())
}

/// The pool's MFA configuration.
pub async fn mfa_config(client: &Client, pool_id: &str) -> Result<Option<String>, Error> {
    let out = client
        .get_user_pool_mfa_config()
        .user_pool_id(pool_id)
        .send()
        .await?;
    Ok(out.mfa_configuration().map(|m| m.as_str().to_owned()))
}

/// Deletes a user and the pool.
pub async fn clean_up(client: &Client, pool_id: &str, username: &str) -> Result<(), Error> {
    client
        .admin_delete_user()
        .user_pool_id(pool_id)
        .username(username)
        .send()
        .await?;
    client
        .delete_user_pool()
        .user_pool_id(pool_id)
        .send()
        .await?;
    Ok(())
}

/// Output structures are plain data: clone, compare, debug-print.
pub fn model_types_are_data() -> bool {
    match AttributeType::builder().name("email").value("x").build() {
        Ok(a) => a.clone() == a && format!("{a:?}").contains("email"),
        Err(_) => false,
    }
}

/// `build()` fails when a required member is missing, naming it.
pub fn build_error_names_the_field() -> String {
    match AttributeType::builder().value("no name").build() {
        Ok(_) => "built".into(),
        Err(err) => format!(
            "build error mentions name: {}",
            err.to_string().contains("name")
        ),
    }
}

/// A document member: the managed login page's settings, built as `aws_smithy_types::Document`
/// (the SDK does not re-export the type; its docs name `aws_smithy_types`), read back as one.
pub async fn managed_login_branding(
    client: &Client,
    pool_id: &str,
    client_id: &str,
) -> Result<Option<bool>, Error> {
    use aws_smithy_types::{Document, Number};
    use std::collections::HashMap;
    let settings = Document::Object(HashMap::from([
        ("darkMode".to_string(), Document::Bool(true)),
        ("radius".to_string(), Document::Number(Number::PosInt(4))),
        (
            "fonts".to_string(),
            Document::Array(vec![Document::String("Inter".into())]),
        ),
        ("logo".to_string(), Document::Null),
    ]));
    let out = client
        .create_managed_login_branding()
        .user_pool_id(pool_id)
        .client_id(client_id)
        .use_cognito_provided_values(false)
        .settings(settings)
        .send()
        .await?;
    Ok(out
        .managed_login_branding()
        .and_then(|b| b.settings())
        .map(|s| matches!(s, Document::Object(o) if o.contains_key("darkMode"))))
}
