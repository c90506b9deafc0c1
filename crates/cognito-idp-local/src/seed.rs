//! The seed file: user pools, import jobs and faults the server starts with, checked up front so a
//! mistake is reported once, naming the entry, instead of surfacing as odd answers later.

use std::collections::HashSet;
use std::path::Path;

use cognitoidentityprovider_server::types::{UserImportJobStatusType, UserImportJobType};
use ingot_rt::json::{ReadCx, ReadJson};
use serde::Deserialize;

use crate::fault::{Fault, FaultError, OPERATION, OPERATION_MEMBERS};

/// A checked seed: every job belongs to a listed pool, has an id and a known status, and every
/// fault names the served operation, its input members and one of its modeled errors.
#[derive(Debug, Clone, PartialEq)]
pub struct Seed {
    /// The user pool ids that exist.
    pub user_pools: Vec<String>,
    /// The import jobs, as the generated wire type.
    pub user_import_jobs: Vec<UserImportJobType>,
    /// Injected errors, in the order they are tried.
    pub faults: Vec<Fault>,
}

/// Why a seed file was refused. The message names the offending entry.
#[derive(Debug, thiserror::Error)]
#[error("seed file {path}: {message}")]
pub struct SeedError {
    path: String,
    message: String,
}

/// The file's top level, parsed by serde; entries are kept as JSON so each one is checked (and
/// named in errors) on its own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "PascalCase")]
struct RawSeed {
    #[serde(default)]
    user_pools: Vec<String>,
    #[serde(default)]
    user_import_jobs: Vec<serde_json::Value>,
    #[serde(default)]
    faults: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "PascalCase")]
struct RawFault {
    operation: String,
    #[serde(default, rename = "Match")]
    matches: serde_json::Map<String, serde_json::Value>,
    error: String,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    times: Option<u64>,
}

impl Seed {
    /// Reads and checks the seed file at `path`.
    pub fn load(path: &Path) -> Result<Self, SeedError> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| SeedError {
            path: shown.clone(),
            message: format!("cannot read: {e}"),
        })?;
        Self::from_json(&bytes).map_err(|message| SeedError {
            path: shown,
            message,
        })
    }

    /// Parses and checks seed JSON; the error is a message naming the entry.
    pub fn from_json(bytes: &[u8]) -> Result<Self, String> {
        let raw: RawSeed =
            serde_json::from_slice(bytes).map_err(|e| format!("not a valid seed: {e}"))?;
        let pools: HashSet<&str> = raw.user_pools.iter().map(String::as_str).collect();
        let mut seen = HashSet::new();
        let mut jobs = Vec::with_capacity(raw.user_import_jobs.len());
        for (index, value) in raw.user_import_jobs.iter().enumerate() {
            let job = check_job(value, &pools)
                .map_err(|e| format!("UserImportJobs[{index}]{}: {e}", job_label(value)))?;
            let key = (job.user_pool_id.clone(), job.job_id.clone());
            if !seen.insert(key) {
                return Err(format!(
                    "UserImportJobs[{index}]{}: a job with this JobId already exists in its user pool",
                    job_label(value)
                ));
            }
            jobs.push(job);
        }
        let faults = raw
            .faults
            .into_iter()
            .enumerate()
            .map(|(index, value)| check_fault(value).map_err(|e| format!("Faults[{index}]: {e}")))
            .collect::<Result<_, _>>()?;
        Ok(Self {
            user_pools: raw.user_pools,
            user_import_jobs: jobs,
            faults,
        })
    }
}

/// ` (JobId "x")` when the entry has a textual JobId, so errors point at the job by name too.
fn job_label(value: &serde_json::Value) -> String {
    value
        .get("JobId")
        .and_then(serde_json::Value::as_str)
        .map(|id| format!(" (JobId {id:?})"))
        .unwrap_or_default()
}

fn check_job(
    value: &serde_json::Value,
    pools: &HashSet<&str>,
) -> Result<UserImportJobType, String> {
    // The generated reader checks member types and timestamps exactly as on the wire.
    let job = UserImportJobType::read_json(value, &mut ReadCx::new()).map_err(|e| e.to_string())?;
    if job.job_id.is_none() {
        return Err("JobId is missing".into());
    }
    match job.user_pool_id.as_deref() {
        None => return Err("UserPoolId is missing".into()),
        Some(pool) if !pools.contains(pool) => {
            return Err(format!("UserPoolId {pool:?} is not listed in UserPools"))
        }
        Some(_) => {}
    }
    match &job.status {
        None => Err("Status is missing".into()),
        Some(UserImportJobStatusType::Unknown(value)) => Err(format!(
            "Status {:?} is not one of {}",
            value.as_str(),
            UserImportJobStatusType::VALUES.join(", ")
        )),
        Some(_) => Ok(job),
    }
}

