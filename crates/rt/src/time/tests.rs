use std::time::{Duration, SystemTime, UNIX_EPOCH};

use proptest::prelude::*;

use super::{DateTime, TimestampFormat};

const EPOCH: TimestampFormat = TimestampFormat::EpochSeconds;
const RFC: TimestampFormat = TimestampFormat::DateTime;
const HTTP: TimestampFormat = TimestampFormat::HttpDate;

fn parse(text: &str, format: TimestampFormat) -> DateTime {
    match DateTime::from_str(text, format) {
        Ok(t) => t,
        Err(e) => panic!("{text:?} should parse: {e}"),
    }
}

#[test]
fn negative_values_move_forward_in_time() {
    let t = DateTime::from_millis(-1500);
    assert_eq!((t.secs(), t.subsec_nanos()), (-2, 500_000_000));
    assert_eq!(t.to_millis(), Ok(-1500));
    assert_eq!(DateTime::from_secs_and_nanos(-2, 500_000_000), t);
    assert_eq!(DateTime::from_fractional_secs(-1.5), Ok(t));
    assert!(DateTime::from_secs(-1) > t);
}

#[test]
fn constructors_normalize() {
    assert_eq!(
        DateTime::from_secs_and_nanos(1, 2_500_000_000),
        DateTime::from_millis(3500)
    );
    assert_eq!(
        DateTime::from_secs_and_nanos(i64::MAX, u32::MAX).secs(),
        i64::MAX
    );
    assert_eq!(
        DateTime::from_millis(1999),
        DateTime::from_secs_and_nanos(1, 999_000_000)
    );
    assert_eq!(DateTime::default(), DateTime::from_secs(0));
}

#[test]
fn fractional_seconds_are_exact_to_the_millisecond() {
    let t = DateTime::from_fractional_secs(1_736_443_496.379).unwrap();
    assert_eq!(t.to_millis(), Ok(1_736_443_496_379));
    assert_eq!(t.subsec_nanos(), 379_000_000);
    assert!(DateTime::from_fractional_secs(f64::NAN).is_err());
    assert!(DateTime::from_fractional_secs(f64::INFINITY).is_err());
    assert!(DateTime::from_fractional_secs(1e300).is_err());
}

#[test]
fn to_millis_overflow_is_an_error() {
    assert!(DateTime::from_secs(i64::MAX).to_millis().is_err());
    assert!(DateTime::from_secs(i64::MIN).to_millis().is_err());
}

#[test]
fn epoch_seconds_formatting() {
    let cases = [
        (DateTime::from_secs(946_845_296), "946845296"),
        (DateTime::from_millis(946_845_296_123), "946845296.123"),
        (DateTime::from_millis(946_845_296_100), "946845296.1"),
        (DateTime::from_millis(-1500), "-1.5"),
        (DateTime::from_millis(-500), "-0.5"),
        (DateTime::from_millis(-1), "-0.001"),
        (DateTime::from_secs_and_nanos(0, 999_999), "0"),
        (DateTime::from_secs_and_nanos(1, 123_999_999), "1.123"),
        (DateTime::from_secs(i64::MIN), "-9223372036854775808"),
    ];
    for (t, want) in cases {
        assert_eq!(t.fmt_expanded(EPOCH), want);
    }
}

#[test]
fn epoch_seconds_parsing() {
    assert_eq!(parse("946845296", EPOCH), DateTime::from_secs(946_845_296));
    assert_eq!(
        parse("1736443496.379", EPOCH).to_millis(),
        Ok(1_736_443_496_379)
    );
    assert_eq!(parse("1.5E9", EPOCH), DateTime::from_secs(1_500_000_000));
    assert_eq!(parse("15e-1", EPOCH), DateTime::from_millis(1500));
    assert_eq!(parse("-1.5", EPOCH), DateTime::from_millis(-1500));
    assert_eq!(parse("-0", EPOCH), DateTime::from_secs(0));
    assert_eq!(
        parse("1.0000000019", EPOCH),
        DateTime::from_secs_and_nanos(1, 1)
    );
    // Digits past nanoseconds truncate towards the past for negatives too.
    assert_eq!(
        parse("-1.0000000001", EPOCH),
        DateTime::from_secs_and_nanos(-2, 999_999_999)
    );
    assert_eq!(parse("0e999999999", EPOCH), DateTime::from_secs(0));
    assert_eq!(
        parse("-9223372036854775808", EPOCH),
        DateTime::from_secs(i64::MIN)
    );
    for bad in [
        "", "-", "abc", "1.", ".5", "1e", "1e+", "1.5.5", " 1", "1 ", "+1", "0x10", "NaN",
    ] {
        assert!(DateTime::from_str(bad, EPOCH).is_err(), "{bad:?}");
    }
    for out_of_range in ["1e999", "9223372036854775808", "-9223372036854775808.5"] {
        assert!(
            DateTime::from_str(out_of_range, EPOCH).is_err(),
            "{out_of_range:?}"
        );
    }
}

