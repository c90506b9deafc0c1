//! Every type of the generated types crate survives value -> awsJson -> value unchanged.
//!
//! Values are built through the public builders, as users build them. Strings include control
//! characters, quotes, backslashes and astral characters; timestamps are at millisecond
//! precision (what the wire keeps) over years 0001..=9999; enum values include unknown ones.

use std::fmt::Debug;

use cognitoidentityprovider_server::input::StopUserImportJobInput;
use cognitoidentityprovider_server::output::StopUserImportJobOutput;
use cognitoidentityprovider_server::types::error::{
    InternalErrorException, InvalidParameterException, NotAuthorizedException,
    PreconditionNotMetException, ResourceNotFoundException, TooManyRequestsException,
};
use cognitoidentityprovider_server::types::{UserImportJobStatusType, UserImportJobType};
use ingot_rt::json::{ReadCx, ReadJson, WriteJson};
use ingot_rt::DateTime;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

/// Writes `value`, reads it back, and requires the same value with no member recorded missing.
fn roundtrip<T: WriteJson + ReadJson + PartialEq + Debug>(value: &T) -> Result<(), TestCaseError> {
    let wire = ingot_rt::json::to_string(value);
    let mut cx = ReadCx::new();
    let back: T = ingot_rt::json::from_slice(wire.as_bytes(), &mut cx)
        .map_err(|e| TestCaseError::fail(format!("{e} reading back {wire}")))?;
    prop_assert_eq!(&back, value, "wire: {}", wire);
    prop_assert!(cx.take_missing().is_empty(), "missing members in {}", wire);
    Ok(())
}

/// Any text: printable strings and strings of arbitrary scalar values (controls included).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        vec(any::<char>(), 0..24).prop_map(|chars| chars.into_iter().collect()),
        "[\"\\\\/\\x00-\\x1f\\u{7f}\\u{2028}\\u{1F600}a]{0,12}",
    ]
}

/// Milliseconds from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z.
fn timestamp() -> impl Strategy<Value = DateTime> {
    (-62_135_596_800_000i64..=253_402_300_799_999).prop_map(DateTime::from_millis)
}

fn status() -> impl Strategy<Value = UserImportJobStatusType> {
    prop_oneof![
        select(UserImportJobStatusType::VALUES).prop_map(UserImportJobStatusType::from),
        text()
            .prop_filter("a known value is not unknown", |s| {
                !UserImportJobStatusType::VALUES.contains(&s.as_str())
            })
            .prop_map(|s| UserImportJobStatusType::from(s.as_str())),
    ]
}

prop_compose! {
    fn job()(
        names in (option::of(text()), option::of(text()), option::of(text()), option::of(text())),
        dates in (option::of(timestamp()), option::of(timestamp()), option::of(timestamp())),
        status in option::of(status()),
        role in option::of(text()),
        counts in (option::of(any::<i64>()), option::of(any::<i64>()), option::of(any::<i64>())),
        completion_message in option::of(text()),
    ) -> UserImportJobType {
        UserImportJobType::builder()
            .set_job_name(names.0)
            .set_job_id(names.1)
            .set_user_pool_id(names.2)
            .set_pre_signed_url(names.3)
            .set_creation_date(dates.0)
            .set_start_date(dates.1)
            .set_completion_date(dates.2)
            .set_status(status)
            .set_cloud_watch_logs_role_arn(role)
            .set_imported_users(counts.0)
            .set_skipped_users(counts.1)
            .set_failed_users(counts.2)
            .set_completion_message(completion_message)
            .build()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn stop_user_import_job_input(user_pool_id in text(), job_id in text()) {
        let input = StopUserImportJobInput::builder()
            .user_pool_id(user_pool_id)
            .job_id(job_id)
            .build()
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        roundtrip(&input)?;
    }

    #[test]
    fn stop_user_import_job_output(job in option::of(job())) {
        roundtrip(&StopUserImportJobOutput::builder().set_user_import_job(job).build())?;
    }

    #[test]
    fn user_import_job_type(job in job()) {
        roundtrip(&job)?;
    }

    #[test]
    fn user_import_job_status_type(status in status()) {
        roundtrip(&status)?;
        // Unknown values keep their text; known ones parse back to the named variant.
        prop_assert_eq!(UserImportJobStatusType::from(status.as_str()), status.clone());
    }

    #[test]
    fn internal_error_exception(message in option::of(text())) {
        roundtrip(&InternalErrorException::builder().set_message(message).build())?;
    }

    #[test]
    fn invalid_parameter_exception(message in option::of(text()), reason in option::of(text())) {
        roundtrip(
            &InvalidParameterException::builder()
                .set_message(message)
                .set_reason_code(reason)
                .build(),
        )?;
    }

    #[test]
    fn not_authorized_exception(message in option::of(text())) {
        roundtrip(&NotAuthorizedException::builder().set_message(message).build())?;
    }

    #[test]
    fn precondition_not_met_exception(message in option::of(text())) {
        roundtrip(&PreconditionNotMetException::builder().set_message(message).build())?;
    }

    #[test]
    fn resource_not_found_exception(message in option::of(text())) {
        roundtrip(&ResourceNotFoundException::builder().set_message(message).build())?;
    }

    #[test]
    fn too_many_requests_exception(message in option::of(text())) {
        roundtrip(&TooManyRequestsException::builder().set_message(message).build())?;
    }
}

/// The types this file covers; the test below fails when the generator emits one more.
const COVERED: &[&str] = &[
    "StopUserImportJobInput",
    "StopUserImportJobOutput",
    "UserImportJobType",
    "UserImportJobStatusType",
    "InternalErrorException",
    "InvalidParameterException",
    "NotAuthorizedException",
    "PreconditionNotMetException",
    "ResourceNotFoundException",
    "TooManyRequestsException",
];

#[test]
fn every_generated_type_has_a_roundtrip_property() {
    let sources = [
        include_str!("../../../generated/cognitoidentityprovider-types/src/types.rs"),
        include_str!("../../../generated/cognitoidentityprovider-types/src/types/error.rs"),
        include_str!("../../../generated/cognitoidentityprovider-types/src/input.rs"),
        include_str!("../../../generated/cognitoidentityprovider-types/src/output.rs"),
    ];
    let mut generated: Vec<&str> = sources
        .iter()
        .flat_map(|source| source.lines())
        .filter_map(|line| {
            let line = line.trim_start();
            line.strip_prefix("pub struct ")
                .or_else(|| line.strip_prefix("pub enum "))
        })
        .filter_map(|rest| rest.split([' ', '{', '(', '<']).next())
        .filter(|name| !name.ends_with("Builder"))
        .collect();
    generated.sort_unstable();
    let mut covered = COVERED.to_vec();
    covered.sort_unstable();
    assert_eq!(generated, covered);
}

#[test]
fn unknown_enum_value_survives_inside_a_structure() {
    let job = UserImportJobType::builder()
        .status(UserImportJobStatusType::from("Paused"))
        .creation_date(DateTime::from_millis(-1_500))
        .build();
    let wire = ingot_rt::json::to_string(&job);
    assert_eq!(
        wire,
        r#"{"CreationDate":-1.5,"Status":"Paused","ImportedUsers":0,"SkippedUsers":0,"FailedUsers":0}"#
    );
    let back: UserImportJobType =
        ingot_rt::json::from_slice(wire.as_bytes(), &mut ReadCx::new()).expect("reads back");
    assert_eq!(back.status.as_ref().map(|s| s.as_str()), Some("Paused"));
    assert_eq!(back, job);
}
