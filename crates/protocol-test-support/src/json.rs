//! JSON comparison as protocol tests mean it: object key order does not matter and numbers
//! compare by value (`1` equals `1.0`).

use serde_json::Value;

/// Whether two JSON values are equal by value.
pub fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x == y,
            _ => match (x.as_u64(), y.as_u64()) {
                (Some(x), Some(y)) => x == y,
                _ => x.as_f64() == y.as_f64(),
            },
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| json_eq(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

/// Panics unless the JSON texts `actual` and `expected` are equal by value (used for typed
/// values holding NaN, which never equals itself: both are compared in their wire form).
pub fn assert_json_eq(actual: &str, expected: &str) {
    let parse = |t: &str| serde_json::from_str::<Value>(t).unwrap_or(Value::String(t.to_owned()));
    let (a, e) = (parse(actual), parse(expected));
    assert!(
        json_eq(&a, &e),
        "values differ:\n  actual:   {actual}\n  expected: {expected}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_compare_by_value_and_keys_by_set() {
        assert!(json_eq(
            &json!({"a": 1, "b": [1.5]}),
            &json!({"b": [1.5], "a": 1.0})
        ));
        assert!(!json_eq(&json!({"a": 1}), &json!({"a": 2})));
        assert!(!json_eq(&json!({"a": 1}), &json!({"a": 1, "b": null})));
        assert!(!json_eq(&json!([1, 2]), &json!([2, 1])));
    }
}
