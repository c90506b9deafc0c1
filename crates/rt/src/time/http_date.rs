//! IMF-fixdate text from RFC 7231 (`Sun, 02 Jan 2000 20:34:56 GMT`).

use super::civil::{civil_from_days, days_from_civil, days_in_month, weekday, SECS_PER_DAY};
use super::{DateTime, DateTimeParseError};
use crate::time::text::{write_year, Cursor};

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Writes whole seconds (the format has no fraction; sub-second parts are truncated).
pub(crate) fn format(t: DateTime) -> String {
    let (days, second_of_day) = t.day_and_second();
    let (year, month, day) = civil_from_days(days);
    // weekday() is 0..7 and month 1..=12, so both indexes are in bounds.
    let day_name = DAYS[weekday(days) as usize];
    let month_name = MONTHS[month as usize - 1];
    let mut out = format!("{day_name}, {day:02} {month_name} ");
    write_year(&mut out, year);
    let (h, m, s) = (
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60,
    );
    out.push_str(&format!(" {h:02}:{m:02}:{s:02} GMT"));
    out
}

/// Parses IMF-fixdate. The day name must be a valid abbreviation but is not cross-checked
/// against the date (the date is authoritative). Fractional seconds are rejected.
pub(crate) fn parse(text: &str) -> Result<DateTime, DateTimeParseError> {
    let mut c = Cursor::new(text, "http-date");
    let day_name = c.word(3)?;
    if !DAYS.contains(&day_name) {
        return Err(c.error("unknown day name"));
    }
    c.expect(b',')?;
    c.expect(b' ')?;
    // The day is checked against the month length once both are known.
    let day = c.number(2, 1, 31, "day")?;
    c.expect(b' ')?;
    let month_name = c.word(3)?;
    let month = MONTHS
        .iter()
        .position(|m| *m == month_name)
        .ok_or_else(|| c.error("unknown month name"))?;
    // position() is below 12, so the cast cannot truncate.
    let month = month as u32 + 1;
    c.expect(b' ')?;
    let year = c.year()?;
    if day > days_in_month(year, month) {
        return Err(c.error("day is out of range for the month"));
    }
    c.expect(b' ')?;
    let hour = c.number(2, 0, 23, "hour")?;
    c.expect(b':')?;
    let minute = c.number(2, 0, 59, "minute")?;
    c.expect(b':')?;
    let second = c.number(2, 0, 59, "second")?;
    if c.peek() == Some(b'.') {
        return Err(c.error("fractional seconds are not allowed"));
    }
    c.expect(b' ')?;
    if c.word(3)? != "GMT" {
        return Err(c.error("expected `GMT`"));
    }
    c.finish()?;
    let secs = days_from_civil(year, month, day)
        .checked_mul(SECS_PER_DAY)
        .and_then(|s| s.checked_add(i64::from(hour * 3600 + minute * 60 + second)))
        .ok_or_else(|| c.error("out of the timestamp range"))?;
    Ok(DateTime::from_secs(secs))
}
