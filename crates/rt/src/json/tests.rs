use std::collections::HashMap;
use std::fmt::Debug;

use proptest::prelude::*;
use serde_json::json;

use super::*;
use crate::{BigDecimal, BigInteger, Blob, DateTime, Document, Number, TimestampFormat};

fn read<T: ReadJson>(text: &str) -> Result<T, JsonError> {
    from_slice(text.as_bytes(), &mut ReadCx::new())
}

fn round_trip<T: WriteJson + ReadJson + PartialEq + Debug>(value: &T) -> Result<T, JsonError> {
    read(&to_string(value))
}

#[test]
fn blob_base64_examples() {
    assert_eq!(
        to_string(&Blob::from("binary-value")),
        r#""YmluYXJ5LXZhbHVl""#
    );
    assert_eq!(to_string(&Blob::from("hi")), r#""aGk=""#);
    assert_eq!(to_string(&Blob::default()), r#""""#);
    assert_eq!(
        read::<Blob>(r#""YmluYXJ5LXZhbHVl""#),
        Ok(Blob::from("binary-value"))
    );
    assert_eq!(read::<Blob>(r#""aGk=""#), Ok(Blob::from("hi")));
    assert_eq!(read::<Blob>(r#""aGk""#), Ok(Blob::from("hi")));
    let err = read::<Blob>(r#""not base64!""#).unwrap_err();
    assert!(err.message().starts_with("invalid base64"), "{err}");
    assert!(read::<Blob>("5").is_err());
}

#[test]
fn integers_must_fit() {
    assert_eq!(read::<i8>("-128"), Ok(-128));
    assert_eq!(
        read::<i8>("300").unwrap_err().to_string(),
        "300 is out of range for i8"
    );
    assert_eq!(
        read::<i16>("-32769").unwrap_err().message(),
        "-32769 is out of range for i16"
    );
    assert_eq!(read::<i32>("2147483647"), Ok(i32::MAX));
    assert_eq!(read::<i64>("-9223372036854775808"), Ok(i64::MIN));
    assert!(read::<i64>("9223372036854775808").is_err());
    assert_eq!(
        read::<i32>("1.5").unwrap_err().message(),
        "expected an integer, found 1.5"
    );
    assert_eq!(read::<i32>("2.0"), Ok(2));
    assert_eq!(read::<i64>("1e3"), Ok(1000));
    assert!(read::<i64>("1e300").is_err());
    assert_eq!(
        read::<i32>("\"1\"").unwrap_err().message(),
        "expected an integer, found a string"
    );
    assert!(read::<i32>("null").is_err());
}

#[test]
fn floats_accept_numbers_and_special_strings() {
    assert_eq!(read::<f64>("1.5E9"), Ok(1.5e9));
    assert_eq!(read::<f64>("3"), Ok(3.0));
    assert!(read::<f64>("\"NaN\"").unwrap().is_nan());
    assert_eq!(read::<f64>("\"Infinity\""), Ok(f64::INFINITY));
    assert_eq!(read::<f64>("\"-Infinity\""), Ok(f64::NEG_INFINITY));
    assert!(read::<f64>("\"nan\"").is_err());
    assert!(read::<f64>("\"1.5\"").is_err());
    assert_eq!(read::<f32>("0.1"), Ok(0.1f32));
    let err = read::<f32>("1e39").unwrap_err();
    assert!(err.message().ends_with(" is out of range for f32"), "{err}");
    assert_eq!(read::<f32>("\"-Infinity\""), Ok(f32::NEG_INFINITY));
    assert_eq!(to_string(&f32::NAN), "\"NaN\"");
}

#[test]
fn timestamps() {
    let t: DateTime = read("1736443496.379").unwrap();
    assert_eq!(t.to_millis(), Ok(1_736_443_496_379));
    assert_eq!(
        read::<DateTime>("946845296"),
        Ok(DateTime::from_secs(946_845_296))
    );
    assert_eq!(
        read::<DateTime>("1.5E9"),
        Ok(DateTime::from_secs(1_500_000_000))
    );
    assert_eq!(to_string(&DateTime::from_millis(-1500)), "-1.5");
    assert!(read::<DateTime>("\"2000-01-02T20:34:56Z\"").is_err());

    let body = json!({
        "a": "2019-12-16T22:48:18-01:00",
        "b": "Sun, 02 Jan 2000 20:34:56 GMT",
        "c": 946845296.123,
        "d": null,
        "e": "Sun, 02 Jan 2000 20:34:56.123 GMT",
        "f": 5,
    });
    let mut cx = ReadCx::new();
    let member = |cx: &mut ReadCx, name: &'static str, format| {
        cx.timestamp_member(name, &body[name], format)
    };
    assert_eq!(
        member(&mut cx, "a", TimestampFormat::DateTime),
        Ok(Some(DateTime::from_secs(1_576_540_098)))
    );
    assert_eq!(
        member(&mut cx, "b", TimestampFormat::HttpDate),
        Ok(Some(DateTime::from_secs(946_845_296)))
    );
    assert_eq!(
        member(&mut cx, "c", TimestampFormat::EpochSeconds),
        Ok(Some(DateTime::from_millis(946_845_296_123)))
    );
    assert_eq!(member(&mut cx, "d", TimestampFormat::DateTime), Ok(None));
    let err = member(&mut cx, "e", TimestampFormat::HttpDate).unwrap_err();
    assert_eq!(err.path(), "/e");
    assert!(
        err.message().contains("fractional seconds are not allowed"),
        "{err}"
    );
    let err = member(&mut cx, "f", TimestampFormat::DateTime).unwrap_err();
    assert_eq!(err.to_string(), "expected a string, found a number at /f");
}

#[test]
fn big_numbers_keep_their_text() {
    let big = "123456789012345678901234567890";
    assert_eq!(to_string(&big.parse::<BigInteger>().unwrap()), big);
    assert_eq!(read::<BigInteger>("-12"), Ok("-12".parse().unwrap()));
    assert_eq!(
        read::<BigInteger>("18446744073709551615").unwrap().as_str(),
        "18446744073709551615"
    );
    // Beyond u64 without arbitrary_precision: f64 precision, but still integer text.
    assert_eq!(
        read::<BigInteger>("1e24").unwrap().as_str(),
        "1000000000000000000000000"
    );
    assert!(read::<BigInteger>("1.5").is_err());
    assert_eq!(read::<BigDecimal>("1.25").unwrap().as_str(), "1.25");
    assert!(read::<BigDecimal>("\"1.25\"").is_err());
    assert_eq!(
        to_string(&"-1.5e-30".parse::<BigDecimal>().unwrap()),
        "-1.5e-30"
    );
}

#[test]
fn documents_are_inline_json() {
    let doc = read_document(&json!({"b": [1, -2, 1.5, null, true], "a": "x"}));
    let want = Document::Object(HashMap::from([
        ("a".to_owned(), Document::from("x")),
        (
            "b".to_owned(),
            Document::Array(vec![
                Document::Number(Number::PosInt(1)),
                Document::Number(Number::NegInt(-2)),
                Document::Number(Number::Float(1.5)),
                Document::Null,
                Document::Bool(true),
            ]),
        ),
    ]));
    assert_eq!(doc, want);
    // Keys are written sorted whatever the map's order: the same document, the same bytes.
    assert_eq!(to_string(&doc), r#"{"a":"x","b":[1,-2,1.5,null,true]}"#);
    let many: HashMap<String, Document> = (0..64)
        .map(|i| (format!("k{i:02}"), Document::from(i)))
        .collect();
    let written = to_string(&Document::Object(many));
    let keys: Vec<&str> = written
        .match_indices("\"k")
        .map(|(i, _)| &written[i + 1..i + 4])
        .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "{written}");
    assert_eq!(
        to_value(&doc),
        json!({"a": "x", "b": [1, -2, 1.5, null, true]})
    );
    assert_eq!(round_trip(&doc), Ok(doc));
    assert_eq!(to_value(&Document::from(f64::NAN)), json!("NaN"));
    assert_eq!(
        to_string(&Document::from(f64::NEG_INFINITY)),
        "\"-Infinity\""
    );
    assert_eq!(read::<Document>("null"), Ok(Document::Null));
}

#[test]
fn dense_collections_reject_null_and_sparse_keep_it() {
    let err = read::<Vec<String>>(r#"["a", null]"#).unwrap_err();
    assert_eq!(err.to_string(), "expected a string, found null at /1");
    assert_eq!(
        read::<Vec<Option<String>>>(r#"["a", null]"#),
        Ok(vec![Some("a".into()), None])
    );
    assert_eq!(to_string(&vec![Some("a"), None]), r#"["a",null]"#);

    let err = read::<HashMap<String, i32>>(r#"{"k/~": null}"#).unwrap_err();
    assert_eq!(err.path(), "/k~1~0");
    let sparse: HashMap<String, Option<i32>> = read(r#"{"foo": null, "bar": 1}"#).unwrap();
    assert_eq!(
        sparse,
        HashMap::from([("foo".into(), None), ("bar".into(), Some(1))])
    );
    assert_eq!(to_string(&sparse), r#"{"bar":1,"foo":null}"#);
    assert!(read::<Vec<i32>>("{}").is_err());
    assert!(read::<HashMap<String, i32>>("[]").is_err());
}

#[test]
fn maps_write_keys_in_sorted_order() {
    let map: HashMap<String, i32> = (0..50).map(|i| (format!("k{i:02}"), i)).collect();
    let text = to_string(&map);
    let keys: Vec<&str> = text
        .match_indices("\"k")
        .map(|(i, _)| &text[i + 1..i + 4])
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(keys.len(), 50);
    assert_eq!(keys, sorted);
}

#[test]
fn structure_reading_with_paths_and_required_members() {
    // What generated code does for a structure with a nested member.
    #[derive(Debug, Default, PartialEq)]
    struct Job {
        id: String,
        count: i64,
        created: Option<DateTime>,
    }
    impl ReadJson for Job {
        fn read_json(v: &Value, cx: &mut ReadCx) -> Result<Self, JsonError> {
            let object = cx.expect_object(v)?;
            let (mut id, mut count, mut created) = (None, None, None);
            for (key, value) in object {
                match key.as_str() {
                    "JobId" => id = cx.member("JobId", value)?,
                    "Count" => count = cx.member("Count", value)?,
                    "CreationDate" => created = cx.member("CreationDate", value)?,
                    _ => {} // unknown keys are skipped
                }
            }
            Ok(Job {
                id: cx.required(id, "JobId"),
                count: cx.required(count, "Count"),
                created,
            })
        }
    }
    #[derive(Debug, PartialEq)]
    struct Output {
        job: Option<Job>,
    }
    impl ReadJson for Output {
        fn read_json(v: &Value, cx: &mut ReadCx) -> Result<Self, JsonError> {
            let object = cx.expect_object(v)?;
            let job = match object.get("UserImportJob") {
                Some(value) => cx.member("UserImportJob", value)?,
                None => None,
            };
            Ok(Output { job })
        }
    }

    let mut cx = ReadCx::new();
    let body = br#"{"UserImportJob": {"Count": 3, "JobId": null, "Extra": [1]}, "Other": {}}"#;
    let out: Output = from_slice(body, &mut cx).unwrap();
    assert_eq!(
        out.job,
        Some(Job {
            id: String::new(),
            count: 3,
            created: None
        })
    );
    assert_eq!(
        cx.take_missing(),
        vec![vec![
            PathSeg::Member("UserImportJob"),
            PathSeg::Member("JobId")
        ]]
    );
    assert!(cx.take_missing().is_empty());

    let body = br#"{"UserImportJob": {"JobId": "j", "Count": 1, "CreationDate": "soon"}}"#;
    let err = from_slice::<Output>(body, &mut ReadCx::new()).unwrap_err();
    assert_eq!(err.path(), "/UserImportJob/CreationDate");
    assert_eq!(
        err.to_string(),
        "expected a number, found a string at /UserImportJob/CreationDate"
    );

    let err = from_slice::<Output>(b"[]", &mut ReadCx::new()).unwrap_err();
    assert_eq!(err.to_string(), "expected an object, found an array");
    assert_eq!(err.path(), "");
}

#[test]
fn parse_errors() {
    assert_eq!(parse(b"").unwrap_err().message(), "empty JSON body");
    let err = parse(b"{\n  \"a\": }").unwrap_err();
    assert!(err.message().contains("line 2 column"), "{err}");
    assert!(parse(b"{} x").is_err());
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let err = parse(deep.as_bytes()).unwrap_err();
    assert!(err.message().contains("recursion limit"), "{err}");
    assert_eq!(parse(b" {\"a\":1} "), Ok(serde_json::json!({"a": 1})));
}

#[test]
fn boxes_references_and_options() {
    assert_eq!(to_string(&Box::new(5i32)), "5");
    assert_eq!(to_string(&&"x"), "\"x\"");
    assert_eq!(to_string("x"), "\"x\"");
    assert_eq!(to_string(&None::<i32>), "null");
    assert_eq!(read::<Box<i16>>("7"), Ok(Box::new(7)));
    assert_eq!(read::<Option<bool>>("null"), Ok(None));
    assert_eq!(read::<bool>("true"), Ok(true));
    assert!(read::<bool>("1").is_err());
    assert_eq!(read::<String>("\"\\u00e9\\n\""), Ok("é\n".to_owned()));
}

fn nested() -> impl Strategy<Value = HashMap<String, Vec<Option<i64>>>> {
    prop::collection::hash_map(
        any::<String>(),
        prop::collection::vec(any::<Option<i64>>(), 0..4),
        0..4,
    )
}

proptest! {
    #[test]
    fn strings_round_trip(s in any::<String>()) {
        let text = to_string(&s);
        // serde_json agrees it is the same string.
        prop_assert_eq!(serde_json::from_str::<String>(&text).unwrap(), s.clone());
        prop_assert_eq!(round_trip(&s), Ok(s));
    }

    #[test]
    fn integers_round_trip(a in any::<i8>(), b in any::<i16>(), c in any::<i32>(), d in any::<i64>()) {
        prop_assert_eq!(round_trip(&a), Ok(a));
        prop_assert_eq!(round_trip(&b), Ok(b));
        prop_assert_eq!(round_trip(&c), Ok(c));
        prop_assert_eq!(round_trip(&d), Ok(d));
    }

    #[test]
    fn f64_round_trips_bit_exact(v in any::<f64>()) {
        let back = read::<f64>(&to_string(&v)).unwrap();
        if v.is_nan() {
            prop_assert!(back.is_nan());
        } else {
            prop_assert_eq!(back.to_bits(), v.to_bits());
        }
    }

    #[test]
    fn f32_round_trips_bit_exact(v in any::<f32>()) {
        let back = read::<f32>(&to_string(&v)).unwrap();
        if v.is_nan() {
            prop_assert!(back.is_nan());
        } else {
            prop_assert_eq!(back.to_bits(), v.to_bits());
        }
    }

    #[test]
    fn blobs_round_trip(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let blob = Blob::from(bytes);
        prop_assert_eq!(round_trip(&blob), Ok(blob));
    }

    /// Non-integral numbers reach us as `f64` (no arbitrary_precision), which holds 15
    /// significant digits exactly: milliseconds within ±10^15 (about ±31,000 years).
    #[test]
    fn timestamps_round_trip(ms in -1_000_000_000_000_000i64..1_000_000_000_000_000) {
        let t = DateTime::from_millis(ms);
        prop_assert_eq!(round_trip(&t), Ok(t));
    }

    #[test]
    fn nested_collections_round_trip(value in nested()) {
        prop_assert_eq!(round_trip(&value), Ok(value.clone()));
        let boxed: Vec<Box<Option<bool>>> = vec![Box::new(None), Box::new(Some(true))];
        prop_assert_eq!(round_trip(&boxed), Ok(boxed));
    }

    #[test]
    fn output_is_always_valid_json(value in nested(), f in any::<f64>(), s in any::<String>()) {
        let mut w = JsonWriter::new();
        let mut o = w.object();
        value.write_json(o.key(&s));
        o.key("f").f64(f);
        o.end();
        prop_assert!(serde_json::from_str::<Value>(w.as_str()).is_ok());
    }
}
