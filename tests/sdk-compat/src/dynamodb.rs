//! DynamoDB: tables, items with every kind of attribute value (the `AttributeValue` union),
//! expressions with map members, batches and transactions, reading outputs through accessors.

use std::collections::HashMap;

use aws_sdk_dynamodb::primitives::{Blob, DateTime, DateTimeFormat};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, GlobalSecondaryIndex, KeySchemaElement,
    KeyType, KeysAndAttributes, Projection, ProjectionType, ProvisionedThroughput, Put, PutRequest,
    ReturnValue, ScalarAttributeType, TableStatus, Tag, TimeToLiveSpecification, TransactWriteItem,
    Update, WriteRequest,
};
use aws_sdk_dynamodb::{Client, Error};

/// Creates a table keyed by `pk` (string) and `sk` (number), on-demand billing, tagged.
pub async fn create_table(client: &Client, table: &str) -> Result<String, Error> {
    let pk = AttributeDefinition::builder()
        .attribute_name("pk")
        .attribute_type(ScalarAttributeType::S)
        .build()?;
    let sk = AttributeDefinition::builder()
        .attribute_name("sk")
        .attribute_type(ScalarAttributeType::N)
        .build()?;
    let out = client
        .create_table()
        .table_name(table)
        .attribute_definitions(pk)
        .attribute_definitions(sk)
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("pk")
                .key_type(KeyType::Hash)
                .build()?,
        )
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("sk")
                .key_type(KeyType::Range)
                .build()?,
        )
        .billing_mode(BillingMode::PayPerRequest)
        .tags(Tag::builder().key("team").value("ingot").build()?)
        .send()
        .await?;
    let description = out.table_description();
    Ok(format!(
        "created {} ({} key elements, status {})",
        description.and_then(|t| t.table_name()).unwrap_or("?"),
        description.map(|t| t.key_schema().len()).unwrap_or(0),
        description
            .and_then(|t| t.table_status())
            .map(|s| s.as_str())
            .unwrap_or("?"),
    ))
}

/// A table with provisioned throughput (numbers) and a global secondary index (nested structures,
/// enums, a list of strings).
pub async fn create_table_with_index(client: &Client, table: &str) -> Result<usize, Error> {
    let throughput = ProvisionedThroughput::builder()
        .read_capacity_units(5)
        .write_capacity_units(5)
        .build()?;
    let index = GlobalSecondaryIndex::builder()
        .index_name("by-owner")
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("owner")
                .key_type(KeyType::Hash)
                .build()?,
        )
        .projection(
            Projection::builder()
                .projection_type(ProjectionType::Include)
                .non_key_attributes("title")
                .non_key_attributes("size")
                .build(),
        )
        .provisioned_throughput(throughput.clone())
        .build()?;
    let out = client
        .create_table()
        .table_name(table)
        .set_attribute_definitions(Some(vec![
            AttributeDefinition::builder()
                .attribute_name("id")
                .attribute_type(ScalarAttributeType::S)
                .build()?,
            AttributeDefinition::builder()
                .attribute_name("owner")
                .attribute_type(ScalarAttributeType::S)
                .build()?,
        ]))
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("id")
                .key_type(KeyType::Hash)
                .build()?,
        )
        .global_secondary_indexes(index)
        .provisioned_throughput(throughput)
        .send()
        .await?;
    Ok(out
        .table_description()
        .map(|t| t.global_secondary_indexes().len())
        .unwrap_or(0))
}

/// Puts one item holding every kind of attribute value, one `.item(k, v)` call per attribute.
pub async fn put_item_every_kind(client: &Client, table: &str, pk: &str) -> Result<(), Error> {
    let mut nested = HashMap::new();
    nested.insert("city".to_string(), AttributeValue::S("Oslo".into()));
    nested.insert("zip".to_string(), AttributeValue::N("150".into()));
    client
        .put_item()
        .table_name(table)
        .item("pk", AttributeValue::S(pk.into()))
        .item("sk", AttributeValue::N("1".into()))
        .item("title", AttributeValue::S("déjà vu ✓".into()))
        .item("active", AttributeValue::Bool(true))
        .item("nothing", AttributeValue::Null(true))
        .item("raw", AttributeValue::B(Blob::new(vec![0u8, 1, 2, 255])))
        .item(
            "tags",
            AttributeValue::Ss(vec!["a".to_string(), "b".to_string()]),
        )
        .item(
            "scores",
            AttributeValue::Ns(vec!["1".to_string(), "2.5".to_string()]),
        )
        .item("blobs", AttributeValue::Bs(vec![Blob::new("x")]))
        .item(
            "history",
            AttributeValue::L(vec![
                AttributeValue::N("1".into()),
                AttributeValue::S("two".into()),
            ]),
        )
        .item("address", AttributeValue::M(nested))
        .send()
        .await?;
    Ok(())
}

