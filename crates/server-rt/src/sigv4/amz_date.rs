//! The `X-Amz-Date` format, ISO 8601 basic: `20150830T123600Z`, always UTC.

use std::time::SystemTime;

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

const FORMAT: &[BorrowedFormatItem<'static>] =
    format_description!("[year][month][day]T[hour][minute][second]Z");

/// Parses an `X-Amz-Date` value; `None` if it is not exactly that format.
pub(super) fn parse(value: &str) -> Option<SystemTime> {
    // The format has a fixed width; a length check keeps odd inputs (signs, extra digits) out.
    if value.len() != 16 {
        return None;
    }
    let parsed = PrimitiveDateTime::parse(value, FORMAT).ok()?;
    Some(parsed.assume_utc().into())
}

/// Formats a time as `X-Amz-Date` does, for messages.
pub(super) fn format(t: SystemTime) -> String {
    let t = OffsetDateTime::from(t);
    t.format(FORMAT)
        .unwrap_or_else(|_| t.unix_timestamp().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn round_trips_the_test_suite_date() {
        let t = parse("20150830T123600Z").expect("valid");
        assert_eq!(t, UNIX_EPOCH + Duration::from_secs(1_440_938_160));
        assert_eq!(format(t), "20150830T123600Z");
    }

    #[test]
    fn rejects_other_forms() {
        for bad in [
            "2015-08-30T12:36:00Z",
            "20150830T123600",
            "20150830T123600+0100",
            "20151330T123600Z",
            "",
            "x",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
