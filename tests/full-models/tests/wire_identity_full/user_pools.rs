//! Operations on user pools and their clients, groups and identity providers.

use super::*;

#[tokio::test]
async fn create_user_pool() {
    let tags = &[("team", "identity"), ("cost-center", "42")];
    assert_same_wire(
        "CreateUserPool",
        "{}",
        async |c: ingot::Client| {
            c.create_user_pool()
                .pool_name("customers")
                .policies(
                    it::UserPoolPolicyType::builder()
                        .password_policy(
                            it::PasswordPolicyType::builder()
                                .minimum_length(12)
                                .require_uppercase(true)
                                .require_lowercase(true)
                                .require_numbers(true)
                                .require_symbols(true)
                                .password_history_size(5)
                                .temporary_password_validity_days(3)
                                .build(),
                        )
                        .sign_in_policy(
                            it::SignInPolicyType::builder()
                                .set_allowed_first_auth_factors(Some(vec![
                                    it::AuthFactorType::Password,
                                    it::AuthFactorType::EmailOtp,
                                ]))
                                .build(),
                        )
                        .build(),
                )
                .deletion_protection(it::DeletionProtectionType::Active)
                .lambda_config(
                    it::LambdaConfigType::builder()
                        .pre_sign_up(LAMBDA)
                        .post_confirmation(LAMBDA)
                        .pre_token_generation_config(
                            it::PreTokenGenerationVersionConfigType::builder()
                                .lambda_version(it::PreTokenGenerationLambdaVersionType::V20)
                                .lambda_arn(LAMBDA)
                                .build()
                                .expect("required members set"),
                        )
                        .custom_sms_sender(
                            it::CustomSmsLambdaVersionConfigType::builder()
                                .lambda_version(it::CustomSmsSenderLambdaVersionType::V10)
                                .lambda_arn(LAMBDA)
                                .build()
                                .expect("required members set"),
                        )
                        .kms_key_id(KMS)
                        .build(),
                )
                .set_auto_verified_attributes(Some(vec![it::VerifiedAttributeType::Email]))
                .set_alias_attributes(Some(vec![
                    it::AliasAttributeType::Email,
                    it::AliasAttributeType::PreferredUsername,
                ]))
                .verification_message_template(
                    it::VerificationMessageTemplateType::builder()
                        .email_message_by_link("Click {##here##}")
                        .email_subject_by_link("Verify")
                        .default_email_option(it::DefaultEmailOptionType::ConfirmWithLink)
                        .build(),
                )
                .mfa_configuration(it::UserPoolMfaType::Optional)
                .user_attribute_update_settings(
                    it::UserAttributeUpdateSettingsType::builder()
                        .set_attributes_require_verification_before_update(Some(vec![
                            it::VerifiedAttributeType::Email,
                        ]))
                        .build(),
                )
                .device_configuration(
                    it::DeviceConfigurationType::builder()
                        .challenge_required_on_new_device(true)
                        .device_only_remembered_on_user_prompt(true)
                        .build(),
                )
                .email_configuration(
                    it::EmailConfigurationType::builder()
                        .source_arn(SES)
                        .email_sending_account(it::EmailSendingAccountType::Developer)
                        .from("Example <no-reply@example.com>")
                        .build(),
                )
                .sms_configuration(
                    it::SmsConfigurationType::builder()
                        .sns_caller_arn(SNS_ROLE)
                        .external_id("ext-1")
                        .sns_region("us-west-2")
                        .build()
                        .expect("required members set"),
                )
                .set_user_pool_tags(Some(map(tags)))
                .admin_create_user_config(
                    it::AdminCreateUserConfigType::builder()
                        .allow_admin_create_user_only(true)
                        .invite_message_template(
                            it::MessageTemplateType::builder()
                                .email_message("Your code is {####} for {username}")
                                .email_subject("Welcome")
                                .build(),
                        )
                        .build(),
                )
                .set_schema(Some(vec![
                    it::SchemaAttributeType::builder()
                        .name("tier")
                        .attribute_data_type(it::AttributeDataType::String)
                        .mutable(true)
                        .developer_only_attribute(false)
                        .string_attribute_constraints(
                            it::StringAttributeConstraintsType::builder()
                                .min_length("1")
                                .max_length("16")
                                .build(),
                        )
                        .build(),
                    it::SchemaAttributeType::builder()
                        .name("age")
                        .attribute_data_type(it::AttributeDataType::Number)
                        .required(false)
                        .number_attribute_constraints(
                            it::NumberAttributeConstraintsType::builder()
                                .min_value("0")
                                .max_value("150")
                                .build(),
                        )
                        .build(),
                ]))
                .username_configuration(
                    it::UsernameConfigurationType::builder()
                        .case_sensitive(false)
                        .build()
                        .expect("required members set"),
                )
                .account_recovery_setting(
                    it::AccountRecoverySettingType::builder()
                        .set_recovery_mechanisms(Some(vec![
                            it::RecoveryOptionType::builder()
                                .priority(1)
                                .name(it::RecoveryOptionNameType::VerifiedEmail)
                                .build()
                                .expect("required members set"),
                            it::RecoveryOptionType::builder()
                                .priority(2)
                                .name(it::RecoveryOptionNameType::VerifiedPhoneNumber)
                                .build()
                                .expect("required members set"),
                        ]))
                        .build(),
                )
                .user_pool_tier(it::UserPoolTierType::Essentials)
                .send()
                .await
                .map(drop)
        },
        async |c: official::Client| {
            c.create_user_pool()
                .pool_name("customers")
                .policies(
                    ot::UserPoolPolicyType::builder()
                        .password_policy(
                            ot::PasswordPolicyType::builder()
                                .minimum_length(12)
                                .require_uppercase(true)
                                .require_lowercase(true)
                                .require_numbers(true)
                                .require_symbols(true)
                                .password_history_size(5)
                                .temporary_password_validity_days(3)
                                .build(),
                        )
                        .sign_in_policy(
                            ot::SignInPolicyType::builder()
                                .set_allowed_first_auth_factors(Some(vec![
                                    ot::AuthFactorType::Password,
                                    ot::AuthFactorType::EmailOtp,
                                ]))
                                .build(),
                        )
                        .build(),
                )
                .deletion_protection(ot::DeletionProtectionType::Active)
                .lambda_config(
                    ot::LambdaConfigType::builder()
                        .pre_sign_up(LAMBDA)
                        .post_confirmation(LAMBDA)
                        .pre_token_generation_config(
                            ot::PreTokenGenerationVersionConfigType::builder()
                                .lambda_version(ot::PreTokenGenerationLambdaVersionType::V20)
                                .lambda_arn(LAMBDA)
                                .build()
                                .expect("required members set"),
                        )
                        .custom_sms_sender(
                            ot::CustomSmsLambdaVersionConfigType::builder()
                                .lambda_version(ot::CustomSmsSenderLambdaVersionType::V10)
                                .lambda_arn(LAMBDA)
                                .build()
                                .expect("required members set"),
                        )
                        .kms_key_id(KMS)
                        .build(),
                )
                .set_auto_verified_attributes(Some(vec![ot::VerifiedAttributeType::Email]))
                .set_alias_attributes(Some(vec![
                    ot::AliasAttributeType::Email,
                    ot::AliasAttributeType::PreferredUsername,
                ]))
                .verification_message_template(
                    ot::VerificationMessageTemplateType::builder()
                        .email_message_by_link("Click {##here##}")
                        .email_subject_by_link("Verify")
                        .default_email_option(ot::DefaultEmailOptionType::ConfirmWithLink)
                        .build(),
                )
                .mfa_configuration(ot::UserPoolMfaType::Optional)
                .user_attribute_update_settings(
                    ot::UserAttributeUpdateSettingsType::builder()
                        .set_attributes_require_verification_before_update(Some(vec![
                            ot::VerifiedAttributeType::Email,
                        ]))
                        .build(),
                )
                .device_configuration(
                    ot::DeviceConfigurationType::builder()
                        .challenge_required_on_new_device(true)
                        .device_only_remembered_on_user_prompt(true)
                        .build(),
                )
                .email_configuration(
                    ot::EmailConfigurationType::builder()
                        .source_arn(SES)
                        .email_sending_account(ot::EmailSendingAccountType::Developer)
                        .from("Example <no-reply@example.com>")
                        .build(),
                )
                .sms_configuration(
                    ot::SmsConfigurationType::builder()
                        .sns_caller_arn(SNS_ROLE)
                        .external_id("ext-1")
                        .sns_region("us-west-2")
                        .build(),
                )
                .set_user_pool_tags(Some(map(tags)))
                .admin_create_user_config(
                    ot::AdminCreateUserConfigType::builder()
                        .allow_admin_create_user_only(true)
                        .invite_message_template(
                            ot::MessageTemplateType::builder()
                                .email_message("Your code is {####} for {username}")
                                .email_subject("Welcome")
                                .build(),
                        )
                        .build(),
                )
                .set_schema(Some(vec![
                    ot::SchemaAttributeType::builder()
                        .name("tier")
                        .attribute_data_type(ot::AttributeDataType::String)
                        .mutable(true)
                        .developer_only_attribute(false)
                        .string_attribute_constraints(
                            ot::StringAttributeConstraintsType::builder()
                                .min_length("1")
                                .max_length("16")
                                .build(),
                        )
                        .build(),
                    ot::SchemaAttributeType::builder()
                        .name("age")
                        .attribute_data_type(ot::AttributeDataType::Number)
                        .required(false)
                        .number_attribute_constraints(
                            ot::NumberAttributeConstraintsType::builder()
                                .min_value("0")
                                .max_value("150")
                                .build(),
                        )
                        .build(),
                ]))
                .username_configuration(
                    ot::UsernameConfigurationType::builder()
                        .case_sensitive(false)
                        .build()
                        .expect("required members set"),
                )
                .account_recovery_setting(
                    ot::AccountRecoverySettingType::builder()
                        .set_recovery_mechanisms(Some(vec![
                            ot::RecoveryOptionType::builder()
                                .priority(1)
                                .name(ot::RecoveryOptionNameType::VerifiedEmail)
                                .build()
                                .expect("required members set"),
                            ot::RecoveryOptionType::builder()
                                .priority(2)
                                .name(ot::RecoveryOptionNameType::VerifiedPhoneNumber)
                                .build()
                                .expect("required members set"),
                        ]))
                        .build(),
                )
                .user_pool_tier(ot::UserPoolTierType::Essentials)
                .send()
                .await
                .map(drop)
        },
        json!({
            "PoolName": "customers",
            "Policies": {
                "PasswordPolicy": {
                    "MinimumLength": 12,
                    "RequireUppercase": true,
                    "RequireLowercase": true,
                    "RequireNumbers": true,
                    "RequireSymbols": true,
                    "PasswordHistorySize": 5,
                    "TemporaryPasswordValidityDays": 3
                },
                "SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP"]}
            },
            "DeletionProtection": "ACTIVE",
            "LambdaConfig": {
                "PreSignUp": LAMBDA,
                "PostConfirmation": LAMBDA,
                "PreTokenGenerationConfig": {"LambdaVersion": "V2_0", "LambdaArn": LAMBDA},
                "CustomSMSSender": {"LambdaVersion": "V1_0", "LambdaArn": LAMBDA},
                "KMSKeyID": KMS
            },
            "AutoVerifiedAttributes": ["email"],
            "AliasAttributes": ["email", "preferred_username"],
            "VerificationMessageTemplate": {
                "EmailMessageByLink": "Click {##here##}",
                "EmailSubjectByLink": "Verify",
                "DefaultEmailOption": "CONFIRM_WITH_LINK"
            },
            "MfaConfiguration": "OPTIONAL",
            "UserAttributeUpdateSettings": {"AttributesRequireVerificationBeforeUpdate": ["email"]},
            "DeviceConfiguration": {
                "ChallengeRequiredOnNewDevice": true,
                "DeviceOnlyRememberedOnUserPrompt": true
            },
            "EmailConfiguration": {
                "SourceArn": SES,
                "EmailSendingAccount": "DEVELOPER",
                "From": "Example <no-reply@example.com>"
            },
            "SmsConfiguration": {
                "SnsCallerArn": SNS_ROLE,
                "ExternalId": "ext-1",
                "SnsRegion": "us-west-2"
            },
            "UserPoolTags": {"team": "identity", "cost-center": "42"},
            "AdminCreateUserConfig": {
                "AllowAdminCreateUserOnly": true,
                // Not set, but a non-optional `@default(0)` member of a nested structure: both
                // clients write its default.
                "UnusedAccountValidityDays": 0,
                "InviteMessageTemplate": {
                    "EmailMessage": "Your code is {####} for {username}",
                    "EmailSubject": "Welcome"
                }
            },
            "Schema": [
                {
                    "Name": "tier",
                    "AttributeDataType": "String",
                    "Mutable": true,
                    "DeveloperOnlyAttribute": false,
                    "StringAttributeConstraints": {"MinLength": "1", "MaxLength": "16"}
                },
                {
                    "Name": "age",
                    "AttributeDataType": "Number",
                    "Required": false,
                    "NumberAttributeConstraints": {"MinValue": "0", "MaxValue": "150"}
                }
            ],
            "UsernameConfiguration": {"CaseSensitive": false},
            "AccountRecoverySetting": {
                "RecoveryMechanisms": [
                    {"Priority": 1, "Name": "verified_email"},
                    {"Priority": 2, "Name": "verified_phone_number"}
                ]
            },
            "UserPoolTier": "ESSENTIALS"
        }),
    )
    .await;
}