/// Reads an item back and describes each attribute through the union's `as_*` / `is_*` methods,
/// sorted by name so the output is deterministic.
pub async fn get_item_described(
    client: &Client,
    table: &str,
    pk: &str,
) -> Result<Vec<String>, Error> {
    let out = client
        .get_item()
        .table_name(table)
        .key("pk", AttributeValue::S(pk.into()))
        .key("sk", AttributeValue::N("1".into()))
        .consistent_read(true)
        .send()
        .await?;
    let Some(item) = out.item() else {
        return Ok(vec!["no item".to_string()]);
    };
    let mut names: Vec<&String> = item.keys().collect();
    names.sort();
    Ok(names
        .into_iter()
        .map(|name| format!("{name} = {}", describe(&item[name])))
        .collect())
}

/// One attribute value as text; sets are sorted because their order is not kept.
pub fn describe(value: &AttributeValue) -> String {
    if let Ok(s) = value.as_s() {
        format!("S {s}")
    } else if let Ok(n) = value.as_n() {
        format!("N {n}")
    } else if let Ok(b) = value.as_bool() {
        format!("BOOL {b}")
    } else if value.is_null() {
        "NULL".to_string()
    } else if let Ok(blob) = value.as_b() {
        format!("B {:?}", blob.as_ref())
    } else if let Ok(set) = value.as_ss() {
        let mut set = set.clone();
        set.sort();
        format!("SS {set:?}")
    } else if let Ok(set) = value.as_ns() {
        let mut set = set.clone();
        set.sort();
        format!("NS {set:?}")
    } else if let Ok(set) = value.as_bs() {
        let mut set: Vec<Vec<u8>> = set.iter().map(|b| b.clone().into_inner()).collect();
        set.sort();
        format!("BS {set:?}")
    } else if let Ok(list) = value.as_l() {
        let inner: Vec<String> = list.iter().map(describe).collect();
        format!("L [{}]", inner.join(", "))
    } else if let Ok(map) = value.as_m() {
        let mut inner: Vec<String> = map
            .iter()
            .map(|(k, v)| format!("{k}: {}", describe(v)))
            .collect();
        inner.sort();
        format!("M {{{}}}", inner.join(", "))
    } else {
        "unknown".to_string()
    }
}

/// A projection with an expression attribute name (map member, appended one entry at a time).
pub async fn get_item_projection(
    client: &Client,
    table: &str,
    pk: &str,
) -> Result<Option<String>, Error> {
    let out = client
        .get_item()
        .table_name(table)
        .key("pk", AttributeValue::S(pk.into()))
        .key("sk", AttributeValue::N("1".into()))
        .projection_expression("#t, active")
        .expression_attribute_names("#t", "title")
        .send()
        .await?;
    Ok(out
        .item()
        .and_then(|item| item.get("title"))
        .and_then(|v| v.as_s().ok())
        .cloned())
}

/// An update expression with values, returning the new attributes.
pub async fn update_counter(client: &Client, table: &str, pk: &str) -> Result<String, Error> {
    let out = client
        .update_item()
        .table_name(table)
        .key("pk", AttributeValue::S(pk.into()))
        .key("sk", AttributeValue::N("1".into()))
        .update_expression("SET visits = if_not_exists(visits, :zero) + :one, active = :off")
        .expression_attribute_values(":zero", AttributeValue::N("0".into()))
        .expression_attribute_values(":one", AttributeValue::N("1".into()))
        .expression_attribute_values(":off", AttributeValue::Bool(false))
        .return_values(ReturnValue::UpdatedNew)
        .send()
        .await?;
    let attributes = out.attributes();
    Ok(format!(
        "visits={} active={}",
        attributes
            .and_then(|a| a.get("visits"))
            .map(describe)
            .unwrap_or_default(),
        attributes
            .and_then(|a| a.get("active"))
            .map(describe)
            .unwrap_or_default(),
    ))
}

/// Several items with one sort key each, written by `batch_write_item`.
pub async fn batch_write(client: &Client, table: &str, pk: &str, n: i64) -> Result<usize, Error> {
    let mut requests = Vec::new();
    for sk in 1..=n {
        let put = PutRequest::builder()
            .item("pk", AttributeValue::S(pk.into()))
            .item("sk", AttributeValue::N(sk.to_string()))
            .item("label", AttributeValue::S(format!("item {sk}")))
            .build()?;
        requests.push(WriteRequest::builder().put_request(put).build());
    }
    let out = client
        .batch_write_item()
        .request_items(table, requests)
        .send()
        .await?;
    Ok(out
        .unprocessed_items()
        .map(|u| u.values().map(Vec::len).sum())
        .unwrap_or(0))
}

