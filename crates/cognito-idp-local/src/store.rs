//! The in-memory state: user pools and their import jobs, with Cognito's stop semantics.

use std::collections::{HashMap, HashSet};

use cognitoidentityprovider_server::operation::stop_user_import_job::StopUserImportJobError;
use cognitoidentityprovider_server::types::error::{
    PreconditionNotMetException, ResourceNotFoundException,
};
use cognitoidentityprovider_server::types::{UserImportJobStatusType, UserImportJobType};
use ingot_rt::DateTime;

/// What Cognito writes into `CompletionMessage` when a job is stopped on request.
pub const STOPPED_MESSAGE: &str = "The Import Job was stopped by the developer.";

/// User pools and import jobs, keyed by pool id and then job id.
#[derive(Debug, Default)]
pub struct Store {
    pools: HashSet<String>,
    jobs: HashMap<(String, String), UserImportJobType>,
}

impl Store {
    /// A store holding these pools and jobs. Jobs without both ids are skipped: seed checking
    /// has already refused them.
    pub fn new(pools: Vec<String>, jobs: Vec<UserImportJobType>) -> Self {
        let jobs = jobs
            .into_iter()
            .filter_map(|job| {
                let key = (job.user_pool_id.clone()?, job.job_id.clone()?);
                Some((key, job))
            })
            .collect();
        Self {
            pools: pools.into_iter().collect(),
            jobs,
        }
    }

    /// A copy of one job, if it exists.
    pub fn job(&self, pool: &str, job_id: &str) -> Option<UserImportJobType> {
        self.jobs
            .get(&(pool.to_owned(), job_id.to_owned()))
            .cloned()
    }

    /// Stops a job: Pending or InProgress becomes Stopped with `CompletionDate` = `now` and the
    /// developer-stop message; any other status is a precondition failure. Returns the job as
    /// it is after the change.
    pub fn stop(
        &mut self,
        pool: &str,
        job_id: &str,
        now: DateTime,
    ) -> Result<UserImportJobType, StopUserImportJobError> {
        if !self.pools.contains(pool) {
            return Err(ResourceNotFoundException::builder()
                .message(format!("User pool {pool} does not exist."))
                .build()
                .into());
        }
        let job = self
            .jobs
            .get_mut(&(pool.to_owned(), job_id.to_owned()))
            .ok_or_else(|| {
                ResourceNotFoundException::builder()
                    .message(format!(
                        "Import job {job_id} does not exist in user pool {pool}."
                    ))
                    .build()
            })?;
        match &job.status {
            Some(UserImportJobStatusType::Pending | UserImportJobStatusType::InProgress) => {
                job.status = Some(UserImportJobStatusType::Stopped);
                job.completion_date = Some(now);
                job.completion_message = Some(STOPPED_MESSAGE.to_owned());
                Ok(job.clone())
            }
            other => {
                let status = other.as_ref().map_or("unknown", |s| s.as_str());
                Err(PreconditionNotMetException::builder()
                    .message(format!(
                        "Import job {job_id} cannot be stopped: its status is {status}, \
                         and only Pending or InProgress jobs can be stopped."
                    ))
                    .build()
                    .into())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(id: &str, status: UserImportJobStatusType) -> UserImportJobType {
        UserImportJobType::builder()
            .job_id(id)
            .user_pool_id("p_1")
            .status(status)
            .imported_users(7)
            .build()
    }

    fn store() -> Store {
        use UserImportJobStatusType as S;
        Store::new(
            vec!["p_1".into(), "p_2".into()],
            vec![
                job("import-pending", S::Pending),
                job("import-running", S::InProgress),
                job("import-done", S::Succeeded),
                job("import-created", S::Created),
                job("import-stopped", S::Stopped),
            ],
        )
    }

    #[test]
    fn pending_and_in_progress_jobs_stop() {
        let mut store = store();
        let now = DateTime::from_secs(1_800_000_000);
        for id in ["import-pending", "import-running"] {
            let stopped = store.stop("p_1", id, now).expect("stoppable");
            assert_eq!(stopped.status, Some(UserImportJobStatusType::Stopped));
            assert_eq!(stopped.completion_date, Some(now));
            assert_eq!(stopped.completion_message.as_deref(), Some(STOPPED_MESSAGE));
            assert_eq!(stopped.imported_users, 7, "other fields are kept");
            assert_eq!(store.job("p_1", id), Some(stopped), "the change is stored");
        }
        // Stopping again is now a precondition failure.
        assert!(matches!(
            store.stop("p_1", "import-pending", now),
            Err(StopUserImportJobError::PreconditionNotMetException(_))
        ));
    }

    #[test]
    fn other_statuses_are_precondition_failures() {
        let mut store = store();
        for (id, status) in [
            ("import-done", "Succeeded"),
            ("import-created", "Created"),
            ("import-stopped", "Stopped"),
        ] {
            match store.stop("p_1", id, DateTime::from_secs(0)) {
                Err(StopUserImportJobError::PreconditionNotMetException(e)) => {
                    assert_eq!(
                        e.message().map(str::to_owned),
                        Some(format!("Import job {id} cannot be stopped: its status is {status}, and only Pending or InProgress jobs can be stopped."))
                    );
                }
                other => panic!("{id}: expected PreconditionNotMet, got {other:?}"),
            }
        }
    }

    #[test]
    fn unknown_pool_or_job_is_not_found() {
        let mut store = store();
        let now = DateTime::from_secs(0);
        match store.stop("p_9", "import-pending", now) {
            Err(StopUserImportJobError::ResourceNotFoundException(e)) => {
                assert_eq!(e.message(), Some("User pool p_9 does not exist."));
            }
            other => panic!("expected ResourceNotFound, got {other:?}"),
        }
        // The pool exists but holds no such job (the job lives in p_1).
        match store.stop("p_2", "import-pending", now) {
            Err(StopUserImportJobError::ResourceNotFoundException(e)) => assert_eq!(
                e.message(),
                Some("Import job import-pending does not exist in user pool p_2.")
            ),
            other => panic!("expected ResourceNotFound, got {other:?}"),
        }
    }
}
