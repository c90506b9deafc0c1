//! The generated DynamoDB client (full model) against moto's dynamodb.

mod support;

use std::collections::HashMap;

use dynamodb_client::config::{Credentials, Region};
use dynamodb_client::types::{
    AttributeAction, AttributeDefinition, AttributeValue, AttributeValueUpdate, BillingMode,
    KeySchemaElement, KeyType, ReturnValue, ScalarAttributeType,
};
use dynamodb_client::{Client, Config};

fn client() -> Client {
    let config = Config::builder()
        .region(Region::new("us-east-1"))
        .endpoint_url(support::endpoint())
        .credentials_provider(Credentials::new("testing", "testing", None, None, "moto"))
        .build();
    Client::from_conf(config)
}

fn s(v: &str) -> AttributeValue {
    AttributeValue::S(v.to_owned())
}

fn n(v: i64) -> AttributeValue {
    AttributeValue::N(v.to_string())
}

#[tokio::test]
async fn table_items_query_pagination_update_delete() {
    let client = client();
    let table = support::unique("ingot-table-");
    client
        .create_table()
        .table_name(&table)
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("pk")
                .key_type(KeyType::Hash)
                .build()
                .unwrap(),
        )
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("sk")
                .key_type(KeyType::Range)
                .build()
                .unwrap(),
        )
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("pk")
                .attribute_type(ScalarAttributeType::S)
                .build()
                .unwrap(),
        )
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("sk")
                .attribute_type(ScalarAttributeType::N)
                .build()
                .unwrap(),
        )
        .billing_mode(BillingMode::PayPerRequest)
        .send()
        .await
        .expect("CreateTable");

    let nested = HashMap::from([
        ("name".to_owned(), s("ingot")),
        (
            "tags".to_owned(),
            AttributeValue::L(vec![
                s("a"),
                n(2),
                AttributeValue::Bool(true),
                AttributeValue::Null(true),
            ]),
        ),
        (
            "inner".to_owned(),
            AttributeValue::M(HashMap::from([("depth".to_owned(), n(2))])),
        ),
    ]);
    let item = HashMap::from([
        ("pk".to_owned(), s("doc")),
        ("sk".to_owned(), n(0)),
        ("nested".to_owned(), AttributeValue::M(nested)),
        ("price".to_owned(), AttributeValue::N("12.5".into())),
        (
            "blob".to_owned(),
            AttributeValue::B(vec![0u8, 1, 2, 255].into()),
        ),
        (
            "colors".to_owned(),
            AttributeValue::Ss(vec!["red".into(), "blue".into()]),
        ),
        // Numbers in canonical form (DynamoDB normalizes `1.50` to `1.5`), given out of order.
        (
            "sizes".to_owned(),
            AttributeValue::Ns(vec!["42.2".into(), "-19".into(), "7".into()]),
        ),
        (
            "chunks".to_owned(),
            AttributeValue::Bs(vec![
                vec![255u8, 0].into(),
                vec![0u8, 1, 2].into(),
                "ingot".into(),
            ]),
        ),
    ]);
    client
        .put_item()
        .table_name(&table)
        .set_item(Some(item.clone()))
        .send()
        .await
        .expect("PutItem");

    let key = HashMap::from([("pk".to_owned(), s("doc")), ("sk".to_owned(), n(0))]);
    let got = client
        .get_item()
        .table_name(&table)
        .set_key(Some(key.clone()))
        .consistent_read(true)
        .send()
        .await
        .expect("GetItem")
        .item
        .expect("the item");
    let mut expected = item.clone();
    // DynamoDB sets have no order: compare string, number and binary sets sorted.
    let sorted = |v: &AttributeValue| {
        let mut v = v.clone();
        match &mut v {
            AttributeValue::Ss(set) | AttributeValue::Ns(set) => set.sort(),
            AttributeValue::Bs(set) => set.sort(),
            _ => {}
        }
        v
    };
    expected.iter_mut().for_each(|(_, v)| *v = sorted(v));
    let got: HashMap<_, _> = got.iter().map(|(k, v)| (k.clone(), sorted(v))).collect();
    assert_eq!(got, expected);

    for i in 1..=25 {
        let row = HashMap::from([
            ("pk".to_owned(), s("row")),
            ("sk".to_owned(), n(i)),
            ("v".to_owned(), s(&format!("v{i}"))),
        ]);
        client
            .put_item()
            .table_name(&table)
            .set_item(Some(row))
            .send()
            .await
            .unwrap_or_else(|e| panic!("PutItem {i}: {e}"));
    }
    let values = HashMap::from([(":pk".to_owned(), s("row"))]);
    let mut pages = 0;
    let mut seen = Vec::new();
    let mut stream = client
        .query()
        .table_name(&table)
        .key_condition_expression("pk = :pk")
        .set_expression_attribute_values(Some(values))
        .into_paginator()
        .page_size(10)
        .send();
    while let Some(page) = stream.next().await {
        let page = page.expect("Query page");
        pages += 1;
        for row in page.items.unwrap_or_default() {
            if let Some(AttributeValue::N(sk)) = row.get("sk") {
                seen.push(sk.parse::<i64>().unwrap());
            }
        }
    }
    assert_eq!(
        seen,
        (1..=25).collect::<Vec<_>>(),
        "all 25 rows once, in sort-key order"
    );
    assert!(pages >= 3, "10 per page: at least 3 pages, got {pages}");

    let updated = client
        .update_item()
        .table_name(&table)
        .set_key(Some(key.clone()))
        .attribute_updates(
            "price",
            AttributeValueUpdate::builder()
                .value(AttributeValue::N("13".into()))
                .action(AttributeAction::Put)
                .build(),
        )
        .return_values(ReturnValue::AllNew)
        .send()
        .await
        .expect("UpdateItem");
    assert_eq!(
        updated.attributes.and_then(|a| a.get("price").cloned()),
        Some(AttributeValue::N("13".into()))
    );

    client
        .delete_item()
        .table_name(&table)
        .set_key(Some(key.clone()))
        .send()
        .await
        .expect("DeleteItem");
    let after = client
        .get_item()
        .table_name(&table)
        .set_key(Some(key))
        .send()
        .await
        .expect("GetItem after delete");
    assert!(after.item.is_none_or(|i| i.is_empty()));

    client
        .delete_table()
        .table_name(&table)
        .send()
        .await
        .expect("DeleteTable");
}