fn check_fault(value: serde_json::Value) -> Result<Fault, String> {
    let raw: RawFault = serde_json::from_value(value).map_err(|e| e.to_string())?;
    if raw.operation != OPERATION {
        return Err(format!(
            "Operation {:?} is not served (only {OPERATION})",
            raw.operation
        ));
    }
    if let Some(member) = raw
        .matches
        .keys()
        .find(|key| !OPERATION_MEMBERS.contains(&key.as_str()))
    {
        return Err(format!(
            "Match member {member:?} is not an input member of {OPERATION} ({})",
            OPERATION_MEMBERS.join(", ")
        ));
    }
    // Both input members are strings, so only a string can ever match.
    if let Some((member, _)) = raw.matches.iter().find(|(_, value)| !value.is_string()) {
        return Err(format!("Match member {member:?} must be a string"));
    }
    let error = FaultError::from_name(&raw.error).ok_or_else(|| {
        format!(
            "Error {:?} is not a modeled error of {OPERATION} ({})",
            raw.error,
            FaultError::NAMES.join(", ")
        )
    })?;
    if raw.times == Some(0) {
        return Err(
            "Times must be at least 1 (leave it out for a fault that always answers)".into(),
        );
    }
    Ok(Fault {
        matches: raw.matches,
        error,
        message: raw.message,
        times: raw.times,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(json: &str) -> String {
        Seed::from_json(json.as_bytes()).expect_err("seed must be refused")
    }

    #[test]
    fn full_seed_parses_with_wire_types() {
        let seed = Seed::from_json(
            br#"{"UserPools": ["us-west-2_EXAMPLE"],
                "UserImportJobs": [{"JobId": "import-1", "UserPoolId": "us-west-2_EXAMPLE",
                    "Status": "Pending", "CreationDate": 1736443496.5, "ImportedUsers": 3}],
                "Faults": [{"Operation": "StopUserImportJob", "Match": {"JobId": "import-boom"},
                    "Error": "InternalErrorException", "Message": "boom", "Times": 2}]}"#,
        )
        .expect("valid seed");
        let job = &seed.user_import_jobs[0];
        assert_eq!(job.status, Some(UserImportJobStatusType::Pending));
        assert_eq!(job.imported_users, 3);
        assert_eq!(
            job.creation_date,
            Some(ingot_rt::DateTime::from_millis(1_736_443_496_500))
        );
        assert_eq!(seed.faults[0].error, FaultError::InternalErrorException);
        assert_eq!(seed.faults[0].times, Some(2));
    }

    #[test]
    fn empty_object_is_an_empty_seed() {
        let seed = Seed::from_json(b"{}").expect("valid");
        assert!(seed.user_pools.is_empty() && seed.user_import_jobs.is_empty());
    }

    #[test]
    fn bad_entries_are_named() {
        assert_eq!(
            refused(
                r#"{"UserPools": [], "UserImportJobs": [{"JobId": "import-1", "UserPoolId": "p_1", "Status": "Pending"}]}"#
            ),
            r#"UserImportJobs[0] (JobId "import-1"): UserPoolId "p_1" is not listed in UserPools"#
        );
        assert_eq!(
            refused(
                r#"{"UserPools": ["p_1"], "UserImportJobs": [{"UserPoolId": "p_1", "Status": "Pending"}]}"#
            ),
            "UserImportJobs[0]: JobId is missing"
        );
        assert_eq!(
            refused(r#"{"UserPools": ["p_1"], "UserImportJobs": [{"JobId": "import-1", "UserPoolId": "p_1", "Status": "Paused"}]}"#),
            "UserImportJobs[0] (JobId \"import-1\"): Status \"Paused\" is not one of Created, Pending, InProgress, Stopping, Expired, Stopped, Failed, Succeeded"
        );
        assert!(refused(
            r#"{"UserPools": ["p_1"], "UserImportJobs": [{"JobId": "import-1", "UserPoolId": "p_1", "Status": "Pending", "ImportedUsers": "3"}]}"#
        )
        .starts_with("UserImportJobs[0] (JobId \"import-1\"): "));
        let dup = r#"{"JobId": "import-1", "UserPoolId": "p_1", "Status": "Pending"}"#;
        assert_eq!(
            refused(&format!(r#"{{"UserPools": ["p_1"], "UserImportJobs": [{dup}, {dup}]}}"#)),
            "UserImportJobs[1] (JobId \"import-1\"): a job with this JobId already exists in its user pool"
        );
        assert_eq!(
            refused(r#"{"Faults": [{"Operation": "StopUserImportJob", "Error": "BoomException"}]}"#),
            "Faults[0]: Error \"BoomException\" is not a modeled error of StopUserImportJob (InternalErrorException, InvalidParameterException, NotAuthorizedException, PreconditionNotMetException, ResourceNotFoundException, TooManyRequestsException)"
        );
        assert_eq!(
            refused(
                r#"{"Faults": [{"Operation": "DeleteUser", "Error": "InternalErrorException"}]}"#
            ),
            "Faults[0]: Operation \"DeleteUser\" is not served (only StopUserImportJob)"
        );
        assert_eq!(
            refused(r#"{"Faults": [{"Operation": "StopUserImportJob", "Match": {"Job": "x"}, "Error": "InternalErrorException"}]}"#),
            "Faults[0]: Match member \"Job\" is not an input member of StopUserImportJob (UserPoolId, JobId)"
        );
        assert_eq!(
            refused(
                r#"{"Faults": [{"Operation": "StopUserImportJob", "Match": {"JobId": 7}, "Error": "InternalErrorException"}]}"#
            ),
            "Faults[0]: Match member \"JobId\" must be a string"
        );
        assert_eq!(
            refused(
                r#"{"Faults": [{"Operation": "StopUserImportJob", "Error": "InternalErrorException", "Times": 0}]}"#
            ),
            "Faults[0]: Times must be at least 1 (leave it out for a fault that always answers)"
        );
        assert!(refused(r#"{"Faults": [{"Operation": "StopUserImportJob", "Error": "InternalErrorException", "Extra": 1}]}"#)
            .starts_with("Faults[0]: unknown field `Extra`"));
        assert!(refused(r#"{"Pools": []}"#).starts_with("not a valid seed: unknown field `Pools`"));
        assert!(refused("{").starts_with("not a valid seed: "));
    }

    #[test]
    fn load_names_the_file() {
        let err = Seed::load(Path::new("/nonexistent/seed.json")).expect_err("no such file");
        assert!(err
            .to_string()
            .starts_with("seed file /nonexistent/seed.json: cannot read: "));
    }
}
