//! Paginators of both services: `into_paginator()`, `.page_size(n)`, `.send()`, `.next().await`,
//! `.items()`, `.collect()`.

use aws_sdk_cognitoidentityprovider as cognito;
use aws_sdk_dynamodb as dynamodb;
use aws_sdk_dynamodb::types::AttributeValue;

/// Every table name, walking pages of `page_size` names.
pub async fn all_table_names(
    client: &dynamodb::Client,
    page_size: i32,
) -> Result<(usize, Vec<String>), dynamodb::Error> {
    let mut pages = client
        .list_tables()
        .into_paginator()
        .page_size(page_size)
        .send();
    let mut count = 0;
    let mut names = Vec::new();
    while let Some(page) = pages.next().await {
        let page = page?;
        count += 1;
        names.extend(page.table_names().iter().cloned());
    }
    Ok((count, names))
}

/// A scan flattened to items with `.items()`, collected.
pub async fn scan_all(
    client: &dynamodb::Client,
    table: &str,
    page_size: i32,
) -> Result<Vec<String>, dynamodb::Error> {
    let items: Result<Vec<_>, _> = client
        .scan()
        .table_name(table)
        .into_paginator()
        .page_size(page_size)
        .items()
        .send()
        .collect()
        .await;
    let mut sort_keys: Vec<String> = items?
        .iter()
        .filter_map(|item| item.get("sk").and_then(|v| v.as_n().ok()).cloned())
        .collect();
    sort_keys.sort_by_key(|s| s.parse::<i64>().unwrap_or(i64::MAX));
    Ok(sort_keys)
}

/// A query paginated one item per page: counts pages.
pub async fn query_pages(
    client: &dynamodb::Client,
    table: &str,
    pk: &str,
) -> Result<usize, dynamodb::Error> {
    let mut pages = client
        .query()
        .table_name(table)
        .key_condition_expression("pk = :pk")
        .expression_attribute_values(":pk", AttributeValue::S(pk.into()))
        .into_paginator()
        .page_size(1)
        .send();
    let mut items = 0;
    while let Some(page) = pages.next().await {
        items += page?.items().len();
    }
    Ok(items)
}

/// Users of a pool, item by item.
pub async fn all_usernames(
    client: &cognito::Client,
    pool_id: &str,
) -> Result<Vec<String>, cognito::Error> {
    let mut users = client
        .list_users()
        .user_pool_id(pool_id)
        .into_paginator()
        .page_size(1)
        .items()
        .send();
    let mut names = Vec::new();
    while let Some(user) = users.next().await {
        names.extend(user?.username().map(str::to_owned));
    }
    names.sort();
    Ok(names)
}

/// User pools with a required page size member (`MaxResults`).
pub async fn user_pool_names(client: &cognito::Client) -> Result<Vec<String>, cognito::Error> {
    let pools: Vec<_> = client
        .list_user_pools()
        .max_results(10)
        .into_paginator()
        .items()
        .send()
        .collect::<Result<Vec<_>, _>>()
        .await?;
    let mut names: Vec<String> = pools
        .iter()
        .filter_map(|p| p.name().map(str::to_owned))
        .collect();
    names.sort();
    Ok(names)
}

/// Groups of a user, page by page.
pub async fn groups_of(
    client: &cognito::Client,
    pool_id: &str,
    username: &str,
) -> Result<Vec<String>, cognito::Error> {
    let mut pages = client
        .admin_list_groups_for_user()
        .user_pool_id(pool_id)
        .username(username)
        .into_paginator()
        .send();
    let mut names = Vec::new();
    while let Some(page) = pages.next().await {
        names.extend(
            page?
                .groups()
                .iter()
                .filter_map(|g| g.group_name().map(str::to_owned)),
        );
    }
    names.sort();
    Ok(names)
}
