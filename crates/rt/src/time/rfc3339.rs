//! RFC 3339 date-time text (`2019-12-16T23:48:18.123Z`).

use super::civil::{civil_from_days, days_from_civil, days_in_month, SECS_PER_DAY};
use super::{DateTime, DateTimeParseError};
use crate::time::text::{write_year, Cursor};

/// Writes UTC with `Z`, and three fraction digits only when the millisecond part is nonzero.
pub(crate) fn format(t: DateTime) -> String {
    let (days, second_of_day) = t.day_and_second();
    let (year, month, day) = civil_from_days(days);
    let mut out = String::with_capacity(24);
    write_year(&mut out, year);
    let (h, m, s) = (
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60,
    );
    out.push_str(&format!("-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}"));
    let millis = t.subsec_millis();
    if millis != 0 {
        out.push_str(&format!(".{millis:03}"));
    }
    out.push('Z');
    out
}

/// Parses `date "T" time (fraction)? ("Z" | ("+" | "-") hh ":" mm)`; `t`/`z` may be lowercase.
/// A leap second (`:60`) is rejected because the instant it names is not representable.
pub(crate) fn parse(text: &str) -> Result<DateTime, DateTimeParseError> {
    let mut c = Cursor::new(text, "date-time");
    let year = c.year()?;
    c.expect(b'-')?;
    let month = c.number(2, 1, 12, "month")?;
    c.expect(b'-')?;
    let day = c.number(2, 1, days_in_month(year, month), "day")?;
    c.expect_any(b"Tt")?;
    let hour = c.number(2, 0, 23, "hour")?;
    c.expect(b':')?;
    let minute = c.number(2, 0, 59, "minute")?;
    c.expect(b':')?;
    let second = c.number(2, 0, 59, "second")?;
    let nanos = if c.eat(b'.') { c.fraction()? } else { 0 };
    let offset_secs = if c.eat_any(b"Zz") {
        0
    } else {
        let sign = if c.eat(b'+') {
            1
        } else if c.eat(b'-') {
            -1
        } else {
            return Err(c.error("expected `Z` or a UTC offset"));
        };
        let oh = c.number(2, 0, 23, "offset hour")?;
        c.expect(b':')?;
        let om = c.number(2, 0, 59, "offset minute")?;
        sign * i64::from(oh * 3600 + om * 60)
    };
    c.finish()?;

    let local = days_from_civil(year, month, day)
        .checked_mul(SECS_PER_DAY)
        .and_then(|s| s.checked_add(i64::from(hour * 3600 + minute * 60 + second)))
        // A local time ahead of UTC by the offset: subtract it to get UTC.
        .and_then(|s| s.checked_sub(offset_secs))
        .ok_or_else(|| c.error("out of the timestamp range"))?;
    Ok(DateTime::from_secs_and_nanos(local, nanos))
}
