//! Every endpoint test case the full official models ship (`smithy.rules#endpointTests`: 57 for
//! Cognito, 370 for DynamoDB), run by the tests the generator wrote into each client crate, so
//! the counts printed here are those of the generated clients themselves.

#[path = "../../../target/full-models/cognito/cognitoidentityprovider-client/tests/endpoint_tests.rs"]
mod cognito;

#[path = "../../../target/full-models/dynamodb/dynamodb-client/tests/endpoint_tests.rs"]
mod dynamodb;