/// Nested `@default` members left unset are written with their default values by both clients
/// (the spec's "effective defaults SHOULD be serialized"), while unset optional members are not.
#[tokio::test]
async fn create_user_pool_with_nested_defaults_left_unset() {
    assert_same_wire(
        "CreateUserPool",
        "{}",
        async |c: ingot::Client| {
            c.create_user_pool()
                .pool_name("defaults")
                .policies(
                    it::UserPoolPolicyType::builder()
                        .password_policy(
                            it::PasswordPolicyType::builder().minimum_length(8).build(),
                        )
                        .build(),
                )
                .send()
                .await
                .map(drop)
        },
        async |c: official::Client| {
            c.create_user_pool()
                .pool_name("defaults")
                .policies(
                    ot::UserPoolPolicyType::builder()
                        .password_policy(
                            ot::PasswordPolicyType::builder().minimum_length(8).build(),
                        )
                        .build(),
                )
                .send()
                .await
                .map(drop)
        },
        json!({
            "PoolName": "defaults",
            "Policies": {
                "PasswordPolicy": {
                    "MinimumLength": 8,
                    "RequireUppercase": false,
                    "RequireLowercase": false,
                    "RequireNumbers": false,
                    "RequireSymbols": false,
                    "TemporaryPasswordValidityDays": 0
                }
            }
        }),
    )
    .await;
}