/// `batch_get_item` with `KeysAndAttributes`; returns the labels found, sorted.
pub async fn batch_get(
    client: &Client,
    table: &str,
    pk: &str,
    sks: &[i64],
) -> Result<Vec<String>, Error> {
    let mut keys = KeysAndAttributes::builder().consistent_read(true);
    for sk in sks {
        let mut key = HashMap::new();
        key.insert("pk".to_string(), AttributeValue::S(pk.into()));
        key.insert("sk".to_string(), AttributeValue::N(sk.to_string()));
        keys = keys.keys(key);
    }
    let out = client
        .batch_get_item()
        .request_items(table, keys.build()?)
        .send()
        .await?;
    let mut labels: Vec<String> = out
        .responses()
        .and_then(|r| r.get(table))
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.get("label").and_then(|v| v.as_s().ok()).cloned())
                .collect()
        })
        .unwrap_or_default();
    labels.sort();
    Ok(labels)
}

/// A key condition, a limit and reverse order: the newest `limit` sort keys of a partition.
pub async fn query_newest(
    client: &Client,
    table: &str,
    pk: &str,
    limit: i32,
) -> Result<Vec<String>, Error> {
    let out = client
        .query()
        .table_name(table)
        .key_condition_expression("pk = :pk AND sk > :min")
        .expression_attribute_values(":pk", AttributeValue::S(pk.into()))
        .expression_attribute_values(":min", AttributeValue::N("0".into()))
        .scan_index_forward(false)
        .limit(limit)
        .send()
        .await?;
    let mut lines = vec![format!(
        "count={} more={}",
        out.count(),
        out.last_evaluated_key().is_some()
    )];
    lines.extend(
        out.items()
            .iter()
            .filter_map(|item| item.get("sk"))
            .map(describe),
    );
    Ok(lines)
}

/// Deletes an item and reports the old values it had.
pub async fn delete_item(client: &Client, table: &str, pk: &str, sk: i64) -> Result<bool, Error> {
    let out = client
        .delete_item()
        .table_name(table)
        .key("pk", AttributeValue::S(pk.into()))
        .key("sk", AttributeValue::N(sk.to_string()))
        .return_values(ReturnValue::AllOld)
        .send()
        .await?;
    Ok(out.attributes().is_some())
}

/// Two writes in one transaction: a conditional put and an update.
pub async fn transact_write(client: &Client, table: &str, pk: &str) -> Result<(), Error> {
    let put = Put::builder()
        .table_name(table)
        .item("pk", AttributeValue::S(pk.into()))
        .item("sk", AttributeValue::N("100".into()))
        .condition_expression("attribute_not_exists(pk)")
        .build()?;
    let update = Update::builder()
        .table_name(table)
        .key("pk", AttributeValue::S(pk.into()))
        .key("sk", AttributeValue::N("1".into()))
        .update_expression("SET #l = :l")
        .expression_attribute_names("#l", "label")
        .expression_attribute_values(":l", AttributeValue::S("in a transaction".into()))
        .build()?;
    client
        .transact_write_items()
        .transact_items(TransactWriteItem::builder().put(put).build())
        .transact_items(TransactWriteItem::builder().update(update).build())
        .client_request_token("token-1")
        .send()
        .await?;
    Ok(())
}

/// Describes a table: enum status with a catch-all arm (the SDK's enums are non-exhaustive),
/// a timestamp, numbers.
pub async fn describe_table(client: &Client, table: &str) -> Result<Vec<String>, Error> {
    let out = client.describe_table().table_name(table).send().await?;
    let Some(table) = out.table() else {
        return Ok(vec!["no table".into()]);
    };
    let status = match table.table_status() {
        Some(TableStatus::Active) => "active".to_string(),
        Some(TableStatus::Creating) => "creating".to_string(),
        Some(other) => format!("other: {}", other.as_str()),
        None => "none".to_string(),
    };
    let created = table.creation_date_time().map(|t| t.secs() > 0);
    Ok(vec![
        format!("name: {}", table.table_name().unwrap_or_default()),
        format!("status: {status}"),
        format!("created set: {created:?}"),
        format!(
            "attributes: {:?}",
            table
                .attribute_definitions()
                .iter()
                .map(|a| format!("{}:{}", a.attribute_name(), a.attribute_type().as_str()))
                .collect::<Vec<_>>()
        ),
        format!(
            "billing: {:?}",
            table
                .billing_mode_summary()
                .and_then(|b| b.billing_mode())
                .map(|m| m.as_str())
        ),
    ])
}

