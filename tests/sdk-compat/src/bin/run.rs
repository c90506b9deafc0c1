//! Runs a subset of the snippets against a local server (moto) and prints one line per result.
//! Server-generated values (ids, tokens, timestamps) are never printed, so the official build and
//! the Ingot build print exactly the same lines, which `cargo xtask sdk-compat` diffs.
//!
//! Usage: `sdk-compat-run --endpoint-url http://127.0.0.1:PORT`

use std::fmt::Debug;
use std::process::ExitCode;

use aws_config::BehaviorVersion;
use aws_sdk_cognitoidentityprovider as cognito;
use aws_sdk_dynamodb as dynamodb;
use aws_sdk_dynamodb::error::ProvideErrorMetadata;
use ingot_sdk_compat::{
    cognito as cog, cognito_errors, dynamodb as ddb, dynamodb_errors, paginators,
};

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let endpoint = match args.as_slice() {
        [flag, url] if flag == "--endpoint-url" => url.clone(),
        _ => {
            eprintln!("usage: sdk-compat-run --endpoint-url URL");
            return ExitCode::FAILURE;
        }
    };
    // The shared configuration as an application builds it; the HTTP client is plain HTTP for
    // the loopback server (an Ingot client keeps its own and ignores this one).
    let shared = aws_config::defaults(BehaviorVersion::latest())
        .region(dynamodb::config::Region::new("us-east-1"))
        .credentials_provider(dynamodb::config::Credentials::new(
            "AKIDTEST",
            "test-secret",
            None,
            None,
            "static",
        ))
        .endpoint_url(&endpoint)
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .load()
        .await;
    let dynamo = dynamodb::Client::new(&shared);
    let cognito = cognito::Client::new(&shared);
    for line in ingot_sdk_compat::config::describe_config(&shared) {
        println!("config: {line}");
    }
    run_dynamodb(&dynamo).await;
    run_cognito(&cognito).await;
    ExitCode::SUCCESS
}

/// Prints `step: value` or `step: error <code>`; an error never stops the run, so one difference
/// shows up as one differing line.
fn show<T: Debug, E: ProvideErrorMetadata>(step: &str, result: Result<T, E>) -> Option<T> {
    match result {
        Ok(value) => {
            println!("{step}: {value:?}");
            Some(value)
        }
        Err(err) => {
            println!("{step}: error {:?}", err.code());
            None
        }
    }
}

fn show_lines<E: ProvideErrorMetadata>(step: &str, result: Result<Vec<String>, E>) {
    match result {
        Ok(lines) => lines.iter().for_each(|l| println!("{step}: {l}")),
        Err(err) => println!("{step}: error {:?}", err.code()),
    }
}

async fn run_dynamodb(c: &dynamodb::Client) {
    let table = "compat-items";
    show("create_table", ddb::create_table(c, table).await);
    show(
        "create_table_with_index",
        ddb::create_table_with_index(c, "compat-indexed").await,
    );
    show_lines("describe_table", ddb::describe_table(c, table).await);
    show(
        "put_item_every_kind",
        ddb::put_item_every_kind(c, table, "p1").await,
    );
    show_lines("get_item", ddb::get_item_described(c, table, "p1").await);
    show(
        "get_item_projection",
        ddb::get_item_projection(c, table, "p1").await,
    );
    show("update_counter", ddb::update_counter(c, table, "p1").await);
    show("update_counter", ddb::update_counter(c, table, "p1").await);
    show("batch_write", ddb::batch_write(c, table, "p2", 5).await);
    show(
        "batch_get",
        ddb::batch_get(c, table, "p2", &[1, 3, 5, 9]).await,
    );
    show_lines("query_newest", ddb::query_newest(c, table, "p2", 2).await);
    show("transact_write", ddb::transact_write(c, table, "p2").await);
    show("delete_item", ddb::delete_item(c, table, "p2", 2).await);
    show(
        "delete_item (absent)",
        ddb::delete_item(c, table, "p2", 42).await,
    );
    show("scan_all", paginators::scan_all(c, table, 2).await);
    show("query_pages", paginators::query_pages(c, table, "p2").await);
    show("list_tables", ddb::list_tables(c, 10).await);
    show("all_table_names", paginators::all_table_names(c, 1).await);
    if let Some(arn) = show_quiet(ddb::table_arn(c, table).await) {
        show("tags", ddb::tags(c, &arn).await);
    }
    show("enable_ttl", ddb::enable_ttl(c, table).await);
    match dynamodb_errors::put_if_absent(c, table, "p1").await {
        Ok(lines) => lines.iter().for_each(|l| println!("put_if_absent: {l}")),
        Err(err) => println!("put_if_absent: error {:?}", err.code()),
    }
    println!(
        "describe_missing_table: {}",
        dynamodb_errors::describe_missing_table(c, "missing").await
    );
    println!(
        "get_from_missing_table: {}",
        dynamodb_errors::get_from_missing_table(c, "missing").await
    );
    show(
        "item_count_or_zero",
        dynamodb_errors::item_count_or_zero(c, "missing").await,
    );
    println!(
        "log_failure: {}",
        dynamodb_errors::log_failure(c, "missing").await
    );
    println!(
        "error_context_text: {:?}",
        dynamodb_errors::error_context_text(c, "missing").await
    );
    show(
        "enum_strings",
        Ok::<_, dynamodb::Error>(ddb::enum_strings()),
    );
    show("primitives", Ok::<_, dynamodb::Error>(ddb::primitives()));
    show("delete_table", ddb::delete_table(c, "compat-indexed").await);
    show("list_tables", ddb::list_tables(c, 10).await);
}