#[tokio::test]
async fn update_user_pool() {
    assert_same_wire(
        "UpdateUserPool",
        "{}",
        async |c: ingot::Client| {
            c.update_user_pool()
                .user_pool_id(POOL)
                .deletion_protection(it::DeletionProtectionType::Inactive)
                .mfa_configuration(it::UserPoolMfaType::On)
                .sms_authentication_message("Your code is {####}")
                .set_auto_verified_attributes(Some(vec![
                    it::VerifiedAttributeType::Email,
                    it::VerifiedAttributeType::PhoneNumber,
                ]))
                .set_user_pool_tags(Some(map(&[("env", "test")])))
                .lambda_config(
                    it::LambdaConfigType::builder()
                        .custom_message(LAMBDA)
                        .user_migration(LAMBDA)
                        .build(),
                )
                .user_pool_add_ons(
                    it::UserPoolAddOnsType::builder()
                        .advanced_security_mode(it::AdvancedSecurityModeType::Audit)
                        .build()
                        .expect("required members set"),
                )
                .send()
                .await
                .map(drop)
        },
        async |c: official::Client| {
            c.update_user_pool()
                .user_pool_id(POOL)
                .deletion_protection(ot::DeletionProtectionType::Inactive)
                .mfa_configuration(ot::UserPoolMfaType::On)
                .sms_authentication_message("Your code is {####}")
                .set_auto_verified_attributes(Some(vec![
                    ot::VerifiedAttributeType::Email,
                    ot::VerifiedAttributeType::PhoneNumber,
                ]))
                .set_user_pool_tags(Some(map(&[("env", "test")])))
                .lambda_config(
                    ot::LambdaConfigType::builder()
                        .custom_message(LAMBDA)
                        .user_migration(LAMBDA)
                        .build(),
                )
                .user_pool_add_ons(
                    ot::UserPoolAddOnsType::builder()
                        .advanced_security_mode(ot::AdvancedSecurityModeType::Audit)
                        .build()
                        .expect("required members set"),
                )
                .send()
                .await
                .map(drop)
        },
        json!({
            "UserPoolId": POOL,
            "DeletionProtection": "INACTIVE",
            "MfaConfiguration": "ON",
            "SmsAuthenticationMessage": "Your code is {####}",
            "AutoVerifiedAttributes": ["email", "phone_number"],
            "UserPoolTags": {"env": "test"},
            "LambdaConfig": {"CustomMessage": LAMBDA, "UserMigration": LAMBDA},
            "UserPoolAddOns": {"AdvancedSecurityMode": "AUDIT"}
        }),
    )
    .await;
}