/// Tables by name, one page.
pub async fn list_tables(client: &Client, limit: i32) -> Result<Vec<String>, Error> {
    let out = client.list_tables().limit(limit).send().await?;
    Ok(out.table_names().to_vec())
}

/// Time-to-live: a required structure member built with `?`, a bool and a string.
pub async fn enable_ttl(client: &Client, table: &str) -> Result<Option<bool>, Error> {
    let out = client
        .update_time_to_live()
        .table_name(table)
        .time_to_live_specification(
            TimeToLiveSpecification::builder()
                .enabled(true)
                .attribute_name("expires")
                .build()?,
        )
        .send()
        .await?;
    Ok(out.time_to_live_specification().map(|s| s.enabled()))
}

/// Tags on a resource: tagging and listing them back, sorted.
pub async fn tags(client: &Client, table_arn: &str) -> Result<Vec<String>, Error> {
    client
        .tag_resource()
        .resource_arn(table_arn)
        .tags(Tag::builder().key("stage").value("test").build()?)
        .send()
        .await?;
    let out = client
        .list_tags_of_resource()
        .resource_arn(table_arn)
        .send()
        .await?;
    let mut tags: Vec<String> = out
        .tags()
        .iter()
        .map(|t| format!("{}={}", t.key(), t.value()))
        .collect();
    tags.sort();
    Ok(tags)
}

/// The table's ARN, needed by the tagging operations.
pub async fn table_arn(client: &Client, table: &str) -> Result<String, Error> {
    let out = client.describe_table().table_name(table).send().await?;
    Ok(out
        .table()
        .and_then(|t| t.table_arn())
        .unwrap_or_default()
        .to_string())
}

/// A timestamp input (`DateTime`) and a timestamp output formatted as RFC 3339.
pub async fn backups_since(
    client: &Client,
    table: &str,
    since: DateTime,
) -> Result<Vec<String>, Error> {
    let out = client
        .list_backups()
        .table_name(table)
        .time_range_lower_bound(since)
        .send()
        .await?;
    Ok(out
        .backup_summaries()
        .iter()
        .filter_map(|b| b.backup_creation_date_time())
        .filter_map(|t| t.fmt(DateTimeFormat::DateTime).ok())
        .collect())
}

/// PartiQL with positional parameters (a list of unions).
pub async fn partiql_select(client: &Client, table: &str, pk: &str) -> Result<usize, Error> {
    let out = client
        .execute_statement()
        .statement(format!("SELECT * FROM \"{table}\" WHERE pk = ?"))
        .parameters(AttributeValue::S(pk.into()))
        .consistent_read(true)
        .send()
        .await?;
    Ok(out.items().len())
}

/// Account limits: optional numbers.
pub async fn limits(client: &Client) -> Result<(Option<i64>, Option<i64>), Error> {
    let out = client.describe_limits().send().await?;
    Ok((
        out.table_max_read_capacity_units(),
        out.account_max_write_capacity_units(),
    ))
}

/// Deletes a table.
pub async fn delete_table(client: &Client, table: &str) -> Result<(), Error> {
    client.delete_table().table_name(table).send().await?;
    Ok(())
}

/// Enum values round-trip through strings, including values the SDK does not know.
pub fn enum_strings() -> Vec<String> {
    let known = ScalarAttributeType::from("S");
    let unknown = ScalarAttributeType::from("Z");
    vec![
        format!("{} {}", known.as_str(), known == ScalarAttributeType::S),
        format!(
            "{} {}",
            unknown.as_str(),
            ScalarAttributeType::values().len()
        ),
        BillingMode::PayPerRequest.as_str().to_string(),
    ]
}

/// Blobs and date-times from the `primitives` module.
pub fn primitives() -> Vec<String> {
    let blob = Blob::new(b"bytes".to_vec());
    let when = DateTime::from_secs(1_700_000_000);
    let parsed = DateTime::from_str("2024-01-02T03:04:05Z", DateTimeFormat::DateTime);
    vec![
        format!("{} bytes", blob.as_ref().len()),
        when.fmt(DateTimeFormat::DateTime).unwrap_or_default(),
        format!("{:?}", parsed.map(|d| d.secs())),
        format!("{}", when.as_secs_f64()),
    ]
}

/// Input structures built directly and inspected through their accessors before sending.
pub fn fluent_builder_as_input(client: &Client) -> Option<String> {
    let builder = client
        .get_item()
        .table_name("t")
        .key("pk", AttributeValue::S("k".into()));
    let input = builder.as_input();
    input.get_table_name().clone()
}