#[test]
fn date_time_formatting() {
    assert_eq!(
        DateTime::from_secs(946_845_296).fmt_expanded(RFC),
        "2000-01-02T20:34:56Z"
    );
    assert_eq!(
        DateTime::from_millis(946_845_296_123).fmt_expanded(RFC),
        "2000-01-02T20:34:56.123Z"
    );
    assert_eq!(
        DateTime::from_millis(1_736_443_496_379).to_string(),
        "2025-01-09T17:24:56.379Z"
    );
    assert_eq!(
        format!("{:?}", DateTime::from_millis(-1)),
        "1969-12-31T23:59:59.999Z"
    );
    assert_eq!(
        DateTime::from_secs(253_402_300_800).fmt_expanded(RFC),
        "+10000-01-01T00:00:00Z"
    );
    assert_eq!(
        DateTime::from_secs(-62_167_219_201).fmt_expanded(RFC),
        "-0001-12-31T23:59:59Z"
    );
}

#[test]
fn date_time_parsing() {
    let want = DateTime::from_secs(1_576_540_098);
    assert_eq!(parse("2019-12-16T22:48:18-01:00", RFC), want);
    assert_eq!(parse("2019-12-17T00:48:18+01:00", RFC), want);
    assert_eq!(parse("2019-12-16T23:48:18Z", RFC), want);
    assert_eq!(parse("2019-12-16t23:48:18z", RFC), want);
    assert_eq!(
        parse("2000-01-02T20:34:56.123Z", RFC),
        DateTime::from_millis(946_845_296_123)
    );
    assert_eq!(
        parse("2000-01-02T20:34:56.123456789123Z", RFC),
        DateTime::from_secs_and_nanos(946_845_296, 123_456_789)
    );
    assert_eq!(
        parse("2000-02-29T00:00:00Z", RFC).fmt_expanded(RFC),
        "2000-02-29T00:00:00Z"
    );
    assert_eq!(
        parse("+10000-01-01T00:00:00Z", RFC),
        DateTime::from_secs(253_402_300_800)
    );
    for bad in [
        "",
        "2019-12-16",
        "2019-12-16T23:48:18",
        "2019-12-16 23:48:18Z",
        "2019-13-16T23:48:18Z",
        "2019-02-29T23:48:18Z",
        "2019-12-16T24:00:00Z",
        "2019-12-16T23:60:00Z",
        "2019-12-16T23:48:60Z",
        "2019-12-16T23:48:18.Z",
        "2019-12-16T23:48:18+0100",
        "2019-12-16T23:48:18+24:00",
        "2019-12-16T23:48:18Zjunk",
        "19-12-16T23:48:18Z",
        "2019-1-16T23:48:18Z",
        "+999999999999999-01-01T00:00:00Z",
        "２０１９-12-16T23:48:18Z",
    ] {
        assert!(DateTime::from_str(bad, RFC).is_err(), "{bad:?}");
    }
}

#[test]
fn http_date() {
    let t = DateTime::from_secs(946_845_296);
    assert_eq!(t.fmt_expanded(HTTP), "Sun, 02 Jan 2000 20:34:56 GMT");
    assert_eq!(parse("Sun, 02 Jan 2000 20:34:56 GMT", HTTP), t);
    assert_eq!(
        DateTime::from_millis(946_845_296_999).fmt_expanded(HTTP),
        "Sun, 02 Jan 2000 20:34:56 GMT"
    );
    assert_eq!(
        DateTime::from_secs(-1).fmt_expanded(HTTP),
        "Wed, 31 Dec 1969 23:59:59 GMT"
    );
    for bad in [
        "Sun, 02 Jan 2000 20:34:56.123 GMT",
        "Sun, 02 Jan 2000 20:34:56 UTC",
        "Sun, 2 Jan 2000 20:34:56 GMT",
        "Sunday, 02 Jan 2000 20:34:56 GMT",
        "Xyz, 02 Jan 2000 20:34:56 GMT",
        "Sun, 02 Foo 2000 20:34:56 GMT",
        "Sun, 30 Feb 2000 20:34:56 GMT",
        "Sun 02 Jan 2000 20:34:56 GMT",
        "Sun, 02 Jan 2000 20:34:56 GMT ",
        "Sun, 02 Jan 2000 20:34 GMT",
        "",
    ] {
        assert!(DateTime::from_str(bad, HTTP).is_err(), "{bad:?}");
    }
}

#[test]
fn parse_errors_describe_the_problem() {
    let err = DateTime::from_str("2019-13-01T00:00:00Z", RFC).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid timestamp: `2019-13-01T00:00:00Z` is not a valid date-time: month is out of range (at byte 5)"
    );
}