#[tokio::test]
async fn create_user_pool_client() {
    let urls = ["https://app.example.com/callback"];
    assert_same_wire(
        "CreateUserPoolClient",
        "{}",
        async |c: ingot::Client| {
            c.create_user_pool_client()
                .user_pool_id(POOL)
                .client_name("web")
                .generate_secret(true)
                .refresh_token_validity(30)
                .access_token_validity(60)
                .id_token_validity(60)
                .token_validity_units(
                    it::TokenValidityUnitsType::builder()
                        .access_token(it::TimeUnitsType::Minutes)
                        .id_token(it::TimeUnitsType::Minutes)
                        .refresh_token(it::TimeUnitsType::Days)
                        .build(),
                )
                .set_read_attributes(Some(vec!["email".to_owned(), "custom:tier".to_owned()]))
                .set_explicit_auth_flows(Some(vec![
                    it::ExplicitAuthFlowsType::AllowUserSrpAuth,
                    it::ExplicitAuthFlowsType::AllowRefreshTokenAuth,
                    it::ExplicitAuthFlowsType::AllowAdminUserPasswordAuth,
                ]))
                .set_supported_identity_providers(Some(vec!["COGNITO".to_owned()]))
                .set_callback_urls(Some(urls.map(str::to_owned).to_vec()))
                .set_allowed_o_auth_flows(Some(vec![it::OAuthFlowType::Code]))
                .set_allowed_o_auth_scopes(Some(vec!["openid".to_owned(), "email".to_owned()]))
                .allowed_o_auth_flows_user_pool_client(true)
                .analytics_configuration(
                    it::AnalyticsConfigurationType::builder()
                        .application_id("app-1")
                        .user_data_shared(true)
                        .build(),
                )
                .prevent_user_existence_errors(it::PreventUserExistenceErrorTypes::Enabled)
                .enable_token_revocation(true)
                .auth_session_validity(5)
                .send()
                .await
                .map(drop)
        },
        async |c: official::Client| {
            c.create_user_pool_client()
                .user_pool_id(POOL)
                .client_name("web")
                .generate_secret(true)
                .refresh_token_validity(30)
                .access_token_validity(60)
                .id_token_validity(60)
                .token_validity_units(
                    ot::TokenValidityUnitsType::builder()
                        .access_token(ot::TimeUnitsType::Minutes)
                        .id_token(ot::TimeUnitsType::Minutes)
                        .refresh_token(ot::TimeUnitsType::Days)
                        .build(),
                )
                .set_read_attributes(Some(vec!["email".to_owned(), "custom:tier".to_owned()]))
                .set_explicit_auth_flows(Some(vec![
                    ot::ExplicitAuthFlowsType::AllowUserSrpAuth,
                    ot::ExplicitAuthFlowsType::AllowRefreshTokenAuth,
                    ot::ExplicitAuthFlowsType::AllowAdminUserPasswordAuth,
                ]))
                .set_supported_identity_providers(Some(vec!["COGNITO".to_owned()]))
                .set_callback_urls(Some(urls.map(str::to_owned).to_vec()))
                .set_allowed_o_auth_flows(Some(vec![ot::OAuthFlowType::Code]))
                .set_allowed_o_auth_scopes(Some(vec!["openid".to_owned(), "email".to_owned()]))
                .allowed_o_auth_flows_user_pool_client(true)
                .analytics_configuration(
                    ot::AnalyticsConfigurationType::builder()
                        .application_id("app-1")
                        .user_data_shared(true)
                        .build(),
                )
                .prevent_user_existence_errors(ot::PreventUserExistenceErrorTypes::Enabled)
                .enable_token_revocation(true)
                .auth_session_validity(5)
                .send()
                .await
                .map(drop)
        },
        json!({
            "UserPoolId": POOL,
            "ClientName": "web",
            "GenerateSecret": true,
            "RefreshTokenValidity": 30,
            "AccessTokenValidity": 60,
            "IdTokenValidity": 60,
            "TokenValidityUnits": {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"},
            "ReadAttributes": ["email", "custom:tier"],
            "ExplicitAuthFlows": [
                "ALLOW_USER_SRP_AUTH",
                "ALLOW_REFRESH_TOKEN_AUTH",
                "ALLOW_ADMIN_USER_PASSWORD_AUTH"
            ],
            "SupportedIdentityProviders": ["COGNITO"],
            "CallbackURLs": urls,
            "AllowedOAuthFlows": ["code"],
            "AllowedOAuthScopes": ["openid", "email"],
            "AllowedOAuthFlowsUserPoolClient": true,
            "AnalyticsConfiguration": {"ApplicationId": "app-1", "UserDataShared": true},
            "PreventUserExistenceErrors": "ENABLED",
            "EnableTokenRevocation": true,
            "AuthSessionValidity": 5
        }),
    )
    .await;
}

#[tokio::test]
async fn set_user_pool_mfa_config() {
    assert_same_wire(
        "SetUserPoolMfaConfig",
        "{}",
        async |c: ingot::Client| {
            c.set_user_pool_mfa_config()
                .user_pool_id(POOL)
                .sms_mfa_configuration(
                    it::SmsMfaConfigType::builder()
                        .sms_authentication_message("Code: {####}")
                        .sms_configuration(
                            it::SmsConfigurationType::builder()
                                .sns_caller_arn(SNS_ROLE)
                                .build()
                                .expect("required members set"),
                        )
                        .build(),
                )
                .software_token_mfa_configuration(
                    it::SoftwareTokenMfaConfigType::builder()
                        .enabled(true)
                        .build(),
                )
                .email_mfa_configuration(
                    it::EmailMfaConfigType::builder()
                        .message("Code: {####}")
                        .subject("Sign-in code")
                        .build(),
                )
                .web_authn_configuration(
                    it::WebAuthnConfigurationType::builder()
                        .relying_party_id("auth.example.com")
                        .user_verification(it::UserVerificationType::Required)
                        .build(),
                )
                .mfa_configuration(it::UserPoolMfaType::Optional)
                .send()
                .await
                .map(drop)
        },
        async |c: official::Client| {
            c.set_user_pool_mfa_config()
                .user_pool_id(POOL)
                .sms_mfa_configuration(
                    ot::SmsMfaConfigType::builder()
                        .sms_authentication_message("Code: {####}")
                        .sms_configuration(
                            ot::SmsConfigurationType::builder()
                                .sns_caller_arn(SNS_ROLE)
                                .build(),
                        )
                        .build(),
                )
                .software_token_mfa_configuration(
                    ot::SoftwareTokenMfaConfigType::builder()
                        .enabled(true)
                        .build(),
                )
                .email_mfa_configuration(
                    ot::EmailMfaConfigType::builder()
                        .message("Code: {####}")
                        .subject("Sign-in code")
                        .build(),
                )
                .web_authn_configuration(
                    ot::WebAuthnConfigurationType::builder()
                        .relying_party_id("auth.example.com")
                        .user_verification(ot::UserVerificationType::Required)
                        .build(),
                )
                .mfa_configuration(ot::UserPoolMfaType::Optional)
                .send()
                .await
                .map(drop)
        },
        json!({
            "UserPoolId": POOL,
            "SmsMfaConfiguration": {
                "SmsAuthenticationMessage": "Code: {####}",
                "SmsConfiguration": {"SnsCallerArn": SNS_ROLE}
            },
            "SoftwareTokenMfaConfiguration": {"Enabled": true},
            "EmailMfaConfiguration": {"Message": "Code: {####}", "Subject": "Sign-in code"},
            "WebAuthnConfiguration": {
                "RelyingPartyId": "auth.example.com",
                "UserVerification": "required"
            },
            "MfaConfiguration": "OPTIONAL"
        }),
    )
    .await;
}

#[tokio::test]
async fn create_identity_provider() {
    let details = &[
        ("client_id", "oidc-client"),
        ("client_secret", "oidc-secret"),
        ("authorize_scopes", "openid email"),
        ("oidc_issuer", "https://issuer.example.com"),
        ("attributes_request_method", "GET"),
    ];
    let mapping = &[("email", "email"), ("username", "sub")];
    assert_same_wire(
        "CreateIdentityProvider",
        "{}",
        async |c: ingot::Client| {
            c.create_identity_provider()
                .user_pool_id(POOL)
                .provider_name("ExampleOIDC")
                .provider_type(it::IdentityProviderTypeType::Oidc)
                .set_provider_details(Some(map(details)))
                .set_attribute_mapping(Some(map(mapping)))
                .set_idp_identifiers(Some(vec!["example.com".to_owned(), "ex".to_owned()]))
                .send()
                .await
                .map(drop)
        },
        async |c: official::Client| {
            c.create_identity_provider()
                .user_pool_id(POOL)
                .provider_name("ExampleOIDC")
                .provider_type(ot::IdentityProviderTypeType::Oidc)
                .set_provider_details(Some(map(details)))
                .set_attribute_mapping(Some(map(mapping)))
                .set_idp_identifiers(Some(vec!["example.com".to_owned(), "ex".to_owned()]))
                .send()
                .await
                .map(drop)
        },
        json!({
            "UserPoolId": POOL,
            "ProviderName": "ExampleOIDC",
            "ProviderType": "OIDC",
            "ProviderDetails": {
                "client_id": "oidc-client",
                "client_secret": "oidc-secret",
                "authorize_scopes": "openid email",
                "oidc_issuer": "https://issuer.example.com",
                "attributes_request_method": "GET"
            },
            "AttributeMapping": {"email": "email", "username": "sub"},
            "IdpIdentifiers": ["example.com", "ex"]
        }),
    )
    .await;
}

#[tokio::test]
async fn create_group() {
    let role = "arn:aws:iam::123456789012:role/admins";
    assert_same_wire(
        "CreateGroup",
        "{}",
        async |c: ingot::Client| {
            c.create_group()
                .group_name("admins")
                .user_pool_id(POOL)
                .description("Administrators")
                .role_arn(role)
                .precedence(1)
                .send()
                .await
                .map(drop)
        },
        async |c: official::Client| {
            c.create_group()
                .group_name("admins")
                .user_pool_id(POOL)
                .description("Administrators")
                .role_arn(role)
                .precedence(1)
                .send()
                .await
                .map(drop)
        },
        json!({
            "GroupName": "admins",
            "UserPoolId": POOL,
            "Description": "Administrators",
            "RoleArn": role,
            "Precedence": 1
        }),
    )
    .await;
}
