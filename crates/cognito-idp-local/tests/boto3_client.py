"""boto3 against a running cognito-idp-local (started by tests/boto3.rs with tests/common's seed).

Environment: ENDPOINT (http://host:port), AKID and SECRET (the key the server accepts).
Each check raises AssertionError on failure; the exit status is 0 only when all pass.
"""

import datetime
import os
import re
import sys

import boto3
import botocore.exceptions
from botocore.config import Config

ENDPOINT = os.environ["ENDPOINT"]
AKID = os.environ["AKID"]
SECRET = os.environ["SECRET"]
POOL = "us-west-2_EXAMPLE"
OTHER_POOL = "us-west-2_OTHER"
CREATED = datetime.datetime(2025, 1, 9, 17, 24, 56, tzinfo=datetime.timezone.utc)
REQUEST_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def client(secret=SECRET, attempts=1):
    # total_max_attempts counts the first try (max_attempts would count retries only).
    return boto3.client(
        "cognito-idp",
        endpoint_url=ENDPOINT,
        region_name="us-west-2",
        aws_access_key_id=AKID,
        aws_secret_access_key=secret,
        config=Config(retries={"total_max_attempts": attempts, "mode": "standard"}),
    )


def expect_error(c, pool, job, code, message):
    """The call fails with the modeled exception class `code`, `message` and a request id."""
    exception_class = getattr(c.exceptions, code)
    try:
        c.stop_user_import_job(UserPoolId=pool, JobId=job)
    except exception_class as e:
        error = e.response["Error"]
        assert error["Code"] == code, error
        assert error["Message"] == message, (error["Message"], message)
        request_id = e.response["ResponseMetadata"]["RequestId"]
        assert REQUEST_ID.match(request_id), request_id
        return
    raise AssertionError(f"{pool}/{job}: expected {code}, the call succeeded")


def check_success():
    before = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    out = client().stop_user_import_job(UserPoolId=POOL, JobId="import-pending")
    after = datetime.datetime.now(datetime.timezone.utc)
    job = out["UserImportJob"]
    assert job["JobId"] == "import-pending", job
    assert job["JobName"] == "pending-job", job
    assert job["UserPoolId"] == POOL, job
    assert job["Status"] == "Stopped", job
    assert job["CompletionMessage"] == "The Import Job was stopped by the developer.", job
    assert job["PreSignedUrl"] == "https://example.com/upload", job
    assert job["CloudWatchLogsRoleArn"] == "arn:aws:iam::123456789012:role/CognitoImport", job
    assert job["CreationDate"] == CREATED, job["CreationDate"]
    assert job["StartDate"] == CREATED + datetime.timedelta(seconds=4), job["StartDate"]
    assert before <= job["CompletionDate"] <= after, (before, job["CompletionDate"], after)
    assert (job["ImportedUsers"], job["SkippedUsers"], job["FailedUsers"]) == (3, 1, 2), job
    assert REQUEST_ID.match(out["ResponseMetadata"]["RequestId"]), out["ResponseMetadata"]
    assert out["ResponseMetadata"]["HTTPStatusCode"] == 200


def check_errors():
    c = client()
    expect_error(c, "us-west-2_NOPE", "import-running", "ResourceNotFoundException",
                 "User pool us-west-2_NOPE does not exist.")
    expect_error(c, OTHER_POOL, "import-running", "ResourceNotFoundException",
                 "Import job import-running does not exist in user pool us-west-2_OTHER.")
    expect_error(c, POOL, "import-done", "PreconditionNotMetException",
                 "Import job import-done cannot be stopped: its status is Succeeded, "
                 "and only Pending or InProgress jobs can be stopped.")
    expect_error(c, POOL, "import-boom", "InternalErrorException", "Injected internal error")
    expect_error(c, POOL, "import-denied", "NotAuthorizedException", "Injected: not authorized")
    expect_error(c, POOL, "import-slow", "TooManyRequestsException", "Injected: too many requests")
    # botocore checks types and lengths client-side but not patterns: the server rejects this.
    expect_error(c, POOL, "bad_job_id", "InvalidParameterException",
                 "1 validation error detected: Value 'bad_job_id' at 'jobId' failed to satisfy "
                 "constraint: Member must satisfy regular expression pattern: import-[0-9a-zA-Z-]+")


def check_retries():
    out = client(attempts=3).stop_user_import_job(UserPoolId=POOL, JobId="import-throttled")
    assert out["UserImportJob"]["Status"] == "Stopped", out
    assert out["ResponseMetadata"]["RetryAttempts"] == 2, out["ResponseMetadata"]


def check_wrong_secret():
    try:
        client(secret="not-the-secret").stop_user_import_job(UserPoolId=POOL, JobId="import-running")
    except botocore.exceptions.ClientError as e:
        assert e.response["Error"]["Code"] == "InvalidSignatureException", e.response
        assert e.response["Error"]["Message"], e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 400, e.response
        return
    raise AssertionError("a wrong secret was accepted")


def main():
    checks = [check_success, check_errors, check_retries, check_wrong_secret]
    for check in checks:
        check()
        print(f"ok: {check.__name__}")
    print(f"boto3 {boto3.__version__}: {len(checks)} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