#[test]
fn system_time_conversions() {
    let before = UNIX_EPOCH - Duration::from_millis(1500);
    assert_eq!(DateTime::from(before), DateTime::from_millis(-1500));
    assert_eq!(
        SystemTime::try_from(DateTime::from_millis(-1500)),
        Ok(before)
    );
    let after = UNIX_EPOCH + Duration::new(946_845_296, 123);
    assert_eq!(
        DateTime::from(after),
        DateTime::from_secs_and_nanos(946_845_296, 123)
    );
    assert_eq!(SystemTime::try_from(DateTime::from(after)), Ok(after));
    assert_eq!(
        DateTime::from(UNIX_EPOCH - Duration::from_secs(2)),
        DateTime::from_secs(-2)
    );
    // Whether the extremes fit depends on the platform's SystemTime; either way, no panic and
    // a lossless round trip when they do.
    for extreme in [
        DateTime::from_secs(i64::MIN),
        DateTime::from_secs_and_nanos(i64::MAX, 999_999_999),
    ] {
        if let Ok(system) = SystemTime::try_from(extreme) {
            assert_eq!(DateTime::from(system), extreme);
        }
    }
}

/// Any millisecond instant in years 0001..=9999 (what every text format can hold).
fn millis_in_four_digit_years() -> impl Strategy<Value = DateTime> {
    (-62_135_596_800_000i64..253_402_300_800_000).prop_map(DateTime::from_millis)
}

proptest! {
    #[test]
    fn epoch_seconds_round_trip(t in any::<i64>().prop_map(DateTime::from_millis)) {
        prop_assert_eq!(DateTime::from_str(&t.fmt_expanded(EPOCH), EPOCH), Ok(t));
    }

    #[test]
    fn epoch_seconds_round_trip_via_f64(ms in -100_000_000_000_000i64..100_000_000_000_000) {
        // What a JSON reader without arbitrary precision sees: the shortest f64 text.
        let t = DateTime::from_millis(ms);
        let as_f64: f64 = t.fmt_expanded(EPOCH).parse().unwrap();
        prop_assert_eq!(DateTime::from_fractional_secs(as_f64), Ok(t));
    }

    #[test]
    fn date_time_round_trip(t in millis_in_four_digit_years()) {
        prop_assert_eq!(DateTime::from_str(&t.fmt_expanded(RFC), RFC), Ok(t));
    }

    #[test]
    fn date_time_round_trip_any_second(secs in any::<i64>()) {
        let t = DateTime::from_secs(secs);
        prop_assert_eq!(DateTime::from_str(&t.fmt_expanded(RFC), RFC), Ok(t));
    }

    #[test]
    fn date_time_offsets_denote_the_same_instant(t in millis_in_four_digit_years(), offset_min in -1439i64..=1439) {
        let shifted = DateTime::from_millis(t.to_millis().unwrap() + offset_min * 60_000);
        let local = shifted.fmt_expanded(RFC);
        let sign = if offset_min < 0 { '-' } else { '+' };
        let text = format!("{}{sign}{:02}:{:02}", &local[..local.len() - 1], offset_min.abs() / 60, offset_min.abs() % 60);
        prop_assert_eq!(DateTime::from_str(&text, RFC), Ok(t));
    }

    #[test]
    fn http_date_round_trip(t in millis_in_four_digit_years()) {
        let whole = DateTime::from_secs(t.secs());
        prop_assert_eq!(DateTime::from_str(&t.fmt_expanded(HTTP), HTTP), Ok(whole));
    }

    #[test]
    fn parsers_never_panic(text in "\\PC{0,40}") {
        for format in [EPOCH, RFC, HTTP] {
            let _ = DateTime::from_str(&text, format);
        }
    }

    #[test]
    fn ordering_matches_milliseconds(a in any::<i64>(), b in any::<i64>()) {
        prop_assert_eq!(DateTime::from_millis(a).cmp(&DateTime::from_millis(b)), a.cmp(&b));
    }
}

#[test]
fn fmt_fails_like_the_sdk_where_four_digit_years_end() {
    let last = DateTime::from_secs(253_402_300_799);
    assert_eq!(last.fmt(RFC).as_deref(), Ok("9999-12-31T23:59:59Z"));
    let next = DateTime::from_secs(253_402_300_800);
    assert_eq!(
        next.fmt(RFC).unwrap_err().to_string(),
        "failed to format date-time: the year does not fit in four digits"
    );
    assert!(next.fmt(HTTP).is_err());
    assert!(DateTime::from_secs(-62_167_219_201).fmt(RFC).is_err());
    assert_eq!(next.fmt(EPOCH).as_deref(), Ok("253402300800"));
    assert_eq!(DateTime::from_millis(1_500).as_secs_f64(), 1.5);
}

#[test]
fn nanosecond_conversions_as_the_sdk() {
    let t = DateTime::from_secs_and_nanos(-2, 500_000_000);
    assert_eq!(t.as_nanos(), -1_500_000_000);
    assert_eq!(DateTime::from_nanos(-1_500_000_000), Ok(t));
    assert!(t.has_subsec_nanos());
    assert!(!DateTime::from_secs(5).has_subsec_nanos());
    assert!(DateTime::from_nanos(i128::MAX).is_err());
}

#[test]
fn from_secs_f64_saturates_as_the_sdk() {
    assert_eq!(
        DateTime::from_secs_f64(-1.25),
        DateTime::from_secs_and_nanos(-2, 750_000_000)
    );
    assert_eq!(DateTime::from_secs_f64(f64::NAN), DateTime::from_secs(0));
    assert_eq!(DateTime::from_secs_f64(1e300).secs(), i64::MAX);
}
