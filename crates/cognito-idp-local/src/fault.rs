//! Injected faults: a seed entry answers matching requests with a modeled error, a fixed number of
//! times or always, so clients' error handling and retries can be exercised deterministically.

use std::sync::Mutex;

use cognitoidentityprovider_server::operation::stop_user_import_job::{
    StopUserImportJobError, StopUserImportJobInput,
};
use cognitoidentityprovider_server::types::error::{
    InternalErrorException, InvalidParameterException, NotAuthorizedException,
    PreconditionNotMetException, ResourceNotFoundException, TooManyRequestsException,
};

/// The one operation this server serves.
pub const OPERATION: &str = "StopUserImportJob";
/// Its input members, as `Match` may name them.
pub const OPERATION_MEMBERS: &[&str] = &["UserPoolId", "JobId"];

/// A modeled error of `StopUserImportJob`, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)] // the names are the wire names
pub enum FaultError {
    /// `InternalErrorException` (500)
    InternalErrorException,
    /// `InvalidParameterException`
    InvalidParameterException,
    /// `NotAuthorizedException`
    NotAuthorizedException,
    /// `PreconditionNotMetException`
    PreconditionNotMetException,
    /// `ResourceNotFoundException`
    ResourceNotFoundException,
    /// `TooManyRequestsException`
    TooManyRequestsException,
}

impl FaultError {
    /// Every accepted name, in declaration order.
    pub const NAMES: &'static [&'static str] = &[
        "InternalErrorException",
        "InvalidParameterException",
        "NotAuthorizedException",
        "PreconditionNotMetException",
        "ResourceNotFoundException",
        "TooManyRequestsException",
    ];
    const ALL: [FaultError; 6] = [
        FaultError::InternalErrorException,
        FaultError::InvalidParameterException,
        FaultError::NotAuthorizedException,
        FaultError::PreconditionNotMetException,
        FaultError::ResourceNotFoundException,
        FaultError::TooManyRequestsException,
    ];

    /// The error with this wire name, if the operation models it.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| Self::ALL[i])
    }

    /// The handler error answering with this error and `message`.
    pub fn to_error(self, message: Option<String>) -> StopUserImportJobError {
        match self {
            FaultError::InternalErrorException => InternalErrorException::builder()
                .set_message(message)
                .build()
                .into(),
            FaultError::InvalidParameterException => InvalidParameterException::builder()
                .set_message(message)
                .build()
                .into(),
            FaultError::NotAuthorizedException => NotAuthorizedException::builder()
                .set_message(message)
                .build()
                .into(),
            FaultError::PreconditionNotMetException => PreconditionNotMetException::builder()
                .set_message(message)
                .build()
                .into(),
            FaultError::ResourceNotFoundException => ResourceNotFoundException::builder()
                .set_message(message)
                .build()
                .into(),
            FaultError::TooManyRequestsException => TooManyRequestsException::builder()
                .set_message(message)
                .build()
                .into(),
        }
    }
}

/// One checked fault from the seed.
#[derive(Debug, Clone, PartialEq)]
pub struct Fault {
    /// Input members that must all equal these JSON values for the fault to apply.
    pub matches: serde_json::Map<String, serde_json::Value>,
    /// The error answered.
    pub error: FaultError,
    /// The error's message.
    pub message: Option<String>,
    /// How many matching requests it answers; `None`: all of them.
    pub times: Option<u64>,
}

impl Fault {
    fn applies_to(&self, input: &StopUserImportJobInput) -> bool {
        self.matches.iter().all(|(member, expected)| {
            let actual = match member.as_str() {
                "UserPoolId" => input.user_pool_id(),
                "JobId" => input.job_id(),
                // Seed checking refuses other names; an unknown one never matches.
                _ => return false,
            };
            expected.as_str() == actual
        })
    }
}

/// The faults of a running server with their remaining counts.
#[derive(Debug)]
pub struct Faults {
    /// Each fault with how many answers it has left (`None`: unlimited).
    entries: Mutex<Vec<(Fault, Option<u64>)>>,
}

impl Faults {
    /// Arms every fault with its `Times`.
    pub fn new(faults: Vec<Fault>) -> Self {
        let entries = faults
            .into_iter()
            .map(|fault| {
                let left = fault.times;
                (fault, left)
            })
            .collect();
        Self {
            entries: Mutex::new(entries),
        }
    }

    /// The error of the first fault that matches `input` and has answers left, using one up.
    pub fn take(&self, input: &StopUserImportJobInput) -> Option<StopUserImportJobError> {
        // A poisoned lock only means another handler panicked mid-update of a counter; the
        // counts are still usable.
        let mut entries = self
            .entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (fault, left) = entries
            .iter_mut()
            .find(|(fault, left)| *left != Some(0) && fault.applies_to(input))?;
        if let Some(left) = left {
            *left -= 1;
        }
        Some(fault.error.to_error(fault.message.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(pool: &str, job: &str) -> StopUserImportJobInput {
        StopUserImportJobInput::builder()
            .user_pool_id(pool)
            .job_id(job)
            .build()
            .expect("both members set")
    }

    fn fault(matches: serde_json::Value, error: FaultError, times: Option<u64>) -> Fault {
        Fault {
            matches: matches.as_object().cloned().unwrap_or_default(),
            error,
            message: Some("injected".into()),
            times,
        }
    }

    #[test]
    fn names_round_trip() {
        for name in FaultError::NAMES {
            let error = FaultError::from_name(name).expect("known");
            assert_eq!(format!("{error:?}"), *name);
        }
        assert_eq!(FaultError::from_name("ValidationException"), None);
    }

    #[test]
    fn counted_fault_answers_times_then_stops() {
        let faults = Faults::new(vec![fault(
            serde_json::json!({"JobId": "import-boom"}),
            FaultError::TooManyRequestsException,
            Some(2),
        )]);
        let boom = input("p_1", "import-boom");
        for _ in 0..2 {
            assert!(matches!(
                faults.take(&boom),
                Some(StopUserImportJobError::TooManyRequestsException(e)) if e.message() == Some("injected")
            ));
        }
        assert!(faults.take(&boom).is_none());
        assert!(faults.take(&input("p_1", "import-other")).is_none());
    }

    #[test]
    fn every_member_must_match_and_first_live_fault_wins() {
        let faults = Faults::new(vec![
            fault(
                serde_json::json!({"UserPoolId": "p_1", "JobId": "import-a"}),
                FaultError::NotAuthorizedException,
                Some(1),
            ),
            fault(
                serde_json::json!({}),
                FaultError::InternalErrorException,
                None,
            ),
        ]);
        assert!(matches!(
            faults.take(&input("p_2", "import-a")),
            Some(StopUserImportJobError::InternalErrorException(_))
        ));
        assert!(matches!(
            faults.take(&input("p_1", "import-a")),
            Some(StopUserImportJobError::NotAuthorizedException(_))
        ));
        // The first is used up; the unlimited catch-all answers from now on.
        for _ in 0..3 {
            assert!(matches!(
                faults.take(&input("p_1", "import-a")),
                Some(StopUserImportJobError::InternalErrorException(_))
            ));
        }
    }
}
