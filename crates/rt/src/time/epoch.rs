//! Epoch-seconds text: exact decimal parsing and millisecond formatting.
//!
//! Parsing works on the decimal digits rather than through `f64`, so `1736443496.379` is exactly
//! 379 ms and not the nearest binary fraction (378.99994… ms).

use super::{DateTime, DateTimeParseError, NANOS_PER_SEC};

/// Exponents beyond this cannot denote an in-range timestamp with nonzero digits; clamping keeps
/// the digit walk below bounded for inputs like `1e999999999`.
const MAX_EXPONENT: i64 = 1_000;

/// Writes an integer when the millisecond part is zero, else at most three fraction digits
/// without trailing zeros. Negative instants are written by their true value (-1.5 s is `-1.5`).
pub(crate) fn format(t: DateTime) -> String {
    let millis = t.subsec_millis();
    if millis == 0 {
        return t.secs().to_string();
    }
    // i128 avoids overflow at the extremes of the i64 second range.
    let total = i128::from(t.secs()) * 1000 + i128::from(millis);
    let sign = if total < 0 { "-" } else { "" };
    let magnitude = total.unsigned_abs();
    let fraction = format!("{:03}", magnitude % 1000);
    format!(
        "{sign}{}.{}",
        magnitude / 1000,
        fraction.trim_end_matches('0')
    )
}

/// Parses JSON-number text (`-12`, `1.5`, `1.5E9`, `1e-3`) into an instant, exact to the
/// nanosecond; digits beyond nanoseconds are truncated towards the past.
pub(crate) fn parse_decimal(text: &str) -> Result<DateTime, DateTimeParseError> {
    let invalid = || DateTimeParseError::new(format!("`{text}` is not an epoch-seconds number"));
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (
            &rest[..at],
            parse_exponent(&rest[at + 1..]).ok_or_else(invalid)?,
        ),
        None => (rest, 0),
    };
    let (int_digits, frac_digits) = match mantissa.split_once('.') {
        Some((int, frac)) => (int, frac),
        None => (mantissa, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int_digits.is_empty()
        || !all_digits(int_digits)
        || !all_digits(frac_digits)
        || (mantissa.contains('.') && frac_digits.is_empty())
    {
        return Err(invalid());
    }

    let digits: Vec<u8> = int_digits
        .bytes()
        .chain(frac_digits.bytes())
        .map(|b| b - b'0')
        .collect();
    // Position of the decimal point within `digits` after applying the exponent.
    let point = i64::try_from(int_digits.len()).map_err(|_| invalid())? + exponent;
    let digit_at = |i: i64| -> u8 {
        usize::try_from(i)
            .ok()
            .and_then(|i| digits.get(i))
            .copied()
            .unwrap_or(0)
    };

    let out_of_range =
        || DateTimeParseError::new(format!("`{text}` is out of the timestamp range"));
    let mut whole: i128 = 0;
    for i in 0..point.max(0) {
        whole = whole * 10 + i128::from(digit_at(i));
        if whole > i128::from(i64::MAX) + 1 {
            return Err(out_of_range());
        }
    }
    let mut nanos: u32 = 0;
    for i in point..point + 9 {
        nanos = nanos * 10 + u32::from(digit_at(i));
    }
    let last = i64::try_from(digits.len()).map_err(|_| invalid())?;
    let truncated = (point + 9..last).any(|i| digit_at(i) != 0);

    let (secs, nanos) = if !negative {
        (whole, nanos)
    } else {
        // -(whole + nanos + a sliver) rounded towards the past.
        let below = nanos + u32::from(truncated);
        if below == 0 {
            (-whole, 0)
        } else if below == NANOS_PER_SEC {
            (-whole - 1, 0)
        } else {
            (-whole - 1, NANOS_PER_SEC - below)
        }
    };
    let secs = i64::try_from(secs).map_err(|_| out_of_range())?;
    Ok(DateTime::from_secs_and_nanos(secs, nanos))
}

/// `[+-]digits`, clamped to ±[`MAX_EXPONENT`].
fn parse_exponent(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut value: i64 = 0;
    for b in digits.bytes() {
        value = (value * 10 + i64::from(b - b'0')).min(MAX_EXPONENT);
    }
    Some(if negative { -value } else { value })
}