async fn run_cognito(c: &cognito::Client) {
    let Some(pool) = show_quiet(cog::create_user_pool(c, "compat-pool").await) else {
        println!("create_user_pool: failed");
        return;
    };
    println!("create_user_pool: ok");
    show_lines(
        "describe_user_pool",
        cog::describe_user_pool(c, &pool).await,
    );
    show("mfa_config", cog::mfa_config(c, &pool).await);
    let Some(plain) = show_quiet(cog::create_plain_pool(c, "compat-plain").await) else {
        println!("create_plain_pool: failed");
        return;
    };
    let app = show_quiet(cog::create_app_client(c, &plain).await).unwrap_or_default();
    show_lines(
        "describe_app_client",
        cog::describe_app_client(c, &plain, &app).await,
    );
    show(
        "admin_create_user",
        cog::admin_create_user(c, &plain, "alice").await,
    );
    show(
        "admin_create_user",
        cog::admin_create_user(c, &plain, "bob").await,
    );
    show_lines(
        "admin_get_user",
        cog::admin_get_user(c, &plain, "alice").await,
    );
    show(
        "set_password",
        cog::set_password(c, &plain, "alice", "Perm-Passw0rd!").await,
    );
    show_lines(
        "admin_sign_in",
        cog::admin_sign_in(c, &plain, &app, "alice", "Perm-Passw0rd!").await,
    );
    show(
        "group_membership",
        cog::group_membership(c, &plain, "alice", "builders").await,
    );
    show("groups_of", paginators::groups_of(c, &plain, "alice").await);
    show(
        "update_attributes",
        cog::update_attributes(c, &plain, "alice").await,
    );
    show("toggle_user", cog::toggle_user(c, &plain, "alice").await);
    show_lines(
        "admin_get_user",
        cog::admin_get_user(c, &plain, "alice").await,
    );
    show("find_users", cog::find_users(c, &plain, "a").await);
    show("all_usernames", paginators::all_usernames(c, &plain).await);
    show("user_pool_names", paginators::user_pool_names(c).await);
    show_lines(
        "get_missing_user",
        Ok::<_, cognito::Error>(cognito_errors::get_missing_user(c, &plain).await),
    );
    println!(
        "describe_missing_pool: {}",
        cognito_errors::describe_missing_pool(c, "us-east-1_missing").await
    );
    show(
        "user_exists",
        cognito_errors::user_exists(c, &plain, "alice").await,
    );
    show(
        "user_exists",
        cognito_errors::user_exists(c, &plain, "zed").await,
    );
    show(
        "create_twice",
        cognito_errors::create_twice(c, &plain, "carol").await,
    );
    println!(
        "crate_error_context: {:?}",
        cognito_errors::crate_error_context(c, &plain).await
    );
    println!(
        "crate_error_code: {:?}",
        cognito_errors::crate_error_code(c).await
    );
    println!("build_error: {}", cog::build_error_names_the_field());
    println!("model_types_are_data: {}", cog::model_types_are_data());
    show("clean_up", cog::clean_up(c, &plain, "bob").await);
    show("user_pool_names", paginators::user_pool_names(c).await);
}

/// A value the following steps need but whose text is server-generated (ids, ARNs).
fn show_quiet<T, E: ProvideErrorMetadata>(result: Result<T, E>) -> Option<T> {
    result
        .map_err(|err| println!("setup step: error {:?}", err.code()))
        .ok()
}
